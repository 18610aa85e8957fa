"""The catalogue as a CSV file: read one into an import plan, apply it, write one.

**Reading** (:func:`read_catalogue_csv`) never writes: it gives an :class:`ImportPlan`
(what would be added, updated, archived, restored, and every rejected line with why),
which :func:`apply_plan` then writes in one transaction. A front end can show the
plan first (``hpos catalogue import --dry-run``, the catalogue page's preview).

The file:

- UTF-8 (a byte-order mark is fine), else Windows-1252 (an old Excel's "CSV");
  at most :data:`MAX_BYTES` and :data:`MAX_LINES` data lines;
- cells separated by ``,`` or ``;`` (French spreadsheets use ``;`` and decimal
  commas), found from the header row;
- a header row naming the columns, in any order, any case, with or without accents,
  in English or French (:data:`COLUMNS`): ``name``/``nom`` and ``price``/``prix``
  are required; a column it does not know refuses the whole file
  (:class:`CatalogueFileRefused`: nothing imported), as does a file that is no CSV;
- a column left out keeps the items' current value (a file of names and prices
  changes prices only); an empty cell clears an optional field;
- a colour as ``#RRGGBB`` or a name, English or French (``blue``, ``bleu``);
- prices by the one rule for typed amounts (:func:`~hpos.sales.catalogue.check_price`):
  ``12,50`` and ``12.50`` both work in CAD, ``1500`` in XOF, ``12,5`` is refused in XOF.

Each data line is checked (:func:`~hpos.sales.catalogue.check_draft`) and matched to an
existing item: by barcode, else by SKU, else by the same name and category (accents
and case aside) — an item with codes is matched by name only from a line without
codes. A match is an update if anything differs (else unchanged); no match is a new
item. ``archived`` = yes archives the item it matches (a line that matches nothing is
left out: nothing to archive); no restores an archived item. Blank lines are skipped.

A rejected line is left out and the others go through. :attr:`RejectedLine.problem`
is the value of a :class:`~hpos.sales.catalogue.Problem` (``"bad price"``,
``"duplicate barcode"``, ...) or one of this module's kinds, so a front end can word
each in its own language:

- ``"cells"`` (:data:`CELLS`): not as many cells as the header has columns;
- ``"archived"`` (:data:`ARCHIVED`): the archived cell is not yes/no, 1/0, oui/non;
- ``"repeated"`` (:data:`REPEATED`): a line for an item an earlier line already
  names (same match, or same name and category without codes).

``duplicate barcode``/``duplicate sku`` mean the code is on an earlier line of the
file, or belongs to another item not archived than the one the line matches.

**Writing** (:func:`write_catalogue_csv`): UTF-8 with a byte-order mark (Excel reads
accents right), the English header ``name,price,category,barcode,sku,colour,archived``,
prices as :func:`~hpos.hpay.money.amount_text`, text cells guarded against formulas
(:func:`~hpos.util.csvcell.guard_formula`); reading a written file back gives the
same items (the guard's apostrophe is taken off again). No Qt here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hpos.hpay.money import amount_text
from hpos.sales.catalogue import (
    Item,
    ItemDraft,
    ItemRefused,
    Problem,
    check_draft,
    fold,
)
from hpos.sales.catalogue_store import CatalogueStore
from hpos.util.csvcell import FORMULA_START, guard_formula

__all__ = [
    "ARCHIVED",
    "CELLS",
    "COLUMNS",
    "FRENCH_COLOURS",
    "HEADER",
    "MAX_BYTES",
    "MAX_LINES",
    "REPEATED",
    "CatalogueFileRefused",
    "ImportPlan",
    "RejectedLine",
    "apply_plan",
    "read_catalogue_csv",
    "write_catalogue_csv",
]

#: The largest file read (bytes) and the most data lines in it.
MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20_000
#: The kinds of rejected line this module adds to :class:`~hpos.sales.catalogue.Problem`.
CELLS = "cells"
ARCHIVED = "archived"
REPEATED = "repeated"
#: The columns written, in order (the names read are in :data:`COLUMNS`).
HEADER = ("name", "price", "category", "barcode", "sku", "colour", "archived")
#: Column names read (folded, without spaces, dashes, underscores or dots) -> column.
COLUMNS: dict[str, str] = {
    "name": "name",
    "nom": "name",
    "item": "name",
    "article": "name",
    "product": "name",
    "produit": "name",
    "price": "price",
    "prix": "price",
    "unitprice": "price",
    "prixunitaire": "price",
    "category": "category",
    "categorie": "category",
    "barcode": "barcode",
    "codebarres": "barcode",
    "codebarre": "barcode",
    "ean": "barcode",
    "ean13": "barcode",
    "gtin": "barcode",
    "upc": "barcode",
    "sku": "sku",
    "reference": "sku",
    "ref": "sku",
    "colour": "colour",
    "color": "colour",
    "couleur": "colour",
    "archived": "archived",
    "archive": "archived",
    "archivee": "archived",
}
#: French names of the tile colours (:data:`~hpos.sales.catalogue.COLOURS`), folded.
FRENCH_COLOURS: dict[str, str] = {
    "rouge": "red",
    "orange": "orange",
    "jaune": "yellow",
    "vert": "green",
    "sarcelle": "teal",
    "bleu canard": "teal",
    "bleu": "blue",
    "violet": "purple",
    "rose": "pink",
    "marron": "brown",
    "brun": "brown",
    "gris": "grey",
}
_YES = frozenset({"yes", "y", "1", "oui", "o", "true", "vrai", "x"})
_NO = frozenset({"no", "n", "0", "non", "false", "faux", ""})
_NOT_LETTERS = re.compile(r"[\s\-_.]+")
#: Shown text of a rejected line at most this long.
_LINE_TEXT = 200


class CatalogueFileRefused(ValueError):
    """The whole file is refused (not a CSV, no usable header, too large): nothing imported."""


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """A data line left out: its line number in the file (the header is line 1), its
    text, the kind of problem (see the module doc) and an English sentence."""

    line: int
    text: str
    problem: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a file would do (nothing is written until :func:`apply_plan`).

    ``changes`` go to :meth:`CatalogueStore.write_many` (id None: a new item);
    ``archive`` and ``restore`` are item ids. The counts are of lines.
    """

    changes: tuple[tuple[int | None, ItemDraft], ...] = ()
    archive: tuple[int, ...] = ()
    restore: tuple[int, ...] = ()
    rejected: tuple[RejectedLine, ...] = ()
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    archived: int = 0
    restored: int = 0
    columns: tuple[str, ...] = field(default=())

    @property
    def has_changes(self) -> bool:
        """Would applying it write anything?"""
        return bool(self.changes or self.archive or self.restore)


