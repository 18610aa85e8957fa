"""What each ``hpos`` command does: ``Context``, the ``cmd_*`` functions and their
helpers, ``wait_for_payment``, the ``--demo`` dispatcher and the ``COMMANDS`` table.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import itertools
import logging
import os
import shlex
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from hpos.cli import output
from hpos.cli.exits import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
)
from hpos.cli.pin_command import cmd_configure_pin, wants_pin_command
from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import validate_base_url
from hpos.profile.keystore import NO_KEYRING, KeyStoreError
from hpos.profile.profile import Profile, replace_settings
from hpos.profile.return_pages import example_return_pages

log = logging.getLogger("hpos.cli")


@dataclass
class Context:
    """What a command needs: the profile, the streams, a way to make a client."""

    profile: Profile
    env: Mapping[str, str]
    out: TextIO
    err: TextIO
    stdin: TextIO
    client_factory: Callable[[Any], Any]
    #: Journal notices already said on stderr by this command (said once, not per open).
    noticed: set[str] = field(default_factory=set)

    def client_config(self) -> Any:
        """The profile's HPAY client configuration; ConfigError "not set up" when it has none.

        Every command that talks to HPAY asks here, so each one on a profile without its
        URL, keys or secret (or without a keyring to read it from) says the same: exit 2,
        "HPOS is not set up for HPAY in DIR: what is missing and what to do."
        """
        try:
            return self.profile.client_config()
        except KeyStoreError as exc:
            if exc.reason != NO_KEYRING:
                raise  # a locked or failing keyring: its own sentence says what to do
            missing = str(exc)
        except ConfigError as exc:
            missing = str(exc)
        raise ConfigError(
            f"HPOS is not set up for HPAY in {self.profile.config_dir}: "
            f"{missing[:1].lower()}{missing[1:]}"
        ) from None

    @contextlib.contextmanager
    def client(self) -> Iterator[Any]:
        """A client for the profile's effective settings, closed afterwards."""
        client = self.client_factory(self.client_config())
        try:
            yield client
        finally:
            client.close()

    @contextlib.contextmanager
    def client_if_set_up(self) -> Iterator[tuple[Any, ConfigError | None]]:
        """As :meth:`client`, or (None, why) when the profile is not set up for HPAY: for a
        command that still shows the journal's own figures (the report, the closing)."""
        why: ConfigError | None = None
        try:
            client = self.client_factory(self.client_config())
        except ConfigError as exc:
            client, why = None, exc
        try:
            yield client, why
        finally:
            if client is not None:
                client.close()

    def say(self, text: str) -> None:
        """Print a line on stdout (flushed)."""
        output.write(self.out, text)


def default_client_factory(config: Any) -> Any:
    """The real HPAY client (imported only when a command needs one)."""
    # imported on first use: keeps start-up fast (requests loads only for HPAY commands)
    from hpos.hpay.client import HpayClient

    return HpayClient(config)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    """``hpos --demo``: one sale end to end on the built-in sandbox."""
    # imported on first use: only `hpos --demo` needs the demo (keeps start-up fast)
    from hpos.cli.demo import run_demo
    from hpos.demo import find_lan_address

    config_dir = getattr(args, "config_dir", None)
    lan_host = find_lan_address() if getattr(args, "lan", False) else None
    return run_demo(
        env=ctx.env, out=ctx.out, stdin=ctx.stdin, config_dir=config_dir, lan_host=lan_host
    )


def cmd_sandbox(args: argparse.Namespace, ctx: Context) -> int:
    """Run the local HPAY emulator until Ctrl+C or SIGTERM."""
    # imported on first use: only `hpos sandbox` needs the emulator (keeps start-up fast)
    from hpos.sandbox.accounts import DEMO_ACCOUNT
    from hpos.sandbox.server import SandboxServer

    kwargs: dict[str, Any] = {}
    if args.state is not None:
        kwargs["state_file"] = args.state
    if args.token_ttl is not None:
        kwargs["token_ttl"] = args.token_ttl
    stop = threading.Event()
    previous = _install_stop_handlers(stop)
    try:
        try:
            server = SandboxServer(args.host, args.port, **kwargs).start()
        except OSError as exc:
            raise CliError(
                f"Cannot start the sandbox on {args.host}:{args.port}: {exc.strerror or exc}.",
                EXIT_USAGE,
            ) from None
        try:
            _print_sandbox(ctx, server.url, DEMO_ACCOUNT)
            while not stop.wait(0.25):
                pass
        finally:
            server.stop()
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
    ctx.say("Sandbox stopped.")
    return EXIT_OK


