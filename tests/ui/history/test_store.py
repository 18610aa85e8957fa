"""The history's row store: sort keys, stable sorts both ways, search, sums, changes.

Pure Python (no Qt event loop): the orders the store gives are checked against
Python's own stable ``sorted()`` on the rows' values, on 1,500 rows with many
equal keys.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from hpos.ui.history.rows import (
    COL_AMOUNT,
    COL_DATE,
    COL_FEES,
    COL_PRODUCT,
    COL_SALE,
    COL_STATUS,
    COL_TXID,
    SOURCE_HPAY,
    SOURCE_JOURNAL,
    HistoryRow,
    shown_fees,
)
from hpos.ui.history.store import (
    RowStore,
    build_store,
    fast_sort_key,
    row_values,
    search_text,
    summarize_positions,
)
from hpos.ui.history.totals import summarize_by_mode

ROWS = 1_500
_AMOUNTS = ("0.5", "0.50", "9.5", "10", "100", "7000.00", "14900", "25", "2.25")
_ZONES = (UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9, minutes=30)))


def make_rows(n: int = ROWS, seed: int = 7) -> list[HistoryRow]:
    rng = random.Random(seed)
    start = datetime(2025, 11, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        at = start + timedelta(seconds=rng.randrange(0, 86_400 * 10))
        rows.append(
            HistoryRow(
                date=at.astimezone(rng.choice(_ZONES)),  # same instants, other offsets
                transaction_id=f"Tx{rng.randrange(10**9):09d}{i}",
                product=rng.choice(("Café", "CAFÉ crème", "thé", "Croissant", "eau")),
                amount=Decimal(rng.choice(_AMOUNTS)),
                fees=None if i % 7 == 0 else Decimal(rng.choice(_AMOUNTS)),
                currency=rng.choice(("XOF", "XOF", "CAD")),
                status=rng.choice(("PAID", "UNPAID", "PAID LATE", "CANCELLED")),
                mode=rng.choice(("TEST", "PROD", "")),
                description=f"T1-{i + 1:06d} bench",
                link=f"https://checkout.hpay.cash/?ref={i}",
                sale_number=f"T1-{i + 1:06d}" if i % 5 else None,
                source=SOURCE_HPAY,
            )
        )
    return rows


def shown(store: RowStore, order: list[int]) -> list[HistoryRow]:
    return list(store.rows(order))


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_amount_is_numeric_exact_and_stable_both_ways(descending: bool) -> None:
    rows = make_rows()
    store = RowStore(rows)
    got = shown(store, store.order(COL_AMOUNT, descending, ""))
    assert got == sorted(rows, key=lambda r: r.amount, reverse=descending)
    amounts = [r.amount for r in got]
    assert amounts == sorted(amounts, reverse=descending)
    assert Decimal("9.5") in amounts
    assert Decimal("10") in amounts
    # equal amounts ("0.5" and "0.50" too) keep the source order, in both directions
    for value in (Decimal("0.5"), Decimal("7000")):
        ties = [r.transaction_id for r in got if r.amount == value]
        assert ties == [r.transaction_id for r in rows if r.amount == value]


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_date_is_by_instant_whatever_the_offset(descending: bool) -> None:
    rows = make_rows()
    store = RowStore(rows)
    got = shown(store, store.order(COL_DATE, descending, ""))
    assert got == sorted(rows, key=lambda r: r.date, reverse=descending)
    instants = [r.date.timestamp() for r in got]
    assert instants == sorted(instants, reverse=descending)


def test_other_columns_sort_like_the_documented_keys() -> None:
    rows = make_rows(400)
    store = RowStore(rows)
    documented = {  # written out here, not taken from the store's own key function
        COL_TXID: lambda r: r.transaction_id.casefold(),
        COL_PRODUCT: lambda r: r.product.casefold(),
        COL_STATUS: lambda r: r.status,
    }
    for column, key in documented.items():
        got = shown(store, store.order(column, False, ""))
        assert got == sorted(rows, key=key)
        assert [fast_sort_key(r, column) for r in got] == [key(r) for r in got]
    # fees are only shown where money moved: an unpaid row's sort with "no fees"
    fees = [shown_fees(r) for r in shown(store, store.order(COL_FEES, False, ""))]
    unknown = fees.count(None)
    assert unknown > sum(1 for r in rows if r.fees is None)
    assert fees[:unknown] == [None] * unknown, "no fees before any fees"
    assert fees[unknown:] == sorted(f for f in fees if f is not None)


def test_sale_numbers_sort_by_their_number_not_as_text() -> None:
    numbers = ["T1-000010", None, "T1-1000000", "T1-000009", "T2-000001", "odd", "T1-000100"]
    rows = [
        replace(make_rows(1)[0], transaction_id=f"tx{i}", sale_number=n)
        for i, n in enumerate(numbers)
    ]
    store = RowStore(rows)
    got = [r.sale_number for r in shown(store, store.order(COL_SALE, False, ""))]
    assert got == [None, "odd", "T2-000001", "T1-000009", "T1-000010", "T1-000100", "T1-1000000"]
    down = [r.sale_number for r in shown(store, store.order(COL_SALE, True, ""))]
    assert down[:2] == ["T1-1000000", "T1-000100"]
    assert store.order(-1, False, "t2-0000") == [4], "the search finds a sale number"


def test_search_is_case_insensitive_on_id_product_and_sale_number_only() -> None:
    rows = make_rows(300)
    store = RowStore(rows)
    by_number = store.order(-1, False, "t1-000042")
    assert [r.sale_number for r in shown(store, by_number)] == ["T1-000042"]
    cafe = shown(store, store.order(-1, False, "café"))
    assert cafe == [r for r in rows if "café" in r.product.casefold()]
    assert store.order(-1, False, "bench") == [], "the description is not searched"
    assert store.order(-1, False, "crème t1") == [], "no match across two fields"
    assert search_text(rows[0]).count("\n") == 2


def test_search_and_sort_together() -> None:
    rows = make_rows()
    store = RowStore(rows)
    got = shown(store, store.order(COL_AMOUNT, True, "croissant"))
    expected = sorted(
        (r for r in rows if "croissant" in r.product.casefold()),
        key=lambda r: r.amount,
        reverse=True,
    )
    assert got == expected


def test_rows_are_kept_as_plain_values_and_made_again_equal() -> None:
    rows = make_rows(50)
    store = RowStore(rows)
    assert all(type(v) is tuple for v in store.values)
    assert [store.row(i) for i in range(50)] == rows
    assert store.live_rows() == rows
    assert row_values(rows[3]) == store.values[3]


def test_changes_keep_positions_and_keys_up_to_date() -> None:
    rows = make_rows(100)
    store = RowStore(rows, sort_columns=(COL_AMOUNT,))
    assert store.extend([rows[0]]) == [], "a key already there is skipped"
    cheaper = replace(rows[10], amount=Decimal("0.01"), product="Zzz unique")
    assert store.differs(10, cheaper)
    store.replace(10, cheaper)
    assert not store.differs(10, cheaper)
    assert store.order(COL_AMOUNT, False, "")[0] == 10, "the sort key followed"
    assert store.order(-1, False, "zzz unique") == [10], "the search text followed"
    store.mark_gone(11)
    assert 11 not in store.order(COL_AMOUNT, False, "")
    assert len(store) == 99
    store.replace(11, rows[11])
    assert 11 in store.order(-1, False, ""), "shown again once replaced"
    journal_row = replace(rows[0], source=SOURCE_JOURNAL, sale_number="T9-000001")
    assert store.extend([journal_row]) == [100]
    assert store.positions[journal_row.key] == 100


def test_sums_of_positions_equal_the_summary_of_the_rows() -> None:
    rows = make_rows()
    store = RowStore(rows)
    order = store.order(COL_AMOUNT, False, "caf")
    assert summarize_positions(store, order) == summarize_by_mode(store.rows(order))
    assert summarize_positions(store, order, worker=True) == summarize_by_mode(store.rows(order))


def test_a_built_store_has_its_sums_until_it_changes() -> None:
    rows = make_rows(200)
    store = build_store(rows, (COL_DATE,), sums=True)
    assert store.sums == summarize_by_mode(rows)
    store.extend(make_rows(1, seed=99))
    assert store.sums is None, "a change forgets them"
