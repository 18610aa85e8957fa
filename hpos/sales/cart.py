"""The cart: lines of items and free amounts that become one HPAY payment.

One HPAY payment carries one amount, one product name and one description, so a
cart is charged as its total, and HPOS keeps the lines (``sale_lines`` in the
journal, :class:`~hpos.sales.model.SaleLine`). What HPAY is sent is made here:

- the **product name** (:func:`product_name`) names the first line and counts the
  others, within :data:`PRODUCT_NAME_CHARS`: ``Coffee ×2 + 3 more``. A first name too
  long is cut with ``…``; the "+ N more" part is never cut. A one-line cart of one
  item is just its name (``Croissant``).
- the **description** (:func:`items_text`) lists the lines, ``Coffee ×2, Croissant,
  Misc. 1,500`` while they fit in :data:`ITEMS_CHARS`, then ``+ N more``; the
  journal puts the sale reference and the sale number before it, and the cashier's
  own note, if any, after it (:func:`cart_description`), so the reference stays first
  (issue 8) and the whole stays under HPAY's 1,000 characters.

A :class:`Cart` is an immutable value: every change gives a new cart, so a cart can
be handed to a worker thread or kept for an undo without copying. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from hpos.hpay.money import MAX_AMOUNT
from hpos.sales.catalogue import Item
from hpos.sales.model import SaleLine

#: The product name made from a cart is at most this long (HPOS's product field is 100).
PRODUCT_NAME_CHARS = 100
#: The items part of the description is at most this long: reference (27) + sale number
#: + this + a note of 200 stays under HPAY's 1,000 characters.
ITEMS_CHARS = 600
#: Most of one item on one line, and most lines in one cart.
MAX_QUANTITY = 999
MAX_LINES = 200
#: The default words (a front end passes its own language's).
MORE = "+ {count} more"
#: How "+ N more" is said: a text with ``{count}``, or a function of the count (a language
#: whose words change with the number: "+ 1 autre", "+ 3 autres").
More = str | Callable[[int], str]
MISC = "Misc."


class CartFull(ValueError):
    """The cart cannot take this: too many lines, too many of one item, or a total above
    the maximum amount (``limit``: :data:`LINES`, :data:`QUANTITY` or :data:`TOTAL`, so a
    front end says which in its own language). Nothing was changed."""

    LINES = "lines"
    QUANTITY = "quantity"
    TOTAL = "total"

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit


@dataclass(frozen=True, slots=True)
class CartLine:
    """One line of a cart: an item (``item_id``) or a free amount (``item_id`` None)."""

    name: str
    unit_price: Decimal
    quantity: int = 1
    item_id: int | None = None
    barcode: str | None = None
    sku: str | None = None

    @property
    def total(self) -> Decimal:
        """Unit price × quantity, exact."""
        return self.unit_price * self.quantity

    @property
    def is_free_amount(self) -> bool:
        """A keypad amount ("Misc."), not a catalogue item."""
        return self.item_id is None


@dataclass(frozen=True, slots=True)
class Cart:
    """The lines of the sale being made, in the order they were added."""

    lines: tuple[CartLine, ...] = ()

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def total(self) -> Decimal:
        """What the customer pays: the sum of the lines."""
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def count(self) -> int:
        """How many things are in the cart (quantities added up)."""
        return sum(line.quantity for line in self.lines)

    def _checked(self, lines: tuple[CartLine, ...]) -> Cart:
        if len(lines) > MAX_LINES:
            raise CartFull(CartFull.LINES, f"A cart holds at most {MAX_LINES} lines.")
        if any(line.quantity > MAX_QUANTITY for line in lines):
            raise CartFull(CartFull.QUANTITY, f"At most {MAX_QUANTITY} of one item on a line.")
        cart = Cart(lines)
        if cart.total > MAX_AMOUNT:
            raise CartFull(CartFull.TOTAL, "The cart's total would be above the maximum amount.")
        return cart

    def add_item(self, item: Item, quantity: int = 1) -> Cart:
        """``quantity`` more of ``item``: its line grows, else a new line at the end.

        A line keeps the price and name it was added with; an item repriced or renamed
        since gets a line of its own at what the tile says now, so no line ever reads
        "2 × Café 1,000" beside a tile of 650."""
        if quantity < 1:
            raise ValueError("add at least one")
        for n, line in enumerate(self.lines):
            same = (line.item_id, line.unit_price, line.name) == (item.id, item.price, item.name)
            if same:
                grown = replace(line, quantity=line.quantity + quantity)
                return self._checked((*self.lines[:n], grown, *self.lines[n + 1 :]))
        line = CartLine(item.name, item.price, quantity, item.id, item.barcode, item.sku)
        return self._checked((*self.lines, line))

    def add_amount(self, amount: Decimal, name: str = MISC) -> Cart:
        """A free amount typed on the keypad, as a line of its own (never merged)."""
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
            raise ValueError("a free amount is a positive Decimal")
        return self._checked((*self.lines, CartLine(name, amount)))

    def set_quantity(self, index: int, quantity: int) -> Cart:
        """Line ``index`` with ``quantity`` (0 removes it); IndexError for no such line."""
        if not 0 <= index < len(self.lines):
            raise IndexError(index)
        if quantity <= 0:
            return self.remove(index)
        line = replace(self.lines[index], quantity=quantity)
        return self._checked((*self.lines[:index], line, *self.lines[index + 1 :]))

    def step(self, index: int, delta: int) -> Cart:
        """Line ``index`` one more (+1) or one less (-1; the last one removes the line)."""
        return self.set_quantity(index, self.lines[index].quantity + delta)

    def remove(self, index: int) -> Cart:
        """The cart without line ``index``."""
        if not 0 <= index < len(self.lines):
            raise IndexError(index)
        return Cart(self.lines[:index] + self.lines[index + 1 :])

    def sale_lines(self) -> tuple[SaleLine, ...]:
        """The lines as the journal keeps them (positions from 1)."""
        return tuple(
            SaleLine(
                position=n,
                name=line.name,
                unit_price=line.unit_price,
                quantity=line.quantity,
                total=line.total,
                item_id=line.item_id,
                barcode=line.barcode,
                sku=line.sku,
            )
            for n, line in enumerate(self.lines, start=1)
        )


def check_lines(lines: Sequence[SaleLine], amount: Decimal) -> None:
    """ValueError unless ``lines`` (if any) are numbered 1.., each total is its unit price
    × quantity, and together they make ``amount`` exactly."""
    if not lines:
        return
    if [line.position for line in lines] != list(range(1, len(lines) + 1)):
        raise ValueError("sale lines are numbered 1, 2, ... in order")
    for line in lines:
        exact = line.total == line.unit_price * line.quantity
        if line.quantity < 1 or line.unit_price <= 0 or not exact:
            raise ValueError(f"sale line {line.position} does not add up")
    if sum((line.total for line in lines), Decimal(0)) != amount:
        raise ValueError("the sale's lines do not add up to its amount")


def _quantity(name: str, quantity: int) -> str:
    return f"{name} ×{quantity}" if quantity > 1 else name


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(0, room - 1)].rstrip() + "…"


def _more(more: More, count: int) -> str:
    return more(count) if callable(more) else more.format(count=count)


def product_name(lines: Sequence[SaleLine | CartLine], *, more: More = MORE) -> str:
    """The product name HPAY is sent for a cart: ``Coffee ×2 + 3 more`` (see module doc)."""
    if not lines:
        raise ValueError("an empty cart has no product name")
    rest = f" {_more(more, len(lines) - 1)}" if len(lines) > 1 else ""
    first = lines[0]
    suffix = f" ×{first.quantity}" if first.quantity > 1 else ""
    room = PRODUCT_NAME_CHARS - len(rest) - len(suffix)
    return _cut(first.name, room) + suffix + rest


def items_text(
    lines: Sequence[SaleLine | CartLine],
    *,
    more: More = MORE,
    amount: Callable[[Decimal], str] = str,
    limit: int = ITEMS_CHARS,
) -> str:
    """The lines for the description: ``Coffee ×2, Croissant, Misc. 1500`` while they fit
    in ``limit``, then ``+ N more``. ``amount`` writes a free amount (a front end's money
    format)."""
    parts = []
    for line in lines:
        name = f"{line.name} {amount(line.unit_price)}" if line.item_id is None else line.name
        parts.append(_quantity(name, line.quantity))
    text = ", ".join(parts)
    if len(text) <= limit:
        return text
    for shown in range(len(parts) - 1, -1, -1):
        tail = _more(more, len(parts) - shown)
        text = ", ".join(parts[:shown])
        candidate = f"{text} {tail}" if text else tail
        if len(candidate) <= limit:
            return candidate
    return _cut(_more(more, len(parts)), limit)


def cart_description(items: str, note: str = "") -> str:
    """The typed part of a cart sale's description: the items, then the cashier's note."""
    note = " ".join(note.split())
    return f"{items} — {note}" if items and note else items or note
