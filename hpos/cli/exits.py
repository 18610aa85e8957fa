"""Exit codes of ``hpos`` and how a failure becomes one: ``EXIT_*``, ``EXIT_CODES``,
``CliError``, ``exit_code_for`` and the one-line ``error_message``.
"""

from __future__ import annotations

from hpos.cli import output
from hpos.hpay.errors import (
    ApiRefused,
    ConfigError,
    HpayError,
    InvalidRequest,
    NetworkError,
    OutcomeUnknown,
    ProtocolError,
    UnsafeCheckoutUrl,
)
from hpos.sales.journal import JournalError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_NETWORK = 4
EXIT_UNKNOWN = 5
EXIT_UNPAID = 6
EXIT_MISMATCH = 7
EXIT_REJECTED_LINES = 8
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_INTERNAL: "internal error (a bug; run with -v for the traceback)",
    EXIT_USAGE: "usage or configuration error, or a journal that cannot be written (nothing sent)",
    EXIT_REFUSED: "refused: HPAY said no, transaction not found, or unsafe checkout URL",
    EXIT_NETWORK: "network, timeout or bad HPAY answer: nothing charged (status: not refreshed)",
    EXIT_UNKNOWN: "payment outcome unknown: check `hpos history` before charging again",
    EXIT_UNPAID: "charge --wait / resume: still unpaid when the timeout ran out",
    EXIT_MISMATCH: "report: the till's figures and HPAY's history differ (see the flags)",
    EXIT_REJECTED_LINES: "catalogue import: some lines were rejected (the others were imported)",
    EXIT_INTERRUPTED: "interrupted (Ctrl+C)",
    EXIT_BROKEN_PIPE: "the output pipe closed early (e.g. `| head`)",
}


class CliError(Exception):
    """A failure found by the CLI itself, with its exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def exit_code_for(exc: BaseException) -> int:
    """The exit code of a failure (see ``EXIT_CODES``)."""
    if isinstance(exc, CliError):
        return exc.code
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, OutcomeUnknown):
        return EXIT_UNKNOWN
    if isinstance(exc, ConfigError | InvalidRequest | JournalError):
        return EXIT_USAGE
    if isinstance(exc, ApiRefused | UnsafeCheckoutUrl):
        return EXIT_REFUSED
    if isinstance(exc, NetworkError | ProtocolError):
        return EXIT_NETWORK
    return EXIT_INTERNAL


def error_message(exc: BaseException) -> str:
    """One line for the cashier, with what to do next when that matters."""
    text = str(exc) if isinstance(exc, HpayError | CliError | JournalError) else ""
    if isinstance(exc, OutcomeUnknown) and "hpos history" not in text:
        text += " Run `hpos history --limit 10` before charging again."
    if isinstance(exc, UnsafeCheckoutUrl) and exc.transaction_id:
        text += (
            f" The payment {exc.transaction_id} exists at HPAY;"
            f" follow it with `hpos status {exc.transaction_id}`."
        )
    if not text:
        text = f"unexpected {type(exc).__name__} (run with -v for details)"
    return " ".join(output.clean(text).split())
