"""A cart sale's lines in its details: a small read-only table (item, quantity, unit
price, line total), as the journal kept them when the sale was made.

The lines are copies of the items at the time of the sale, so the table shows what
was sold and at which price even after the catalogue changed. At most
:data:`VISIBLE_ROWS` rows are shown at once (the rest scroll), so the details still
fit a 1024×600 counter. Texts translated (context "SaleLinesTable").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hpos.sales.model import SaleLine
from hpos.ui.i18n import Retranslatable
from hpos.ui.money import format_money

__all__ = ["VISIBLE_ROWS", "SaleLinesTable"]

#: Rows shown without scrolling.
VISIBLE_ROWS = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SaleLinesTable(Retranslatable, QTableWidget):
    """One row a line: the name as sold, the quantity, the unit price and the line total."""

    def __init__(
        self, lines: Sequence[SaleLine], currency: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(len(lines), 4, parent)
        self.lines = tuple(lines)
        self.currency = currency
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, line in enumerate(self.lines):
            name = QTableWidgetItem(line.name)
            name.setToolTip(line.name)
            self.setItem(row, 0, name)
            for column, text in (
                (1, str(line.quantity)),
                (2, format_money(line.unit_price, currency)),
                (3, format_money(line.total, currency)),
            ):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(_RIGHT)
                self.setItem(row, column, cell)
        self.retranslate()
        self._fit()

    def _fit(self) -> None:
        """As tall as the header and :data:`VISIBLE_ROWS` rows (fewer lines: fewer rows)."""
        shown = min(len(self.lines), VISIBLE_ROWS)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += shown * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit again once styled (the header's height is known only then)."""
        self._fit()
        super().showEvent(event)

    def retranslate(self) -> None:
        """Set the column titles in the UI language."""
        self.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Qty"), self.tr("Unit price"), self.tr("Total")]
        )
        self.setAccessibleName(self.tr("Items sold"))

    def cell_texts(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (name, quantity, unit price, total)."""
        return [
            tuple(self.item(row, column).text() for column in range(4))
            for row in range(self.rowCount())
        ]
