"""LatestSales: the most advanced version of each recent sale, so none goes backwards.

A sale can be seen twice out of order (a charge result arriving after the
watcher already saw it PAID). Every allowed transition moves a sale forward in
:data:`_PROGRESS` (see ``hpos.sales.states.TRANSITIONS``), and within one state
the later ``updated_at`` wins, so :meth:`LatestSales.remember` always returns the
most advanced version seen. Pure Python; only the last :data:`_REMEMBERED` sales
are kept. :func:`newest_waiting` picks the sale a restart brings back on screen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from hpos.sales.states import SaleState

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import Sale

S = SaleState
#: Every allowed transition goes up this scale (see ``states.TRANSITIONS``).
_PROGRESS: dict[SaleState, int] = {
    S.CREATED: 0,
    S.REQUESTING: 1,
    S.UNKNOWN: 2,
    S.REVIEW: 3,
    S.AWAITING: 4,
    S.CANCELLED: 5,
    S.EXPIRED: 5,
    S.PAID: 6,
    S.FAILED: 6,
}
#: Sales remembered for the "never go backwards" rule.
_REMEMBERED = 256


class LatestSales:
    """The newest version of each of the last sales seen, by sale id."""

    def __init__(self) -> None:
        self._latest: OrderedDict[int, Sale] = OrderedDict()

    def get(self, sale_id: int) -> Sale | None:
        """The most advanced version of that sale seen so far, if still remembered."""
        return self._latest.get(sale_id)

    def remember(self, sale: Sale) -> Sale:
        """Keep and return the most advanced version of ``sale`` seen so far."""
        known = self._latest.get(sale.id)
        if known is not None and (
            _PROGRESS[known.state] > _PROGRESS[sale.state]
            or (known.state is sale.state and known.updated_at > sale.updated_at)
        ):
            return known
        self._latest[sale.id] = sale
        self._latest.move_to_end(sale.id)
        while len(self._latest) > _REMEMBERED:
            self._latest.popitem(last=False)
        return sale


def newest_waiting(sales: Iterable[Sale], *, expiry: timedelta, now: datetime) -> Sale | None:
    """The newest sale still AWAITING and within its payment window (``created_at + expiry``),
    or None: the one F3 brings back after a restart (older ones are in the history)."""
    waiting = [s for s in sales if s.state is S.AWAITING and s.created_at + expiry > now]
    return max(waiting, key=lambda s: (s.created_at, s.id), default=None)
