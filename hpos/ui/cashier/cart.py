"""The cart on the cashier screen: its lines, the selected one with − + and ✕, and its size.

:class:`CartView` shows a :class:`~hpos.sales.cart.Cart` (an immutable value the screen
keeps): one :class:`CartRow` per line (quantity, name, line total, on one line so that
four lines fit at 1024×600); the selected line (the last one added, or a tapped one; the
keyboard's ↑ ↓ + − act on it) also shows its unit price and − + ✕ buttons, and above
them how many things the cart holds with an "Empty the cart" button. The total is the
screen's big amount. The view only says what was pressed (:attr:`CartView.step_requested`,
:attr:`CartView.remove_requested`, :attr:`CartView.empty_requested`); the screen changes
the cart and shows it again. No button takes the keyboard focus.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.cart import Cart, CartLine
from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.widgets.style import set_pixels
from hpos.ui.widgets.wrap import WrapAnywhereLabel

#: Smallest side of a line's buttons (a finger).
MIN_BUTTON = 44

_STYLE = """
QFrame#cartRow { border: none; border-bottom: 1px solid #d5dade; background: transparent; }
QFrame#cartRow[selected="true"] { background: #e3f2fd; border-left: 4px solid #1565c0; }
QLabel#cartQuantity { color: #3c4043; }
QLabel#cartEmptyLabel { color: #5f6368; }
"""


class CartRow(QFrame):
    """One line: quantity, name and total; when selected, its unit price and − + ✕ below."""

    #: The row was tapped (to select it).
    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartRow")
        self.setProperty("selected", False)
        self.quantity_label = QLabel(self)
        self.quantity_label.setObjectName("cartQuantity")
        self.name_label = WrapAnywhereLabel("", self, max_lines=1)  # a long name: "…"
        self.total_label = QLabel(self)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.controls = QWidget(self)
        self.unit_label = QLabel(self.controls)
        self.unit_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.minus_button = QPushButton("−", self.controls)
        self.plus_button = QPushButton("+", self.controls)
        self.remove_button = QPushButton("✕", self.controls)
        self.minus_button.setObjectName("cartMinus")
        self.plus_button.setObjectName("cartPlus")
        self.remove_button.setObjectName("cartRemove")
        for button in (self.minus_button, self.plus_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedSize(MIN_BUTTON, MIN_BUTTON)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.quantity_label)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.total_label)
        buttons = QHBoxLayout(self.controls)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        buttons.addWidget(self.unit_label, 1)
        buttons.addWidget(self.minus_button)
        buttons.addWidget(self.plus_button)
        buttons.addSpacing(6)
        buttons.addWidget(self.remove_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 4, 4)
        box.setSpacing(2)
        box.addLayout(top)
        box.addWidget(self.controls)
        self.controls.hide()

    def show_line(self, line: CartLine, unit: str, total: str, selected: bool) -> None:
        """Show ``line`` (prices already written in the UI's style)."""
        self.quantity_label.setText(f"{line.quantity} ×")
        self.name_label.setText(line.name)
        self.unit_label.setText(unit)
        self.total_label.setText(total)
        self.controls.setVisible(selected)
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            self.style().unpolish(self)
            self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
        event.accept()

    def apply_scale(self, scale: float) -> None:
        """Fonts and touch sizes for a window ``scale`` times 1024×600."""
        set_pixels(self.quantity_label, 16 * scale)
        set_pixels(self.name_label, 16 * scale, bold=True)
        set_pixels(self.unit_label, 14 * scale)
        set_pixels(self.total_label, 16 * scale, bold=True)
        size = max(MIN_BUTTON, round(MIN_BUTTON * scale))
        for button in (self.minus_button, self.plus_button, self.remove_button):
            set_pixels(button, 20 * scale, bold=True)
            button.setFixedSize(size, size)


class CartView(Retranslatable, QWidget):
    """The cart's lines (scrolling when many) under its size and an "Empty" button."""

    #: (line index, +1 or -1): one more or one less of a line.
    step_requested = Signal(int, int)
    #: The line at this index is to go.
    remove_requested = Signal(int)
    #: The "Empty the cart" button.
    empty_requested = Signal()
    #: A line was tapped: it becomes the selected one.
    select_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartView")
        self.setStyleSheet(_STYLE)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("cartCountLabel")
        self.empty_button = QPushButton(self)
        self.empty_button.setObjectName("emptyCartButton")
        self.empty_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty_button.clicked.connect(self.empty_requested)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("cartEmptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._lines = QWidget()
        self._lines.setObjectName("cartLines")
        self._box = QVBoxLayout(self._lines)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(0)
        self._box.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self._lines)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.count_label, 1)
        head.addWidget(self.empty_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(head)
        box.addWidget(self.scroll, 1)
        box.addWidget(self.empty_label)
        self.rows: list[CartRow] = []
        self._cart = Cart()
        self._selected = -1
        self._money: Callable[[Decimal], str] = str
        self._scale = 1.0
        self.retranslate()
        self._show()

    # -- what is shown ------------------------------------------------------------------

    @property
    def selected(self) -> int:
        """The index of the selected line (-1: none)."""
        return self._selected

    def set_cart(self, cart: Cart, selected: int, money: Callable[[Decimal], str]) -> None:
        """Show ``cart`` with line ``selected`` marked; ``money`` writes an amount."""
        self._cart = cart
        self._selected = selected if 0 <= selected < len(cart) else -1
        self._money = money
        self._show()

    def _show(self) -> None:
        cart = self._cart
        while len(self.rows) < len(cart):
            self._add_row()
        for n, row in enumerate(self.rows):
            if n < len(cart):
                line = cart.lines[n]
                unit = self.tr("{price} each").format(price=self._money(line.unit_price))
                row.show_line(line, unit, self._money(line.total), n == self._selected)
                row.show()
            else:
                row.hide()
        self._show_selected()
        # again once the lines are laid out: a row that just grew its − + ✕ is taller then
        QTimer.singleShot(0, self, self._show_selected)
        count = cart.count
        if not count:
            self.count_label.setText("")
        elif count == 1:
            self.count_label.setText(self.tr("1 item"))
        else:
            self.count_label.setText(self.tr("{count} items").format(count=count))
        self.empty_button.setVisible(bool(len(cart)))
        self.scroll.setVisible(bool(len(cart)))
        self.empty_label.setVisible(not len(cart))

    @Slot()
    def _show_selected(self) -> None:
        """The selected line scrolled into sight, its − + ✕ buttons too."""
        if 0 <= self._selected < len(self._cart):
            self.scroll.ensureWidgetVisible(self.rows[self._selected], 0, 0)

    def _add_row(self) -> None:
        row = CartRow(self._lines)
        n = len(self.rows)
        row.minus_button.clicked.connect(lambda: self.step_requested.emit(n, -1))
        row.plus_button.clicked.connect(lambda: self.step_requested.emit(n, +1))
        row.remove_button.clicked.connect(lambda: self.remove_requested.emit(n))
        row.tapped.connect(lambda: self.select_requested.emit(n))
        row.apply_scale(self._scale)
        self._box.insertWidget(n, row)
        self.rows.append(row)
        self._name_row(row)

    def line_texts(self) -> list[tuple[str, str, str]]:
        """(name, quantity, total) of each line shown, as on screen."""
        return [
            (row.name_label.full_text(), str(line.quantity), row.total_label.text())
            for row, line in zip(self.rows, self._cart.lines, strict=False)
        ]

    # -- language and size -------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the UI language (again on LanguageChange)."""
        self.setAccessibleName(self.tr("Cart"))
        self.empty_button.setText(self.tr("Empty the cart"))
        self.empty_label.setText(
            self.tr("Tap an item, scan its barcode or press {key} to find it.").format(
                key=key_name("F4")
            )
        )
        for row in self.rows:
            self._name_row(row)
        self._show()

    def _name_row(self, row: CartRow) -> None:
        row.minus_button.setAccessibleName(self.tr("One less"))
        row.plus_button.setAccessibleName(self.tr("One more"))
        row.remove_button.setAccessibleName(self.tr("Remove the line"))
        row.minus_button.setToolTip(self.tr("One less"))
        row.plus_button.setToolTip(self.tr("One more"))
        row.remove_button.setToolTip(self.tr("Remove the line"))

    def apply_scale(self, scale: float) -> None:
        """Fonts and touch sizes for a window ``scale`` times 1024×600."""
        self._scale = scale
        set_pixels(self.count_label, 15 * scale, bold=True)
        set_pixels(self.empty_button, 15 * scale)
        set_pixels(self.empty_label, 16 * scale)
        self.empty_button.setMinimumHeight(max(36, round(36 * scale)))
        for row in self.rows:
            row.apply_scale(scale)
