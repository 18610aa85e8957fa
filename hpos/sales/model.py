"""The sales layer's data: a sale as the journal holds it, and the events it reports.

Both are frozen dataclasses that carry plain data (Decimal, str, aware datetime),
so they can cross threads and reach the GUI or the CLI unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from hpos.hpay.errors import HpayError
from hpos.sales.states import SaleState


@dataclass(frozen=True, slots=True)
class SaleLine:
    """One line of a cart sale, as sold: a copy of the item at the time of the sale.

    ``item_id`` is the catalogue item (None for a free-amount line typed on the keypad);
    name, codes and unit price are what they were when the sale was made, so a later
    price change or rename never alters a past sale. ``total`` is ``unit_price ×
    quantity``, exact.
    """

    position: int  # 1, 2, ... in the order of the cart
    name: str
    unit_price: Decimal
    quantity: int
    total: Decimal
    item_id: int | None = None
    barcode: str | None = None
    sku: str | None = None


@dataclass(frozen=True, slots=True)
class Sale:
    """One sale of this till (a row of the journal's ``sales`` table)."""

    id: int
    sale_number: str  # "<till>-<counter>", unique in its journal, what people read
    till: str
    created_at: datetime  # aware, UTC
    updated_at: datetime
    paid_seen_at: datetime | None  # when this till first saw HPAY report it PAID
    amount: Decimal
    currency: str
    product: str
    description: str  # as sent to HPAY: reference, sale number, typed text (see reference.py)
    mode: str  # TEST | PROD
    state: SaleState
    paid_late: bool = False
    transaction_id: str | None = None
    checkout_url: str | None = None
    fees: Decimal | None = None
    last_error: str | None = None
    #: The sale reference (``HPOS-…``) matched against HPAY's history; None for a legacy
    #: sale written before references existed (see ``reference.py``).
    reference: str | None = None
    #: The HTTP status HPAY answered the payment request with (an error, not 504): the
    #: request finished there, so an UNKNOWN sale is settled within seconds. 0: no
    #: answer came (or none was needed).
    answered: int = 0
    #: The cashier on duty when the sale was created (the profile's list of names);
    #: None: not recorded (no cashier picked, or a sale written before cashiers existed).
    cashier: str | None = None
    #: What a cart sale sold, in cart order (empty: a sale of one typed amount).
    lines: tuple[SaleLine, ...] = ()


@dataclass(frozen=True, slots=True)
class SaleEvent:
    """Something the sales layer decided or noticed about a sale.

    ``kind`` is one of: "state" (the state changed; ``sale`` is the new row),
    "checked" (a status check found nothing new), "connection_lost",
    "connection_restored", "stopped" (the watcher stopped watching the sale).
    ``message`` is a short human-readable sentence; ``error`` the HPAY error behind
    it, if any (its type tells a front end which exit code or wording fits).
    """

    kind: str
    sale: Sale
    message: str
    at: datetime
    error: HpayError | None = None
