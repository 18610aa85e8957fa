"""The "Close the day" page (issue 15, point 3): the figures on screen, HPAY's differences in
red and amber, the open sales' next steps, closing on the runner, a late payment after
the closing, the 80 mm printout, PDF and CSV, the printout on every paper, and HPAY
out of reach.

Real sandbox over loopback HTTP, a real journal and till. The day, by hand (fees 1.5 %,
rounded half up): paid 14,900 (Awa, fees 224) and 3,000 (Awa; PAID here but never paid
at HPAY: a red difference); cancelled 2,500 (Moussa; paid late after the closing);
failed 700 (HPAY refused); waiting 5,000 (no cashier); 5,000 paid at HPAY by till T2
(an amber difference).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.profile.profile import Profile
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from hpos.ui.owner.closing import ClosingPage
from hpos.ui.owner.closing_words import ERROR_COLOUR, WARNING_COLOUR
from hpos.ui.runner import Runner
from tests.helpers.profiles import make_profile
from tests.helpers.sandbox import client_config
from tests.ui.owner.shown import grid_rows, plain

WAIT = 15_000
S = SaleState


@pytest.fixture
def profile(tmp_path: Path, sandbox: SandboxServer) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


class PdfPrinters:
    """PDF-format QPrinters writing numbered files (no real printer here)."""

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


def make_page(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    journal: Journal,
    url: str,
    printers: PdfPrinters | None = None,
) -> ClosingPage:
    """The page shown, once it has read the day (the first show reads it)."""
    page = ClosingPage(
        runner,
        profile,
        journal=lambda: journal,
        make_client=lambda: HpayClient(
            client_config(url, read_retries=0, deadline=3.0), sleep=lambda _s: None
        ),
        closed_by=lambda: "Awa",
        printer_factory=printers,
        native_dialogs=False,
    )
    qtbot.addWidget(page)
    page.resize(1024, 600)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show()
    return page


@pytest.fixture
def day(journal: Journal, sandbox: SandboxServer, client: HpayClient) -> dict[str, Sale]:
    till = Till(client, journal, till_name="T1")

    def paid(sale: Sale, *, at_hpay: bool = True) -> Sale:
        assert sale.transaction_id
        if at_hpay:
            sandbox.mark_paid(sale.transaction_id)
        return journal.transition(sale.id, S.PAID)

    sales = {"paid": paid(till.start_sale("14900", "Sac", cashier="Awa"))}
    sales["not_at_hpay"] = paid(till.start_sale("3000", "Sac", cashier="Awa"), at_hpay=False)
    late = till.start_sale("2500", "Sac", cashier="Moussa")
    sales["late"] = till.cancel(late.id)
    sandbox.add_fault("/payment/", "refuse", times=1)
    sales["failed"] = till.start_sale("700", "Sac", cashier="Moussa")
    sales["waiting"] = till.start_sale("5000", "Sac")
    other = client.create_payment(Decimal("5000"), "Sac", "T2-000009 Sac")
    sandbox.mark_paid(other.transaction_id)
    assert sales["failed"].state is S.FAILED
    return sales


def test_the_page_shows_the_day_closes_it_and_shows_a_late_payment(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    journal: Journal,
    sandbox: SandboxServer,
    day: dict[str, Sale],
) -> None:
    page = make_page(qtbot, runner, profile, journal, sandbox.url)
    body = page.body
    assert grid_rows(body.figures_grid) == [
        ["Paid", "2", "17,900 FCFA", "269 FCFA", "17,631 FCFA"],  # fees 224 + 45
        ["Cancelled", "1", "2,500 FCFA", "", ""],
        ["Failed", "1", "700 FCFA", "", ""],
        ["Open", "1", "5,000 FCFA", "", ""],
    ]
    assert grid_rows(body.cashier_grid) == [
        ["Awa", "2", "17,900 FCFA", "269 FCFA", "17,631 FCFA"],
        ["Moussa", "0", "0 FCFA", "0 FCFA", "0 FCFA"],
        ["Not recorded", "0", "0 FCFA", "0 FCFA", "0 FCFA"],
    ]
    assert body.hpay_label is not None
    assert plain(body.hpay_label.text()) == "HPAY: 2 paid · 19,900 FCFA. 2 difference(s), below."
    texts = {plain(label.text()).split(":")[0]: label for label in body.difference_labels}
    assert set(texts) == {"Not paid at HPAY", "Not from this till"}
    assert ERROR_COLOUR in texts["Not paid at HPAY"].styleSheet()  # money HPAY does not confirm
    assert day["not_at_hpay"].sale_number in texts["Not paid at HPAY"].text()
    assert WARNING_COLOUR in texts["Not from this till"].styleSheet()
    assert "till T2" in texts["Not from this till"].text()
    (waiting,) = body.open_labels
    assert plain(waiting.text()).startswith(
        f"{day['waiting'].sale_number} · WAITING · 5,000 FCFA — Wait: The customer may still"
    )
    assert not page.banner.isVisible()
    assert page.close_button.text() == "Close the day"
    assert page.close_button.isEnabled()

    with qtbot.waitSignal(page.closed, timeout=WAIT) as closed:
        page.close_button.click()
    record = closed.args[0]
    assert (record.closed_by, record.till) == ("Awa", "T1")
    assert journal.closings(record.business_day) == [record]
    assert page.status.text().startswith("Day closed. Closed on ")
    assert page.status.text().endswith(" by Awa.")
    assert page.banner.isVisible()
    assert "Nothing changed since." in page.banner.text()
    assert page.close_button.text() == "Close the day again"

    # the cancelled sale is paid after the closing: reopening the day shows it
    late = day["late"]
    assert late.transaction_id
    sandbox.mark_paid(late.transaction_id)
    journal.transition(late.id, S.PAID)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.refresh_button.click()
    banner = plain(page.banner.text())
    assert banner.startswith("Closed on ")
    assert f"Paid late after closing: {late.sale_number} 2,500 FCFA" in banner
    assert grid_rows(body.figures_grid)[0][:3] == ["Paid", "3", "20,400 FCFA"]


def test_print_80mm_pdf_and_csv(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    journal: Journal,
    sandbox: SandboxServer,
    day: dict[str, Sale],
    tmp_path: Path,
) -> None:
    printers = PdfPrinters(tmp_path)
    page = make_page(qtbot, runner, profile, journal, sandbox.url, printers)
    blocks = page.blocks()
    fields = {label: value for kind, label, value in blocks if kind == "field"}
    assert plain(fields["Paid"]) == "2 · 17,900 FCFA"
    assert plain(fields["Net"]) == "17,631 FCFA"
    assert ("stamp", "", "TEST") in blocks  # a TEST day can never pass for real money

    page.print_actions["80mm"].trigger()
    qtbot.waitUntil(lambda: page.files.print_dialog is not None, timeout=WAIT)
    with qtbot.waitSignal(page.done, timeout=WAIT) as printed:
        page.files.print_dialog.accept()
    assert printed.args[0] == f"Closing printed on {printers.files[0]}."
    assert printers.files[0].read_bytes().startswith(b"%PDF")

    page.csv_button.click()
    qtbot.waitUntil(lambda: page.files.file_dialog is not None, timeout=WAIT)
    target = tmp_path / "closing.csv"
    dialog = page.files.file_dialog
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))  # typed, as people do
    with qtbot.waitSignal(page.done, timeout=WAIT) as saved:
        dialog.accept()
    assert saved.args[0] == f"Closing saved: {target}"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("section,item,severity,count,amount,currency,")
    assert "group,paid,,2,17900,XOF" in text
    assert f"open_sale,wait,awaiting,,5000,XOF,{day['waiting'].transaction_id}" in text

    pdf = tmp_path / "closing.pdf"
    with qtbot.waitSignal(page.done, timeout=WAIT) as saved:
        page.files.write_pdf(page.blocks(), pdf)
    assert saved.args[0] == f"Closing saved: {pdf}"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert journal.closings(page.day) == []  # printing and saving close nothing


def test_the_closing_prints_on_every_receipt_paper(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    journal: Journal,
    sandbox: SandboxServer,
    day: dict[str, Sale],
    tmp_path: Path,
) -> None:
    """The Print menu offers the receipts' papers, in order; each printout is that paper's
    width and says what the day was (painted by the printing the receipts use)."""
    printers = PdfPrinters(tmp_path)
    page = make_page(qtbot, runner, profile, journal, sandbox.url, printers)
    menu = [action.text() for action in page.print_menu.actions()]
    assert menu == ["58 mm roll", "80 mm roll", "A4 page"]

    widths = {}
    for paper, action in page.print_actions.items():
        action.trigger()
        qtbot.waitUntil(lambda: page.files.print_dialog is not None, timeout=WAIT)
        with qtbot.waitSignal(page.done, timeout=WAIT) as printed:
            page.files.print_dialog.accept()
        path = printers.files[-1]
        assert printed.args[0] == f"Closing printed on {path}."
        reader = PdfReader(str(path))
        assert len(reader.pages) == 1
        text = " ".join(reader.pages[0].extract_text().replace("\xa0", " ").split())
        assert "Day closing" in text
        assert "TEST" in text
        assert "2 · 17,900 FCFA" in text
        widths[paper] = round(float(reader.pages[0].mediabox.width) * 25.4 / 72)
        qtbot.waitUntil(lambda: page.files.print_dialog is None, timeout=WAIT)
    assert widths == {"58mm": 58, "80mm": 80, "A4": 210}


def test_hpay_out_of_reach_shows_local_figures_and_cannot_close(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    journal: Journal,
    day: dict[str, Sale],
) -> None:
    page = make_page(qtbot, runner, profile, journal, "http://127.0.0.1:9")
    assert grid_rows(page.body.figures_grid)[0][:3] == ["Paid", "2", "17,900 FCFA"]
    assert page.body.hpay_label is not None
    assert page.body.hpay_label.text() == "Not checked against HPAY."
    assert page.status.text().startswith("HPAY could not be reached (")
    assert "The day cannot be closed until HPAY answers." in page.status.text()
    assert not page.close_button.isEnabled()
    assert page.csv_button.isEnabled()  # the local figures can still be saved
    page.close_day()  # even called directly, nothing is recorded
    assert journal.closings(page.day) == []
