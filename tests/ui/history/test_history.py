"""The history pane: paging, filters, search, sorting, summary, CSV export, details.

Everything runs against the real sandbox over loopback, a real Runner and a
real journal in tmp_path. Every history request is recorded with the thread
that made it: none may run on the GUI thread.
"""

from __future__ import annotations

import csv
import gc
import importlib.util
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.hpay.urls import CheckoutUrlPolicy
from hpos.sales.journal import Journal
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from hpos.ui.history.details import NOT_ALLOWED_TEXT, DetailsDialog
from hpos.ui.history.export import CSV_COLUMNS, rows_to_csv, write_csv
from hpos.ui.history.filters import placeholder_room
from hpos.ui.history.model import HistoryModel
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import (
    COL_AMOUNT,
    COL_DATE,
    COL_FEES,
    COL_MODE,
    COL_SALE,
    COL_STATUS,
    SOURCE_HPAY,
    SOURCE_JOURNAL,
    HistoryQuery,
    HistoryRow,
    row_from_sale,
)
from hpos.ui.history.totals import summary_text
from hpos.ui.i18n import format_datetime, install_language
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.runner import Runner
from tests.helpers.profiles import make_profile
from tests.helpers.sandbox import client_config, start_sandbox

HISTORY = "/getPaymentHistory/"
HAVE_QR = importlib.util.find_spec("hpos.ui.widgets.qr") is not None
WAIT = 10_000


# -- fixtures and helpers -------------------------------------------------------------------


