"""The catalogue page on a real journal in tmp_path, its runner, and reading it as shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.sales.journal import Journal
from hpos.ui.catalogue.page import CataloguePage
from hpos.ui.folders import FolderMemory
from hpos.ui.runner import Runner
from tests.ui.catalogue.shown import WAIT


@pytest.fixture
def make_page(
    qtbot: QtBot, runner: Runner, journal: Journal, tmp_path: Path
) -> Callable[..., CataloguePage]:
    """A shown page whose account charges in ``currency`` (None: not connected), read."""

    def make(currency: str | None = "XOF") -> CataloguePage:
        config = tmp_path / "profile"
        config.mkdir(exist_ok=True)
        page = CataloguePage(
            runner,
            lambda: journal,
            currency=lambda: currency,
            folders=FolderMemory(runner),
            config_dir=config,
            native_dialogs=False,
        )
        qtbot.addWidget(page)
        page.resize(1000, 560)
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.show()
        return page

    return make
