"""TEST honesty: a TEST amount is never added into a PROD total; exports say TEST.

The day report (and ``hpos report``) counts one mode and lists the other apart;
the history summary gives one line per mode when modes are mixed; the CSV export
marks each row's mode and puts "TEST-" in front of the suggested file name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.cli.main import main
from hpos.cli.report_output import report_csv, report_json, report_text
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.report import ModeTotals, build_day_report, report_rows
from hpos.sales.states import SaleState
from hpos.ui.history.export import export_file_name, has_test_rows, rows_to_csv
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import (
    SOURCE_HPAY,
    SOURCE_JOURNAL,
    HistoryRow,
    money_text,
)
from hpos.ui.history.totals import summary_text
from hpos.ui.runner import Runner
from tests.helpers.day import DAY, PAID_PATH, WAT, FakeTime, put, utc

S = SaleState


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(utc(8, 10))


@pytest.fixture
def mixed(tmp_path: Path, fake_time: FakeTime) -> Iterator[Journal]:
    """One day of PROD and TEST sales: PROD paid 15 000, TEST paid 14 900 (+ a CAD TEST)."""
    journal = Journal(tmp_path / JOURNAL_FILE, clock=fake_time.now)
    put(journal, fake_time, utc(8, 9), "10000", PAID_PATH, mode="PROD", fees="150")
    put(journal, fake_time, utc(8, 10), "14900", PAID_PATH, mode="TEST", fees="224")
    put(journal, fake_time, utc(8, 11), "5000", PAID_PATH, mode="PROD", fees="75")
    put(journal, fake_time, utc(8, 12), "700", (S.REQUESTING, S.FAILED), mode="TEST")
    put(journal, fake_time, utc(8, 13), "2000", (S.REQUESTING, S.AWAITING), mode="PROD")
    put(journal, fake_time, utc(8, 14), "12.50", PAID_PATH, mode="TEST", currency="CAD")
    yield journal
    journal.close()


# -- the day report -----------------------------------------------------------------------------


def test_prod_report_never_counts_test_sales(mixed: Journal) -> None:
    report = build_day_report(mixed, None, DAY, mode="PROD", tz=WAT)
    assert report.mode == "PROD"
    assert report.sales_count == 3
    assert report.paid_count == 2
    assert report.paid_total == Decimal(15000)
    assert report.fees_total == Decimal(225)
    assert sum(line.total for line in report.by_state) == Decimal(17000)
    assert report.other_modes == (ModeTotals("TEST", "XOF", 2, 1, Decimal(14900)),)


def test_test_report_never_counts_prod_sales(mixed: Journal) -> None:
    report = build_day_report(mixed, None, DAY, mode="TEST", tz=WAT, currency="XOF")
    assert (report.sales_count, report.paid_count, report.paid_total) == (2, 1, Decimal(14900))
    assert report.other_modes == (ModeTotals("PROD", "XOF", 3, 2, Decimal(15000)),)
    cad = build_day_report(mixed, None, DAY, mode="TEST", tz=WAT, currency="CAD")
    assert cad.paid_total == Decimal("12.50")
    assert cad.other_modes == (), "the PROD sales are in XOF: not this currency's report"


def test_report_rows_and_text_list_the_other_mode_apart(mixed: Journal) -> None:
    report = build_day_report(mixed, None, DAY, mode="PROD", tz=WAT)
    rows = report_rows(report)
    paid = next(r for r in rows if (r["section"], r["item"]) == ("local", "paid"))
    assert (paid["count"], paid["amount"]) == ("2", "15000")
    [apart] = [r for r in rows if r["section"] == "not_counted"]
    assert (apart["item"], apart["count"], apart["amount"], apart["currency"]) == (
        "TEST", "1", "14900", "XOF",
    )  # fmt: skip
    assert apart["detail"] == "2 TEST sale(s), 1 paid: not in this PROD report's totals"
    assert "not_counted,TEST,,1,14900,XOF" in report_csv(report)
    assert '"section": "not_counted"' in report_json(report)

    text = report_text(report)
    lines = text.splitlines()
    assert "PROD: real payments only; TEST sales are never in these totals." in lines
    assert "Paid:        2 · 15,000 XOF"  # the text groups thousands in lines
    [not_counted] = [line for line in lines if "14,900" in line]
    assert not_counted == (
        "Not counted: 2 TEST sale(s) in this period, 1 paid · 14,900 XOF "
        "(TEST, kept out of the PROD totals)"
    )
    assert "29,900" not in text, "TEST and PROD paid amounts are never added up"


def test_hpos_report_prod_on_a_mixed_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile_dir = tmp_path / "profile"
    journal = Journal(profile_dir / "data" / JOURNAL_FILE)
    try:
        for amount, mode in (("3000", "PROD"), ("9900", "TEST"), ("800", "TEST")):
            sale = journal.create_sale(
                till="T1", amount=Decimal(amount), currency="XOF", product="Sac",
                description="", mode=mode,
            )  # fmt: skip
            for state in PAID_PATH:
                extra = {"transaction_id": f"TX{sale.id}"} if state is S.AWAITING else {}
                journal.transition(sale.id, state, **extra)
    finally:
        journal.close()
    code = main(["--config-dir", str(profile_dir), "report", "--mode", "PROD"], env={})
    out = capsys.readouterr()
    assert code == 2, "no account configured: a setup error (the journal's report still prints)"
    assert "Paid:        1 · 3,000 XOF" in out.out
    assert "Not counted: 2 TEST sale(s) in this period, 2 paid · 10,700 XOF" in out.out
    assert "13,700" not in out.out
    assert "not checked against HPAY" in out.err


# -- the history summary ----------------------------------------------------------------------


def a_row(**changes: object) -> HistoryRow:
    row = HistoryRow(
        date=datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC),
        transaction_id="tx",
        product="Sac",
        amount=Decimal("1000"),
        fees=Decimal("15"),
        currency="XOF",
        status="PAID",
        mode="PROD",
        description="T1-000001 Sac",
        link="https://checkout.hpay.cash/?ref=tx",
        sale_number="T1-000001",
        source=SOURCE_HPAY,
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def test_history_summary_keeps_test_out_of_prod_totals() -> None:
    rows = [
        a_row(mode="TEST", amount=Decimal("14900"), fees=Decimal("224")),
        a_row(transaction_id="b", amount=Decimal("2500"), fees=Decimal("38")),
        a_row(transaction_id="c", amount=Decimal("500"), fees=Decimal("8"), status="UNPAID"),
    ]

    def xof(value: str) -> str:
        return money_text(Decimal(value), "XOF")

    assert summary_text(rows) == (
        f"PROD: Paid {xof('2500')} · fees {xof('38')} · net {xof('2462')} — 1 paid · 1 waiting"
        f"\nTEST (not in PROD totals): Paid {xof('14900')} · fees {xof('224')}"
        f" · net {xof('14676')} — 1 paid"
    )


def test_history_summary_of_one_mode_is_unchanged_and_unknown_mode_is_apart() -> None:
    prod = [a_row(), a_row(transaction_id="b")]
    total = money_text(Decimal(2000), "XOF")
    assert summary_text(prod).startswith(f"Paid {total} · ")
    mixed = [*prod, a_row(transaction_id="c", mode="", amount=Decimal("7"))]
    text = summary_text(mixed)
    assert text.startswith(f"PROD: Paid {total} · ")
    seven, fees = money_text(Decimal(7), "XOF"), money_text(Decimal(15), "XOF")
    net = money_text(Decimal(-8), "XOF")
    assert text.endswith(f"\nMode not given: Paid {seven} · fees {fees} · net {net} — 1 paid")


# -- the CSV export ---------------------------------------------------------------------------


def test_csv_rows_say_their_mode_and_the_file_name_says_test() -> None:
    rows = [a_row(), a_row(transaction_id="t", mode="TEST")]
    records = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert [(r["transaction_id"], r["mode"]) for r in records] == [("tx", "PROD"), ("t", "TEST")]
    assert has_test_rows(rows)
    assert not has_test_rows(rows[:1])
    day = date(2025, 11, 8)
    assert export_file_name(day, test=True) == "TEST-hpos-history-2025-11-08.csv"
    assert export_file_name(day, test=False) == "hpos-history-2025-11-08.csv"


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    r = Runner(workers=2)
    yield r
    r.shutdown()


def journal_pane(qtbot: QtBot, runner: Runner, journal: Journal, rows: int) -> HistoryPane:
    pane = HistoryPane(runner, client=None, journal=journal)
    qtbot.addWidget(pane)
    pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
    pane.refresh()
    qtbot.waitUntil(lambda: len(pane.shown_rows()) == rows, timeout=10_000)
    return pane


def test_pane_suggests_a_test_file_name_when_test_rows_are_shown(
    qtbot: QtBot, runner: Runner, mixed: Journal
) -> None:
    pane = journal_pane(qtbot, runner, mixed, 6)
    today = datetime.now().astimezone().date().isoformat()
    assert pane.suggested_file_name() == f"TEST-hpos-history-{today}.csv"
    qtbot.waitUntil(lambda: pane.summary_label.text().startswith("PROD: Paid "))
    assert "— 2 paid · 1 waiting\nTEST (not in PROD totals): Paid " in pane.summary_label.text()
    assert pane.minimumSizeHint().width() <= 1024, "the long summary wraps, never widens"
    pane.search_edit.setText("T1-000001")  # the first PROD sale only
    qtbot.waitUntil(lambda: len(pane.shown_rows()) == 1)
    assert pane.suggested_file_name() == f"hpos-history-{today}.csv"
    one = f"Paid {money_text(Decimal(10000), 'XOF')} · fees"
    qtbot.waitUntil(lambda: pane.summary_label.text().startswith(one))
