"""Reconciliation of "outcome unknown" sales through HPAY's history, against the sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.sales.reconcile import Reconciler, decide
from hpos.sales.states import SaleState
from tests.helpers.watch import HISTORY, Rig

S = SaleState


def payment_requests(sandbox: Any) -> int:
    return int(sandbox.stats()["requests"].get("/payment/", 0))


@pytest.fixture
def short_rig(make_client: Callable[..., HpayClient], tmp_path: Path) -> Iterator[Rig]:
    """A rig whose client gives up on a call after one second."""
    client = make_client(deadline=1.0)
    client.token()
    r = Rig(client, tmp_path / "j.sqlite3")
    yield r
    r.journal.close()


def test_decide_never_guesses(rig: Rig, client: HpayClient) -> None:
    sale = rig.start()
    entry = client.find_payment(sale.transaction_id or "")
    assert entry is not None
    assert decide(sale, [entry], waited=0, window=120).action == "adopt"
    assert decide(sale, [entry, entry], waited=999, window=120).action == "review"
    assert decide(sale, [], waited=119.9, window=120).action == "wait"
    assert decide(sale, [], waited=120, window=120).action == "give_up"


def test_unanswered_payment_is_adopted_exactly_once(sandbox: Any, short_rig: Rig) -> None:
    rig = short_rig
    sandbox.add_fault("/payment/", "no_answer", times=1, seconds=5)
    sale = rig.till.start_sale("3000", "Juice")
    assert sale.state is S.UNKNOWN
    rig.watcher.watch(sale)
    rig.events.clear()
    [held] = sandbox.payments()
    [adopted] = rig.watcher.run_due()
    assert adopted.state is S.AWAITING
    assert adopted.transaction_id == held.transaction_id
    assert adopted.checkout_url == held.checkout_url, "the link can be shown now"
    assert adopted.last_error is None
    assert rig.kinds() == ["state"]
    assert held.transaction_id in rig.events[0].message
    for _ in range(3):
        assert rig.step() == []
    sandbox.mark_paid(held.transaction_id)
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert not paid.paid_late
    steps = [(e.from_state, e.to_state) for e in rig.journal.events(sale.id)]
    assert steps.count((S.UNKNOWN, S.AWAITING)) == 1, "adopted exactly once"
    assert len(sandbox.payments()) == 1
    assert payment_requests(sandbox) == 1, "nothing in this layer creates a payment"


def test_already_paid_payment_is_adopted_as_paid(sandbox: Any, short_rig: Rig) -> None:
    rig = short_rig
    sandbox.add_fault("/payment/", "no_answer", times=1, seconds=5)
    sale = rig.till.start_sale("3000", "Juice")
    sandbox.mark_paid(sandbox.payments()[0].transaction_id)
    rig.watcher.watch(sale)
    [paid] = rig.watcher.run_due()
    assert paid.state is S.PAID
    assert rig.watcher.watching() == []
    assert rig.kinds()[-1] == "stopped"


def test_request_never_processed_fails_after_the_window(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    assert sale.state is S.UNKNOWN
    rig.watcher.watch(sale)
    rig.events.clear()
    while (rig.watcher.next_due() or 0) < 1000.0 + 120.0:
        assert rig.step() == []
        assert rig.gap() == 2.0, "reconcile_interval"
    assert set(rig.kinds()) == {"checked"}
    assert "No payment for T1-000001" in rig.events[-1].message
    rig.clock.now = 1000.0 + 120.0
    [failed] = rig.watcher.run_due()
    assert failed.state is S.FAILED
    assert failed.last_error is not None
    assert "safe to try again" in failed.last_error
    assert rig.kinds()[-2:] == ["state", "stopped"]
    assert rig.watcher.watching() == []
    assert sandbox.payments() == []
    assert payment_requests(sandbox) == 1


def test_no_give_up_while_the_history_cannot_be_read(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    rig.watcher.watch(sale)
    sandbox.add_fault(HISTORY, "http_500")
    rig.clock.now += 600.0
    for _ in range(3):
        assert rig.step() == []
    assert rig.journal.get(sale.id).state is S.UNKNOWN  # type: ignore[union-attr]
    assert "connection_lost" in rig.kinds()
    sandbox.clear_faults()
    [failed] = rig.step()
    assert failed.state is S.FAILED
    assert "connection_restored" in rig.kinds()


def test_refused_payment_fails_at_once_and_nothing_is_created(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault("/payment/", "refuse", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    assert sale.state is S.FAILED
    assert rig.watcher.watch(sale) is False
    assert rig.watcher.check_now(sale.id).state is S.FAILED
    assert sandbox.payments() == []
    assert payment_requests(sandbox) == 1
    assert sandbox.stats()["requests"].get(HISTORY, 0) == 0


def test_several_matches_go_to_review(sandbox: Any, rig: Rig, client: HpayClient) -> None:
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    assert sale.state is S.UNKNOWN
    one = client.create_payment(sale.amount, "Bread", sale.description)
    two = client.create_payment(sale.amount, "Bread", sale.description)
    client.create_payment("2600", "Bread", sale.description)  # same number, other amount
    client.create_payment(sale.amount, "Bread", "T1-0000011 Bread")  # longer number
    client.create_payment(sale.amount, "Bread", "XT1-000001 Bread")
    sandbox.mark_paid(two.transaction_id)
    rig.watcher.watch(sale)
    rig.events.clear()
    [review] = rig.watcher.run_due()
    assert review.state is S.REVIEW
    assert review.transaction_id is None, "never guess"
    assert review.last_error is not None
    assert one.transaction_id in review.last_error
    assert two.transaction_id in review.last_error
    assert review.last_error.count(", ") == 1, "only the two real candidates"
    assert rig.kinds() == ["state", "stopped"]
    assert rig.watcher.watching() == []
    found = Reconciler(client).candidates(sale)
    paid = {e.transaction_id: e.is_paid for e in found}
    assert paid == {one.transaction_id: False, two.transaction_id: True}, "PAID wins"


def test_paging_finds_a_match_on_a_later_page(sandbox: Any, rig: Rig, client: HpayClient) -> None:
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    target = client.create_payment(sale.amount, "Bread", sale.description)
    for n in range(6):
        client.create_payment(sale.amount, "Bread", f"T1-00010{n} Bread")
    sandbox.mark_paid(client.history(count=1).entries[0].transaction_id)
    before = sandbox.stats()["requests"][HISTORY]
    [found] = Reconciler(client, page_size=2).candidates(sale)
    assert found.transaction_id == target.transaction_id, "the oldest, on the last page"
    assert sandbox.stats()["requests"][HISTORY] - before > 3, "several pages were read"


def test_search_covers_the_creation_day_in_hpay_time_zone(
    make_client: Callable[..., HpayClient], rig: Rig
) -> None:
    client = make_client(server_tz=timezone(timedelta(hours=2)))
    sale = rig.start()
    late = replace(sale, created_at=datetime(2026, 1, 1, 23, 30, tzinfo=UTC))
    assert Reconciler(client).search_days(late) == (date(2026, 1, 2), date(2026, 1, 2))
    near = replace(sale, created_at=datetime(2026, 1, 1, 21, 57, tzinfo=UTC))  # 23:57 there
    assert Reconciler(client).search_days(near) == (date(2026, 1, 1), date(2026, 1, 2))
    early = replace(sale, created_at=datetime(2026, 1, 1, 22, 2, tzinfo=UTC))  # 00:02 there
    assert Reconciler(client).search_days(early) == (date(2026, 1, 1), date(2026, 1, 2))


class Hooked:
    """A client whose history calls run a hook afterwards (HPAY changing while we page)."""

    def __init__(self, client: HpayClient, hook: Callable[[int, dict[str, Any]], None]) -> None:
        self.config = client.config
        self._client = client
        self._hook = hook
        self.calls = 0

    def history(self, **filters: Any) -> Any:
        page = self._client.history(**filters)
        self.calls += 1
        self._hook(self.calls, filters)
        return page


def test_entries_moving_while_paging_are_neither_skipped_nor_doubled(
    sandbox: Any, rig: Rig, client: HpayClient
) -> None:
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    d, c = (client.create_payment("100", "Other", f"T1-00009{n}") for n in (1, 2))
    target = client.create_payment(sale.amount, "Bread", sale.description)
    b, a = (client.create_payment("100", "Other", f"T1-00009{n}") for n in (3, 4))
    del b, c, d

    def hook(calls: int, filters: dict[str, Any]) -> None:
        if calls == 1:  # newest first: [a, b] read; a leaves the UNPAID list
            sandbox.mark_paid(a.transaction_id)
        if filters["status"] == "UNPAID" and calls == 4:
            sandbox.mark_paid(target.transaction_id)  # paid between the two scans

    hooked = Hooked(client, hook)
    found = Reconciler(hooked, page_size=2).candidates(sale)  # type: ignore[arg-type]
    assert [(e.transaction_id, e.is_paid) for e in found] == [(target.transaction_id, True)]
