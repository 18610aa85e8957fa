"""The cashier screen's page (c): the QR code to scan while the customer pays.

Widgets only: :class:`~hpos.ui.cashier.screen.CashierScreen` fills the page from the
current sale and wires its Copy link and Cancel buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.widgets.qr import QrWidget
from hpos.ui.widgets.style import FitLabel, big_button, set_pixels, wrapping_label
from hpos.ui.widgets.wrap import WrapAnywhereLabel

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import Sale


class PaymentPage(Retranslatable, QWidget):
    """(c) The QR code to scan, what it is for, time left, Copy link and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentPage")
        self.qr = QrWidget(self)
        qr_frame = QFrame(self)
        qr_frame.setObjectName("qrFrame")
        qr_box = QVBoxLayout(qr_frame)
        qr_box.setContentsMargins(0, 0, 0, 0)
        qr_box.addWidget(self.qr)
        self.title_label = QLabel(self)
        self.amount_label = FitLabel("", self, bold=True)
        self.amount_label.setObjectName("paymentAmount")
        # a long name wraps (anywhere) and never takes width from the QR
        self.product_label = WrapAnywhereLabel("", self, max_lines=3)
        self.sale_label = wrapping_label("", self)
        self.sale_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.time_left_label = QLabel("", self)
        self.banner = wrapping_label("", self, "connectionBanner")
        self.banner.hide()
        self.checked_label = wrapping_label("", self)
        self.copy_button = big_button("", "copyLinkButton", self)
        self.cancel_button = big_button("", "cancelButton", self)
        self._shown = True  # a QR is shown (else "No payment link to show")
        self._cancelling = False

        info = QVBoxLayout()
        info.setSpacing(8)
        info.addWidget(self.title_label)
        info.addWidget(self.amount_label)
        info.addWidget(self.product_label)
        info.addWidget(self.sale_label)
        info.addSpacing(6)
        info.addWidget(self.time_left_label)
        info.addWidget(self.banner)
        info.addWidget(self.checked_label)
        info.addStretch(1)
        info.addWidget(self.copy_button)
        info.addWidget(self.cancel_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(20)
        row.addWidget(qr_frame, 3)
        row.addLayout(info, 2)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts that do not depend on the sale, in the UI language (again on LanguageChange)."""
        self.title_label.setText(
            self.tr("Scan to pay") if self._shown else self.tr("No payment link to show")
        )
        self.copy_button.setText(self.tr("Copy link"))
        self.copy_button.setAccessibleName(self.tr("Copy link"))
        self.cancel_button.setText(
            self.tr("Cancelling…") if self._cancelling else self.tr("Cancel sale…")
        )
        self.cancel_button.setAccessibleName(self.tr("Cancel sale"))
        self.cancel_button.setToolTip(
            self.tr("Cancel this sale ({key})").format(key=key_name("Esc"))
        )

    def reset(self) -> None:
        """Fresh state for a sale newly shown: no banner, no stale check, buttons ready."""
        self.banner.hide()
        self.checked_label.clear()
        self.set_cancelling(False)
        self.copy_button.setText(self.tr("Copy link"))

    def show_sale(self, sale: Sale, money: str) -> None:
        """The sale's QR, amount, product, sale number and transaction id."""
        shown = self.qr.set_data(sale.checkout_url or "")
        self.copy_button.setEnabled(shown)
        self._shown = shown
        self.title_label.setText(
            self.tr("Scan to pay") if shown else self.tr("No payment link to show")
        )
        self.amount_label.setText(money)
        self.product_label.setText(sale.product)
        self.sale_label.setText(
            self.tr("Sale {number}\nTransaction {transaction}").format(
                number=sale.sale_number, transaction=sale.transaction_id or "—"
            )
        )

    def set_time_left(self, seconds: int) -> None:
        """The countdown to the link's expiry."""
        if seconds > 0:
            self.time_left_label.setText(
                self.tr("Time left {time}").format(time=f"{seconds // 60}:{seconds % 60:02d}")
            )
        else:
            self.time_left_label.setText(self.tr("The link is expiring…"))

    def set_cancelling(self, cancelling: bool) -> None:
        """Cancel button while a cancel is on its way (disabled) or not."""
        self._cancelling = cancelling
        self.cancel_button.setEnabled(not cancelling)
        self.cancel_button.setText(
            self.tr("Cancelling…") if cancelling else self.tr("Cancel sale…")
        )

    def show_copied(self) -> None:
        """Feedback on the Copy link button for two seconds."""
        self.copy_button.setText(self.tr("Link copied"))
        QTimer.singleShot(2000, self, lambda: self.copy_button.setText(self.tr("Copy link")))

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.title_label, 34 * scale, bold=True)
        self.amount_label.set_pixel_range(round(24 * scale), round(64 * scale))
        set_pixels(self.product_label, 22 * scale)
        set_pixels(self.sale_label, 15 * scale)
        set_pixels(self.time_left_label, 22 * scale, bold=True)
        set_pixels(self.banner, 17 * scale)
        set_pixels(self.checked_label, 14 * scale)
        for button in (self.copy_button, self.cancel_button):
            set_pixels(button, 20 * scale, bold=True)
            button.setMinimumHeight(round(56 * scale))