def _install_stop_handlers(stop: threading.Event) -> dict[int, Any]:
    """SIGINT and SIGTERM set ``stop`` (main thread only); returns the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, lambda _signum, _frame: stop.set())
    return previous


def _print_sandbox(ctx: Context, url: str, account: Any) -> None:
    values = {
        "HPOS_API_URL": url,
        "HPOS_API_KEY": account.api_key,
        "HPOS_PUBLIC_KEY": account.public_key,
        "HPOS_SECRET_KEY": account.secret_key,
        "HPOS_MODE": "TEST",
    }
    ctx.say("HPOS sandbox: a local HPAY emulator (TEST data only, demo credentials are public)")
    ctx.say(
        output.key_values(
            [
                ("URL", url),
                ("Company", account.company),
                ("Currency", account.currency),
                ("API key", account.api_key),
                ("Public key", account.public_key),
                ("Secret key", account.secret_key),
            ]
        )
    )
    ctx.say("")
    if os.name == "nt":
        ctx.say("Paste into PowerShell to use it:")
        for name, value in values.items():
            ctx.say(f"$env:{name} = '{value}'")
    else:
        ctx.say("Paste into a shell to use it:")
        ctx.say("export " + " ".join(f"{name}={shlex.quote(v)}" for name, v in values.items()))
    ctx.say("")
    ctx.say(f"Sandbox ready at {url}")
    ctx.say("Press Ctrl+C to stop.")


def cmd_configure(args: argparse.Namespace, ctx: Context) -> int:
    """Save settings; the secret goes to the keyring. --pin / --reset-pin: the manager PIN."""
    if wants_pin_command(args):
        return cmd_configure_pin(args, ctx)
    profile = ctx.profile
    changes = {
        key: value
        for key, value in (
            ("api_url", args.api_url),
            ("api_key", args.api_key),
            ("public_key", args.public_key),
            ("mode", args.mode),
            ("till_name", args.till_name),
            ("default_product", args.product),
        )
        if value is not None
    }
    if changes.get("api_url"):
        changes["api_url"] = validate_base_url(changes["api_url"].strip())
    settings = replace_settings(profile.settings, **changes)
    secret = _read_secret(args, ctx)
    profile.save(settings)
    if secret:
        profile.set_secret_key(secret)
    ctx.say(f"Saved {profile.settings_path}")
    where = "stored in the system keyring" if secret else "unchanged"
    if ctx.env.get("HPOS_SECRET_KEY", "").strip():
        where += " (HPOS_SECRET_KEY is set and takes precedence)"
    ctx.say(
        output.key_values(
            [
                ("API URL", settings.api_url or "(not set)"),
                ("API key", _mask(settings.api_key)),
                ("Public key", _mask(settings.public_key)),
                ("Secret key", where),
                ("Mode", settings.mode),
                ("Till", settings.till_name),
                ("Product", settings.default_product),
            ]
        )
    )
    return EXIT_OK


def _read_secret(args: argparse.Namespace, ctx: Context) -> str | None:
    if args.secret_stdin:
        secret = ctx.stdin.readline().strip()
        if not secret:
            raise ConfigError("No secret key on standard input; nothing was saved.")
        return secret
    isatty = getattr(ctx.stdin, "isatty", lambda: False)
    if not isatty():
        return None
    return getpass.getpass("HPAY secret key (Enter keeps the current one): ").strip() or None


def _mask(value: str) -> str:
    if not value:
        return "(not set)"
    return value[:4] + "…" if len(value) > 8 else "…"


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    """Get a token and show what HPAY says about the account."""
    with ctx.client() as client:
        token = client.token()
    ctx.say(
        output.key_values(
            [
                ("Company", token.company),
                ("Mode", _mode_text(token.mode)),
                ("Currency", token.currency),
                ("Main balance", output.money_text(token.main_balance, token.currency) or "-"),
                ("Profit balance", output.money_text(token.profit_balance, token.currency) or "-"),
            ]
        )
    )
    examples = example_return_pages(ctx.profile.effective())
    if examples:  # a warning, not a failure: payments work, the customer lands on HPAY's page
        output.write(ctx.err, return_pages_warning(examples))
    return EXIT_OK


#: How ``hpos check`` names the return-page settings.
_RETURN_PAGE_NAMES = {"notify_url": "notify", "success_url": "success", "cancel_url": "cancel"}


def return_pages_warning(fields: tuple[str, ...]) -> str:
    """The ``hpos check`` line for return pages still on HPAY's example addresses (PROD)."""
    names = [_RETURN_PAGE_NAMES[key] for key in fields]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    plural = "URL is" if len(names) == 1 else "URLs are"
    return (
        f"Warning: the {listed} {plural} still HPAY's example address "
        "(https://hpay.cash/third/...): after paying, your customers' phones open HPAY's "
        "example page. Set your own in the window's Settings (HPAY and shop > Payments) "
        "or in settings.json; see the README's set-up section."
    )


def _mode_text(mode: str) -> str:
    return "TEST (test payments, no real money)" if mode == "TEST" else mode


def cmd_balance(args: argparse.Namespace, ctx: Context) -> int:
    """Show the account balances."""
    with ctx.client() as client:
        bal = client.balance()
    ctx.say(
        output.key_values(
            [
                ("Company", bal.company),
                ("Contact", bal.contact),
                ("Currency", bal.currency),
                ("Main balance", output.money_text(bal.main_balance, bal.currency)),
                ("Profit balance", output.money_text(bal.profit_balance, bal.currency)),
            ]
        )
    )
    return EXIT_OK


def cmd_history(args: argparse.Namespace, ctx: Context) -> int:
    """List payments as a table, CSV or JSON."""
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("--from is after --to.", EXIT_USAGE)
    filters: dict[str, Any] = {
        "status": args.status,
        "date_from": args.date_from,
        "date_to": args.date_to,
    }
    with ctx.client() as client:
        rows = client.iter_history(page_size=min(args.limit, 100), **filters)
        entries = list(itertools.islice(rows, args.limit))
    render = {
        "table": output.history_table,
        "csv": output.history_csv,
        "json": output.history_json,
    }[args.format]
    text = render(entries)
    ctx.out.write(text if text.endswith("\n") else text + "\n")
    ctx.out.flush()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "sandbox": cmd_sandbox,
    "configure": cmd_configure,
    "check": cmd_check,
    "balance": cmd_balance,
    "history": cmd_history,
}
