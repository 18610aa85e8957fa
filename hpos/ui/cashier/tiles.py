"""The quick keys: the catalogue's items as big tiles, by category, a page at a time.

:class:`QuickKeys` shows a :class:`~hpos.sales.catalogue.CatalogueIndex` (plain data read
on a worker): the categories on top (none when every item is in one: up to
:data:`MAX_CHIPS` as buttons in rows of :data:`CHIP_COLUMNS`, more as scrolling tabs), then a
grid of :class:`Tile` (name, price, colour; at least :data:`MIN_TILE_HEIGHT` px for a
finger) and, when a category holds more than a grid, ‹ › page buttons. A tap emits
:attr:`QuickKeys.item_chosen`; no tile takes the keyboard focus (the amount keeps it).

A tile is the item's colour, else its category's (one of the palette's, the same for a
category on every till and every run), with black or white text, whichever reads better.
Only one page of tiles exists at a time (they are reused), so 5,000 items cost no more
than twelve.
"""

from __future__ import annotations

import zlib
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.catalogue import COLOURS, CatalogueIndex, Item, fold
from hpos.ui.i18n import Retranslatable
from hpos.ui.money import format_money
from hpos.ui.widgets.style import set_pixels

#: A tile is at least this tall (a finger, not a mouse pointer).
MIN_TILE_HEIGHT = 64
#: Tiles on one page: columns × rows.
COLUMNS, ROWS = 3, 4
#: Up to this many categories show as buttons (all in sight); more as scrolling tabs.
MAX_CHIPS = 6
CHIP_COLUMNS = 3
_CHIP_STYLE = """
QPushButton { background: #eceff1; border: 1px solid #b0bec5; border-radius: 6px; }
QPushButton:checked { background: #1565c0; color: #ffffff; border-color: #0d47a1; }
"""
#: The tile of an item with no colour in a category with no name.
OTHER_COLOUR = "#546E7A"
_PALETTE = tuple(COLOURS.values())


def category_colour(category: str) -> str:
    """A category's tile colour: one of the palette's, always the same for its name."""
    if not category:
        return OTHER_COLOUR
    return _PALETTE[zlib.crc32(fold(category).encode()) % len(_PALETTE)]


def tile_colour(item: Item) -> str:
    """The item's own colour, else its category's."""
    return item.colour or category_colour(item.category)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    colour = QColor(background)

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )
    # contrast against white (1.05 / (lum + 0.05)) vs black ((lum + 0.05) / 0.05)
    return "#FFFFFF" if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 else "#000000"


