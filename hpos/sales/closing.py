"""Closing the day: one till's business day in figures, checked against HPAY, then recorded.

The business day is a calendar day of the shop's time zone ``tz``; its sales are those
*created* that day (as in :mod:`hpos.sales.report`, whose report and checks against
HPAY's history are reused whole: :attr:`DayClose.report`). On top of the report a
closing gives:

- the sales in four groups (:data:`GROUPS`): paid (paid late included; with fees and
  net), cancelled (cancelled or expired: no money), failed, and open (still in
  progress or waiting for a person);
- the paid figures per cashier (the report's ``by_cashier``; None: not recorded);
- each open sale with its next step (:class:`OpenSale`: wait, check or cancel);
- the day's earlier closings from the journal, and what changed since the last one
  (:class:`Change`: a sale paid late after the closing, one sold after it...).

:func:`closing_totals` is what a closing records (JSON-ready, amounts as exact
strings); :func:`record_closing` writes it, and only when HPAY's history was read
(a closing never records figures HPAY could not confirm). Pure Python: no Qt, no
threads; the window runs it on its runner, ``hpos report --close`` in its process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hpos.hpay.client import HpayClient
from hpos.hpay.money import amount_text
from hpos.sales.journal import Journal
from hpos.sales.journal_closings import ClosingRecord
from hpos.sales.model import Sale
from hpos.sales.report import DayReport, build_day_report, day_window
from hpos.sales.states import SaleState

if TYPE_CHECKING:  # the report's own type, read through DayReport.by_cashier
    from hpos.sales.report_types import CashierLine

__all__ = [
    "GROUPS",
    "STEPS",
    "Change",
    "ClosingRecord",
    "DayClose",
    "DayNotChecked",
    "Figures",
    "OpenSale",
    "build_closing",
    "closing_totals",
    "record_closing",
]

S = SaleState
_ZERO = Decimal(0)

#: The four groups of a closing, in the order they are shown, and the states in each.
GROUPS: dict[str, frozenset[SaleState]] = {
    "paid": frozenset({S.PAID}),
    "cancelled": frozenset({S.CANCELLED, S.EXPIRED}),
    "failed": frozenset({S.FAILED}),
    "open": frozenset({S.CREATED, S.REQUESTING, S.AWAITING, S.UNKNOWN, S.REVIEW}),
}

#: Why an open sale is still open -> its next step (wait, check or cancel).
STEPS: dict[str, str] = {
    "sending": "wait",  # CREATED / REQUESTING: the request is on its way
    "paying": "wait",  # AWAITING, younger than the watcher's expiry: the customer may pay
    "not_watched": "cancel",  # AWAITING past the expiry: nobody watched it (HPOS was closed)
    "unknown": "check",  # UNKNOWN: HPOS is searching HPAY's history
    "review": "check",  # REVIEW: a person must decide
    "paid_at_hpay": "check",  # HPAY has it PAID: check it so the till records the payment
}


class DayNotChecked(Exception):
    """The day cannot be closed: HPAY's history could not be read (nothing recorded)."""


@dataclass(frozen=True, slots=True)
class Figures:
    """How many sales, their amount, fees (of paid sales only) and net."""

    count: int
    amount: Decimal
    fees: Decimal = _ZERO

    @property
    def net(self) -> Decimal:
        """What the shop keeps: amount less HPAY's fees."""
        return self.amount - self.fees


@dataclass(frozen=True, slots=True)
class OpenSale:
    """A sale of the day still open, and what to do with it (:data:`STEPS`)."""

    sale: Sale
    reason: str

    @property
    def step(self) -> str:
        """ "wait", "check" or "cancel"."""
        return STEPS[self.reason]


@dataclass(frozen=True, slots=True)
class Change:
    """A sale of the day that changed after the last closing.

    ``kind``: "paid_late" (cancelled or expired at the closing, paid since), "paid",
    "new_sale" (created after the closing; ``before`` None), or the new state's value
    ("cancelled", "expired", "failed", "review"...).
    """

    kind: str
    sale: Sale
    before: SaleState | None

    @property
    def after(self) -> SaleState:
        """The sale's state now."""
        return self.sale.state


@dataclass(frozen=True)
class DayClose:
    """Everything the "Close the day" page and ``hpos report --close`` show."""

    till: str
    day: date
    report: DayReport
    groups: dict[str, Figures]  # keys of GROUPS, in its order
    open_sales: tuple[OpenSale, ...]
    closings: tuple[ClosingRecord, ...]  # this day's earlier closings, oldest first
    changes: tuple[Change, ...]  # since the last closing (none when never closed)

    @property
    def currency(self) -> str:
        """The day's currency ("" when there was no sale and no account currency)."""
        return self.report.currency or ""

    @property
    def cashiers(self) -> tuple[CashierLine, ...]:
        """The paid figures by cashier, from the report (empty: no sale names a cashier)."""
        return self.report.by_cashier

    @property
    def last_closing(self) -> ClosingRecord | None:
        """The day's latest closing, if it was closed."""
        return self.closings[-1] if self.closings else None

    @property
    def can_close(self) -> bool:
        """HPAY's history was read: the figures can be recorded."""
        return self.report.checked

    @property
    def paid_then(self) -> Figures | None:
        """The paid figures recorded by the last closing."""
        last = self.last_closing
        if last is None:
            return None
        paid = last.totals.get("groups", {}).get("paid", {})
        return Figures(
            int(paid.get("count", 0)),
            Decimal(paid.get("amount", "0")),
            Decimal(paid.get("fees", "0")),
        )