# -- reading ----------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CatalogueFileRefused(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; a catalogue file is at most"
            f" {MAX_BYTES // 1024 // 1024} MB."
        )
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CatalogueFileRefused(
            "This is a spreadsheet workbook, not a CSV file: save it as CSV first."
        )
    if b"\x00" in data:
        raise CatalogueFileRefused("This is not a text file: a catalogue is a CSV file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise CatalogueFileRefused(
            "The file's text is neither UTF-8 nor Windows-1252: save it as CSV UTF-8."
        ) from None


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _column_key(text: str) -> str:
    return _NOT_LETTERS.sub("", fold(text.strip().lstrip("\ufeff")))


def _columns(header: list[str]) -> tuple[str, ...]:
    cells = list(header)
    while cells and not cells[-1].strip():
        cells.pop()
    columns: list[str] = []
    for n, cell in enumerate(cells, start=1):
        if not cell.strip():
            raise CatalogueFileRefused(f"Column {n} of the header row has no name.")
        column = COLUMNS.get(_column_key(cell))
        if column is None:
            known = ", ".join(HEADER)
            raise CatalogueFileRefused(
                f"Unknown column {cell.strip()[:40]!r} in the header row: the columns are"
                f" {known} (or nom, prix, catégorie, code-barres, référence, couleur, archivé)."
            )
        if column in columns:
            raise CatalogueFileRefused(f"The column {column!r} is in the header row twice.")
        columns.append(column)
    missing = [c for c in ("name", "price") if c not in columns]
    if missing:
        raise CatalogueFileRefused(
            f"The header row has no {' and no '.join(missing)} column: the first row of a"
            " catalogue file names its columns, and name and price are required."
        )
    return tuple(columns)


