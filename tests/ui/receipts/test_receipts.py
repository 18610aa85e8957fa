"""Receipts: the PDF's text in every layout, printing with and without the dialog, Save as PDF,
the printer remembered, automatic print on PAID, refusals, and Ctrl+P on the real window."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, replace_settings
from hpos.sales.model import Sale
from hpos.sales.receipt import Receipt, make_receipt
from hpos.sales.states import SaleState
from hpos.ui.history.details import DetailsDialog
from hpos.ui.history.rows import row_from_sale
from hpos.ui.i18n import install_language
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.money import format_money
from hpos.ui.receipts.actions import ReceiptActions
from hpos.ui.receipts.layout import date_text
from hpos.ui.receipts.render import render_image, write_pdf
from hpos.ui.runner import Runner
from hpos.ui.widgets.paint import PrintoutError
from hpos.ui.widgets.paper import LAYOUTS
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.profiles import make_profile
from tests.helpers.window import charge, ready

WAIT = 15_000
TXID = "TX-8f3c2a91b7d44e0f9a1b2c3d4e5f6071"
CREATED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
MM_TO_PT = 72 / 25.4


def receipt(mode: str = "TEST", status: str = "PAID", **changes: Any) -> Receipt:
    fields: dict[str, Any] = dict(
        shop_name="Boutique Awa",
        till="TILL1",
        date=CREATED,
        product="Coffee beans",
        description="TILL1-000042 Arabica ground for espresso",
        amount=Decimal("14900"),
        currency="XOF",
        transaction_id=TXID,
        status=status,
        mode=mode,
        sale_number="TILL1-000042",
    )
    fields.update(changes)
    return make_receipt(**fields)


def paid_sale(**changes: Any) -> Sale:
    base = Sale(
        id=1,
        sale_number="TILL1-000042",
        till="TILL1",
        created_at=CREATED,
        updated_at=CREATED,
        paid_seen_at=CREATED + timedelta(minutes=1),
        amount=Decimal("14900"),
        currency="XOF",
        product="Coffee beans",
        description="TILL1-000042",
        mode="TEST",
        state=SaleState.PAID,
        transaction_id=TXID,
    )
    return dataclasses.replace(base, **changes)


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of whitespace (tabs, no-break spaces) as one space."""
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace("\xa0", " ").split())


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- the rendered PDF ----------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["58mm", "80mm", "A4"])
@pytest.mark.parametrize("mode", ["TEST", "PROD"])
def test_pdf_says_everything_in_every_layout(
    qtbot: QtBot, tmp_path: Path, layout: str, mode: str
) -> None:
    path = write_pdf(receipt(mode), tmp_path / "r.pdf", layout)
    text = pdf_text(path)
    assert "Boutique Awa" in text
    assert "Till TILL1" in text
    assert " ".join(date_text(receipt(mode)).split()) in text  # local time, with its offset
    assert "TILL1-000042" in text
    assert "Coffee beans" in text
    assert "Arabica ground for espresso" in text
    assert " ".join(format_money(Decimal("14900"), "XOF").replace("\xa0", " ").split()) in text
    assert "Currency XOF" in text
    assert TXID in squeezed(text)  # a narrow roll wraps the id anywhere
    assert re.search(r"\bPAID\b", text)
    assert "PAID LATE" not in text
    assert ("TEST" in text) is (mode == "TEST")
    box = PdfReader(str(path)).pages[0].mediabox
    assert float(box.width) == pytest.approx(LAYOUTS[layout].width_mm * MM_TO_PT, abs=1)
    if layout == "A4":
        assert float(box.height) == pytest.approx(297 * MM_TO_PT, abs=1)
    else:  # a roll: as tall as the content, far less than a page
        assert 60 * MM_TO_PT < float(box.height) < 200 * MM_TO_PT


def test_pdf_says_paid_late(qtbot: QtBot, tmp_path: Path) -> None:
    text = pdf_text(write_pdf(receipt("PROD", "PAID LATE"), tmp_path / "late.pdf", "80mm"))
    assert "PAID LATE" in text


