"""What a cashier sees of the cart at the window's smallest size (found trying the demo).

The cashier screen gets about 1024×470 of a 1024×600 window (menu, banners, tabs and
status bar take the rest): the big amount stays whole there, the line just added keeps
its − + ✕ buttons in sight however many lines came before, and "Added …" reads as done
(green), not as a refusal (red).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from hpos.ui.widgets.style import GREEN, RED
from tests.helpers.cashier import WAIT, Counter
from tests.helpers.translators import Marking
from tests.ui.cashier.conftest import FakeClock
from tests.ui.cashier.test_cart import fcfa, lines_shown, tap, type_as_a_person

#: The cashier screen's size in a 1024×600 window (measured on the demo under Xvfb).
IN_WINDOW = (1024, 470)

#: More items than the cart shows at once at that size: (name, price, ...) in three shelves.
MANY = tuple(
    (f"Thing {n}", str(100 + n), f"Shelf {n % 3}", "", f"70{n:02}", None) for n in range(9)
)


def in_sight(widget: QWidget, viewport: QWidget) -> bool:
    """The whole of ``widget`` shows inside ``viewport`` (a scroll area's)."""
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def ink(label: QLabel) -> list[QColor]:
    """The colours of the label's text as painted (pixels far from its background)."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    found = []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 80:
                found.append(colour)
    return found


def near(colour: QColor, hex_code: str) -> bool:
    target = QColor(hex_code)
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
        < 60
    )


def test_the_big_amount_is_whole_beside_the_cart(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    screen.resize(*IN_WINDOW)
    display = screen.amount_display
    qtbot.waitUntil(lambda: display.height() < 90, timeout=WAIT)
    for text in (fcfa("0"), fcfa("1,000")):
        if text != fcfa("0"):
            tap(qtbot, screen, "Café")
            tap(qtbot, screen, "Café")
        assert display.text() == text

        def fits() -> bool:
            font = QFont(display.font())
            room = display.contentsRect().height()
            return QFontMetrics(font).height() <= room

        qtbot.waitUntil(fits, timeout=WAIT)  # the digits are not cut at the top or bottom
        assert display.font().pixelSize() >= 28, "still the biggest text on the screen"


def test_the_line_just_added_shows_its_buttons_however_long_the_cart(
    shop_factory: Callable[..., Counter],
) -> None:
    counter = shop_factory(items=MANY)
    screen, qtbot = counter.screen, counter.qtbot
    screen.resize(*IN_WINDOW)
    view = screen.entry_page.parts.cart_view  # type: ignore[union-attr]
    viewport = view.scroll.viewport()
    for n in range(9):
        tap(qtbot, screen, f"Thing {n}")
        row = view.rows[n]
        qtbot.waitUntil(lambda row=row: in_sight(row.remove_button, viewport), timeout=WAIT)
        assert in_sight(row.minus_button, viewport)
        assert in_sight(row.plus_button, viewport)
    assert view.scroll.verticalScrollBar().isVisible(), "more lines than fit: they scroll"
    qtbot.mouseClick(view.rows[0], Qt.MouseButton.LeftButton)
    # a tap on the first line (scrolled back to it) shows its buttons in sight too
    qtbot.waitUntil(lambda: view.selected == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: in_sight(view.rows[0].remove_button, viewport), timeout=WAIT)


def test_added_reads_as_done_and_a_refusal_as_a_problem(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    hint = screen.entry_page.hint_label
    tap(qtbot, screen, "Café")
    assert hint.text() == "Added Café"
    painted = ink(hint)
    assert painted, "the hint is painted"
    assert any(near(c, GREEN) for c in painted), "done: green"
    assert not any(near(c, RED) for c in painted)
    assert not screen.scanned("0000")
    assert hint.text() == "No item has the code 0000."
    painted = ink(hint)
    assert any(near(c, RED) for c in painted), "a problem: red"
    assert not any(near(c, GREEN) for c in painted)


def test_added_is_said_again_in_the_new_language(shop: Counter) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Croissant")
    hint = screen.entry_page.hint_label
    assert hint.text() == "Added Croissant"
    app = QCoreApplication.instance()
    assert app is not None
    marking = Marking({"CashierScreen", "EntryPage"})
    app.installTranslator(marking)  # a LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: hint.text() == "«Added Croissant»", timeout=WAIT)
        assert screen.amount_display.text() == fcfa("350"), "the cart is still there"
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: hint.text() == "Added Croissant", timeout=WAIT)


def test_one_more_line_is_said_in_the_singular(shop: Counter) -> None:
    """French says "+ 1 autre" but "+ 2 autres": one more line has a text of its own."""
    screen, qtbot = shop.screen, shop.qtbot
    app = QCoreApplication.instance()
    assert app is not None
    marking = Marking({"CashierScreen"})
    app.installTranslator(marking)
    try:
        tap(qtbot, screen, "Café")
        tap(qtbot, screen, "Croissant")
        assert screen.entry_page.product_edit.text() == "Café «+ 1 more»"
        tap(qtbot, screen, "Jus de bissap")
        assert screen.entry_page.product_edit.text() == "Café «+ 2 more»"
        view = screen.entry_page.parts.cart_view  # type: ignore[union-attr]
        qtbot.mouseClick(view.rows[2].remove_button, Qt.MouseButton.LeftButton)
        shop.enter(screen.amount_display)
        shop.wait_page("payment")
        [payment] = shop.sandbox.payments()
        assert payment.product == "Café «+ 1 more»"
        assert screen.payment_page.isVisible()
    finally:
        app.removeTranslator(marking)


def test_a_free_amount_is_named_in_the_new_language(shop: Counter, clock: FakeClock) -> None:
    screen, qtbot = shop.screen, shop.qtbot
    tap(qtbot, screen, "Café")
    type_as_a_person(shop, clock, "200")
    shop.enter(screen.amount_display)  # a Misc. line
    assert [name for name, _, _ in lines_shown(screen)] == ["Café", "Misc."]
    app = QCoreApplication.instance()
    assert app is not None
    marking = Marking({"CashierScreen"})
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: lines_shown(screen)[1][0] == "«Misc.»", timeout=WAIT)
        assert lines_shown(screen)[0][0] == "Café", "an item keeps its name"
        shop.enter(screen.amount_display)
        shop.wait_page("payment")
        assert [x.name for x in shop.journal_sale().lines] == ["Café", "«Misc.»"]
    finally:
        app.removeTranslator(marking)
