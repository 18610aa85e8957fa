"""A cart sale when things go wrong or change under it, on the real sandbox and journal.

An outcome HPAY left unknown is never offered for "Try again" while a payment may exist
(no second charge); a sale left waiting comes back after a restart with its lines; the
manager's changes (a new price, an archived or removed item) leave the cart as it was
rung up and reach the tiles; a cart too big says why; a catalogue change while a payment
waits leaves its QR alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.hpay.money import MAX_AMOUNT
from hpos.sales.catalogue import ItemDraft
from hpos.sales.states import SaleState
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.screen import CashierScreen
from tests.helpers.cashier import WAIT, Counter
from tests.helpers.watch import FAST_WATCH
from tests.ui.cashier.conftest import ITEMS, FakeClock, stock
from tests.ui.cashier.test_cart import fcfa, lines_shown, tap
from tests.ui.cashier.test_scanner import press

S = SaleState


def sold_lines(shop: Counter) -> list[tuple[str, Decimal, int]]:
    """(name, unit price, quantity) of the current sale's lines, as the journal keeps them."""
    return [(x.name, x.unit_price, x.quantity) for x in shop.journal_sale().lines]


def tile_texts(screen: CashierScreen) -> list[str]:
    """What the visible tiles say (name and price)."""
    keys = screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    return [f"{t.text()} {t.price_text}" for t in keys.tiles if t.isVisible()]


def reload(shop: Counter, done: Callable[[], bool]) -> None:
    """The manager's change reaches the screen (as OwnerWindows.catalogue_changed does)."""
    assert shop.controller.reload_catalogue()
    shop.qtbot.waitUntil(done, timeout=WAIT)


def item_id(shop: Counter, name: str) -> int:
    return next(i.id for i in shop.service.journal.catalogue.items() if i.name == name)


# -- an outcome HPAY left unknown ------------------------------------------------------------


