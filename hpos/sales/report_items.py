"""The day report's "Items sold": what the paid sales of a period sold, line by line.

A cart sale keeps its lines as sold (:class:`~hpos.sales.model.SaleLine`: the name,
unit price and quantity of the time of the sale), so the breakdown reads only those
copies: a price changed or an item renamed later never alters a past day's figures.
Lines are grouped by catalogue item (``item_id``; the name shown is the one of the
latest sale of the period) or, for a line without one, by its name; the keypad's
free-amount lines ("Misc.") are one line of their own, and a paid sale without lines
(a typed amount) is counted under "sales without lines". Items, free amounts and
sales without lines add up exactly to the paid total.

Only PAID sales count (paid late included); only sales of one mode and currency are
given (the report splits them first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from hpos.sales.model import Sale
from hpos.sales.states import SaleState

__all__ = ["ItemLine", "ItemsSold", "items_sold"]

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One item's paid lines of the period: how many were sold and for how much."""

    name: str
    quantity: int
    amount: Decimal
    item_id: int | None = None  # None: lines of that name that name no catalogue item


@dataclass(frozen=True, slots=True)
class ItemsSold:
    """The paid sales of a period by item; the three parts add up to the paid total."""

    items: tuple[ItemLine, ...] = ()  # biggest amount first, then by name
    free_count: int = 0  # free-amount lines ("Misc.")
    free_amount: Decimal = _ZERO
    unlined_count: int = 0  # paid sales without lines (typed amounts)
    unlined_amount: Decimal = _ZERO

    @property
    def total(self) -> Decimal:
        """Items, free amounts and sales without lines: the paid total."""
        return sum((i.amount for i in self.items), _ZERO) + self.free_amount + self.unlined_amount

    @property
    def shown(self) -> bool:
        """Worth a section: at least one paid sale of the period has lines."""
        return bool(self.items or self.free_count)


def items_sold(sales: Iterable[Sale]) -> ItemsSold:
    """The breakdown of the PAID ``sales`` (other states are left out)."""
    names: dict[tuple[str, object], str] = {}
    quantities: dict[tuple[str, object], int] = {}
    amounts: dict[tuple[str, object], Decimal] = {}
    free_count, free_amount = 0, _ZERO
    unlined_count, unlined_amount = 0, _ZERO
    for sale in sorted(sales, key=lambda s: (s.created_at, s.id)):
        if sale.state is not SaleState.PAID:
            continue
        if not sale.lines:
            unlined_count += 1
            unlined_amount += sale.amount
            continue
        for line in sale.lines:
            if line.item_id is None and not (line.barcode or line.sku):
                free_count += line.quantity
                free_amount += line.total
                continue
            key: tuple[str, object] = (
                ("item", line.item_id) if line.item_id is not None else ("name", line.name)
            )
            names[key] = line.name  # the latest name as sold
            quantities[key] = quantities.get(key, 0) + line.quantity
            amounts[key] = amounts.get(key, _ZERO) + line.total
    items = [
        ItemLine(names[k], quantities[k], amounts[k], k[1] if k[0] == "item" else None)  # type: ignore[arg-type]
        for k in names
    ]
    items.sort(key=lambda i: (-i.amount, i.name.casefold(), i.name))
    return ItemsSold(tuple(items), free_count, free_amount, unlined_count, unlined_amount)
