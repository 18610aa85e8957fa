"""In the window: the quick keys follow the catalogue page's changes (Owner → Catalogue…),
and F1 lists the cashier's F4."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.sales.catalogue import ItemDraft
from hpos.ui.keynames import key_name
from hpos.ui.mainwindow.shortcuts import shortcut_rows, window_actions
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, ready


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    win = MainWindow(make_profile(tmp_path / "profile", sandbox.url))
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    ready(qtbot, win)
    yield win
    win.close()


def test_a_catalogue_change_reaches_the_quick_keys(qtbot: QtBot, window: MainWindow) -> None:
    cashier = window.cashier
    qtbot.waitUntil(lambda: cashier.catalogue is not None, timeout=WAIT)
    assert cashier.entry_page.parts is None, "no items: the keypad as it always was"
    store = window.controller.service.journal.catalogue
    store.add(ItemDraft("Café", "500", barcode="4006", category="Drinks"), "XOF")
    window.owner.catalogue_changed.emit()  # what the catalogue page says after a write
    qtbot.waitUntil(lambda: cashier.entry_page.catalogue_mode, timeout=WAIT)
    keys = cashier.entry_page.parts.quick_keys  # type: ignore[union-attr]
    assert [t.text() for t in keys.tiles if t.isVisible()] == ["Café"]
    item = store.items()[0]
    store.archive(item.id)
    window.owner.catalogue_changed.emit()
    qtbot.waitUntil(lambda: not cashier.entry_page.catalogue_mode, timeout=WAIT)
    assert cashier.entry_page.product_edit.isVisible()


def test_f1_lists_the_item_search(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window_actions(window)))
    assert rows[key_name("F4")] == "Find an item by name or code · + − the selected cart line"
