"""A counter whose shop has a catalogue (:func:`shop`), with a clock for the scanner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.catalogue import ItemDraft
from hpos.sandbox.server import SandboxServer
from tests.helpers.cashier import WAIT, Counter

#: (name, price, category, colour, barcode, sku): the shop's items, priced in XOF.
ITEMS = (
    ("Café", "500", "Drinks", "", "3017620422003", "CAF"),
    ("Jus de bissap", "750", "Drinks", "red", "1003", None),
    ("Croissant", "350", "Bakery", "", "2001", None),
)


class FakeClock:
    """A monotonic clock the test moves (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def stock(counter: Counter, items: tuple[tuple[str, str, str, str, str, str | None], ...]) -> None:
    """Write ``items`` into the counter's catalogue and wait until the screen shows them."""
    store = counter.service.journal.catalogue
    for name, price, category, colour, barcode, sku in items:
        draft = ItemDraft(name, price, barcode=barcode, sku=sku, category=category, colour=colour)
        store.add(draft, "XOF")
    assert counter.controller.reload_catalogue()
    expected = len(store.items())
    counter.qtbot.waitUntil(
        lambda: counter.screen.catalogue is not None and len(counter.screen.catalogue) == expected,
        timeout=WAIT,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shop_factory(
    qtbot: QtBot,
    sandbox: SandboxServer,
    make_client: Callable[..., HpayClient],
    tmp_path: Path,
    clock: FakeClock,
) -> Iterator[Callable[..., Counter]]:
    made: list[Counter] = []

    def make(items: tuple[tuple[str, str, str, str, str, str | None], ...] = ITEMS) -> Counter:
        counter = Counter(qtbot, sandbox, make_client(), tmp_path, scanner_clock=clock)
        made.append(counter)
        if items:
            stock(counter, items)
        return counter

    yield make
    for counter in made:
        counter.close()


@pytest.fixture
def shop(shop_factory: Callable[..., Counter]) -> Counter:
    """A counter with :data:`ITEMS` on its quick keys."""
    return shop_factory()
