"""Cells of the CSV files HPOS writes: text a spreadsheet will not run, exact decimal text.

A text cell that a spreadsheet would take for a formula (it starts with = + - @, a tab or a
carriage return) gets a leading apostrophe (CSV injection); an amount is the Decimal's own
text ("7000.00", "0.5"), never exponent notation and never through a float. Used by the
history export of the window and ``hpos history --format csv``.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["FORMULA_START", "decimal_text", "guard_formula"]

#: Characters a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def decimal_text(value: Decimal | None) -> str:
    """Exact plain text of a Decimal ("7000.00", "0.5"), never exponent notation."""
    return "" if value is None else format(value, "f")
