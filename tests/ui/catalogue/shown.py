"""Reading the catalogue page as the manager sees it."""

from __future__ import annotations

from hpos.ui.catalogue.page import CataloguePage

WAIT = 15_000


def plain(text: str) -> str:
    """Text as read on screen, the no-break spaces of money as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def rows(page: CataloguePage) -> list[list[str]]:
    """The table as shown: every visible row's cells."""
    model = page.view.model()
    return [
        [plain(str(model.index(r, c).data() or "")) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def names(page: CataloguePage) -> list[str]:
    """The names shown, top to bottom."""
    return [row[0] for row in rows(page)]
