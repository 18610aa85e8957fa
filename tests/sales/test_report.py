"""The day report: hand-computed figures, every mismatch flagged, paging, modes, HPAY down.

Journal and sandbox share one fake clock, so sale times and HPAY's
``date_generated`` are fixed and the tests never depend on the date they run.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import InvalidRequest
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.report import (
    ROW_FIELDS,
    DayReport,
    ModeTotals,
    StateLine,
    build_day_report,
    build_day_reports,
    local_summary,
    report_rows,
)
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from tests.helpers.day import DAY, PAID_PATH, WAT, FakeTime, put, utc
from tests.helpers.sandbox import client_config, start_sandbox

S = SaleState
FIXTURES = Path(__file__).parents[1] / "fixtures" / "report"


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(utc(8, 10))


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


# -- hand-computed, local only ----------------------------------------------------------


def write_day(journal: Journal, fake_time: FakeTime) -> Journal:
    """Sales around 2025-11-08 in WAT (UTC+1); the expected figures are worked out below."""
    put(journal, fake_time, utc(7, 22, 30), "800", PAID_PATH, fees="12")  # 11-07 23:30 WAT: out
    put(journal, fake_time, utc(7, 23, 10), "14900", PAID_PATH, fees="224")  # 00:10 WAT: first
    put(journal, fake_time, utc(8, 10), "2500", PAID_PATH, fees="38")
    put(journal, fake_time, utc(8, 11), "1000", (S.REQUESTING, S.AWAITING, S.CANCELLED, S.PAID),
        fees="15")  # fmt: skip  # paid late
    put(journal, fake_time, utc(8, 12), "5000", (S.REQUESTING, S.AWAITING), fees="75")
    put(journal, fake_time, utc(8, 13), "700", (S.REQUESTING, S.FAILED))
    put(journal, fake_time, utc(8, 14), "300", (S.REQUESTING, S.AWAITING, S.EXPIRED), fees="5")
    put(journal, fake_time, utc(8, 15), "99999", PAID_PATH, mode="PROD", fees="1500")  # PROD
    put(journal, fake_time, utc(8, 22, 59, 59), "1200", (S.REQUESTING, S.UNKNOWN))  # 23:59:59
    put(journal, fake_time, utc(8, 23), "4000", PAID_PATH, fees="60")  # 11-09 00:00 WAT: out
    return journal


@pytest.fixture
def day_journal(journal: Journal, fake_time: FakeTime) -> Journal:
    return write_day(journal, fake_time)


def test_hand_computed_day(day_journal: Journal) -> None:
    report = build_day_report(day_journal, None, DAY, mode="TEST", tz=WAT)
    assert (report.start, report.end, report.mode, report.currency, report.tz) == (
        DAY, DAY, "TEST", "XOF", "WAT",
    )  # fmt: skip
    assert report.sales_count == 7  # 14900, 2500, 1000, 5000, 700, 300, 1200
    assert report.by_state == (
        StateLine(S.AWAITING, 1, Decimal("5000")),
        StateLine(S.PAID, 3, Decimal("14900") + Decimal("2500") + Decimal("1000")),
        StateLine(S.EXPIRED, 1, Decimal("300")),
        StateLine(S.FAILED, 1, Decimal("700")),
        StateLine(S.UNKNOWN, 1, Decimal("1200")),
    )
    assert report.paid_count == 3
    assert report.paid_total == Decimal("14900") + Decimal("2500") + Decimal("1000")
    assert report.paid_late_count == 1
    assert report.fees_total == Decimal("224") + Decimal("38") + Decimal("15")
    assert report.first_sale == datetime(2025, 11, 8, 0, 10, tzinfo=WAT)
    assert report.last_sale == datetime(2025, 11, 8, 23, 59, 59, tzinfo=WAT)
    assert report.first_sale.utcoffset() == timedelta(hours=1)
    assert (report.hpay_paid_count, report.hpay_paid_total, report.hpay_error) == (None,) * 3
    assert report.discrepancies == ()
    assert not report.checked
    assert not report.ok  # never "ok" without HPAY's word

    summary = local_summary(day_journal, DAY, mode="TEST", tz=WAT)
    assert (summary.sales_count, summary.paid_total, summary.by_state) == (
        report.sales_count, report.paid_total, report.by_state,
    )  # fmt: skip


def test_hand_computed_prod_day_and_range(day_journal: Journal) -> None:
    prod = build_day_report(day_journal, None, DAY, mode="PROD", tz=WAT)
    assert (prod.sales_count, prod.paid_total, prod.fees_total) == (1, Decimal("99999"), 1500)
    # the day's TEST sales are listed apart, never added: 7 sales, 3 paid (18400)
    assert prod.other_modes == (ModeTotals("TEST", "XOF", 7, 3, Decimal("18400")),)
    test = build_day_report(day_journal, None, DAY, mode="TEST", tz=WAT)
    assert test.other_modes == (ModeTotals("PROD", "XOF", 1, 1, Decimal("99999")),)
    two_days = local_summary(day_journal, DAY - timedelta(days=1), DAY, mode="TEST", tz=WAT)
    assert two_days.sales_count == 7 + 1
    assert two_days.paid_total == Decimal("800") + Decimal("14900") + Decimal("2500") + Decimal(
        "1000"
    )
    utc_day = local_summary(day_journal, DAY, mode="TEST", tz=UTC)  # 11-08 00:00..24:00 UTC
    assert utc_day.sales_count == 7 + 1 - 1  # 4000 at 23:00 UTC in, 14900 at 11-07 23:10 out
    assert utc_day.paid_total == Decimal("2500") + Decimal("1000") + Decimal("4000")


def test_report_rows_match_fixture(day_journal: Journal) -> None:
    report = build_day_report(day_journal, None, DAY, mode="TEST", tz=WAT)
    rows = report_rows(report)
    with (FIXTURES / "day_local.csv").open(newline="", encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))
    assert rows == expected
    assert all(tuple(row) == ROW_FIELDS for row in rows)


def test_currencies_are_reported_apart(journal: Journal, fake_time: FakeTime) -> None:
    put(journal, fake_time, utc(8, 9), "14900", PAID_PATH, fees="224")
    put(journal, fake_time, utc(8, 10), "12.50", PAID_PATH, currency="CAD", fees="0.19")
    put(journal, fake_time, utc(8, 11), "7.25", PAID_PATH, currency="CAD", fees="0.11")
    cad, xof = build_day_reports(journal, None, DAY, mode="TEST", tz=UTC)  # sorted by code
    assert (xof.currency, xof.paid_total, xof.fees_total) == ("XOF", 14900, 224)
    assert (cad.currency, cad.paid_count) == ("CAD", 2)
    assert cad.paid_total == Decimal("12.50") + Decimal("7.25")
    assert cad.fees_total == Decimal("0.19") + Decimal("0.11")
    paid_row = next(r for r in report_rows(cad) if r["section"] == "local" and r["item"] == "paid")
    assert (paid_row["amount"], paid_row["currency"]) == ("19.75", "CAD")
    with pytest.raises(ValueError, match="several currencies"):
        build_day_report(journal, None, DAY, mode="TEST", tz=UTC)
    assert build_day_report(journal, None, DAY, mode="TEST", tz=UTC, currency="CAD") == cad


def test_bad_arguments_are_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="before its start"):
        build_day_report(journal, None, DAY, DAY - timedelta(days=1), mode="TEST", tz=UTC)
    with pytest.raises(InvalidRequest, match="TEST or PROD"):
        build_day_report(journal, None, DAY, mode="test", tz=UTC)


# -- against the sandbox ----------------------------------------------------------------


def sell(till: Till, sandbox: SandboxServer, amount: str, *, paid: bool, local: bool) -> Sale:
    """A real sale through the till; ``paid``: the customer paid; ``local``: the till saw it."""
    sale = till.start_sale(amount, "Sac")
    assert sale.state is S.AWAITING
    assert sale.transaction_id
    if paid:
        sandbox.mark_paid(sale.transaction_id)
    if local:
        sale = till.journal.transition(sale.id, S.PAID)
    return sale


def kinds(report: DayReport) -> dict[str | None, str]:
    return {d.transaction_id: d.kind for d in report.discrepancies}


def test_clean_day_agrees_with_hpay(till: Till, sandbox: SandboxServer, client: HpayClient) -> None:
    sell(till, sandbox, "14900", paid=True, local=True)
    sell(till, sandbox, "2500", paid=True, local=True)
    sell(till, sandbox, "7000", paid=False, local=False)  # still awaiting on both sides
    report = build_day_report(till.journal, client, DAY, mode="TEST", tz=UTC)
    assert report.paid_total == report.hpay_paid_total == Decimal("14900") + Decimal("2500")
    assert report.paid_count == report.hpay_paid_count == 2
    # sandbox fees are 1.5 %, rounded half up to whole XOF: 223.5 -> 224, 37.5 -> 38
    assert report.fees_total == report.hpay_fees_total == Decimal("224") + Decimal("38")
    assert report.sales_count == 3
    assert report.discrepancies == ()
    assert report.hpay_error is None
    assert report.ok


def test_every_mismatch_is_flagged(
    till: Till, sandbox: SandboxServer, client: HpayClient, fake_time: FakeTime
) -> None:
    journal = till.journal
    good = sell(till, sandbox, "14900", paid=True, local=True)
    other_till = client.create_payment(Decimal("5000"), "Sac", "T2-000009 Sac")
    sandbox.mark_paid(other_till.transaction_id)
    walk_in = client.create_payment(Decimal("600"), "Walk-in", "paid at the web shop")
    sandbox.mark_paid(walk_in.transaction_id)
    unpaid = sell(till, sandbox, "3000", paid=False, local=True)  # PAID here only
    missed = sell(till, sandbox, "1100", paid=True, local=False)  # PAID at HPAY only
    wrong = client.create_payment(Decimal("3000"), "Sac", "T1-000777 Sac")
    sandbox.mark_paid(wrong.transaction_id)
    differs = put(journal, fake_time, utc(8, 10), "3500", PAID_PATH, txid=wrong.transaction_id)

    report = build_day_report(journal, client, DAY, mode="TEST", tz=UTC)
    assert kinds(report) == {
        other_till.transaction_id: "not_from_this_till",
        walk_in.transaction_id: "not_from_this_till",
        unpaid.transaction_id: "missing_at_hpay",
        missed.transaction_id: "paid_at_hpay_only",
        wrong.transaction_id: "amount_differs",
    }
    flags = {d.transaction_id: d for d in report.discrepancies}
    assert flags[other_till.transaction_id].sale_number == "T2-000009"
    assert "till T2" in flags[other_till.transaction_id].message
    assert flags[walk_in.transaction_id].sale_number is None
    assert flags[unpaid.transaction_id].sale_number == unpaid.sale_number
    assert "UNPAID" in flags[unpaid.transaction_id].message
    assert flags[missed.transaction_id].sale_number == missed.sale_number
    assert flags[wrong.transaction_id].sale_number == differs.sale_number
    assert "3000 XOF" in flags[wrong.transaction_id].message
    assert {d.kind for d in report.errors} == {"missing_at_hpay", "amount_differs"}
    assert not report.ok
    assert report.paid_total == Decimal("14900") + Decimal("3000") + Decimal("3500")
    assert report.hpay_paid_total == (
        Decimal("14900") + Decimal("5000") + Decimal("600") + Decimal("1100") + Decimal("3000")
    )
    severity = {
        r["transaction_id"]: r["severity"]
        for r in report_rows(report)
        if r["section"] == "discrepancy"
    }
    assert severity[unpaid.transaction_id] == "error"
    assert severity[missed.transaction_id] == "warning"
    assert good.transaction_id not in severity


def test_pages_through_all_of_hpay_history(
    till: Till, sandbox: SandboxServer, client: HpayClient
) -> None:
    amounts = ["100", "200", "300", "400", "500", "600", "700"]
    for amount in amounts:
        sell(till, sandbox, amount, paid=True, local=True)
    before = sandbox.stats()["requests"].get("/getPaymentHistory/", 0)
    report = build_day_report(till.journal, client, DAY, mode="TEST", tz=UTC, page_size=2)
    assert sandbox.stats()["requests"]["/getPaymentHistory/"] - before == 4  # 2+2+2+1
    assert report.hpay_paid_count == 7
    assert report.hpay_paid_total == sum(Decimal(a) for a in amounts) == Decimal("2800")
    assert report.ok


def test_test_sales_never_reach_a_prod_report(
    till: Till,
    sandbox: SandboxServer,
    client: HpayClient,
    make_client: Callable[..., HpayClient],
    fake_time: FakeTime,
) -> None:
    journal = till.journal
    prod_client = make_client(mode="PROD")
    prod_till = Till(prod_client, journal, till_name="T1", clock=fake_time.now)
    sell(till, sandbox, "14900", paid=True, local=True)
    sell(till, sandbox, "2500", paid=True, local=True)
    prod_sale = sell(prod_till, sandbox, "9000", paid=True, local=True)
    assert prod_sale.mode == "PROD"

    prod = build_day_report(journal, prod_client, DAY, mode="PROD", tz=UTC)
    assert (prod.sales_count, prod.paid_total, prod.hpay_paid_total) == (1, 9000, 9000)
    assert prod.ok
    test = build_day_report(journal, client, DAY, mode="TEST", tz=UTC)
    assert test.paid_total == test.hpay_paid_total == Decimal("14900") + Decimal("2500")
    assert test.ok
    with pytest.raises(InvalidRequest, match="PROD report cannot be checked with a TEST"):
        build_day_report(journal, client, DAY, mode="PROD", tz=UTC)

    put(journal, fake_time, utc(8, 12), "7000", PAID_PATH, mode="PROD", txid="NOT-AT-HPAY")
    prod = build_day_report(journal, prod_client, DAY, mode="PROD", tz=UTC)
    assert prod.paid_total == Decimal("9000") + Decimal("7000")
    assert kinds(prod) == {"NOT-AT-HPAY": "missing_at_hpay"}
    assert build_day_report(journal, client, DAY, mode="TEST", tz=UTC).ok


def test_hpay_unreachable_keeps_local_figures(till: Till, sandbox: SandboxServer) -> None:
    sell(till, sandbox, "14900", paid=True, local=True)
    down = HpayClient(
        client_config("http://127.0.0.1:9", read_retries=0, deadline=2.0), sleep=lambda _s: None
    )
    try:
        report = build_day_report(till.journal, down, DAY, mode="TEST", tz=UTC)
    finally:
        down.close()
    assert report.paid_total == Decimal("14900")
    assert report.hpay_paid_total is None
    assert report.hpay_paid_count is None
    assert report.hpay_error
    assert "could not be read" in report.hpay_error
    assert not report.ok
    assert not report.checked
    assert any(r["item"] == "error" for r in report_rows(report))


def test_hpay_refusing_history_is_an_error_not_a_crash(
    till: Till, sandbox: SandboxServer, client: HpayClient
) -> None:
    sell(till, sandbox, "2500", paid=True, local=True)
    sandbox.add_fault("/getPaymentHistory/", "refuse")
    report = build_day_report(till.journal, client, DAY, mode="TEST", tz=UTC)
    assert report.paid_total == Decimal("2500")
    assert report.hpay_error
    assert "temporarily unavailable" in report.hpay_error


def test_day_boundaries_follow_the_till_zone(
    till: Till, sandbox: SandboxServer, client: HpayClient, fake_time: FakeTime
) -> None:
    fake_time.at = utc(7, 23, 30)  # 11-08 00:30 WAT
    early = sell(till, sandbox, "100", paid=True, local=True)
    fake_time.at = utc(8, 10)
    sell(till, sandbox, "200", paid=True, local=True)
    fake_time.at = utc(8, 23, 30)  # 11-09 00:30 WAT
    sell(till, sandbox, "400", paid=True, local=True)
    report = build_day_report(till.journal, client, DAY, mode="TEST", tz=WAT)
    assert report.paid_total == report.hpay_paid_total == Decimal("100") + Decimal("200")
    assert report.first_sale == early.created_at
    assert report.ok


def test_a_payment_dated_on_another_day_by_hpay(
    till: Till, sandbox: SandboxServer, client: HpayClient, fake_time: FakeTime
) -> None:
    fake_time.at = utc(8, 23, 59, 59)
    sale = till.journal.create_sale(
        till="T1", amount=Decimal("500"), currency="XOF", product="Sac", description="",
        mode="TEST",
    )  # fmt: skip
    fake_time.at = utc(9, 0, 0, 5)  # HPAY's clock is a few seconds later: next day
    payment = client.create_payment(Decimal("500"), "Sac", sale.description)
    sandbox.mark_paid(payment.transaction_id)
    journal = till.journal
    journal.transition(sale.id, S.REQUESTING)
    journal.transition(sale.id, S.AWAITING, transaction_id=payment.transaction_id)
    journal.transition(sale.id, S.PAID)

    day = build_day_report(journal, client, DAY, mode="TEST", tz=UTC)
    assert kinds(day) == {payment.transaction_id: "other_day"}
    assert not day.errors
    assert day.hpay_paid_total == 0
    next_day = build_day_report(journal, client, DAY + timedelta(days=1), mode="TEST", tz=UTC)
    assert kinds(next_day) == {payment.transaction_id: "other_day"}
    assert (next_day.sales_count, next_day.hpay_paid_total) == (0, Decimal("500"))


def test_a_lost_reply_is_found_by_its_sale_number(
    till: Till, sandbox: SandboxServer, client: HpayClient
) -> None:
    journal = till.journal
    sale = journal.create_sale(
        till="T1", amount=Decimal("800"), currency="XOF", product="Sac", description="Sac",
        mode="TEST",
    )  # fmt: skip
    journal.transition(sale.id, S.REQUESTING)
    journal.transition(sale.id, S.UNKNOWN)  # the reply was lost: no transaction id here
    lost = client.create_payment(Decimal("800"), "Sac", sale.description)
    sandbox.mark_paid(lost.transaction_id)
    report = build_day_report(journal, client, DAY, mode="TEST", tz=UTC)
    (flag,) = report.discrepancies
    assert (flag.kind, flag.transaction_id, flag.sale_number) == (
        "paid_at_hpay_only", lost.transaction_id, sale.sale_number,
    )  # fmt: skip
    assert "UNKNOWN here: reconcile it" in flag.message
