"""The day report by cashier: hand-computed per-cashier paid count, amount, fees and net,
older sales "not recorded", nothing at all for a shop that does not use cashiers."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.cli.report_output import report_text
from hpos.sales.journal import Journal
from hpos.sales.report import CashierLine, build_day_report, report_rows
from hpos.sales.states import SaleState
from tests.helpers.day import DAY, PAID_PATH, WAT, FakeTime, put, utc

S = SaleState


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    fake_time = FakeTime(utc(8, 10))
    j = Journal(tmp_path / "journal.sqlite3", clock=fake_time.now)
    j.fake_time = fake_time  # type: ignore[attr-defined]
    yield j
    j.close()


def test_paid_sales_by_cashier_hand_computed(journal: Journal) -> None:
    t: FakeTime = journal.fake_time  # type: ignore[attr-defined]
    put(journal, t, utc(8, 8), "1000", PAID_PATH, fees="15")  # before cashiers: not recorded
    put(journal, t, utc(8, 9), "14900", PAID_PATH, fees="224", cashier="Jean-Marc")
    put(journal, t, utc(8, 10), "2500", PAID_PATH, fees="38", cashier="Awa")
    put(journal, t, utc(8, 11), "5000", PAID_PATH, fees="75", cashier="Awa")
    put(journal, t, utc(8, 12), "700", (S.REQUESTING, S.FAILED), cashier="Awa")
    put(journal, t, utc(8, 13), "300", (S.REQUESTING, S.AWAITING, S.CANCELLED), cashier="Zoé")
    put(journal, t, utc(8, 14), "1200", (S.REQUESTING, S.AWAITING, S.CANCELLED, S.PAID),
        fees="18", cashier="Zoé")  # fmt: skip  # paid late: paid
    put(journal, t, utc(8, 15), "99999", PAID_PATH, mode="PROD", fees="1500", cashier="Awa")

    report = build_day_report(journal, None, DAY, mode="TEST", tz=WAT)
    assert report.by_cashier == (
        CashierLine("Awa", 2, Decimal("7500"), Decimal("113")),
        CashierLine("Jean-Marc", 1, Decimal("14900"), Decimal("224")),
        CashierLine("Zoé", 1, Decimal("1200"), Decimal("18")),
        CashierLine(None, 1, Decimal("1000"), Decimal("15")),
    )
    assert [line.net for line in report.by_cashier] == [
        Decimal("7387"), Decimal("14676"), Decimal("1182"), Decimal("985"),
    ]  # fmt: skip
    assert sum(line.paid_total for line in report.by_cashier) == report.paid_total
    assert sum(line.fees_total for line in report.by_cashier) == report.fees_total

    rows = [r for r in report_rows(report) if r["section"].startswith("cashier_")]
    assert [(r["section"], r["item"], r["count"], r["amount"], r["detail"]) for r in rows[-3:]] == [
        ("cashier_paid", "", "1", "1000", "not recorded"),
        ("cashier_fees", "", "", "15", "not recorded"),
        ("cashier_net", "", "", "985", "not recorded"),
    ]
    text = report_text(report)
    table = [line.split() for line in text.split("By cashier:\n", 1)[1].splitlines()[:5]]
    assert table == [
        ["CASHIER", "PAID", "AMOUNT", "FEES", "NET"],
        ["Awa", "2", "7,500", "XOF", "113", "XOF", "7,387", "XOF"],
        ["Jean-Marc", "1", "14,900", "XOF", "224", "XOF", "14,676", "XOF"],
        ["Zoé", "1", "1,200", "XOF", "18", "XOF", "1,182", "XOF"],
        ["(not", "recorded)", "1", "1,000", "XOF", "15", "XOF", "985", "XOF"],
    ]


def test_a_shop_without_cashiers_has_no_breakdown(journal: Journal) -> None:
    t: FakeTime = journal.fake_time  # type: ignore[attr-defined]
    put(journal, t, utc(8, 9), "14900", PAID_PATH, fees="224")
    report = build_day_report(journal, None, DAY, mode="TEST", tz=WAT)
    assert report.by_cashier == ()
    assert not [r for r in report_rows(report) if r["section"].startswith("cashier_")]
    assert "By cashier" not in report_text(report)
