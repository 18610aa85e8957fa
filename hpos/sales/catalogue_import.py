"""Importing a catalogue file: each line matched to an item, a plan of what would change,
then the plan written.

**Reading** (:func:`read_catalogue_csv`) never writes: it reads the file
(:mod:`hpos.sales.catalogue_csv`, the format) and gives an :class:`ImportPlan` (what
would be added, updated, archived, restored, and every rejected line with why), which
:func:`apply_plan` then writes in one transaction. A front end can show the plan first
(``hpos catalogue import --dry-run``, the catalogue page's preview).

Each data line is checked (:func:`~hpos.sales.catalogue.check_draft`) and matched to an
existing item: by barcode, else by SKU, else by the same name and category (accents
and case aside) — an item with codes is matched by name only from a line without
codes. A match is an update if anything differs (else unchanged); no match is a new
item. A column the file leaves out keeps the items' current value (a file of names and
prices changes prices only); an empty cell clears an optional field. Prices follow the
one rule for typed amounts (:func:`~hpos.sales.catalogue.check_price`): ``12,50`` and
``12.50`` both work in CAD, ``1500`` in XOF, ``12,5`` is refused in XOF; a whole XOF
price a spreadsheet wrote with two decimals (``550,00``) is read as ``550``. ``archived`` =
yes archives the item it matches (a line that matches nothing is left out: nothing to
archive); no restores an archived item.

A rejected line is left out and the others go through. :attr:`RejectedLine.problem`
is the value of a :class:`~hpos.sales.catalogue.Problem` (``"bad price"``,
``"duplicate barcode"``, ...), a kind of the file format's
(:data:`~hpos.sales.catalogue_csv.CELLS`, :data:`~hpos.sales.catalogue_csv.ARCHIVED`)
or ``"repeated"`` (:data:`REPEATED`: a line for an item an earlier line already names —
same match, or same name and category without codes), or ``"rewritten number"``
(:data:`REWRITTEN`: a barcode such as ``6,18E+12``, a long number a spreadsheet saved in
its scientific notation, which has lost its digits), so a front end can word each in
its own language. ``duplicate barcode``/``duplicate sku`` mean the code is on an
earlier line of the file, or belongs to another item not archived than the one the
line matches. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hpos.sales.catalogue import Item, ItemDraft, ItemRefused, Problem, check_draft, fold
from hpos.sales.catalogue_csv import (
    CatalogueTable,
    LineRefused,
    archived_value,
    colour_cell,
    price_cell,
    read_table,
)
from hpos.sales.catalogue_store import CatalogueStore

__all__ = [
    "REPEATED",
    "REWRITTEN",
    "ImportPlan",
    "RejectedLine",
    "apply_plan",
    "read_catalogue_csv",
]

#: The kinds of rejected line this module adds (the format's are CELLS and ARCHIVED).
REPEATED = "repeated"
REWRITTEN = "rewritten number"
#: A barcode a spreadsheet wrote in scientific notation ("6,18E+12", "6.18001E+12").
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+\d+")


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """A data line left out: its line number in the file (the header is line 1), its
    text, the kind of problem (see the module doc), an English sentence and the text at
    fault when the rules name one (a price as typed, a code; else "")."""

    line: int
    text: str
    problem: str
    message: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing a file would do (nothing is written until :func:`apply_plan`).

    ``changes`` go to :meth:`CatalogueStore.write_many` (id None: a new item);
    ``archive`` and ``restore`` are item ids. The counts are of lines (``archived`` and
    ``restored``: of ``archive`` and ``restore``). ``change_lines``, ``archive_lines``
    and ``restore_lines`` are the file's line numbers of ``changes``, ``archive`` and
    ``restore``, in the same order (for a report of what would change).
    """

    changes: tuple[tuple[int | None, ItemDraft], ...] = ()
    archive: tuple[int, ...] = ()
    restore: tuple[int, ...] = ()
    rejected: tuple[RejectedLine, ...] = ()
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    columns: tuple[str, ...] = field(default=())
    change_lines: tuple[int, ...] = ()
    archive_lines: tuple[int, ...] = ()
    restore_lines: tuple[int, ...] = ()

    @property
    def archived(self) -> int:
        """How many items the file archives."""
        return len(self.archive)

    @property
    def restored(self) -> int:
        """How many archived items the file restores."""
        return len(self.restore)

    @property
    def has_changes(self) -> bool:
        """Would applying it write anything?"""
        return bool(self.changes or self.archive or self.restore)


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


# -- reading ----------------------------------------------------------------------------


