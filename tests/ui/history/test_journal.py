"""Reading the journal for the history: first screen, everything, changes since a moment.

A real journal in tmp_path, written by the journal benchmark's generator (mixed
states and modes, many equal amounts) and by the journal's own API.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from hpos.sales.journal import Journal
from hpos.sales.states import SaleState
from hpos.ui.history.journal import read_all, read_changes, read_first_screen
from hpos.ui.history.rows import (
    COL_AMOUNT,
    SOURCE_JOURNAL,
    HistoryQuery,
    local_day_range,
    row_from_sale,
    status_matches,
)

SALES = 1_200


@pytest.fixture
def journal(long_journal: Journal) -> Journal:
    """A copy of a journal of SALES sales (conftest's ``long_journal``)."""
    return long_journal


def expected_rows(journal: Journal, query: HistoryQuery) -> list:
    """The history's rows as the pane always read them: every sale, newest first, filtered."""
    start, end = local_day_range(query.date_from, query.date_to)
    rows = [row_from_sale(s) for s in reversed(journal.sales_between(start, end))]
    return [r for r in rows if status_matches(r, query.status)]


@pytest.mark.parametrize("status", [None, "PAID", "UNPAID"])
def test_first_screen_then_everything_give_the_rows_of_the_query(
    journal: Journal, status: str | None
) -> None:
    query = HistoryQuery(source=SOURCE_JOURNAL, status=status)
    expected = expected_rows(journal, query)
    first = read_first_screen(journal, query, limit=200)
    assert first.rows == expected[:200], "the newest 200, newest first"
    assert not first.complete
    whole = read_all(journal, query, (COL_AMOUNT,))
    assert whole.store is not None
    assert whole.store.live_rows() == expected
    assert whole.store.sums is not None
    assert sum(s.count for s in whole.store.sums.values()) == len(expected)
    sales = journal.sales_between(*local_day_range(None, None))
    read = [s for s in sales if status_matches(row_from_sale(s), status)]
    assert whole.mark == max(s.updated_at for s in read), "the latest write among them"


def test_a_short_query_is_complete_at_the_first_screen(journal: Journal) -> None:
    query = HistoryQuery(
        source=SOURCE_JOURNAL,
        date_from=datetime(2025, 1, 6, tzinfo=UTC).date(),
        date_to=datetime(2025, 1, 6, tzinfo=UTC).date(),
    )
    expected = expected_rows(journal, query)
    assert 0 < len(expected) < 200
    first = read_first_screen(journal, query, limit=200)
    assert first.complete
    assert first.rows == expected
    assert first.mark is not None


def test_changes_since_the_last_read(journal: Journal) -> None:
    query = HistoryQuery(source=SOURCE_JOURNAL, status="UNPAID")
    mark = read_all(journal, query).mark
    assert mark is not None
    assert len(read_changes(journal, query, mark).rows) < 20, "only the last minutes again"
    awaiting = next(s for s in journal.open_sales() if s.state is SaleState.AWAITING)
    journal.transition(awaiting.id, SaleState.PAID, note="paid")
    new = journal.create_sale(
        till="T1", amount=Decimal(1234), currency="XOF", product="Tea", description="", mode="TEST"
    )
    changes = read_changes(journal, query, mark)
    assert f"sale:{awaiting.sale_number}" in changes.gone, "paid: no longer UNPAID"
    assert new.sale_number in [r.sale_number for r in changes.rows], "a new sale comes in"
    assert changes.mark is not None
    assert changes.mark > mark
