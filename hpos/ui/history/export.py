"""The history pane's CSV export: exact amounts, ISO dates, no spreadsheet formulas.

:func:`rows_to_csv` is pure (it runs anywhere); :func:`write_csv` touches the
disk and is meant for the :class:`~hpos.ui.runner.Runner`, never the GUI thread.
Amounts have the currency's ISO 4217 decimals, ungrouped ("7000" XOF, "0.50"
CAD: :func:`hpos.hpay.money.amount_text`); fees and net (amount less fees) only
on the rows where money moved (PAID, PAID LATE), empty elsewhere; dates are ISO
8601 with their offset. A text cell that a spreadsheet would run as a formula (it
starts with = + - @, a tab or a carriage return) gets a leading apostrophe
(both in :mod:`hpos.util.csvcell`).

A cart sale's lines are in the last column, ``items`` (:func:`items_cell`: ``Café ×2
(3000); Croissant (500)``, exact amounts that add up to ``amount``), so the file keeps
one row a sale and its sums stay the takings; a sale without lines (a typed amount, or
a row of HPAY's history) leaves it empty. The column comes last so that a script that
read the older columns by position still reads them.
The file is UTF-8 with a byte-order mark, so that spreadsheets read accents
right, and it is replaced atomically.

The file is data, not UI, so it is the same in every UI language: the header
names (:data:`CSV_COLUMNS`) and the status and mode values stay HPAY's English
codes ("PAID", "TEST"), so that a script or a spreadsheet made for one till
reads every till's export. The pane's messages about the export are translated.

TEST payments are marked twice: each row's ``mode`` column says ``TEST``, and the
suggested file name starts with ``TEST-`` when any row is a TEST payment
(:func:`export_file_name`), so a test export is never taken for the day's takings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hpos.hpay.money import amount_text
from hpos.ui.history.rows import net_amount, shown_fees
from hpos.util.atomic import write_atomic
from hpos.util.csvcell import guard_formula

if TYPE_CHECKING:
    from decimal import Decimal

    from hpos.sales.model import SaleLine
    from hpos.ui.history.rows import HistoryRow

CSV_COLUMNS = (
    "date",
    "transaction_id",
    "sale_number",
    "product",
    "amount",
    "fees",
    "net",
    "currency",
    "status",
    "mode",
    "description",
    "link",
    "items",
)
#: The encoding of exported files (UTF-8 with a BOM: spreadsheets then read accents right).
CSV_ENCODING = "utf-8-sig"


def row_record(row: HistoryRow) -> list[str]:
    """One row's cells, in :data:`CSV_COLUMNS` order (text cells guarded)."""
    return [
        row.date.isoformat(),
        guard_formula(row.transaction_id),
        guard_formula(row.sale_number or ""),
        guard_formula(row.product),
        _amount(row.amount, row.currency),
        _amount(shown_fees(row), row.currency),
        _amount(net_amount(row), row.currency),
        guard_formula(row.currency),
        guard_formula(row.status),
        guard_formula(row.mode),
        guard_formula(row.description),
        guard_formula(row.link),
        guard_formula(items_cell(row.lines, row.currency)),
    ]


def items_cell(lines: Iterable[SaleLine], currency: str) -> str:
    """A cart sale's lines in one cell: ``Café ×2 (3000); Croissant (500)`` — the name as
    sold, the quantity when more than one, the exact line total; "" without lines."""
    parts = []
    for line in lines:
        name = " ".join(line.name.split())
        quantity = f" ×{line.quantity}" if line.quantity != 1 else ""
        parts.append(f"{name}{quantity} ({amount_text(line.total, currency)})")
    return "; ".join(parts)


def _amount(value: Decimal | None, currency: str) -> str:
    return "" if value is None else amount_text(value, currency)


def has_test_rows(rows: Iterable[HistoryRow]) -> bool:
    """True when any row is a TEST-mode payment (no real money)."""
    return any(row.is_test for row in rows)


def export_file_name(day: date, *, test: bool) -> str:
    """ "hpos-history-2025-11-08.csv"; "TEST-hpos-history-2025-11-08.csv" with TEST rows."""
    name = f"hpos-history-{day.isoformat()}.csv"
    return f"TEST-{name}" if test else name


def rows_to_csv(rows: Iterable[HistoryRow]) -> str:
    """The rows as CSV text with a header line (RFC 4180 line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(row_record(row))
    return buf.getvalue()


def write_csv(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (a temporary file, then a rename). Disk I/O.

    The file gets the permissions of any new file (the umask's), as a user expects of an export.
    """
    return write_atomic(path, text, mode=None, encoding=CSV_ENCODING, newline="")
