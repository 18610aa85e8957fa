"""The SQLite journal: rows, events, sale numbers, schema version, threads and processes."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.sales.journal import SCHEMA_VERSION, Journal, JournalError
from hpos.sales.journal_schema import MIGRATIONS, TABLES
from hpos.sales.states import IllegalTransition, SaleState

S = SaleState


def new_sale(journal: Journal, amount: str = "14900", till: str = "TILL1", mode: str = "TEST"):
    return journal.create_sale(
        till=till,
        amount=Decimal(amount),
        currency="XOF",
        product="Sac",
        description="école",
        mode=mode,
    )


def test_new_sale_is_written_with_number_and_event(journal: Journal) -> None:
    sale = new_sale(journal)
    assert sale.state is S.CREATED
    assert sale.sale_number == "TILL1-000001"
    assert sale.reference is not None
    assert sale.reference.startswith(f"HPOS-{journal.journal_id}-000001-")
    assert sale.description == f"{sale.reference} TILL1-000001 école"
    assert sale.amount == Decimal(14900)
    assert sale.created_at.tzinfo is not None
    assert [(e.from_state, e.to_state) for e in journal.events(sale.id)] == [(None, S.CREATED)]


def test_sale_numbers_count_per_till(journal: Journal) -> None:
    numbers = [new_sale(journal, till=t).sale_number for t in ("A", "A", "B", "A")]
    assert numbers == ["A-000001", "A-000002", "B-000001", "A-000003"]


def test_amount_keeps_exact_decimal_text(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    sale = journal.create_sale(
        till="T", amount=Decimal("12.50"), currency="CAD", product="p", description="", mode="TEST"
    )
    journal.close()
    raw = sqlite3.connect(tmp_path / "j.sqlite3")
    assert raw.execute("SELECT amount FROM sales WHERE id = ?", (sale.id,)).fetchone() == ("12.50",)
    raw.close()


def test_transition_stores_fields_and_appends_event(journal: Journal) -> None:
    sale = new_sale(journal)
    journal.transition(sale.id, S.REQUESTING)
    sale = journal.transition(
        sale.id,
        S.AWAITING,
        transaction_id="TX1",
        checkout_url="https://checkout.hpay.cash/?ref=TX1",
        fees=Decimal("224"),
        note="waiting",
    )
    assert (sale.transaction_id, sale.fees, sale.state) == ("TX1", Decimal(224), S.AWAITING)
    assert sale.checkout_url == "https://checkout.hpay.cash/?ref=TX1"
    assert journal.find("TX1") == sale
    assert journal.find("TILL1-000001") == sale
    assert [e.to_state for e in journal.events(sale.id)] == [S.CREATED, S.REQUESTING, S.AWAITING]
    assert journal.events(sale.id)[-1].note == "waiting"


def test_illegal_transition_changes_nothing(journal: Journal) -> None:
    sale = new_sale(journal)
    with pytest.raises(IllegalTransition):
        journal.transition(sale.id, S.PAID)
    assert journal.get(sale.id) == sale
    assert len(journal.events(sale.id)) == 1


def test_paid_after_cancel_is_paid_late_with_time_seen(journal: Journal) -> None:
    sale = new_sale(journal)
    for state in (S.REQUESTING, S.AWAITING, S.CANCELLED):
        journal.transition(sale.id, state)
    paid = journal.transition(sale.id, S.PAID)
    assert paid.paid_late
    assert paid.paid_seen_at is not None


def test_error_is_kept_then_cleared(journal: Journal) -> None:
    sale = new_sale(journal)
    sale = journal.transition(sale.id, S.REQUESTING)
    sale = journal.transition(sale.id, S.UNKNOWN, error="no answer")
    assert sale.last_error == "no answer"
    assert journal.note_error(sale.id, "still looking").last_error == "still looking"
    assert journal.transition(sale.id, S.FAILED).last_error is None


def test_open_sales_and_time_window(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 1, 9, 0, tzinfo=UTC)]
    journal = Journal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    first = new_sale(journal)
    now[0] += timedelta(days=1)
    second = new_sale(journal, mode="PROD")
    journal.transition(first.id, S.FAILED)
    assert [s.id for s in journal.open_sales()] == [second.id]
    day2 = datetime(2026, 11, 2, tzinfo=UTC)
    assert [s.id for s in journal.sales_between(day2, day2 + timedelta(days=1))] == [second.id]
    assert journal.sales_between(day2, day2 + timedelta(days=1), mode="TEST") == []
    with pytest.raises(ValueError, match="aware"):
        journal.sales_between(datetime(2026, 11, 2), day2)  # noqa: DTZ001 - the point of the test
    journal.close()


def test_journal_reopens_with_its_data_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    sale = new_sale(journal)
    journal.close()
    again = Journal(path)
    assert again.schema_version == SCHEMA_VERSION
    assert again.get(sale.id) == sale
    assert new_sale(again).sale_number == "TILL1-000002"
    mode = again._conn().execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    again.close()


def test_journal_from_a_newer_hpos_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(JournalError, match="newer HPOS"):
        Journal(path)


def test_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="Cannot open the sales journal"):
        Journal(blocker / "journal.sqlite3")


def test_readers_and_a_writer_on_other_threads(journal: Journal) -> None:
    """The GUI thread reads while a worker writes; no 'database is locked', no lost rows."""
    errors: list[BaseException] = []
    stop = threading.Event()

    def write() -> None:
        try:
            for _ in range(200):
                sale = new_sale(journal)
                journal.transition(sale.id, S.REQUESTING)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            stop.set()

    def read() -> None:
        try:
            while not stop.is_set():
                journal.open_sales()
                journal.count()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    threads += [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert journal.count() == 400
    numbers = {s.sale_number for s in journal.open_sales()}
    assert len(numbers) == 400, "sale numbers stay unique under concurrent writers"


def _v2_journal(path: Path, base: str) -> None:
    """A journal as HPOS wrote it at schema 2, holding three sales."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:2]:
        step(conn, base)
    conn.execute("PRAGMA user_version=2")
    for number, state in (
        ("T1-000001", "paid"),
        ("T1-000002", "cancelled"),
        ("T1-000003", "awaiting"),
    ):
        conn.execute(
            "INSERT INTO sales (sale_number, till, created_at, updated_at, amount, currency,"
            " product, description, mode, state, reference) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (number, "T1", base, base, "1500.50", "XOF", "Thé", f"{number} Thé", "TEST", state,
             f"HPOS-{number}"),
        )  # fmt: skip
    conn.execute("INSERT INTO counters (till, last) VALUES ('T1', 3)")
    conn.close()


