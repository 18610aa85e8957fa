"""The history pane on a long journal: first screen first, then every row to sort and search.

A journal of 2,500 sales (the journal benchmark's generator: mixed states and
modes, eight amounts, so many ties) in tmp_path, a real Runner, the real pane.
More rows than the first screen (200) and than the summary sums on the GUI
thread (2,000), so both background paths run.
"""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.sales.journal import Journal
from hpos.sales.states import SaleState
from hpos.ui.history.journal import FIRST_SCREEN_ROWS
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import (
    COL_AMOUNT,
    COL_DATE,
    SOURCE_JOURNAL,
    HistoryRow,
    local_day_range,
    row_from_sale,
)
from hpos.ui.history.summary import SUMMARY_ON_GUI_ROWS
from hpos.ui.history.totals import summary_text
from hpos.ui.runner import Runner

SALES = 2_500
WAIT = 15_000


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def journal(long_journal: Journal) -> Journal:
    """A copy of a journal of SALES sales (conftest's ``long_journal``)."""
    return long_journal


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    r = Runner(workers=3)
    yield r
    r.shutdown()


def every_row(journal: Journal) -> list[HistoryRow]:
    """What the pane must end up holding: every sale, newest first."""
    return [row_from_sale(s) for s in reversed(journal.sales_between(*local_day_range(None, None)))]


def open_pane(qtbot: QtBot, runner: Runner, journal: Journal, **kwargs: Any) -> HistoryPane:
    pane = HistoryPane(runner, client=None, journal=journal, **kwargs)
    qtbot.addWidget(pane)
    pane.resize(1024, 600)
    pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
    return pane


def show_first_screen(qtbot: QtBot, pane: HistoryPane) -> None:
    with qtbot.waitSignal(pane.model.page_loaded, timeout=WAIT):
        pane.show()
    assert pane.model.rowCount() == FIRST_SCREEN_ROWS, "the first screen, alone"
    assert pane.model.is_loading, "the rest is on its way"


def wait_all(qtbot: QtBot, pane: HistoryPane, rows: int = SALES) -> None:
    qtbot.waitUntil(
        lambda: pane.model.total_rows == rows and not pane.model.is_loading, timeout=WAIT
    )


def test_first_screen_then_every_row_newest_first(
    qtbot: QtBot, runner: Runner, journal: Journal
) -> None:
    expected = every_row(journal)
    pane = open_pane(qtbot, runner, journal)
    show_first_screen(qtbot, pane)
    assert pane.shown_rows() == expected[:FIRST_SCREEN_ROWS]
    wait_all(qtbot, pane)
    assert pane.shown_rows() == expected
    assert pane.proxy.rowCount() == SALES


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_every_row_by_amount_and_date(
    qtbot: QtBot, runner: Runner, journal: Journal, order: Qt.SortOrder
) -> None:
    expected = every_row(journal)
    descending = order == Qt.SortOrder.DescendingOrder
    pane = open_pane(qtbot, runner, journal)
    pane.show()
    wait_all(qtbot, pane)
    pane.view.sortByColumn(COL_AMOUNT, order)
    got = pane.shown_rows()
    assert got == sorted(expected, key=lambda r: r.amount, reverse=descending), "stable"
    assert [r.amount for r in got] == sorted((r.amount for r in got), reverse=descending)
    assert len({r.amount for r in got}) > 1
    pane.view.sortByColumn(COL_DATE, order)
    dates = [r.date for r in pane.shown_rows()]
    assert dates == sorted(dates, reverse=descending)


def test_the_selection_stays_on_its_row_through_a_sort_and_a_search(
    qtbot: QtBot, runner: Runner, journal: Journal
) -> None:
    pane = open_pane(qtbot, runner, journal)
    pane.show()
    wait_all(qtbot, pane)
    pane.view.selectRow(5)
    chosen = pane.proxy.row_at(5)
    pane.view.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    pane.search_edit.setText(chosen.sale_number or "")
    current = pane.view.currentIndex()
    assert current.isValid()
    assert pane.proxy.row_at(current.row()) == chosen
    selected = pane.view.selectionModel().selectedRows()
    assert [pane.proxy.row_at(i.row()) for i in selected] == [chosen]