class ThreadSpy:
    """Wraps a callable; records the thread of every call and counts completions."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.threads: list[int] = []
        self.done = 0
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.threads.append(threading.get_ident())
        try:
            return self.fn(*args, **kwargs)
        finally:
            with self._lock:
                self.done += 1


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """Widgets from a test are collected here, never by a GC run on a server thread."""
    yield
    gc.collect()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    r = Runner(workers=3)
    yield r
    r.shutdown()


@pytest.fixture
def history_spy(client: HpayClient, monkeypatch: pytest.MonkeyPatch) -> ThreadSpy:
    spy = ThreadSpy(client.history)
    monkeypatch.setattr(client, "history", spy)
    return spy


def assert_off_gui_thread(spy: ThreadSpy, runner: Runner) -> None:
    gui = threading.get_ident()
    assert spy.threads, "no call was made"
    assert gui not in spy.threads
    assert set(spy.threads) <= runner.worker_thread_ids()


def pay(client: HpayClient, amount: str, product: str) -> str:
    return client.create_payment(Decimal(amount), product).transaction_id


def make_pane(
    qtbot: QtBot,
    runner: Runner,
    client: HpayClient | None,
    journal: Journal | None = None,
    **kwargs: Any,
) -> HistoryPane:
    pane = HistoryPane(runner, client=client, journal=journal, **kwargs)
    qtbot.addWidget(pane)
    return pane


def wait_loaded(qtbot: QtBot, pane: HistoryPane, rows: int | None = None) -> None:
    model = pane.model

    def settled() -> bool:
        if not model.loaded or model.is_loading:
            return False
        return rows is None or len(pane.shown_rows()) == rows

    qtbot.waitUntil(settled, timeout=WAIT)


def shown(pane: HistoryPane, attr: str = "transaction_id") -> list[Any]:
    return [getattr(r, attr) for r in pane.shown_rows()]


def cell(pane: HistoryPane, row: int, column: int) -> str:
    return str(pane.proxy.index(row, column).data())


# -- paging -----------------------------------------------------------------------------------


def test_fetch_more_pages_through_the_whole_history_one_page_at_a_time(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    txids = [pay(client, str(1000 + i), f"Item {i}") for i in range(7)]
    model = HistoryModel(runner, client=client, page_size=2)
    root = QModelIndex()
    model.reload()
    assert model.is_loading
    assert not model.canFetchMore(root), "no second request while a page is in flight"
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    while True:
        qtbot.waitUntil(lambda: not model.is_loading, timeout=WAIT)
        if not model.canFetchMore(root):
            break
        model.fetchMore(root)
        assert not model.canFetchMore(root)
        model.fetchMore(root)  # ignored: one page in flight at a time
    rows = model.rows()
    assert [r.transaction_id for r in rows] == list(reversed(txids)), "newest first, no gaps"
    assert len({r.transaction_id for r in rows}) == 7
    assert inserted == [2, 2, 2, 1]
    assert sandbox.stats()["requests"][HISTORY] == 4
    assert not model.has_more
    assert_off_gui_thread(history_spy, runner)


def test_the_view_fetches_pages_as_the_user_scrolls(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    txids = {pay(client, str(500 * (i + 1)), f"Scroll {i}") for i in range(7)}
    pane = make_pane(qtbot, runner, client, page_size=2)
    pane.resize(1024, 220)  # a few rows visible: the rest comes by scrolling
    pane.show()
    qtbot.waitExposed(pane)
    bar = pane.view.verticalScrollBar()

    def all_loaded() -> bool:
        if pane.model.loaded and not pane.model.is_loading and bar.value() < bar.maximum():
            bar.setValue(bar.maximum())  # the user scrolls to the bottom
        return len(pane.model.rows()) == 7 and not pane.model.has_more

    qtbot.waitUntil(all_loaded, timeout=WAIT)
    wait_loaded(qtbot, pane, 7)
    assert set(shown(pane)) == txids
    assert sandbox.stats()["requests"][HISTORY] == 4, "each page asked once"
    assert_off_gui_thread(history_spy, runner)


def test_a_late_page_of_an_earlier_query_is_dropped(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    paid = pay(client, "3000", "Paid one")
    pay(client, "1000", "Unpaid one")
    sandbox.mark_paid(paid)
    client.token()  # the token is cached: the latency below hits the history only
    sandbox.add_fault(HISTORY, "latency", times=1, seconds=0.5)
    pane = make_pane(qtbot, runner, client)
    pane.refresh()  # all statuses: its answer comes late
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("PAID"))
    qtbot.waitUntil(lambda: history_spy.done == 2 and runner.pending == 0, timeout=WAIT)
    wait_loaded(qtbot, pane)
    assert shown(pane) == [paid]
    assert shown(pane, "status") == ["PAID"]


# -- filters, search, sorting -------------------------------------------------------------------


def test_status_filter_is_sent_to_hpay(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    a = pay(client, "1000", "Coffee")
    b = pay(client, "2500", "Croissant")
    c = pay(client, "900", "Tea")
    sandbox.mark_paid(b)
    pane = make_pane(qtbot, runner, client)
    pane.refresh()
    wait_loaded(qtbot, pane, 3)
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("PAID"))
    wait_loaded(qtbot, pane, 1)
    assert shown(pane) == [b]
    assert cell(pane, 0, COL_STATUS) == "PAID"
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("UNPAID"))
    wait_loaded(qtbot, pane, 2)
    assert set(shown(pane)) == {a, c}
    assert set(shown(pane, "status")) == {"UNPAID"}
    assert pane.model.query.status == "UNPAID"
    assert_off_gui_thread(history_spy, runner)


class FakeTime:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def epoch(self) -> float:
        return self.at.timestamp()

    def now(self) -> datetime:
        return self.at


def test_date_filter_for_hpay_and_for_the_journal(
    qtbot: QtBot, runner: Runner, tmp_path: Path
) -> None:
    clock = FakeTime(datetime(2025, 11, 1, 12, tzinfo=UTC))
    server = start_sandbox(clock=clock.epoch)
    client = HpayClient(client_config(server.url), sleep=lambda _s: None)
    journal = Journal(tmp_path / "dated.sqlite3", clock=clock.now)
    try:
        till = Till(client, journal, till_name="T1", clock=clock.now)
        by_day: dict[int, str] = {}
        for day in (1, 5, 8):
            clock.at = datetime(2025, 11, day, 12, tzinfo=UTC)
            by_day[day] = till.start_sale(Decimal(1000 * day), f"Day {day}").transaction_id or ""
        pane = make_pane(qtbot, runner, client, journal)
        pane.refresh()
        wait_loaded(qtbot, pane, 3)
        assert shown(pane) == [by_day[8], by_day[5], by_day[1]], "newest first"
        pane.from_edit.setDate(QDate(2025, 11, 4))
        pane.to_edit.setDate(QDate(2025, 11, 6))
        pane.to_check.setChecked(True)
        pane.from_check.setChecked(True)
        pane.refresh()  # F5: no need to wait for the date debounce
        wait_loaded(qtbot, pane, 1)
        assert pane.model.query == HistoryQuery(
            SOURCE_HPAY, None, date(2025, 11, 4), date(2025, 11, 6)
        )
        assert shown(pane) == [by_day[5]]
        pane.from_check.setChecked(False)  # up to the 6th
        wait_loaded(qtbot, pane, 2)
        assert set(shown(pane)) == {by_day[1], by_day[5]}

        pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
        wait_loaded(qtbot, pane, 2)
        assert shown(pane, "sale_number") == ["T1-000002", "T1-000001"]
        pane.from_check.setChecked(True)
        wait_loaded(qtbot, pane, 1)
        assert shown(pane, "sale_number") == ["T1-000002"]
    finally:
        client.close()
        journal.close()
        server.stop()


def test_from_after_to_is_a_message_not_a_request(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    pane = make_pane(qtbot, runner, client)
    pane.from_edit.setDate(QDate(2025, 11, 9))
    pane.to_edit.setDate(QDate(2025, 11, 1))
    pane.from_check.setChecked(True)  # from the 9th: a fine query
    wait_loaded(qtbot, pane, 0)
    requests = sandbox.stats()["requests"][HISTORY]
    pane.to_check.setChecked(True)  # ... to the 1st: not sent
    assert pane.error_label.isVisibleTo(pane)
    assert "start date is after the end date" in pane.error_label.text()
    assert not pane.model.is_loading
    assert sandbox.stats()["requests"][HISTORY] == requests


def test_text_search_filters_through_the_proxy(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    coffee = pay(client, "1000", "Coffee beans")
    iced = pay(client, "1500", "Iced COFFEE")
    tea = pay(client, "900", "Green tea")
    pane = make_pane(qtbot, runner, client)
    pane.refresh()
    wait_loaded(qtbot, pane, 3)
    requests = sandbox.stats()["requests"][HISTORY]
    pane.search_edit.setText("coffee")
    assert set(shown(pane)) == {coffee, iced}, "case-insensitive, on the product"
    pane.search_edit.setText(tea[3:9].lower())
    assert shown(pane) == [tea], "part of a transaction id, any case"
    pane.search_edit.setText("nothing like this")
    assert shown(pane) == []
    qtbot.waitUntil(lambda: pane.summary_label.text() == "No payments shown.", timeout=WAIT)
    pane.search_edit.clear()
    assert len(shown(pane)) == 3
    assert sandbox.stats()["requests"][HISTORY] == requests, "searching sends nothing"


def test_sorting_by_amount_is_numeric_and_by_date_is_by_instant(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    txids = {
        amount: pay(client, amount, f"Amount {amount}") for amount in ("900", "10000", "2500", "15")
    }
    for amount in ("900", "15", "2500"):
        sandbox.mark_paid(txids[amount])
    pane = make_pane(qtbot, runner, client)
    pane.refresh()
    wait_loaded(qtbot, pane, 4)
    pane.view.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert shown(pane, "amount") == [Decimal(15), Decimal(900), Decimal(2500), Decimal(10000)]
    assert cell(pane, 3, COL_AMOUNT) == "10,000\xa0FCFA"
    pane.view.sortByColumn(COL_FEES, Qt.SortOrder.DescendingOrder)
    # fees only where money moved: the unpaid 10,000 has none and sorts after every fee
    assert shown(pane, "amount") == [Decimal(2500), Decimal(900), Decimal(15), Decimal(10000)]
    assert [cell(pane, r, COL_FEES) for r in range(4)] == [
        "38\xa0FCFA",
        "14\xa0FCFA",
        "0\xa0FCFA",
        "",
    ]
    pane.view.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
    dates = shown(pane, "date")
    assert dates == sorted(dates)


# -- the journal source -----------------------------------------------------------------------


def test_journal_source_shows_this_tills_sales(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    runner: Runner,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    till = Till(client, journal, till_name="T1")
    waiting = till.start_sale(Decimal(1500), "Coffee")
    paid = till.start_sale(Decimal(2500), "Croissant")
    till.transition(paid.id, SaleState.PAID, "paid")
    late = till.start_sale(Decimal(700), "Tea")
    till.cancel(late.id)
    till.transition(late.id, SaleState.PAID, "paid after all")
    cancelled = till.start_sale(Decimal(300), "Water")
    till.cancel(cancelled.id)
    # the journal read the history makes first (a journal this short is read whole by it)
    spy = ThreadSpy(journal.latest_sales)
    monkeypatch.setattr(journal, "latest_sales", spy)

    pane = make_pane(qtbot, runner, client, journal)
    pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
    wait_loaded(qtbot, pane, 4)
    assert_off_gui_thread(spy, runner)
    by_number = {r.sale_number: r for r in pane.shown_rows()}
    assert {n: r.status for n, r in by_number.items()} == {
        "T1-000001": "AWAITING",
        "T1-000002": "PAID",
        "T1-000003": "PAID LATE",
        "T1-000004": "CANCELLED",
    }
    assert by_number["T1-000003"].paid_late
    assert by_number["T1-000001"].transaction_id == waiting.transaction_id
    assert by_number["T1-000001"].link == waiting.checkout_url
    assert all(r.source == SOURCE_JOURNAL and r.mode == "TEST" for r in by_number.values())
    assert cell(pane, 0, COL_MODE) == "TEST"
    assert sandbox.stats()["requests"].get(HISTORY, 0) == 0, "the journal needs no HPAY"

    # the footer adds up only what was paid (the late one too) and counts every state
    qtbot.waitUntil(
        lambda: (
            pane.summary_label.text() == "Paid 3,200\xa0FCFA · fees 49\xa0FCFA · net 3,151\xa0FCFA"
            " — 2 paid · 1 waiting · 1 cancelled"
        ),
        timeout=WAIT,
    )
    pane.view.sortByColumn(COL_SALE, Qt.SortOrder.AscendingOrder)
    assert [cell(pane, r, COL_SALE) for r in range(4)] == [
        "T1-000001",
        "T1-000002",
        "T1-000003",
        "T1-000004",
    ]
    # fees only where money moved: none on the waiting and the cancelled sale
    assert [cell(pane, r, COL_FEES) for r in range(4)] == ["", "38\xa0FCFA", "11\xa0FCFA", ""]
    assert cell(pane, 3, COL_STATUS) == "CANCELLED"

    pane.search_edit.setText("t1-000003")
    assert shown(pane, "sale_number") == ["T1-000003"], "search by sale number"
    pane.search_edit.clear()
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("PAID"))
    wait_loaded(qtbot, pane, 2)
    assert set(shown(pane, "status")) == {"PAID", "PAID LATE"}
    qtbot.waitUntil(lambda: "— 2 paid" in pane.summary_label.text(), timeout=WAIT)
    assert pane.summary_label.text().startswith("Paid 3,200\xa0FCFA")
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("UNPAID"))
    wait_loaded(qtbot, pane, 2)
    assert set(shown(pane, "status")) == {"AWAITING", "CANCELLED"}


# -- summary --------------------------------------------------------------------------------------


def test_summary_counts_the_rows_shown(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    pay(client, "1000", "Café noir")
    paid = pay(client, "2500", "Café crème")
    pay(client, "900", "Tea")
    sandbox.mark_paid(paid)
    pane = make_pane(qtbot, runner, client)
    pane.refresh()
    wait_loaded(qtbot, pane, 3)
    # fees 1.5 %, XOF rounded: only the paid 2,500's 38 count
    expected = "Paid 2,500\xa0FCFA · fees 38\xa0FCFA · net 2,462\xa0FCFA — 1 paid · 2 waiting"
    qtbot.waitUntil(lambda: pane.summary_label.text() == expected, timeout=WAIT)
    pane.search_edit.setText("TEA")
    qtbot.waitUntil(lambda: pane.summary_label.text() == "Nothing paid — 1 waiting", timeout=WAIT)


def a_row(**changes: Any) -> HistoryRow:
    row = HistoryRow(
        date=datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC),
        transaction_id="ceXefesOpl",
        product="Amazon Achat de carte cadeau",
        amount=Decimal("7000.00"),
        fees=Decimal("700.00"),
        currency="XOF",
        status="UNPAID",
        mode="TEST",
        description="TILL1-000042 Achat en ligne",
        link="https://checkout.hpay.cash/?ref=ceXefesOpl",
        sale_number="TILL1-000042",
        source=SOURCE_HPAY,
    )
    return replace(row, **changes)


def test_summary_of_mixed_currencies_is_per_currency() -> None:
    rows = [
        a_row(),
        a_row(transaction_id="b", amount=Decimal("12.50"), fees=Decimal("0.19"), currency="CAD"),
        a_row(transaction_id="c", amount=Decimal("0.5"), fees=None, currency="CAD", status="PAID"),
        a_row(transaction_id="d", amount=Decimal("14900"), fees=Decimal("224.00"), status="PAID"),
    ]
    assert summary_text(rows) == (
        "Paid $0.50 + 14,900\xa0FCFA · fees $0.00 + 224\xa0FCFA · net $0.50 + 14,676\xa0FCFA"
        " (fees unknown for 1) — 2 paid · 2 waiting"
    )
    assert summary_text([]) == "No payments shown."


def test_summary_adds_up_only_paid_sales_and_counts_every_state() -> None:
    """A cancelled 999,999,999 FCFA sale adds nothing: the footer's totals are what was paid."""
    rows = [
        a_row(transaction_id="p1", status="PAID", amount=Decimal(14900), fees=Decimal(224)),
        a_row(transaction_id="p2", status="PAID LATE", amount=Decimal(1000), fees=Decimal(15)),
        a_row(transaction_id="w", status="AWAITING", amount=Decimal(500)),
        a_row(transaction_id="c", status="CANCELLED", amount=Decimal(999_999_999)),
        a_row(transaction_id="c2", status="CANCELLED", amount=Decimal(10)),
        a_row(transaction_id="e", status="EXPIRED"),
        a_row(transaction_id="f", status="FAILED"),
        a_row(transaction_id="r", status="REVIEW"),
    ]
    assert summary_text(rows) == (
        "Paid 15,900\xa0FCFA · fees 239\xa0FCFA · net 15,661\xa0FCFA — 2 paid · 1 waiting"
        " · 2 cancelled · 1 expired · 1 failed · 1 to check"
    )
    assert summary_text(rows[2:4]) == "Nothing paid — 1 waiting · 1 cancelled"


