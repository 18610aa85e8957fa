"""The table half of the history model: rows shown as Qt cells, sorted and searched in place.

:class:`HistoryTable` keeps the loaded rows in a
:class:`~hpos.ui.history.store.RowStore` and shows them in an order of store
positions: the search applied (transaction id, product, sale number) and sorted
by the view's column (:meth:`HistoryTable.sort`, stable both ways; Decimal
amounts numerically, dates by instant). The view's proxy
(:class:`~hpos.ui.history.proxy.HistoryProxy`) only passes calls through, so
sorting or searching 100,000 rows is one ``sorted()`` of precomputed keys, not a
Python ``lessThan`` per comparison.

Cells are :func:`~hpos.ui.history.cells.cell_value`'s (``data(index,
ROW_ROLE)`` is the row itself), every role of a cell in one ``multiData`` call
when a delegate paints. Changes reach the views with few signals so that
a view keeps its selection and scroll position: rows that land at the bottom or
the top are inserted, anything else (a sort, a search, rows removed or moved) is
one layout change with the persistent indexes moved to the same rows (those no
longer shown become invalid). :attr:`HistoryTable.shown_set_changed` tells the
summary what it must sum again. Titles, statuses and tool tips are translated
when asked for; :meth:`HistoryTable.retranslate` tells the views to ask again.
Loading the rows is :class:`~hpos.ui.history.model.HistoryModel`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hpos.ui.history.cells import ROW_ROLE, cell_value
from hpos.ui.history.rows import COLUMNS, Column, HistoryRow, column_title
from hpos.ui.history.store import RowStore

__all__ = ["ROW_ROLE", "HistoryTable"]


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class HistoryTable(QAbstractTableModel):
    """Rows of the history as a read-only Qt table, sorted and searched in place."""

    #: The set of rows shown changed (not their order): the store positions added, or None
    #: when it changed otherwise (rows removed or changed, a new search, a reload).
    shown_set_changed = Signal(object)

    #: Nothing shown until ``__init__`` has run: Qt may call ``rowCount`` on a fresh
    #: Python wrapper of a model whose first wrapper was collected while its parent
    #: kept the C++ object (seen once in CI: AttributeError in the event loop).
    _shown: Sequence[int] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = RowStore()
        self._shown = []  # store positions, in the order shown
        self._sort_column = -1
        self._descending = False
        self._needle = ""

    def rows(self) -> tuple[HistoryRow, ...]:
        """Every row loaded, in source order (whatever the search and the sort)."""
        return tuple(self._store.live_rows())

    def row_at(self, row: int) -> HistoryRow:
        """The row shown at ``row``."""
        return self._store.row(self._shown[row])

    def shown_rows(self) -> list[HistoryRow]:
        """The rows shown (search applied), in the order shown."""
        return list(self._store.rows(self._shown))

    def shown_rows_lazily(self) -> tuple[int, Iterator[HistoryRow]]:
        """How many rows are shown, and an iterator making them one at a time, in the order
        shown: for a worker (summing or exporting 100,000 rows keeps none of them)."""
        shown = self._shown
        return len(shown), self._store.rows(shown)

    def shown_snapshot(self) -> tuple[RowStore, list[int]]:
        """The store and the positions shown, in order (neither is changed afterwards, but
        for a row replaced in place by a refresh)."""
        return self._store, self._shown

    def shows_test_rows(self) -> bool:
        """A row shown is a TEST-mode payment."""
        return self._store.any_test(self._shown)

    @property
    def total_rows(self) -> int:
        """How many rows are loaded (the search aside)."""
        return len(self._store)

    @property
    def search(self) -> str:
        """The current search text (case-folded, spaces collapsed)."""
        return self._needle

    @property
    def sort_column(self) -> int:
        """The column sorted by (-1: source order)."""
        return self._sort_column

    def retranslate(self) -> None:
        """The language changed: views fetch the titles and the translated cells again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._shown:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._shown) - 1, len(COLUMNS) - 1)
            )

    def set_search(self, text: str) -> None:
        """Show only rows whose transaction id, product or sale number contain ``text``."""
        needle = " ".join(text.split()).casefold()
        if needle != self._needle:
            self._needle = needle
            self._show(self._store, self._order(self._store), list(self._shown))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s value (see :func:`~hpos.ui.history.store.fast_sort_key`)."""
        descending = order == Qt.SortOrder.DescendingOrder
        if not -1 <= column < len(COLUMNS) or (column, descending) == (
            self._sort_column,
            self._descending,
        ):
            return  # the rows stay sorted: QTableView.sortByColumn asks twice
        self._sort_column, self._descending = column, descending
        self._show(self._store, self._order(self._store), list(self._shown), same_rows=True)

    # -- Qt model interface -----------------------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """One Python call per index (Qt's own asks rowCount and columnCount: two)."""
        if parent.isValid() or not (0 <= row < len(self._shown) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(section)
            right = section in (Column.AMOUNT, Column.FEES)
            if role == Qt.ItemDataRole.TextAlignmentRole and right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        return cell_value(self._store.row(self._shown[index.row()]), index.column(), role)

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan
    ) -> None:
        """Every role a delegate asks for a cell, in one call (a Python call per cell, not per
        cell and role: each is a wait for the GIL while a worker runs)."""
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        row, column = self._store.row(self._shown[index.row()]), index.column()
        for role_data in roleDataSpan:
            role_data.setData(cell_value(row, column, role_data.role()))

    # -- changes ----------------------------------------------------------------------------

    def _order(self, store: RowStore) -> list[int]:
        return store.order(self._sort_column, self._descending, self._needle)

    def _clear_rows(self) -> None:
        self.beginResetModel()
        self._store, self._shown = RowStore(), []
        self.endResetModel()
        self.shown_set_changed.emit(None)

    def _append(self, rows: Iterable[HistoryRow]) -> int:
        """Add the rows whose key is new (at the bottom of the source order); how many."""
        before = list(self._shown)
        added = self._store.extend(rows)
        if added:
            self._show(self._store, self._order(self._store), before)
        return len(added)

    def _merge(self, new_rows: Sequence[HistoryRow]) -> None:
        """Make the rows equal (as a set) to ``new_rows`` with the fewest changes.

        New rows come first in source order (in the order given), then the rows kept.
        """
        old = self._store
        wanted: dict[str, HistoryRow] = {}
        for row in new_rows:
            wanted.setdefault(row.key, row)
        live = {key for i, key in enumerate(old.keys) if not old.is_gone(i)}
        store = RowStore(row for key, row in wanted.items() if key not in live)
        store.extend(wanted[key] for key in old.keys if key in live and key in wanted)
        changed = [
            store.positions[key]
            for key, row in wanted.items()
            if key in live and old.differs(old.positions[key], row)
        ]
        self._replace_store(store, changed)

    def _replace_store(self, store: RowStore, changed: Iterable[int] = ()) -> None:
        """Show ``store`` instead; ``changed``: its positions whose row differs from before."""
        old = self._store
        keys, positions = old.keys, store.positions
        before = [positions.get(keys[i], -1) for i in self._shown]
        self._show(store, self._order(store), before, changed)

    def _update(self, rows: Iterable[HistoryRow], gone: Iterable[str] = ()) -> None:
        """Put changed and new rows in place (new ones at the bottom) and drop keys ``gone``."""
        store, before = self._store, list(self._shown)
        changed: list[int] = []
        fresh: list[HistoryRow] = []
        for row in rows:
            at = store.positions.get(row.key)
            if at is None:
                fresh.append(row)
            elif store.differs(at, row):
                store.replace(at, row)
                changed.append(at)
        for key in gone:
            at = store.positions.get(key)
            if at is not None:
                store.mark_gone(at)
        store.extend(fresh)
        self._show(store, self._order(store), before, changed)

    def _show(
        self,
        store: RowStore,
        shown: list[int],
        before: list[int],
        changed: Iterable[int] = (),
        *,
        same_rows: bool = False,
    ) -> None:
        """Show ``store`` in the order ``shown``; ``before``: the rows shown until now, as
        positions in ``store`` (-1: not in it). Views are told with the fewest signals: rows
        added at the bottom or the top are inserted, anything else is a layout change that
        keeps the selection and the current row on the same rows. ``same_rows``: only the
        order changed (a sort)."""
        n, k = len(before), len(shown)
        changed = list(changed)
        added: list[int] | None = None
        if shown == before:
            self._store, self._shown = store, shown
            added = []
        elif n < k and shown[:n] == before:
            self.beginInsertRows(QModelIndex(), n, k - 1)
            self._store, self._shown = store, shown
            self.endInsertRows()
            added = shown[n:]
        elif 0 < n < k and shown[k - n :] == before:
            self.beginInsertRows(QModelIndex(), 0, k - n - 1)
            self._store, self._shown = store, shown
            self.endInsertRows()
            added = shown[: k - n]
        else:
            self._relayout(store, shown, before)
            added = [] if same_rows else None
        self._tell_changed(changed)
        if changed or added is None:
            self.shown_set_changed.emit(None)
        elif added:
            self.shown_set_changed.emit(added)

    def _relayout(self, store: RowStore, shown: list[int], before: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        wanted = [before[p.row()] if 0 <= p.row() < len(before) else -1 for p in persistent]
        self._store, self._shown = store, shown
        where = _finder(shown, len(persistent))
        moved = []
        for p, position in zip(persistent, wanted, strict=True):
            row = where(position) if position >= 0 else -1
            moved.append(self.index(row, p.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _tell_changed(self, changed: Iterable[int]) -> None:
        changed = list(changed)
        if not changed or not self._shown:
            return
        last = len(COLUMNS) - 1
        if len(changed) > 64:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1, last))
            return
        where = _finder(self._shown, len(changed))
        for position in changed:
            row = where(position)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))


def _finder(shown: list[int], lookups: int) -> Callable[[int], int]:
    """``find(position)``: the row showing store position ``position``, or -1."""
    if lookups > 16:
        rows = {position: row for row, position in enumerate(shown)}
        return lambda position: rows.get(position, -1)

    def find(position: int) -> int:
        try:
            return shown.index(position)
        except ValueError:
            return -1

    return find
