"""Owner → Catalogue… in the window: behind the manager PIN, in its own window sized for
1024×600, prices in the account's currency, every change told to the window
(``catalogue_changed``), closed when manager mode ends.

Real sandbox over loopback HTTP and the window's own sales service and journal.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.profile.pin import hash_pin
from hpos.profile.profile import replace_settings
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.manager import prompt_of, type_pin
from tests.helpers.profiles import make_profile
from tests.helpers.window import ready
from tests.ui.catalogue.shown import WAIT, rows

PIN = "24680"


@pytest.fixture
def pin_window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, manager_pin_hash=hash_pin(PIN)))
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    yield win
    win.close()


def test_owner_catalogue_asks_the_pin_opens_the_page_and_ctrl_l_closes_it(
    qtbot: QtBot, pin_window: MainWindow
) -> None:
    win = pin_window
    ready(qtbot, win)
    assert win.owner.catalogue_action.text() == "Ca&talogue…"
    win.owner.catalogue_action.trigger()  # Owner → Catalogue…
    prompt = prompt_of(qtbot, win)
    assert prompt.title.text() == "This needs the manager PIN. Type it to enter manager mode."
    prompt.reject()  # Cancel
    assert win.owner.catalogue_page is None, "nothing built for a cashier"

    win.owner.catalogue_action.trigger()
    type_pin(qtbot, prompt_of(qtbot, win), PIN)
    qtbot.waitUntil(lambda: win.owner.catalogue_page is not None, timeout=WAIT)
    page, dialog = win.owner.catalogue_page, win.owner.catalogue_dialog
    assert page is not None
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.windowTitle() == "Catalogue — HPOS"
    assert not dialog.isModal(), "the till stays usable beside it"
    assert page.currency() == "XOF", "the account's currency, from HPAY's token"

    qtbot.waitUntil(page.add_button.isEnabled, timeout=WAIT)  # the catalogue read
    assert rows(page) == []
    page.add_button.click()
    qtbot.waitUntil(lambda: page.editor is not None, timeout=WAIT)
    editor = page.editor
    assert editor is not None
    editor.name_edit.setText("Bissap")
    editor.price_edit.setText("500")
    editor.category_box.setCurrentText("Drinks")
    with qtbot.waitSignal(win.owner.catalogue_changed, timeout=WAIT):
        editor.save_button.click()
    assert rows(page) == [["Bissap", "500 FCFA", "Drinks", "", "", "", ""]]
    assert win.statusBar().currentMessage() == "“Bissap” added."
    service = win.controller.service
    assert [i.name for i in service.journal.catalogue.items()] == ["Bissap"]

    page.select(service.journal.catalogue.items()[0].id)
    page.edit_selected()  # the editor left open when the manager leaves
    qtbot.waitUntil(lambda: page.editor is not None, timeout=WAIT)
    editor = page.editor
    assert editor is not None
    editor.price_edit.setText("450")
    win.manager.lock_action.trigger()  # Ctrl+L: back to cashier mode
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert page.editor is None, "the editor closed with its window, unsaved"
    assert service.journal.catalogue.items()[0].price == Decimal(500)
