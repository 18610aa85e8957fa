"""The cashier screen's first page: (a) amount entry (the keypad, product and Charge).

Widgets only: :class:`~hpos.ui.cashier.screen.CashierScreen` fills it and decides
when it shows; it scales its fonts with the window (:meth:`apply_scale`). The next
pages ((b) charging in :mod:`hpos.ui.cashier.charging`, then payment, PAID, problem)
are imported and built after the window's first paint.

With a catalogue (:meth:`EntryPage.catalogue_parts`, built when the first non-empty one
arrives, never at start-up) the page has three parts side by side: the quick keys (or the
F4 search in their place), the middle column with the amount (the cart's total) above the
cart, and the keypad under the typed amount and its "Add" key (a free "Misc." line).
Without one it is the amount, the fields and the keypad, as it always was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.typed_amount import AmountRefused
from hpos.ui.cashier.keypad import Keypad
from hpos.ui.cashier.refusals import refusal_hint
from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.widgets.style import FitLabel, big_button, set_pixels, wrapping_label

if TYPE_CHECKING:  # built with the first catalogue (after the first paint)
    from hpos.ui.cashier.cart import CartView
    from hpos.ui.cashier.search import ItemSearch
    from hpos.ui.cashier.tiles import QuickKeys


class CatalogueParts:
    """The widgets a catalogue adds to the entry page (see the module's doc)."""

    def __init__(self, page: QWidget) -> None:
        # imported here: a shop without a catalogue never loads them (start-up speed)
        from hpos.ui.cashier.cart import CartView
        from hpos.ui.cashier.search import ItemSearch
        from hpos.ui.cashier.tiles import QuickKeys

        self.side = QStackedWidget(page)
        self.side.setObjectName("quickKeysSide")
        self.quick_keys: QuickKeys = QuickKeys(self.side)
        self.search: ItemSearch = ItemSearch(self.side)
        self.side.addWidget(self.quick_keys)
        self.side.addWidget(self.search)
        self.cart_view: CartView = CartView(page)
        self.typed_label = FitLabel("", page)
        self.typed_label.setObjectName("typedAmountLabel")
        self.typed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.typed_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.add_button = QPushButton(page)
        self.add_button.setObjectName("addAmountButton")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def searching(self) -> bool:
        """The F4 search shows in place of the quick keys."""
        return self.side.currentWidget() is self.search

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        self.quick_keys.apply_scale(scale)
        self.search.apply_scale(scale)
        self.cart_view.apply_scale(scale)
        self.typed_label.set_pixel_range(round(16 * scale), round(26 * scale))
        set_pixels(self.add_button, 22 * scale, bold=True)
        self.add_button.setMinimumSize(round(96 * scale), max(56, round(56 * scale)))


class EntryPage(Retranslatable, QWidget):
    """(a) The amount, the keypad, product and description, and the Charge button."""

    def __init__(self, default_product: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryPage")
        self.status_label = QLabel(self.tr("Connecting to HPAY…"), self)
        self.status_label.setObjectName("statusLabel")
        self.amount_display = FitLabel("0", self)
        self.amount_display.setObjectName("amountDisplay")
        self.amount_display.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.amount_display.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.amount_display.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.hint_label = wrapping_label("", self, "hintLabel")
        self.product_edit = QLineEdit(default_product, self)
        self.product_edit.setObjectName("productEdit")
        self.product_edit.setPlaceholderText(default_product)
        self.product_edit.setMaxLength(100)
        self.description_edit = QLineEdit(self)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setMaxLength(200)
        self.charge_button = big_button("", "chargeButton", self)
        self.charge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = Keypad(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._product_caption = QLabel(self)
        self._description_caption = QLabel(self)
        form.addRow(self._product_caption, self.product_edit)
        form.addRow(self._description_caption, self.description_edit)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.status_label)
        left.addWidget(self.amount_display, 3)
        left.addWidget(self.hint_label)
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(self.charge_button)
        self._left = left
        self._pad = QVBoxLayout()
        self._pad.setSpacing(8)
        self._pad.addWidget(self.keypad, 1)
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(20)
        row.addLayout(left, 3)
        row.addLayout(self._pad, 2)
        self.parts: CatalogueParts | None = None  # the quick keys and the cart, when needed
        self._scale = 0.0
        self.setFocusProxy(self.amount_display)
        # the refusal the hint line shows, and the language it was said in
        self._refusal: tuple[AmountRefused, str | None, str] | None = None
        self._added: tuple[str, str] | None = None  # the item said added, and how
        self.retranslate()

    def catalogue_parts(self) -> CatalogueParts:
        """The quick keys, search, cart and Add key (built and laid out on first use)."""
        parts = self.parts
        if parts is None:
            parts = self.parts = CatalogueParts(self)
            self._row.insertWidget(0, parts.side, 4)
            self._left.insertWidget(2, parts.cart_view, 4)
            typed = QHBoxLayout()
            typed.setSpacing(8)
            typed.addWidget(parts.typed_label, 1)
            typed.addWidget(parts.add_button)
            self._pad.insertLayout(0, typed)
            if self._scale:
                parts.apply_scale(self._scale)
            self._retranslate_parts()
            self.set_catalogue_mode(False)
        return parts

    def set_catalogue_mode(self, on: bool) -> None:
        """Show the quick keys, the cart and the Add key (``on``), or the plain keypad."""
        parts = self.parts
        if parts is None:
            return
        for widget in (parts.side, parts.cart_view, parts.typed_label, parts.add_button):
            widget.setVisible(on)
        row, left = self._row, self._left
        row.setContentsMargins(*(12,) * 4 if on else (16,) * 4)
        row.setSpacing(12 if on else 20)
        row.setStretch(0, 4)
        row.setStretch(1, 4 if on else 3)
        row.setStretch(2, 3 if on else 2)
        left.setSpacing(6 if on else 10)
        left.setStretch(left.indexOf(self.amount_display), 1 if on else 3)
        for n in range(left.count()):  # the room above Charge goes to the cart's lines
            item = left.itemAt(n)
            if item is not None and item.spacerItem() is not None:
                left.setStretch(n, 0 if on else 1)
        self._fit_amount()
        self.amount_display.set_fit_height(on)  # kept short beside a cart: "0" whole, not cut
        self.status_label.setWordWrap(on)
        self.show_product(True)

    def show_product(self, shown: bool) -> None:
        """The product row (hidden while a cart names the product: more room for its lines)."""
        self._product_caption.setVisible(shown)
        self.product_edit.setVisible(shown)

    def _fit_amount(self) -> None:
        """The big amount: shorter beside a cart (its lines need the room)."""
        scale = self._scale or 1.0
        tall = round(84 * scale) if self.catalogue_mode else 16_777_215
        self.amount_display.setMaximumHeight(tall)

    @property
    def catalogue_mode(self) -> bool:
        """The quick keys and the cart show."""
        return self.parts is not None and not self.parts.side.isHidden()

    def show_hint(self, text: str, *, done: bool = False) -> None:
        """The hint line: a refusal or a problem (red), or what was just ``done`` (green)."""
        label = self.hint_label
        label.setText(text)
        if label.property("done") != done:
            label.setProperty("done", done)
            label.style().unpolish(label)
            label.style().polish(label)

    def show_refusal(self, refused: AmountRefused, language: str | None = None) -> None:
        """Say on the hint line why the amount entry refused a key (or cannot charge)."""
        text = refusal_hint(refused, language)
        self.show_hint(text)
        self._refusal = (refused, language, text)

    def show_added(self, name: str) -> None:
        """Say on the hint line that ``name`` went into the cart."""
        text = QCoreApplication.translate("CashierScreen", "Added {name}").format(name=name)
        self.show_hint(text, done=True)
        self._added = (name, text)

    def retranslate(self) -> None:
        """Static texts in the UI language (again on LanguageChange)."""
        shown = self.hint_label.text()  # still on screen: said again in the new language
        if self._refusal is not None and shown == self._refusal[2]:
            self.show_refusal(*self._refusal[:2])
        elif self._added is not None and shown == self._added[1]:
            self.show_added(self._added[0])
        self.amount_display.setAccessibleName(self.tr("Amount to charge"))
        self.product_edit.setAccessibleName(self.tr("Product"))
        self.description_edit.setPlaceholderText(self.tr("Optional"))
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.charge_button.setText(self.tr("Charge"))
        self.charge_button.setAccessibleName(self.tr("Charge"))
        self.charge_button.setToolTip(self.tr("Charge ({key})").format(key=key_name("Return")))
        self._product_caption.setText(self.tr("Product"))
        self._description_caption.setText(self.tr("Description"))
        self._retranslate_parts()

    def _retranslate_parts(self) -> None:
        parts = getattr(self, "parts", None)  # None also while __init__ runs
        if parts is None:
            return
        parts.add_button.setText(self.tr("Add"))
        parts.add_button.setAccessibleName(self.tr("Add the typed amount to the cart"))
        parts.add_button.setToolTip(self.tr("Add the typed amount to the cart"))
        parts.typed_label.setAccessibleName(self.tr("Amount typed"))

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        self._scale = scale
        if self.parts is not None:
            self.parts.apply_scale(scale)
        self._fit_amount()
        self.amount_display.set_pixel_range(round(28 * scale), round(96 * scale))
        set_pixels(self.status_label, 16 * scale)
        set_pixels(self.hint_label, 18 * scale, bold=True)
        for widget in (
            self.product_edit,
            self.description_edit,
            self._product_caption,
            self._description_caption,
        ):
            set_pixels(widget, 20 * scale)
        self.product_edit.setMinimumHeight(round(40 * scale))
        self.description_edit.setMinimumHeight(round(40 * scale))
        set_pixels(self.charge_button, 30 * scale, bold=True)
        self.charge_button.setMinimumHeight(round(76 * scale))
        self.keypad.set_key_font_pixels(round(30 * scale))
