"""The history's loaded rows with what sorting and searching them needs, computed once.

:class:`RowStore` holds the :class:`~hpos.ui.history.rows.HistoryRow` values of
one query in source order (HPAY's order, or the journal's newest first), with,
per row: its key (:attr:`HistoryRow.key`), a search text (transaction id,
product and sale number, case-folded, one per line) and, per column, a sort
key built the first time that column is sorted (:func:`fast_sort_key`: ints,
strings and Decimals, which Python's own sort compares without calling back
into Python code). :meth:`RowStore.order` is then a list comprehension and one
``sorted()``: on 100,000 rows, a few tens of milliseconds.

Rows are never moved: new ones are appended, changed ones replaced in place,
and a row that no longer belongs to the query is marked gone, so a position in
the store stays valid for the store's life. A store can be built on a worker
thread (:func:`build_store`) and handed to the GUI thread whole.

No Qt here: the model (:class:`~hpos.ui.history.table.HistoryTable`) shows a
store through an order of positions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from operator import attrgetter, itemgetter
from time import perf_counter, sleep
from typing import Any

from hpos.sales.reference import parse_sale_number
from hpos.ui.history.rows import Column, HistoryRow
from hpos.ui.history.totals import Summary

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
#: Fees not given sort before every amount of fees.
_NO_FEES = Decimal("-Infinity")


#: A long loop on a worker pauses this long (seconds) after each WORK_S of work...
PAUSE_S = 0.001
WORK_S = 0.003


def breather(work_s: float = WORK_S, pause_s: float = PAUSE_S) -> Callable[[], None]:
    """A function a long loop on a worker thread calls once per item: after each ``work_s``
    of work it sleeps ``pause_s``, releasing Python's GIL.

    Painting the table calls Python once per cell and role: while a worker runs Python
    without pause, each of those calls waits for the GIL and a paint takes as long as the
    worker's job. The pauses cost the worker about a quarter of its speed.
    """
    since = perf_counter()
    count = 0

    def breathe() -> None:
        nonlocal since, count
        count += 1
        if count & 63 == 0 and perf_counter() - since >= work_s:
            sleep(pause_s)
            since = perf_counter()

    return breathe


def fast_sort_key(row: HistoryRow, column: int) -> Any:
    """What a column sorts by, in a form ``sorted()`` compares quickly.

    Dates: the instant in microseconds since 1970 (an int, exact); sale numbers:
    the counter, numerically (``DEMO-000009`` before ``DEMO-000010`` and
    ``DEMO-1000000``), then the till (none before any); amounts and fees: the
    exact Decimal (no fees, as on an unpaid row, before any fees); text columns:
    case-folded text; status and mode: the code.
    """
    return _key_of(column)(_values(row))


def search_text(row: HistoryRow) -> str:
    """What the search looks in: the id, product and sale number, case-folded, a line each.

    A search needle never holds a line break (spaces are collapsed), so it is found in
    this text exactly when it is in one of the three.
    """
    return f"{row.transaction_id}\n{row.product}\n{row.sale_number or ''}".casefold()


#: The fields of a row, in :class:`HistoryRow`'s order (a stored row is their values).
FIELDS = tuple(f.name for f in fields(HistoryRow))
_values = attrgetter(*FIELDS)
_FIELD = {name: i for i, name in enumerate(FIELDS)}
_MODE = _FIELD["mode"]
_PAID = frozenset({"PAID", "PAID LATE"})
#: The sort key of a row with no sale number (before every sale number).
_NO_SALE = (-1, "")
#: Rows kept as :class:`HistoryRow` objects for the view (the few on screen), at most.
_CACHE_ROWS = 1024


def row_values(row: HistoryRow) -> tuple[Any, ...]:
    """A row as the plain tuple a store keeps (``HistoryRow(*values)`` gives it back)."""
    return _values(row)  # type: ignore[no-any-return]


class RowStore:
    """Rows in source order, each with its key, search text and (lazily) sort keys.

    Each row is kept as a tuple of its values (str, Decimal, datetime...), which
    the garbage collector stops tracking: 100,000 ``HistoryRow`` objects kept
    alive would make every full collection walk them (50-200 ms with the GIL
    held, a frozen GUI). :meth:`row` makes the object again when it is asked for.
    """

    def __init__(self, rows: Iterable[HistoryRow] = (), *, sort_columns: Iterable[int] = ()):
        self.values: list[tuple[Any, ...]] = []
        self.positions: dict[str, int] = {}  # key -> position
        self.keys: list[str] = []  # position -> key
        self._texts: list[str] = []
        self._gone: set[int] = set()
        self._sort_keys: dict[int, list[Any]] = {}
        self._cache: dict[int, HistoryRow] = {}
        #: The sums of every row, when made with the store (see :func:`build_store`) and
        #: still true (any change forgets them).
        self.sums: dict[str, Summary] | None = None
        self.extend(rows)
        for column in sort_columns:
            self.sort_keys(column)

    def __len__(self) -> int:
        """How many rows the store shows (rows marked gone excepted)."""
        return len(self.values) - len(self._gone)

    def row(self, position: int) -> HistoryRow:
        """The row at ``position``."""
        row = self._cache.get(position)
        if row is None:
            if len(self._cache) >= _CACHE_ROWS:
                self._cache.clear()
            row = self._cache[position] = HistoryRow(*self.values[position])
        return row

    def rows(self, positions: Iterable[int]) -> Iterator[HistoryRow]:
        """The rows at ``positions``, made one at a time (none kept)."""
        values = self.values
        for position in positions:
            yield HistoryRow(*values[position])

    def live_rows(self) -> list[HistoryRow]:
        """The rows not marked gone, in source order."""
        gone = self._gone
        return list(self.rows(i for i in range(len(self.values)) if i not in gone))

    def any_test(self, positions: Iterable[int]) -> bool:
        """True when a row at ``positions`` is a TEST-mode payment."""
        values = self.values
        return any(values[i][_MODE] == "TEST" for i in positions)

    def sort_keys(self, column: int) -> list[Any]:
        """The sort key of every row for ``column`` (built on first use, then kept up to date)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = _column_keys(self.values, column)
            self._sort_keys[column] = keys
        return keys

    def extend(self, rows: Iterable[HistoryRow]) -> list[int]:
        """Append the rows whose key is new; their positions."""
        added: list[int] = []
        for row in rows:
            key = row.key
            if key in self.positions:
                continue
            self.positions[key] = len(self.values)
            added.append(len(self.values))
            self.values.append(_values(row))
            self.keys.append(key)
            self._texts.append(search_text(row))
            for column, keys in self._sort_keys.items():
                keys.append(_key_of(column)(self.values[-1]))
        if added:
            self.sums = None
        return added

    def differs(self, position: int, row: HistoryRow) -> bool:
        """The row at ``position`` is not ``row`` (or is marked gone)."""
        return position in self._gone or self.values[position] != _values(row)

    def replace(self, position: int, row: HistoryRow) -> None:
        """Put ``row`` (same key) at ``position`` and show it again if it was gone."""
        self.values[position] = _values(row)
        self._cache.pop(position, None)
        self.sums = None
        self._texts[position] = search_text(row)
        for column, keys in self._sort_keys.items():
            keys[position] = _key_of(column)(self.values[position])
        self._gone.discard(position)

    def mark_gone(self, position: int) -> None:
        """The row at ``position`` no longer belongs to the query: never in an order again."""
        self._gone.add(position)
        self.sums = None

    def is_gone(self, position: int) -> bool:
        """The row at ``position`` was marked gone."""
        return position in self._gone

    def order(self, column: int, descending: bool, needle: str) -> list[int]:
        """Positions of the rows shown: those holding ``needle``, sorted by ``column``.

        ``column`` < 0: source order. The sort is stable both ways (equal keys stay in
        source order), like Qt's sort proxy.
        """
        texts, gone = self._texts, self._gone
        if needle:
            found = [i for i, text in enumerate(texts) if needle in text]
        else:
            found = list(range(len(texts)))
        if gone:
            found = [i for i in found if i not in gone]
        if column < 0:
            return found
        keys = self.sort_keys(column)
        found.sort(key=keys.__getitem__, reverse=descending)
        return found


