"""The cashier screen's first page: (a) amount entry (the keypad, product and Charge).

Widgets only: :class:`~hpos.ui.cashier.screen.CashierScreen` fills it and decides
when it shows; it scales its fonts with the window (:meth:`apply_scale`). The next
pages ((b) charging in :mod:`hpos.ui.cashier.charging`, then payment, PAID, problem)
are imported and built after the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.typed_amount import AmountRefused
from hpos.ui.cashier.keypad import Keypad
from hpos.ui.cashier.refusals import refusal_hint
from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.widgets.style import FitLabel, big_button, set_pixels, wrapping_label


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
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(20)
        row.addLayout(left, 3)
        row.addWidget(self.keypad, 2)
        self.setFocusProxy(self.amount_display)
        # the refusal the hint line shows, and the language it was said in
        self._refusal: tuple[AmountRefused, str | None, str] | None = None
        self.retranslate()

    def show_refusal(self, refused: AmountRefused, language: str | None = None) -> None:
        """Say on the hint line why the amount entry refused a key (or cannot charge)."""
        text = refusal_hint(refused, language)
        self._refusal = (refused, language, text)
        self.hint_label.setText(text)

    def retranslate(self) -> None:
        """Static texts in the UI language (again on LanguageChange)."""
        if self._refusal is not None and self.hint_label.text() == self._refusal[2]:
            self.show_refusal(*self._refusal[:2])  # still on screen: say it in the new language
        self.amount_display.setAccessibleName(self.tr("Amount to charge"))
        self.product_edit.setAccessibleName(self.tr("Product"))
        self.description_edit.setPlaceholderText(self.tr("Optional"))
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.charge_button.setText(self.tr("Charge"))
        self.charge_button.setAccessibleName(self.tr("Charge"))
        self.charge_button.setToolTip(self.tr("Charge ({key})").format(key=key_name("Return")))
        self._product_caption.setText(self.tr("Product"))
        self._description_caption.setText(self.tr("Description"))

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
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
