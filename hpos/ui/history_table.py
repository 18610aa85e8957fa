"""The table half of the history model: rows shown as Qt cells, changed with few signals.

:class:`HistoryTable` holds :class:`~hpos.ui.history_rows.HistoryRow` values and
shows them as the cells of a Qt table model (text, alignment, colours, bold
status, tool tips; ``data(index, ROW_ROLE)`` is the row itself). It adds rows at
the bottom (:meth:`HistoryTable._append`, skipping keys already shown) and
merges a fresh set of rows with the fewest changes (:meth:`HistoryTable._merge`)
so a view keeps its selection and scroll position. Titles, statuses and tool
tips are translated when asked for; :meth:`HistoryTable.retranslate` tells the
views to ask again after the language changed. Loading the rows is
:class:`~hpos.ui.history_model.HistoryModel`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from hpos.ui.history_rows import (
    COL_AMOUNT,
    COL_DATE,
    COL_FEES,
    COL_MODE,
    COL_PRODUCT,
    COL_STATUS,
    COL_TXID,
    COLUMNS,
    HistoryRow,
    column_title,
    local_time_text,
    money_text,
    status_text,
)

#: ``data(index, ROW_ROLE)`` is the row's :class:`HistoryRow`.
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1

_PAID_COLOR = QColor("#1b5e20")
_LATE_COLOR = QColor("#e65100")
_PROBLEM_COLOR = QColor("#b71c1c")
_TEST_COLOR = QColor("#b71c1c")
_PROBLEM_STATES = frozenset({"FAILED", "UNKNOWN", "REVIEW"})


class HistoryTable(QAbstractTableModel):
    """Rows of the history as a read-only Qt table."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._keys: set[str] = set()

    def rows(self) -> tuple[HistoryRow, ...]:
        """Every row loaded, in source order."""
        return tuple(self._rows)

    def row_at(self, row: int) -> HistoryRow:
        """The row at ``row`` (source order)."""
        return self._rows[row]

    def retranslate(self) -> None:
        """The language changed: views fetch the titles and the translated cells again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_AMOUNT, COL_FEES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_AMOUNT, COL_FEES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row, column)
        if role == Qt.ItemDataRole.FontRole and (
            column == COL_STATUS or (column == COL_MODE and row.is_test)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    # -- display ------------------------------------------------------------------------------

    @staticmethod
    def _display(row: HistoryRow, column: int) -> str:
        if column == COL_DATE:
            return local_time_text(row.date)
        if column == COL_TXID:
            return row.transaction_id or "—"
        if column == COL_PRODUCT:
            return row.product
        if column == COL_AMOUNT:
            return money_text(row.amount, row.currency)
        if column == COL_FEES:
            return money_text(row.fees, row.currency) or "—"
        if column == COL_STATUS:
            return status_text(row.status)
        return row.mode

    @staticmethod
    def _color(row: HistoryRow, column: int) -> QColor | None:
        if column == COL_STATUS:
            if row.paid_late:
                return _LATE_COLOR
            if row.is_paid:
                return _PAID_COLOR
            if row.status in _PROBLEM_STATES:
                return _PROBLEM_COLOR
        if column == COL_MODE and row.is_test:
            return _TEST_COLOR
        return None

    @staticmethod
    def _tooltip(row: HistoryRow, column: int) -> str | None:
        if column == COL_STATUS and row.paid_late:
            return QCoreApplication.translate(
                "HistoryTable", "Paid after the sale was cancelled or expired."
            )
        if column == COL_MODE and row.is_test:
            return QCoreApplication.translate("HistoryTable", "TEST mode: no real money moved.")
        if column == COL_TXID and row.sale_number:
            return QCoreApplication.translate("HistoryTable", "Sale {number}").format(
                number=row.sale_number
            )
        if column == COL_PRODUCT and row.description:
            return row.description
        return None

    # -- changes ----------------------------------------------------------------------------

    def _append(self, rows: Iterable[HistoryRow]) -> int:
        fresh: list[HistoryRow] = []
        for row in rows:
            if row.key not in self._keys:
                self._keys.add(row.key)
                fresh.append(row)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        return len(fresh)

    def _merge(self, new_rows: Sequence[HistoryRow]) -> None:
        """Make the rows equal (as a set) to ``new_rows`` with the fewest changes."""
        wanted: dict[str, HistoryRow] = {}
        for row in new_rows:
            wanted.setdefault(row.key, row)
        # remove the rows that are gone, run by run, from the bottom
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i].key in wanted:
                i -= 1
                continue
            j = i
            while j > 0 and self._rows[j - 1].key not in wanted:
                j -= 1
            self.beginRemoveRows(QModelIndex(), j, i)
            del self._rows[j : i + 1]
            self.endRemoveRows()
            i = j - 1
        # update the rows that changed, in place
        last = len(COLUMNS) - 1
        for i, old in enumerate(self._rows):
            new = wanted[old.key]
            if new != old:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        # insert the new ones at the top, in the order they came
        present = {row.key for row in self._rows}
        added = [row for key, row in wanted.items() if key not in present]
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._rows[0:0] = added
            self.endInsertRows()
        self._keys = set(wanted)
