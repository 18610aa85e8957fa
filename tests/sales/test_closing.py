"""Closing the day: a hand-computed day through the real sandbox, recorded, then reopened.

Journal, till and sandbox share one fake clock (times in UTC; the shop is in WAT,
UTC+1). The day, worked out by hand (fees are the sandbox's 1.5 %, rounded half up):

====  =========  =======  ======  =====================================  ==============
sale  UTC        cashier  amount  what happens                           fees
====  =========  =======  ======  =====================================  ==============
-     07 22:30   Awa        800   paid (11-07 23:30 WAT: the day before)  -
1     07 23:30   Awa       1200   awaiting, never watched (00:30 WAT)    open: cancel
2     08 09:00   Awa      14900   paid                                   223.5 -> 224
3     08 09:30   Awa       2500   paid                                   37.5 -> 38
4     08 10:00   Moussa    7000   paid                                   105
5     08 10:30   Moussa    2500   cancelled; paid late AFTER the closing 37.5 -> 38
6     08 11:00   Awa       3000   cancelled
7     08 11:30   Moussa     700   HPAY refused: failed
8     08 12:00   -         5000   awaiting (the customer is paying)      open: wait
-     08 12:01   (till T2) 5000   paid at HPAY by another till           flagged
====  =========  =======  ======  =====================================  ==============

Closed at 12:05 UTC by Awa: paid 3 · 24,400 (fees 367, net 24,033); cancelled 2 · 5,500;
failed 1 · 700; open 2 · 6,200. Awa 4 sales, paid 2 · 17,400 (fees 262, net 17,138);
Moussa 3 sales, paid 1 · 7,000 (fees 105, net 6,895); not recorded 1 sale, nothing paid.
HPAY: 4 paid · 29,400 (the other till's 5,000 flagged as not from this till).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from hpos.sales.closing import (
    DayNotChecked,
    Figures,
    build_closing,
    closing_totals,
    record_closing,
)
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.report import CashierLine
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from tests.helpers.day import DAY, WAT, FakeTime, utc
from tests.helpers.sandbox import client_config, start_sandbox

S = SaleState
D = Decimal


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(utc(7, 22, 30))


@pytest.fixture
def sandbox(fake_time: FakeTime) -> Iterator[SandboxServer]:
    """Overrides conftest's sandbox: the same server, on the fake clock."""
    server = start_sandbox(clock=fake_time.epoch)
    yield server
    server.stop()


@pytest.fixture
def journal(tmp_path: Path, fake_time: FakeTime) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3", clock=fake_time.now)
    yield j
    j.close()


@pytest.fixture
def till(client: HpayClient, journal: Journal, fake_time: FakeTime) -> Till:
    return Till(client, journal, till_name="T1", clock=fake_time.now)


def sell(till: Till, fake_time: FakeTime, at: datetime, amount: str, cashier: str | None) -> Sale:
    fake_time.at = at
    return till.start_sale(amount, "Sac", cashier=cashier)


def paid(till: Till, sandbox: SandboxServer, sale: Sale) -> Sale:
    """The customer pays and the till sees it (as its watcher would)."""
    assert sale.transaction_id
    sandbox.mark_paid(sale.transaction_id)
    return till.journal.transition(sale.id, S.PAID)


@pytest.fixture
def day(
    till: Till, sandbox: SandboxServer, client: HpayClient, fake_time: FakeTime
) -> dict[str, Sale]:
    """The day of the table above, up to the closing at 12:05 UTC."""
    sales = {"before": paid(till, sandbox, sell(till, fake_time, utc(7, 22, 30), "800", "Awa"))}
    sales["unwatched"] = sell(till, fake_time, utc(7, 23, 30), "1200", "Awa")
    sales["a1"] = paid(till, sandbox, sell(till, fake_time, utc(8, 9), "14900", "Awa"))
    sales["a2"] = paid(till, sandbox, sell(till, fake_time, utc(8, 9, 30), "2500", "Awa"))
    sales["m1"] = paid(till, sandbox, sell(till, fake_time, utc(8, 10), "7000", "Moussa"))
    late = sell(till, fake_time, utc(8, 10, 30), "2500", "Moussa")
    sales["late"] = till.cancel(late.id)
    cancelled = sell(till, fake_time, utc(8, 11), "3000", "Awa")
    sales["cancelled"] = till.cancel(cancelled.id)
    sandbox.add_fault("/payment/", "refuse", times=1)
    sales["failed"] = sell(till, fake_time, utc(8, 11, 30), "700", "Moussa")
    sales["paying"] = sell(till, fake_time, utc(8, 12), "5000", None)
    fake_time.at = utc(8, 12, 1)
    other = client.create_payment(D("5000"), "Sac", "T2-000009 Sac")
    sandbox.mark_paid(other.transaction_id)
    sales["other_till_tx"] = other  # type: ignore[assignment]
    fake_time.at = utc(8, 12, 5)
    assert sales["failed"].state is S.FAILED
    assert sales["late"].state is S.CANCELLED
    return sales


