"""The cashier screen's end pages: (d) PAID and (e) a problem with its wording.

:func:`~hpos.ui.cashier.wording.problem_wording` says, for each state that did
not end PAID, what went wrong and the one safe next step; :class:`ProblemPage`
shows it. Widgets only: :class:`~hpos.ui.cashier.screen.CashierScreen` decides when they show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from hpos.sales.states import SaleState
from hpos.ui.cashier.wording import Wording, problem_wording
from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name
from hpos.ui.widgets.style import FitLabel, big_button, set_pixels, wrapping_label
from hpos.ui.widgets.wrap import WrapAnywhereLabel

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import Sale

__all__ = ["PaidPage", "ProblemPage", "Wording", "problem_wording"]

S = SaleState


class PaidPage(Retranslatable, QWidget):
    """(d) The whole page a big green confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paidPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title_label = FitLabel("", self, bold=True)  # "✔ PAYÉ EN RETARD" shrinks to fit
        self.title_label.setObjectName("paidTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount_label = FitLabel("", self, bold=True)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = WrapAnywhereLabel("", self, max_lines=2)  # a long product name
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_sale_button = big_button("", "newSaleButton", self)
        self._late = False
        # receipts (hpos.ui.receipts.actions): the main window connects it
        self.print_button = big_button("Print receipt", "printReceiptButton", self)
        self.countdown_label = QLabel("", self)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_sale_button, 2)
        buttons.addWidget(self.print_button, 1)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addStretch(2)
        box.addWidget(self.title_label)
        box.addWidget(self.amount_label)
        box.addWidget(self.detail_label)
        box.addStretch(2)
        box.addLayout(buttons)
        box.addWidget(self.countdown_label)
        box.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts that do not depend on the sale, in the UI language (again on LanguageChange)."""
        self.title_label.setText(self.tr("✔ PAID LATE") if self._late else self.tr("✔ PAID"))
        self.new_sale_button.setText(self.tr("New sale"))
        self.new_sale_button.setAccessibleName(self.tr("New sale"))
        self.new_sale_button.setToolTip(self.tr("New sale ({key})").format(key=key_name("Return")))
        self.print_button.setText(self.tr("Print receipt"))
        self.print_button.setAccessibleName(self.tr("Print receipt"))
        self.print_button.setToolTip(
            self.tr("Print receipt ({key})").format(key=key_name("Ctrl+P"))
        )

    def show_sale(self, sale: Sale, money: str) -> None:
        """PAID (or PAID LATE), the amount and what was sold."""
        self._late = sale.paid_late
        self.title_label.setText(self.tr("✔ PAID LATE") if sale.paid_late else self.tr("✔ PAID"))
        self.amount_label.setText(money)
        self.detail_label.setText(
            self.tr("{product} · Sale {number}").format(
                product=sale.product, number=sale.sale_number
            )
        )

    def set_countdown(self, seconds: int | None, *, paused: bool = False) -> None:
        """Seconds until the automatic new sale (None: no automatic return); ``paused``
        while a dialog is open over the window (the countdown waits for it to close)."""
        enter = key_name("Return")
        if seconds is None:
            text = self.tr("Press {key} for a new sale").format(key=enter)
        elif paused:
            text = self.tr(
                "New sale in {seconds} s, paused while a window is open · press {key} to start now"
            ).format(seconds=seconds, key=enter)
        else:
            text = self.tr("New sale in {seconds} s · press {key} to start now").format(
                seconds=seconds, key=enter
            )
        self.countdown_label.setText(text)

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        self.title_label.set_pixel_range(round(40 * scale), round(120 * scale))
        self.amount_label.set_pixel_range(round(28 * scale), round(64 * scale))
        set_pixels(self.detail_label, 22 * scale)
        set_pixels(self.new_sale_button, 26 * scale, bold=True)
        self.new_sale_button.setMinimumHeight(round(72 * scale))
        set_pixels(self.print_button, 20 * scale, bold=True)
        self.print_button.setMinimumHeight(round(72 * scale))
        set_pixels(self.countdown_label, 16 * scale)


class ProblemPage(QWidget):
    """(e) A sale that did not end PAID: clear words and one safe next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemPage")
        self.band = QFrame(self)
        self.band.setObjectName("problemBand")
        self.title_label = QLabel("", self.band)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        band_box = QVBoxLayout(self.band)
        band_box.setContentsMargins(16, 14, 16, 14)
        band_box.addWidget(self.title_label)
        self.body_label = wrapping_label("", self, "problemBody")
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sale_label = WrapAnywhereLabel("", self, max_lines=2)  # a long product name
        self.sale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = wrapping_label("", self)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.primary_button = big_button(self.tr("New sale"), "problemPrimary", self)
        self.secondary_button = big_button(self.tr("New sale"), "problemSecondary", self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.primary_button, 3)
        buttons.addWidget(self.secondary_button, 3)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 20, 32, 20)
        box.setSpacing(12)
        box.addWidget(self.band)
        box.addStretch(1)
        box.addWidget(self.body_label)
        box.addWidget(self.progress)
        box.addWidget(self.sale_label)
        box.addWidget(self.detail_label)
        box.addStretch(2)
        box.addLayout(buttons)
        self.wording: Wording | None = None

    def show_wording(self, wording: Wording) -> None:
        """Title, body, colour and buttons of one problem."""
        self.wording = wording
        self.title_label.setText(wording.title)
        self.body_label.setText(wording.body)
        self.band.setStyleSheet(f"#problemBand {{ background: {wording.tone}; }}")
        self.primary_button.setText(wording.primary_text)
        self.primary_button.setAccessibleName(wording.primary_text)
        self.secondary_button.setVisible(wording.secondary_text is not None)
        if wording.secondary_text is not None:
            self.secondary_button.setText(wording.secondary_text)
            self.secondary_button.setAccessibleName(wording.secondary_text)
        self.progress.setVisible(wording.primary == "check")

    def show_sale(self, sale: Sale, wording: Wording, money: str) -> None:
        """The wording of the sale's state, the sale itself and HPAY's own words."""
        self.show_wording(wording)
        self.sale_label.setText(
            self.tr("Sale {number} · {amount} · {product}").format(
                number=sale.sale_number, amount=money, product=sale.product
            )
        )
        detail = sale.last_error or ""
        if sale.state is S.FAILED and detail:
            detail = self.tr("Details: {detail}").format(detail=detail)
        self.detail_label.setText(detail if sale.state is not S.CANCELLED else "")

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.title_label, 40 * scale, bold=True)
        set_pixels(self.body_label, 24 * scale)
        set_pixels(self.sale_label, 20 * scale, bold=True)
        set_pixels(self.detail_label, 15 * scale)
        self.progress.setFixedHeight(round(12 * scale))
        for button in (self.primary_button, self.secondary_button):
            set_pixels(button, 22 * scale, bold=True)
            button.setMinimumHeight(round(64 * scale))
