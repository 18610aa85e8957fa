"""The catalogue's items: what one is, the rules an item must follow, and a fast index.

An :class:`Item` is what the shop sells: a name, a price in the account currency
(exact Decimal), an optional barcode and SKU, a category and a tile colour. A new or
edited item is first an :class:`ItemDraft`; :func:`check_draft` cleans it and says
what is wrong (:class:`ItemRefused`, one :class:`Problem` and its field), with the
same rules for the catalogue page, the CSV import and the command line:

- name: one line of plain text (cleaned like typed text), 1 to :data:`NAME_CHARS`;
- price: the one rule for typed amounts (:mod:`hpos.sales.typed_amount`): digits,
  one ``.`` or ``,``, the currency's decimals, more than zero, at most the maximum;
- barcode and SKU: optional, 1 to :data:`CODE_CHARS` printable characters without
  spaces (what a scanner types); unique among the items not archived (the store
  checks that);
- category: optional, at most :data:`CATEGORY_CHARS`; "" is shown as "Other";
- colour: optional, ``#RRGGBB`` or one of :data:`COLOURS`' names (stored as hex).

:class:`CatalogueIndex` is the cashier's view of the items not archived: a scanned
code to its item in one dict lookup, and search as you type by name or code over a
few thousand items without touching the disk. No Qt here.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from hpos.sales.reference import clean_typed
from hpos.sales.typed_amount import AmountRefused, check_typed

NAME_CHARS = 80
CODE_CHARS = 64
CATEGORY_CHARS = 40
#: Tile colours by name (a CSV may name them); any ``#RRGGBB`` is accepted too.
COLOURS: dict[str, str] = {
    "red": "#C62828",
    "orange": "#EF6C00",
    "yellow": "#F9A825",
    "green": "#2E7D32",
    "teal": "#00796B",
    "blue": "#1565C0",
    "purple": "#6A1B9A",
    "pink": "#AD1457",
    "brown": "#5D4037",
    "grey": "#546E7A",
}
#: Other spellings of a colour's name (an American spreadsheet writes "gray").
_COLOUR_SPELLINGS = {"gray": "grey"}
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_CODE = re.compile(rf"[!-~]{{1,{CODE_CHARS}}}")


class Problem(enum.Enum):
    """What is wrong with an item (a front end words it in its own language)."""

    NO_NAME = "no name"
    NAME_TOO_LONG = "name too long"
    BAD_PRICE = "bad price"
    BAD_BARCODE = "bad barcode"
    BAD_SKU = "bad sku"
    CATEGORY_TOO_LONG = "category too long"
    BAD_COLOUR = "bad colour"
    DUPLICATE_BARCODE = "duplicate barcode"
    DUPLICATE_SKU = "duplicate sku"


class ItemRefused(ValueError):
    """An item that breaks a rule: ``problem`` says which, ``field`` where, ``detail`` more."""

    def __init__(self, problem: Problem, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.detail = detail

    @property
    def field(self) -> str:
        """The field at fault: name, price, barcode, sku, category or colour."""
        return {
            Problem.NO_NAME: "name",
            Problem.NAME_TOO_LONG: "name",
            Problem.BAD_PRICE: "price",
            Problem.BAD_BARCODE: "barcode",
            Problem.DUPLICATE_BARCODE: "barcode",
            Problem.BAD_SKU: "sku",
            Problem.DUPLICATE_SKU: "sku",
            Problem.CATEGORY_TOO_LONG: "category",
            Problem.BAD_COLOUR: "colour",
        }[self.problem]


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """An item as typed (a form, a CSV line, a command line), before :func:`check_draft`."""

    name: str
    price: Decimal | str
    barcode: str | None = None
    sku: str | None = None
    category: str = ""
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One item of the catalogue (a row of the journal's ``items`` table)."""

    id: int
    name: str
    price: Decimal
    barcode: str | None = None
    sku: str | None = None
    category: str = ""
    colour: str = ""
    archived: bool = False

    def draft(self) -> ItemDraft:
        """This item as a draft (to edit it)."""
        return ItemDraft(self.name, self.price, self.barcode, self.sku, self.category, self.colour)


def _code(value: str | None, problem: Problem, what: str) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if _CODE.fullmatch(text) is None:
        raise ItemRefused(
            problem,
            f"The {what} {text[:CODE_CHARS]!r} is not a code: 1 to {CODE_CHARS} letters without"
            " accents, digits or signs, without spaces.",
            detail=text,
        )
    return text


def colour_hex(value: str) -> str:
    """``"#1565c0"`` or ``"blue"`` -> ``"#1565C0"``; "" stays ""; ItemRefused otherwise."""
    text = value.strip()
    if not text:
        return ""
    if _HEX.fullmatch(text):
        return text.upper()
    name = text.casefold()
    named = COLOURS.get(_COLOUR_SPELLINGS.get(name, name))
    if named is None:
        raise ItemRefused(
            Problem.BAD_COLOUR,
            f"The colour {text!r} is not #RRGGBB or one of {', '.join(COLOURS)}.",
            detail=text,
        )
    return named


