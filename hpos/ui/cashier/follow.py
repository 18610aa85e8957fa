"""How the cashier screen follows its current sale: the controller's news and the page shown.

:class:`SaleFollowing` is a mixin of :class:`~hpos.ui.cashier.screen.CashierScreen`
(it uses the screen's pages, timers and state, set up in its ``__init__``): it
turns :class:`~hpos.ui.controller.sale.SaleController` signals into the page to show
(charging, payment, PAID or problem) and fills that page; news about other
sales becomes a notice. It does no network or disk work.

Sales found open at start-up (or when the settings rebuilt the screen): the newest
one waiting for payment, within its payment window, comes back on screen by itself
when the cashier is *idle* (the keypad shown, nothing typed, no charge in flight),
with a note saying so; otherwise the cashier is never taken off what they are doing:
the lasting status above the pages says it waits and that F3 shows it. The others
are watched off screen and said in that status (:mod:`hpos.ui.cashier.watching`),
updated as they change, until none is open. A later PAID (or PAID LATE) of any sale
not on screen shows the PAID page when the cashier is idle, else a notice (the
sound plays either way: :mod:`hpos.ui.sound`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot

from hpos.hpay.money import currency_decimals
from hpos.sales.states import SaleState
from hpos.ui.cashier.watching import (
    WATCHED_STATES,
    back_on_screen,
    recovery_notes,
    watch_status,
)
from hpos.ui.controller.latest import newest_waiting
from hpos.ui.controller.sale import event_text
from hpos.ui.i18n import format_time
from hpos.ui.money import format_money

if TYPE_CHECKING:  # the HPAY and sale models load with the client and the sales service
    from hpos.hpay.models import Token
    from hpos.sales.model import Sale, SaleEvent

S = SaleState

_PROBLEM_STATES = frozenset({S.FAILED, S.EXPIRED, S.UNKNOWN, S.REVIEW, S.CANCELLED})


class SaleFollowing:
    """The controller's news and the rendering of the current sale (a CashierScreen mixin)."""

    # -- the controller's news ---------------------------------------------------------

    @Slot(object)
    def _on_ready(self, token: Token) -> None:
        self._token = token
        self._start_error = None
        self._entry.set_currency(token.currency)
        self.entry_page.keypad.set_decimals(currency_decimals(token.currency))
        self.entry_page.charge_button.setEnabled(True)
        self._refresh_status()
        self._refresh_amount()

    @Slot(str)
    def _on_failed_to_start(self, message: str) -> None:
        self._start_error = message
        self._refresh_status()
        self.entry_page.charge_button.setEnabled(False)

    def _refresh_status(self) -> None:
        """The line above the amount: connecting, ready (and in which currency), or why not."""
        token, error = self._token, self._start_error
        if error is not None:
            text = QCoreApplication.translate("CashierScreen", "Not connected to HPAY: {reason}")
            text = text.format(reason=error)
        elif token is None:
            text = QCoreApplication.translate("CashierScreen", "Connecting to HPAY…")
        elif str(token.mode).upper() == "TEST":
            text = QCoreApplication.translate(
                "CashierScreen", "TEST MODE · Ready · amounts in {currency}"
            ).format(currency=token.currency)
        else:
            text = QCoreApplication.translate(
                "CashierScreen", "Ready · amounts in {currency}"
            ).format(currency=token.currency)
        self.entry_page.status_label.setText(text)

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

    @Slot(object, str)
    def _on_charge_unrecorded(self, sale: Sale, problem: str) -> None:
        """The request left but the journal failed: outcome unknown, never "try again"."""
        self._unrecorded[sale.id] = problem
        if not self._waiting_charge:
            return
        self._waiting_charge = False
        self._pending_id = None
        self._current = sale
        self._render()

    @Slot(object, str)
    def _on_refreshed(self, sale: Sale, not_refreshed: str) -> None:
        """The result of "Check now" (or F5): say when the sale is only its last known state."""
        if self._current is None or sale.id != self._current.id:
            return
        said = not_refreshed or QCoreApplication.translate("CashierScreen", "Checked with HPAY.")
        line = f"{format_time(self._clock())} · {said}"
        if self.current_page() == "payment":
            self.payment_page.checked_label.setText(line)
        elif self.current_page() == "problem":
            self.problem_page.detail_label.setText(line)

    @Slot(int, str)
    def _on_cancel_failed(self, sale_id: int, message: str) -> None:
        if self._current is not None and self._current.id == sale_id:
            self.payment_page.set_cancelling(False)
            self.show_notice(message)

    @Slot(object)
    def _on_sale_changed(self, sale: Sale) -> None:
        if sale.id in self._watched:
            if sale.state in WATCHED_STATES:
                self._watched[sale.id] = sale
            else:
                del self._watched[sale.id]
            self._refresh_watch_status()
            if self._current is None and self._idle() and self._comes_back(sale):
                return  # found waiting (an unanswered request was): back on screen
        if self._current is not None and sale.id == self._current.id:
            self._current = sale
            self._render()
            return
        if self._waiting_charge and (
            sale.id == self._pending_id or (self._pending_id is None and sale.state is S.CREATED)
        ):
            self._pending_id = sale.id  # the sale being charged: wait for its result
            self.charging_page.sale_label.setText(
                QCoreApplication.translate("CashierScreen", "Sale {number} · {product}").format(
                    number=sale.sale_number, product=sale.product
                )
            )
            return
        if sale.state is S.PAID and sale.id not in self._announced and self._idle():
            self._announced.add(sale.id)
            self._current = sale  # nothing in progress: its PAID page
            self._render()
        elif sale.state is S.PAID and sale.id not in self._announced:
            self._announced.add(sale.id)
            if sale.paid_late:
                text = QCoreApplication.translate(
                    "CashierScreen", "Sale {number} was paid late: {amount}."
                )
            else:
                text = QCoreApplication.translate(
                    "CashierScreen", "Sale {number} was paid: {amount}."
                )
            self.show_notice(
                text.format(number=sale.sale_number, amount=self._money(sale.amount, sale.currency))
            )
        elif sale.state is S.REVIEW:
            self.show_notice(
                QCoreApplication.translate(
                    "CashierScreen", "Sale {number} needs a manager: its payment must be checked."
                ).format(number=sale.sale_number)
            )

    @Slot(object)
    def _on_sale_event(self, event: SaleEvent) -> None:
        if event.kind == "stopped" and self._watched.pop(event.sale.id, None) is not None:
            self._refresh_watch_status()  # no longer watched: nothing more to say about it
        if self._current is None or event.sale.id != self._current.id:
            return
        page = self.payment_page
        stamp = format_time(event.at)
        if event.kind == "connection_lost":
            page.banner.setText(
                QCoreApplication.translate(
                    "CashierScreen",
                    "Connection to HPAY lost: retrying. The customer can still pay; "
                    "HPOS will see the payment when the connection is back.",
                )
            )
            page.banner.show()
        elif event.kind == "connection_restored":
            page.banner.hide()
        if event.kind in ("checked", "connection_lost", "connection_restored"):
            line = f"{stamp} · {event_text(event)}"
            page.checked_label.setText(line)
            if self._current.state is S.UNKNOWN:
                self.problem_page.detail_label.setText(line)

    @Slot(list)
    def _on_recovered(self, sales: list[Sale]) -> None:
        """Sales found open: the newest waiting one back on screen if the cashier is idle,
        the others in the lasting status; one-off notes for the never sent and REVIEW."""
        latest = [self._controller.latest(s.id) or s for s in sales]
        watched = [s for s in latest if s.state in WATCHED_STATES]
        notes = recovery_notes(latest)
        back = newest_waiting(watched, expiry=self._expiry, now=self._clock())
        if back is not None and self._current is None and self._idle():
            self._current = back
            self._render()
            notes.insert(0, back_on_screen(back, self._since))
        shown = self._current.id if self._current is not None else None
        self._watched.update({s.id: s for s in watched if s.id != shown})
        self._refresh_watch_status()
        if notes:
            self.show_notice(" ".join(notes))

    def _comes_back(self, sale: Sale) -> bool:
        """Show a watched sale found waiting for payment within its window, and say so."""
        if newest_waiting([sale], expiry=self._expiry, now=self._clock()) is None:
            return False
        self._current = sale
        self._render()
        self.show_notice(back_on_screen(sale, self._since))
        return True

    def _refresh_watch_status(self) -> None:
        """The lasting status of the sales watched off screen ("" when none is open)."""
        self.notice.set_status(watch_status(self._watched.values(), since=self._since))

    def _idle(self) -> bool:
        """Nothing in progress: the keypad shown, nothing typed, no charge in flight."""
        return (
            self.current_page() == "entry"
            and not self._waiting_charge
            and self._entry.is_empty
            and not self._cart_has_lines()
            and self._carried is None  # a replaced screen's cart, coming back
            and not self.entry_page.description_edit.text().strip()
        )

    # -- rendering ----------------------------------------------------------------------

    def _render(self) -> None:
        sale = self._current
        if sale is None:
            return
        if self._watched.pop(sale.id, None) is not None:
            self._refresh_watch_status()  # on screen now (F3): the page says it
        if sale.state in (S.CREATED, S.REQUESTING) and sale.id not in self._unrecorded:
            self._show("charging")
        elif sale.state is S.AWAITING:
            self._render_payment(sale)
        elif sale.state is S.PAID:
            self._render_paid(sale)
        elif sale.state in _PROBLEM_STATES or sale.id in self._unrecorded:
            self._render_problem(sale)

    def _render_payment(self, sale: Sale) -> None:
        if self.current_page() != "payment":
            self.payment_page.reset()
        self.payment_page.show_sale(sale, self._money(sale.amount, sale.currency))
        self._show("payment")
        self._refresh_countdowns()  # the time left at once, not a tick later

    def _render_paid(self, sale: Sale) -> None:
        self._announced.add(sale.id)  # said once: a repeated PAID does not come back
        self.paid_page.show_sale(sale, self._money(sale.amount, sale.currency))
        if self.current_page() != "paid":
            self._auto_return.start(self._auto_return_ms)  # paused while a dialog is open
        self._show("paid")
        self._refresh_countdowns()

    def _render_problem(self, sale: Sale) -> None:
        # imported with the problem page, after the first paint (start-up speed)
        from hpos.ui.cashier.wording import answered_status, problem_wording

        minutes = max(1, round(self._expiry.total_seconds() / 60))
        wording = problem_wording(
            sale.state,
            minutes,
            answered=sale.answered,
            http_status=answered_status(sale),
            unrecorded=self._unrecorded.get(sale.id),
        )
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
            self.check_current()
        else:
            self.new_sale()

    def _show(self, name: str) -> None:
        page = self._page(name)
        changed = self._stack.currentWidget() is not page
        self._stack.setCurrentWidget(page)
        locked = name != "entry"
        for widget in (self.entry_page.product_edit, self.entry_page.description_edit):
            widget.setEnabled(not locked)
        self._update_scanner()  # scans are watched on the entry and PAID pages only
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
            self._page(name).setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _refresh_countdowns(self) -> None:
        sale = self._current
        page = self.current_page()
        if page == "payment" and sale is not None:
            left = sale.created_at + self._expiry - self._clock()
            self.payment_page.set_time_left(max(0, int(left.total_seconds())))
        elif page == "paid":
            countdown = self._auto_return
            countdown.check()  # a dialog opened or closed: pause or resume
            left = countdown.seconds_left() if self._auto_return_ms > 0 else None
            self.paid_page.set_countdown(left, paused=countdown.paused)

    def _refresh_amount(self) -> None:
        display = self.entry_page.amount_display
        total = self._cart_total_text()  # with lines in the cart, its total
        display.setText(total if total is not None else self._entry.display(self._locale))
        self._refresh_typed()
        empty = total is None and not self._entry.chargeable
        if display.property("empty") != empty:
            display.setProperty("empty", empty)
            display.style().unpolish(display)
            display.style().polish(display)

    def _hint(self, text: str) -> None:
        self.entry_page.show_hint(text)

    def _money(self, amount: Decimal, currency: str | None = None) -> str:
        code = currency or (self._token.currency if self._token else self._entry.currency)
        return format_money(amount, code, self._locale)
