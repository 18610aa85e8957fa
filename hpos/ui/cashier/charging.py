"""The cashier screen's page (b) charging: waiting for HPAY's checkout link.

Widgets only: :class:`~hpos.ui.cashier.screen.CashierScreen` fills it and decides when
it shows; it scales its fonts with the window (:meth:`ChargingPage.apply_scale`). Built
after the window's first paint, or when first needed (apart from the entry page, start-up
speed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from hpos.ui.i18n import Retranslatable
from hpos.ui.widgets.style import FitLabel, set_pixels, wrapping_label
from hpos.ui.widgets.wrap import WrapAnywhereLabel


class ChargingPage(Retranslatable, QWidget):
    """(b) Waiting for HPAY's checkout link; nothing to press."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chargingPage")
        self.amount_label = FitLabel("", self)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = wrapping_label("", self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.sale_label = WrapAnywhereLabel("", self, max_lines=2)  # a long product name
        self.sale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = wrapping_label("", self)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.addStretch(2)
        box.addWidget(self.amount_label)
        box.addSpacing(12)
        box.addWidget(self.message_label)
        box.addSpacing(12)
        box.addWidget(self.progress)
        box.addWidget(self.sale_label)
        box.addWidget(self.note_label)
        box.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        """Static texts in the UI language (again on LanguageChange)."""
        self.message_label.setText(self.tr("Asking HPAY for a payment link…"))
        self.progress.setAccessibleName(self.tr("Working"))
        self.note_label.setText(
            self.tr("Please wait. The customer does not need to do anything yet.")
        )

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        self.amount_label.set_pixel_range(round(28 * scale), round(80 * scale))
        set_pixels(self.message_label, 30 * scale, bold=True)
        set_pixels(self.sale_label, 18 * scale)
        set_pixels(self.note_label, 18 * scale)
        self.progress.setFixedHeight(round(14 * scale))
