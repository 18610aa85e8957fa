"""A cart sale's receipt: one row a line (name, "2 × 1,500", line total), then the total,
on every paper; the items never printed twice; a long name wraps, 30 lines on 58 mm lose
nothing; a price change after the sale leaves the receipt as it was; the history's
details print the same lines."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.journal_seal import SEAL_FILE
from hpos.sales.model import SaleLine
from hpos.sales.receipt import Receipt, receipt_from_sale
from hpos.ui.history.details import DetailsDialog
from hpos.ui.history.rows import row_from_sale
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.receipts.layout import receipt_blocks
from hpos.ui.receipts.render import render_image, write_pdf
from hpos.ui.runner import Runner
from hpos.ui.widgets.paint import content_height_mm
from hpos.ui.widgets.paper import LAYOUTS
from tests.helpers.cart_sales import change_prices, paid_cart_sale
from tests.helpers.profiles import make_profile
from tests.helpers.window import ready
from tests.ui.cashier.test_cart import tap
from tests.ui.receipts.test_receipts import (  # noqa: F401 - fixtures
    WAIT,
    PdfPrinters,
    make_actions,
    pdf_text,
    press_ctrl_p,
    profile,
    receipt,
    runner,
    set_settings,
    squeezed,
    window,
)


def cart_receipt(journal: Journal, note: str = "") -> Receipt:
    return receipt_from_sale(paid_cart_sale(journal, note=note), shop_name="Boutique Awa")


def many_lines(count: int, long_name: str) -> tuple[SaleLine, ...]:
    lines = [SaleLine(1, long_name, Decimal("12500"), 2, Decimal("25000"), 1)]
    for n in range(2, count + 1):
        lines.append(SaleLine(n, f"Article {n}", Decimal("100"), n, Decimal(100 * n), n))
    return tuple(lines)


@pytest.mark.parametrize("layout", ["58mm", "80mm", "A4"])
def test_a_cart_receipt_lists_every_line_once_then_the_total(
    qtbot: QtBot, tmp_path: Path, journal: Journal, layout: str
) -> None:
    text = pdf_text(write_pdf(cart_receipt(journal, "Table 4"), tmp_path / "r.pdf", layout))
    for expected in (
        "Café", "2 × 1,500", "3,000",
        "Croissant au beurre", "500",
        "Jus de bissap 50 cl", "3 × 750", "2,250",
        "Misc.", "1,000",
        "Note", "Table 4",
    ):  # fmt: skip
        assert expected in text, expected
    assert text.count("Café") == 1  # neither the product name nor the description repeat it
    assert "Croissant au beurre" in text
    assert text.count("Croissant") == 1
    assert "+ 3 more" not in text
    assert "Product" not in text
    assert "Description" not in text
    assert text.index("Café") < text.index("Misc.") < text.index("Total") < text.index("6,750")
    assert "Amount" not in text  # a cart's sum is its total


def test_a_sale_without_a_note_prints_no_note(
    qtbot: QtBot, tmp_path: Path, journal: Journal
) -> None:
    made = cart_receipt(journal)
    assert made.note == ""
    assert "Note" not in pdf_text(write_pdf(made, tmp_path / "r.pdf", "80mm"))


def test_a_price_change_after_the_sale_leaves_the_receipt_unchanged(
    qtbot: QtBot, tmp_path: Path, journal: Journal
) -> None:
    sale = paid_cart_sale(journal)
    before = pdf_text(write_pdf(receipt_from_sale(sale, shop_name="B"), tmp_path / "a.pdf", "80mm"))
    change_prices(journal)
    again = journal.get(sale.id)
    assert again is not None
    after = pdf_text(write_pdf(receipt_from_sale(again, shop_name="B"), tmp_path / "b.pdf", "80mm"))
    assert after == before
    assert "(new)" not in after
    assert "15,000" not in after


def test_58mm_with_a_long_name_and_30_lines_cuts_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    long_name = (
        "Coffret cadeau chocolat noir 70% cacao — édition de fin d'année Supercalifragilistic"
    )
    lines = many_lines(30, long_name)
    total = sum((line.total for line in lines), Decimal(0))
    made = receipt("PROD", amount=total, lines=lines)
    text = pdf_text(write_pdf(made, tmp_path / "r.pdf", "58mm"))
    flat = squeezed(text)
    assert squeezed(long_name) in flat  # wrapped over rows, every letter there
    for line in lines[1:]:
        assert f"Article {line.position}" in text
        assert f"{line.quantity} × 100" in text
    assert squeezed("Thank you") in flat  # the roll is as long as its content
    image = render_image(made, "58mm", dpi=203)
    margin = round(2.5 * 203 / 25.4)  # inside the 3 mm margin: never ink
    for x in list(range(margin)) + list(range(image.width() - margin, image.width())):
        for y in range(0, image.height(), 3):
            assert QColor(image.pixel(x, y)).lightness() > 200, (x, y)


def test_30_lines_on_a4_go_on_a_second_page_and_lose_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    lines = many_lines(30, "Coffret cadeau")
    made = receipt("TEST", amount=sum((line.total for line in lines), Decimal(0)), lines=lines)
    assert content_height_mm(receipt_blocks(made), LAYOUTS["A4"]) > 297  # more than a page
    reader = PdfReader(str(write_pdf(made, tmp_path / "r.pdf", "A4")))
    pages = [" ".join(p.extract_text().replace("\xa0", " ").split()) for p in reader.pages]
    assert len(pages) == 2
    for page in pages:  # the TEST stamp across every page
        assert "TEST" in page
        assert float(reader.pages[0].mediabox.height) == pytest.approx(297 * 72 / 25.4, abs=1)
    assert "Coffret cadeau" in pages[0]
    whole = " ".join(pages)
    for n in range(2, 31):
        assert f"Article {n}" in whole
    assert "Thank you" in pages[1]
    assert whole.index("Article 29") < whole.index("Article 30") < whole.index("Total")


def test_the_history_details_show_the_lines_and_save_them_on_the_receipt(
    qtbot: QtBot,
    profile: Profile,  # noqa: F811
    runner: Runner,  # noqa: F811
    window: QMainWindow,  # noqa: F811
    tmp_path: Path,
    journal: Journal,
) -> None:
    sale = paid_cart_sale(journal)
    change_prices(journal)  # the details read the sale as it was sold
    again = journal.get(sale.id)
    assert again is not None
    actions, done, failed = make_actions(profile, runner, window, None)
    details = DetailsDialog(row_from_sale(again), parent=window)
    qtbot.addWidget(details)
    details.receipt_requested.connect(actions.row_requested)
    details.open()
    table = details.lines_table
    assert table is not None
    assert table.isVisible()
    assert [row[:2] for row in table.cell_texts()] == [
        ("Café", "2"), ("Croissant au beurre", "1"), ("Jus de bissap 50 cl", "3"), ("Misc.", "1"),
    ]  # fmt: skip
    assert details.pdf_button is not None
    details.pdf_button.click()
    qtbot.waitUntil(lambda: actions.file_dialog is not None, timeout=WAIT)
    dialog = actions.file_dialog
    assert dialog is not None
    target = tmp_path / "receipt.pdf"
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=WAIT)
    assert failed == []
    text = pdf_text(target)
    assert "3 × 750" in text
    assert "2,250" in text
    assert "(new)" not in text


@pytest.mark.parametrize(
    ("names", "description", "note"),
    [
        (("Café",), "Café ×2 — Table 4", "Table 4"),
        (("Café",), "Café ×2", ""),
        (("Thé — menthe", "Café"), "Thé — menthe, Café", ""),  # a dash inside a name: no note
        (("Café",), "", ""),
    ],
)
def test_the_note_is_what_the_cashier_added_after_the_items(
    names: tuple[str, ...], description: str, note: str
) -> None:
    lines = tuple(
        SaleLine(n, name, Decimal(500), 1, Decimal(500), n) for n, name in enumerate(names, 1)
    )
    made = receipt("PROD", amount=Decimal(500 * len(lines)), description=description, lines=lines)
    assert made.note == note


@pytest.fixture
def cart_window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    """The real window on a profile whose journal has a catalogue, printing 80 mm at once."""
    shop = make_profile(tmp_path / "profile", sandbox.url)
    set_settings(shop, print_without_dialog=True, receipt_layout="80mm", shop_name="Chez Awa")
    shop.data_dir.mkdir(parents=True, exist_ok=True)
    journal = Journal(shop.data_dir / JOURNAL_FILE, seal_path=shop.config_dir / SEAL_FILE)
    for name, price, category in (("Café", "500", "Drinks"), ("Croissant", "350", "Bakery")):
        journal.catalogue.add(ItemDraft(name, Decimal(price), category=category), "XOF")
    journal.close()
    win = MainWindow(shop)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_a_cart_sold_at_the_counter_prints_its_lines_and_ctrl_p_again(
    qtbot: QtBot, cart_window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    win = cart_window
    set_settings(win.profile, auto_print=True)
    printers = PdfPrinters(tmp_path)
    win.receipts.printer_factory = printers
    ready(qtbot, win)
    screen = win.cashier
    qtbot.waitUntil(lambda: screen.entry_page.parts is not None, timeout=WAIT)
    for name in ("Café", "Café", "Croissant"):
        tap(qtbot, screen, name)
    screen.charge()
    qtbot.waitUntil(lambda: screen.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    assert payment.amount == Decimal(1350)
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: len(printers.files) == 1 and printers.files[0].exists(), timeout=WAIT)
    text = pdf_text(printers.files[0])
    assert "Café 2 × 500 1,000" in text
    assert "Croissant 350" in text
    assert "Total" in text
    assert text.count("Café") == 1  # not once more in a product name or description
    press_ctrl_p(qtbot, win)  # the PAID page still up: the same receipt again
    qtbot.waitUntil(lambda: len(printers.files) == 2 and printers.files[1].exists(), timeout=WAIT)
    assert pdf_text(printers.files[1]) == text
