"""The day report's breakdown by cashier: who served the paid sales of a period.

A sale records the cashier on duty when it was created (``Sale.cashier``); a sale
written before cashiers existed, or when nobody was picked, has none and counts
under "not recorded". Each line holds the paid count, amount and fees (net is
their difference) of one cashier; a cashier whose sales of the period were all
cancelled or failed still has a line (zero paid), so the owner sees they served.
Only sales of one mode and currency are given (the report splits them first).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from hpos.sales.model import Sale
from hpos.sales.report_types import CashierLine
from hpos.sales.states import SaleState

__all__ = ["cashier_lines"]

_ZERO = Decimal(0)


def cashier_lines(sales: Iterable[Sale]) -> tuple[CashierLine, ...]:
    """One line per cashier of ``sales`` (by name, case-blind; "not recorded" last).

    Empty when no sale names a cashier: a shop that does not use cashiers gets no
    breakdown at all.
    """
    counts: dict[str | None, int] = {}
    totals: dict[str | None, Decimal] = {}
    fees: dict[str | None, Decimal] = {}
    for sale in sales:
        who = sale.cashier or None
        counts.setdefault(who, 0)
        totals.setdefault(who, _ZERO)
        fees.setdefault(who, _ZERO)
        if sale.state is SaleState.PAID:
            counts[who] += 1
            totals[who] += sale.amount
            fees[who] += sale.fees or _ZERO
    if not any(who is not None for who in counts):
        return ()
    order = sorted(counts, key=lambda who: (who is None, (who or "").casefold(), who or ""))
    return tuple(CashierLine(who, counts[who], totals[who], fees[who]) for who in order)