def _unguard(cell: str) -> str:
    """A cell as written by :func:`_guard` back to its text (the apostrophe taken off)."""
    if cell.startswith("'") and cell[1:].lstrip(" ").startswith((*FORMULA_START, "'")):
        return cell[1:]
    return cell


def _guard(text: str) -> str:
    """A text cell for a spreadsheet; :func:`_unguard` gives ``text`` back."""
    cell = guard_formula(text)
    if cell == text and _unguard(cell) != cell:
        # The text itself starts like a guarded cell: one apostrophe more, taken off on reading.
        return "'" + cell
    return cell


def _shown(raw: str) -> str:
    text = " ".join(raw.split())
    return text if len(text) <= _LINE_TEXT else text[: _LINE_TEXT - 1] + "…"


@dataclass
class _Matcher:
    """The existing items by code and by name, for matching lines."""

    items: Sequence[Item]
    barcodes: dict[str, Item] = field(default_factory=dict)
    skus: dict[str, Item] = field(default_factory=dict)
    names: dict[tuple[str, str], list[Item]] = field(default_factory=dict)
    bare_names: dict[str, list[Item]] = field(default_factory=dict)
    active_barcodes: dict[str, Item] = field(default_factory=dict)
    active_skus: dict[str, Item] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Active items first, then archived ones newest first: the first seen wins.
        order = sorted(self.items, key=lambda i: (i.archived, -i.id if i.archived else i.id))
        for item in order:
            if item.barcode:
                self.barcodes.setdefault(item.barcode, item)
                if not item.archived:
                    self.active_barcodes[item.barcode] = item
            if item.sku:
                self.skus.setdefault(item.sku, item)
                if not item.archived:
                    self.active_skus[item.sku] = item
            self.names.setdefault((fold(item.name), fold(item.category)), []).append(item)
            self.bare_names.setdefault(fold(item.name), []).append(item)

    def match(self, draft: ItemDraft, has_category: bool) -> Item | None:
        if draft.barcode and draft.barcode in self.barcodes:
            return self.barcodes[draft.barcode]
        if draft.sku and draft.sku in self.skus:
            return self.skus[draft.sku]
        name = fold(draft.name)
        same = self.names.get((name, fold(draft.category)), []) if has_category else []
        coded = bool(draft.barcode or draft.sku)
        for item in same if has_category else self.bare_names.get(name, []):
            if not coded or not (item.barcode or item.sku):
                return item
        return None


def _archived_cell(value: str) -> bool:
    text = fold(value.strip())
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(value)


class _Reject(Exception):
    def __init__(self, problem: str, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message


def read_catalogue_csv(data: bytes, currency: str, existing: Sequence[Item]) -> ImportPlan:
    """The plan for importing ``data`` into a catalogue of ``existing`` items (archived
    ones included, so that they are matched rather than added again) in ``currency``.

    Raises :class:`CatalogueFileRefused` for a file refused as a whole.
    """
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = io.StringIO(text).readlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), 0)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[first] if lines else ""))
    try:
        rows = _rows(reader, lines)
        header_row = next(rows, None)
        if header_row is None:
            raise CatalogueFileRefused(
                "The file is empty: a catalogue file starts with a header row."
            )
        columns = _columns(header_row[1])
        width = max(len(columns), len(header_row[1]))
        return _plan(rows, columns, width, currency, _Matcher(existing))
    except csv.Error as exc:
        raise CatalogueFileRefused(f"The file is not a readable CSV file ({exc}).") from None


