"""The day report's data types, and how the report writes an amount.

:class:`LocalSummary` is the journal's side of a period, :class:`DayReport` adds
HPAY's side and every :class:`Discrepancy` between them (the kinds are described
in :mod:`hpos.sales.report_check`). :class:`ModeTotals` are the other mode's sales
of the period, shown apart: TEST and PROD amounts are never added up. Shared by
:mod:`hpos.sales.report`, which builds them, and :mod:`hpos.sales.report_check`,
which finds the discrepancies; import them from :mod:`hpos.sales.report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from hpos.sales.report_items import ItemsSold
from hpos.sales.states import SaleState

ERROR_KINDS = frozenset({"missing_at_hpay", "amount_differs"})


@dataclass(frozen=True, slots=True)
class StateLine:
    """How many sales ended the period in one state, and their amounts."""

    state: SaleState
    count: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One difference between the journal and HPAY's history (kinds: :mod:`.report_check`)."""

    kind: str
    transaction_id: str | None
    sale_number: str | None
    amount: Decimal | None
    message: str

    @property
    def is_error(self) -> bool:
        """Money the till counts as received that HPAY does not confirm."""
        return self.kind in ERROR_KINDS


@dataclass(frozen=True, slots=True)
class ModeTotals:
    """Sales of the *other* mode in the same period and currency: shown apart, never added."""

    mode: str
    currency: str
    sales_count: int
    paid_count: int
    paid_total: Decimal


@dataclass(frozen=True, slots=True)
class CashierLine:
    """One cashier's paid sales of the period (``cashier`` None: not recorded)."""

    cashier: str | None
    paid_count: int
    paid_total: Decimal
    fees_total: Decimal

    @property
    def net(self) -> Decimal:
        """What the paid sales leave once HPAY's fees are taken."""
        return self.paid_total - self.fees_total


@dataclass(frozen=True, slots=True)
class LocalSummary:
    """The journal's figures for one mode and currency (no network)."""

    start: date
    end: date
    mode: str
    currency: str | None  # None: no sale in the period (and no account currency known)
    tz: str
    by_state: tuple[StateLine, ...]  # states present, in lifecycle order
    sales_count: int
    paid_count: int  # paid late included
    paid_total: Decimal
    paid_late_count: int
    fees_total: Decimal  # fees of the PAID sales
    first_sale: datetime | None  # in ``tz``
    last_sale: datetime | None
    #: The other mode's sales of the period (a PROD report's TEST sales), per currency:
    #: listed so the reader knows they exist, never counted in the figures above.
    other_modes: tuple[ModeTotals, ...] = ()
    #: The paid sales by who served (see :func:`hpos.sales.report_cashiers.cashier_lines`);
    #: empty when no sale of the period names a cashier.
    by_cashier: tuple[CashierLine, ...] = ()
    #: The paid sales by item (see :mod:`hpos.sales.report_items`); ``.shown`` is False
    #: when no paid sale of the period has lines.
    items: ItemsSold = field(default_factory=ItemsSold)


@dataclass(frozen=True, slots=True)
class DayReport(LocalSummary):
    """The local figures, HPAY's PAID figures for the same period, and every difference."""

    hpay_paid_count: int | None = None  # None: not checked (no client, or HPAY unreachable)
    hpay_paid_total: Decimal | None = None
    hpay_fees_total: Decimal | None = None
    hpay_error: str | None = None
    discrepancies: tuple[Discrepancy, ...] = field(default=())

    @property
    def checked(self) -> bool:
        """HPAY's history was read for this report."""
        return self.hpay_paid_total is not None

    @property
    def errors(self) -> tuple[Discrepancy, ...]:
        """The discrepancies that are errors."""
        return tuple(d for d in self.discrepancies if d.is_error)

    @property
    def ok(self) -> bool:
        """Checked against HPAY and no difference at all."""
        return self.checked and not self.discrepancies