def _key_of(column: int) -> Callable[[tuple[Any, ...]], Any]:
    """:func:`fast_sort_key` of ``column``, read from a stored row's values."""
    if column == Column.DATE:
        at = _FIELD["date"]
        return lambda v: (v[at] - _EPOCH) // _MICROSECOND
    if column in (Column.TXID, Column.PRODUCT):
        at = _FIELD["transaction_id" if column == Column.TXID else "product"]
        return lambda v: v[at].casefold()
    if column == Column.SALE:
        at = _FIELD["sale_number"]
        return lambda v: _sale_key(v[at])
    if column == Column.FEES:
        at, status = _FIELD["fees"], _FIELD["status"]
        return lambda v: _NO_FEES if v[at] is None or v[status] not in _PAID else v[at]
    if column in (Column.AMOUNT, Column.STATUS, Column.MODE):
        return itemgetter(
            _FIELD[{Column.AMOUNT: "amount", Column.STATUS: "status", Column.MODE: "mode"}[column]]
        )
    raise ValueError(f"no column {column}")


def _sale_key(number: str | None) -> tuple[int, str]:
    parsed = parse_sale_number(number or "")
    if parsed is None:
        return _NO_SALE if not number else (-1, number.casefold())
    till, counter = parsed
    return counter, till.casefold()