def check_price(value: Decimal | str, currency: str) -> Decimal:
    """A price for ``currency`` by the typed-amount rule; ItemRefused(BAD_PRICE) otherwise."""
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    try:
        return check_typed(text, currency)
    except AmountRefused as exc:
        raise ItemRefused(
            Problem.BAD_PRICE, f"The price {text.strip()!r}: {exc}", detail=text.strip()
        ) from None


def check_draft(draft: ItemDraft, currency: str) -> ItemDraft:
    """The draft cleaned (price a Decimal of the currency, colour hex), or ItemRefused."""
    name = clean_typed(draft.name)
    if not name:
        raise ItemRefused(Problem.NO_NAME, "The item has no name.")
    if len(name) > NAME_CHARS:
        raise ItemRefused(
            Problem.NAME_TOO_LONG,
            f"The name is {len(name)} characters long; at most {NAME_CHARS}.",
            detail=name,
        )
    price = check_price(draft.price, currency)
    category = clean_typed(draft.category)
    if len(category) > CATEGORY_CHARS:
        raise ItemRefused(
            Problem.CATEGORY_TOO_LONG,
            f"The category is {len(category)} characters long; at most {CATEGORY_CHARS}.",
            detail=category,
        )
    return ItemDraft(
        name=name,
        price=price,
        barcode=_code(draft.barcode, Problem.BAD_BARCODE, "barcode"),
        sku=_code(draft.sku, Problem.BAD_SKU, "SKU"),
        category=category,
        colour=colour_hex(draft.colour),
    )


def fold(text: str) -> str:
    """Text for matching: no accents, no case (``"Thé Glacé"`` -> ``"the glace"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tile_order(item: Item) -> tuple[bool, str, str, int]:
    """The quick keys' order: by category ("no category" last), then by name."""
    return (item.category == "", fold(item.category), fold(item.name), item.id)


@dataclass(frozen=True, slots=True)
class _Entry:
    item: Item
    name: str  # folded
    words: tuple[str, ...]
    codes: tuple[str, ...]  # folded


@dataclass(frozen=True)
class CatalogueIndex:
    """The items not archived, by category, by code, and searchable (built once, read often).

    Plain data: built on a worker, handed to the GUI thread, never changed (a new
    catalogue makes a new index).
    """

    items: tuple[Item, ...] = ()
    _entries: tuple[_Entry, ...] = field(default=(), repr=False)
    _codes: dict[str, Item] = field(default_factory=dict, repr=False)
    _categories: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def build(cls, items: Iterable[Item]) -> CatalogueIndex:
        """The index of ``items`` (archived ones left out), by category then name."""
        active = sorted((i for i in items if not i.archived), key=tile_order)
        entries = []
        for item in active:
            item_codes = tuple(c for c in (item.barcode, item.sku) if c)
            name = fold(item.name)
            entries.append(_Entry(item, name, tuple(name.split()), tuple(map(fold, item_codes))))
        # Barcodes before SKUs (a scanned barcode is its item's even when another item's SKU
        # is the same, as the store's by_code), exact codes before folded ones (an item's
        # "ABC" never takes "abc" from the item whose code is exactly "abc").
        codes: dict[str, Item] = {}
        for fold_code in (str, fold):
            for column in ("barcode", "sku"):
                for item in active:
                    code = getattr(item, column)
                    if code:
                        codes.setdefault(fold_code(code), item)
        categories = tuple(dict.fromkeys(i.category for i in active))
        return cls(tuple(active), tuple(entries), codes, categories)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories in tile order ("" — no category — last)."""
        return self._categories

    def in_category(self, category: str) -> list[Item]:
        """The items of one category, by name."""
        return [i for i in self.items if i.category == category]

    def by_code(self, code: str) -> Item | None:
        """The item whose barcode or SKU is ``code`` (exactly, else ignoring case)."""
        text = code.strip()
        return self._codes.get(text) or self._codes.get(fold(text)) if text else None

    def search(self, text: str, limit: int = 50) -> list[Item]:
        """Items matching ``text`` by name or code, best first: a code exactly, then names
        starting with it, then a word starting with it, then anywhere. Every word of
        ``text`` must match."""
        words = fold(text).split()
        if not words:
            return []
        whole = " ".join(words)
        ranked: list[tuple[int, int, Item]] = []
        for n, entry in enumerate(self._entries):
            if whole in entry.codes:
                rank = 0
            elif entry.name.startswith(whole):
                rank = 1
            elif all(any(w.startswith(t) for w in entry.words) for t in words):
                rank = 2
            elif all(t in entry.name or any(t in c for c in entry.codes) for t in words):
                rank = 3
            else:
                continue
            ranked.append((rank, n, entry.item))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [item for _, _, item in ranked[:limit]]
