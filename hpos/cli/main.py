"""The ``hpos`` entry point: ``main(argv)`` parses, sets up logging, runs one command.

``main`` returns the exit code (the console script exits with it); see
``hpos.cli.exits.EXIT_CODES``. Every failure ends as one line on stderr,
``hpos: error: ...``; an unexpected one also leaves its traceback in the
profile's log file (:mod:`hpos.logging_setup`), where every command logs.
The parser lives in ``args``, the commands in ``commands``.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from hpos.cli import output
from hpos.cli.args import build_parser
from hpos.cli.commands import COMMANDS, Context, cmd_demo, default_client_factory
from hpos.cli.exits import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_USAGE,
    CliError,
    error_message,
    exit_code_for,
)
from hpos.cli.sales_commands import SALES_COMMANDS
from hpos.demo import find_lan_address
from hpos.hpay.errors import ConfigError
from hpos.hpay.redact import install_redaction
from hpos.logging_setup import FileLogging, install_file_logging, register_secrets
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import open_profile

log = logging.getLogger("hpos.cli")
#: A record with this attribute set goes to the log file, not to stderr (tracebacks).
FILE_ONLY = "file_only"


def main(
    argv: list[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    keystore: KeyStore | None = None,
    client_factory: Callable[[Any], Any] | None = None,
) -> int:
    """Run ``hpos`` with ``argv``; returns the exit code (see ``EXIT_CODES``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command and (args.demo or args.no_window):
        parser.print_usage(sys.stderr)
        output.write(sys.stderr, "hpos: error: --demo and --no-window take no command")
        return EXIT_USAGE
    if args.self_test:
        if args.command or args.demo or args.no_window:
            parser.print_usage(sys.stderr)
            output.write(sys.stderr, "hpos: error: --self-test takes no command or other option")
            return EXIT_USAGE
        from hpos.selftest.runner import run_self_test  # Qt and the sandbox: imported only here

        return run_self_test(sys.stdout)
    if args.lan and not args.demo:
        parser.print_usage(sys.stderr)
        output.write(sys.stderr, "hpos: error: --lan goes with --demo")
        return EXIT_USAGE
    if args.lang and (args.command or args.no_window):
        parser.print_usage(sys.stderr)
        output.write(sys.stderr, "hpos: error: --lang sets the window's language only")
        return EXIT_USAGE
    env = dict(os.environ) if env is None else env
    if args.command is None and not args.no_window:
        lan_host = _lan_host(args.lan)
        if lan_host is None and args.lan:
            return EXIT_USAGE
        from hpos.ui.app import run_app  # the window: Qt is imported only here

        return run_app(
            demo=args.demo,
            config_dir=getattr(args, "config_dir", None),
            env=env,
            language=args.lang,
            lan_host=lan_host,
        )
    root = logging.getLogger()
    old_level = root.level
    handler = _setup_logging(bool(getattr(args, "verbose", False)))
    file_log: FileLogging | None = None
    try:
        profile = open_profile(getattr(args, "config_dir", None), env=env, keystore=keystore)
        effective = profile.effective()
        register_secrets((effective.api_key, effective.public_key, env.get("HPOS_SECRET_KEY")))
        file_log = _file_logging(profile.log_dir)
        ctx = Context(
            profile=profile,
            env=env,
            out=sys.stdout,
            err=sys.stderr,
            stdin=sys.stdin,
            client_factory=client_factory or default_client_factory,
        )
        if args.command is None:
            if not args.demo:
                raise CliError("--no-window needs --demo or a command (see hpos --help)", 2)
            return cmd_demo(args, ctx)
        return {**COMMANDS, **SALES_COMMANDS}[args.command](args, ctx)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except (Exception, KeyboardInterrupt) as exc:  # one line, no traceback
        code = exit_code_for(exc)
        if code == EXIT_INTERNAL:
            log.debug("unexpected error", exc_info=True)
            log.error("unexpected error", exc_info=True, extra={FILE_ONLY: True})
        if isinstance(exc, KeyboardInterrupt):
            output.write(sys.stderr, "hpos: interrupted")
        else:
            output.write(sys.stderr, f"hpos: error: {error_message(exc)}")
        return code
    finally:
        if file_log is not None:
            file_log.close()
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def _lan_host(wanted: bool) -> str | None:
    """This machine's LAN address for ``--lan`` (None, said on stderr, when there is none)."""
    if not wanted:
        return None
    try:
        return find_lan_address()
    except ConfigError as exc:
        output.write(sys.stderr, f"hpos: error: {error_message(exc)}")
        return None


def _file_logging(log_dir: Path) -> FileLogging | None:
    """The profile's log file for this command (None, with a warning, if it cannot be)."""
    try:
        return install_file_logging(log_dir)
    except OSError as exc:
        log.warning("no log file in %s: %s", log_dir, exc)
        return None


def _silence_stdout() -> None:
    """After the reader went away, point stdout at devnull so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _setup_logging(verbose: bool) -> logging.Handler:
    """Log to stderr through the redacting filter: warnings, or everything with -v."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handler.setFormatter(logging.Formatter("hpos: %(levelname)s %(name)s: %(message)s"))
    install_redaction(handler)
    handler.addFilter(lambda record: not getattr(record, FILE_ONLY, False))
    root = logging.getLogger()
    if verbose and root.getEffectiveLevel() > logging.DEBUG:
        root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    return handler
