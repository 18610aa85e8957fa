"""A cart sale in the history: its details show the lines as sold (a small table that
fits a 1024×600 counter), and the CSV export's ``items`` column lists them with exact
amounts that add up to the sale's amount; a price change later changes neither."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from hpos.sales.journal import Journal
from hpos.ui.history.details import DetailsDialog
from hpos.ui.history.export import rows_to_csv
from hpos.ui.history.lines import VISIBLE_ROWS
from hpos.ui.history.rows import row_from_sale
from hpos.ui.money import format_money
from tests.helpers.cart_sales import change_prices, paid_cart_sale


def money(amount: str) -> str:
    return format_money(Decimal(amount), "XOF")


def test_the_details_of_a_cart_sale_show_its_lines_as_sold(
    qtbot: QtBot, journal: Journal, window: QMainWindow
) -> None:
    sale = paid_cart_sale(journal)
    change_prices(journal)
    again = journal.get(sale.id)
    assert again is not None
    details = DetailsDialog(row_from_sale(again), parent=window)
    qtbot.addWidget(details)
    details.show()
    table = details.lines_table
    assert table is not None
    assert table.isVisible()
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Item", "Qty", "Unit price", "Total",
    ]  # fmt: skip
    assert table.cell_texts() == [
        ("Café", "2", money("1500"), money("3000")),
        ("Croissant au beurre", "1", money("500"), money("500")),
        ("Jus de bissap 50 cl", "3", money("750"), money("2250")),
        ("Misc.", "1", money("1000"), money("1000")),
    ]
    assert details.value("Amount") == money("6750")
    assert details.sizeHint().height() <= 600  # still fits a 1024×600 counter


def test_many_lines_scroll_inside_a_table_of_a_few_rows(
    qtbot: QtBot, journal: Journal, window: QMainWindow
) -> None:
    items = tuple((f"Article {n}", "100", 1, None) for n in range(1, 21))
    details = DetailsDialog(row_from_sale(paid_cart_sale(journal, items)), parent=window)
    qtbot.addWidget(details)
    details.show()
    table = details.lines_table
    assert table is not None
    assert table.rowCount() == 21
    assert table.height() < (VISIBLE_ROWS + 2) * table.rowHeight(0) + 40
    assert table.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert details.sizeHint().height() <= 600


def test_a_sale_without_lines_has_no_items_table(
    qtbot: QtBot, journal: Journal, window: QMainWindow
) -> None:
    sale = journal.create_sale(
        till="TILL1", amount=Decimal("2500"), currency="XOF", product="Sac",
        description="", mode="TEST",
    )  # fmt: skip
    details = DetailsDialog(row_from_sale(sale), parent=window)
    qtbot.addWidget(details)
    assert details.lines_table is None


def test_the_csv_lists_the_items_exactly(journal: Journal) -> None:
    sale = paid_cart_sale(journal)
    plain = journal.create_sale(
        till="TILL1", amount=Decimal("2500"), currency="XOF", product="Sac",
        description="", mode="TEST",
    )  # fmt: skip
    change_prices(journal)
    rows = [row_from_sale(s) for s in (journal.get(sale.id), plain) if s is not None]
    records = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert records[0]["items"] == (
        "Café ×2 (3000); Croissant au beurre (500); Jus de bissap 50 cl ×3 (2250); Misc. (1000)"
    )
    amounts = [part.rsplit("(", 1)[1].rstrip(")") for part in records[0]["items"].split("; ")]
    assert sum(Decimal(a) for a in amounts) == Decimal(records[0]["amount"])
    assert records[1]["items"] == ""


def test_a_formula_in_an_item_name_is_guarded_in_the_csv(journal: Journal) -> None:
    sale = paid_cart_sale(journal, (("=HYPERLINK(1)", "700", 1, None),), misc=None)
    record = next(csv.DictReader(io.StringIO(rows_to_csv([row_from_sale(sale)]))))
    assert record["items"] == "'=HYPERLINK(1) (700)"
