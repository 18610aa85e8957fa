"""The catalogue's CSV file format: bytes to a table of cells by column, items to bytes.

What the cells *mean* for the catalogue — matching lines to items, the import plan,
rejected lines — is :mod:`hpos.sales.catalogue_import`'s; this module only reads and
writes the file.

The file:

- UTF-8 (a byte-order mark is fine), else Windows-1252 (an old Excel's "CSV");
  at most :data:`MAX_BYTES` and :data:`MAX_LINES` data lines;
- cells separated by ``,`` or ``;`` (French spreadsheets use ``;`` and decimal
  commas), found from the header row;
- a header row naming the columns, in any order, any case, with or without accents,
  in English or French (:data:`COLUMNS`): ``name``/``nom`` and ``price``/``prix``
  are required; a column it does not know refuses the whole file
  (:class:`CatalogueFileRefused`: nothing imported), as does a file that is no CSV;
- blank lines are skipped;
- a colour as ``#RRGGBB`` or a name, English or French (``blue``, ``bleu``:
  :func:`colour_cell`); archived as yes/no, 1/0, oui/non (:func:`archived_value`).

A line whose cells cannot be read raises :class:`LineRefused` with one of the kinds
``"cells"`` (:data:`CELLS`: not as many cells as the header has columns) or
``"archived"`` (:data:`ARCHIVED`: the archived cell is not yes/no, 1/0, oui/non); the
importer leaves such a line out and goes on.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from hpos.hpay.money import amount_text, currency_decimals
from hpos.sales.catalogue import Item, fold
from hpos.util.csvcell import FORMULA_START, guard_formula

__all__ = [
    "ARCHIVED",
    "CELLS",
    "COLUMNS",
    "FRENCH_COLOURS",
    "HEADER",
    "MAX_BYTES",
    "MAX_LINES",
    "CatalogueFileRefused",
    "CatalogueTable",
    "CsvLine",
    "LineRefused",
    "archived_value",
    "colour_cell",
    "price_cell",
    "read_table",
    "write_catalogue_csv",
]

#: The largest file read (bytes) and the most data lines in it.
MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20_000
#: The kinds of line whose cells cannot be read (:class:`LineRefused`).
CELLS = "cells"
ARCHIVED = "archived"
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
#: Shown text of a line at most this long.
_LINE_TEXT = 200


class CatalogueFileRefused(ValueError):
    """The whole file is refused (not a CSV, no usable header, too large): nothing imported."""


class LineRefused(Exception):
    """One data line is left out: ``problem`` its kind, ``message`` an English sentence,
    ``detail`` the text at fault (or "")."""

    def __init__(self, problem: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.detail = detail


@dataclass(frozen=True, slots=True)
class CsvLine:
    """A non-blank row of the file: its first line number (the header is line 1), its
    cells as read and its raw text (a quoted cell may span lines)."""

    number: int
    cells: list[str]
    raw: str

    @property
    def text(self) -> str:
        """The raw text on one line, white space folded, cut at 200 characters."""
        text = " ".join(self.raw.split())
        return text if len(text) <= _LINE_TEXT else text[: _LINE_TEXT - 1] + "…"


@dataclass(frozen=True, slots=True)
class CatalogueTable:
    """A file's header and its data lines, read as they are iterated.

    Iterating :attr:`lines` may raise :class:`CatalogueFileRefused` (a file that stops
    being CSV further down, more than :data:`MAX_LINES` lines).
    """

    columns: tuple[str, ...]
    width: int
    lines: Iterator[CsvLine]

    def values(self, line: CsvLine) -> dict[str, str]:
        """The line's cells by column; as many as the header's (empty header cells at the
        end of the header row may stay empty). Raises :class:`LineRefused` (:data:`CELLS`)."""
        cells, columns = line.cells, self.columns
        extra = cells[len(columns) :]
        if not len(columns) <= len(cells) <= self.width or any(c.strip() for c in extra):
            raise LineRefused(
                CELLS,
                f"The line has {len(cells)} cells; the header has {len(columns)} columns.",
            )
        return {column: _unguard(cell) for column, cell in zip(columns, cells, strict=False)}


# -- reading ----------------------------------------------------------------------------


def read_table(data: bytes) -> CatalogueTable:
    """``data`` as a table (its lines read as iterated); raises :class:`CatalogueFileRefused`
    for a file refused as a whole."""
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = io.StringIO(text).readlines()
    first = next((n for n, line in enumerate(raw_lines) if line.strip()), 0)
    delimiter = _delimiter(raw_lines[first] if raw_lines else "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = _lines(reader, raw_lines)
    header = next(lines, None)
    if header is None:
        raise CatalogueFileRefused("The file is empty: a catalogue file starts with a header row.")
    columns = _columns(header.cells)
    return CatalogueTable(columns, max(len(columns), len(header.cells)), lines)


def archived_value(values: dict[str, str]) -> bool | None:
    """The archived cell as yes/no; None without that column. Raises :class:`LineRefused`
    (:data:`ARCHIVED`) for another word."""
    if "archived" not in values:
        return None
    text = fold(values["archived"].strip())
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise LineRefused(
        ARCHIVED,
        f"Archived {values['archived'].strip()[:20]!r}: write yes or no (oui or non, 1 or 0).",
    )


#: A whole price a spreadsheet wrote with two decimals: ``550,00``, ``1 500.00``.
_TWO_ZEROS = re.compile(r"(?P<whole>.*\d)\s*[.,]00")


def price_cell(text: str, currency: str) -> str:
    """A price cell as typed, but for a currency without decimals (XOF) a whole price a
    spreadsheet formatted with two decimals (``550,00``) is that whole price (``550``).

    Only exactly two zeros: ``1.000`` may be a thousand written the German way and stays
    refused, as ``12,50`` does (a price XOF cannot charge)."""
    if currency_decimals(currency) == 0:
        whole = _TWO_ZEROS.fullmatch(text.strip())
        if whole is not None:
            return whole["whole"]
    return text


def colour_cell(text: str) -> str:
    """A colour cell with a French colour name made English (others as they are)."""
    return FRENCH_COLOURS.get(" ".join(fold(text).split()), text)


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


def _lines(reader: Any, raw_lines: list[str]) -> Iterator[CsvLine]:
    """Each non-blank row (``reader`` a csv.reader over ``raw_lines``)."""
    start = 1
    count = 0
    try:
        for cells in reader:
            end = reader.line_num
            raw = "".join(raw_lines[start - 1 : end])
            this, start = start, end + 1
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > MAX_LINES + 1:
                raise CatalogueFileRefused(
                    f"The file has more than {MAX_LINES:,} lines; import it in parts."
                )
            yield CsvLine(this, cells, raw)
    except csv.Error as exc:
        raise CatalogueFileRefused(f"The file is not a readable CSV file ({exc}).") from None


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