def test_a_v2_journal_upgraded_to_v4_keeps_every_sale(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    _v2_journal(path, "2026-03-01T09:00:00.000000+00:00")
    journal = Journal(path)
    assert journal.schema_version == SCHEMA_VERSION == 4
    sales = journal.sales_in(list(SaleState))
    assert [(s.sale_number, s.state, s.amount) for s in sales] == [
        ("T1-000001", S.PAID, Decimal("1500.50")),
        ("T1-000002", S.CANCELLED, Decimal("1500.50")),
        ("T1-000003", S.AWAITING, Decimal("1500.50")),
    ]
    assert all(s.cashier is None for s in sales)  # older sales: not recorded
    assert journal.counters() == {"T1": 3}
    new = journal.create_sale(
        till="T1", amount=Decimal("200"), currency="XOF", product="Thé", description="",
        mode="TEST", cashier="Awa",
    )  # fmt: skip
    assert new.sale_number == "T1-000004"
    assert new.cashier == "Awa"
    tables = {r[0] for r in journal._conn().execute("SELECT name FROM sqlite_master")}
    assert {"day_closings", "day_closings_day"} <= tables
    journal.close()


def test_a_fresh_journal_is_v4_with_cashiers_and_day_closings(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    assert journal.schema_version == 4
    assert "day_closings" in TABLES
    conn = journal._conn()
    columns = {r[1]: r for r in conn.execute("PRAGMA table_info(day_closings)")}
    assert list(columns) == ["id", "till", "business_day", "closed_at", "closed_by", "totals"]
    assert [columns[c][3] for c in ("till", "business_day", "closed_at", "totals")] == [1, 1, 1, 1]
    assert columns["closed_by"][3] == 0  # nullable
    [index] = conn.execute("PRAGMA index_list(day_closings)").fetchall()
    assert [r[2] for r in conn.execute(f"PRAGMA index_info({index[1]})")] == [
        "till",
        "business_day",
    ]
    served = journal.create_sale(
        till="T1", amount=Decimal("100"), currency="XOF", product="Pain", description="",
        mode="TEST", cashier="Jean-Marc",
    )  # fmt: skip
    unnamed = new_sale(journal)
    journal.close()
    again = Journal(tmp_path / "j.sqlite3")
    assert again.get(served.id).cashier == "Jean-Marc"
    assert again.get(unnamed.id).cashier is None
    again.close()


def test_a_journal_without_day_closings_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE day_closings")
    raw.commit()
    raw.close()
    with pytest.raises(JournalError, match="day_closings missing"):
        Journal(path)
