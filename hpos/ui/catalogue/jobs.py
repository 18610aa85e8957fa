"""The catalogue page's background work: each function runs on a runner worker, never the
GUI thread, and returns plain data (no Qt here).

Every write reads the catalogue again in the same job (:class:`Loaded`), so the table
shows what the journal holds after the change, whatever another till or the command line
did meanwhile. The CSV import is :mod:`hpos.sales.catalogue_import`'s, the writer
:mod:`hpos.sales.catalogue_csv`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hpos.sales.catalogue import Item, ItemDraft, fold
from hpos.sales.catalogue_csv import write_catalogue_csv
from hpos.sales.catalogue_import import ImportPlan, apply_plan, read_catalogue_csv
from hpos.util.atomic import write_atomic

if TYPE_CHECKING:
    from hpos.sales.catalogue_store import CatalogueStore


#: An item's texts folded for the page (accents and case aside): what the filter searches
#: (name, codes, category), the name, the category.
Folds = tuple[str, str, str]


@dataclass(frozen=True)
class Loaded:
    """The catalogue as read: every item (archived too), the currency of its prices, and
    each item's :data:`Folds` by id (worked out here, on the worker, not on the GUI thread)."""

    items: tuple[Item, ...]
    currency: str | None
    folds: dict[int, Folds] = field(default_factory=dict)


def item_folds(items: Iterable[Item]) -> dict[int, Folds]:
    """Each item's :data:`Folds`, by id."""
    return {
        i.id: (
            fold(" ".join((i.name, i.barcode or "", i.sku or "", i.category))),
            fold(i.name),
            fold(i.category),
        )
        for i in items
    }


@dataclass(frozen=True)
class Done:
    """A write done: what it did (``what``: added, updated, archived, restored, deleted,
    sold (archived by a remove: a sale names it), imported), the item it concerned (None
    for an import), and the catalogue after it."""

    what: str
    item: Item | None
    loaded: Loaded
    count: int = 0


def load(store: CatalogueStore) -> Loaded:
    """Every item, archived ones too, and the catalogue's currency."""
    items = tuple(store.items(archived=True))
    return Loaded(items, store.currency, item_folds(items))


def save(store: CatalogueStore, item_id: int | None, draft: ItemDraft, currency: str) -> Done:
    """Add (``item_id`` None) or update an item (ItemRefused, CurrencyMismatch: nothing written)."""
    if item_id is None:
        return Done("added", store.add(draft, currency), load(store))
    return Done("updated", store.update(item_id, draft, currency), load(store))


def archive(store: CatalogueStore, item_id: int) -> Done:
    """Take an item off the quick keys and the scanner."""
    return Done("archived", store.archive(item_id), load(store))


def restore(store: CatalogueStore, item_id: int) -> Done:
    """Bring an archived item back (ItemRefused when its code went to another item)."""
    return Done("restored", store.restore(item_id), load(store))


def remove(store: CatalogueStore, item: Item) -> Done:
    """Delete an item never sold ("deleted"); archive one a sale names ("sold")."""
    what = store.remove(item.id)
    return Done("deleted" if what == "deleted" else "sold", item, load(store))


@dataclass(frozen=True)
class Planned:
    """A CSV file's import plan and the items (archived too) by id it was made against."""

    plan: ImportPlan
    items: dict[int, Item]


def read_import(store: CatalogueStore, path: Path, currency: str) -> Planned:
    """The import plan of a CSV file: nothing written yet (CatalogueFileRefused, OSError)."""
    data = path.read_bytes()
    items = store.items(archived=True)
    return Planned(read_catalogue_csv(data, currency, items), {i.id: i for i in items})


def apply_import(store: CatalogueStore, plan: ImportPlan, currency: str) -> Done:
    """Write an import plan, all of it or nothing."""
    written = apply_plan(store, plan, currency)
    return Done("imported", None, load(store), len(written))


def export(path: Path, items: list[Item], currency: str | None) -> Path:
    """Write ``items`` as a catalogue CSV at ``path`` (whole or not at all)."""
    return write_atomic(path, write_catalogue_csv(items, currency), mode=None)


def write_text(path: Path, text: str) -> Path:
    """Write a text file (the import report) at ``path`` (whole or not at all)."""
    return write_atomic(path, text, mode=None, encoding="utf-8")
