"""The payment watcher against the sandbox, on fake monotonic and wall clocks (no real sleeping)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import HpayError
from hpos.sales.journal import Journal
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.states import SaleState
from hpos.sales.watcher import WatchPolicy
from tests.helpers.watch import HISTORY, Rig

S = SaleState


def history_requests(sandbox: Any) -> int:
    return int(sandbox.stats()["requests"].get(HISTORY, 0))


def test_interval_is_fast_then_backs_off_and_stays_bounded(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()
    gaps: list[float] = []
    while rig.clock.now < 1000.0 + 90.0:
        rig.step()
        gaps.append(rig.gap())
    fast = [g for g in gaps if g == 1.0]
    assert len(fast) >= 59, "about 1 s while the customer is scanning"
    assert gaps == sorted(gaps), "the interval never shrinks on its own"
    assert gaps[-1] == 5.0
    assert max(gaps) == 5.0, "bounded by max_interval"
    assert 1.0 < gaps[len(fast)] < 5.0, "backs off gradually"
    assert rig.kinds() == ["checked"] * len(gaps)
    assert all(e.message == "Not paid yet." for e in rig.events)
    assert history_requests(sandbox) == len(gaps), "one status request per check"
    assert rig.sale(sale.id).state is S.AWAITING


def test_paid_sale_becomes_paid_and_watching_stops(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()
    assert rig.step() == []
    sandbox.mark_paid(sale.transaction_id)
    [changed] = rig.step()
    assert changed.state is S.PAID
    assert not changed.paid_late
    assert changed.paid_seen_at == rig.clock.wall()
    assert rig.kinds() == ["checked", "state", "stopped"]
    assert rig.events[-1].message == "Paid; checks stopped."
    assert rig.watcher.watching() == []
    assert rig.watcher.next_due() is None
    assert rig.watcher.run_due() == []
    assert rig.watcher.watch(changed) is False, "a final sale is not watched again"


def test_awaiting_sale_expires_after_the_window_then_catches_a_late_payment(
    sandbox: Any, rig: Rig
) -> None:
    sale = rig.start()
    rig.clock.now = 1000.0 + 899.0
    rig.watcher.run_due()
    assert rig.sale(sale.id).state is S.AWAITING
    [expired] = rig.step()
    assert rig.clock.now >= 1000.0 + 900.0
    assert expired.state is S.EXPIRED
    assert rig.events[-1].kind == "state"
    assert "expired" in rig.events[-1].message
    assert rig.watcher.watching() == [sale.id], "still watched for a late payment"
    assert rig.watcher.next_due() == rig.clock.now + 10.0, "grace_interval"
    sandbox.mark_paid(sale.transaction_id)
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert paid.paid_late


def test_cancelled_then_paid_is_paid_late(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()
    cancelled = rig.till.cancel(sale.id)
    assert rig.watcher.watch(cancelled)
    rig.events.clear()
    assert rig.watcher.run_due() == []
    assert rig.kinds() == ["checked"]
    sandbox.mark_paid(sale.transaction_id)
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert paid.paid_late
    assert rig.kinds() == ["checked", "state", "stopped"]
    assert "late" in rig.events[1].message
    assert rig.events[-1].message == "Paid late; checks stopped."


def test_grace_over_stops_watching_without_asking_hpay(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()
    cancelled = rig.till.cancel(sale.id)
    rig.watcher.watch(cancelled)
    rig.watcher.run_due()
    asked = history_requests(sandbox)
    rig.clock.now += 1800.0
    assert rig.watcher.run_due() == []
    assert rig.kinds()[-1] == "stopped"
    assert "No late payment" in rig.events[-1].message
    assert rig.watcher.watching() == []
    assert history_requests(sandbox) == asked
    assert rig.sale(sale.id).state is S.CANCELLED
    assert rig.watcher.watch(rig.sale(sale.id)) is False, "grace over: not watched again"


@pytest.mark.parametrize("kind", ["http_500", "reset", "refuse"])
def test_transient_faults_lose_then_restore_the_connection(
    sandbox: Any, rig: Rig, kind: str
) -> None:
    sale = rig.start()
    sandbox.add_fault(HISTORY, kind)
    gaps: list[float] = []
    for _ in range(6):
        assert rig.step() == []
        gaps.append(rig.gap())
        assert rig.sale(sale.id).state is S.AWAITING, "the sale is not failed by a bad line"
    assert gaps == [1.0, 2.0, 4.0, 8.0, 15.0, 15.0], "backoff grows, bounded"
    assert rig.kinds() == ["connection_lost"] + ["checked"] * 5
    assert "Connection to HPAY lost" in rig.events[0].message
    assert all(isinstance(e.error, HpayError) for e in rig.events), "the cause travels along"
    sandbox.clear_faults()
    sandbox.mark_paid(sale.transaction_id)
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert not paid.paid_late
    assert rig.kinds()[-3:] == ["connection_restored", "state", "stopped"]


def test_connection_lost_at_expiry_time_does_not_expire_a_paid_sale(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()
    sandbox.add_fault(HISTORY, "http_500")
    sandbox.mark_paid(sale.transaction_id)
    rig.clock.now += 1000.0
    rig.watcher.run_due()
    assert rig.sale(sale.id).state is S.AWAITING, "no expiry without a successful check"
    sandbox.clear_faults()
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert not paid.paid_late


def test_one_request_in_flight_per_sale(sandbox: Any, rig: Rig, client: HpayClient) -> None:
    sale = rig.start()
    sandbox.add_fault(HISTORY, "latency", times=1, seconds=0.5)
    results: dict[str, Sale] = {}

    def check(name: str) -> None:
        results[name] = rig.watcher.check_now(sale.id)

    first = threading.Thread(target=check, args=("first",))
    first.start()
    limit = time.monotonic() + 5.0
    while history_requests(sandbox) < 1 and time.monotonic() < limit:
        time.sleep(0.01)
    assert history_requests(sandbox) == 1
    second = threading.Thread(target=check, args=("second",))
    second.start()
    rig.clock.now += 100.0  # the sale is overdue, yet in flight
    assert rig.watcher.run_due() == [], "run_due skips a sale being checked"
    rig.watcher.forget(sale.id)
    rig.watcher.watch(sale)  # watched anew while the old check is still in flight
    assert rig.watcher.run_due() == []
    first.join(5.0)
    second.join(5.0)
    assert not first.is_alive()
    assert not second.is_alive()
    assert history_requests(sandbox) == 1, "never two status requests for one sale"
    assert results["first"] == results["second"]
    assert rig.kinds() == ["checked"]
    assert rig.watcher.run_due() == [], "the new watch runs once the line is free"
    assert history_requests(sandbox) == 2


def test_check_now_of_a_settled_sale_asks_nothing(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault("/payment/", "refuse")
    sale = rig.till.start_sale("800", "Tea")
    assert rig.watcher.check_now(sale.id).state is S.FAILED
    assert history_requests(sandbox) == 0
    assert rig.watcher.watching() == []


def test_run_until_runs_checks_as_they_fall_due(sandbox: Any, rig: Rig) -> None:
    sale = rig.start()

    def pay_on_third_check(event: SaleEvent) -> None:
        if rig.kinds().count("checked") == 3:
            sandbox.mark_paid(sale.transaction_id)

    rig.hooks.append(pay_on_third_check)

    def paid() -> bool:
        return rig.sale(sale.id).state is S.PAID

    assert rig.watcher.run_until(paid, timeout=60.0, sleep=rig.clock.sleep)
    assert rig.clock.now == 1003.0, "slept exactly until each check fell due"
    assert not rig.watcher.run_until(lambda: False, timeout=30.0, sleep=rig.clock.sleep)
    assert rig.clock.now == 1033.0


def test_watch_forget_and_restart(rig: Rig) -> None:
    sale = rig.start()
    assert rig.watcher.watching() == [sale.id]
    rig.clock.now += 120.0
    assert rig.watcher.next_due() == 1000.0
    rig.watcher.forget(sale.id)
    assert rig.watcher.watching() == []
    assert rig.watcher.next_due() is None
    assert rig.watcher.watch(sale)
    assert rig.watcher.next_due() == rig.clock.now, "due at once, fast again"


def test_default_policy_numbers() -> None:
    p = WatchPolicy()
    assert (p.fast_interval, p.fast_period, p.max_interval, p.growth) == (1.0, 60.0, 5.0, 1.5)
    assert (p.error_backoff_max, p.expire_after, p.grace_period) == (15.0, 900.0, 1800.0)
    assert (p.grace_interval, p.reconcile_interval, p.reconcile_window) == (10.0, 2.0, 120.0)


@pytest.mark.parametrize("bad", [{"fast_interval": 0.0}, {"growth": 0.5}, {"max_interval": -1.0}])
def test_policy_refuses_timings_that_would_spin(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="positive"):
        WatchPolicy(**bad)


def test_first_check_can_wait(rig: Rig) -> None:
    sale = rig.start()
    rig.watcher.forget(sale.id)
    assert rig.watcher.watch(sale, first_check_in=2.5)
    assert rig.watcher.next_due() == rig.clock.now + 2.5
    assert rig.watcher.run_due() == [], "nothing due yet"
    assert rig.watcher.watch(sale, first_check_in=-1.0)
    assert rig.watcher.next_due() == rig.clock.now, "a negative wait is no wait"


def test_a_charge_costs_one_request_until_the_first_check(
    sandbox: Any, client: HpayClient, tmp_path: Path
) -> None:
    from hpos.sales.service import SalesService

    client.token()  # the token is cached before the sale, as at the counter
    service = SalesService(client, Journal(tmp_path / "journal.sqlite3"), till_name="T1")
    try:
        before = sandbox.stats()["requests"]
        sale = service.charge("1500", "Tea")
        assert sale.state is S.AWAITING
        assert service.watcher.run_due() == [], "not checked in the same second"
        after = sandbox.stats()["requests"]
        sent = {
            path: n - before.get(path, 0) for path, n in after.items() if n != before.get(path, 0)
        }
        assert sent == {"/payment/": 1}, "one POST /payment/, no status request yet"
        due = service.watcher.next_due()
        assert due is not None
        assert due - time.monotonic() > 0.5, "first check about one fast interval later"
    finally:
        service.journal.close()
