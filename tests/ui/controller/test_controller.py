"""SaleController against the real sandbox, a real Runner and a real SalesService."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import ConfigError
from hpos.sales.journal import Journal
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState
from hpos.sales.watcher import WatchPolicy
from hpos.sandbox.server import SandboxServer
from hpos.ui.controller.sale import SaleController
from hpos.ui.runner import Runner
from tests.helpers.watch import FAST_WATCH as FAST

S = SaleState
WAIT = 15_000


@dataclass
class Seen:
    """Everything the controller emitted, with the thread each signal arrived on."""

    ready: list[Any] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    changed: list[Sale] = field(default_factory=list)
    events: list[SaleEvent] = field(default_factory=list)
    charged: list[Sale] = field(default_factory=list)
    charge_failed: list[str] = field(default_factory=list)
    cancel_failed: list[tuple[int, str]] = field(default_factory=list)
    busy: list[bool] = field(default_factory=list)
    recovered: list[list[Sale]] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)

    def states(self, sale_id: int) -> list[SaleState]:
        return [s.state for s in self.changed if s.id == sale_id]


def watch_signals(controller: SaleController) -> Seen:
    seen = Seen()

    def rec(target: list[Any]) -> Callable[..., None]:
        def slot(*args: Any) -> None:
            seen.threads.add(threading.get_ident())
            target.append(args[0] if len(args) == 1 else args)

        return slot

    controller.ready.connect(rec(seen.ready))
    controller.failed_to_start.connect(rec(seen.failed))
    controller.sale_changed.connect(rec(seen.changed))
    controller.sale_event.connect(rec(seen.events))
    controller.charged.connect(rec(seen.charged))
    controller.charge_failed.connect(rec(seen.charge_failed))
    controller.cancel_failed.connect(rec(seen.cancel_failed))
    controller.busy_changed.connect(rec(seen.busy))
    controller.recovered.connect(rec(seen.recovered))
    return seen


class Rig:
    """A service on the sandbox, a runner and a controller; closed by the fixture."""

    def __init__(self, sandbox: SandboxServer, client: HpayClient, path: Path) -> None:
        self.sandbox = sandbox
        self.client = client
        self.path = path
        self.services: list[SalesService] = []
        self.runners: list[Runner] = []
        self.controllers: list[SaleController] = []

    def service(self, policy: WatchPolicy = FAST) -> SalesService:
        service = SalesService(
            self.client, Journal(self.path / "journal.sqlite3"), till_name="T1", policy=policy
        )
        self.services.append(service)
        return service

    def controller(
        self, open_service: Callable[[], SalesService] | None = None
    ) -> tuple[SaleController, Seen]:
        runner = Runner()
        self.runners.append(runner)
        service = None if open_service is not None else self.service()
        controller = SaleController(open_service or (lambda: service), runner)  # type: ignore[arg-type, return-value]
        self.controllers.append(controller)
        return controller, watch_signals(controller)

    def close(self) -> None:
        for controller in self.controllers:
            controller.stop()
        for runner in self.runners:
            runner.shutdown()
        for service in self.services:
            service.journal.close()


@pytest.fixture
def rig(qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, tmp_path: Path) -> Iterator[Rig]:
    r = Rig(sandbox, client, tmp_path)
    yield r
    r.close()


def started(qtbot: QtBot, rig: Rig, policy: WatchPolicy = FAST) -> tuple[SaleController, Seen]:
    service = rig.service(policy)
    controller, seen = rig.controller(lambda: service)
    controller.start()
    qtbot.waitUntil(lambda: seen.ready != [], timeout=WAIT)
    return controller, seen


def test_start_opens_fetches_the_token_and_recovers(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = rig.controller()
    assert controller.current_token() is None
    assert not controller.charge(Decimal(100), "x"), "no charge before ready"
    controller.start()
    assert controller.is_busy
    qtbot.waitUntil(lambda: seen.ready != [], timeout=WAIT)
    token = controller.current_token()
    assert token is seen.ready[0]
    assert token.currency == "XOF"
    assert token.mode == "TEST"
    assert seen.recovered == [[]]
    assert seen.busy == [True, False]
    assert controller.service is not None
    assert seen.threads == {threading.get_ident()}


def test_charge_then_paid_all_on_the_gui_thread(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    assert controller.charge(Decimal(14900), "Coffee", "table 4")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    sale = seen.charged[0]
    assert sale.state is S.AWAITING
    assert sale.amount == Decimal(14900)
    assert seen.states(sale.id)[:3] == [S.CREATED, S.REQUESTING, S.AWAITING]
    [payment] = rig.sandbox.payments()
    assert payment.transaction_id == sale.transaction_id
    qtbot.waitUntil(lambda: any(e.kind == "checked" for e in seen.events), timeout=WAIT)
    rig.sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: S.PAID in seen.states(sale.id), timeout=WAIT)
    qtbot.waitUntil(lambda: any(e.kind == "stopped" for e in seen.events), timeout=WAIT)
    assert controller.latest(sale.id).state is S.PAID  # type: ignore[union-attr]
    assert seen.threads == {threading.get_ident()}
    qtbot.waitUntil(lambda: controller.timer_interval_ms() is None, timeout=WAIT)


def test_a_second_charge_in_flight_is_ignored(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    rig.sandbox.add_fault("/payment/", "latency", seconds=1.0, times=1)
    assert controller.charge(Decimal(500), "Tea")
    assert controller.is_charging
    assert not controller.charge(Decimal(500), "Tea")
    assert not controller.charge(Decimal(700), "Cake")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    assert len(rig.sandbox.payments()) == 1
    assert not controller.is_charging
    assert controller.charge(Decimal(700), "Cake"), "the next sale can start once it is done"
    qtbot.waitUntil(lambda: len(seen.charged) == 2, timeout=WAIT)
    assert len(rig.sandbox.payments()) == 2


def test_invalid_amount_comes_back_as_charge_failed(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    assert controller.charge(Decimal("10.5"), "Tea")
    qtbot.waitUntil(lambda: seen.charge_failed != [], timeout=WAIT)
    assert "decimals" in seen.charge_failed[0]
    assert rig.sandbox.payments() == []
    assert seen.charged == []
    with pytest.raises(TypeError):
        controller.charge(10.5, "Tea")  # type: ignore[arg-type]


def test_refusal_ends_failed(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    rig.sandbox.add_fault("/payment/", "refuse", times=1)
    controller.charge(Decimal(900), "Tea")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    assert seen.charged[0].state is S.FAILED
    assert "safe to try again" in (seen.charged[0].last_error or "")


def test_start_failure_then_retry(qtbot: QtBot, rig: Rig) -> None:
    service = rig.service()
    calls: list[int] = []

    def open_service() -> SalesService:
        calls.append(1)
        if len(calls) == 1:
            raise ConfigError("The profile is locked by another HPOS.")
        return service

    controller, seen = rig.controller(open_service)
    controller.start()
    qtbot.waitUntil(lambda: seen.failed != [], timeout=WAIT)
    # the kind of failure in the UI language, the layer's own words after it
    assert seen.failed == ["Settings problem: The profile is locked by another HPOS."]
    assert controller.current_token() is None
    controller.start()
    qtbot.waitUntil(lambda: seen.ready != [], timeout=WAIT)
    assert len(calls) == 2


def test_token_failure_keeps_the_open_service_for_the_retry(qtbot: QtBot, rig: Rig) -> None:
    service = rig.service()
    calls: list[int] = []

    def open_service() -> SalesService:
        calls.append(1)
        return service

    rig.sandbox.add_fault("/getToken/", "refuse")
    controller, seen = rig.controller(open_service)
    controller.start()
    qtbot.waitUntil(lambda: seen.failed != [], timeout=WAIT)
    rig.sandbox.clear_faults()
    controller.start()
    qtbot.waitUntil(lambda: seen.ready != [], timeout=WAIT)
    assert calls == [1], "the journal was opened once"


def test_recovery_resumes_an_awaiting_sale(
    qtbot: QtBot, rig: Rig, make_client: Callable[..., HpayClient]
) -> None:
    first = SalesService(
        make_client(), Journal(rig.path / "journal.sqlite3"), till_name="T1", policy=FAST
    )
    left = first.charge(Decimal(2500), "Left over")
    first.journal.close()
    assert left.state is S.AWAITING
    controller, seen = started(qtbot, rig)
    assert [s.id for s in seen.recovered[0]] == [left.id]
    rig.sandbox.mark_paid(left.transaction_id or "")
    qtbot.waitUntil(lambda: S.PAID in seen.states(left.id), timeout=WAIT)
    assert controller.latest(left.id).state is S.PAID  # type: ignore[union-attr]


def test_watching_a_new_sale_rearms_the_timer_at_once(qtbot: QtBot, rig: Rig) -> None:
    # the first sale's checks back off to 30 s at once; a new sale's are due in 0.2 s
    backing_off = replace(
        FAST, fast_interval=0.2, fast_period=0.2, growth=1000.0, max_interval=30.0
    )
    controller, seen = started(qtbot, rig, backing_off)
    controller.charge(Decimal(100), "One")
    qtbot.waitUntil(lambda: len(seen.charged) == 1, timeout=WAIT)
    first = seen.charged[0]
    qtbot.waitUntil(
        lambda: any(e.kind == "checked" and e.sale.id == first.id for e in seen.events),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: (controller.timer_interval_ms() or 0) > 10_000, timeout=WAIT)
    controller.charge(Decimal(200), "Two")
    qtbot.waitUntil(lambda: len(seen.charged) == 2, timeout=WAIT)
    second = seen.charged[1]
    # without the re-arm, the next check would wait for the 30 s timer
    qtbot.waitUntil(
        lambda: any(e.kind == "checked" and e.sale.id == second.id for e in seen.events),
        timeout=5_000,
    )


def test_at_most_one_watcher_tick_in_flight(qtbot: QtBot, rig: Rig) -> None:
    service = rig.service()
    active = [0]
    peak = [0]
    ticks = [0]
    lock = threading.Lock()
    real = service.watcher.run_due

    def counting() -> list[Sale]:
        with lock:
            active[0] += 1
            ticks[0] += 1
            peak[0] = max(peak[0], active[0])
        try:
            return real()
        finally:
            with lock:
                active[0] -= 1

    service.watcher.run_due = counting  # type: ignore[method-assign]
    controller, seen = rig.controller(lambda: service)
    controller.start()
    qtbot.waitUntil(lambda: seen.ready != [], timeout=WAIT)
    controller.charge(Decimal(100), "One")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    rig.sandbox.add_fault("/getPaymentHistory/", "latency", seconds=0.4, times=3)
    qtbot.waitUntil(lambda: ticks[0] >= 5, timeout=WAIT)
    assert peak[0] == 1


def test_cancel_and_late_payment(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    controller.charge(Decimal(300), "Tea")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    sale = seen.charged[0]
    assert controller.cancel(sale.id)
    qtbot.waitUntil(lambda: S.CANCELLED in seen.states(sale.id), timeout=WAIT)
    rig.sandbox.mark_paid(sale.transaction_id or "")
    qtbot.waitUntil(lambda: S.PAID in seen.states(sale.id), timeout=WAIT)
    paid = controller.latest(sale.id)
    assert paid is not None
    assert paid.paid_late
    assert controller.cancel(sale.id)
    qtbot.waitUntil(lambda: seen.cancel_failed != [], timeout=WAIT)
    assert seen.cancel_failed[0][0] == sale.id


def test_check_now_reports_the_sale(qtbot: QtBot, rig: Rig) -> None:
    slow = replace(FAST, fast_interval=30.0, max_interval=30.0, fast_period=120.0)
    controller, seen = started(qtbot, rig, slow)
    controller.charge(Decimal(100), "One")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    sale = seen.charged[0]
    assert (controller.timer_interval_ms() or 0) > 10_000, "first check 30 s away"
    rig.sandbox.mark_paid(sale.transaction_id or "")
    assert controller.check_now(sale.id)
    qtbot.waitUntil(lambda: S.PAID in seen.states(sale.id), timeout=5_000)


def test_a_sale_never_goes_backwards(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    controller.charge(Decimal(100), "One")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    awaiting = seen.charged[0]
    paid = replace(awaiting, state=S.PAID, updated_at=awaiting.updated_at)
    at = awaiting.updated_at
    # a PAID event, then (late) an AWAITING one: the controller keeps saying PAID
    controller.listen(SaleEvent("state", paid, "Paid.", at))
    controller.listen(SaleEvent("state", awaiting, "old news", at))
    qtbot.waitUntil(lambda: len([e for e in seen.events if e.at == at]) == 2, timeout=WAIT)
    assert seen.changed[-2:] == [paid, paid]
    assert seen.events[-1].sale is awaiting, "sale_event carries the raw event"


def test_listener_is_attached_once_and_chained(rig: Rig) -> None:
    got: list[str] = []
    service = SalesService(
        rig.client,
        Journal(rig.path / "j2.sqlite3"),
        till_name="T2",
        listener=lambda e: got.append("own"),
    )
    try:
        mine = lambda e: got.append("mine")  # noqa: E731
        service.add_listener(mine)
        service.add_listener(mine)
        service.till._emit("checked", object(), "x")  # type: ignore[arg-type]
        assert got == ["own", "mine"]
    finally:
        service.journal.close()


def test_stop_stops_ticking_and_charging(qtbot: QtBot, rig: Rig) -> None:
    controller, seen = started(qtbot, rig)
    controller.charge(Decimal(100), "One")
    qtbot.waitUntil(lambda: seen.charged != [], timeout=WAIT)
    controller.stop()
    assert controller.timer_interval_ms() is None
    assert not controller.charge(Decimal(100), "Two")
    assert not controller.is_ready