@pytest.fixture
def french(qapp: Any) -> Iterator[None]:
    install_language(qapp, "fr")
    yield
    install_language(qapp, "en")


def test_receipt_follows_the_ui_language(qtbot: QtBot, tmp_path: Path, french: None) -> None:
    text = pdf_text(write_pdf(receipt("PROD", "PAID LATE"), tmp_path / "fr.pdf", "80mm"))
    assert "PAYÉ EN RETARD" in text
    french_money = format_money(Decimal("14900"), "XOF", "fr")
    assert " ".join(french_money.replace("\xa0", " ").replace("\u202f", " ").split()) in text
    assert "PAID" not in text


def test_test_stamp_is_red_and_large_only_in_test_mode(qtbot: QtBot) -> None:
    def red_pixels(mode: str) -> int:
        image = render_image(receipt(mode), "80mm", dpi=100)
        count = 0
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                c = QColor(image.pixel(x, y))
                count += c.red() > 150 and c.green() < 90 and c.blue() < 90
        return count

    assert red_pixels("PROD") == 0
    assert red_pixels("TEST") > 300  # a big stamp, not a footnote


def test_pdf_that_cannot_be_written_names_the_path_and_leaves_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "r.pdf"
    with pytest.raises(PrintoutError, match="missing"):
        write_pdf(receipt(), target, "A4")
    assert not target.parent.exists()
    good = write_pdf(receipt(), tmp_path / "r.pdf", "A4")
    assert [p.name for p in tmp_path.iterdir()] == [good.name]  # no temp file left


# -- actions ---------------------------------------------------------------------------------------


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), env={})
    profile.save(replace_settings(profile.settings, shop_name="Boutique Awa", till_name="TILL1"))
    return profile


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QMainWindow]:
    win = QMainWindow()
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    return win


@pytest.fixture
def runner(window: QMainWindow) -> Iterator[Runner]:
    run = Runner(workers=1, parent=window)
    yield run
    run.shutdown()


