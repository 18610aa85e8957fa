"""The catalogue in the journal: one currency, unique codes among active items, archive
instead of delete for a sold item, all-or-nothing writes, sales that keep what they sold."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.sales.cart import Cart
from hpos.sales.catalogue import Item, ItemDraft, ItemRefused, Problem
from hpos.sales.catalogue_store import CatalogueStore, CurrencyMismatch
from hpos.sales.journal import Journal, JournalError
from tests.helpers.cart_sales import cart_sale

WHEN = datetime(2025, 11, 8, 9, 30, tzinfo=UTC)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3", clock=lambda: WHEN)
    yield j
    j.close()


@pytest.fixture
def store(journal: Journal) -> CatalogueStore:
    return journal.catalogue


def sell(journal: Journal, *items: Item) -> None:
    cart = Cart()
    for item in items:
        cart = cart.add_item(item)
    cart_sale(journal, cart)


def test_a_new_catalogue_has_no_items_and_no_currency(store: CatalogueStore) -> None:
    assert store.items() == []
    assert store.currency is None
    assert store.get(1) is None
    assert store.by_code("1") is None


def test_add_checks_and_keeps_the_item(store: CatalogueStore) -> None:
    item = store.add(ItemDraft(" Coffee ", "1 500", "301", "COF", "Drinks", "blue"), "XOF")
    assert item == Item(item.id, "Coffee", Decimal(1500), "301", "COF", "Drinks", "#1565C0")
    assert store.get(item.id) == item
    assert store.currency == "XOF"
    with pytest.raises(ItemRefused) as caught:
        store.add(ItemDraft("Tea", "12,5"), "XOF")
    assert caught.value.problem is Problem.BAD_PRICE
    assert [i.name for i in store.items()] == ["Coffee"]


def test_prices_keep_the_currencys_decimals(store: CatalogueStore) -> None:
    item = store.add(ItemDraft("Tea", "2,5"), "CAD")
    assert store.get(item.id).price == Decimal("2.50")  # type: ignore[union-attr]
    assert str(store.get(item.id).price) == "2.50"  # type: ignore[union-attr]


def test_another_currency_is_refused_with_nothing_written(store: CatalogueStore) -> None:
    store.add(ItemDraft("Coffee", "1500"), "XOF")
    with pytest.raises(CurrencyMismatch) as caught:
        store.add(ItemDraft("Tea", "2.50"), "CAD")
    assert isinstance(caught.value, JournalError)
    assert (caught.value.catalogue, caught.value.given) == ("XOF", "CAD")
    assert "The catalogue's prices are in XOF; this account charges in CAD." in str(caught.value)
    assert [i.name for i in store.items()] == ["Coffee"]


def test_a_catalogue_emptied_of_items_takes_the_next_writes_currency(
    journal: Journal, store: CatalogueStore
) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500"), "XOF")
    tea = store.add(ItemDraft("Tea", "1000"), "XOF")
    sell(journal, coffee)
    assert store.remove(tea.id) == "deleted"
    assert store.remove(coffee.id) == "archived"  # sold: its XOF price stays
    with pytest.raises(CurrencyMismatch):
        store.add(ItemDraft("Tea", "2.50"), "CAD")
    other = Journal(journal.path.with_name("other.sqlite3"))
    try:
        store = other.catalogue
        store.remove(store.add(ItemDraft("Coffee", "1500"), "XOF").id)  # never sold: deleted
        assert store.currency == "XOF"
        tea = store.add(ItemDraft("Tea", "2,5"), "CAD")  # no price left in XOF
        assert (store.currency, tea.price) == ("CAD", Decimal("2.50"))
        with pytest.raises(CurrencyMismatch):
            store.add(ItemDraft("Coffee", "1500"), "XOF")
    finally:
        other.close()


def test_update_changes_the_item_and_a_sale_keeps_what_it_sold(
    journal: Journal, store: CatalogueStore
) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500", "301"), "XOF")
    sell(journal, coffee)
    updated = store.update(coffee.id, ItemDraft("Espresso", "1800", "301"), "XOF")
    assert (updated.id, updated.name, updated.price) == (coffee.id, "Espresso", Decimal(1800))
    sale = journal.get(1)
    assert sale is not None
    [line] = sale.lines
    assert (line.name, line.unit_price, line.total, line.item_id) == (
        "Coffee",
        Decimal(1500),
        Decimal(1500),
        coffee.id,
    )
    with pytest.raises(KeyError):
        store.update(999, ItemDraft("Ghost", "1"), "XOF")


def test_items_are_by_category_then_name_archived_on_request(store: CatalogueStore) -> None:
    for name, category in [("Tea", "Drinks"), ("Bag", ""), ("Cake", "Bakery"), ("Beer", "Drinks")]:
        store.add(ItemDraft(name, "100", category=category), "XOF")
    cake = next(i for i in store.items() if i.name == "Cake")
    store.archive(cake.id)
    assert [i.name for i in store.items()] == ["Bag", "Beer", "Tea"]
    everything = store.items(archived=True)
    assert [(i.name, i.archived) for i in everything] == [
        ("Bag", False),
        ("Cake", True),
        ("Beer", False),
        ("Tea", False),
    ]


def test_a_code_belongs_to_one_active_item(store: CatalogueStore) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500", "301", "COF"), "XOF")
    with pytest.raises(ItemRefused) as caught:
        store.add(ItemDraft("Tea", "1000", "301"), "XOF")
    assert caught.value.problem is Problem.DUPLICATE_BARCODE
    assert str(caught.value) == "The barcode 301 is already Coffee's."
    with pytest.raises(ItemRefused) as caught:
        store.add(ItemDraft("Tea", "1000", None, "COF"), "XOF")
    assert caught.value.problem is Problem.DUPLICATE_SKU
    assert str(caught.value) == "The SKU COF is already Coffee's."
    tea = store.add(ItemDraft("Tea", "1000", "302"), "XOF")
    with pytest.raises(ItemRefused):
        store.update(tea.id, ItemDraft("Tea", "1000", "301"), "XOF")
    # its own codes are no clash
    store.update(coffee.id, ItemDraft("Coffee", "1600", "301", "COF"), "XOF")


def test_an_archived_items_code_may_go_to_another_and_then_it_cannot_come_back(
    store: CatalogueStore,
) -> None:
    old = store.add(ItemDraft("Old coffee", "1500", "301"), "XOF")
    store.archive(old.id)
    assert store.by_code("301") is None  # the scanner does not sell it
    new = store.add(ItemDraft("New coffee", "1600", "301"), "XOF")
    assert store.by_code("301") == new
    with pytest.raises(ItemRefused, match="already New coffee's"):
        store.restore(old.id)
    assert store.get(old.id).archived  # type: ignore[union-attr]
    store.archive(new.id)
    assert store.restore(old.id).archived is False


def test_an_archived_item_can_be_edited_though_its_code_went_to_another(
    store: CatalogueStore,
) -> None:
    old = store.add(ItemDraft("Old coffee", "1500", "301"), "XOF")
    store.archive(old.id)
    store.add(ItemDraft("New coffee", "1600", "301"), "XOF")
    edited = store.update(old.id, ItemDraft("Old coffee (2019)", "1500", "301"), "XOF")
    assert edited.name == "Old coffee (2019)"
    assert edited.archived is True


def test_by_code_finds_barcode_or_sku_of_an_active_item(store: CatalogueStore) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500", "301", "COF"), "XOF")
    assert store.by_code("301") == coffee
    assert store.by_code("COF") == coffee
    assert store.by_code("cof") is None  # exact (the cashier's index ignores case)


def test_remove_deletes_an_item_never_sold_and_archives_one_sold(
    journal: Journal, store: CatalogueStore
) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500"), "XOF")
    tea = store.add(ItemDraft("Tea", "1000"), "XOF")
    sell(journal, coffee)
    assert store.is_sold(coffee.id)
    assert not store.is_sold(tea.id)
    assert store.remove(tea.id) == "deleted"
    assert store.get(tea.id) is None
    assert store.remove(coffee.id) == "archived"
    assert store.get(coffee.id).archived  # type: ignore[union-attr]
    with pytest.raises(KeyError):
        store.remove(tea.id)
    with pytest.raises(KeyError):
        store.archive(tea.id)


def test_write_many_is_all_or_nothing(store: CatalogueStore) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500", "301"), "XOF")
    with pytest.raises(ItemRefused):
        store.write_many(
            [
                (None, ItemDraft("Tea", "1000", "302")),
                (coffee.id, ItemDraft("Coffee", "1700", "301")),
                (None, ItemDraft("Juice", "900", "302")),  # Tea's barcode, in the same batch
            ],
            "XOF",
        )
    assert [(i.name, i.price) for i in store.items()] == [("Coffee", Decimal(1500))]
    with pytest.raises(ItemRefused):  # a bad draft anywhere: checked before anything
        store.write_many([(None, ItemDraft("Tea", "1000")), (None, ItemDraft("", "1"))], "XOF")
    written = store.write_many(
        [(None, ItemDraft("Tea", "1000", "302")), (coffee.id, ItemDraft("Coffee", "1700", "301"))],
        "XOF",
    )
    assert [(i.name, i.price) for i in written] == [
        ("Tea", Decimal(1000)),
        ("Coffee", Decimal(1700)),
    ]


def test_the_store_is_safe_from_several_threads(store: CatalogueStore) -> None:
    errors: list[BaseException] = []

    def add(n: int) -> None:
        try:
            for k in range(20):
                store.add(ItemDraft(f"Item {n}-{k}", "100", f"{n}-{k}"), "XOF")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.items()) == 80
