"""The paper a printout is laid out for, and the lines it is made of (no Qt, no painting).

Three layouts (:data:`LAYOUTS`): the 58 mm and 80 mm thermal rolls (the page is the
roll's width and as tall as the content) and A4, each with its margins and font
sizes. :data:`Blocks` are a printout's lines, top to bottom, as ``(kind, label,
text)``; kinds: shop, centre, rule, field, id, amount, status, stamp, line (an item:
label left, text flush right), qty (the same, indented). A receipt
(:func:`hpos.ui.receipts.layout.receipt_blocks`) and the day's closing
(:func:`hpos.ui.owner.closing_words.closing_blocks`) are both made of them, and both
are painted by :mod:`hpos.ui.widgets.paint`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LAYOUTS", "Blocks", "Layout"]


@dataclass(frozen=True)
class Layout:
    """Paper and type of one layout (lengths in mm, fonts in points)."""

    name: str
    width_mm: float
    height_mm: float | None  # None: a roll, as tall as the content
    margin_mm: float
    body_pt: float
    shop_pt: float
    amount_pt: float
    stamp_pt: float
    two_columns: bool  # label and value side by side (else the label above its value)


LAYOUTS: dict[str, Layout] = {
    "58mm": Layout("58mm", 58, None, 3, 7.5, 11, 17, 24, False),
    "80mm": Layout("80mm", 80, None, 4, 8.5, 13, 21, 30, True),
    "A4": Layout("A4", 210, 297, 20, 12, 22, 34, 54, True),
}

#: A printout's lines, top to bottom: (kind, label, text).
Blocks = list[tuple[str, str, str]]