class PdfPrinters:
    """A printer factory: PDF-format QPrinters writing numbered files (no real printer here)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: list[Path] = []

    def __call__(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"printed-{len(self.files) + 1}.pdf"
        printer.setOutputFileName(str(path))
        self.files.append(path)
        return printer


def make_actions(
    profile: Profile, runner: Runner, window: QMainWindow, printers: PdfPrinters | None
) -> tuple[ReceiptActions, list[str], list[str]]:
    actions = ReceiptActions(
        profile, runner, parent=window, printer_factory=printers, native_dialogs=False
    )
    done: list[str] = []
    failed: list[str] = []
    actions.done.connect(done.append)
    actions.failed.connect(failed.append)
    return actions, done, failed


def set_settings(profile: Profile, **changes: Any) -> None:
    profile.save(replace_settings(profile.settings, **changes))


def shown_message(actions: ReceiptActions) -> str:
    box = actions.message_box
    assert box is not None
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal
    return box.text()


def test_unpaid_sale_is_refused_with_a_message(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    actions, done, failed = make_actions(profile, runner, window, printers)
    assert actions.receipt_for(paid_sale(state=SaleState.AWAITING)) is None
    text = shown_message(actions)
    assert "TILL1-000042" in text
    assert "AWAITING" in text
    assert "not paid" in text
    assert failed == [text]
    row = row_from_sale(paid_sale(state=SaleState.CANCELLED))
    actions.row_requested(row, "print")
    assert "CANCELLED" in shown_message(actions)
    assert actions.print_dialog is None
    assert printers.files == []
    assert done == []


def test_print_without_dialog_prints_to_the_printer(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow, tmp_path: Path
) -> None:
    set_settings(profile, print_without_dialog=True, receipt_layout="58mm")
    printers = PdfPrinters(tmp_path)
    actions, done, failed = make_actions(profile, runner, window, printers)
    actions.print_receipt(receipt())
    qtbot.waitUntil(lambda: bool(done or failed), timeout=WAIT)
    assert failed == []
    assert actions.print_dialog is None
    [printed] = printers.files
    assert TXID in squeezed(pdf_text(printed))
    width = float(PdfReader(str(printed)).pages[0].mediabox.width)
    assert width == pytest.approx(58 * MM_TO_PT, abs=1)
    assert done == [f"Receipt printed on {printed}."]
    assert window.statusBar().currentMessage() == done[0]


def test_print_dialog_is_window_modal_and_prints_on_accept(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    actions, done, failed = make_actions(profile, runner, window, printers)
    actions.print_receipt(receipt("PROD"))
    qtbot.waitUntil(lambda: actions.print_dialog is not None, timeout=WAIT)  # its folder read
    dialog = actions.print_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert printers.files == [] or not printers.files[0].exists()  # nothing before the OK
    dialog.accept()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=WAIT)
    assert failed == []
    text = pdf_text(printers.files[0])
    assert "Boutique Awa" in text
    assert "TEST" not in text


def test_missing_remembered_printer_says_so_and_opens_the_dialog(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow
) -> None:
    set_settings(profile, print_without_dialog=True, printer_name="Counter-Epson-Gone")
    actions, done, failed = make_actions(profile, runner, window, None)
    actions.print_receipt(receipt())
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
    assert "“Counter-Epson-Gone” is not available" in shown_message(actions)
    qtbot.waitUntil(lambda: actions.print_dialog is not None, timeout=WAIT)
    assert actions.print_dialog.isVisible()
    assert done == []


def test_printer_name_is_remembered(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow
) -> None:
    actions, _done, _failed = make_actions(profile, runner, window, None)
    actions.remember_printer("Counter-Epson")
    saved = profile.settings_path

    def remembered() -> bool:
        return json.loads(saved.read_text(encoding="utf-8")).get("printer_name") == "Counter-Epson"

    qtbot.waitUntil(remembered, timeout=WAIT)
    again = Profile(profile.config_dir, profile.keystore, env={})
    assert again.settings.printer_name == "Counter-Epson"
    assert again.settings.shop_name == "Boutique Awa"  # nothing else changed


def test_save_as_pdf_from_the_details_of_a_paid_sale(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow, tmp_path: Path
) -> None:
    actions, done, failed = make_actions(profile, runner, window, None)
    details = DetailsDialog(row_from_sale(paid_sale(paid_late=True)), parent=window)
    qtbot.addWidget(details)
    details.receipt_requested.connect(actions.row_requested)
    details.open()
    assert details.pdf_button is not None
    assert details.print_button is not None
    details.pdf_button.click()
    qtbot.waitUntil(lambda: actions.file_dialog is not None, timeout=WAIT)  # its folder read
    file_dialog = actions.file_dialog
    assert file_dialog is not None
    assert file_dialog.isVisible()
    assert file_dialog.parent() is details  # over the details, window-modal
    assert file_dialog.windowModality() == Qt.WindowModality.WindowModal
    target = tmp_path / "receipt.pdf"
    name_edit = file_dialog.findChild(QLineEdit, "fileNameEdit")  # typed, as the cashier does
    name_edit.setText(str(target))
    file_dialog.accept()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=WAIT)
    assert failed == []
    assert done == [f"Receipt saved: {target}"]
    text = pdf_text(target)
    assert "PAID LATE" in text
    assert "Boutique Awa" in text
    assert "Till TILL1" in text


def test_details_of_an_unpaid_sale_offer_no_receipt(qtbot: QtBot, window: QMainWindow) -> None:
    details = DetailsDialog(row_from_sale(paid_sale(state=SaleState.EXPIRED)), parent=window)
    qtbot.addWidget(details)
    assert details.print_button is None
    assert details.pdf_button is None


def test_pdf_to_an_unwritable_folder_shows_a_message(
    qtbot: QtBot, profile: Profile, runner: Runner, window: QMainWindow, tmp_path: Path
) -> None:
    actions, done, failed = make_actions(profile, runner, window, None)
    target = tmp_path / "no-such-folder" / "r.pdf"
    actions.write_pdf_to(receipt(), target)
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
    assert str(target) in shown_message(actions)
    assert "Choose another folder" in failed[0]
    assert done == []


@pytest.mark.parametrize("auto", [True, False])
def test_automatic_print_on_paid_happens_once(
    qtbot: QtBot,
    profile: Profile,
    runner: Runner,
    window: QMainWindow,
    tmp_path: Path,
    auto: bool,
) -> None:
    set_settings(profile, auto_print=auto, print_without_dialog=True)
    printers = PdfPrinters(tmp_path)
    actions, done, _failed = make_actions(profile, runner, window, printers)
    actions.company = "Awa SARL"
    set_settings(profile, shop_name="")
    actions.sale_paid(paid_sale())
    actions.sale_paid(paid_sale())  # the same sale again: no second receipt
    if auto:
        qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
        [printed] = printers.files
        assert "Awa SARL" in pdf_text(printed)  # no shop name set: HPAY's company name
    else:
        assert printers.files == []
        assert actions.print_dialog is None


# -- the real window -----------------------------------------------------------------------------


@pytest.fixture
def main_window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    set_settings(profile, print_without_dialog=True, receipt_layout="80mm", shop_name="Chez Awa")
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def press_ctrl_p(qtbot: QtBot, win: MainWindow) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_p_on_the_paid_page_prints_the_sale(
    qtbot: QtBot, main_window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    win = main_window
    printers = PdfPrinters(tmp_path)
    win.receipts.printer_factory = printers
    ready(qtbot, win)
    charge(qtbot, win, "14900")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: win.cashier.current_page() == "paid", timeout=WAIT)
    press_ctrl_p(qtbot, win)
    qtbot.waitUntil(lambda: "Receipt printed" in win.statusBar().currentMessage(), timeout=WAIT)
    [printed] = printers.files
    text = pdf_text(printed)
    assert "Chez Awa" in text
    assert "Till T1" in text
    assert "TEST" in text
    assert payment.transaction_id in squeezed(text)
    win.cashier.paid_page.print_button.click()  # the PAID page's button does the same
    qtbot.waitUntil(lambda: len(printers.files) == 2 and printers.files[1].exists(), timeout=WAIT)


def test_ctrl_p_with_nothing_to_print_says_so(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    win = main_window
    printers = PdfPrinters(tmp_path)
    win.receipts.printer_factory = printers
    ready(qtbot, win)
    press_ctrl_p(qtbot, win)
    assert "Nothing to print" in shown_message(win.receipts)
    assert printers.files == []


def test_ctrl_p_in_the_history_prints_the_selected_paid_sale(
    qtbot: QtBot, main_window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    win = main_window
    printers = PdfPrinters(tmp_path)
    win.receipts.printer_factory = printers
    ready(qtbot, win)
    charge(qtbot, win, "2500")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    win.toggle_history()
    qtbot.waitUntil(lambda: len(win.history.shown_rows()) == 1, timeout=WAIT)
    win.history.view.setCurrentIndex(win.history.proxy.index(0, 0))
    press_ctrl_p(qtbot, win)  # not paid yet: refused, nothing printed
    refusal = shown_message(win.receipts)
    assert "it is UNPAID, not paid" in refusal
    assert printers.files == []
    win.receipts.message_box.close()
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    win.history.refresh()
    qtbot.waitUntil(lambda: win.history.shown_rows()[0].is_paid, timeout=WAIT)
    win.history.view.setCurrentIndex(win.history.proxy.index(0, 0))
    press_ctrl_p(qtbot, win)
    qtbot.waitUntil(lambda: "Receipt printed" in win.statusBar().currentMessage(), timeout=WAIT)
    [printed] = printers.files
    assert payment.transaction_id in squeezed(pdf_text(printed))


def test_window_prints_automatically_when_paid(
    qtbot: QtBot, main_window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    win = main_window
    set_settings(win.profile, auto_print=True)
    printers = PdfPrinters(tmp_path)
    win.receipts.printer_factory = printers
    ready(qtbot, win)
    charge(qtbot, win, "700")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: len(printers.files) == 1 and printers.files[0].exists(), timeout=WAIT)
    qtbot.waitUntil(lambda: "Receipt printed" in win.statusBar().currentMessage(), timeout=WAIT)
    assert "Chez Awa" in pdf_text(printers.files[0])
