"""Cells of the CSV files HPOS writes: text a spreadsheet will not run, exact decimal text.

A text cell is plain text first (escape sequences, bidi overrides and zero-width characters
removed, control characters as spaces: :func:`hpos.util.text.printable`); one that a
spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return,
spaces before them too) gets a leading apostrophe (CSV injection); an amount is the Decimal's own
text ("7000.00", "0.5"), never exponent notation and never through a float. Used by the
history export of the window and ``hpos history --format csv``.
"""

from __future__ import annotations

from decimal import Decimal

from hpos.util.text import printable

__all__ = ["FORMULA_START", "decimal_text", "guard_formula"]

#: Characters a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """``text`` as a CSV text cell: plain text, with an apostrophe before anything a
    spreadsheet would run as a formula (CSV injection)."""
    cell = printable(text)
    risky = text.startswith(FORMULA_START) or cell.lstrip(" ").startswith(FORMULA_START)
    return "'" + cell if risky else cell


def decimal_text(value: Decimal | None) -> str:
    """Exact plain text of a Decimal ("7000.00", "0.5"), never exponent notation."""
    return "" if value is None else format(value, "f")