def read_catalogue_csv(data: bytes, currency: str, existing: Sequence[Item]) -> ImportPlan:
    """The plan for importing ``data`` into a catalogue of ``existing`` items (archived
    ones included, so that they are matched rather than added again) in ``currency``.

    Raises :class:`~hpos.sales.catalogue_csv.CatalogueFileRefused` for a file refused
    as a whole.
    """
    return _plan(read_table(data), currency, _Matcher(existing))


def _plan(table: CatalogueTable, currency: str, matcher: _Matcher) -> ImportPlan:
    changes: list[tuple[int | None, ItemDraft]] = []
    archive: list[int] = []
    restore: list[int] = []
    lines: dict[str, list[int]] = {"changes": [], "archive": [], "restore": []}
    rejected: list[RejectedLine] = []
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    seen_items: dict[int, int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    seen_barcodes: dict[str, int] = {}
    seen_skus: dict[str, int] = {}
    for line in table.lines:
        number = line.number
        try:
            values = table.values(line)
            archived = archived_value(values)
            draft = check_draft(_draft(values, None, currency), currency)
            match = matcher.match(draft, "category" in values)
            draft = check_draft(_draft(values, match, currency), currency)
            _check_rewritten(draft)
            stays_archived = match is not None and match.archived and archived is not False
            _check_codes(draft, match, stays_archived, matcher, seen_barcodes, seen_skus)
            _check_repeated(draft, match, seen_items, seen_names)
        except ItemRefused as exc:
            problem = exc.problem.value
            rejected.append(RejectedLine(number, line.text, problem, str(exc), exc.detail))
            continue
        except LineRefused as exc:
            rejected.append(RejectedLine(number, line.text, exc.problem, exc.message, exc.detail))
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
            lines["changes"].append(number)
            counts["added"] += 1
            continue
        if _differs(draft, match):
            changes.append((match.id, draft))
            lines["changes"].append(number)
            counts["updated"] += 1
        elif archived is None or archived == match.archived:
            counts["unchanged"] += 1
        if archived and not match.archived:
            archive.append(match.id)
            lines["archive"].append(number)
        elif archived is False and match.archived:
            restore.append(match.id)
            lines["restore"].append(number)
    return ImportPlan(
        changes=tuple(changes),
        archive=tuple(archive),
        restore=tuple(restore),
        rejected=tuple(rejected),
        columns=table.columns,
        change_lines=tuple(lines["changes"]),
        archive_lines=tuple(lines["archive"]),
        restore_lines=tuple(lines["restore"]),
        **counts,
    )


def _draft(values: dict[str, str], match: Item | None, currency: str) -> ItemDraft:
    """The line as a draft; a column the file leaves out keeps the matched item's value."""
    base = match.draft() if match is not None else ItemDraft("", "")

    def pick(column: str, current: str | None) -> str:
        return values.get(column, current or "")

    return ItemDraft(
        name=values["name"],
        price=price_cell(values["price"], currency),
        barcode=pick("barcode", base.barcode),
        sku=pick("sku", base.sku),
        category=pick("category", base.category),
        colour=colour_cell(pick("colour", base.colour)),
    )


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


def _check_rewritten(draft: ItemDraft) -> None:
    """A barcode a spreadsheet turned into "6,18E+12" has lost digits: importing it would
    give the item a code no scan ever matches."""
    if draft.barcode and _SCIENTIFIC.fullmatch(draft.barcode):
        raise LineRefused(
            REWRITTEN,
            f"The barcode {draft.barcode} is a number the spreadsheet rewrote (its digits are"
            " lost): format the barcode column as text, type the codes again and save.",
            detail=draft.barcode,
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
        raise LineRefused(REPEATED, f"{draft.name} is already on line {line}.")


def _differs(draft: ItemDraft, item: Item) -> bool:
    fields = ("name", "barcode", "sku", "category", "colour")
    if any(getattr(draft, f) != getattr(item, f) for f in fields):
        return True
    return Decimal(draft.price) != item.price


# -- applying ---------------------------------------------------------------------------


def apply_plan(store: CatalogueStore, plan: ImportPlan, currency: str) -> list[Item]:
    """Write ``plan`` (its changes, then its archives and restores) all or none in one
    transaction. The items written, as they are now.

    Raises what :meth:`CatalogueStore.write_many` raises (ItemRefused or KeyError when the
    catalogue changed since the plan was made, CurrencyMismatch), with nothing written.
    """
    if not plan.has_changes:
        return []
    return store.write_many(plan.changes, currency, archive=plan.archive, restore=plan.restore)