class Tile(QAbstractButton):
    """One item: its name (up to three lines) and its price, on its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(MIN_TILE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.item: Item | None = None
        self.price_text = ""
        self._back = QColor(OTHER_COLOUR)
        self._fore = QColor("#FFFFFF")
        self._name_font = QFont(self.font())
        self._price_font = QFont(self.font())
        self.set_font_pixels(16)

    def show_item(self, item: Item | None, price: str = "") -> None:
        """Show ``item`` at ``price`` (None: an empty, hidden place in the grid)."""
        self.item = item
        self.price_text = price
        if item is None:
            self.hide()
            return
        back = tile_colour(item)
        self._back = QColor(back)
        self._fore = QColor(text_colour(back))
        self.setText(item.name)
        self.setAccessibleName(f"{item.name}, {price}")
        self.setToolTip(f"{item.name} · {price}")
        self.show()
        self.update()

    def set_font_pixels(self, pixels: float) -> None:
        """The name's size (the price is a little smaller, bold)."""
        self._name_font.setPixelSize(max(10, round(pixels)))
        self._name_font.setBold(True)
        self._price_font.setPixelSize(max(9, round(pixels * 0.9)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        back = self._back.darker(125) if self.isDown() else self._back
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(self._fore)
        inner = rect.adjusted(8, 6, -8, -6)
        painter.setFont(self._price_font)
        price_height = painter.fontMetrics().height()
        painter.drawText(
            inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.price_text
        )
        painter.setFont(self._name_font)
        name_box = inner.adjusted(0, 0, 0, -price_height)
        metrics = painter.fontMetrics()
        lines = max(1, int(name_box.height() // metrics.lineSpacing()))
        text = self.text()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        needed = metrics.boundingRect(name_box.toRect(), int(flags), text)
        if needed.height() > name_box.height():  # too long: as much as fits, then "…"
            width = int(name_box.width()) * lines
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(name_box, int(flags), text)
        painter.end()


class QuickKeys(Retranslatable, QWidget):
    """Category tabs, a page of item tiles and the page buttons."""

    #: A tile was tapped: its Item.
    item_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickKeys")
        self._index = CatalogueIndex()
        self._currency = ""
        self._category: str | None = None  # None: none chosen yet (the first one shows)
        self._items: list[Item] = []
        self._page = 0
        self.categories = QTabBar(self)
        self.categories.setObjectName("categoryTabs")
        self.categories.setUsesScrollButtons(True)
        self.categories.setExpanding(False)
        self.categories.setDrawBase(False)
        self.categories.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.categories.currentChanged.connect(self._category_tab)
        self.chips = QWidget(self)
        self.chips.setObjectName("categoryChips")
        self.chips.setStyleSheet(_CHIP_STYLE)
        self._chip_grid = QGridLayout(self.chips)
        self._chip_grid.setContentsMargins(0, 0, 0, 0)
        self._chip_grid.setSpacing(6)
        self._chip_group = QButtonGroup(self)
        self._chip_group.setExclusive(True)
        self._chip_group.buttonClicked.connect(self._chip_clicked)
        self.chip_buttons: list[QPushButton] = []
        for n in range(MAX_CHIPS):
            chip = QPushButton(self.chips)
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setMinimumHeight(44)
            chip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self._chip_group.addButton(chip)
            self._chip_grid.addWidget(chip, n // CHIP_COLUMNS, n % CHIP_COLUMNS)
            self.chip_buttons.append(chip)
        for c in range(CHIP_COLUMNS):
            self._chip_grid.setColumnStretch(c, 1)
        self.chips.hide()
        self.tiles: list[Tile] = []
        grid = QGridLayout()
        grid.setSpacing(6)
        for n in range(COLUMNS * ROWS):
            tile = Tile(self)
            tile.setObjectName(f"tile{n}")
            tile.clicked.connect(self._tile_clicked)
            tile.hide()
            self.tiles.append(tile)
            grid.addWidget(tile, n // COLUMNS, n % COLUMNS)
        for c in range(COLUMNS):
            grid.setColumnStretch(c, 1)
        for r in range(ROWS):
            grid.setRowStretch(r, 1)
        self.previous_button = QPushButton("‹", self)
        self.next_button = QPushButton("›", self)
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(64, 44)
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button)
        self._pager = QWidget(self)
        self._pager.setLayout(pager)
        pager.setContentsMargins(0, 0, 0, 0)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.categories)
        box.addWidget(self.chips)
        box.addLayout(grid, 1)
        box.addWidget(self._pager)
        self.retranslate()

    # -- what is shown ------------------------------------------------------------------

    def set_index(self, index: CatalogueIndex, currency: str) -> None:
        """Show ``index``'s items, priced in ``currency`` (the category and page shown are
        kept: the manager's change does not send the cashier back to the first page)."""
        self._index = index
        self._currency = currency
        categories = index.categories
        keep = self._category if self._category in categories else None
        page = self._page if keep is not None else 0
        blocked = self.categories.blockSignals(True)
        while self.categories.count():
            self.categories.removeTab(0)
        for category in categories:
            n = self.categories.addTab(category)
            self.categories.setTabData(n, category)
        self.categories.blockSignals(blocked)
        self.categories.setVisible(len(categories) > MAX_CHIPS)
        for n, chip in enumerate(self.chip_buttons):
            chip.setProperty("category", categories[n] if n < len(categories) else None)
            chip.setVisible(n < len(categories))
        self.chips.setVisible(1 < len(categories) <= MAX_CHIPS)
        self._name_tabs()
        first = keep if keep is not None else (categories[0] if categories else "")
        self.show_category(first)
        if page:
            self.show_page(page)  # kept within the pages the category has now

    @property
    def index(self) -> CatalogueIndex:
        """The catalogue shown."""
        return self._index

    @property
    def category(self) -> str:
        """The category shown ("" for items without one)."""
        return self._category or ""

    @property
    def page(self) -> int:
        """The page shown, from 0."""
        return self._page

    @property
    def page_count(self) -> int:
        """How many pages the category shown has."""
        per = len(self.tiles)
        return max(1, (len(self._items) + per - 1) // per)

    def show_category(self, category: str) -> None:
        """The first page of ``category``'s tiles."""
        self._category = category
        self._items = self._index.in_category(category)
        for n in range(self.categories.count()):
            if self.categories.tabData(n) == category and self.categories.currentIndex() != n:
                blocked = self.categories.blockSignals(True)
                self.categories.setCurrentIndex(n)
                self.categories.blockSignals(blocked)
        chip = self.chip(category)
        if chip is not None:
            chip.setChecked(True)
        self.show_page(0)

    def show_page(self, page: int) -> None:
        """Page ``page`` of the category shown (kept within the pages there are)."""
        self._page = max(0, min(page, self.page_count - 1))
        per = len(self.tiles)
        shown = self._items[self._page * per : (self._page + 1) * per]
        for n, tile in enumerate(self.tiles):
            item = shown[n] if n < len(shown) else None
            tile.show_item(item, self._price(item.price) if item is not None else "")
        many = self.page_count > 1
        self._pager.setVisible(many)
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self.page_count - 1)
        self._name_page()

    def chip(self, category: str) -> QPushButton | None:
        """The button of ``category`` when the categories show as buttons, else None."""
        if self.chips.isHidden():
            return None
        return next((c for c in self.chip_buttons if c.property("category") == category), None)

    def visible_items(self) -> list[Item]:
        """The items on the tiles shown, in order."""
        return [t.item for t in self.tiles if t.item is not None]

    def tile_of(self, item_id: int) -> Tile | None:
        """The tile showing the item ``item_id`` on this page, if any."""
        return next((t for t in self.tiles if t.item is not None and t.item.id == item_id), None)

    def _price(self, amount: Decimal) -> str:
        return format_money(amount, self._currency) if self._currency else str(amount)

    # -- slots ------------------------------------------------------------------------------

    @Slot(int)
    def _category_tab(self, n: int) -> None:
        if n >= 0:
            self.show_category(str(self.categories.tabData(n) or ""))

    @Slot(QAbstractButton)
    def _chip_clicked(self, chip: QAbstractButton) -> None:
        category = chip.property("category")
        if category is not None:
            self.show_category(str(category))

    @Slot()
    def _tile_clicked(self) -> None:
        tile = self.sender()
        if isinstance(tile, Tile) and tile.item is not None:
            self.item_chosen.emit(tile.item)

    # -- language and size -------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the UI language (again on LanguageChange); prices in its number style."""
        self.setAccessibleName(self.tr("Quick keys"))
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self._name_tabs()
        if self._index.items:
            self.show_page(self._page)  # prices in the new language's style

    def _name_tabs(self) -> None:
        unnamed = self._unnamed()
        for n in range(self.categories.count()):
            category = str(self.categories.tabData(n) or "")
            self.categories.setTabText(n, category or unnamed)
        for chip in self.chip_buttons:
            category = chip.property("category")
            if category is not None:
                chip.setText(str(category) or unnamed)
                chip.setToolTip(chip.text())

    def _unnamed(self) -> str:
        """What the items without a category are called: "Other", unless the shop has a
        category of that name (then "No category", so no two buttons read the same)."""
        other = self.tr("Other")
        named = {
            str(self.categories.tabData(n) or "").casefold() for n in range(self.categories.count())
        } | {str(chip.property("category") or "").casefold() for chip in self.chip_buttons}
        return self.tr("No category") if other.casefold() in named else other

    def _name_page(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self._page + 1, pages=self.page_count)
        )

    def apply_scale(self, scale: float) -> None:
        """Fonts and touch sizes for a window ``scale`` times 1024×600."""
        for tile in self.tiles:
            tile.set_font_pixels(16 * scale)
            tile.setMinimumHeight(max(MIN_TILE_HEIGHT, round(64 * scale)))
        set_pixels(self.categories, 17 * scale, bold=True)
        for chip in self.chip_buttons:
            set_pixels(chip, 16 * scale, bold=True)
            chip.setMinimumHeight(max(44, round(44 * scale)))
        set_pixels(self.page_label, 15 * scale)
        for button in (self.previous_button, self.next_button):
            set_pixels(button, 22 * scale, bold=True)
            button.setMinimumSize(round(64 * scale), max(44, round(44 * scale)))
        touch = max(44, round(44 * scale))
        self.categories.setStyleSheet(
            f"QTabBar::tab {{ min-height: {touch}px; padding: 0 {round(10 * scale)}px; }}"
        )