# -- CSV export ------------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_export_writes_every_row_of_the_query_exactly(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
    tmp_path: Path,
) -> None:
    target = tmp_path / "history.csv"
    formula = pay(client, "1234", "=HYPERLINK(evil)")
    made = {formula: Decimal(1234)}
    made.update({pay(client, str(100 * i), f"Item {i}"): Decimal(100 * i) for i in range(1, 9)})
    sandbox.mark_paid(formula)
    pane = make_pane(qtbot, runner, client, page_size=2, choose_path=lambda: target)
    pane.resize(1024, 160)  # room for a row or two: the view needs only the first pages
    pane.show()
    wait_loaded(qtbot, pane)
    assert pane.model.has_more, "precondition: pages are left to load"
    with qtbot.waitSignal(pane.exported, timeout=WAIT) as blocker:
        pane.export_button.click()
    assert blocker.args == [str(target)]
    header, records = read_csv(target)
    assert header == list(CSV_COLUMNS)
    assert len(records) == 9, "the remaining pages were loaded for the export"
    by_id = {r["transaction_id"]: r for r in records}
    assert set(by_id) == set(made)
    for txid, amount in made.items():
        assert Decimal(by_id[txid]["amount"]) == amount
    entry = by_id[formula]
    # HPAY's history says "1234.00" and "19.00": XOF has no decimals
    assert (entry["amount"], entry["fees"], entry["net"]) == ("1234", "19", "1215")
    unpaid = by_id[next(t for t in made if t != formula)]
    assert (unpaid["fees"], unpaid["net"]) == ("", ""), "fees only where money moved"
    assert entry["currency"] == "XOF"
    assert entry["status"] == "PAID"
    assert entry["mode"] == "TEST"
    assert entry["product"] == "'=HYPERLINK(evil)", "formula guard"
    assert entry["link"] == sandbox.payment(formula).checkout_url  # type: ignore[union-attr]
    assert datetime.fromisoformat(entry["date"]).tzinfo is not None
    assert [r["transaction_id"] for r in records] == shown(pane), "in the order shown"
    assert "Exported 9 rows" in pane.message_label.text()
    assert sandbox.stats()["requests"][HISTORY] == 5, "each page once"
    assert_off_gui_thread(history_spy, runner)