def _column_keys(values: list[tuple[Any, ...]], column: int) -> list[Any]:
    """:func:`fast_sort_key` of ``column`` for every stored row, straight from the values."""
    return list(map(_key_of(column), values))


def summarize_positions(
    store: RowStore, positions: Iterable[int], *, worker: bool = False
) -> dict[str, Summary]:
    """:func:`~hpos.ui.history.totals.summarize_by_mode` of the rows at ``positions``, read
    straight from the stored values (no row object made: 100,000 rows in a few tens of ms).
    ``worker``: on a worker thread, pausing now and then (see :func:`breather`)."""
    breathe = breather() if worker else None
    mode_at, cur_at, amount_at, fees_at, status_at = (
        _FIELD[f] for f in ("mode", "currency", "amount", "fees", "status")
    )
    # (mode, status, currency) -> rows, amount, known fees, rows without fees
    sums: dict[tuple[str, str, str], list[Any]] = {}
    values = store.values
    for i in positions:
        if breathe is not None:
            breathe()
        v = values[i]
        key = (v[mode_at], v[status_at], v[cur_at])
        acc = sums.get(key)
        if acc is None:
            acc = sums[key] = [0, Decimal(0), Decimal(0), 0]
        acc[0] += 1
        acc[1] += v[amount_at]
        if v[fees_at] is None:
            acc[3] += 1
        else:
            acc[2] += v[fees_at]
    by_mode: dict[str, Summary] = {}
    for (mode, status, currency), (rows, amount, fees, unknown) in sums.items():
        by_mode.setdefault(mode, Summary()).add_rows(status, currency, rows, amount, fees, unknown)
    return by_mode


def build_store(
    rows: Iterable[HistoryRow], sort_columns: Iterable[int] = (), *, sums: bool = False
) -> RowStore:
    """A store of ``rows`` with the sort keys of ``sort_columns`` built and, with ``sums``,
    :attr:`RowStore.sums` made: the work of a worker thread, done before the GUI gets it."""
    store = RowStore(rows, sort_columns=sort_columns)
    if sums:
        store.sums = summarize_positions(store, range(len(store.values)), worker=True)
    return store
