"""Sales written into a journal on a fake clock: the hand-computed day of the report tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hpos.sales.journal import Journal
from hpos.sales.model import Sale, SaleLine
from hpos.sales.states import SaleState

S = SaleState
WAT = timezone(timedelta(hours=1), "WAT")  # the till's zone in the hand-computed day
DAY = date(2025, 11, 8)


class FakeTime:
    """One settable instant, as the journal (aware datetime) and the sandbox (epoch) read it."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def epoch(self) -> float:
        return self.at.timestamp()


def utc(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2025, 11, day, hour, minute, second, tzinfo=UTC)


def put(
    journal: Journal,
    fake_time: FakeTime,
    at: datetime,
    amount: str,
    path: Sequence[SaleState],
    *,
    mode: str = "TEST",
    currency: str = "XOF",
    fees: str | None = None,
    txid: str | None = None,
    cashier: str | None = None,
    lines: Sequence[SaleLine] = (),
) -> Sale:
    """Write one sale at ``at`` and walk it through ``path`` (AWAITING gets txid and fees);
    ``lines``: a cart sale's (they must add up to ``amount``)."""
    fake_time.at = at
    sale = journal.create_sale(
        till="T1", amount=Decimal(amount), currency=currency, product="Sac",
        description="école", mode=mode, cashier=cashier, lines=lines,
    )  # fmt: skip
    for state in path:
        extra = {}
        if state is S.AWAITING:
            extra = {"transaction_id": txid or f"TX{sale.id:04d}", "fees": fees and Decimal(fees)}
        sale = journal.transition(sale.id, state, **extra)
    return sale


PAID_PATH = (S.REQUESTING, S.AWAITING, S.PAID)
