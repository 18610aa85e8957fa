"""Import CSV… and Export CSV… on the catalogue page (real journal, real files in tmp_path,
Qt's own file dialog driven as a user types a path): the report comes before anything is
written, rejected lines are listed with why, only the good lines are written; the report
saved as text; the export writes what the table shows; a file refused as a whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import Journal
from hpos.ui.catalogue.page import CataloguePage
from hpos.ui.catalogue.report import ImportReport
from hpos.ui.folders import read_start_folder
from tests.helpers.translators import Marking
from tests.ui.catalogue.shown import WAIT, names, plain, rows

MakePage = Callable[..., CataloguePage]

GOOD_AND_BAD = (
    "name,price,category,barcode\r\n"
    "Coffee,1000,Drinks,111\r\n"
    "Tea,12.5,Drinks,222\r\n"
    "Juice,800,Drinks,111\r\n"
    "Croissant,600,Bakery,\r\n"
)


def choose(qtbot: QtBot, page: CataloguePage, path: Path) -> QFileDialog:
    """The page's file dialog, with ``path`` typed in it and accepted."""
    qtbot.waitUntil(lambda: page.files.file_dialog is not None, timeout=WAIT)
    dialog = page.files.file_dialog
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # typed, as people do
    dialog.accept()
    return dialog


def report_of(qtbot: QtBot, page: CataloguePage) -> ImportReport:
    qtbot.waitUntil(lambda: page.files.report is not None, timeout=WAIT)
    report = page.files.report
    assert report is not None
    qtbot.waitUntil(report.isVisible, timeout=WAIT)
    return report


