"""The cart: lines, quantities, totals, limits, and the texts HPAY is sent for it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from hpos.hpay.money import MAX_AMOUNT
from hpos.sales.cart import (
    ITEMS_CHARS,
    MAX_LINES,
    MAX_QUANTITY,
    PRODUCT_NAME_CHARS,
    Cart,
    CartFull,
    CartLine,
    cart_description,
    check_lines,
    items_text,
    product_name,
)
from hpos.sales.catalogue import Item
from hpos.sales.model import SaleLine

COFFEE = Item(1, "Coffee", Decimal(1500), "3012345678901", "COF")
CROISSANT = Item(2, "Croissant", Decimal(800), None, "CRO")
TEA = Item(3, "Tea", Decimal("2.50"))


def test_an_empty_cart() -> None:
    cart = Cart()
    assert len(cart) == 0
    assert cart.total == Decimal(0)
    assert cart.count == 0
    assert cart.sale_lines() == ()


def test_items_add_up_and_the_same_item_grows_its_line() -> None:
    cart = Cart().add_item(COFFEE).add_item(CROISSANT, 2).add_item(COFFEE)
    assert [(line.name, line.quantity, line.total) for line in cart.lines] == [
        ("Coffee", 2, Decimal(3000)),
        ("Croissant", 2, Decimal(1600)),
    ]
    assert cart.total == Decimal(4600)
    assert cart.count == 4
    assert cart.lines[0] == CartLine("Coffee", Decimal(1500), 2, 1, "3012345678901", "COF")


def test_a_cart_is_a_value_every_change_makes_a_new_one() -> None:
    empty = Cart()
    one = empty.add_item(COFFEE)
    assert empty.lines == ()
    assert len(one) == 1
    with pytest.raises(AttributeError):
        one.lines = ()  # type: ignore[misc]


def test_a_line_keeps_the_price_it_was_added_at_and_a_new_price_makes_a_new_line() -> None:
    cart = Cart().add_item(COFFEE)
    dearer = Item(1, "Coffee", Decimal(1800), "3012345678901", "COF")
    cart = cart.add_item(dearer).add_item(dearer)
    assert [(line.unit_price, line.quantity) for line in cart.lines] == [
        (Decimal(1500), 1),
        (Decimal(1800), 2),
    ]
    assert cart.total == Decimal(5100)
    renamed = Item(1, "Coffee (large)", Decimal(1800), "3012345678901", "COF")
    assert [line.name for line in cart.add_item(renamed).lines][-1] == "Coffee (large)"


def test_free_amounts_are_lines_of_their_own() -> None:
    cart = Cart().add_amount(Decimal(500)).add_item(COFFEE).add_amount(Decimal(500), "Divers")
    assert [(line.name, line.item_id, line.is_free_amount) for line in cart.lines] == [
        ("Misc.", None, True),
        ("Coffee", 1, False),
        ("Divers", None, True),
    ]
    assert cart.total == Decimal(2500)
    for bad in (Decimal(0), Decimal(-1)):
        with pytest.raises(ValueError, match="positive"):
            cart.add_amount(bad)
    with pytest.raises(ValueError, match="positive"):
        cart.add_amount(500)  # type: ignore[arg-type]


def test_quantities_step_set_and_remove() -> None:
    cart = Cart().add_item(COFFEE).add_item(CROISSANT)
    cart = cart.step(0, +1)
    assert cart.lines[0].quantity == 2
    cart = cart.step(1, -1)  # the last one: the line goes
    assert [line.name for line in cart.lines] == ["Coffee"]
    cart = cart.set_quantity(0, 5)
    assert cart.total == Decimal(7500)
    assert cart.set_quantity(0, 0).lines == ()
    assert cart.remove(0).lines == ()
    with pytest.raises(IndexError):
        cart.remove(3)
    with pytest.raises(ValueError, match="at least one"):
        cart.add_item(COFFEE, 0)


@pytest.mark.parametrize("index", [-1, -2, 2])
def test_a_line_that_is_not_there_is_refused_not_another_changed(index: int) -> None:
    cart = Cart().add_item(COFFEE).add_item(CROISSANT)
    for change in (
        lambda: cart.set_quantity(index, 3),  # -1 made four lines of two before
        lambda: cart.step(index, +1),
        lambda: cart.set_quantity(index, 0),
        lambda: cart.remove(index),
    ):
        with pytest.raises(IndexError):
            change()
    assert [(line.name, line.quantity) for line in cart.lines] == [("Coffee", 1), ("Croissant", 1)]


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
def test_a_free_amount_that_is_no_number_is_refused(amount: Decimal) -> None:
    with pytest.raises(ValueError, match="positive Decimal"):
        Cart().add_amount(amount)


def test_limits_refuse_and_change_nothing() -> None:
    cart = Cart().add_item(COFFEE, MAX_QUANTITY)
    with pytest.raises(CartFull, match=f"At most {MAX_QUANTITY}"):
        cart.add_item(COFFEE)
    with pytest.raises(CartFull):
        cart.step(0, +1)
    assert cart.lines[0].quantity == MAX_QUANTITY
    full = Cart()
    for _n in range(MAX_LINES):
        full = full.add_amount(Decimal(1))
    with pytest.raises(CartFull, match=f"at most {MAX_LINES} lines"):
        full.add_item(TEA)
    big = Cart().add_amount(MAX_AMOUNT)
    with pytest.raises(CartFull, match="maximum amount"):
        big.add_amount(Decimal(1))
    assert big.total == MAX_AMOUNT


def test_sale_lines_are_numbered_from_one_and_add_up() -> None:
    cart = Cart().add_item(COFFEE, 2).add_item(TEA, 3).add_amount(Decimal("0.50"))
    lines = cart.sale_lines()
    assert lines == (
        SaleLine(1, "Coffee", Decimal(1500), 2, Decimal(3000), 1, "3012345678901", "COF"),
        SaleLine(2, "Tea", Decimal("2.50"), 3, Decimal("7.50"), 3, None, None),
        SaleLine(3, "Misc.", Decimal("0.50"), 1, Decimal("0.50"), None, None, None),
    )
    check_lines(lines, cart.total)
    check_lines((), Decimal(14900))  # a typed-amount sale has no lines


def test_lines_that_do_not_add_up_are_refused() -> None:
    first, second = Cart().add_item(COFFEE).add_item(CROISSANT).sale_lines()
    with pytest.raises(ValueError, match="numbered 1, 2"):
        check_lines((second, first), Decimal(2300))
    with pytest.raises(ValueError, match="line 1 does not add up"):
        check_lines((replace(first, total=Decimal(1)), second), Decimal(801))
    with pytest.raises(ValueError, match="line 2 does not add up"):
        check_lines((first, replace(second, quantity=0, total=Decimal(0))), Decimal(1500))
    with pytest.raises(ValueError, match="do not add up to its amount"):
        check_lines((first, second), Decimal(2400))
    check_lines((first, second), Decimal(2300))


# -- texts -------------------------------------------------------------------------------


def test_product_name_names_the_first_line_and_counts_the_others() -> None:
    one = Cart().add_item(CROISSANT)
    assert product_name(one.lines) == "Croissant"
    two = Cart().add_item(COFFEE, 2)
    assert product_name(two.sale_lines()) == "Coffee ×2"
    many = two.add_item(CROISSANT).add_item(TEA).add_amount(Decimal(5))
    assert product_name(many.lines) == "Coffee ×2 + 3 more"
    assert product_name(many.lines, more="+ {count} autres") == "Coffee ×2 + 3 autres"
    with pytest.raises(ValueError, match="empty"):
        product_name(())


def test_a_long_first_name_is_cut_the_count_never() -> None:
    long = Item(9, "L" * 80 + " " + "M" * 30, Decimal(1))
    cart = Cart().add_item(long, 12).add_item(COFFEE)
    name = product_name(cart.lines)
    assert len(name) == PRODUCT_NAME_CHARS
    assert name.endswith("… ×12 + 1 more")
    alone = product_name(Cart().add_item(long).lines)
    assert len(alone) <= PRODUCT_NAME_CHARS
    assert alone.endswith("…")


def test_items_text_lists_the_lines_while_they_fit() -> None:
    cart = Cart().add_item(COFFEE, 2).add_item(CROISSANT).add_amount(Decimal(1500))
    assert items_text(cart.lines) == "Coffee ×2, Croissant, Misc. 1500"
    assert (
        items_text(cart.sale_lines(), amount=lambda a: f"{a:,} XOF")
        == "Coffee ×2, Croissant, Misc. 1,500 XOF"
    )
    assert items_text(cart.lines, limit=25) == "Coffee ×2 + 2 more"
    assert items_text(cart.lines, limit=22) == "Coffee ×2 + 2 more"
    assert items_text(cart.lines, limit=12) == "+ 3 more"
    assert items_text(cart.lines, limit=5) == "+ 3…"
    assert items_text(()) == ""


def test_items_text_of_a_full_cart_stays_within_the_limit() -> None:
    cart = Cart()
    for n in range(MAX_LINES):
        cart = cart.add_item(Item(100 + n, f"Item number {n:03d} with a long name", Decimal(1)))
    text = items_text(cart.lines)
    assert len(text) <= ITEMS_CHARS
    assert text.startswith("Item number 000 with a long name, ")
    shown = text.count(",") + 1
    assert text.endswith(f" + {MAX_LINES - shown} more")


def test_cart_description_puts_the_note_after_the_items() -> None:
    assert (
        cart_description("Coffee ×2, Croissant", "table  4\n") == "Coffee ×2, Croissant — table 4"
    )
    assert cart_description("Coffee", "") == "Coffee"
    assert cart_description("", "just a note") == "just a note"
    assert cart_description("", "") == ""
