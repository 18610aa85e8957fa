"""Reading this till's journal for the history, in three blocking reads for the Runner.

A journal can hold 100,000 sales. The history pane reads it so that the GUI
thread never has more than a screenful of work at a time:

- :func:`read_first_screen`: the newest :data:`FIRST_SCREEN_ROWS` sales of the
  query (one indexed query, a few milliseconds). When the query has no more,
  that is the whole answer.
- :func:`read_all`: every sale of the query, as a ready
  :class:`~hpos.ui.history.store.RowStore` (keys, search texts and the sort
  keys of the column sorted by are built here, on the worker).
- :func:`read_changes`: the sales of the query written since a moment (new
  ones and changed ones) and the keys of those that no longer match the status
  filter: what a refresh needs, instead of the whole journal again.

Each answer carries :attr:`JournalRead.mark`, the latest ``updated_at`` it saw:
the next refresh asks for the changes since then (less :data:`SINCE_SLACK`, so
that a write whose time was taken just before another's, but committed after
the read, is not missed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from hpos.sales.model import Sale
from hpos.ui.history.rows import (
    HistoryQuery,
    HistoryRow,
    local_day_range,
    row_from_sale,
    status_matches,
)
from hpos.ui.history.store import RowStore, breather, build_store

if TYPE_CHECKING:
    from hpos.sales.journal import Journal

#: Rows read first, before the rest of the journal: more than any screen shows.
FIRST_SCREEN_ROWS = 200
#: A refresh re-reads the changes of this long before the latest one seen.
SINCE_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class JournalRead:
    """One answer from the journal (fields unused by a read are left empty)."""

    rows: list[HistoryRow] = field(default_factory=list)
    store: RowStore | None = None
    gone: list[str] = field(default_factory=list)
    complete: bool = True  # the query holds no more rows than these
    mark: datetime | None = None  # the latest updated_at seen


def _paid(query: HistoryQuery) -> bool | None:
    return None if query.status is None else query.status == "PAID"


def _mark(sales: Sequence[Sale], mark: datetime | None = None) -> datetime | None:
    latest = max((s.updated_at for s in sales), default=None)
    if mark is None or (latest is not None and latest > mark):
        return latest
    return mark


def read_first_screen(
    journal: Journal, query: HistoryQuery, limit: int = FIRST_SCREEN_ROWS
) -> JournalRead:
    """The newest ``limit`` rows of ``query``, newest first; ``complete`` when that is all."""
    start, end = local_day_range(query.date_from, query.date_to)
    sales = journal.latest_sales(start, end, limit + 1, paid=_paid(query))
    complete = len(sales) <= limit
    sales = sales[:limit]
    rows = [r for r in map(row_from_sale, sales) if status_matches(r, query.status)]
    return JournalRead(rows=rows, complete=complete, mark=_mark(sales) if complete else None)


def read_all(
    journal: Journal, query: HistoryQuery, sort_columns: Iterable[int] = ()
) -> JournalRead:
    """Every row of ``query``, newest first, as a store with ``sort_columns``' keys built.

    The sales are read one at a time and kept only as the store's plain values; the loop
    pauses now and then so that the GUI thread can paint meanwhile (see
    :func:`~hpos.ui.history.store.breather`).
    """
    start, end = local_day_range(query.date_from, query.date_to)
    latest: list[datetime] = []

    def rows() -> Iterator[HistoryRow]:
        mark: datetime | None = None
        breathe = breather()
        for sale in journal.iter_sales_between(start, end, paid=_paid(query)):
            breathe()
            if mark is None or sale.updated_at > mark:
                mark = sale.updated_at
            row = row_from_sale(sale)
            if status_matches(row, query.status):
                yield row
        latest.extend([mark] if mark is not None else [])

    store = build_store(rows(), sort_columns, sums=True)
    return JournalRead(store=store, mark=latest[0] if latest else None)


def read_changes(journal: Journal, query: HistoryQuery, since: datetime) -> JournalRead:
    """Rows of ``query`` written since ``since`` (newest first), and the keys no longer in it."""
    start, end = local_day_range(query.date_from, query.date_to)
    sales = journal.sales_changed_since(start, end, since - SINCE_SLACK)
    rows, gone = [], []
    for row in map(row_from_sale, reversed(sales)):
        if status_matches(row, query.status):
            rows.append(row)
        else:
            gone.append(row.key)
    return JournalRead(rows=rows, gone=gone, mark=_mark(sales, since))
