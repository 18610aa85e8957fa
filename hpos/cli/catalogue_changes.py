"""What ``hpos catalogue import --dry-run`` would change, line by line, in plain English.

Each line of the file that writes: ``line 25: new item Tarte citron: 1,500 XOF,
Boulangerie, SKU TAR``; ``line 27: Soda 33 cl: name Soda 33 cl -> Eau minérale, price
500 -> 350 XOF``; ``line 4: Biscuits: archived``. Made from the import plan and the items
it was made against (no Qt here).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from hpos.cli import output
from hpos.sales.catalogue import Item, ItemDraft
from hpos.sales.catalogue_import import ImportPlan

__all__ = ["changes_lines"]

_NONE = "(none)"


def changes_lines(plan: ImportPlan, items: Mapping[int, Item], currency: str) -> list[str]:
    """One line of text per line of the file that would write, in the file's order."""
    found: dict[int, tuple[str, list[str]]] = {}
    for line, (item_id, draft) in zip(plan.change_lines, plan.changes, strict=False):
        old = items.get(item_id) if item_id is not None else None
        _name, parts = found.setdefault(line, (old.name if old else f"new item {draft.name}", []))
        parts.append(_new(draft, currency) if old is None else _diff(old, draft, currency))
    for word, lines, ids in (
        ("archived", plan.archive_lines, plan.archive),
        ("restored", plan.restore_lines, plan.restore),
    ):
        for line, item_id in zip(lines, ids, strict=False):
            item = items.get(item_id)
            found.setdefault(line, (item.name if item else f"#{item_id}", []))[1].append(word)
    return [
        f"line {line}: {output.clean(name)}: {output.clean(', '.join(parts))}"
        for line, (name, parts) in sorted(found.items())
    ]


def _money(value: Decimal | str, currency: str) -> str:
    return output.money_text(Decimal(value), currency, grouped=True)


def _new(draft: ItemDraft, currency: str) -> str:
    details = [_money(draft.price, currency)]
    details += [draft.category] if draft.category else []
    details += [f"barcode {draft.barcode}"] if draft.barcode else []
    details += [f"SKU {draft.sku}"] if draft.sku else []
    details += [f"colour {draft.colour}"] if draft.colour else []
    return ", ".join(details)


def _diff(old: Item, draft: ItemDraft, currency: str) -> str:
    parts = []
    if draft.name != old.name:
        parts.append(f"name {old.name} -> {draft.name}")
    if Decimal(draft.price) != old.price:
        before = output.money_text(old.price, currency, grouped=True).removesuffix(f" {currency}")
        parts.append(f"price {before} -> {_money(draft.price, currency)}")
    pairs = (
        ("category", old.category, draft.category),
        ("barcode", old.barcode or "", draft.barcode or ""),
        ("SKU", old.sku or "", draft.sku or ""),
        ("colour", old.colour, draft.colour),
    )
    for label, before, after in pairs:
        if before != after:
            parts.append(f"{label} {before or _NONE} -> {after or _NONE}")
    return ", ".join(parts)
