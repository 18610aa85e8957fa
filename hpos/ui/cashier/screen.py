"""CashierScreen: amount → charging → QR → PAID, or a problem page with a safe next step.

The screen is a stack of pages (see :mod:`hpos.ui.cashier.entry` and its siblings) driven by a
:class:`~hpos.ui.controller.sale.SaleController`; it does no network or disk work
itself. It follows the *current* sale only: the one its last Charge created.
Other sales' news (a late payment of an earlier, cancelled sale) shows as a
small non-blocking notice. No page ever loses a sale: it stays in the journal
and the controller keeps watching it.

This module holds the screen's set-up and the cashier's actions (typing,
Charge, Copy link, Cancel, New sale, keys); how it follows the controller's
news and renders the current sale is in :mod:`hpos.ui.cashier.follow`, the
key map in :mod:`hpos.ui.cashier.keys`, the stack of pages (the later ones built
after the first paint) in :mod:`hpos.ui.cashier.pages`.

The quick keys and the cart (when the shop has a catalogue) are in
:mod:`hpos.ui.cashier.selling`, the barcode scanner's scans and the F4 search in
:mod:`hpos.ui.cashier.finding`.

Keyboard: digits, "," or ".", Backspace, Esc (clear) and Enter (charge) on the
entry page (with a cart: F4 search, ↑ ↓ + − Delete on its lines); Enter or Esc starts a
new sale from the PAID page; Esc asks to cancel on the payment page; Enter is the primary
action of a problem page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hpos.sales.states import SaleState
from hpos.ui.cashier.amount import AmountEntry
from hpos.ui.cashier.autoreturn import AutoReturn
from hpos.ui.cashier.entry import EntryPage
from hpos.ui.cashier.finding import ItemFinding
from hpos.ui.cashier.follow import SaleFollowing
from hpos.ui.cashier.keys import PAGES, key_action
from hpos.ui.cashier.notice import NoticeBar
from hpos.ui.cashier.pages import LazyPages
from hpos.ui.cashier.selling import CartSelling
from hpos.ui.controller.sale import SaleController
from hpos.ui.widgets.dialogs import ask_yes_no
from hpos.ui.widgets.style import STYLE

if TYPE_CHECKING:  # the HPAY and sale models load with the client and the sales service
    from hpos.hpay.models import Token
    from hpos.sales.model import Sale

__all__ = ["PAGES", "CashierScreen", "Confirm", "key_action"]

log = logging.getLogger(__name__)

S = SaleState
#: A confirmation dialog: (parent, title, question) -> True to go ahead.
Confirm = Callable[[QWidget, str, str], bool]

_NOTICE_MS = 20_000


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CashierScreen(CartSelling, ItemFinding, SaleFollowing, LazyPages, QWidget):
    """The counter's main area: type an amount, charge, show the QR, see PAID."""

    #: The page shown changed: one of :data:`PAGES`.
    page_changed = Signal(str)
    #: The PAID page's "Print receipt" button was pressed.
    print_requested = Signal()

    def __init__(
        self,
        controller: SaleController,
        *,
        default_product: str,
        auto_return_seconds: float = 10.0,
        expiry_seconds: float = 900.0,
        confirm: Confirm | None = None,
        clock: Callable[[], datetime] = _utcnow,
        locale: str | None = None,  # None: the UI language in use
        session_started: datetime | None = None,  # None: now (older sales are "from last time")
        scanner_clock: Callable[[], float] | None = None,  # tests: the scanner's clock (s)
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashierScreen")
        self.setStyleSheet(STYLE)
        self._controller = controller
        self._default_product = default_product.strip() or "Sale"
        self._auto_return_ms = max(0, round(auto_return_seconds * 1000))
        self._expiry = timedelta(seconds=expiry_seconds)
        self._confirm = confirm or ask_yes_no
        self._clock = clock
        self._locale = locale
        self._entry = AmountEntry()
        self._token: Token | None = None
        self._start_error: str | None = None  # why the controller could not start
        self._current: Sale | None = None  # the sale this screen follows
        self._last: Sale | None = None  # the sale it followed before the keypad came back
        self._waiting_charge = False  # a Charge is in flight; its sale is not known yet
        self._pending_id: int | None = None  # id of that sale, once its first event came
        self._scale = 0.0  # font scale applied (1.0 at 1024×600)
        # sale id -> the journal problem that kept HPAY's answer from being recorded
        self._unrecorded: dict[int, str] = {}
        self._since = session_started or clock()  # sales made before: "from last time"
        self._watched: dict[int, Sale] = {}  # open sales found at start-up, not on screen
        self._announced: set[int] = set()  # sales whose PAID was shown or said
        # sale id -> the HTTP status HPAY answered its payment request with (an error)
        self._scanner_clock = scanner_clock
        self._init_selling()

        self.notice = NoticeBar(self)
        self.entry_page = EntryPage(self._default_product, self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.notice)
        box.addWidget(self._init_pages(self.entry_page), 1)  # the others built late

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.clear_notice)
        # the PAID page's return to the keypad, paused while a dialog is open
        self._auto_return = AutoReturn(self)
        self._auto_return.due.connect(self.new_sale)
        self._second = QTimer(self)  # countdowns on the payment and PAID pages
        self._second.setInterval(250)
        self._second.timeout.connect(self._refresh_countdowns)

        self.entry_page.keypad.key_pressed.connect(self.press_key)
        self.entry_page.charge_button.clicked.connect(self.charge)

        controller.ready.connect(self._on_ready)
        controller.failed_to_start.connect(self._on_failed_to_start)
        controller.charged.connect(self._on_charged)
        controller.charge_failed.connect(self._on_charge_failed)
        controller.charge_unrecorded.connect(self._on_charge_unrecorded)
        controller.refreshed.connect(self._on_refreshed)
        controller.cancel_failed.connect(self._on_cancel_failed)
        controller.sale_changed.connect(self._on_sale_changed)
        controller.sale_event.connect(self._on_sale_event)
        controller.recovered.connect(self._on_recovered)
        controller.sale_changed.connect(self._update_last)
        controller.catalogue_loaded.connect(self._on_catalogue)
        controller.catalogue_failed.connect(self._on_catalogue_failed)

        token = controller.current_token()
        if token is not None:
            self._on_ready(token)
        else:
            self.entry_page.charge_button.setEnabled(False)
        self._refresh_amount()
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self._apply_scale()  # else at the first resize, when the screen has its size
        self._show("entry")

    # -- for tests and the main window --------------------------------------------------

    def current_sale(self) -> Sale | None:
        """The sale this screen follows (None on a fresh entry page)."""
        return self._current

    def receipt_sale(self) -> Sale | None:
        """Ctrl+P's sale: the finished sale on screen (PAID or problem page), else the last
        one this screen finished, in its latest state (a cancelled sale paid late is PAID);
        None when no sale was finished here yet."""
        if self.current_page() in ("paid", "problem"):
            return self._current
        return self._last

    @Slot(object)
    def _update_last(self, sale: Sale) -> None:
        last = self._last
        if last is not None and last.id == sale.id:
            self._last = sale

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
        elif self._entry.refusal is not None:  # refused: say why, keep what was typed
            self.entry_page.show_refusal(self._entry.refusal, self._locale)
        self._refresh_amount()

    @Slot(str)
    def paste_amount(self, text: str) -> bool:
        """Ctrl+V on the entry page: ``text`` added to the amount, all of it or nothing."""
        if self.current_page() != "entry":
            return False
        pasted = self._entry.paste(text)
        if pasted:
            self.entry_page.hint_label.clear()
        elif self._entry.refusal is not None:
            self.entry_page.show_refusal(self._entry.refusal, self._locale)
        self._refresh_amount()
        return pasted

    @Slot()
    def charge(self) -> bool:
        """Charge the typed amount, or the cart (Enter / the Charge button); False if nothing
        started (with a cart and an amount typed, the amount goes in the cart)."""
        if self.current_page() != "entry" or self._waiting_charge:
            return False
        if self._token is None:
            self._hint(self.tr("Not connected to HPAY yet."))
            return False
        if self._cart_has_lines():
            if not self._entry.is_empty or self._entry.refusal is not None:
                self.add_typed()  # the safe rule: a typed amount joins the cart first
                return False
            return self._charge_cart()
        amount = self._typed_amount()
        if amount is None:
            return False
        product = " ".join(self.entry_page.product_edit.text().split()) or self._default_product
        description = " ".join(self.entry_page.description_edit.text().split())
        if not self._controller.charge(amount, product, description):
            return False
        self._started_charge(amount, product)
        return True

    def _typed_amount(self) -> Decimal | None:
        """The typed amount when it can be charged (or go in the cart), else None; the hint
        line says why when keys were refused or the amount is zero."""
        refused = self._entry.charge_refusal()  # nothing, zero, or keys refused and not taken back
        if refused is not None:
            self.entry_page.show_refusal(refused, self._locale)
            return None
        return self._entry.value

    def _started_charge(self, amount: Decimal, product: str) -> None:
        self._waiting_charge = True
        self._pending_id = None
        self.entry_page.hint_label.clear()
        page = self.charging_page
        page.amount_label.setText(self._money(amount))
        page.sale_label.setText(product)
        self._show("charging")

    @Slot()
    def new_sale(self) -> None:
        """Back to an empty entry page (the previous sale stays in the journal)."""
        if self._current is not None and self.current_page() in ("paid", "problem"):
            self._last = self._current  # finished: Ctrl+P on the keypad prints its receipt
        self._current = None
        self._auto_return.stop()
        self._entry.clear()
        self._empty_cart()
        self.close_search()
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
        if sale is not None and self._restore_cart(sale):
            return  # a cart's sale: its lines again (Enter charges them)
        if sale is not None:
            self._entry.set_value(sale.amount)
            self.entry_page.product_edit.setText(sale.product)
            self._refresh_amount()

    def show_sale(self, sale: Sale) -> bool:
        """F3: follow this sale awaiting payment and show its QR again; False if not now."""
        if self._waiting_charge or sale.state is not S.AWAITING:
            return False
        if self._current is None or self._current.id != sale.id:
            if self._current is not None and self.current_page() in ("paid", "problem"):
                self._last = self._current  # finished: Ctrl+P still prints it
            self._current = sale
        self._render()
        return True

    def check_current(self) -> bool:
        """F5: ask HPAY about the sale on screen now; False when there is none to check.

        The answer (or "Last known, not refreshed: …") replaces the page's check line.
        """
        sale = self._current
        if sale is None or sale.state not in (S.AWAITING, S.UNKNOWN, S.CANCELLED, S.EXPIRED):
            return False
        if not self._controller.check_now(sale.id):
            return False
        asking = self.tr("Asking HPAY…")
        if self.current_page() == "payment":
            self.payment_page.checked_label.setText(asking)
        elif self.current_page() == "problem":
            self.problem_page.detail_label.setText(asking)
        return True

    def focus_page(self) -> None:
        """The keyboard focus to the page shown (the amount on the entry page)."""
        self._focus_page(self.current_page())

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
        question = self.tr(
            "Cancel sale {number} of {amount}?\n\n"
            "The QR code will be taken off the screen. If the customer pays anyway, "
            "HPOS will still see it and mark the sale PAID LATE."
        ).format(number=sale.sale_number, amount=self._money(sale.amount, sale.currency))
        return self._confirm(self, self.tr("Cancel this sale?"), question)

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

    # -- notices -------------------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """A non-blocking notice above the pages (hides by itself)."""
        self.notice.show_notice(text)
        self._notice_timer.start(_NOTICE_MS)

    # -- keyboard and size ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Paste) and self.current_page() == "entry":
            self.paste_amount(QGuiApplication.clipboard().text())
            return True
        page = self.current_page()
        if page == "entry" and self._cart_key(Qt.Key(event.key()), event.text()):
            return True
        action = key_action(page, Qt.Key(event.key()), event.text())
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_scanner()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._update_scanner()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def changeEvent(self, event: QEvent) -> None:
        """On a language switch: say again what is on screen (pages redo their own texts)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The texts that depend on the state (status line, amount, current sale's page)."""
        self._refresh_status()
        self._retranslate_cart()
        self._refresh_cart()
        self._refresh_amount()
        self._refresh_watch_status()
        if self._current is not None and self.current_page() != "entry":
            self._render()
        self._refresh_countdowns()

    def _apply_scale(self) -> None:
        width, height = max(1, self.width()), max(1, self.height())
        scale = max(0.7, min(2.5, width / 1024, height / 600))
        if abs(scale - self._scale) < 0.01:
            return
        self._scale = scale
        for page in (*self._pages.values(), self.notice):
            page.apply_scale(scale)
