"""Reading the owner's closing page as shown: its text and its grids."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel


def plain(text: str) -> str:
    """Text as read aloud: no-break and narrow spaces as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def grid_rows(grid: QGridLayout | None) -> list[list[str]]:
    """A shown grid's rows under its header row: the text of each row's labels."""
    assert grid is not None
    rows = []
    for r in range(1, grid.rowCount()):
        cells = []
        for c in range(grid.columnCount()):
            item = grid.itemAtPosition(r, c)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                cells.append(plain(widget.text()))
        rows.append(cells)
    return rows