def test_an_import_reports_good_and_bad_lines_first_and_writes_only_the_good_ones(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "stock.csv"
    source.write_text(GOOD_AND_BAD, encoding="utf-8")
    page = make_page()
    page.import_button.click()
    choose(qtbot, page, source)
    report = report_of(qtbot, page)
    assert report.summary.text() == "2 to add, 0 to change, 0 unchanged, 2 line(s) rejected."
    assert report.rejected_rows() == [
        ["3", "Tea,12.5,Drinks,222", "“12.5”: XOF prices have no decimals."],
        ["4", "Juice,800,Drinks,111", "The barcode is on an earlier line or is another item’s."],
    ]
    assert report.table.item(1, 2).toolTip() == (
        "The barcode is on an earlier line or is another item’s.\n"
        "The barcode 111 is already on line 2."
    )
    assert [report.tabs.tabText(i) for i in range(report.tabs.count())] == [
        "Rejected lines (2)",
        "What changes (2)",
    ]
    assert journal.catalogue.items() == [], "nothing written before Import"
    assert report.import_button.isEnabled()

    report.save_button.click()  # Save report…
    saved = tmp_path / "stock-report.txt"
    with qtbot.waitSignal(page.said, timeout=WAIT) as said:
        choose(qtbot, page, saved)
    assert said.args[0] == f"Report saved: {saved}"
    assert plain(saved.read_text(encoding="utf-8")) == (
        f"File: {source}\n"
        "2 to add, 0 to change, 0 unchanged, 2 line(s) rejected.\n"
        "\n"
        "Line 3: “12.5”: XOF prices have no decimals.\n"
        "    Tea,12.5,Drinks,222\n"
        "Line 4: The barcode is on an earlier line or is another item’s.\n"
        "    Juice,800,Drinks,111\n"
        "\n"
        "What importing changes:\n"
        "Line 2: Coffee: New item: 1,000 FCFA · Drinks · barcode 111\n"
        "Line 5: Croissant: New item: 600 FCFA · Bakery\n"
    )
    assert report.isVisible(), "saving the report does not import"
    assert read_start_folder(tmp_path / "profile") == tmp_path, "the folder is remembered"

    with qtbot.waitSignal(page.changed, timeout=WAIT):
        report.import_button.click()
    qtbot.waitUntil(lambda: page.files.report is None, timeout=WAIT)
    assert page.status_text() == "Import done: 2 items written."
    assert rows(page) == [
        ["Croissant", "600 FCFA", "Bakery", "", "", "", ""],
        ["Coffee", "1,000 FCFA", "Drinks", "111", "", "", ""],
    ]
    assert sorted(i.name for i in journal.catalogue.items()) == ["Coffee", "Croissant"]


def test_a_file_with_nothing_new_says_so_and_cancel_writes_nothing(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    journal.catalogue.add(ItemDraft("Coffee", "1000", category="Drinks", barcode="111"), "XOF")
    source = tmp_path / "same.csv"
    source.write_text("name,price,barcode\nCoffee,1000,111\nBun,0,\n", encoding="utf-8")
    page = make_page()
    page.files.read_import(source)
    report = report_of(qtbot, page)
    assert report.summary.text() == (
        "0 to add, 0 to change, 1 unchanged, 1 line(s) rejected. Nothing to import."
    )
    assert report.rejected_rows() == [["3", "Bun,0,", "The price must be more than zero."]]
    assert not report.import_button.isEnabled()
    report.cancel_button.click()
    qtbot.waitUntil(lambda: page.files.report is None, timeout=WAIT)
    assert names(page) == ["Coffee"]


def test_a_file_that_is_no_catalogue_is_refused_whole(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("order,customer\n1,Awa\n", encoding="utf-8")
    page = make_page()
    with qtbot.waitSignal(page.said, timeout=WAIT) as said:
        page.files.read_import(source)
    assert said.args[0].startswith("“orders.csv” was not imported: ")
    assert page.files.report is None
    assert journal.catalogue.items() == []


def test_export_writes_the_items_the_table_shows(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    for draft in (
        ItemDraft("Coffee", "1000", category="Drinks", barcode="111", colour="blue"),
        ItemDraft("Tea", "700", category="Drinks", sku="T-1"),
        ItemDraft("Croissant", "600", category="Bakery"),
    ):
        journal.catalogue.add(draft, "XOF")
    [tea] = [i for i in journal.catalogue.items() if i.name == "Tea"]
    journal.catalogue.archive(tea.id)
    page = make_page()
    page.archived_box.click()
    page.filter_edit.setText("drinks")
    assert names(page) == ["Coffee", "Tea"]
    page.export_button.click()
    target = tmp_path / "drinks.csv"
    with qtbot.waitSignal(page.said, timeout=WAIT) as said:
        choose(qtbot, page, target)
    assert said.args[0] == f"2 items exported: {target}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM: spreadsheets read accents right"
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines == [
        ["name", "price", "category", "barcode", "sku", "colour", "archived"],
        ["Coffee", "1000", "Drinks", "111", "", "#1565C0", "no"],
        ["Tea", "700", "Drinks", "", "T-1", "", "yes"],
    ]


def test_export_can_be_pressed_as_soon_as_the_page_shows_items(
    make_page: MakePage, journal: Journal
) -> None:
    """Found on the demo: Export CSV… stayed greyed out on a full catalogue until the
    filter was touched (the buttons were worked out before the rows arrived)."""
    empty = make_page()
    assert not empty.export_button.isEnabled(), "nothing to export yet"
    journal.catalogue.add(ItemDraft("Coffee", "1000", category="Drinks"), "XOF")
    page = make_page()
    assert names(page) == ["Coffee"]
    assert page.export_button.isEnabled()
    assert page.export_button.text().replace("&", "") == "Export CSV…"
    page.filter_edit.setText("no such thing")
    assert not page.export_button.isEnabled()


def test_a_french_spreadsheets_file_reports_each_bad_line_by_what_is_wrong_in_it(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    """As tried on the demo: the export edited and saved by a French spreadsheet (';',
    decimal commas, cp1252). A price is refused quoting it and saying the rule, and a
    barcode the spreadsheet turned into 6,18E+12 is refused (it imported as the code)."""
    journal.catalogue.add(ItemDraft("Eau 1,5 L", "400", barcode="6180001000019"), "XOF")
    journal.catalogue.add(ItemDraft("Café", "500", sku="CAF"), "XOF")
    source = tmp_path / "catalogue.csv"
    source.write_bytes(
        "name;price;category;barcode;sku\r\n"
        "Eau 1,5 L;400;;6,18E+12;\r\n"
        "Café;550,50;;;CAF\r\n"
        "Thé;abc;;;\r\n"
        "Chocolat 100 g;1\xa0250;Épicerie;;\r\n".encode("cp1252")
    )
    page = make_page()
    page.files.read_import(source)
    report = report_of(qtbot, page)
    assert report.summary.text() == "1 to add, 0 to change, 0 unchanged, 3 line(s) rejected."
    assert report.rejected_rows() == [
        [
            "2",
            "Eau 1,5 L;400;;6,18E+12;",
            "The barcode “6,18E+12” is a number the spreadsheet rewrote (its digits are lost):"
            " format the barcode column as text, type the codes again and save.",
        ],
        ["3", "Café;550,50;;;CAF", "“550,50”: XOF prices have no decimals."],
        [
            "4",
            "Thé;abc;;;",
            "“abc” is not a price: type digits with one decimal separator at most, such as 1500.",
        ],
    ]
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        report.import_button.click()
    assert rows(page)[0][:4] == ["Chocolat 100 g", "1,250 FCFA", "Épicerie", ""]
    [eau] = [i for i in journal.catalogue.items() if i.name == "Eau 1,5 L"]
    assert eau.barcode == "6180001000019", "the scanner still finds it"


def test_a_big_import_says_its_count_as_numbers_are_written_elsewhere(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    """On the demo a 5,000-line file said '4,000 to add' then 'Import done: 4000 items'."""
    source = tmp_path / "big.csv"
    lines = [f"Item {n},{100 + n},Shelf {n % 7}" for n in range(1200)]
    source.write_text("name,price,category\n" + "\n".join(lines) + "\n", encoding="utf-8")
    page = make_page()
    page.files.read_import(source)
    report = report_of(qtbot, page)
    assert report.summary.text() == "1,200 to add, 0 to change, 0 unchanged, 0 line(s) rejected."
    assert not report.table.isVisible(), "no rejected line: no empty table"
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        report.import_button.click()
    assert page.status_text() == "Import done: 1,200 items written."
    assert len(rows(page)) == 1200


def test_the_report_says_what_each_line_would_change_before_anything_is_written(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    """As tried on the demo: a line with Soda's barcode and another name renamed Soda, and
    the report only said '2 to change'. Each change is listed, old → new."""
    for name, price, category, barcode, sku in (
        ("Soda 33 cl", "500", "Boissons", "618", ""),
        ("Chocolat", "1200", "Épicerie", "", "CHO"),
        ("Biscuits", "250", "Épicerie", "", "BIC"),
    ):
        draft = ItemDraft(name, price, category=category, barcode=barcode, sku=sku)
        journal.catalogue.add(draft, "XOF")
    source = tmp_path / "catalogue.csv"
    source.write_text(
        "name,price,category,barcode,sku,colour,archived\n"
        "Eau minérale,350,Boissons,618,,,no\n"
        "Chocolat,1250,Épicerie,,CHO,brown,no\n"
        "Biscuits,250,Épicerie,,BIC,,yes\n"
        "Tarte citron,1500,Boulangerie,,TAR,yellow,no\n",
        encoding="utf-8",
    )
    page = make_page()
    page.files.read_import(source)
    report = report_of(qtbot, page)
    assert report.summary.text() == (
        "1 to add, 2 to change, 0 unchanged, 0 line(s) rejected. 1 to archive, 0 to restore."
    )
    assert [report.tabs.tabText(i) for i in range(report.tabs.count())] == ["What changes (4)"]
    assert report.changes.isVisible()
    assert [[plain(cell) for cell in row] for row in report.change_rows()] == [
        ["2", "Soda 33 cl", "name: Soda 33 cl → Eau minérale; price: 500 FCFA → 350 FCFA"],
        ["3", "Chocolat", "price: 1,200 FCFA → 1,250 FCFA; colour: — → Brown"],
        ["4", "Biscuits", "Archived"],
        ["5", "Tarte citron", "New item: 1,500 FCFA · Boulangerie · SKU TAR · Yellow"],
    ]
    assert sorted(i.name for i in journal.catalogue.items()) == [
        "Biscuits",
        "Chocolat",
        "Soda 33 cl",
    ]
    with qtbot.waitSignal(page.changed, timeout=WAIT):
        report.import_button.click()
    assert names(page) == ["Eau minérale", "Tarte citron", "Chocolat"]


def test_the_changes_are_reworded_when_the_language_changes(
    qtbot: QtBot, make_page: MakePage, journal: Journal, tmp_path: Path
) -> None:
    journal.catalogue.add(ItemDraft("Chocolat", "1200", sku="CHO"), "XOF")
    source = tmp_path / "c.csv"
    source.write_text("name,price,sku\nChocolat,1250,CHO\nTarte,1500,TAR\n", encoding="utf-8")
    page = make_page()
    page.files.read_import(source)
    report = report_of(qtbot, page)
    assert report.change_rows()[0][2].startswith("price: ")
    marking = Marking({"ImportChanges", "ImportReport"})  # stands for French
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: report.tabs.tabText(0) == "«What changes (2)»", timeout=WAIT)
        assert [plain(c) for c in report.change_rows()[0]] == [
            "2",
            "Chocolat",
            "«price»: 1,200 FCFA → 1,250 FCFA",
        ]
        assert plain(report.change_rows()[1][2]) == "«New item: {details}»".format(
            details="1,500 FCFA · «SKU {code}»".format(code="TAR")
        )
        model = report.changes.model()
        assert model.headerData(2, Qt.Orientation.Horizontal) == "«What changes»"
    finally:
        app.removeTranslator(marking)