def test_an_unknown_outcome_is_never_offered_for_try_again(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Croissant")
    # HPAY makes the payment, then the gateway gives up waiting: the till cannot know
    shop.sandbox.add_fault("/payment/", "http_504", times=1)
    shop.sandbox.add_fault("/getPaymentHistory/", "http_500", times=2)  # found a moment later
    shop.enter(screen.amount_display)
    shop.wait_page("problem")
    assert screen.problem_state() is S.UNKNOWN
    page = screen.problem_page
    assert page.primary_button.text() == "Check now", "no Try again: it may be paid"
    assert "Do not charge again" in page.body_label.text()
    assert sold_lines(shop) == [("Café", Decimal(500), 1), ("Croissant", Decimal(350), 1)]
    shop.enter()  # Enter checks; it never charges again
    croissant = next(i for i in screen.catalogue.items if i.name == "Croissant")  # type: ignore[union-attr]
    assert not screen.add_item(croissant), "the cart is not for changing now"
    shop.wait_page("payment")  # found in HPAY's history: its QR
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(850)
    assert payment.product == "Café + 1 more"
    assert sold_lines(shop) == [("Café", Decimal(500), 1), ("Croissant", Decimal(350), 1)]
    shop.sandbox.mark_paid(payment.transaction_id)
    shop.wait_page("paid")
    assert len(shop.sandbox.payments()) == 1


def test_a_request_hpay_never_got_comes_back_for_try_again_once(
    qtbot: QtBot,
    sandbox: SandboxServer,
    make_client: Callable[..., HpayClient],
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    # nothing found in HPAY's history for a second: nothing was created (30 s in the app)
    policy = replace(FAST_WATCH, reconcile_window=1.0)
    shop = Counter(qtbot, sandbox, make_client(), tmp_path, policy=policy, scanner_clock=clock)
    try:
        stock(shop, ITEMS)
        _try_again_once(shop)
    finally:
        shop.close()


def _try_again_once(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Jus de bissap")
    tap(qtbot, screen, "Jus de bissap")
    shop.sandbox.add_fault("/payment/", "reset", times=1)  # the request never reached HPAY
    shop.enter(screen.amount_display)
    shop.wait_page("problem")
    # unknown first; once HPAY's history shows no such payment, safe to try again
    qtbot.waitUntil(lambda: screen.problem_state() is S.FAILED, timeout=WAIT)
    assert screen.problem_page.primary_button.text() == "Try again"
    assert shop.sandbox.payments() == []
    failed = shop.journal_sale()
    assert [(x.name, x.quantity) for x in failed.lines] == [("Jus de bissap", 2)]
    shop.enter()
    shop.wait_page("entry")
    assert lines_shown(screen) == [("Jus de bissap", "2", fcfa("1,500"))]
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(1500)
    assert shop.journal_sale().id != failed.id, "a new sale; the failed one stays as it was"


# -- a restart ---------------------------------------------------------------------------------


def test_a_waiting_cart_sale_comes_back_after_a_restart_with_its_lines(
    shop_factory: Callable[..., Counter],
) -> None:
    first = shop_factory()
    tap(first.qtbot, first.screen, "Café")
    tap(first.qtbot, first.screen, "Café")
    tap(first.qtbot, first.screen, "Croissant")
    first.enter(first.screen.amount_display)
    first.wait_page("payment")
    left = first.journal_sale()
    first.close()  # the run ends with the QR on screen

    again = shop_factory(items=())  # the same journal, its catalogue already there
    screen = again.screen
    again.wait_page("payment")
    assert screen.current_sale().id == left.id  # type: ignore[union-attr]
    assert screen.payment_page.amount_label.text() == fcfa("1,350")
    assert screen.payment_page.qr.isVisible()
    assert "still waiting for payment" in screen.notice_text()
    back = again.journal_sale()
    assert [(x.name, x.unit_price, x.quantity, x.total) for x in back.lines] == [
        ("Café", Decimal(500), 2, Decimal(1000)),
        ("Croissant", Decimal(350), 1, Decimal(350)),
    ]
    again.qtbot.waitUntil(lambda: screen.catalogue is not None, timeout=WAIT)
    again.sandbox.mark_paid(left.transaction_id)
    again.wait_page("paid")
    again.enter()
    again.wait_page("entry")
    assert lines_shown(screen) == [], "the next sale starts with an empty cart"
    assert screen.entry_page.parts is not None
    assert screen.entry_page.parts.quick_keys.isVisible()


# -- the manager changes the catalogue while the cart holds it ----------------------------------


def test_a_new_price_leaves_the_cart_as_rung_up_and_shows_on_the_tile(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Croissant")
    store = shop.service.journal.catalogue
    draft = ItemDraft("Croissant", "400", "2001", category="Bakery")
    store.update(item_id(shop, "Croissant"), draft, "XOF")
    reload(shop, lambda: f"Croissant {fcfa('400')}" in tile_texts(screen))
    assert lines_shown(screen) == [("Croissant", "1", fcfa("350"))], "the price it was added at"
    assert screen.amount_display.text() == fcfa("350")
    tap(qtbot, screen, "Croissant")  # a line of its own at the tile's price, never 2 × 350
    assert lines_shown(screen) == [
        ("Croissant", "1", fcfa("350")),
        ("Croissant", "1", fcfa("400")),
    ]
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(750)
    assert sold_lines(shop) == [("Croissant", Decimal(350), 1), ("Croissant", Decimal(400), 1)]
    shop.sandbox.mark_paid(payment.transaction_id)
    shop.wait_page("paid")
    shop.enter()
    shop.wait_page("entry")
    tap(qtbot, screen, "Croissant")
    assert lines_shown(screen) == [("Croissant", "1", fcfa("400"))], "the next sale: 400"


def test_an_archived_item_stays_in_the_cart_and_is_sold(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    cafe = item_id(shop, "Café")
    shop.service.journal.catalogue.archive(cafe)
    reload(shop, lambda: len(screen.catalogue or ()) == len(ITEMS) - 1)
    assert screen.entry_page.parts.quick_keys.tile_of(cafe) is None, "no tile any more"  # type: ignore[union-attr]
    assert lines_shown(screen) == [("Café", "1", fcfa("500"))]
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    assert shop.sandbox.payments()[0].amount == Decimal(500)
    assert [x.item_id for x in shop.journal_sale().lines] == [cafe]


def test_an_item_removed_while_in_the_cart_is_still_sold(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Croissant")
    tap(qtbot, screen, "Café")
    croissant = item_id(shop, "Croissant")
    assert shop.service.journal.catalogue.remove(croissant) == "deleted", "never sold: gone"
    reload(shop, lambda: len(screen.catalogue or ()) == len(ITEMS) - 1)
    assert lines_shown(screen) == [("Croissant", "1", fcfa("350")), ("Café", "1", fcfa("500"))]
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(850)
    lines = shop.journal_sale().lines
    assert [(x.name, x.unit_price) for x in lines] == [
        ("Croissant", Decimal(350)),
        ("Café", Decimal(500)),
    ]
    assert lines[0].barcode == "2001", "the line keeps what was sold"
    assert lines[0].item_id is None, "the item is gone"
    assert lines[1].item_id == item_id(shop, "Café")


def test_a_catalogue_change_while_a_payment_waits_leaves_its_qr(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    store = shop.service.journal.catalogue
    store.update(
        item_id(shop, "Café"), ItemDraft("Café", "600", "3017620422003", "CAF", "Drinks"), "XOF"
    )
    cafe = item_id(shop, "Café")
    for name in [n for n, *_ in ITEMS]:
        store.archive(item_id(shop, name))  # every item archived: an empty catalogue
    reload(shop, lambda: len(screen.catalogue or ()) == 0)
    assert screen.current_page() == "payment"
    assert screen.payment_page.qr.isVisible()
    assert screen.payment_page.amount_label.text() == fcfa("500")
    store.restore(cafe)
    reload(shop, lambda: len(screen.catalogue or ()) == 1)
    assert screen.current_page() == "payment"
    payment = shop.sandbox.payments()[0]
    shop.sandbox.mark_paid(payment.transaction_id)
    shop.wait_page("paid")
    shop.enter()
    shop.wait_page("entry")
    assert tile_texts(screen) == [f"Café {fcfa('600')}"], "the new price after the sale"
    assert lines_shown(screen) == []


# -- limits ------------------------------------------------------------------------------------


def test_999_of_one_item_is_the_most_and_says_so(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    cafe = next(i for i in screen.catalogue.items if i.name == "Café")  # type: ignore[union-attr]
    assert screen.add_item(cafe, 998)
    press(shop, clock, screen.amount_display, Qt.Key.Key_Plus)
    assert lines_shown(screen) == [("Café", "999", fcfa("499,500"))]
    press(shop, clock, screen.amount_display, Qt.Key.Key_Plus)
    assert lines_shown(screen) == [("Café", "999", fcfa("499,500"))], "nothing changed"
    assert screen.entry_page.hint_label.text() == "At most 999 of one item on a line."
    screen.entry_page.hint_label.clear()
    tap(shop.qtbot, screen, "Café")  # its tile: refused the same way
    assert lines_shown(screen)[0][1] == "999"
    assert screen.entry_page.hint_label.text() == "At most 999 of one item on a line."


def test_a_cart_above_the_maximum_says_so_and_keeps_what_it_had(
    shop_factory: Callable[..., Counter], clock: FakeClock
) -> None:
    half = MAX_AMOUNT / 2 + 1
    counter = shop_factory(items=(("Gold bar", str(half), "", "", "9001", None),))
    screen, qtbot = counter.screen, counter.qtbot
    tap(qtbot, screen, "Gold bar")
    tap(qtbot, screen, "Gold bar")
    total = fcfa(f"{half:,f}")
    assert lines_shown(screen) == [("Gold bar", "1", total)], "the second one refused"
    text = screen.entry_page.hint_label.text()
    assert text == "The cart's total would be above the most HPAY takes."
    press(shop := counter, clock, screen.amount_display, Qt.Key.Key_Plus)
    assert screen.entry_page.hint_label.text() == text
    for key in "500000000":
        press(shop, clock, screen.amount_display, Qt.Key(ord(key)))
    shop.enter(screen.amount_display)  # a Misc. line that would go above: refused too
    assert len(lines_shown(screen)) == 1
    assert screen.entry_page.hint_label.text() == text
    assert screen.amount_display.text() == total, "the big amount stays the cart's"
    assert counter.sandbox.payments() == []


def test_a_cart_of_200_lines_is_full_and_says_so(shop: Counter) -> None:
    screen = shop.screen
    store = shop.service.journal.catalogue
    drafts = [(None, ItemDraft(f"Thing {n:03}", "10", f"55{n:03}")) for n in range(201)]
    store.write_many(drafts, "XOF")
    reload(shop, lambda: len(screen.catalogue or ()) == len(ITEMS) + 201)
    things = [i for i in screen.catalogue.items if i.name.startswith("Thing")]  # type: ignore[union-attr]
    for item in things[:200]:
        assert screen.add_item(item)
    assert not screen.add_item(things[200])
    assert screen.entry_page.hint_label.text() == "The cart is full: at most 200 lines."
    assert len(lines_shown(screen)) == 200
    assert screen.amount_display.text() == fcfa("2,000")


def test_a_catalogue_change_keeps_the_page_of_tiles_shown(
    shop_factory: Callable[..., Counter],
) -> None:
    items = tuple((f"Item {n:02}", str(100 + n), "", "", f"90{n:02}", None) for n in range(30))
    counter = shop_factory(items=items)
    keys = counter.screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    counter.qtbot.mouseClick(keys.next_button, Qt.MouseButton.LeftButton)
    assert keys.page_label.text() == "Page 2 of 3"
    store = counter.service.journal.catalogue
    store.add(ItemDraft("Item 30", "130", "9030"), "XOF")
    reload(counter, lambda: len(counter.screen.catalogue or ()) == 31)
    assert keys.page_label.text() == "Page 2 of 3", "the manager's change: the same page"
    assert keys.visible_items()[0].name == "Item 12"
    for item in store.items()[12:]:
        store.archive(item.id)
    reload(counter, lambda: len(counter.screen.catalogue or ()) == 12)
    assert keys.page == 0, "one page left: that one"
    assert not keys.next_button.isVisible(), "no pages to turn"
    assert keys.visible_items()[0].name == "Item 00"
