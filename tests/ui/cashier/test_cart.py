"""Quick keys → cart → one payment, on the real sandbox, runner, service and journal."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.sales.catalogue import ItemDraft
from hpos.sales.reference import reference_in
from hpos.sales.states import SaleState
from hpos.ui.cashier.screen import CashierScreen
from hpos.ui.cashier.tiles import MIN_TILE_HEIGHT
from hpos.ui.money import GROUP_SEPARATOR
from tests.helpers.cashier import WAIT, Counter
from tests.ui.cashier.conftest import FakeClock

S = SaleState
SP = GROUP_SEPARATOR


def fcfa(text: str) -> str:
    return f"{text}{SP}FCFA"


def tap(qtbot: QtBot, screen: CashierScreen, name: str) -> None:
    """Tap the tile of ``name`` (its category's tab first), as a finger would."""
    parts = screen.entry_page.parts
    assert parts is not None
    keys = parts.quick_keys
    item = next(i for i in keys.index.items if i.name == name)
    chip = keys.chip(item.category)  # a few categories: one button each
    if chip is not None and not chip.isChecked():
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    tabs = keys.categories  # many: scrolling tabs
    tab = next(n for n in range(tabs.count()) if tabs.tabData(n) == item.category)
    if tabs.isVisible() and tabs.currentIndex() != tab:
        qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tab).center())
    tile = keys.tile_of(item.id)
    assert tile is not None, f"{name} has a tile on this page"
    assert tile.isVisible()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)


def type_as_a_person(shop: Counter, clock: FakeClock, text: str) -> None:
    """Type ``text`` into the amount at a person's pace (the scanner lets every key go)."""
    for char in text:
        shop.qtbot.keyClicks(shop.screen.amount_display, char)
        clock.advance(0.2)
    shop.qtbot.waitUntil(lambda: shop.screen.amount_entry.text.endswith(text), timeout=WAIT)


def lines_shown(screen: CashierScreen) -> list[tuple[str, str, str]]:
    parts = screen.entry_page.parts
    assert parts is not None
    return parts.cart_view.line_texts()


def test_an_empty_catalogue_leaves_the_screen_as_it_was(
    shop_factory: Callable[..., Counter],
) -> None:
    counter = shop_factory(items=())
    screen = counter.screen
    counter.qtbot.waitUntil(lambda: screen.catalogue is not None, timeout=WAIT)
    assert screen.entry_page.parts is None, "no grid, no cart"
    assert screen.entry_page.product_edit.isVisible()
    counter.type("700")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    assert payment.amount == Decimal(700)
    assert payment.product == "Coffee"
    assert counter.journal_sale().lines == ()


