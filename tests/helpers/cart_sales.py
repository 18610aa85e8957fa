"""Cart sales written into a real journal: a cart's sale named and described as the till
does, its lines kept with it (the catalogue's tests: a sold item), or items added to the
catalogue and the sale walked to PAID (the receipts', history's and CLI's line tests)."""

from __future__ import annotations

from decimal import Decimal

from hpos.sales.cart import Cart, cart_description, items_text, product_name
from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState

S = SaleState
#: The four-line cart of the line tests: (name, price, quantity, barcode).
FOUR_LINES = (
    ("Café", "1500", 2, "3017620422003"),
    ("Croissant au beurre", "500", 1, "3017620422010"),
    ("Jus de bissap 50 cl", "750", 3, None),
)


def cart_sale(
    journal: Journal, cart: Cart, *, note: str = "", till: str = "T1", mode: str = "TEST"
) -> Sale:
    """A new XOF sale of ``cart`` (nothing sent to HPAY): the till's product name and
    description, the cart's lines kept with it."""
    return journal.create_sale(
        till=till,
        amount=cart.total,
        currency="XOF",
        product=product_name(cart.lines),
        description=cart_description(items_text(cart.lines), note),
        mode=mode,
        lines=cart.sale_lines(),
    )


def paid_cart_sale(
    journal: Journal,
    items: tuple[tuple[str, str, int, str | None], ...] = FOUR_LINES,
    *,
    misc: str | None = "1000",
    note: str = "",
    till: str = "TILL1",
    mode: str = "TEST",
    txid: str = "TX-CART-0001",
) -> Sale:
    """A PAID sale of ``items`` (added to the catalogue) and a Misc. ``misc`` amount."""
    cart = Cart()
    for name, price, quantity, code in items:
        item = journal.catalogue.add(ItemDraft(name, Decimal(price), barcode=code), "XOF")
        cart = cart.add_item(item, quantity)
    if misc:
        cart = cart.add_amount(Decimal(misc))
    sale = cart_sale(journal, cart, note=note, till=till, mode=mode)
    journal.transition(sale.id, S.REQUESTING)
    journal.transition(sale.id, S.AWAITING, transaction_id=txid, fees=Decimal("10"))
    return journal.transition(sale.id, S.PAID)


def change_prices(journal: Journal) -> None:
    """Every item of the catalogue renamed "… (new)" at ten times its price."""
    for item in journal.catalogue.items():
        draft = ItemDraft(f"{item.name} (new)", item.price * 10, barcode=item.barcode)
        journal.catalogue.update(item.id, draft, "XOF")
