"""``hpos charge --item CODE[xN] ... [AMOUNT]``: a cart of catalogue items, charged as one sale.

Each ``--item`` names an item by its barcode or SKU (exactly, else ignoring case), with
an optional quantity: ``3012345678901``, ``COF x2``... written ``COFx2``, ``COF×2`` or
``COF*2``. A code that is itself spelled like ``ABCx2`` is taken whole first. An AMOUNT
given as well becomes a free "Misc." line. The product name and description HPAY is
sent are made by :mod:`hpos.sales.cart` (``Coffee ×2 + 1 more``), and the lines are
kept with the sale in the journal. An unknown code, a quantity out of range, or a
catalogue priced in another currency than the account's stops the charge before
anything is written or sent (exit 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from hpos.cli import output
from hpos.cli.exits import EXIT_USAGE, CliError
from hpos.hpay.money import format_amount
from hpos.sales.cart import MAX_QUANTITY, Cart, CartFull, cart_description, items_text, product_name
from hpos.sales.catalogue import CatalogueIndex, Item
from hpos.sales.catalogue_store import CatalogueStore

_QUANTITY = re.compile(r"(?P<code>.+?)\s*[xX×*]\s*(?P<count>[0-9]+)")
_NOTHING_SENT = "Nothing was sent to HPAY."


@dataclass(frozen=True, slots=True)
class ItemCart:
    """What ``charge --item`` sends: the cart, its product name and its description text."""

    cart: Cart
    product: str
    description: str


def find_item(spec: str, index: CatalogueIndex) -> tuple[Item, int]:
    """The item ``spec`` names and how many (``COF``, ``COFx3``); CliError (exit 2) if none."""
    text = spec.strip()
    if not text:
        raise CliError(f"--item needs a barcode or SKU. {_NOTHING_SENT}", EXIT_USAGE)
    item = index.by_code(text)
    if item is not None:
        return item, 1
    match = _QUANTITY.fullmatch(text)
    if match is not None:
        item = index.by_code(match["code"])
        count = int(match["count"])
        if item is not None:
            if not 1 <= count <= MAX_QUANTITY:
                raise CliError(
                    f"--item {text}: a quantity is 1 to {MAX_QUANTITY}. {_NOTHING_SENT}",
                    EXIT_USAGE,
                )
            return item, count
    code = match["code"] if match is not None else text
    raise CliError(
        f"No item of the catalogue has the barcode or SKU {output.clean(code)!r}"
        f" (`hpos catalogue list` shows them). {_NOTHING_SENT}",
        EXIT_USAGE,
    )


def item_cart(
    specs: Sequence[str],
    store: CatalogueStore,
    currency: str,
    amount: Decimal | None,
    note: str = "",
) -> ItemCart:
    """The cart of ``specs`` (and a Misc. line of ``amount``), with HPAY's texts."""
    if store.currency is not None and store.currency != currency:
        raise CliError(
            f"The catalogue's prices are in {store.currency}; this account charges in"
            f" {currency}. {_NOTHING_SENT}",
            EXIT_USAGE,
        )
    index = CatalogueIndex.build(store.items())
    cart = Cart()
    try:
        for spec in specs:
            item, count = find_item(spec, index)
            cart = cart.add_item(item, count)
        if amount is not None:
            cart = cart.add_amount(amount)
    except CartFull as exc:
        raise CliError(f"{exc} {_NOTHING_SENT}", EXIT_USAGE) from None
    lines = cart.sale_lines()

    def money(value: Decimal) -> str:
        return format_amount(value, currency, grouped=True)

    description = cart_description(items_text(lines, amount=money), note)
    return ItemCart(cart, product_name(lines), description)
