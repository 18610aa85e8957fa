"""The till: starts sales (journal first, then HPAY), cancels them, settles reviews.

Order of writes for a new sale, so that a crash at any point loses nothing:
1. the sale is written as CREATED with its sale number (nothing sent yet);
2. it becomes REQUESTING just before the payment request leaves;
3. HPAY's transaction id and checkout URL are committed (AWAITING) before the
   caller can show anything to a customer.
A refusal ends the sale FAILED (safe to try again); a request that may have
created a payment ends UNKNOWN, for the reconciler — never resent from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
from hpos.sales.journal import Journal
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.states import SaleState

log = logging.getLogger(__name__)

Listener = Callable[[SaleEvent], None]


def _utcnow() -> datetime:
    return datetime.now(UTC)


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

    def start_sale(self, amount: Decimal | str | int, product: str, description: str = "") -> Sale:
        """Write the sale, ask HPAY for a checkout, and return the sale as it ended.

        Raises (with nothing written) only when the sale cannot even start: no
        token (HpayError) or an invalid amount/product (InvalidRequest).
        Otherwise the returned sale is AWAITING, FAILED or UNKNOWN.
        """
        if not " ".join(product.split()):
            raise InvalidRequest("The product name is empty.")
        token = self.client.token()
        value = validate_amount(amount, token.currency)
        sale = self.journal.create_sale(
            till=self.till_name,
            amount=value,
            currency=token.currency,
            product=" ".join(product.split()),
            description=" ".join(description.split()),
            mode=self.client.config.mode,
        )
        self._emit("state", sale, f"Sale {sale.sale_number} written.")
        sale = self._move(sale, SaleState.REQUESTING, "Asking HPAY for a checkout link.")
        try:
            payment = self.client.create_payment(value, sale.product, sale.description)
        except OutcomeUnknown as exc:
            return self._move(sale, SaleState.UNKNOWN, exc.message, error=exc.message, cause=exc)
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
        return self._move(
            sale,
            SaleState.AWAITING,
            f"Waiting for the customer to pay {payment.transaction_id}.",
            transaction_id=payment.transaction_id,
            checkout_url=payment.checkout_url,
            fees=payment.fees,
        )

    def cancel(self, sale_id: int) -> Sale:
        """The cashier cancels an awaiting sale (a late payment is still caught)."""
        sale = self._get(sale_id)
        return self._move(sale, SaleState.CANCELLED, "Cancelled by the cashier.")

    def adopt(self, sale_id: int, entry: HistoryEntry, note: str) -> Sale:
        """Attach HPAY's payment ``entry`` to an UNKNOWN or REVIEW sale."""
        sale = self._get(sale_id)
        target = SaleState.PAID if entry.is_paid else SaleState.AWAITING
        return self._move(
            sale,
            target,
            note,
            transaction_id=entry.transaction_id,
            checkout_url=entry.payment_link or None,
            fees=entry.fees,
        )

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
    ) -> Sale:
        new = self.journal.transition(
            sale.id,
            target,
            note=message,
            transaction_id=transaction_id,
            checkout_url=checkout_url,
            fees=fees,
            error=error,
        )
        log.info("sale %s: %s -> %s", new.sale_number, sale.state.value, target.value)
        self._emit("state", new, message, cause)
        return new

    def _emit(self, kind: str, sale: Sale, message: str, error: HpayError | None = None) -> None:
        if self._listener is not None:
            event = SaleEvent(kind=kind, sale=sale, message=message, at=self._clock(), error=error)
            self._listener(event)
