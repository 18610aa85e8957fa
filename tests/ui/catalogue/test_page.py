"""The manager's catalogue page on a real journal: add and edit through the dialog, refusals
said by the field at fault (the dialog kept open), archive and Show archived, remove (a sold
item is archived and the page says why), the filter, sorting, and no currency known."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hpos.sales.cart import Cart
from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import Journal
from hpos.ui.catalogue.editor import ItemEditor
from hpos.ui.catalogue.model import PRICE
from hpos.ui.catalogue.page import CataloguePage
from tests.helpers.cart_sales import cart_sale
from tests.helpers.translators import Marking
from tests.ui.catalogue.shown import WAIT, names, rows

MakePage = Callable[..., CataloguePage]


def editor_of(qtbot: QtBot, page: CataloguePage) -> ItemEditor:
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=WAIT)
    assert page.editor is not None
    return page.editor


def fill(editor: ItemEditor, **fields: str) -> None:
    edits = {
        "name": editor.name_edit,
        "price": editor.price_edit,
        "barcode": editor.barcode_edit,
        "sku": editor.sku_edit,
    }
    for name, text in fields.items():
        if name == "category":
            editor.category_box.setCurrentText(text)
        else:
            edits[name].setText(text)


def seed(journal: Journal, *drafts: ItemDraft) -> None:
    for draft in drafts:
        journal.catalogue.add(draft, "XOF")


def test_an_item_added_through_the_dialog_shows_in_the_table(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    page = make_page()
    assert rows(page) == []
    assert page.edit_button.isEnabled() is False, "nothing selected"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = editor_of(qtbot, page)
    assert editor.windowTitle() == "Add an item"
    assert editor.labels["price"].text() == "&Price (XOF):"
    fill(editor, name="Espresso", price="1500", category="Drinks", barcode="3017620422003")
    editor.colour_buttons["#1565C0"].click()  # blue
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None, timeout=WAIT)
    assert rows(page) == [["Espresso", "1,500 FCFA", "Drinks", "3017620422003", "", "Blue", ""]]
    assert page.status_text() == "“Espresso” added."
    assert page.selected_item() is not None
    assert page.selected_item().name == "Espresso"
    [item] = journal.catalogue.items()
    assert (item.price, item.colour) == (Decimal(1500), "#1565C0")

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter on the row edits it
    editor = editor_of(qtbot, page)
    assert editor.windowTitle() == "Edit “Espresso”"
    assert (editor.name_edit.text(), editor.price_edit.text()) == ("Espresso", "1500")
    assert editor.colour_buttons["#1565C0"].isChecked()
    fill(editor, price="1750")
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        editor.save_button.click()
    assert rows(page)[0][:2] == ["Espresso", "1,750 FCFA"]
    assert page.status_text() == "“Espresso” saved."


def test_a_bad_price_is_said_by_the_price_field_and_the_dialog_keeps_what_was_typed(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    page = make_page()
    page.add_button.click()
    editor = editor_of(qtbot, page)
    fill(editor, name="Thé glacé", price="12.5", category="Drinks", sku="TEA-1")
    editor.save_button.click()
    assert editor.error_text("price") == "“12.5”: XOF prices have no decimals."
    assert editor.error_text("name") == ""
    assert editor.isVisible()
    assert (editor.name_edit.text(), editor.price_edit.text()) == ("Thé glacé", "12.5")
    assert editor.sku_edit.text() == "TEA-1"
    assert editor.focusWidget() is editor.price_edit, "the field at fault takes the keyboard"
    fill(editor, price="0")
    editor.save_button.click()
    assert editor.error_text("price") == "The price must be more than zero."
    fill(editor, name="  ")
    editor.save_button.click()
    assert editor.error_text("name") == "The item needs a name."
    assert editor.error_text("price") == ""
    assert journal.catalogue.items() == []


def test_a_refusal_goes_once_its_field_is_typed_in_again(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    """Found on the demo: "“12,5”: XOF prices have no decimals." stayed under a price
    already corrected to 1500 (it quoted what was no longer there)."""
    page = make_page()
    page.add_button.click()
    editor = editor_of(qtbot, page)
    fill(editor, name="Tarte citron", price="12,5")
    editor.save_button.click()
    assert editor.error_text("price") == "“12,5”: XOF prices have no decimals."
    editor.price_edit.selectAll()
    qtbot.keyClicks(editor.price_edit, "1500")
    assert editor.error_text("price") == ""
    fill(editor, name="")
    editor.save_button.click()
    assert editor.error_text("name") == "The item needs a name."
    qtbot.keyClicks(editor.name_edit, "Tarte")
    assert editor.error_text("name") == ""
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        editor.save_button.click()
    assert names(page) == ["Tarte"]


def test_a_duplicate_barcode_is_said_by_the_barcode_field_in_the_ui_language(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    seed(journal, ItemDraft("Croissant", "800", barcode="111222333"))
    page = make_page()
    assert names(page) == ["Croissant"]
    page.add_button.click()
    editor = editor_of(qtbot, page)
    fill(editor, name="Pain au chocolat", price="900", barcode="111222333")
    editor.save_button.click()  # checked by the store, on the runner
    qtbot.waitUntil(lambda: editor.error_text("barcode") != "", timeout=WAIT)
    assert editor.error_text("barcode") == "“Croissant” already has this barcode."
    assert editor.isVisible()
    assert editor.save_button.isEnabled()
    assert editor.name_edit.text() == "Pain au chocolat"
    assert [i.name for i in journal.catalogue.items()] == ["Croissant"]

    marking = Marking({"CatalogueWords"})  # stands for French: the sentence is translated
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(marking)
    try:
        editor.save_button.click()
        qtbot.waitUntil(
            lambda: (
                editor.error_text("barcode")
                == "«“{item}” already has this barcode.»".format(item="Croissant")
            ),
            timeout=WAIT,
        )
    finally:
        app.removeTranslator(marking)
    fill(editor, barcode="444555666")
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        editor.save_button.click()
    assert names(page) == ["Croissant", "Pain au chocolat"]


def test_archive_hides_an_item_show_archived_shows_it_and_restore_brings_it_back(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    seed(journal, ItemDraft("Coffee", "1000", category="Drinks"), ItemDraft("Tea", "700"))
    [coffee] = [i for i in journal.catalogue.items() if i.name == "Coffee"]
    page = make_page()
    assert names(page) == ["Coffee", "Tea"]  # by category, "no category" last (as the tiles)
    assert page.select(coffee.id)
    assert page.archive_button.text() == "&Archive"
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        page.archive_button.click()
    assert names(page) == ["Tea"]
    assert "Coffee" in page.status_text()
    assert "archived" in page.status_text()
    assert [i.name for i in journal.catalogue.items()] == ["Tea"]

    page.archived_box.click()  # Show archived
    assert rows(page)[0] == ["Coffee", "1,000 FCFA", "Drinks", "", "", "", "Archived"]
    assert page.select(coffee.id)
    assert page.archive_button.text() == "Res&tore"
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        page.archive_button.click()
    assert page.status_text() == "“Coffee” restored: back on the quick keys and the scanner."
    page.archived_box.click()
    assert names(page) == ["Coffee", "Tea"]


def answer_remove(qtbot: QtBot, page: CataloguePage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.question is not None, timeout=WAIT)
    box = page.question
    assert box is not None
    return box


def test_remove_deletes_an_item_never_sold_and_archives_a_sold_one_saying_why(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    seed(journal, ItemDraft("Water", "500", barcode="555"), ItemDraft("Juice", "1200"))
    water, juice = sorted(journal.catalogue.items(), key=lambda i: i.name, reverse=True)
    cart_sale(journal, Cart().add_item(water, 2))
    page = make_page()
    page.select(water.id)
    page.remove_button.click()
    box = answer_remove(qtbot, page)
    assert box.text().startswith("Remove “Water”?")
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel, "Enter never removes"
    [remove] = [b for b in box.buttons() if b.text() == "Remove"]
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        remove.click()
    assert page.status_text() == (
        "“Water” archived, because sales name it: it stays in their receipts and reports."
    )
    assert names(page) == ["Juice"]
    stored = journal.catalogue.get(water.id)
    assert stored is not None, "a sold item is never deleted"
    assert stored.archived
    sale = journal.get(1)
    assert sale is not None
    assert sale.lines[0].name == "Water"

    page.select(juice.id)
    page.remove_button.click()
    box = answer_remove(qtbot, page)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert names(page) == ["Juice"], "Cancel removes nothing"
    page.remove_button.click()
    box = answer_remove(qtbot, page)
    [remove] = [b for b in box.buttons() if b.text() == "Remove"]
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        remove.click()
    assert page.status_text() == "“Juice” deleted."
    assert journal.catalogue.get(juice.id) is None
    page.archived_box.click()
    assert names(page) == ["Water"]


def test_the_filter_finds_by_name_code_or_category_and_columns_sort_by_value(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    seed(
        journal,
        ItemDraft("Thé vert", "700", category="Boissons", sku="TV-1"),
        ItemDraft("Croissant", "10000", category="Viennoiserie", barcode="987"),
        ItemDraft("Café", "900", category="Boissons"),
    )
    page = make_page()
    qtbot.keyClicks(page.filter_edit, "THE")  # no accents, no case
    assert names(page) == ["Thé vert"]
    page.filter_edit.setText("boissons")
    assert names(page) == ["Café", "Thé vert"]
    page.filter_edit.setText("987")
    assert names(page) == ["Croissant"]
    page.filter_edit.setText("tv-1 vert")
    assert names(page) == ["Thé vert"]
    page.filter_edit.setText("")
    page.view.sortByColumn(PRICE, Qt.SortOrder.AscendingOrder)  # by amount, not by text
    assert names(page) == ["Thé vert", "Café", "Croissant"]
    page.view.sortByColumn(PRICE, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Croissant", "Café", "Thé vert"]


def test_without_a_currency_editing_says_to_connect_to_hpay_first(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    page = make_page(currency=None)
    page.add_button.click()
    assert page.editor is None
    assert page.status_text() == (
        "Connect to HPAY first: prices are in the account’s currency, known once HPOS has"
        " reached HPAY."
    )


def test_before_hpay_answers_the_catalogues_own_currency_is_used(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    seed(journal, ItemDraft("Bread", "250"))
    page = make_page(currency=None)
    assert rows(page)[0][:2] == ["Bread", "250 FCFA"]
    assert page.note_label.text() == "Not connected to HPAY: prices are shown in XOF."
    page.select(journal.catalogue.items()[0].id)
    page.edit_button.click()
    editor = editor_of(qtbot, page)
    assert editor.currency == "XOF"


def test_a_catalogue_in_another_currency_is_said_and_nothing_is_written(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    journal.catalogue.add(ItemDraft("Muffin", "3.50"), "CAD")
    page = make_page(currency="XOF")
    assert page.note_label.text().startswith(
        "The catalogue’s prices are in CAD; this account charges in XOF."
    )
    page.add_button.click()
    editor = editor_of(qtbot, page)
    fill(editor, name="Bun", price="500")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.message.isVisible(), timeout=WAIT)
    assert editor.message.text().startswith(
        "The catalogue’s prices are in CAD; this account charges in XOF. Nothing was written."
    )
    assert [i.name for i in journal.catalogue.items()] == ["Muffin"]


def test_restoring_an_item_whose_barcode_went_to_another_says_why_and_keeps_it_archived(
    qtbot: QtBot, make_page: MakePage, journal: Journal
) -> None:
    old = journal.catalogue.add(ItemDraft("Old soda", "400", barcode="5449000000996"), "XOF")
    journal.catalogue.archive(old.id)
    journal.catalogue.add(ItemDraft("New soda", "450", barcode="5449000000996"), "XOF")
    page = make_page()
    page.archived_box.click()
    assert page.select(old.id)
    assert page.archive_button.text() == "Res&tore"
    with qtbot.waitSignal(page.said, timeout=WAIT):
        page.archive_button.click()
    assert page.status_text() == "Not restored: “New soda” already has this barcode."
    assert journal.catalogue.get(old.id).archived


def test_a_language_change_rewords_the_page(qtbot: QtBot, make_page: MakePage) -> None:
    page = make_page()
    marking = Marking({"CataloguePage", "CatalogueModel"})  # stands for another language
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: page.title.text() == "«Catalogue»", timeout=WAIT)
        assert page.add_button.text() == "«A&dd…»"
        assert page.view.model().headerData(PRICE, Qt.Orientation.Horizontal) == "«Price»"
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: page.title.text() == "Catalogue", timeout=WAIT)
