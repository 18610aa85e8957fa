"""The customer display's window: what the customer sees, page by page.

:func:`view_for` maps the cashier screen's page and sale to a view: IDLE (the
shop name), WAIT ("One moment"), AWAITING (amount, a large QR, time left; a cart
sale's lines in place of its product name, :mod:`hpos.ui.customer.lines`), PAID
("Paid — thank you") or MESSAGE (a short neutral message: PAID LATE, failure,
expiry, cancel). PAID and MESSAGE go back to IDLE after :data:`HOLD_SECONDS`.
A TEST banner shows in TEST mode. The window never takes the keyboard focus: it
does not accept focus, is shown without activating, and hands activation back
to the cashier's window if a platform (or a customer's tap) activates it anyway.
Where it opens is :mod:`hpos.ui.customer.display`'s business.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui.customer.lines import CartLinesView
from hpos.ui.money import format_money
from hpos.ui.widgets.qr import QrWidget
from hpos.ui.widgets.style import GREEN, FitLabel, set_pixels, wrapping_label
from hpos.ui.widgets.wrap import WrapAnywhereLabel

#: What the customer sees.
IDLE, WAIT, AWAITING, PAID, MESSAGE = "idle", "wait", "awaiting", "paid", "message"
#: Seconds "Paid — thank you" or a message stays before the display goes idle.
HOLD_SECONDS: float = 8

_STYLE = f"""
#customerDisplay {{ background: #ffffff; }}
#customerDisplay QLabel {{ color: #111111; }}
#customerDisplay #customerTestBanner {{ background: #b71c1c; color: #ffffff; }}
#customerPaid {{ background: {GREEN}; }}
#customerPaid QLabel {{ color: #ffffff; }}
"""


def view_for(page: str, sale: Sale | None) -> str:
    """What the customer sees while the cashier screen shows ``page`` for ``sale``."""
    if page == "charging":
        return WAIT
    if page == "payment" and sale is not None and sale.state is SaleState.AWAITING:
        return AWAITING if sale.checkout_url else WAIT
    if page == "paid" and sale is not None and sale.state is SaleState.PAID:
        return MESSAGE if sale.paid_late else PAID
    if page == "problem":
        return MESSAGE
    return IDLE


def utcnow() -> datetime:
    """Now, timezone-aware (UTC)."""
    return datetime.now(UTC)


def _label(parent: QWidget, fit: bool = False) -> QLabel:
    label = FitLabel("", parent, bold=True) if fit else wrapping_label("", parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class CustomerDisplay(QWidget):
    """The window the customer faces (frameless, full-screen, never focused)."""

    def __init__(
        self,
        *,
        shop_name: str = "",
        expiry_seconds: float = 900.0,
        focus_owner: QWidget | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(None, flags)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(_STYLE)
        self._shop = shop_name
        self._expiry = timedelta(seconds=expiry_seconds)
        self._focus_owner = focus_owner
        self._clock = clock
        self._page, self._sale, self._view = "entry", None, IDLE

        self.test_banner = QLabel(self)
        self.test_banner.setObjectName("customerTestBanner")
        self.test_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.test_banner.hide()
        self._stack = QStackedWidget(self)
        idle, self.shop_label, self.welcome_label = self._page_with(2)
        wait, self.wait_label = self._page_with(1)
        message, self.message_label = self._page_with(1)
        paid, self.paid_label, self.paid_amount_label = self._page_with(2, fit=True)
        paid.setObjectName("customerPaid")
        paid.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        pay = QWidget(self)
        self.qr = QrWidget(pay)
        self.title_label, self.time_left_label = _label(pay), _label(pay)
        self.amount_label = _label(pay, fit=True)
        # a long name wraps (anywhere) and never takes width from the QR
        self.product_label = WrapAnywhereLabel("", pay, max_lines=3)
        self.product_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        #: A cart sale's lines, in place of its product name.
        self.lines_view = CartLinesView(pay)
        info = QVBoxLayout()
        info.addStretch(1)
        for label in (self.title_label, self.amount_label, self.product_label):
            info.addWidget(label)
        info.addWidget(self.lines_view)
        info.addSpacing(24)
        info.addWidget(self.time_left_label)
        info.addStretch(1)
        row = QHBoxLayout(pay)
        row.setContentsMargins(24, 24, 32, 24)
        row.setSpacing(32)
        row.addWidget(self.qr, 3)
        row.addLayout(info, 2)
        self._pages = {IDLE: idle, WAIT: wait, AWAITING: pay, PAID: paid, MESSAGE: message}
        for page in self._pages.values():
            self._stack.addWidget(page)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.test_banner)
        box.addWidget(self._stack, 1)

        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.show_idle)
        self._second = QTimer(self)
        self._second.setInterval(500)
        self._second.timeout.connect(self._refresh_time_left)
        self.retranslate()
        self._apply_scale()

    def _page_with(self, count: int, *, fit: bool = False) -> tuple[Any, ...]:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(48, 24, 48, 24)
        box.addStretch(1)
        labels = [_label(page, fit) for _ in range(count)]
        for label in labels:
            box.addWidget(label)
        box.addStretch(1)
        return (page, *labels)

    # -- state ---------------------------------------------------------------------------

    def view(self) -> str:
        """What is shown: IDLE, WAIT, AWAITING, PAID or MESSAGE."""
        return self._view

    def texts(self) -> list[str]:
        """The texts the customer sees now, top to bottom (the banner first)."""
        page = self._stack.currentWidget()
        shown = [self.test_banner] if not self.test_banner.isHidden() else []
        labels = [w for w in page.findChildren(QLabel) if w.text() and not w.isHidden()]
        shown += sorted(labels, key=lambda w: w.mapTo(page, QPoint(0, 0)).y())
        return [label.text() for label in shown]

    def follow(self, page: str, sale: Sale | None) -> None:
        """The cashier screen now shows ``page`` for ``sale``."""
        self._page, self._sale = page, sale
        view = view_for(page, sale)
        changed = view != self._view
        self._render(view)
        if view in (PAID, MESSAGE) and changed:
            self._hold.start(round(HOLD_SECONDS * 1000))

    @Slot()
    def show_idle(self) -> None:
        """Back to the shop name."""
        self._page, self._sale = "entry", None
        self._render(IDLE)

    def set_test_mode(self, test: bool) -> None:
        """Show or hide the TEST banner."""
        self.test_banner.setVisible(test)

    def configure(self, shop_name: str, expiry_seconds: float) -> None:
        """The name shown when idle and the payment links' lifetime."""
        self._shop = shop_name
        self._expiry = timedelta(seconds=expiry_seconds)
        self.retranslate()

    def _render(self, view: str) -> None:
        self._view = view
        if view in (IDLE, WAIT, AWAITING):
            self._hold.stop()
        sale = self._sale
        money = format_money(sale.amount, sale.currency) if sale is not None else ""
        if view == AWAITING and sale is not None:
            self.qr.set_data(sale.checkout_url)
            self.amount_label.setText(money)
            self.product_label.setText(sale.product)
            self.product_label.setVisible(not sale.lines)
            self.lines_view.set_lines(sale.lines)
            self._refresh_time_left()
            self._second.start()
        else:
            self.qr.set_data(None)
            self._second.stop()
        self.paid_amount_label.setText(money)
        late = view == MESSAGE and sale is not None and sale.state is SaleState.PAID
        self.message_label.setText(
            self.tr("Payment received — please see the cashier.")
            if late
            else self.tr("Please see the cashier.")
        )
        self._stack.setCurrentWidget(self._pages[view])

    @Slot()
    def _refresh_time_left(self) -> None:
        sale = self._sale
        if self._view != AWAITING or sale is None:
            return
        left = max(0, int((sale.created_at + self._expiry - self._clock()).total_seconds()))
        self.time_left_label.setText(
            self.tr("Time left {time}").format(time=f"{left // 60}:{left % 60:02d}")
            if left
            else self.tr("This code is expiring…")
        )

    # -- texts, size, focus -----------------------------------------------------------------

    def retranslate(self) -> None:
        """Static texts in the current language (and the dynamic ones re-rendered)."""
        self.setWindowTitle(self.tr("HPOS — customer display"))
        self.test_banner.setText(self.tr("TEST MODE — no real money moves"))
        self.shop_label.setText(self._shop or self.tr("Welcome"))
        self.welcome_label.setText(self.tr("Welcome") if self._shop else "")
        self.wait_label.setText(self.tr("One moment, please…"))
        self.title_label.setText(self.tr("Scan to pay"))
        self.paid_label.setText(self.tr("Paid — thank you"))
        self.lines_view.retranslate()
        self.qr.setAccessibleName(self.tr("Payment QR code"))
        self._render(self._view)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            owner = self._focus_owner
            if owner is not None and owner.isVisible():
                owner.activateWindow()  # the cashier keeps the keyboard

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        scale = max(0.5, min(3.0, self.width() / 1024, self.height() / 600))
        set_pixels(self.test_banner, 20 * scale, bold=True)
        self.test_banner.setContentsMargins(0, round(6 * scale), 0, round(6 * scale))
        set_pixels(self.shop_label, 64 * scale, bold=True)
        for label in (self.welcome_label, self.product_label):
            set_pixels(label, 30 * scale)
        for label in (self.wait_label, self.message_label, self.title_label):
            set_pixels(label, 40 * scale, bold=True)
        set_pixels(self.time_left_label, 30 * scale, bold=True)
        self.lines_view.set_pixel_size(22 * scale)
        self.amount_label.set_pixel_range(round(28 * scale), round(80 * scale))
        self.paid_label.set_pixel_range(round(28 * scale), round(72 * scale))
        self.paid_amount_label.set_pixel_range(round(24 * scale), round(56 * scale))
