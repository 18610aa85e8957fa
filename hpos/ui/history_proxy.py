"""The history as the view shows it: sorted by each column's value, filtered by a search.

:class:`HistoryProxy` sorts every column by its value (Decimal amounts
numerically, dates by instant; see :func:`~hpos.ui.history_rows.sort_key`) and
filters on a text search (transaction id, product, sale number).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from hpos.ui.history_rows import HistoryRow, sort_key

if TYPE_CHECKING:
    from hpos.ui.history_table import HistoryTable


class HistoryProxy(QSortFilterProxyModel):
    """Sorts by each column's value and filters on a text search."""

    def __init__(self, model: HistoryTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._needle = ""
        self.setSourceModel(model)

    @property
    def search(self) -> str:
        """The current search text (case-folded, spaces collapsed)."""
        return self._needle

    def set_search(self, text: str) -> None:
        """Show only rows whose transaction id, product or sale number contain ``text``."""
        needle = " ".join(text.split()).casefold()
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def rows(self) -> list[HistoryRow]:
        """The rows shown, in the order shown."""
        return [
            self._model.row_at(self.mapToSource(self.index(r, 0)).row())
            for r in range(self.rowCount())
        ]

    def row_at(self, proxy_row: int) -> HistoryRow:
        """The row shown at ``proxy_row``."""
        return self._model.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        return self._model.row_at(source_row).matches(self._needle)

    def lessThan(
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        column = source_left.column()
        left = sort_key(self._model.row_at(source_left.row()), column)
        right = sort_key(self._model.row_at(source_right.row()), column)
        return bool(left < right)
