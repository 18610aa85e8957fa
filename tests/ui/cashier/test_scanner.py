"""The barcode scanner: a burst of keys ending in Enter adds an item, a person's keys pass.

The scanner's clock is the test's (:class:`FakeClock`): keys "at scanner speed" are 5 ms
apart on it, a person's 200 ms; nothing here waits for wall-clock time except the
scanner's own release of a person's last key (waited for, never slept).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hpos.ui.cashier.burst import GAP, MIN_LENGTH, ScanBurst
from hpos.ui.money import GROUP_SEPARATOR
from tests.helpers.cashier import WAIT, Counter
from tests.ui.cashier.conftest import FakeClock

SP = GROUP_SEPARATOR


def scan(shop: Counter, clock: FakeClock, code: str, widget: QWidget | None = None) -> None:
    """Key events as a USB scanner sends them: ``code`` 5 ms a key, then Enter."""
    target = widget or shop.screen.focusWidget() or shop.screen.amount_display
    for char in code:
        shop.qtbot.keyClick(target, char)
        clock.advance(0.005)
    shop.qtbot.keyClick(target, Qt.Key.Key_Return)
    clock.advance(0.5)


def type_as_a_person(shop: Counter, clock: FakeClock, widget: QWidget, text: str) -> None:
    """``text`` a key every 200 ms; returns once the scanner let the last key go."""
    for char in text:
        shop.qtbot.keyClick(widget, char)
        clock.advance(0.2)
    settle(shop)


def press(shop: Counter, clock: FakeClock, widget: QWidget, key: Qt.Key) -> None:
    """One key as a person presses it (the scanner holds a printable one for a moment)."""
    shop.qtbot.keyClick(widget, key)
    clock.advance(0.2)
    settle(shop)


def settle(shop: Counter) -> None:
    scanner = shop.screen.scanner
    assert scanner is not None
    shop.qtbot.waitUntil(lambda: not scanner.holding, timeout=WAIT)


def lines(shop: Counter) -> list[tuple[str, str, str]]:
    parts = shop.screen.entry_page.parts
    assert parts is not None
    return parts.cart_view.line_texts()


# -- the rule, on its own --------------------------------------------------------------


def test_the_burst_rule() -> None:
    clock = FakeClock()
    burst: ScanBurst[str] = ScanBurst(clock)
    for char in "4006":
        outcome = burst.printable(char, char)
        assert outcome.hold
        assert outcome.release == []
        clock.advance(GAP / 3)
    assert burst.enter().code == "4006", "4 fast keys and Enter: a scan"
    assert not burst.holding
    for char in "123":
        burst.printable(char, char)
        clock.advance(0.001)
    short = burst.enter()
    assert short.code is None, f"fewer than {MIN_LENGTH} keys: a person's"
    assert short.release == ["1", "2", "3"], "given back in order"
    burst.printable("7", "7")
    clock.advance(GAP * 2)
    late = burst.printable("8", "8")
    assert late.release == ["7"], "a long gap: the first key was a person's"
    for char in "999":
        burst.printable(char, char)
    clock.advance(GAP * 2)
    slow = burst.enter()
    assert slow.code is None, "Enter long after the last key: not a scan"
    assert slow.release == ["8", "9", "9", "9"]
    burst.printable("5", "5")
    assert burst.other().release == ["5"], "Backspace, an arrow...: given back first"


# -- on the cashier screen ---------------------------------------------------------------


def test_a_scan_adds_the_item_and_types_nothing(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    screen.amount_display.setFocus()
    scan(shop, clock, "3017620422003")
    assert lines(shop) == [("Café", "1", f"500{SP}FCFA")]
    assert screen.entry_page.hint_label.text() == "Added Café"
    assert screen.amount_entry.is_empty, "the code's digits never reached the amount"
    assert screen.current_page() == "entry"
    assert shop.sandbox.payments() == [], "a scan never charges"
    scan(shop, clock, "CAF")  # the SKU; 3 characters: too short for a scan, typed as keys
    shop.qtbot.waitUntil(lambda: screen.entry_page.hint_label.text() != "Added Café", timeout=WAIT)
    scan(shop, clock, "3017620422003")
    assert lines(shop) == [("Café", "2", f"1,000{SP}FCFA")], "a scan again: one more"
    assert shop.sandbox.payments() == []


def test_a_scan_in_the_note_field_leaves_the_note(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    note = screen.entry_page.description_edit
    note.setText("Table 4")
    note.setFocus()
    scan(shop, clock, "2001", note)
    assert note.text() == "Table 4"
    assert lines(shop) == [("Croissant", "1", f"350{SP}FCFA")]
    assert shop.sandbox.payments() == [], "the scan's Enter charged nothing"


def test_an_unknown_code_says_so_and_adds_nothing(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    scan(shop, clock, "99999999", screen.amount_display)
    assert screen.entry_page.hint_label.text() == "No item has the code 99999999."
    assert lines(shop) == []
    assert screen.amount_entry.is_empty
    assert shop.sandbox.payments() == []
    assert screen.current_page() == "entry"


def test_a_person_typing_still_reaches_the_amount(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    type_as_a_person(shop, clock, screen.amount_display, "1500")
    assert screen.amount_entry.text == "1500"
    assert screen.amount_display.text() == f"1,500{SP}FCFA"
    shop.enter(screen.amount_display)  # an empty cart: the typed amount, as always
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(1500)
    assert payment.product == "Coffee"


def test_three_quick_keys_and_enter_are_a_person(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    for char in "250":  # fast, but too short for a code
        shop.qtbot.keyClick(screen.amount_display, char)
        clock.advance(0.005)
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(250), "the keys went to the amount before Enter"


def test_a_scan_on_the_paid_page_starts_the_next_sale(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    scan(shop, clock, "2001", screen.amount_display)
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    shop.sandbox.mark_paid(payment.transaction_id)
    shop.wait_page("paid")
    scan(shop, clock, "1003", screen.focusWidget())
    assert screen.current_page() == "entry"
    assert lines(shop) == [("Jus de bissap", "1", f"750{SP}FCFA")]
    assert len(shop.sandbox.payments()) == 1


def test_no_scan_is_watched_off_the_entry_page(shop: Counter, clock: FakeClock) -> None:
    screen = shop.screen
    scan(shop, clock, "2001", screen.amount_display)
    shop.sandbox.add_fault("/payment/", "latency", seconds=1.0, times=1)
    shop.enter(screen.amount_display)
    assert screen.current_page() == "charging"
    assert not screen.scanner.active  # type: ignore[union-attr]
    shop.wait_page("payment")
    assert not screen.scanner.active  # type: ignore[union-attr]
    screen.hide()
    assert not screen.scanner.active  # type: ignore[union-attr]


def test_a_keyboard_only_cart_sale(shop: Counter, clock: FakeClock) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    parts = screen.entry_page.parts
    assert parts is not None
    search = parts.search
    screen.amount_display.setFocus()
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_F4)
    assert search.isVisible()
    assert search.field.hasFocus()
    type_as_a_person(shop, clock, search.field, "croi")
    assert [i.name for i in search.found()] == ["Croissant"]
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert not search.isVisible(), "added: the quick keys again"
    assert screen.amount_display.hasFocus()
    assert shop.sandbox.payments() == [], "Enter in the search charges nothing"
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_F4)
    type_as_a_person(shop, clock, search.field, "b")  # Jus de bissap, then none else
    assert [i.name for i in search.found()] == ["Jus de bissap"]
    qtbot.keyClick(search.field, Qt.Key.Key_Backspace)
    type_as_a_person(shop, clock, search.field, "caf")
    qtbot.keyClick(search.field, Qt.Key.Key_Down)  # one match: stays on it
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert [name for name, _, _ in lines(shop)] == ["Croissant", "Café"]
    press(shop, clock, screen.amount_display, Qt.Key.Key_Plus)  # the selected line: the coffee
    press(shop, clock, screen.amount_display, Qt.Key.Key_Plus)
    press(shop, clock, screen.amount_display, Qt.Key.Key_Minus)
    assert lines(shop)[1] == ("Café", "2", f"1,000{SP}FCFA")
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_Up)
    press(shop, clock, screen.amount_display, Qt.Key.Key_Plus)
    assert lines(shop)[0] == ("Croissant", "2", f"700{SP}FCFA")
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_F4)
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.isVisible()
    assert len(lines(shop)) == 2, "Esc in the search changes nothing"
    shop.enter(screen.amount_display)
    shop.wait_page("payment")
    [payment] = shop.sandbox.payments()
    assert payment.amount == Decimal(1700)
    assert payment.product == "Croissant ×2 + 1 more"


def test_a_scan_while_searching_adds_the_item(shop: Counter, clock: FakeClock) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    parts = screen.entry_page.parts
    assert parts is not None
    assert screen.open_search()
    type_as_a_person(shop, clock, parts.search.field, "jus")
    scan(shop, clock, "2001", parts.search.field)
    assert parts.search.field.text() == "jus", "the code's keys never reached the search"
    assert lines(shop) == [("Croissant", "1", f"350{SP}FCFA")]
    press(shop, clock, parts.search.field, Qt.Key.Key_Delete)  # the search's own Delete
    assert len(lines(shop)) == 1
    qtbot.keyClick(parts.search.field, Qt.Key.Key_Escape)
    press(shop, clock, screen.amount_display, Qt.Key.Key_Delete)  # the selected line goes
    assert lines(shop) == []


def test_search_answers_each_key_at_once_without_the_scanners_gap(
    shop: Counter, clock: FakeClock
) -> None:
    screen = shop.screen
    parts = screen.entry_page.parts
    assert parts is not None
    assert screen.scanner is not None
    assert screen.open_search()
    shop.qtbot.keyClick(parts.search.field, "c")
    # no event loop turn, no timer: the key is in the field and the list answers it now
    assert parts.search.field.text() == "c"
    assert [item.name for item in parts.search.found()][:1] == ["Croissant"]
    clock.advance(0.2)
    shop.qtbot.keyClick(parts.search.field, "r")
    assert parts.search.field.text() == "cr"
    settle(shop)
    assert parts.search.field.text() == "cr", "nothing was given twice"


def test_a_scan_in_a_text_field_gives_it_back_its_text_and_cursor(
    shop: Counter, clock: FakeClock
) -> None:
    note = shop.screen.entry_page.description_edit
    note.setText("Table 4")
    note.setCursorPosition(5)
    note.setFocus()
    scan(shop, clock, "2001", note)
    assert (note.text(), note.cursorPosition()) == ("Table 4", 5)
    assert lines(shop) == [("Croissant", "1", f"350{SP}FCFA")]
    type_as_a_person(shop, clock, note, "b")  # a person's key after the scan stays
    assert note.text() == "Tableb 4"
