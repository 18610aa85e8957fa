"""The pages of the cashier screen and their wording (widgets only, no logic).

:class:`~hpos.ui.cashier.CashierScreen` stacks these pages and decides which
one shows; each page here only lays out its widgets and scales its fonts with
the window (:meth:`apply_scale`, 1.0 at 1024×600). Every page uses layouts
with stretch so that it fills anything from 1024×600 to 1920×1080.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui.keypad import Keypad
from hpos.ui.qr_widget import QrWidget

S = SaleState

GREEN = "#1e7e34"
RED = "#b3261e"
AMBER = "#9a5b00"
BLUE = "#1a5fb4"
GREY = "#4d5156"

#: The screen's style sheet; colours are set explicitly where meaning depends on them.
STYLE = f"""
#amountDisplay {{
    background: #ffffff; color: #111111;
    border: 2px solid #9aa0a6; border-radius: 10px; padding: 4px 16px;
}}
#amountDisplay:focus {{ border: 3px solid {BLUE}; }}
#amountDisplay[empty="true"] {{ color: #80868b; }}
#hintLabel {{ color: {RED}; }}
#chargeButton {{
    background: {GREEN}; color: #ffffff; border: none; border-radius: 10px; font-weight: bold;
}}
#chargeButton:disabled {{ background: #9aa0a6; color: #eeeeee; }}
#keypad QPushButton {{
    background: #f1f3f4; color: #111111; border: 1px solid #c4c7c5; border-radius: 10px;
}}
#keypad QPushButton:pressed {{ background: #d2e3fc; }}
#keypad #keyBackspace, #keypad #keyClear {{ background: #e8eaed; }}
#qrFrame {{ background: #ffffff; border: 1px solid #c4c7c5; border-radius: 6px; }}
#connectionBanner {{
    background: #fde293; color: #3c2a00; border-radius: 6px; padding: 8px; font-weight: bold;
}}
#paidPage {{ background: {GREEN}; }}
#paidPage QLabel {{ color: #ffffff; }}
#paidPage QPushButton {{
    background: #ffffff; color: {GREEN}; border: none; border-radius: 10px; font-weight: bold;
}}
#problemBand {{ border-radius: 10px; }}
#problemBand QLabel {{ color: #ffffff; }}
#noticeBar {{ background: #fff4d6; border: 1px solid #e3b341; border-radius: 6px; }}
#noticeBar QLabel {{ color: #3c2a00; }}
#cancelButton {{ color: {RED}; }}
"""


def set_pixels(widget: QWidget, pixels: float, *, bold: bool | None = None) -> None:
    """Give ``widget`` a font of ``pixels`` pixels (at least 11)."""
    font = QFont(widget.font())
    font.setPixelSize(max(11, round(pixels)))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    """A large push button with an accessible name."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    button.setMinimumHeight(56)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class FitLabel(QLabel):
    """A one-line label whose font shrinks (never grows past ``max_pixels``) to fit its width."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, bold: bool = False
    ) -> None:
        super().__init__(text, parent)
        self._max_pixels = 48
        self._min_pixels = 14
        self._bold = bold
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fit()

    def set_pixel_range(self, min_pixels: int, max_pixels: int) -> None:
        """Font size bounds, in pixels."""
        self._min_pixels, self._max_pixels = min_pixels, max(min_pixels, max_pixels)
        self._fit()
        self.updateGeometry()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.Show):
            self._fit()  # a style sheet changes the margins without a resize
        return handled

    def sizeHint(self) -> QSize:
        font = QFont(self.font())
        font.setPixelSize(self._max_pixels)
        margins = self.contentsMargins()
        height = QFontMetrics(font).height() + margins.top() + margins.bottom()
        return QSize(120, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def _fit(self) -> None:
        margins = self.contentsMargins()
        # a little slack: a focus border may be a pixel wider than the normal one
        room = self.width() - margins.left() - margins.right() - 2 * self.margin() - 8
        font = QFont(self.font())
        font.setBold(self._bold)
        lo, hi = self._min_pixels, self._max_pixels
        while lo < hi:  # largest size that fits
            mid = (lo + hi + 1) // 2
            font.setPixelSize(mid)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= room:
                lo = mid
            else:
                hi = mid - 1
        font.setPixelSize(lo)
        if font != self.font():
            self.setFont(font)


def _wrapping(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class EntryPage(QWidget):
    """(a) The amount, the keypad, product and description, and the Charge button."""

    def __init__(self, default_product: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryPage")
        self.status_label = QLabel("Connecting to HPAY…", self)
        self.status_label.setObjectName("statusLabel")
        self.amount_display = FitLabel("0", self)
        self.amount_display.setObjectName("amountDisplay")
        self.amount_display.setAccessibleName("Amount to charge")
        self.amount_display.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.amount_display.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.amount_display.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.hint_label = _wrapping("", self, "hintLabel")
        self.product_edit = QLineEdit(default_product, self)
        self.product_edit.setObjectName("productEdit")
        self.product_edit.setPlaceholderText(default_product)
        self.product_edit.setAccessibleName("Product")
        self.product_edit.setMaxLength(100)
        self.description_edit = QLineEdit(self)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setPlaceholderText("Optional")
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setMaxLength(200)
        self.charge_button = big_button("Charge", "chargeButton", self)
        self.charge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.charge_button.setToolTip("Charge (Enter)")
        self.keypad = Keypad(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._product_caption = QLabel("Product", self)
        self._description_caption = QLabel("Description", self)
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


class ChargingPage(QWidget):
    """(b) Waiting for HPAY's checkout link; nothing to press."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chargingPage")
        self.amount_label = FitLabel("", self)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = _wrapping("Asking HPAY for a payment link…", self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Working")
        self.sale_label = QLabel("", self)
        self.sale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = _wrapping(
            "Please wait. The customer does not need to do anything yet.", self
        )
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

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        self.amount_label.set_pixel_range(round(28 * scale), round(80 * scale))
        set_pixels(self.message_label, 30 * scale, bold=True)
        set_pixels(self.sale_label, 18 * scale)
        set_pixels(self.note_label, 18 * scale)
        self.progress.setFixedHeight(round(14 * scale))


class PaymentPage(QWidget):
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
        self.title_label = QLabel("Scan to pay", self)
        self.amount_label = FitLabel("", self, bold=True)
        self.amount_label.setObjectName("paymentAmount")
        self.product_label = _wrapping("", self)
        self.sale_label = _wrapping("", self)
        self.sale_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.time_left_label = QLabel("", self)
        self.banner = _wrapping("", self, "connectionBanner")
        self.banner.hide()
        self.checked_label = _wrapping("", self)
        self.copy_button = big_button("Copy link", "copyLinkButton", self)
        self.cancel_button = big_button("Cancel sale…", "cancelButton", self)
        self.cancel_button.setToolTip("Cancel this sale (Esc)")

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

    def reset(self) -> None:
        """Fresh state for a sale newly shown: no banner, no stale check, buttons ready."""
        self.banner.hide()
        self.checked_label.clear()
        self.set_cancelling(False)
        self.copy_button.setText("Copy link")

    def show_sale(self, sale: Sale, money: str) -> None:
        """The sale's QR, amount, product, sale number and transaction id."""
        shown = self.qr.set_data(sale.checkout_url or "")
        self.copy_button.setEnabled(shown)
        self.title_label.setText("Scan to pay" if shown else "No payment link to show")
        self.amount_label.setText(money)
        self.product_label.setText(sale.product)
        self.sale_label.setText(
            f"Sale {sale.sale_number}\nTransaction {sale.transaction_id or '—'}"
        )

    def set_time_left(self, seconds: int) -> None:
        """The countdown to the link's expiry."""
        if seconds > 0:
            self.time_left_label.setText(f"Time left {seconds // 60}:{seconds % 60:02d}")
        else:
            self.time_left_label.setText("The link is expiring…")

    def set_cancelling(self, cancelling: bool) -> None:
        """Cancel button while a cancel is on its way (disabled) or not."""
        self.cancel_button.setEnabled(not cancelling)
        self.cancel_button.setText("Cancelling…" if cancelling else "Cancel sale…")

    def show_copied(self) -> None:
        """Feedback on the Copy link button for two seconds."""
        self.copy_button.setText("Link copied")
        QTimer.singleShot(2000, self, lambda: self.copy_button.setText("Copy link"))

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


class PaidPage(QWidget):
    """(d) The whole page a big green confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paidPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title_label = QLabel("✔ PAID", self)
        self.title_label.setObjectName("paidTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount_label = FitLabel("", self, bold=True)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = _wrapping("", self)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_sale_button = big_button("New sale", "newSaleButton", self)
        self.new_sale_button.setToolTip("New sale (Enter)")
        self.countdown_label = QLabel("", self)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_sale_button, 2)
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

    def show_sale(self, sale: Sale, money: str) -> None:
        """PAID (or PAID LATE), the amount and what was sold."""
        self.title_label.setText("✔ PAID LATE" if sale.paid_late else "✔ PAID")
        self.amount_label.setText(money)
        self.detail_label.setText(f"{sale.product} · Sale {sale.sale_number}")

    def set_countdown(self, seconds: int | None) -> None:
        """Seconds until the automatic new sale (None: no automatic return)."""
        if seconds is None:
            self.countdown_label.setText("Press Enter for a new sale")
        else:
            self.countdown_label.setText(f"New sale in {seconds} s · press Enter to start now")

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.title_label, 120 * scale, bold=True)
        self.amount_label.set_pixel_range(round(28 * scale), round(64 * scale))
        set_pixels(self.detail_label, 22 * scale)
        set_pixels(self.new_sale_button, 26 * scale, bold=True)
        self.new_sale_button.setMinimumHeight(round(72 * scale))
        set_pixels(self.countdown_label, 16 * scale)


@dataclass(frozen=True)
class Wording:
    """What the problem page says for one state, and what the cashier can do next."""

    title: str
    body: str
    tone: str  # background colour of the title band
    primary: str  # action of the primary button: "retry" | "new_sale" | "check"
    primary_text: str
    secondary_text: str | None  # always "new sale" when present


def problem_wording(state: SaleState, expiry_minutes: int) -> Wording:
    """The wording of the problem page for a sale in ``state``."""
    if state is S.FAILED:
        return Wording(
            "Payment not created",
            "HPAY refused this payment or never received it. Nothing was charged. "
            "Safe to try again.",
            RED,
            "retry",
            "Try again",
            "New sale",
        )
    if state is S.EXPIRED:
        return Wording(
            "Payment link expired",
            f"No payment within {expiry_minutes} minutes, so the link is no longer shown. "
            "If the customer pays now, HPOS will still see it and mark the sale PAID LATE.",
            AMBER,
            "new_sale",
            "New sale",
            None,
        )
    if state is S.UNKNOWN:
        return Wording(
            "Checking the payment…",
            "Checking whether the payment went through: HPAY did not answer in time. "
            "Do not charge again. HPOS is looking for this payment in HPAY's history.",
            BLUE,
            "check",
            "Check now",
            "New sale",
        )
    if state is S.REVIEW:
        return Wording(
            "A manager must check this sale",
            "Several payments match this sale in HPAY. Do not charge again: "
            "ask a manager to choose the right one in History.",
            AMBER,
            "new_sale",
            "New sale",
            None,
        )
    if state is S.CANCELLED:
        return Wording(
            "Sale cancelled",
            "Nothing to pay. If the customer pays anyway, HPOS will still see it "
            "and mark the sale PAID LATE.",
            GREY,
            "new_sale",
            "New sale",
            None,
        )
    return Wording(
        "Sale needs attention",
        "This sale is being looked after. It stays in the journal.",
        GREY,
        "new_sale",
        "New sale",
        None,
    )


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
        self.body_label = _wrapping("", self, "problemBody")
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sale_label = _wrapping("", self)
        self.sale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = _wrapping("", self)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.primary_button = big_button("New sale", "problemPrimary", self)
        self.secondary_button = big_button("New sale", "problemSecondary", self)
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
        self.sale_label.setText(f"Sale {sale.sale_number} · {money} · {sale.product}")
        detail = sale.last_error or ""
        if sale.state is S.FAILED and detail:
            detail = f"Details: {detail}"
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


class NoticeBar(QFrame):
    """A small non-blocking notice above the pages (e.g. "Sale X was paid late")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.close_button = QPushButton("✕", self)
        self.close_button.setAccessibleName("Dismiss the notice")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.hide()

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.label, 16 * scale, bold=True)
        set_pixels(self.close_button, 16 * scale)
        self.close_button.setMinimumSize(round(40 * scale), round(40 * scale))
