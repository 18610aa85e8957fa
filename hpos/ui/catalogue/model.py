"""The catalogue page's table: every item (archived ones too), sorted, and filtered by a proxy.

:class:`CatalogueModel` holds the items as read on a worker (plain frozen
:class:`~hpos.sales.catalogue.Item` values) and shows name, price (``format_money`` in
the catalogue's currency), category, barcode, SKU, a colour swatch and "Archived". It
sorts itself, each column by its value (prices as Decimals, names folded), never by the
text shown; at first as the quick keys are (by category, "no category" last, then name).
:class:`CatalogueFilter` hides archived items unless asked and keeps the rows whose name,
codes or category contain every word typed (accents and case ignored: ``fold``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hpos.sales.catalogue import Item, fold
from hpos.ui.catalogue.jobs import Folds, item_folds
from hpos.ui.catalogue.words import colour_names
from hpos.ui.money import format_money
from hpos.ui.widgets.style import GREY

#: Columns: name, price, category, barcode, SKU, colour, status.
NAME, PRICE, CATEGORY, BARCODE, SKU, COLOUR, STATUS = range(7)
COLUMN_COUNT = 7
#: ``data(index, ITEM_ROLE)``: the row's :class:`Item`.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex


class CatalogueModel(QAbstractTableModel):
    """The items of the catalogue, one per row, by category ("no category" last), then name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._haystacks: list[str] = []
        self._currency = ""
        self._folds: dict[int, Folds] = {}
        self._order: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_items(
        self,
        items: list[Item] | tuple[Item, ...],
        currency: str | None,
        folds: dict[int, Folds] | None = None,
    ) -> None:
        """Show ``items``, their prices in ``currency`` (the catalogue's); ``folds``: their
        folded texts when a worker worked them out (else done here)."""
        self.beginResetModel()
        self._items = list(items)
        self._folds = folds if folds is not None else item_folds(items)
        self._currency = currency or ""
        self._sort()  # in the order chosen (at first as the quick keys: "no category" last)
        self.endResetModel()

    @property
    def items(self) -> list[Item]:
        """Every item held, archived ones too."""
        return list(self._items)

    def item(self, row: int) -> Item:
        """The item of a row (of this model, not the proxy)."""
        return self._items[row]

    def haystack(self, row: int) -> str:
        """What the filter searches in a row: name, codes and category, folded."""
        return self._haystacks[row]

    def _sort(self) -> None:
        column, order = self._order
        folds = self._folds
        if column < 0:  # as the quick keys: by category ("no category" last), then name
            self._items.sort(key=lambda i: (i.category == "", folds[i.id][2], folds[i.id][1], i.id))
        else:
            self._items.sort(key=lambda i: _sort_key(i, column, folds[i.id][1]))
            if order == Qt.SortOrder.DescendingOrder:
                self._items.reverse()
        self._haystacks = [folds[item.id][0] for item in self._items]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s value (-1: by category, then name), in Python in
        one pass: a proxy's ``lessThan`` per comparison took 280 ms for 5,000 items."""
        self.layoutAboutToBeChanged.emit()
        kept = [(index, self._items[index.row()].id) for index in self.persistentIndexList()]
        self._order = (column, order)
        self._sort()
        rows = {item.id: row for row, item in enumerate(self._items)}
        self.changePersistentIndexList(
            [index for index, _ in kept],
            [self.index(rows[item_id], index.column()) for index, item_id in kept],
        )
        self.layoutChanged.emit()

    def row_of(self, item_id: int) -> int:
        """The row of the item with this id, -1 when it is not here."""
        return next((n for n, i in enumerate(self._items) if i.id == item_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PRICE:
            return _RIGHT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PRICE:
            return _RIGHT
        if role == Qt.ItemDataRole.DecorationRole and column == COLOUR and item.colour:
            return QColor(item.colour)
        if role == Qt.ItemDataRole.ForegroundRole and item.archived:
            return QBrush(QColor(GREY))
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS and item.archived:
            return QCoreApplication.translate(
                "CatalogueModel",
                "Archived: off the quick keys and the scanner; past sales keep it.",
            )
        return None

    def _text(self, item: Item, column: int) -> str:
        if column == NAME:
            return item.name
        if column == PRICE:
            return format_money(item.price, self._currency) if self._currency else str(item.price)
        if column == CATEGORY:
            return item.category
        if column == BARCODE:
            return item.barcode or ""
        if column == SKU:
            return item.sku or ""
        if column == COLOUR:
            return colour_names().get(item.colour, item.colour)
        if item.archived:
            return QCoreApplication.translate("CatalogueModel", "Archived")
        return ""

    def retranslate(self) -> None:
        """Ask the views for every text again (the language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._items:
            last = self.index(len(self._items) - 1, COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)


def titles() -> tuple[str, ...]:
    """The column titles in the UI language."""
    return (
        QCoreApplication.translate("CatalogueModel", "Name"),
        QCoreApplication.translate("CatalogueModel", "Price"),
        QCoreApplication.translate("CatalogueModel", "Category"),
        QCoreApplication.translate("CatalogueModel", "Barcode"),
        QCoreApplication.translate("CatalogueModel", "SKU"),
        QCoreApplication.translate("CatalogueModel", "Colour"),
        QCoreApplication.translate("CatalogueModel", "Status"),
    )


def _sort_key(item: Item, column: int, name: str) -> tuple[Any, ...]:
    """``name``: the item's name folded (the tie-break)."""
    if column == PRICE:
        return (item.price, name)
    if column == STATUS:
        return (item.archived, name)
    if column == NAME:
        return (name, item.id)
    text = {
        CATEGORY: item.category,
        BARCODE: item.barcode or "",
        SKU: item.sku or "",
        COLOUR: item.colour,
    }[column]
    return (text == "", text.casefold(), name)  # empty cells last


class CatalogueFilter(QSortFilterProxyModel):
    """Archived items shown or not; every typed word in the name, codes or category."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._archived = False

    def catalogue(self) -> CatalogueModel:
        """The model under this proxy."""
        model = self.sourceModel()
        assert isinstance(model, CatalogueModel)
        return model

    def set_text(self, text: str) -> None:
        """Keep the rows that contain every word of ``text`` (accents and case ignored)."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_archived(self, shown: bool) -> None:
        """Show the archived items too."""
        self.beginFilterChange()
        self._archived = shown
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def shown_items(self) -> list[Item]:
        """The items on screen, in the order shown."""
        return [self.index(r, NAME).data(ITEM_ROLE) for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.catalogue()
        if not self._archived and model.item(source_row).archived:
            return False
        haystack = model.haystack(source_row)
        return all(word in haystack for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's header asks: the model below sorts (fast), this proxy keeps its order."""
        self.catalogue().sort(column, order)
