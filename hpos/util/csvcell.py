"""Text cells of the CSV files HPOS writes: text a spreadsheet will not run.

A text cell is plain text first (escape sequences, bidi overrides and zero-width characters
removed, control characters as spaces: :func:`hpos.util.text.printable`); one that a
spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return,
spaces before them too) gets a leading apostrophe (CSV injection). Amounts are written by
:func:`hpos.hpay.money.amount_text` (the currency's decimals). Used by the history export of
the window, ``hpos history --format csv`` and the report's CSV; :func:`rows_csv` writes the
flat rows of the day report, the closing and all tills.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from hpos.util.text import printable

__all__ = ["FORMULA_START", "guard_formula", "rows_csv"]

#: Characters a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """``text`` as a CSV text cell: plain text, with an apostrophe before anything a
    spreadsheet would run as a formula (CSV injection)."""
    cell = printable(text)
    risky = text.startswith(FORMULA_START) or cell.lstrip(" ").startswith(FORMULA_START)
    return "'" + cell if risky else cell


def rows_csv(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """``rows`` as CSV with a header row of ``fields`` (text cells guarded: no formula runs)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: guard_formula(value) if isinstance(value, str) else value
                for key, value in row.items()
            }
        )
    return buf.getvalue()
