"""A label for text the cashier typed (a product name): it wraps, even inside a word, and
never widens its layout.

A product name of 99 letters without a space made a word-wrapping QLabel as wide as the
whole name, and the QR code beside it shrank to a third of its size. :class:`WrapAnywhereLabel`
takes no width of its own (its layout gives it what is left, as for a short name), wraps at
spaces and, inside a word too long for a line, at any character; after ``max_lines`` lines
the rest is elided ("…"). The whole text is always in the tool tip and the accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

__all__ = ["WrapAnywhereLabel", "wrapped_lines"]

ELLIPSIS = "…"


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` in lines of at most ``width`` pixels: at spaces, else anywhere; the last of
    ``max_lines`` lines ends with "…" when text is left over."""
    if not text or width <= 0:
        return [text] if text else []
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].rstrip() for start, length in spans]
    if len(lines) > max_lines:
        start = spans[max_lines - 1][0]
        rest = " ".join(text[start:].split())
        # the last line shown ends with an ellipsis, at any character
        kept = rest
        while kept and metrics.horizontalAdvance(kept + ELLIPSIS) > width:
            kept = kept[:-1]
        lines = [*lines[: max_lines - 1], kept.rstrip() + ELLIPSIS]
    return lines


class WrapAnywhereLabel(QLabel):
    """A label of typed text that wraps anywhere, takes no width of its own, and elides
    past ``max_lines`` lines (the whole text in the tool tip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, max_lines: int = 3):
        super().__init__(parent)
        self._full = ""
        self._max_lines = max(1, max_lines)
        self.setWordWrap(False)  # the lines are made here, at any character if need be
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def full_text(self) -> str:
        """The whole text, as given (the label may show it wrapped or elided)."""
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._relayout()

    def _relayout(self) -> None:
        margins = self.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 2 * self.margin() - 2
        lines = wrapped_lines(self._full, self.font(), room, self._max_lines)
        shown = "\n".join(lines)
        if shown != super().text():
            super().setText(shown)
