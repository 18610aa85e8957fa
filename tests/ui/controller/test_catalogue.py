"""The controller reads the catalogue on its runner: once ready, and again when asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.catalogue import CatalogueIndex, ItemDraft
from hpos.sales.journal import Journal
from hpos.sales.service import SalesService
from hpos.sandbox.server import SandboxServer
from hpos.ui.controller.sale import SaleController
from hpos.ui.runner import Runner
from tests.helpers.watch import FAST_WATCH as FAST

WAIT = 15_000


class Till:
    """A controller on its own service and runner, and what it emitted about the catalogue."""

    def __init__(self, client: HpayClient, path: Path) -> None:
        self.service = SalesService(
            client, Journal(path / "journal.sqlite3"), till_name="T1", policy=FAST
        )
        self.runner = Runner()
        self.controller = SaleController(lambda: self.service, self.runner)
        self.loaded: list[CatalogueIndex] = []
        self.failed: list[str] = []
        self.controller.catalogue_loaded.connect(self.loaded.append)
        self.controller.catalogue_failed.connect(self.failed.append)

    def close(self) -> None:
        self.controller.stop()
        self.runner.shutdown()
        self.service.journal.close()


@pytest.fixture
def till(sandbox: SandboxServer, client: HpayClient, tmp_path: Path) -> Iterator[Till]:
    made = Till(client, tmp_path)
    yield made
    made.close()


def names(index: Any) -> list[str]:
    return [item.name for item in index.items]


def test_read_once_ready_and_again_when_asked(qtbot: QtBot, till: Till) -> None:
    controller = till.controller
    assert not controller.reload_catalogue(), "nothing to read before the service is open"
    store = till.service.journal.catalogue
    store.add(ItemDraft("Café", "500", barcode="4006"), "XOF")
    controller.start()
    qtbot.waitUntil(lambda: len(till.loaded) == 1, timeout=WAIT)
    assert names(till.loaded[0]) == ["Café"]
    assert till.loaded[0].by_code("4006") is not None
    store.add(ItemDraft("Croissant", "350"), "XOF")
    assert controller.reload_catalogue()
    store.add(ItemDraft("Thé", "400"), "XOF")
    assert controller.reload_catalogue(), "asked again while reading: read once more after"
    qtbot.waitUntil(lambda: names(till.loaded[-1]) == ["Café", "Croissant", "Thé"], timeout=WAIT)
    assert len(till.loaded) in (2, 3), "the second ask folded into one read after the first"
    assert till.failed == []


def test_prices_in_another_currency_sell_nothing(qtbot: QtBot, till: Till) -> None:
    till.service.journal.catalogue.add(ItemDraft("Coffee", "2.50"), "CAD")
    till.controller.start()
    qtbot.waitUntil(lambda: till.failed != [], timeout=WAIT)
    assert len(till.loaded[-1]) == 0, "no item priced in CAD is sold in XOF"
    assert till.failed == [
        "The catalogue's prices are in CAD; this account charges in XOF."
        " The quick keys and the scanner are off."
    ]


def test_a_stopped_controller_reads_nothing(qtbot: QtBot, till: Till) -> None:
    till.controller.start()
    qtbot.waitUntil(lambda: len(till.loaded) == 1, timeout=WAIT)
    till.controller.stop()
    assert not till.controller.reload_catalogue()
