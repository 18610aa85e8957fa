"""The till: starts sales (journal first, then HPAY), cancels them, settles reviews.

Order of writes for a new sale, so that a crash at any point loses nothing:
1. the sale is written as CREATED with its sale number (nothing sent yet);
2. it becomes REQUESTING just before the payment request leaves;
3. HPAY's transaction id and checkout URL are committed (AWAITING) before the
   caller can show anything to a customer.
A refusal ends the sale FAILED (safe to try again); a request that may have
created a payment ends UNKNOWN, for the reconciler — never resent from here.

The sale's reference (``reference.py``) is drawn and written in step 1, so the
payment HPAY creates carries it before anything leaves. Typed product and
description are cleaned so they can never imitate a reference.

Local faults: a journal that cannot be written *before* the request (disk full,
read-only profile, damaged file) raises :class:`~hpos.sales.journal.JournalError`
with nothing sent. One that fails *after* the request left raises
:class:`AnswerNotRecorded` (an ``OutcomeUnknown``): the sale stays REQUESTING or
UNKNOWN in the journal, and ``resume`` or the next start reconciles it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import (
    HpayError,
    InvalidRequest,
    OutcomeUnknown,
    UnsafeCheckoutUrl,
)
from hpos.hpay.models import HistoryEntry
from hpos.hpay.money import validate_amount
from hpos.sales.cart import check_lines
from hpos.sales.journal import DuplicateTransaction, Journal, JournalError
from hpos.sales.model import Sale, SaleEvent, SaleLine
from hpos.sales.reference import clean_typed
from hpos.sales.states import SaleState

log = logging.getLogger(__name__)

Listener = Callable[[SaleEvent], None]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class AnswerNotRecorded(OutcomeUnknown):
    """The payment request left, but the journal could not record what came of it.

    ``sale`` is the sale as the journal last held it (REQUESTING or UNKNOWN).
    """

    def __init__(self, sale: Sale, cause: JournalError) -> None:
        super().__init__(
            f"Sale {sale.sale_number}: the payment request was sent, but the journal could not"
            f" record what came of it ({str(cause).rstrip('.')}). Outcome unknown: do not charge"
            " again. `hpos resume` or the next start finds the payment once the journal can be"
            " written."
        )
        self.sale = sale
        self.journal_error = cause


class Till:
    """Creates and settles the sales of one till on one HPAY account."""

    def __init__(
        self,
        client: HpayClient,
        journal: Journal,
        *,
        till_name: str,
        listener: Listener | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.client = client
        self.journal = journal
        self.till_name = till_name
        self._listener = listener
        self._clock = clock

    def start_sale(
        self,
        amount: Decimal | str | int,
        product: str,
        description: str = "",
        *,
        cashier: str | None = None,
        lines: Sequence[SaleLine] = (),
    ) -> Sale:
        """Write the sale, ask HPAY for a checkout, and return the sale as it ended.

        ``cashier`` is who serves (cleaned like typed text; blank or None: not recorded).
        It stays in the journal and on the receipt; HPAY never sees it. ``lines`` (a cart
        sale, see ``cart.py``) are kept with the sale; they must add up to ``amount`` and
        each unit price must be a valid amount of the account currency (InvalidAmount,
        nothing written).

        Raises (with nothing written) only when the sale cannot even start: no
        token (HpayError) or an invalid amount/product (InvalidRequest).
        Otherwise the returned sale is AWAITING, FAILED or UNKNOWN.
        """
        product = clean_typed(product)
        if not product:
            raise InvalidRequest("The product name is empty.")
        token = self.client.token()
        value = validate_amount(amount, token.currency)
        for line in lines:
            validate_amount(line.unit_price, token.currency)
        try:
            check_lines(lines, value)
        except ValueError as exc:
            raise InvalidRequest(f"The cart does not add up: {exc}.") from None
        sale = self.journal.create_sale(
            till=self.till_name,
            amount=value,
            currency=token.currency,
            product=product,
            description=description,
            mode=self.client.config.mode,
            cashier=clean_typed(cashier or "") or None,
            lines=tuple(replace(line, name=clean_typed(line.name) or "?") for line in lines),
        )
        self._emit("state", sale, f"Sale {sale.sale_number} written.")
        sale = self._move(sale, SaleState.REQUESTING, "Asking HPAY for a checkout link.")
        try:
            return self._send(sale, value)
        except JournalError as exc:
            raise AnswerNotRecorded(self._settle_unrecorded(sale, exc), exc) from exc

    def _settle_unrecorded(self, sale: Sale, exc: JournalError) -> Sale:
        """After a journal failure mid-request: UNKNOWN if the journal takes it now."""
        text = f"The journal failed while HPAY was asked ({exc}); checking the history."
        try:
            current = self.journal.get(sale.id)
            if current is None or current.state is not SaleState.REQUESTING:
                return current or sale
            return self._move(current, SaleState.UNKNOWN, text, error=text)
        except JournalError:
            return sale

    def _send(self, sale: Sale, value: Decimal) -> Sale:
        """The payment request of a REQUESTING sale, and its outcome in the journal."""
        try:
            payment = self.client.create_payment(value, sale.product, sale.description)
        except OutcomeUnknown as exc:
            return self._move(
                sale, SaleState.UNKNOWN, exc.message, error=exc.message, cause=exc,
                answered=exc.http_status or 0,
            )  # fmt: skip
        except UnsafeCheckoutUrl as exc:
            text = (
                f"{exc.message} The payment was not shown to the customer; it is safe to try again."
            )
            return self._move(
                sale,
                SaleState.FAILED,
                text,
                error=text,
                transaction_id=exc.transaction_id,
                cause=exc,
            )
        except HpayError as exc:  # refused, or never reached HPAY: nothing was created
            text = f"{exc.message} Nothing was charged; it is safe to try again."
            return self._move(sale, SaleState.FAILED, text, error=text, cause=exc)
        try:
            return self._move(
                sale,
                SaleState.AWAITING,
                f"Waiting for the customer to pay {payment.transaction_id}.",
                transaction_id=payment.transaction_id,
                checkout_url=payment.checkout_url,
                fees=payment.fees,
            )
        except DuplicateTransaction as exc:
            return self._claimed_twice(sale, exc)

    def cancel(self, sale_id: int) -> Sale:
        """The cashier cancels an awaiting sale (a late payment is still caught)."""
        sale = self._get(sale_id)
        return self._move(sale, SaleState.CANCELLED, "Cancelled by the cashier.")

    def adopt(self, sale_id: int, entry: HistoryEntry, note: str) -> Sale:
        """Attach HPAY's payment ``entry`` to an UNKNOWN or REVIEW sale."""
        sale = self._get(sale_id)
        target = SaleState.PAID if entry.is_paid else SaleState.AWAITING
        try:
            return self._move(
                sale,
                target,
                note,
                transaction_id=entry.transaction_id,
                checkout_url=entry.payment_link or None,
                fees=entry.fees,
            )
        except DuplicateTransaction as exc:
            return self._claimed_twice(sale, exc)

    def _claimed_twice(self, sale: Sale, exc: DuplicateTransaction) -> Sale:
        """A payment another sale already holds: REVIEW, naming both sales; never PAID."""
        text = (
            f"HPAY payment {exc.transaction_id} is already the payment of sale {exc.holder};"
            f" it cannot also pay sale {sale.sale_number}. A person must check this sale."
        )
        return self._move(self._get(sale.id), SaleState.REVIEW, text, error=text)

    def give_up(self, sale_id: int, reason: str) -> Sale:
        """End a sale as FAILED: it never reached HPAY (CREATED) or no payment of it
        exists there (UNKNOWN, REVIEW)."""
        sale = self._get(sale_id)
        return self._move(sale, SaleState.FAILED, reason, error=reason)

    def transition(
        self,
        sale_id: int,
        target: SaleState,
        message: str,
        *,
        error: str | None = None,
        fees: Decimal | None = None,
    ) -> Sale:
        """Any other lifecycle step (PAID, EXPIRED, REVIEW...): journal, then a "state" event."""
        return self._move(self._get(sale_id), target, message, error=error, fees=fees)

    # -- internals --------------------------------------------------------------------

    def _get(self, sale_id: int) -> Sale:
        sale = self.journal.get(sale_id)
        if sale is None:
            raise KeyError(sale_id)
        return sale

    def _move(
        self,
        sale: Sale,
        target: SaleState,
        message: str,
        *,
        error: str | None = None,
        transaction_id: str | None = None,
        checkout_url: str | None = None,
        fees: Decimal | None = None,
        cause: HpayError | None = None,
        answered: int | None = None,
    ) -> Sale:
        new = self.journal.transition(
            sale.id,
            target,
            note=message,
            transaction_id=transaction_id,
            checkout_url=checkout_url,
            fees=fees,
            error=error,
            answered=answered,
        )
        log.info("sale %s: %s -> %s", new.sale_number, sale.state.value, target.value)
        self._emit("state", new, message, cause)
        return new

    def _emit(self, kind: str, sale: Sale, message: str, error: HpayError | None = None) -> None:
        if self._listener is not None:
            event = SaleEvent(kind=kind, sale=sale, message=message, at=self._clock(), error=error)
            self._listener(event)
