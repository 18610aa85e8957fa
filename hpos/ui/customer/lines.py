"""A cart sale's lines on the customer display, beside the QR: compact, the total stays
the biggest thing on the page.

One row a line (``2 × Café`` and its amount, the number alone: the total above names the
currency), at most :data:`MAX_ROWS` rows, then ``+ N more``; a name longer than
:data:`NAME_CHARS` is cut with ``…`` so that a long name never widens the column and
takes room from the QR. Texts translated (context "CartLinesView").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from hpos.sales.model import SaleLine
from hpos.ui.money import format_decimal
from hpos.ui.widgets.style import clear_layout, set_pixels

__all__ = ["MAX_ROWS", "NAME_CHARS", "CartLinesView"]

#: Lines shown; the rest are counted ("+ 3 more").
MAX_ROWS = 5
#: Longest name shown whole.
NAME_CHARS = 24
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def line_text(line: SaleLine) -> str:
    """ "2 × Café" (the quantity only when more than one); a long name cut with "…"."""
    name = " ".join(line.name.split())
    if len(name) > NAME_CHARS:
        name = name[: NAME_CHARS - 1].rstrip() + "…"
    return f"{line.quantity} × {name}" if line.quantity != 1 else name


class CartLinesView(QWidget):
    """The lines of the sale on screen (none: hidden)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self._pixels = 20.0
        self._lines: tuple[SaleLine, ...] = ()
        self.hide()

    def set_lines(self, lines: Sequence[SaleLine]) -> None:
        """Show ``lines`` (empty: hide)."""
        self._lines = tuple(lines)
        clear_layout(self.grid)
        shown = self._lines if len(self._lines) <= MAX_ROWS else self._lines[: MAX_ROWS - 1]
        for row, line in enumerate(shown):
            self._add(row, 0, line_text(line), _LEFT)
            self._add(row, 1, format_decimal(line.total), _RIGHT)
        if len(shown) < len(self._lines):
            more = self.tr("+ {count} more").format(count=len(self._lines) - len(shown))
            self._add(len(shown), 0, more, _LEFT)
        self.setVisible(bool(self._lines))

    def set_pixel_size(self, pixels: float) -> None:
        """The rows' text size (the display scales with its window)."""
        self._pixels = pixels
        for label in self.findChildren(QLabel):
            set_pixels(label, pixels)

    def retranslate(self) -> None:
        """The "+ N more" row in the current language."""
        self.set_lines(self._lines)

    def _add(self, row: int, column: int, text: str, align: Qt.AlignmentFlag) -> None:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(align)
        set_pixels(label, self._pixels)
        self.grid.addWidget(label, row, column)
