"""The payment watcher on fake clocks: :class:`Clock` and :class:`Rig` (journal, till and
watcher on one fake clock), and :data:`FAST_WATCH` for tests that wait on real loopback HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.reconcile import Reconciler
from hpos.sales.till import Till
from hpos.sales.watcher import PaymentWatcher, WatchPolicy

HISTORY = "/getPaymentHistory/"

#: A watcher policy fast enough for tests that wait on real loopback HTTP.
FAST_WATCH = WatchPolicy(
    fast_interval=0.05,
    fast_period=60.0,
    max_interval=0.2,
    error_backoff_max=0.3,
    grace_period=60.0,
    grace_interval=0.1,
    reconcile_interval=0.1,
    reconcile_window=30.0,
)


class Clock:
    """A monotonic clock and a wall clock that move together, only when told."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.base = datetime.now(UTC).replace(microsecond=0)

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return self.base + timedelta(seconds=self.now - 1000.0)

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class Rig:
    """Journal, till and watcher on one fake clock, all events in one list."""

    def __init__(self, client: HpayClient, path: Path, policy: WatchPolicy | None = None) -> None:
        self.clock = Clock()
        self.events: list[SaleEvent] = []
        self.hooks: list[Callable[[SaleEvent], None]] = []
        self.journal = Journal(path, clock=self.clock.wall)
        self.till = Till(
            client, self.journal, till_name="T1", listener=self.listen, clock=self.clock.wall
        )
        self.watcher = PaymentWatcher(
            self.till,
            Reconciler(client),
            policy=policy or WatchPolicy(),
            listener=self.listen,
            monotonic=self.clock.monotonic,
            wall=self.clock.wall,
        )

    def listen(self, event: SaleEvent) -> None:
        self.events.append(event)
        for hook in self.hooks:
            hook(event)

    def start(self, amount: str = "1500", product: str = "Tea") -> Sale:
        sale = self.till.start_sale(amount, product)
        self.watcher.watch(sale)
        self.events.clear()
        return sale

    def step(self) -> list[Sale]:
        """Jump to the next due check and run it."""
        due = self.watcher.next_due()
        assert due is not None
        self.clock.now = max(self.clock.now, due)
        return self.watcher.run_due()

    def gap(self) -> float:
        """Seconds until the next check."""
        due = self.watcher.next_due()
        assert due is not None
        return due - self.clock.now

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def sale(self, sale_id: int) -> Sale:
        sale = self.journal.get(sale_id)
        assert sale is not None
        return sale
