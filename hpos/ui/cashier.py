"""CashierScreen: amount → charging → QR → PAID, or a problem page with a safe next step.

The screen is a stack of pages (see :mod:`hpos.ui.cashier_pages`) driven by a
:class:`~hpos.ui.controller.SaleController`; it does no network or disk work
itself. It follows the *current* sale only: the one its last Charge created.
Other sales' news (a late payment of an earlier, cancelled sale) shows as a
small non-blocking notice. No page ever loses a sale: it stays in the journal
and the controller keeps watching it.

Keyboard: digits, "," or ".", Backspace, Esc (clear) and Enter (charge) on the
entry page; Enter or Esc starts a new sale from the PAID page; Esc asks to
cancel on the payment page; Enter is the primary action of a problem page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from hpos.hpay.models import Token
from hpos.hpay.money import currency_decimals
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.states import SaleState
from hpos.ui.amount import KEY_BACKSPACE, KEY_CLEAR, AmountEntry, format_money
from hpos.ui.cashier_pages import (
    STYLE,
    ChargingPage,
    EntryPage,
    NoticeBar,
    PaidPage,
    PaymentPage,
    ProblemPage,
    problem_wording,
)
from hpos.ui.controller import SaleController

log = logging.getLogger(__name__)

S = SaleState
#: Page names, as :meth:`CashierScreen.current_page` reports them.
PAGES = ("entry", "charging", "payment", "paid", "problem")
#: A confirmation dialog: (parent, title, question) -> True to go ahead.
Confirm = Callable[[QWidget, str, str], bool]

_PROBLEM_STATES = frozenset({S.FAILED, S.EXPIRED, S.UNKNOWN, S.REVIEW, S.CANCELLED})
_NOTICE_MS = 20_000
_KEY_TEXT = {Qt.Key.Key_Comma: ",", Qt.Key.Key_Period: "."}


def _ask(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _utcnow() -> datetime:
    return datetime.now(UTC)


def key_action(page: str, key: Qt.Key, text: str) -> str | None:
    """What a key does on a page: an amount key, "charge", "new_sale", "cancel",
    "primary", "ignore" (swallowed) or None (not ours: the focused widget's)."""
    enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    escape = key == Qt.Key.Key_Escape
    if page == "entry":
        if enter:
            return "charge"
        if escape:
            return KEY_CLEAR
        if key == Qt.Key.Key_Backspace:
            return KEY_BACKSPACE
        if key in _KEY_TEXT:
            return _KEY_TEXT[key]
        return text if len(text) == 1 and text in "0123456789.," else None
    if page == "charging":
        return "ignore" if enter or escape else None  # nothing to do while HPAY answers
    if page == "paid":
        return "new_sale" if enter or escape else None
    if page == "payment":
        return "cancel" if escape else None
    if page == "problem":
        return "primary" if enter else "new_sale" if escape else None
    return None


class CashierScreen(QWidget):
    """The counter's main area: type an amount, charge, show the QR, see PAID."""

    #: The page shown changed: one of :data:`PAGES`.
    page_changed = Signal(str)

    def __init__(
        self,
        controller: SaleController,
        *,
        default_product: str,
        auto_return_seconds: float = 10.0,
        expiry_seconds: float = 900.0,
        confirm: Confirm | None = None,
        clock: Callable[[], datetime] = _utcnow,
        locale: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashierScreen")
        self.setStyleSheet(STYLE)
        self._controller = controller
        self._default_product = default_product.strip() or "Sale"
        self._auto_return_ms = max(0, round(auto_return_seconds * 1000))
        self._expiry = timedelta(seconds=expiry_seconds)
        self._confirm = confirm or _ask
        self._clock = clock
        self._locale = locale
        self._entry = AmountEntry()
        self._token: Token | None = None
        self._current: Sale | None = None  # the sale this screen follows
        self._waiting_charge = False  # a Charge is in flight; its sale is not known yet
        self._pending_id: int | None = None  # id of that sale, once its first event came
        self._paid_deadline = 0.0  # monotonic time of the auto-return
        self._scale = 0.0  # font scale applied (1.0 at 1024×600)

        self.notice = NoticeBar(self)
        self.entry_page = EntryPage(self._default_product, self)
        self.charging_page = ChargingPage(self)
        self.payment_page = PaymentPage(self)
        self.paid_page = PaidPage(self)
        self.problem_page = ProblemPage(self)
        self._stack = QStackedWidget(self)
        self._pages = dict(
            zip(
                PAGES,
                (
                    self.entry_page,
                    self.charging_page,
                    self.payment_page,
                    self.paid_page,
                    self.problem_page,
                ),
                strict=True,
            )
        )
        for page in self._pages.values():
            self._stack.addWidget(page)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.notice)
        box.addWidget(self._stack, 1)

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.hide)
        self._auto_return = QTimer(self)
        self._auto_return.setSingleShot(True)
        self._auto_return.timeout.connect(self.new_sale)
        self._second = QTimer(self)  # countdowns on the payment and PAID pages
        self._second.setInterval(250)
        self._second.timeout.connect(self._refresh_countdowns)

        self.entry_page.keypad.key_pressed.connect(self.press_key)
        self.entry_page.charge_button.clicked.connect(self.charge)
        self.payment_page.copy_button.clicked.connect(self.copy_link)
        self.payment_page.cancel_button.clicked.connect(self.request_cancel)
        self.paid_page.new_sale_button.clicked.connect(self.new_sale)
        self.problem_page.primary_button.clicked.connect(self._problem_primary)
        self.problem_page.secondary_button.clicked.connect(self.new_sale)

        controller.ready.connect(self._on_ready)
        controller.failed_to_start.connect(self._on_failed_to_start)
        controller.charged.connect(self._on_charged)
        controller.charge_failed.connect(self._on_charge_failed)
        controller.cancel_failed.connect(self._on_cancel_failed)
        controller.sale_changed.connect(self._on_sale_changed)
        controller.sale_event.connect(self._on_sale_event)
        controller.recovered.connect(self._on_recovered)

        token = controller.current_token()
        if token is not None:
            self._on_ready(token)
        else:
            self.entry_page.charge_button.setEnabled(False)
        self._refresh_amount()
        self._apply_scale()
        self._show("entry")

    # -- for tests and the main window --------------------------------------------------

    def current_page(self) -> str:
        """ "entry", "charging", "payment", "paid" or "problem"."""
        return PAGES[self._stack.currentIndex()]

    def current_sale(self) -> Sale | None:
        """The sale this screen follows (None on a fresh entry page)."""
        return self._current

    def problem_state(self) -> SaleState | None:
        """The state the problem page explains, when it shows."""
        if self.current_page() != "problem" or self._current is None:
            return None
        return self._current.state

    @property
    def amount_display(self) -> QWidget:
        """The big amount (keeps the keyboard focus on the entry page)."""
        return self.entry_page.amount_display

    @property
    def amount_entry(self) -> AmountEntry:
        """What was typed."""
        return self._entry

    def notice_text(self) -> str:
        """The notice shown above the pages ("" when none)."""
        return self.notice.label.text() if not self.notice.isHidden() else ""

    # -- entry --------------------------------------------------------------------------

    @Slot(str)
    def press_key(self, key: str) -> None:
        """A key of the keypad or keyboard ("0"-"9", "00", "." or ",", "backspace", "clear")."""
        if self.current_page() != "entry":
            return
        if self._entry.press(key):
            self.entry_page.hint_label.clear()
        self._refresh_amount()

    @Slot()
    def charge(self) -> bool:
        """Charge the typed amount (Enter / the Charge button); False if nothing started."""
        if self.current_page() != "entry" or self._waiting_charge:
            return False
        if self._token is None:
            self._hint("Not connected to HPAY yet.")
            return False
        amount = self._entry.value
        if amount is None or amount <= 0:
            self._hint("Type an amount first.")
            return False
        product = " ".join(self.entry_page.product_edit.text().split()) or self._default_product
        description = " ".join(self.entry_page.description_edit.text().split())
        if not self._controller.charge(amount, product, description):
            return False
        self._waiting_charge = True
        self._pending_id = None
        self.entry_page.hint_label.clear()
        page = self.charging_page
        page.amount_label.setText(self._money(amount))
        page.sale_label.setText(product)
        self._show("charging")
        return True

    @Slot()
    def new_sale(self) -> None:
        """Back to an empty entry page (the previous sale stays in the journal)."""
        self._current = None
        self._auto_return.stop()
        self._entry.clear()
        self.entry_page.description_edit.clear()
        if not self.entry_page.product_edit.text().strip():
            self.entry_page.product_edit.setText(self._default_product)
        self.entry_page.hint_label.clear()
        self._refresh_amount()
        self._show("entry")

    def try_again(self) -> None:
        """After FAILED: back to the entry page with the same amount, product and description."""
        sale = self._current
        self.new_sale()
        if sale is not None:
            self._entry.set_value(sale.amount)
            self.entry_page.product_edit.setText(sale.product)
            self._refresh_amount()

    # -- payment page -------------------------------------------------------------------

    @Slot()
    def copy_link(self) -> None:
        """Put the checkout URL on the clipboard."""
        sale = self._current
        if sale is None or not sale.checkout_url:
            return
        QGuiApplication.clipboard().setText(sale.checkout_url)
        self.payment_page.show_copied()

    def confirm_cancel(self, sale: Sale) -> bool:
        """Ask the cashier to confirm cancelling ``sale`` (tests inject ``confirm``)."""
        question = (
            f"Cancel sale {sale.sale_number} of {self._money(sale.amount, sale.currency)}?\n\n"
            "The QR code will be taken off the screen. If the customer pays anyway, "
            "HPOS will still see it and mark the sale PAID LATE."
        )
        return self._confirm(self, "Cancel this sale?", question)

    @Slot()
    def request_cancel(self) -> bool:
        """Cancel the current awaiting sale, after confirmation; True if a cancel started."""
        sale = self._current
        if sale is None or sale.state is not S.AWAITING or self.current_page() != "payment":
            return False
        if not self.confirm_cancel(sale):
            return False
        now = self._current
        if now is None or now.id != sale.id or now.state is not S.AWAITING:
            return False  # it changed (e.g. paid) while the question was open
        if not self._controller.cancel(sale.id):
            return False
        self.payment_page.set_cancelling(True)
        return True

    # -- the controller's news ---------------------------------------------------------

    @Slot(object)
    def _on_ready(self, token: Token) -> None:
        self._token = token
        self._entry.set_currency(token.currency)
        self.entry_page.keypad.set_decimals(currency_decimals(token.currency))
        mode = "TEST MODE · " if str(token.mode).upper() == "TEST" else ""
        self.entry_page.status_label.setText(f"{mode}Ready · amounts in {token.currency}")
        self.entry_page.charge_button.setEnabled(True)
        self._refresh_amount()

    @Slot(str)
    def _on_failed_to_start(self, message: str) -> None:
        self.entry_page.status_label.setText(f"Not connected to HPAY: {message}")
        self.entry_page.charge_button.setEnabled(False)

    @Slot(object)
    def _on_charged(self, sale: Sale) -> None:
        if not self._waiting_charge:
            return
        self._waiting_charge = False
        self._pending_id = None
        self._current = sale
        self._render()

    @Slot(str)
    def _on_charge_failed(self, message: str) -> None:
        if not self._waiting_charge:
            return
        self._waiting_charge = False
        self._pending_id = None
        self._show("entry")
        self._hint(message)

    @Slot(int, str)
    def _on_cancel_failed(self, sale_id: int, message: str) -> None:
        if self._current is not None and self._current.id == sale_id:
            self.payment_page.set_cancelling(False)
            self.show_notice(message)

    @Slot(object)
    def _on_sale_changed(self, sale: Sale) -> None:
        if self._current is not None and sale.id == self._current.id:
            self._current = sale
            self._render()
            return
        if self._waiting_charge and (
            sale.id == self._pending_id or (self._pending_id is None and sale.state is S.CREATED)
        ):
            self._pending_id = sale.id  # the sale being charged: wait for its result
            self.charging_page.sale_label.setText(f"Sale {sale.sale_number} · {sale.product}")
            return
        if sale.state is S.PAID:
            late = " late" if sale.paid_late else ""
            self.show_notice(
                f"Sale {sale.sale_number} was paid{late}: "
                f"{self._money(sale.amount, sale.currency)}."
            )
        elif sale.state is S.REVIEW:
            self.show_notice(f"Sale {sale.sale_number} needs a manager: several payments match.")

    @Slot(object)
    def _on_sale_event(self, event: SaleEvent) -> None:
        if self._current is None or event.sale.id != self._current.id:
            return
        page = self.payment_page
        stamp = event.at.astimezone().strftime("%H:%M:%S")
        if event.kind == "connection_lost":
            page.banner.setText(
                "Connection to HPAY lost: retrying. The customer can still pay; "
                "HPOS will see the payment when the connection is back."
            )
            page.banner.show()
        elif event.kind == "connection_restored":
            page.banner.hide()
        if event.kind in ("checked", "connection_lost", "connection_restored"):
            page.checked_label.setText(f"{stamp} · {event.message}")
            if self._current.state is S.UNKNOWN:
                self.problem_page.detail_label.setText(f"{stamp} · {event.message}")

    @Slot(list)
    def _on_recovered(self, sales: list[Sale]) -> None:
        review = [s for s in sales if s.state is S.REVIEW]
        if review:
            numbers = ", ".join(s.sale_number for s in review[:3])
            self.show_notice(f"Sale {numbers} needs a manager: several payments match.")
        elif sales:
            self.show_notice(f"Checking {len(sales)} unfinished sale(s) from last time.")

    def show_notice(self, text: str) -> None:
        """A non-blocking notice above the pages (hides by itself)."""
        self.notice.label.setText(text)
        self.notice.show()
        self._notice_timer.start(_NOTICE_MS)

    # -- rendering ----------------------------------------------------------------------

    def _render(self) -> None:
        sale = self._current
        if sale is None:
            return
        if sale.state in (S.CREATED, S.REQUESTING):
            self._show("charging")
        elif sale.state is S.AWAITING:
            self._render_payment(sale)
        elif sale.state is S.PAID:
            self._render_paid(sale)
        elif sale.state in _PROBLEM_STATES:
            self._render_problem(sale)

    def _render_payment(self, sale: Sale) -> None:
        if self.current_page() != "payment":
            self.payment_page.reset()
        self.payment_page.show_sale(sale, self._money(sale.amount, sale.currency))
        self._refresh_countdowns()
        self._show("payment")

    def _render_paid(self, sale: Sale) -> None:
        self.paid_page.show_sale(sale, self._money(sale.amount, sale.currency))
        if self.current_page() != "paid":
            self._paid_deadline = time.monotonic() + self._auto_return_ms / 1000
            if self._auto_return_ms > 0:
                self._auto_return.start(self._auto_return_ms)
        self._show("paid")
        self._refresh_countdowns()

    def _render_problem(self, sale: Sale) -> None:
        minutes = max(1, round(self._expiry.total_seconds() / 60))
        wording = problem_wording(sale.state, minutes)
        self.problem_page.show_sale(sale, wording, self._money(sale.amount, sale.currency))
        self._show("problem")

    @Slot()
    def _problem_primary(self) -> None:
        wording = self.problem_page.wording
        if wording is None or self._current is None:
            self.new_sale()
        elif wording.primary == "retry":
            self.try_again()
        elif wording.primary == "check":
            self._controller.check_now(self._current.id)
            self.problem_page.detail_label.setText("Asking HPAY…")
        else:
            self.new_sale()

    def _show(self, name: str) -> None:
        page = self._pages[name]
        changed = self._stack.currentWidget() is not page
        self._stack.setCurrentWidget(page)
        locked = name != "entry"
        for widget in (self.entry_page.product_edit, self.entry_page.description_edit):
            widget.setEnabled(not locked)
        if name in ("payment", "paid"):
            self._second.start()
        else:
            self._second.stop()
        if name != "paid":
            self._auto_return.stop()
        if changed:
            self._focus_page(name)
            self.page_changed.emit(name)

    def _focus_page(self, name: str) -> None:
        if name == "entry":
            self.entry_page.amount_display.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name == "paid":
            self.paid_page.new_sale_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name == "problem":
            self.problem_page.primary_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._pages[name].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _refresh_countdowns(self) -> None:
        sale = self._current
        page = self.current_page()
        if page == "payment" and sale is not None:
            left = sale.created_at + self._expiry - self._clock()
            self.payment_page.set_time_left(max(0, int(left.total_seconds())))
        elif page == "paid":
            left = max(0, round(self._paid_deadline - time.monotonic()))
            self.paid_page.set_countdown(left if self._auto_return_ms > 0 else None)

    def _refresh_amount(self) -> None:
        display = self.entry_page.amount_display
        display.setText(self._entry.display(self._locale))
        empty = not self._entry.chargeable
        if display.property("empty") != empty:
            display.setProperty("empty", empty)
            display.style().unpolish(display)
            display.style().polish(display)

    def _hint(self, text: str) -> None:
        self.entry_page.hint_label.setText(text)

    def _money(self, amount: Decimal, currency: str | None = None) -> str:
        code = currency or (self._token.currency if self._token else self._entry.currency)
        return format_money(amount, code, self._locale)

    # -- keyboard and size ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        action = key_action(self.current_page(), Qt.Key(event.key()), event.text())
        if action is None:
            return False
        if action == "charge":
            self.charge()
        elif action == "new_sale":
            self.new_sale()
        elif action == "cancel":
            self.request_cancel()
        elif action == "primary":
            self._problem_primary()
        elif action != "ignore":
            self.press_key(action)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        width, height = max(1, self.width()), max(1, self.height())
        scale = max(0.7, min(2.5, width / 1024, height / 600))
        if abs(scale - self._scale) < 0.01:
            return
        self._scale = scale
        for page in (*self._pages.values(), self.notice):
            page.apply_scale(scale)
