"""What the cashier is told of the sales a start (or a settings change) found still open.

The sales layer's recovery hands back every sale left open: waiting for payment
(AWAITING), payment request unanswered (UNKNOWN), cancelled or expired within the
late-payment grace period (CANCELLED, EXPIRED), never sent (now FAILED), or waiting
for a manager (REVIEW). The cashier screen keeps those it does not show in a small
lasting status above its pages; this module words it, state by state, and only says
"from last time" for a sale made before this window opened (``since``):

- "1 sale from last time is still waiting for payment — F3 shows it."
- "Checking with HPAY whether 1 sale from last time was paid."
- "Watching 1 cancelled sale for a late payment." (made in this session, e.g. before
  the settings were changed)

Several states make several sentences, in that order. The status is empty once none
of the sales is open any more. The one-off notes (:func:`recovery_notes`) say what
needs no watching: a sale never sent, a sale waiting for a manager.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hpos.sales.states import SaleState

if TYPE_CHECKING:  # the sale model loads with the sales service
    from hpos.sales.model import Sale

S = SaleState

#: States the status speaks of (the watcher's), in the order it says them.
WATCHED_STATES = (S.AWAITING, S.UNKNOWN, S.CANCELLED, S.EXPIRED)


def from_last_time(sale: Sale, since: datetime | None) -> bool:
    """The sale was made before this window opened (by a previous run of HPOS)."""
    return since is not None and sale.created_at < since


def _sentence(state: SaleState, last_time: bool, count: int) -> str:
    one = count == 1
    if state is S.AWAITING:
        if last_time:
            text = (
                QCoreApplication.translate(
                    "CashierScreen",
                    "1 sale from last time is still waiting for payment — F3 shows it.",
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen",
                    "{count} sales from last time are still waiting for payment"
                    " — F3 shows the newest.",
                )
            )
        else:
            text = (
                QCoreApplication.translate(
                    "CashierScreen", "1 earlier sale is still waiting for payment — F3 shows it."
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen",
                    "{count} earlier sales are still waiting for payment — F3 shows the newest.",
                )
            )
    elif state is S.UNKNOWN:
        if last_time:
            text = (
                QCoreApplication.translate(
                    "CashierScreen", "Checking with HPAY whether 1 sale from last time was paid."
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen",
                    "Checking with HPAY whether {count} sales from last time were paid.",
                )
            )
        else:
            text = (
                QCoreApplication.translate(
                    "CashierScreen", "Checking with HPAY whether 1 earlier sale was paid."
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen", "Checking with HPAY whether {count} earlier sales were paid."
                )
            )
    elif state is S.CANCELLED:
        if last_time:
            text = (
                QCoreApplication.translate(
                    "CashierScreen", "Watching 1 cancelled sale from last time for a late payment."
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen",
                    "Watching {count} cancelled sales from last time for a late payment.",
                )
            )
        else:
            text = (
                QCoreApplication.translate(
                    "CashierScreen", "Watching 1 cancelled sale for a late payment."
                )
                if one
                else QCoreApplication.translate(
                    "CashierScreen", "Watching {count} cancelled sales for a late payment."
                )
            )
    elif last_time:
        text = (
            QCoreApplication.translate(
                "CashierScreen", "Watching 1 expired sale from last time for a late payment."
            )
            if one
            else QCoreApplication.translate(
                "CashierScreen", "Watching {count} expired sales from last time for a late payment."
            )
        )
    else:
        text = (
            QCoreApplication.translate(
                "CashierScreen", "Watching 1 expired sale for a late payment."
            )
            if one
            else QCoreApplication.translate(
                "CashierScreen", "Watching {count} expired sales for a late payment."
            )
        )
    return text.format(count=count)


def watch_status(sales: Iterable[Sale], *, since: datetime | None) -> str:
    """The lasting status for ``sales`` (those open and not on screen); "" when none is open."""
    counts = Counter(
        (s.state, from_last_time(s, since)) for s in sales if s.state in WATCHED_STATES
    )
    return " ".join(
        _sentence(state, last_time, counts[state, last_time])
        for state in WATCHED_STATES
        for last_time in (True, False)
        if counts[state, last_time]
    )


def recovery_notes(sales: Iterable[Sale]) -> list[str]:
    """The one-off notes of a recovery: sales never sent (now FAILED), sales for a manager."""
    found = list(sales)
    notes = []
    never_sent = [s.sale_number for s in found if s.state is S.FAILED]
    if never_sent:
        notes.append(
            QCoreApplication.translate(
                "CashierScreen", "Sale {number} was never sent to HPAY: nothing was charged."
            ).format(number=", ".join(never_sent[:3]))
        )
    review = [s.sale_number for s in found if s.state is S.REVIEW]
    if review:
        notes.append(
            QCoreApplication.translate(
                "CashierScreen", "Sale {number} needs a manager: its payment must be checked."
            ).format(number=", ".join(review[:3]))
        )
    return notes


def back_on_screen(sale: Sale, since: datetime | None) -> str:
    """The note when a waiting sale's QR code comes back on screen by itself."""
    if from_last_time(sale, since):
        text = QCoreApplication.translate(
            "CashierScreen",
            "Sale {number} from last time is still waiting for payment: "
            "its QR code is back on screen.",
        )
    else:
        text = QCoreApplication.translate(
            "CashierScreen",
            "Sale {number} is still waiting for payment: its QR code is back on screen.",
        )
    return text.format(number=sale.sale_number)
