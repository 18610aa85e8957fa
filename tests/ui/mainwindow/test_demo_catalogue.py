"""The demo's shop sells something: its empty catalogue is filled with the shipped items
(``hpos/resources/demo/catalogue.csv``) on the worker that opens its journal, once."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.demo import Demo, seed_demo_catalogue, start_demo
from hpos.sales.catalogue import ItemDraft
from hpos.sales.catalogue_import import read_catalogue_csv
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.service import SalesService
from hpos.sandbox.server import SandboxServer
from hpos.ui.mainwindow import service as service_module
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.sandbox import STARTED
from tests.helpers.window import ready

SHIPPED = service_module.DEMO_CATALOGUE


def _open(qtbot: QtBot, folder: Path) -> tuple[Demo, MainWindow]:
    demo = start_demo({}, folder)
    STARTED.append(demo.server)
    window = MainWindow(demo.profile, demo=demo)
    qtbot.addWidget(window)
    window.show()
    ready(qtbot, window)
    return demo, window


def _items(data_dir: Path) -> list[tuple[str, Decimal, str | None]]:
    journal = Journal(data_dir / JOURNAL_FILE)
    try:
        return [(i.name, i.price, i.barcode) for i in journal.catalogue.items()]
    finally:
        journal.close()


def test_the_shipped_demo_catalogue_is_read_whole() -> None:
    plan = read_catalogue_csv(SHIPPED.read_bytes(), "XOF", [])
    assert plan.rejected == ()
    assert plan.added == 23
    names = {draft.name for _id, draft in plan.changes}
    assert {"Café", "Croissant", "Eau 1,5 L", "Sac réutilisable"} <= names
    categories = {draft.category for _id, draft in plan.changes}
    assert categories == {"Boissons", "Boulangerie", "Repas", "Épicerie", ""}
    assert all(draft.colour for _id, draft in plan.changes), "every tile has a colour"
    assert sum(1 for _id, draft in plan.changes if draft.barcode) == 7


def test_the_demo_window_opens_on_a_shop_with_items_filled_on_a_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = service_module._seed_demo

    def spy(service: SalesService) -> None:
        threads.append(threading.current_thread().name)
        real(service)

    monkeypatch.setattr(service_module, "_seed_demo", spy)
    demo, window = _open(qtbot, tmp_path)
    try:
        assert threads
        assert threading.main_thread().name not in threads, "never on the GUI thread"
        items = _items(demo.profile.data_dir)
        assert len(items) == 23
        assert ("Café", Decimal(500), None) in items
        assert ("Yaourt nature", Decimal(350), "6180001000033") in items
    finally:
        window.close_now()
        demo.server.stop()
    # Opened again: filled once, not twice.
    demo, window = _open(qtbot, tmp_path)
    try:
        assert len(_items(demo.profile.data_dir)) == 23
    finally:
        window.close_now()
        demo.server.stop()


def test_a_shops_own_profile_gets_no_demo_items(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    profile = make_profile(tmp_path / "shop", sandbox.url)
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    ready(qtbot, window)
    try:
        assert _items(profile.data_dir) == []
    finally:
        window.close_now()


def test_items_the_demos_user_removed_stay_removed(tmp_path: Path) -> None:
    journal = Journal(tmp_path / JOURNAL_FILE)
    try:
        data = SHIPPED.read_bytes()
        assert seed_demo_catalogue(journal, data) == 23
        for item in journal.catalogue.items():
            journal.catalogue.remove(item.id)
        assert seed_demo_catalogue(journal, data) == 0
        assert journal.catalogue.items(archived=True) == []
    finally:
        journal.close()


def test_a_catalogue_already_written_is_left_alone(tmp_path: Path) -> None:
    journal = Journal(tmp_path / JOURNAL_FILE)
    try:
        journal.catalogue.add(ItemDraft("Mine", "100"), "XOF")
        assert seed_demo_catalogue(journal, SHIPPED.read_bytes()) == 0
        assert [i.name for i in journal.catalogue.items()] == ["Mine"]
    finally:
        journal.close()
