"""Find an item by name or code from the keyboard (F4), in place of the quick keys.

:class:`ItemSearch` is a search field over a list of matches: each key typed searches the
catalogue again (:meth:`~hpos.sales.catalogue.CatalogueIndex.search`, in memory), ↑ and ↓
choose, Enter adds the chosen item (:attr:`ItemSearch.item_chosen`) and Esc closes it
(:attr:`ItemSearch.closed`). The field keeps Enter and Esc to itself: Enter here never
charges, Esc never clears the amount.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hpos.sales.catalogue import CatalogueIndex, Item
from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.money import format_money
from hpos.ui.widgets.style import set_pixels

#: Most matches listed.
LIMIT = 50


class SearchField(QLineEdit):
    """The search text; ↑ ↓ Enter Esc are the search's, not the line edit's."""

    moved = Signal(int)
    accepted = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ItemSearch(Retranslatable, QWidget):
    """A search field, the matches and a line saying what to do."""

    #: Enter or a tap on a match: its Item.
    item_chosen = Signal(object)
    #: Esc: the search is done.
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemSearch")
        self._index = CatalogueIndex()
        self._currency = ""
        self._found: list[Item] = []
        self.field = SearchField(self)
        self.field.setObjectName("itemSearchField")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("itemSearchResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(True)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.field)
        box.addWidget(self.results, 1)
        box.addWidget(self.note_label)
        self.field.textChanged.connect(self._search)
        self.field.moved.connect(self._move)
        self.field.accepted.connect(self._accept)
        self.field.escaped.connect(self.closed)
        self.results.itemClicked.connect(self._clicked)
        self.retranslate()

    def set_index(self, index: CatalogueIndex, currency: str) -> None:
        """Search ``index`` (prices in ``currency``); the matches shown are found again."""
        self._index = index
        self._currency = currency
        self._search(self.field.text())

    def start(self) -> None:
        """An empty search, the field focused."""
        self.field.clear()
        self._search("")
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def found(self) -> list[Item]:
        """The matches listed, in order."""
        return list(self._found)

    def chosen(self) -> Item | None:
        """The match Enter adds (None: none)."""
        row = self.results.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    @Slot(str)
    def _search(self, text: str) -> None:
        self._found = self._index.search(text, LIMIT)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        for item in self._found:
            self.results.addItem(QListWidgetItem(self._row_text(item)))
        if self._found:
            self.results.setCurrentRow(0)
        self.results.setUpdatesEnabled(True)
        self._say(text)

    def _row_text(self, item: Item) -> str:
        price = format_money(item.price, self._currency) if self._currency else str(item.price)
        code = item.barcode or item.sku
        return f"{item.name}  ·  {price}" + (f"  ·  {code}" if code else "")

    def _say(self, text: str) -> None:
        if text.strip() and not self._found:
            self.note_label.setText(self.tr("No item matches “{text}”.").format(text=text.strip()))
        else:
            self.note_label.setText(
                self.tr(
                    "Type a name or a code · {up} {down} choose · {enter} adds · {esc} closes"
                ).format(up="↑", down="↓", enter=key_name("Return"), esc=key_name("Esc"))
            )

    @Slot(int)
    def _move(self, delta: int) -> None:
        if self._found:
            row = max(0, min(len(self._found) - 1, self.results.currentRow() + delta))
            self.results.setCurrentRow(row)

    @Slot()
    def _accept(self) -> None:
        item = self.chosen()
        if item is not None:
            self.item_chosen.emit(item)

    @Slot(QListWidgetItem)
    def _clicked(self, entry: QListWidgetItem) -> None:
        row = self.results.row(entry)
        if 0 <= row < len(self._found):
            self.item_chosen.emit(self._found[row])

    def retranslate(self) -> None:
        """Texts in the UI language (again on LanguageChange)."""
        self.field.setPlaceholderText(self.tr("Find an item by name or code"))
        self.field.setAccessibleName(self.tr("Find an item by name or code"))
        self.results.setAccessibleName(self.tr("Items found"))
        self._say(self.field.text())

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.field, 20 * scale)
        self.field.setMinimumHeight(round(44 * scale))
        set_pixels(self.results, 20 * scale)
        self.results.setStyleSheet(  # rows a finger can tap
            f"QListWidget::item {{ min-height: {max(40, round(44 * scale))}px;"
            f" padding: 0 {round(8 * scale)}px; }}"
        )
        set_pixels(self.note_label, 14 * scale)
