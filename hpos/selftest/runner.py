"""The runner of ``hpos --self-test``: does this installation work? Frozen app and source
tree alike.

Runs every check of :func:`default_checks` in order, each in a fresh temporary
directory (removed afterwards): the user's real profile, data and keyring
entries are never touched, and no secret is ever written. A check returns a
short detail line or raises; the report is one line per check and a verdict::

    HPOS self-test 0.1.0 · frozen · Linux x86_64 · Python 3.11.7
      ok    modules       97 hpos modules imported
      FAIL  sandbox       ProtocolError: ...
    self-test FAILED: 1 of 9 checks (sandbox)

:func:`run_self_test` returns 0 only when every check passed, else 1. The
checks themselves live in ``basic`` (no Qt) and ``qt`` (offscreen Qt).
"""

from __future__ import annotations

import io
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from hpos import __version__

#: Exit codes of :func:`run_self_test`.
PASSED, FAILED = 0, 1


@dataclass(frozen=True)
class Check:
    """One named check: ``run(workdir)`` returns a detail line or raises."""

    name: str
    run: Callable[[Path], str]


def default_checks() -> list[Check]:
    """Every check, in the order they run (Qt last: it needs the modules to import)."""
    # here: Qt and each check's modules load only when the checks run (not when the CLI
    # starts, nor when this module is imported)
    from hpos.selftest import basic, qt

    return [
        Check("modules", basic.check_modules),
        Check("certificates", basic.check_certificates),
        Check("data dirs", basic.check_data_dirs),
        Check("keyring", basic.check_keyring),
        Check("sandbox", basic.check_sandbox),
        Check("demo shop", basic.check_demo_shop),
        Check("qt", qt.check_qt),
        Check("qr", qt.check_qr),
        Check("sound", qt.check_sound),
        Check("printing", qt.check_printing),
        Check("translations", qt.check_translations),
        Check("icon", qt.check_icon),
    ]


def _header() -> str:
    kind = "frozen" if getattr(sys, "frozen", False) else "source"
    return (
        f"HPOS self-test {__version__} · {kind} · {platform.system()} {platform.machine()}"
        f" · Python {platform.python_version()}"
    )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return f"{type(exc).__name__}: {text}"[:300]


def run_self_test(out: TextIO | None, checks: Sequence[Check] | None = None) -> int:
    """Run the checks, print the report on ``out``; 0 when all passed, else 1."""
    out = out if out is not None else io.StringIO()  # a windowed exe has no stdout
    if checks is None:
        # QtMultimedia lists every optional library it did not find (pipewire, VA-API...)
        # on stderr as it loads: noise next to the report.
        os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
        checks = default_checks()
    encoding = getattr(out, "encoding", None) or "utf-8"

    def say(text: str) -> None:  # "·" and "→" become "?" on a console that cannot show them
        print(text.encode(encoding, "replace").decode(encoding), file=out, flush=True)

    say(_header())
    failed: list[str] = []
    started = time.perf_counter()
    for check in checks:
        workdir = Path(tempfile.mkdtemp(prefix="hpos-selftest-"))
        try:
            detail, ok = check.run(workdir), True
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none is fatal
            detail, ok = _one_line(exc), False
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        if not ok:
            failed.append(check.name)
        say(f"  {'ok  ' if ok else 'FAIL'}  {check.name:<13} {detail}")
    seconds = time.perf_counter() - started
    if failed:
        say(
            f"self-test FAILED: {len(failed)} of {len(checks)} checks ({', '.join(failed)})"
            f" in {seconds:.1f} s"
        )
        return FAILED
    say(f"self-test passed: {len(checks)} checks in {seconds:.1f} s")
    return PASSED
