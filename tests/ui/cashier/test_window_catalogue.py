"""In the window: the quick keys follow the catalogue page's changes (Owner → Catalogue…),
F1 lists the cashier's F4, and a cart being rung up outlives saved settings (a new
language: the window builds its cashier screen again)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.profile.profile import replace_settings
from hpos.sales.catalogue import ItemDraft
from hpos.ui.i18n import current_language, install_language
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


@pytest.fixture
def english(qapp: Any) -> Iterator[Any]:
    """The test starts and ends in English, whatever it switched to."""
    install_language(qapp, "en")
    yield qapp
    install_language(qapp, "en")


def test_a_cart_outlives_saved_settings_in_a_new_language(
    qtbot: QtBot, english: Any, window: MainWindow, sandbox: Any
) -> None:
    cashier = window.cashier
    qtbot.waitUntil(lambda: cashier.catalogue is not None, timeout=WAIT)
    store = window.controller.service.journal.catalogue
    store.add(ItemDraft("Café", "500", barcode="4006", category="Drinks"), "XOF")
    store.add(ItemDraft("Croissant", "350", barcode="4007", category="Drinks"), "XOF")
    window.owner.catalogue_changed.emit()
    qtbot.waitUntil(lambda: cashier.entry_page.catalogue_mode, timeout=WAIT)
    keys = cashier.entry_page.parts.quick_keys  # type: ignore[union-attr]
    for tile in [t for t in keys.tiles if t.isVisible()]:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    cashier.amount_entry.set_value(Decimal(200))
    assert cashier.add_typed(), "a Misc. line"
    profile = window.profile
    settings = replace_settings(profile.settings, language="fr")
    profile.save(settings)
    window._settings_saved(settings)  # what the settings dialog's "saved" signal calls
    qtbot.waitUntil(lambda: current_language() == "fr", timeout=WAIT)
    again = window.cashier
    assert again is not None
    assert again is not cashier, "a new screen"
    qtbot.waitUntil(lambda: again.cart is not None and len(again.cart) == 3, timeout=WAIT)
    view = again.entry_page.parts.cart_view  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.line_texts()[2][0] == "Divers", timeout=WAIT)
    assert [name for name, _, _ in view.line_texts()] == ["Café", "Croissant", "Divers"]
    assert view.count_label.text() == "3 articles"
    assert again.amount_display.text() == "1\u202f050\u00a0FCFA"
    again.charge()
    qtbot.waitUntil(lambda: again.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    assert payment.amount == Decimal(1050)
    assert payment.product == "Café + 2 autres"


def test_an_empty_cart_carries_nothing(window: MainWindow) -> None:
    assert window.cashier.cart_to_carry() is None
