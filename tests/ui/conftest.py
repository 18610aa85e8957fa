"""The UI tests make Qt objects: they are freed on the GUI thread only
(:mod:`tests.helpers.gui_gc`). Most share one two-worker runner; a file that needs another
(more workers, a parent window) defines its own ``runner``."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hpos.ui.runner import Runner
from tests.helpers.gui_gc import gui_thread_garbage_collection  # noqa: F401 - autouse fixture


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    r = Runner(workers=2)
    yield r
    r.shutdown()