def test_a_search_finds_a_row_not_in_the_first_screen(
    qtbot: QtBot, runner: Runner, journal: Journal
) -> None:
    oldest = every_row(journal)[-1]
    assert oldest.sale_number == "T1-000001"
    pane = open_pane(qtbot, runner, journal)
    show_first_screen(qtbot, pane)
    pane.search_edit.setText("t1-000001")  # typed before the rest of the journal is in
    assert pane.shown_rows() == []
    wait_all(qtbot, pane)
    assert [r.sale_number for r in pane.shown_rows()] == ["T1-000001"]
    pane.search_edit.clear()
    assert pane.proxy.rowCount() == SALES


def test_the_summary_covers_every_row_not_only_those_on_screen(
    qtbot: QtBot, runner: Runner, journal: Journal
) -> None:
    expected = every_row(journal)
    assert len(expected) > SUMMARY_ON_GUI_ROWS
    pane = open_pane(qtbot, runner, journal)
    pane.show()
    wait_all(qtbot, pane)
    everything = summary_text(expected)
    assert "PROD" in everything, "modes are mixed: a summary per mode"
    qtbot.waitUntil(lambda: pane.summary_label.text() == everything, timeout=WAIT)
    pane.search_edit.setText("T1-0001")  # T1-000100 to T1-000199
    some = summary_text(r for r in expected if "T1-0001" in (r.sale_number or ""))
    qtbot.waitUntil(lambda: pane.summary_label.text() == some, timeout=WAIT)
    pane.search_edit.clear()  # every row again: summed on the Runner
    qtbot.waitUntil(lambda: pane.summary_label.text() == everything, timeout=WAIT)
    pane.view.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert not pane.summary.pending, "a sort changes no sum"


def test_a_refresh_reads_only_the_changes_and_merges_them_in_place(
    qtbot: QtBot, runner: Runner, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = open_pane(qtbot, runner, journal)
    pane.show()
    wait_all(qtbot, pane)
    pane.view.sortByColumn(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    pane.view.selectRow(3)
    chosen = pane.proxy.row_at(3)
    resets: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    full_reads: list[int] = []
    real = journal.iter_sales_between
    monkeypatch.setattr(
        journal, "iter_sales_between", lambda *a, **k: full_reads.append(1) or real(*a, **k)
    )
    awaiting = next(s for s in journal.open_sales() if s.state is SaleState.AWAITING)
    journal.transition(awaiting.id, SaleState.PAID, note="paid")
    new = journal.create_sale(
        till="T1",
        amount=Decimal(99_999),
        currency="XOF",
        product="Tea",
        description="",
        mode="TEST",
    )
    assert pane.model.refresh_quietly()
    wait_all(qtbot, pane, SALES + 1)
    by_number = {r.sale_number: r for r in pane.shown_rows()}
    assert by_number[awaiting.sale_number].status == "PAID"
    assert pane.shown_rows()[0].sale_number == new.sale_number, "the new sale, sorted in"
    assert resets == [], "merged in place"
    assert full_reads == [], "only the changes were read"
    selected = pane.view.selectionModel().selectedRows()
    assert [pane.proxy.row_at(i.row()).sale_number for i in selected] == [chosen.sale_number]
    # the store's own sums are stale now: every row is summed again, on the Runner
    assert pane.summary.pending or pane.summary_label.text() == summary_text(every_row(journal))
    qtbot.waitUntil(
        lambda: pane.summary_label.text() == summary_text(every_row(journal)), timeout=WAIT
    )


def test_an_export_during_the_first_screen_writes_every_row(
    qtbot: QtBot, runner: Runner, journal: Journal, tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    pane = open_pane(qtbot, runner, journal, choose_path=lambda: target)
    show_first_screen(qtbot, pane)
    with qtbot.waitSignal(pane.exported, timeout=WAIT):
        pane.export_csv()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == SALES
    assert [r["sale_number"] for r in records] == [r.sale_number for r in pane.shown_rows()]
    assert f"Exported {SALES} rows" in pane.message_label.text()
