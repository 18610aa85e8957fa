"""The cashier's sentences for what the sales layer reports: errors, checks, refused cancels.

The pure layers speak English; these functions say the kind of failure in the
UI language (translation context ``SaleController``) and append HPAY's or the
sales layer's own detail as it is. Used by :class:`~hpos.ui.controller.sale.SaleController`
and the cashier screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hpos.hpay.errors import (
    ApiRefused,
    BadCredentials,
    ConfigError,
    HpayError,
    InvalidRequest,
    NetworkError,
    OutcomeUnknown,
    ProtocolError,
    TokenInvalid,
    UnsafeCheckoutUrl,
)

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import SaleEvent


def _lead(exc: HpayError) -> str:
    """What kind of failure, in the UI language (the pure layers' messages are English)."""
    # here, not at the top: the till and journal bring the HPAY client (and ``requests``),
    # which the window imports on a worker after its first paint; an error of theirs
    # exists only once they are imported, so this import is then free (the same for the
    # profile lock's errors: it is taken on that worker)
    from hpos.sales.lock import ProfileLocked, ProfileUnwritable
    from hpos.sales.till import AnswerNotRecorded

    if isinstance(exc, ProfileLocked):
        return QCoreApplication.translate("SaleController", "HPOS is already open for this profile")
    if isinstance(exc, ProfileUnwritable):
        return QCoreApplication.translate(
            "SaleController", "The profile's folder cannot be written; nothing was sent to HPAY"
        )
    if isinstance(exc, ConfigError):
        return QCoreApplication.translate("SaleController", "Settings problem")
    if isinstance(exc, InvalidRequest):
        return QCoreApplication.translate("SaleController", "This amount or sale cannot be sent")
    if isinstance(exc, BadCredentials | TokenInvalid):
        return QCoreApplication.translate("SaleController", "HPAY refused the keys")
    if isinstance(exc, ApiRefused):
        return QCoreApplication.translate("SaleController", "HPAY refused")
    if isinstance(exc, NetworkError):
        return QCoreApplication.translate("SaleController", "HPAY cannot be reached")
    if isinstance(exc, ProtocolError):
        return QCoreApplication.translate("SaleController", "HPAY answered something unexpected")
    if isinstance(exc, UnsafeCheckoutUrl):
        return QCoreApplication.translate("SaleController", "Unsafe payment link refused")
    if isinstance(exc, AnswerNotRecorded):
        return QCoreApplication.translate(
            "SaleController", "Outcome unknown — do not charge again (the journal failed)"
        )
    if isinstance(exc, OutcomeUnknown) and exc.answered:
        return answered_lead(exc.http_status)
    if isinstance(exc, OutcomeUnknown):
        return QCoreApplication.translate("SaleController", "HPAY did not answer in time")
    return QCoreApplication.translate("SaleController", "HPAY problem")


def answered_lead(status: int | None) -> str:
    """ "HPAY answered with an error (HTTP 502)": HPAY answered, so the request finished there."""
    if status is None:
        return QCoreApplication.translate("SaleController", "HPAY answered with an error")
    return QCoreApplication.translate(
        "SaleController", "HPAY answered with an error (HTTP {status})"
    ).format(status=status)


def error_text(exc: BaseException) -> str:
    """A sentence for the cashier from any exception a job raised.

    The kind of failure is said in the UI language; the detail (HPAY's or the
    sales layer's own words, in English) follows as it is. A journal that cannot
    be used before a request names its file and says nothing was sent.
    """
    if isinstance(exc, HpayError):
        return QCoreApplication.translate("SaleController", "{what}: {detail}").format(
            what=_lead(exc), detail=exc.message
        )
    from hpos.sales.journal import JournalError  # see _lead

    if isinstance(exc, JournalError):
        return QCoreApplication.translate(
            "SaleController", "The sales journal cannot be used; nothing was sent to HPAY: {detail}"
        ).format(detail=str(exc))
    return (
        QCoreApplication.translate("SaleController", "Unexpected error ({kind}): {detail}")
        .format(kind=type(exc).__name__, detail=exc)
        .strip()
    )


def event_text(event: SaleEvent) -> str:
    """What a watcher's check found, in the UI language (unknown news: its own words)."""
    message = event.message
    if event.kind == "connection_lost":
        detail = event.error.message.rstrip(".") if event.error is not None else ""
        return QCoreApplication.translate(
            "SaleController", "Connection to HPAY lost ({detail}); retrying."
        ).format(detail=detail)
    if event.kind == "connection_restored":
        return QCoreApplication.translate("SaleController", "Connection to HPAY restored.")
    if event.kind == "checked" and event.error is not None:
        return QCoreApplication.translate(
            "SaleController", "Still no connection to HPAY; retrying."
        )
    if message == "Not paid yet.":
        return QCoreApplication.translate("SaleController", "Not paid yet.")
    if message.startswith("HPAY does not list payment"):
        return QCoreApplication.translate("SaleController", "HPAY does not list this payment yet.")
    if message.startswith("No payment for "):
        return QCoreApplication.translate(
            "SaleController", "No payment for this sale in HPAY's history yet."
        )
    return message


def last_known_text(exc: BaseException) -> str:
    """ "Last known, not refreshed: <reason>": what is shown could not be checked just now."""
    if isinstance(exc, HpayError):
        reason = error_text(exc)
    else:  # the journal or a lookup: its own words (they name the file)
        reason = str(exc).strip("'\"") or type(exc).__name__
    return QCoreApplication.translate(
        "SaleController", "Last known, not refreshed: {reason}"
    ).format(reason=reason)


def cancel_text(exc: BaseException) -> str:
    """Why a cancel did not happen, for the cashier."""
    if isinstance(exc, ValueError) and not isinstance(exc, HpayError):  # IllegalTransition
        return QCoreApplication.translate(
            "SaleController", "This sale can no longer be cancelled (it changed meanwhile)."
        )
    if isinstance(exc, KeyError):
        return QCoreApplication.translate("SaleController", "This sale is not in the journal.")
    return error_text(exc)