def test_hand_computed_closing(day: dict[str, Sale], till: Till, client: HpayClient) -> None:
    now = utc(8, 12, 5)
    close = build_closing(till.journal, client, DAY, till="T1", mode="TEST", tz=WAT, now=now)
    assert close.currency == "XOF"
    assert close.groups == {
        "paid": Figures(3, D("24400"), D("367")),
        "cancelled": Figures(2, D("5500")),
        "failed": Figures(1, D("700")),
        "open": Figures(2, D("6200")),
    }
    assert close.groups["paid"].net == D("24033")
    assert close.cashiers == (
        CashierLine("Awa", 2, D("17400"), D("262")),
        CashierLine("Moussa", 1, D("7000"), D("105")),
        CashierLine(None, 0, D("0"), D("0")),
    )
    assert [c.net for c in close.cashiers] == [D("17138"), D("6895"), D("0")]
    report = close.report
    assert (report.hpay_paid_count, report.hpay_paid_total) == (4, D("29400"))
    assert report.hpay_fees_total == D("367") + D("75")
    (flag,) = report.discrepancies
    other = day["other_till_tx"]
    assert (flag.kind, flag.transaction_id) == ("not_from_this_till", other.transaction_id)
    assert "till T2" in flag.message
    steps = {o.sale.sale_number: (o.reason, o.step) for o in close.open_sales}
    assert steps == {
        day["unwatched"].sale_number: ("not_watched", "cancel"),  # 12 h 35 min old
        day["paying"].sale_number: ("paying", "wait"),  # 5 min old
    }
    assert close.can_close
    assert (close.closings, close.changes, close.last_closing, close.paid_then) == (
        (),
        (),
        None,
        None,
    )


def test_closing_is_recorded_and_a_late_payment_shows_when_reopened(
    day: dict[str, Sale],
    till: Till,
    client: HpayClient,
    sandbox: SandboxServer,
    fake_time: FakeTime,
) -> None:
    journal = till.journal
    close = build_closing(journal, client, DAY, till="T1", mode="TEST", tz=WAT, now=fake_time.at)
    record = record_closing(journal, close, closed_by="Awa")
    assert (record.till, record.business_day, record.closed_by) == ("T1", DAY, "Awa")
    assert record.closed_at == utc(8, 12, 5)
    assert record.totals == closing_totals(close)
    totals = record.totals
    assert totals["groups"]["paid"] == {
        "count": 3, "amount": "24400", "fees": "367", "net": "24033",
    }  # fmt: skip
    assert totals["groups"]["open"] == {"count": 2, "amount": "6200", "fees": "0", "net": "6200"}
    assert totals["by_cashier"][2] == {
        "cashier": None, "count": 0, "amount": "0", "fees": "0", "net": "0",
    }  # fmt: skip
    assert totals["hpay"] == {"paid_count": 4, "paid_amount": "29400", "fees": "442"}
    assert [d["kind"] for d in totals["differences"]] == ["not_from_this_till"]
    assert journal.closings(DAY, till="T1") == [record]
    assert journal.closings(DAY, till="T2") == []

    # after the closing: sale 5 is paid late, and one more sale is made and paid
    fake_time.at = utc(8, 14)
    late = paid(till, sandbox, day["late"])
    assert late.paid_late
    extra = paid(till, sandbox, sell(till, fake_time, utc(8, 14, 10), "1000", "Moussa"))
    fake_time.at = utc(8, 15)
    again = build_closing(journal, client, DAY, till="T1", mode="TEST", tz=WAT, now=fake_time.at)
    assert again.last_closing == record
    changes = [
        (c.kind, c.sale.sale_number, c.before, c.after, c.sale.amount) for c in again.changes
    ]
    assert changes == [
        ("paid_late", late.sale_number, S.CANCELLED, S.PAID, D("2500")),
        ("new_sale", extra.sale_number, None, S.PAID, D("1000")),
    ]
    assert again.paid_then == Figures(3, D("24400"), D("367"))
    assert again.groups["paid"] == Figures(5, D("27900"), D("367") + D("38") + D("15"))
    assert again.groups["cancelled"] == Figures(1, D("3000"))
    # closed again: two closings kept, the newest one is "last"
    second = record_closing(journal, again, closed_by="manager")
    assert [c.closed_by for c in journal.closings(DAY)] == ["Awa", "manager"]
    reopened = build_closing(journal, client, DAY, till="T1", mode="TEST", tz=WAT, now=utc(8, 16))
    assert reopened.last_closing == second
    assert reopened.changes == ()


def test_hpay_unreachable_closes_nothing(day: dict[str, Sale], till: Till) -> None:
    down = HpayClient(
        client_config("http://127.0.0.1:9", read_retries=0, deadline=2.0), sleep=lambda _s: None
    )
    try:
        close = build_closing(
            till.journal, down, DAY, till="T1", mode="TEST", tz=WAT, now=utc(8, 12, 5)
        )
    finally:
        down.close()
    assert close.groups["paid"] == Figures(3, D("24400"), D("367"))  # the local figures stay
    assert not close.can_close
    assert close.report.hpay_error
    with pytest.raises(DayNotChecked, match="nothing was recorded"):
        record_closing(till.journal, close, closed_by="Awa")
    assert till.journal.closings(DAY) == []


def test_an_empty_day_closes_with_zeros(journal: Journal, client: HpayClient) -> None:
    close = build_closing(
        journal, client, DAY, till="T1", mode="TEST", tz=UTC, now=datetime(2025, 11, 8, tzinfo=UTC)
    )
    assert close.groups == {
        name: Figures(0, D("0")) for name in ("paid", "cancelled", "failed", "open")
    }
    assert close.cashiers == ()
    assert close.open_sales == ()
    assert close.can_close
    record = record_closing(journal, close, closed_by=None)
    assert record.closed_by is None
    assert record.totals["sales"] == 0