def build_closing(
    journal: Journal,
    client: HpayClient | None,
    day: date,
    *,
    till: str,
    mode: str,
    tz: tzinfo,
    now: datetime,
    expire_after: float = 900.0,
    page_size: int = 100,
) -> DayClose:
    """The closing of ``day`` for this till (its journal), checked with ``client`` if given.

    ``now`` (aware) says how old an open sale is; ``expire_after`` is the watcher's
    AWAITING expiry in seconds. ValueError when the day holds several currencies.
    """
    report = build_day_report(journal, client, day, mode=mode, tz=tz, page_size=page_size)
    lo, hi = day_window(day, None, tz)
    sales = [s for s in journal.sales_between(lo, hi, mode=mode) if s.currency == report.currency]
    paid_at_hpay = {d.sale_number for d in report.discrepancies if d.kind == "paid_at_hpay_only"}
    opened = tuple(
        OpenSale(s, _reason(s, now, expire_after, paid_at_hpay))
        for s in sales
        if s.state in GROUPS["open"]
    )
    closings = tuple(journal.closings(day, till=till))
    changes = _changes(journal, closings[-1], lo, hi, mode) if closings else ()
    return DayClose(
        till=till,
        day=day,
        report=report,
        groups={name: _figures(s for s in sales if s.state in st) for name, st in GROUPS.items()},
        open_sales=opened,
        closings=closings,
        changes=changes,
    )


def closing_totals(close: DayClose) -> dict[str, Any]:
    """What a closing records: JSON-ready, amounts as exact decimal strings."""
    cur = close.currency
    report = close.report

    def money(value: Decimal | None) -> str | None:
        return None if value is None else amount_text(value, cur) if cur else str(value)

    def figures(f: Figures) -> dict[str, Any]:
        return {
            "count": f.count,
            "amount": money(f.amount),
            "fees": money(f.fees),
            "net": money(f.net),
        }

    return {
        "currency": cur,
        "mode": report.mode,
        "timezone": report.tz,
        "sales": report.sales_count,
        "paid_late": report.paid_late_count,
        "groups": {name: figures(f) for name, f in close.groups.items()},
        "by_state": {line.state.value: line.count for line in report.by_state},
        "by_cashier": [
            {"cashier": c.cashier, **figures(Figures(c.paid_count, c.paid_total, c.fees_total))}
            for c in close.cashiers
        ],
        "hpay": {
            "paid_count": report.hpay_paid_count,
            "paid_amount": money(report.hpay_paid_total),
            "fees": money(report.hpay_fees_total),
        },
        "differences": [
            {"kind": d.kind, "sale_number": d.sale_number, "transaction_id": d.transaction_id}
            for d in report.discrepancies
        ],
        "open_sales": [o.sale.sale_number for o in close.open_sales],
    }


def record_closing(journal: Journal, close: DayClose, *, closed_by: str | None) -> ClosingRecord:
    """Record the closing in the journal; :class:`DayNotChecked` if HPAY was not reached."""
    if not close.can_close:
        raise DayNotChecked(
            "The day was not closed: HPAY's history could not be read, so nothing was"
            " recorded. Try again when HPAY can be reached."
        )
    return journal.record_closing(
        till=close.till,
        business_day=close.day,
        closed_by=closed_by,
        totals=closing_totals(close),
    )


# -- the parts ----------------------------------------------------------------------------


def _figures(sales: Any) -> Figures:
    count, amount, fees = 0, _ZERO, _ZERO
    for sale in sales:
        count += 1
        amount += sale.amount
        if sale.state is S.PAID and sale.fees is not None:
            fees += sale.fees
    return Figures(count, amount, fees)


def _reason(sale: Sale, now: datetime, expire_after: float, paid_at_hpay: set[str | None]) -> str:
    if sale.sale_number in paid_at_hpay:
        return "paid_at_hpay"
    if sale.state is S.UNKNOWN:
        return "unknown"
    if sale.state is S.REVIEW:
        return "review"
    if sale.state is S.AWAITING:
        age = (now - sale.created_at).total_seconds()
        return "paying" if age < expire_after else "not_watched"
    return "sending"


def _changes(
    journal: Journal, last: ClosingRecord, lo: datetime, hi: datetime, mode: str
) -> tuple[Change, ...]:
    """The day's sales whose state at ``last``'s closing differs from today's."""
    found = []
    for sale in journal.sales_changed_since(lo, hi, last.closed_at):
        if sale.mode != mode:
            continue
        if sale.created_at > last.closed_at:
            found.append(Change("new_sale", sale, None))
            continue
        before = None
        for event in journal.events(sale.id):
            if event.at > last.closed_at:
                break
            before = event.to_state
        if before is None or before is sale.state:
            continue
        if sale.state is S.PAID:
            kind = "paid_late" if before in GROUPS["cancelled"] or sale.paid_late else "paid"
        else:
            kind = sale.state.value
        found.append(Change(kind, sale, before))
    return tuple(found)
