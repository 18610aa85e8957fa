"""What the cashier's problem page says: for each sale that did not end PAID, what
went wrong and the one safe next step.

:func:`problem_wording` picks the words from the sale's state and, when the screen
knows it, why the sale got there:

- HPAY *answered* the payment request with an error (``answered``, e.g. HTTP 502):
  the request finished at HPAY, so HPOS settles it within seconds ("HPAY answered
  with an error (HTTP 502)…"), then FAILED "safe to try again";
- HPAY did *not* answer (timeout, reset, 504): "HPAY did not answer in time… do
  not charge again" while the history is searched (up to two minutes);
- the journal failed while the request was out (``unrecorded``, the sales layer's
  ``AnswerNotRecorded``): "Outcome unknown — do not charge again", naming the
  journal problem.

Texts keep the translation context "ProblemPage". Words only, no widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hpos.sales.states import SaleState
from hpos.ui.controller.text import answered_lead
from hpos.ui.widgets.style import AMBER, BLUE, GREY, RED

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import Sale

S = SaleState

#: How the HPAY layer names the status of an answer in its messages ("... (HTTP 502) ...").


@dataclass(frozen=True)
class Wording:
    """What the problem page says for one state, and what the cashier can do next."""

    title: str
    body: str
    tone: str  # background colour of the title band
    primary: str  # action of the primary button: "retry" | "new_sale" | "check"
    primary_text: str
    secondary_text: str | None  # always "new sale" when present


def answered_status(sale: Sale) -> int | None:
    """The HTTP status HPAY answered the sale's payment request with (kept by the journal)."""
    return sale.answered or None


def problem_wording(
    state: SaleState,
    expiry_minutes: int,
    *,
    answered: bool = False,
    http_status: int | None = None,
    unrecorded: str | None = None,
) -> Wording:
    """The wording of the problem page for a sale in ``state``, in the UI language.

    ``answered``/``http_status``: HPAY answered the payment request with an error.
    ``unrecorded``: the journal problem that kept HPAY's answer from being recorded.
    """
    new_sale = QCoreApplication.translate("ProblemPage", "New sale")
    if unrecorded is not None and state in (S.CREATED, S.REQUESTING, S.UNKNOWN):
        return _unrecorded(state, unrecorded, new_sale)
    if state is S.FAILED:
        if answered:
            body = QCoreApplication.translate(
                "ProblemPage",
                "{answered}, and no payment of this sale is in HPAY's history. "
                "Nothing was charged. Safe to try again.",
            ).format(answered=answered_lead(http_status))
        else:
            body = QCoreApplication.translate(
                "ProblemPage",
                "HPAY refused this payment or never received it. Nothing was charged. "
                "Safe to try again.",
            )
        title = QCoreApplication.translate("ProblemPage", "Payment not created")
        return Wording(
            title,
            body,
            RED,
            "retry",
            QCoreApplication.translate("ProblemPage", "Try again"),
            new_sale,
        )
    if state is S.EXPIRED:
        body = QCoreApplication.translate(
            "ProblemPage",
            "No payment within {minutes} minutes, so the link is no longer shown. "
            "If the customer pays now, HPOS will still see it and mark the sale PAID LATE.",
        ).format(minutes=expiry_minutes)
        return Wording(
            QCoreApplication.translate("ProblemPage", "Payment link expired"),
            body,
            AMBER,
            "new_sale",
            new_sale,
            None,
        )
    if state is S.UNKNOWN:
        if answered:
            body = QCoreApplication.translate(
                "ProblemPage",
                "{answered}. HPOS is making sure no payment was created (a few seconds). "
                "Do not charge again yet.",
            ).format(answered=answered_lead(http_status))
        else:
            body = QCoreApplication.translate(
                "ProblemPage",
                "Checking whether the payment went through: HPAY did not answer in time. "
                "Do not charge again. HPOS is looking for this payment in HPAY's history.",
            )
        title = QCoreApplication.translate("ProblemPage", "Checking the payment…")
        return Wording(
            title,
            body,
            BLUE,
            "check",
            QCoreApplication.translate("ProblemPage", "Check now"),
            new_sale,
        )
    if state is S.REVIEW:
        body = QCoreApplication.translate(
            "ProblemPage",
            "Several payments match this sale in HPAY, or its payment is not its own. "
            "Do not charge again: ask a manager to check it in History.",
        )
        title = QCoreApplication.translate("ProblemPage", "A manager must check this sale")
        return Wording(title, body, AMBER, "new_sale", new_sale, None)
    if state is S.CANCELLED:
        body = QCoreApplication.translate(
            "ProblemPage",
            "Nothing to pay. If the customer pays anyway, HPOS will still see it "
            "and mark the sale PAID LATE.",
        )
        return Wording(
            QCoreApplication.translate("ProblemPage", "Sale cancelled"),
            body,
            GREY,
            "new_sale",
            new_sale,
            None,
        )
    body = QCoreApplication.translate(
        "ProblemPage", "This sale is being looked after. It stays in the journal."
    )
    return Wording(
        QCoreApplication.translate("ProblemPage", "Sale needs attention"),
        body,
        GREY,
        "new_sale",
        new_sale,
        None,
    )


def _unrecorded(state: SaleState, problem: str, new_sale: str) -> Wording:
    """The request left, but the journal could not record HPAY's answer."""
    body = QCoreApplication.translate(
        "ProblemPage",
        "The payment request was sent, but this till's journal could not record HPAY's "
        "answer: {problem} HPOS looks for the payment in HPAY's history once the journal "
        "can be written, at the latest at the next start.",
    ).format(problem=problem.rstrip(".") + ".")
    title = QCoreApplication.translate("ProblemPage", "Outcome unknown — do not charge again")
    if state is S.UNKNOWN:  # the journal took it as UNKNOWN: the watcher is searching
        return Wording(
            title,
            body,
            RED,
            "check",
            QCoreApplication.translate("ProblemPage", "Check now"),
            new_sale,
        )
    return Wording(title, body, RED, "new_sale", new_sale, None)