def test_export_writes_only_the_rows_the_search_shows(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "coffee.csv"
    coffee = pay(client, "1000", "Coffee")
    pay(client, "900", "Tea")
    pane = make_pane(qtbot, runner, client, choose_path=lambda: target)
    pane.refresh()
    wait_loaded(qtbot, pane, 2)
    pane.search_edit.setText("coffee")
    with qtbot.waitSignal(pane.exported, timeout=WAIT):
        pane.export_csv()
    _header, records = read_csv(target)
    assert [r["transaction_id"] for r in records] == [coffee]


def test_export_cancelled_in_the_file_dialog_writes_nothing(
    qtbot: QtBot, client: HpayClient, runner: Runner, tmp_path: Path
) -> None:
    pane = make_pane(qtbot, runner, client, choose_path=lambda: None)
    pane.export_csv()
    assert list(tmp_path.iterdir()) == []


def test_export_failure_is_a_message(
    qtbot: QtBot, client: HpayClient, runner: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "missing-dir" / "out.csv"
    pane = make_pane(qtbot, runner, client, choose_path=lambda: target)
    with qtbot.waitSignal(pane.export_failed, timeout=WAIT) as blocker:
        pane.export_csv()
    assert "could not be written" in blocker.args[0]
    assert pane.error_label.isVisibleTo(pane)


def test_rows_to_csv_is_exact_and_guarded(tmp_path: Path) -> None:
    rows = [
        a_row(),
        a_row(
            transaction_id="-neg",
            product="+cmd",
            description="@SUM(1)",
            amount=Decimal("12.50"),
            fees=Decimal("0.5"),
            currency="CAD",
            sale_number=None,
            status="PAID LATE",
        ),
        a_row(transaction_id="x", fees=None, product='Sac d\'école, "bleu"\nligne 2'),
    ]
    text = rows_to_csv(rows)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    path = write_csv(tmp_path / "rows.csv", text)
    _header, records = read_csv(path)
    assert records[0] == {
        "date": "2025-11-08T14:42:34+00:00",
        "transaction_id": "ceXefesOpl",
        "sale_number": "TILL1-000042",
        "product": "Amazon Achat de carte cadeau",
        "amount": "7000",
        "fees": "",
        "net": "",
        "currency": "XOF",
        "status": "UNPAID",
        "mode": "TEST",
        "description": "TILL1-000042 Achat en ligne",
        "link": "https://checkout.hpay.cash/?ref=ceXefesOpl",
        "items": "",
    }
    second = records[1]
    assert (second["transaction_id"], second["product"], second["description"]) == (
        "'-neg",
        "'+cmd",
        "'@SUM(1)",
    )
    assert (second["amount"], second["fees"], second["net"]) == ("12.50", "0.50", "12.00")
    assert second["sale_number"] == ""
    assert second["status"] == "PAID LATE"
    assert records[2]["fees"] == ""
    # quotes and commas survive; a line break (a control character) becomes a space
    assert records[2]["product"] == 'Sac d\'école, "bleu" ligne 2'
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM, for spreadsheets"
    assert not list(tmp_path.glob(".*.tmp"))


# -- details ------------------------------------------------------------------------------------


def test_details_show_every_field_copy_the_link_and_the_qr_of_an_unpaid_sale(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    unpaid = pay(client, "7000", "Gift card")
    paid = pay(client, "2500", "Croissant")
    sandbox.mark_paid(paid)
    pane = make_pane(qtbot, runner, client)
    pane.resize(1024, 600)
    pane.show()
    wait_loaded(qtbot, pane, 2)
    pane.search_edit.setText(unpaid)
    where = pane.view.visualRect(pane.proxy.index(0, COL_AMOUNT)).center()
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = pane.details_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    snapshot = sandbox.payment(unpaid)
    assert snapshot is not None
    assert dialog.value("Transaction") == unpaid
    assert dialog.value("Product") == "Gift card"
    assert dialog.value("Amount") == "7,000\xa0FCFA"
    assert dialog.value("Fees") == "none (not paid)", "HPAY quotes 105 FCFA: none was charged"
    assert dialog.value("Net") == "none (not paid)"
    assert dialog.value("Status") == "UNPAID"
    assert dialog.value("Mode").startswith("TEST")
    assert dialog.value("Link") == snapshot.checkout_url
    assert dialog.value("Date").startswith(format_datetime(snapshot.created, seconds=True))
    assert dialog.labels()[:4] == ["Date", "Transaction", "Sale number", "Product"]
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == snapshot.checkout_url
    if HAVE_QR:
        assert dialog.qr_widget is not None, "the QR again, for an unpaid sale"
        assert dialog.qr_widget.data() == snapshot.checkout_url  # type: ignore[attr-defined]
        assert dialog.qr_message is None
    dialog.close()
    qtbot.waitUntil(lambda: pane.details_dialog is None, timeout=WAIT)

    pane.search_edit.setText(paid)
    pane.view.setCurrentIndex(pane.proxy.index(0, 0))
    pane.view.setFocus()
    pane.open_details(0)
    dialog = pane.details_dialog
    assert dialog is not None
    assert dialog.value("Status") == "PAID"
    assert dialog.qr_widget is None, "no QR for a paid sale"
    assert dialog.qr_message is None
    dialog.close()


def test_details_refuse_a_qr_for_a_link_off_the_allowed_hosts(qtbot: QtBot) -> None:
    policy = CheckoutUrlPolicy(["checkout.hpay.cash"])
    dialog = DetailsDialog(a_row(link="https://evil.example/pay?ref=x"), check_url=policy.check)
    qtbot.addWidget(dialog)
    assert dialog.qr_widget is None
    assert dialog.qr_message is not None
    assert dialog.qr_message.text() == NOT_ALLOWED_TEXT
    assert dialog.value("Link") == "https://evil.example/pay?ref=x", "still shown as text"

    fine = DetailsDialog(a_row(), check_url=policy.check)
    qtbot.addWidget(fine)
    if HAVE_QR:
        assert fine.qr_widget is not None
    assert fine.qr_message is None


def test_details_of_journal_sales(qtbot: QtBot, tmp_path: Path) -> None:
    from hpos.sales.model import Sale

    sale = Sale(
        id=1,
        sale_number="T1-000007",
        till="T1",
        created_at=datetime(2025, 11, 8, 10, tzinfo=UTC),
        updated_at=datetime(2025, 11, 8, 10, 5, tzinfo=UTC),
        paid_seen_at=datetime(2025, 11, 8, 10, 5, tzinfo=UTC),
        amount=Decimal(700),
        currency="XOF",
        product="Tea",
        description="T1-000007",
        mode="PROD",
        state=SaleState.PAID,
        paid_late=True,
        transaction_id="abc",
        checkout_url="https://checkout.hpay.cash/?ref=abc",
    )
    row = row_from_sale(sale)
    dialog = DetailsDialog(row, check_url=CheckoutUrlPolicy(["checkout.hpay.cash"]).check)
    qtbot.addWidget(dialog)
    assert dialog.value("Status").startswith("PAID LATE")
    assert dialog.value("Sale number") == "T1-000007"
    assert dialog.value("Fees") == "unknown"
    assert dialog.value("Net") == "unknown"
    with_fees = DetailsDialog(replace(row, fees=Decimal("11.0")))
    qtbot.addWidget(with_fees)
    assert (with_fees.value("Fees"), with_fees.value("Net")) == ("11\xa0FCFA", "689\xa0FCFA")
    assert dialog.value("Mode") == "PROD"
    assert dialog.value("Source") == "This till's journal"
    assert dialog.qr_widget is None, "paid: no QR"
    awaiting = DetailsDialog(
        replace(row, status="AWAITING", paid_late=False),
        check_url=CheckoutUrlPolicy(["checkout.hpay.cash"]).check,
    )
    qtbot.addWidget(awaiting)
    if HAVE_QR:
        assert awaiting.qr_widget is not None, "an awaiting sale can still be paid"


# -- errors, refresh, threads ----------------------------------------------------------------------


def test_hpay_errors_are_shown_not_raised(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    pay(client, "1000", "Coffee")
    sandbox.add_fault(HISTORY, "http_500")
    pane = make_pane(qtbot, runner, client, page_size=2)
    pane.resize(1024, 600)
    pane.show()
    qtbot.waitUntil(lambda: pane.error_label.isVisible(), timeout=WAIT)
    assert "could not be loaded" in pane.error_label.text()
    assert not pane.model.is_loading
    assert not pane.model.canFetchMore(QModelIndex()), "no retry storm from the view"
    requests = sandbox.stats()["requests"][HISTORY]
    qtbot.wait(100)
    assert sandbox.stats()["requests"][HISTORY] == requests
    sandbox.clear_faults()
    pane.refresh()
    wait_loaded(qtbot, pane, 1)
    assert not pane.error_label.isVisible()
    assert_off_gui_thread(history_spy, runner)


def test_waiting_for_sources_then_set_sources(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner, journal: Journal
) -> None:
    txid = pay(client, "1000", "Coffee")
    pane = make_pane(qtbot, runner, None)
    pane.resize(1024, 600)
    pane.show()
    assert pane.message_label.text() == "Waiting for the HPAY connection…"
    pane.set_sources(client, journal)
    wait_loaded(qtbot, pane, 1)
    assert shown(pane) == [txid]


def test_background_refresh_merges_while_visible_and_keeps_the_selection(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    history_spy: ThreadSpy,
    runner: Runner,
) -> None:
    first = pay(client, "1000", "Coffee")
    second = pay(client, "2000", "Tea")
    pane = make_pane(qtbot, runner, client, auto_refresh_ms=50)
    pane.resize(1024, 600)
    assert not pane.auto_refresh_timer.isActive()
    pane.show()
    assert pane.auto_refresh_timer.isActive()
    wait_loaded(qtbot, pane, 2)
    pane.view.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    pane.view.selectRow(0)
    assert pane.proxy.row_at(pane.view.currentIndex().row()).transaction_id == first
    resets: list[int] = []
    pane.model.modelReset.connect(lambda: resets.append(1))

    third = pay(client, "3000", "Cake")
    sandbox.mark_paid(first)
    qtbot.waitUntil(lambda: len(pane.model.rows()) == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: pane.shown_rows()[0].status == "PAID", timeout=WAIT)
    assert shown(pane) == [first, second, third]
    assert resets == [], "merged in place, not reloaded"
    selected = pane.view.selectionModel().selectedRows()
    assert [pane.proxy.row_at(i.row()).transaction_id for i in selected] == [first]
    pane.hide()
    assert not pane.auto_refresh_timer.isActive()
    assert_off_gui_thread(history_spy, runner)


def test_refresh_button_reloads_changed_rows(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    txid = pay(client, "1000", "Coffee")
    pane = make_pane(qtbot, runner, client)
    pane.refresh()
    wait_loaded(qtbot, pane, 1)
    assert shown(pane, "status") == ["UNPAID"]
    sandbox.mark_paid(txid)
    qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(pane, "status") == ["PAID"], timeout=WAIT)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_nothing_is_cut_off_at_the_minimum_window_size(
    qtbot: QtBot,
    sandbox: SandboxServer,
    client: HpayClient,
    runner: Runner,
    tmp_path: Path,
    lang: str,
    qapp: Any,
) -> None:
    pay(client, "1000", "Sac d'école pour enfant de 4 à 10 ans")
    install_language(qapp, lang)
    try:
        pane = make_pane(qtbot, runner, client)
        pane.resize(1024, 600)
        pane.show()
        wait_loaded(qtbot, pane, 1)
        assert pane.minimumSizeHint().width() <= 1024, "the filter row fits 1024 px"
        assert pane.export_button.text() == QCoreApplication.translate(
            "HistoryPane", "&Export CSV…"
        ), "in the pane's language"
        widgets = [
            pane.source_combo,
            pane.status_combo,
            pane.from_check,
            pane.from_edit,
            pane.to_check,
            pane.to_edit,
            pane.search_edit,
            pane.refresh_button,
            pane.export_button,
        ]
        for widget in widgets:
            assert widget.width() >= widget.minimumSizeHint().width(), widget
            assert widget.width() >= widget.minimumWidth(), widget
            assert pane.rect().contains(widget.geometry()), widget
        edit = pane.search_edit
        shown = edit.placeholderText()
        assert edit.fontMetrics().horizontalAdvance(shown) <= placeholder_room(edit), shown
        header = pane.view.horizontalHeader()
        assert sum(header.sectionSize(c) for c in range(header.count())) <= (
            pane.view.viewport().width()
        ), "no horizontal scrolling at 1024 px"
        for column in (COL_DATE, COL_AMOUNT, COL_STATUS):
            text = cell(pane, 0, column)
            needed = pane.view.fontMetrics().horizontalAdvance(text)
            assert header.sectionSize(column) > needed, (column, text)
        assert pane.grab().save(str(tmp_path / f"pane-{lang}.png"))
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_window_with_the_history_fits_a_1024_px_screen(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, lang: str, qapp: Any
) -> None:
    """The whole window's minimum, History shown, is at most 1024 px wide in both languages."""
    install_language(qapp, lang)
    try:
        window = MainWindow(make_profile(tmp_path / "profile", sandbox.url))
        qtbot.addWidget(window)
        window.resize(1024, 600)
        window.show()
        window.toggle_history()
        qtbot.waitUntil(lambda: window.history.isVisible(), timeout=WAIT)
        assert window.minimumSizeHint().width() <= 1024
        edit = window.history.search_edit
        assert edit.width() >= edit.minimumWidth()
        shown = edit.placeholderText()
        assert edit.fontMetrics().horizontalAdvance(shown) <= placeholder_room(edit), shown
        window.close()
    finally:
        install_language(qapp, "en")


def test_enter_on_a_row_opens_its_details(
    qtbot: QtBot, sandbox: SandboxServer, client: HpayClient, runner: Runner
) -> None:
    txid = pay(client, "1000", "Coffee")
    pane = make_pane(qtbot, runner, client)
    pane.resize(1024, 600)
    pane.show()
    wait_loaded(qtbot, pane, 1)
    pane.view.setFocus()
    pane.view.setCurrentIndex(pane.proxy.index(0, 0))
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.details_dialog is not None, timeout=WAIT)
    assert pane.details_dialog is not None
    assert pane.details_dialog.value("Transaction") == txid
    pane.details_dialog.close()


@pytest.fixture
def keep() -> Iterator[list[Any]]:
    """Keeps objects alive until after the fixtures set up later have been torn down."""
    kept: list[Any] = []
    yield kept
    kept.clear()


def test_the_models_keep_qts_contract(
    qtbot: QtBot,
    keep: list[Any],
    qtmodeltester: Any,
    sandbox: SandboxServer,
    client: HpayClient,
    runner: Runner,
) -> None:
    for i in range(5):
        pay(client, str(100 * (i + 1)), f"Item {i}")
    pane = make_pane(qtbot, runner, client, page_size=2)
    keep.append(pane)  # qtmodeltester disconnects from the models at its teardown
    pane.refresh()
    wait_loaded(qtbot, pane)
    qtmodeltester.check(pane.model, force_py=True)
    qtmodeltester.check(pane.proxy, force_py=True)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_footer_with_every_state_is_readable_at_1024_px(
    qtbot: QtBot, runner: Runner, journal: Journal, lang: str, qapp: Any
) -> None:
    paths = {
        "PAID": (SaleState.REQUESTING, SaleState.AWAITING, SaleState.PAID),
        "AWAITING": (SaleState.REQUESTING, SaleState.AWAITING),
        "CANCELLED": (SaleState.REQUESTING, SaleState.AWAITING, SaleState.CANCELLED),
        "EXPIRED": (SaleState.REQUESTING, SaleState.AWAITING, SaleState.EXPIRED),
        "FAILED": (SaleState.REQUESTING, SaleState.FAILED),
        "REVIEW": (SaleState.REQUESTING, SaleState.UNKNOWN, SaleState.REVIEW),
    }
    for mode in ("PROD", "TEST"):
        for i, path in enumerate(paths.values()):
            sale = journal.create_sale(
                till="TILL1", amount=Decimal(999_999_000 + i), currency="XOF",
                product="Sac", description="", mode=mode,
            )  # fmt: skip
            for state in path:
                extra = {"transaction_id": f"{mode}{i}", "fees": Decimal(14_999_985)}
                journal.transition(sale.id, state, **(extra if state is SaleState.AWAITING else {}))
    install_language(qapp, lang)
    try:
        pane = make_pane(qtbot, runner, None, journal)
        pane.resize(1024, 600)
        pane.show()
        pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
        qtbot.waitUntil(lambda: len(pane.shown_rows()) == 12, timeout=WAIT)
        label = pane.summary_label
        qtbot.waitUntil(lambda: label.text().count("\n") == 1, timeout=WAIT)  # PROD, then TEST
        for line in label.text().splitlines():
            assert line.count(" · ") == 7, line  # paid, fees, net; then six states
        assert label.minimumSizeHint().width() < 300, "the footer wraps, never widens the pane"
        assert pane.rect().contains(label.geometry())
        assert label.heightForWidth(label.width()) <= label.height(), "every line shown"
        assert pane.view.height() > 200, "the footer leaves the table its room"
    finally:
        install_language(qapp, "en")