def test_tiles_make_a_cart_charged_as_one_payment(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    parts = screen.entry_page.parts
    assert parts is not None
    assert parts.quick_keys.isVisible()
    assert parts.cart_view.isVisible()
    tiles = [t for t in parts.quick_keys.tiles if t.isVisible()]
    assert [t.text() for t in tiles] == ["Croissant"], "the first category: Bakery"
    assert all(t.height() >= MIN_TILE_HEIGHT for t in tiles), "a finger's size"
    chips = [c for c in parts.quick_keys.chip_buttons if c.isVisible()]
    assert [c.text() for c in chips] == ["Bakery", "Drinks"], "two categories: two buttons"
    assert chips[0].isChecked()
    assert not parts.quick_keys.categories.isVisible(), "tabs only for many categories"
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Croissant")
    assert lines_shown(screen) == [("Café", "2", fcfa("1,000")), ("Croissant", "1", fcfa("350"))]
    assert screen.amount_display.text() == fcfa("1,350"), "the big amount is the cart's total"
    assert parts.cart_view.count_label.text() == "3 items"
    assert screen.entry_page.hint_label.text() == "Added Croissant"
    assert not screen.entry_page.product_edit.isVisible(), "the cart names the product"
    assert screen.amount_entry.is_empty, "a tap types nothing"
    qtbot.keyClicks(screen.entry_page.description_edit, "Table 4")
    shop.enter(screen.entry_page.description_edit)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    sale = shop.journal_sale()
    assert payment.amount == Decimal(1350)
    assert payment.product == "Café ×2 + 1 more"
    assert reference_in(payment.description) == sale.reference
    assert payment.description.startswith(sale.reference), "the reference first"
    assert payment.description.endswith("Café ×2, Croissant — Table 4"), "then items, note"
    assert [(x.position, x.name, x.unit_price, x.quantity, x.total) for x in sale.lines] == [
        (1, "Café", Decimal(500), 2, Decimal(1000)),
        (2, "Croissant", Decimal(350), 1, Decimal(350)),
    ]
    assert sale.lines[0].barcode == "3017620422003"
    assert sale.lines[0].sku == "CAF"
    assert screen.payment_page.amount_label.text() == fcfa("1,350")
    shop.sandbox.mark_paid(payment.transaction_id)
    shop.wait_page("paid")
    shop.enter()
    shop.wait_page("entry")
    assert lines_shown(screen) == [], "a new sale: an empty cart"
    assert screen.amount_display.text() == fcfa("0")
    assert screen.entry_page.product_edit.isVisible()
    assert screen.entry_page.product_edit.text() == "Coffee"


def test_the_cart_lines_minus_plus_and_remove(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Jus de bissap")
    view = screen.entry_page.parts.cart_view  # type: ignore[union-attr]
    row = view.rows[1]
    assert row.controls.isVisible(), "the line last added is the one selected"
    assert not view.rows[0].controls.isVisible()
    qtbot.mouseClick(row.plus_button, Qt.MouseButton.LeftButton)
    assert lines_shown(screen)[1] == ("Jus de bissap", "2", fcfa("1,500"))
    assert row.unit_label.text() == f"{fcfa('750')} each"
    qtbot.mouseClick(view.rows[0], Qt.MouseButton.LeftButton)  # select the coffee
    assert view.rows[0].controls.isVisible()
    assert not row.controls.isVisible()
    qtbot.mouseClick(view.rows[0].minus_button, Qt.MouseButton.LeftButton)
    assert lines_shown(screen) == [("Jus de bissap", "2", fcfa("1,500"))], "the last one: gone"
    qtbot.mouseClick(view.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert lines_shown(screen) == []
    assert screen.amount_display.text() == fcfa("0")
    tap(qtbot, screen, "Croissant")
    shop.answers.append(False)
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    assert shop.questions == ["Take every line out of the cart?"]
    assert len(lines_shown(screen)) == 1, "not confirmed: kept"
    shop.answers.append(True)
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    assert lines_shown(screen) == []
    assert shop.sandbox.payments() == []


def test_enter_with_an_amount_typed_and_a_cart_adds_a_misc_line(
    shop: Counter, clock: FakeClock
) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Croissant")
    type_as_a_person(shop, clock, "1500")
    parts = screen.entry_page.parts
    assert parts is not None
    assert parts.typed_label.text() == fcfa("1,500"), "the typed amount, beside Add"
    assert screen.amount_display.text() == fcfa("350"), "the big amount stays the cart's"
    shop.enter(screen.amount_display)
    assert screen.current_page() == "entry"
    assert shop.sandbox.payments() == [], "no charge"
    assert lines_shown(screen) == [("Croissant", "1", fcfa("350")), ("Misc.", "1", fcfa("1,500"))]
    assert screen.amount_entry.is_empty
    assert parts.typed_label.text() == ""
    assert screen.amount_display.text() == fcfa("1,850")
    type_as_a_person(shop, clock, "200")
    qtbot.mouseClick(parts.add_button, Qt.MouseButton.LeftButton)
    assert len(lines_shown(screen)) == 3, "Misc. lines are never merged"
    shop.enter(screen.amount_display)  # nothing typed: the cart is charged
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(2050)
    assert payment.product == "Croissant + 2 more"
    # the journal's description is plain text (the money's no-break space a space)
    assert payment.description.endswith("Croissant, Misc. 1,500 FCFA, Misc. 200 FCFA")
    assert [x.item_id is None for x in shop.journal_sale().lines] == [False, True, True]


def test_a_refused_payment_keeps_the_cart_for_try_again(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Croissant")
    shop.sandbox.add_fault("/payment/", "refuse", times=1)
    shop.enter(screen.amount_display)
    shop.wait_page("problem")
    assert screen.problem_state() is S.FAILED
    assert shop.sandbox.payments() == []
    shop.enter()  # try again
    shop.wait_page("entry")
    assert lines_shown(screen) == [("Café", "1", fcfa("500")), ("Croissant", "1", fcfa("350"))]
    assert screen.amount_entry.is_empty, "the lines came back, not a typed amount"
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(850)
    assert payment.product == "Café + 1 more"


def test_the_cart_cannot_change_while_a_payment_is_being_made(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    shop.sandbox.add_fault("/payment/", "latency", seconds=1.0, times=1)
    shop.enter(screen.amount_display)
    assert screen.current_page() == "charging"
    croissant = next(i for i in screen.catalogue.items if i.name == "Croissant")  # type: ignore[union-attr]
    assert not screen.add_item(croissant)
    assert not screen.step_line(0, +1)
    assert not screen.scanned("2001")
    shop.wait_page("payment")
    assert [x.name for x in shop.journal_sale().lines] == ["Café"]
    assert lines_shown(screen) == [("Café", "1", fcfa("500"))]


def test_a_price_changed_after_a_sale_leaves_the_sale_unchanged(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    sold = shop.journal_sale()
    store = shop.service.journal.catalogue
    cafe = next(i for i in store.items() if i.name == "Café")
    store.update(cafe.id, ItemDraft("Café noir", "650", cafe.barcode, cafe.sku, "Drinks"), "XOF")
    assert shop.controller.reload_catalogue()
    qtbot.waitUntil(
        lambda: any(i.name == "Café noir" for i in screen.catalogue.items),  # type: ignore[union-attr]
        timeout=WAIT,
    )
    again = shop.service.journal.get(sold.id)
    assert again is not None
    assert again.amount == Decimal(500)
    assert [(x.name, x.unit_price, x.total) for x in again.lines] == [
        ("Café", Decimal(500), Decimal(500))
    ]
    screen.new_sale()
    tap(qtbot, screen, "Café noir")
    assert lines_shown(screen) == [("Café noir", "1", fcfa("650"))], "new sales: the new price"


def test_many_items_come_in_pages(shop_factory: Callable[..., Counter]) -> None:
    items = tuple((f"Item {n:02}", str(100 + n), "", "", f"90{n:02}", None) for n in range(30))
    counter = shop_factory(items=items)
    keys = counter.screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    assert not keys.categories.isVisible(), "one category: no tabs"
    assert not keys.chips.isVisible(), "nor buttons"
    assert keys.page_count == 3
    assert keys.page_label.text() == "Page 1 of 3"
    assert [t.text() for t in keys.tiles if t.isVisible()][:2] == ["Item 00", "Item 01"]
    counter.qtbot.mouseClick(keys.next_button, Qt.MouseButton.LeftButton)
    assert keys.page_label.text() == "Page 2 of 3"
    assert keys.visible_items()[0].name == "Item 12"
    assert keys.previous_button.isEnabled()
    counter.qtbot.mouseClick(keys.next_button, Qt.MouseButton.LeftButton)
    assert keys.visible_items()[-1].name == "Item 29"
    assert not keys.next_button.isEnabled()


def test_a_catalogue_in_another_currency_is_not_sold(shop_factory: Callable[..., Counter]) -> None:
    counter = shop_factory(items=())
    counter.service.journal.catalogue.add(ItemDraft("Coffee", "2.50"), "CAD")
    assert counter.controller.reload_catalogue()
    counter.qtbot.waitUntil(
        lambda: "prices are in CAD" in counter.screen.notice_text(), timeout=WAIT
    )
    assert counter.screen.entry_page.parts is None
    assert "this account charges in XOF" in counter.screen.notice_text()


def test_the_cart_and_tiles_follow_a_language_switch(shop: Counter) -> None:
    from PySide6.QtCore import QCoreApplication

    from tests.helpers.translators import Marking

    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    tap(qtbot, screen, "Café")
    parts = screen.entry_page.parts
    assert parts is not None
    app = QCoreApplication.instance()
    assert app is not None
    marking = Marking({"CartView", "QuickKeys", "EntryPage", "CashierScreen"})
    app.installTranslator(marking)  # a LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: parts.add_button.text() == "«Add»", timeout=WAIT)
        assert parts.cart_view.count_label.text() == "«2 items»"
        assert parts.cart_view.empty_button.text() == "«Empty the cart»"
        assert parts.cart_view.rows[0].unit_label.text() == f"«{fcfa('500')} each»"
        assert parts.quick_keys.accessibleName() == "«Quick keys»"
        assert screen.entry_page.product_edit.text() == "Café ×2", "one line: its name"
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: parts.add_button.text() == "Add", timeout=WAIT)


def test_the_quick_keys_grow_with_the_window(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    keys = screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    small = keys.tiles[0].height()
    screen.resize(1536, 900)
    qtbot.waitUntil(lambda: keys.tiles[0].height() > small, timeout=WAIT)
    assert keys.tiles[0].minimumHeight() == round(64 * 1.5)
    row = screen.entry_page.parts.cart_view  # type: ignore[union-attr]
    tap(qtbot, screen, "Croissant")
    assert row.rows[0].plus_button.width() == round(44 * 1.5)


def test_many_categories_come_as_scrolling_tabs(shop_factory: Callable[..., Counter]) -> None:
    items = tuple((f"Item {n}", "100", f"Shelf {n:02}", "", f"80{n:02}", None) for n in range(9))
    counter = shop_factory(items=items)
    keys = counter.screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    assert keys.categories.isVisible()
    assert not keys.chips.isVisible()
    assert keys.categories.count() == 9
    tap(counter.qtbot, counter.screen, "Item 8")
    assert keys.category == "Shelf 08"
    assert lines_shown(counter.screen) == [("Item 8", "1", fcfa("100"))]


def test_a_category_named_other_and_items_without_one_never_read_the_same(
    shop_factory: Callable[..., Counter],
) -> None:
    items = (
        ("Bag", "100", "Other", "", "9001", None),
        ("Gift card", "5000", "", "", "9002", None),
        ("Tea", "300", "Drinks", "", "9003", None),
    )
    keys = shop_factory(items=items).screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    names = sorted(chip.text() for chip in keys.chip_buttons if chip.isVisible())
    assert names == ["Drinks", "No category", "Other"]


def test_items_without_a_category_are_other(shop_factory: Callable[..., Counter]) -> None:
    items = (
        ("Gift card", "5000", "", "", "9002", None),
        ("Tea", "300", "Drinks", "", "9003", None),
    )
    keys = shop_factory(items=items).screen.entry_page.parts.quick_keys  # type: ignore[union-attr]
    assert sorted(chip.text() for chip in keys.chip_buttons if chip.isVisible()) == [
        "Drinks",
        "Other",
    ]