def _rows(reader: Any, lines: list[str]) -> Iterator[tuple[int, list[str], str]]:
    """(first line number, cells, raw text) of each non-blank row (``reader`` a csv.reader)."""
    start = 1
    count = 0
    for cells in reader:
        end = reader.line_num
        raw = "".join(lines[start - 1 : end])
        this, start = start, end + 1
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > MAX_LINES + 1:
            raise CatalogueFileRefused(
                f"The file has more than {MAX_LINES:,} lines; import it in parts."
            )
        yield this, cells, raw


def _plan(
    rows: Iterable[tuple[int, list[str], str]],
    columns: tuple[str, ...],
    width: int,
    currency: str,
    matcher: _Matcher,
) -> ImportPlan:
    changes: list[tuple[int | None, ItemDraft]] = []
    archive: list[int] = []
    restore: list[int] = []
    rejected: list[RejectedLine] = []
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    seen_items: dict[int, int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    seen_barcodes: dict[str, int] = {}
    seen_skus: dict[str, int] = {}
    for number, cells, raw in rows:
        try:
            values = _cells(cells, columns, width)
            archived = _archived(values)
            draft = check_draft(_draft(values, None), currency)
            match = matcher.match(draft, "category" in values)
            draft = check_draft(_draft(values, match), currency)
            stays_archived = match is not None and match.archived and archived is not False
            _check_codes(draft, match, stays_archived, matcher, seen_barcodes, seen_skus)
            _check_repeated(draft, match, seen_items, seen_names)
        except ItemRefused as exc:
            rejected.append(RejectedLine(number, _shown(raw), exc.problem.value, str(exc)))
            continue
        except _Reject as exc:
            rejected.append(RejectedLine(number, _shown(raw), exc.problem, exc.message))
            continue
        if draft.barcode:
            seen_barcodes[draft.barcode] = number
        if draft.sku:
            seen_skus[draft.sku] = number
        if match is not None:
            seen_items[match.id] = number
        elif not (draft.barcode or draft.sku):
            seen_names[(fold(draft.name), fold(draft.category))] = number
        if match is None:
            if archived:
                counts["unchanged"] += 1  # nothing to archive: left out
                continue
            changes.append((None, draft))
            counts["added"] += 1
            continue
        if _differs(draft, match):
            changes.append((match.id, draft))
            counts["updated"] += 1
        elif archived is None or archived == match.archived:
            counts["unchanged"] += 1
        if archived and not match.archived:
            archive.append(match.id)
        elif archived is False and match.archived:
            restore.append(match.id)
    return ImportPlan(
        changes=tuple(changes),
        archive=tuple(archive),
        restore=tuple(restore),
        rejected=tuple(rejected),
        archived=len(archive),
        restored=len(restore),
        columns=columns,
        **counts,
    )


def _cells(cells: list[str], columns: tuple[str, ...], width: int) -> dict[str, str]:
    """The line's cells by column; as many as the header's (empty header cells at the end
    of the header row may stay empty)."""
    extra = cells[len(columns) :]
    if not len(columns) <= len(cells) <= width or any(c.strip() for c in extra):
        raise _Reject(
            CELLS,
            f"The line has {len(cells)} cells; the header has {len(columns)} columns.",
        )
    return {column: _unguard(cell) for column, cell in zip(columns, cells, strict=False)}


def _archived(values: dict[str, str]) -> bool | None:
    if "archived" not in values:
        return None
    try:
        return _archived_cell(values["archived"])
    except ValueError:
        raise _Reject(
            ARCHIVED,
            f"Archived {values['archived'].strip()[:20]!r}: write yes or no (oui or non, 1 or 0).",
        ) from None


def _draft(values: dict[str, str], match: Item | None) -> ItemDraft:
    """The line as a draft; a column the file leaves out keeps the matched item's value."""
    base = match.draft() if match is not None else ItemDraft("", "")

    def pick(column: str, current: str | None) -> str:
        return values.get(column, current or "")

    return ItemDraft(
        name=values["name"],
        price=values["price"],
        barcode=pick("barcode", base.barcode),
        sku=pick("sku", base.sku),
        category=pick("category", base.category),
        colour=_colour(pick("colour", base.colour)),
    )


def _colour(text: str) -> str:
    return FRENCH_COLOURS.get(" ".join(fold(text).split()), text)


def _check_codes(
    draft: ItemDraft,
    match: Item | None,
    stays_archived: bool,
    matcher: _Matcher,
    seen_barcodes: dict[str, int],
    seen_skus: dict[str, int],
) -> None:
    own = match.id if match is not None else None
    checks = (
        (
            draft.barcode,
            "barcode",
            Problem.DUPLICATE_BARCODE,
            seen_barcodes,
            matcher.active_barcodes,
        ),
        (draft.sku, "SKU", Problem.DUPLICATE_SKU, seen_skus, matcher.active_skus),
    )
    for code, what, problem, seen, active in checks:
        if not code:
            continue
        if code in seen:
            raise ItemRefused(
                problem, f"The {what} {code} is already on line {seen[code]}.", detail=code
            )
        other = active.get(code)  # (an item that stays archived may share an active one's)
        if other is not None and other.id != own and not stays_archived:
            raise ItemRefused(
                problem, f"The {what} {code} is already {other.name}'s.", detail=other.name
            )


def _check_repeated(
    draft: ItemDraft,
    match: Item | None,
    seen_items: dict[int, int],
    seen_names: dict[tuple[str, str], int],
) -> None:
    if match is not None and match.id in seen_items:
        line = seen_items[match.id]
    elif match is None and not (draft.barcode or draft.sku):
        line = seen_names.get((fold(draft.name), fold(draft.category)), 0)
    else:
        line = 0
    if line:
        raise _Reject(REPEATED, f"{draft.name} is already on line {line}.")


def _differs(draft: ItemDraft, item: Item) -> bool:
    fields = ("name", "barcode", "sku", "category", "colour")
    if any(getattr(draft, f) != getattr(item, f) for f in fields):
        return True
    return Decimal(draft.price) != item.price


# -- applying ---------------------------------------------------------------------------


def apply_plan(store: CatalogueStore, plan: ImportPlan, currency: str) -> list[Item]:
    """Write ``plan``: its changes all or none in one transaction, then its archives and
    restores. The items written, as they are now.

    Raises what :meth:`CatalogueStore.write_many` raises (ItemRefused when the catalogue
    changed since the plan was made, CurrencyMismatch), with nothing written.
    """
    written: dict[int, Item] = {}
    if plan.changes:
        for item in store.write_many(plan.changes, currency):
            written[item.id] = item
    for item_id in plan.archive:
        written[item_id] = store.archive(item_id)
    for item_id in plan.restore:
        written[item_id] = store.restore(item_id)
    return list(written.values())


# -- writing ----------------------------------------------------------------------------


def write_catalogue_csv(items: Iterable[Item], currency: str | None = None) -> bytes:
    """The items as a CSV file (UTF-8 with a byte-order mark; see the module doc).

    ``currency`` evens prices out to its decimals (they already are when the store
    wrote them).
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in items:
        price = amount_text(item.price, currency) if currency else format(item.price, "f")
        writer.writerow(
            (
                _guard(item.name),
                price,
                _guard(item.category),
                _guard(item.barcode or ""),
                _guard(item.sku or ""),
                item.colour,
                "yes" if item.archived else "no",
            )
        )
    return buf.getvalue().encode("utf-8-sig")
