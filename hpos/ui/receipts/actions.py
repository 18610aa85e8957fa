"""Receipts from the window: print (with or without the print dialog) or save as PDF.

:class:`ReceiptActions` is the Qt glue between a paid sale (the PAID page, a
history row) and :mod:`hpos.ui.receipts.render` (painting) and the shared
:mod:`hpos.ui.widgets.printing` (printers). Only a paid sale gets a receipt;
anything else is refused with a message saying why.

- Print: a window-modal QPrintDialog that never blocks (no ``exec()``); or,
  with "print without dialog", straight to the remembered printer (the
  system default when none). A remembered printer that is gone, or no printer
  at all, is said in a message and the dialog opens instead: nothing is lost.
- The printer chosen is remembered (``printer_name`` saved on a worker).
- Save as PDF: a QFileDialog (window-modal), then the PDF is written on the Runner.
- Where: Save as PDF and the Print dialog's "print to file" start in the folder used last
  with this profile, else Documents (:mod:`hpos.ui.folders`), with a name saying what the
  file is (``receipt-DEMO-000004.pdf``); the folder saved into is remembered.
- Automatic print on PAID when ``auto_print`` is on (once per sale).

Painting and writing run on the :class:`~hpos.ui.runner.Runner`: the GUI
thread only shows dialogs and messages.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from hpos.profile.profile import Profile
from hpos.ui.folders import FolderMemory
from hpos.ui.i18n import current_language
from hpos.ui.runner import Runner
from hpos.ui.widgets.dialogs import ask_file

if TYPE_CHECKING:  # printing, rendering, receipts and history rows are imported on first use,
    # not at start-up: QtPrintSupport alone costs ~20 ms before the window's first paint
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog

    from hpos.sales.model import Sale
    from hpos.sales.receipt import Receipt
    from hpos.ui.history.rows import HistoryRow
    from hpos.ui.widgets.printing import PrinterFactory

log = logging.getLogger(__name__)


def _file_name(receipt: Receipt) -> str:
    return "receipt-" + (re.sub(r"[^A-Za-z0-9_.-]+", "_", receipt.name) or "sale") + ".pdf"


class ReceiptActions(QObject):
    """Print or save the receipt of a paid sale; messages for everything that goes wrong."""

    #: A receipt was printed or saved: a sentence for the status bar.
    done = Signal(str)
    #: Something went wrong (also shown in a message box): the sentence shown.
    failed = Signal(str)

    def __init__(
        self,
        profile: Profile,
        runner: Runner,
        *,
        parent: QWidget,
        printer_factory: PrinterFactory | None = None,
        native_dialogs: bool = True,
        folders: FolderMemory | None = None,
    ) -> None:
        super().__init__(parent)
        #: Where the file dialogs start (shared with the history's CSV export by the window).
        self.folders = folders if folders is not None else FolderMemory(runner, self)
        self.profile = profile  # the main window swaps it for the demo's
        self.runner = runner
        #: HPAY's company name (from the token): the shop name when the settings have none.
        self.company = ""
        #: Makes the printer (tests: a PDF-format QPrinter); None: the system's printers.
        self.printer_factory = printer_factory
        self._native = native_dialogs
        self._auto_printed: set[int] = set()
        self.print_dialog: QPrintDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.message_box: QMessageBox | None = None

    # -- which receipt ------------------------------------------------------------------

    def receipt_for(self, item: Sale | HistoryRow) -> Receipt | None:
        """The receipt of a journal sale or a history row; None (and a message) if not paid."""
        # imported on first use: history's row data loads with the first receipt (start-up)
        from hpos.ui.history.rows import SOURCE_JOURNAL, status_text

        eff = self.profile.effective()
        # the sale and receipt models are read on the first receipt, not at start-up
        from hpos.sales.model import Sale
        from hpos.sales.receipt import (
            ReceiptRefused,
            make_receipt,
            receipt_from_sale,
            shop_name_for,
            till_of,
        )

        shop = shop_name_for(eff.shop_name, self.company)
        try:
            if isinstance(item, Sale):
                return receipt_from_sale(item, shop_name=shop)
            own_till = eff.till_name if item.source == SOURCE_JOURNAL else ""
            return make_receipt(
                shop_name=shop,
                till=till_of(item.sale_number, own_till),
                date=item.date,
                product=item.product,
                description=item.description,
                amount=item.amount,
                currency=item.currency,
                transaction_id=item.transaction_id,
                status=item.status,
                mode=item.mode,
                sale_number=item.sale_number,
                cashier=item.cashier,
                lines=item.lines,
            )
        except ReceiptRefused as exc:
            text = self.tr(
                "No receipt for sale {name}: it is {status}, not paid. "
                "A receipt is printed only for a paid sale."
            )
            self._fail(text.format(name=exc.name or "—", status=status_text(exc.status) or "?"))
        except ValueError as exc:
            self._fail(self.tr("No receipt for this sale: {reason}").format(reason=exc))
        return None

    # -- entry points -------------------------------------------------------------------

    def print_shown(self, cashier: Any, history: Any, history_shown: bool) -> None:
        """Ctrl+P: the receipt of the selected history row, or of the cashier's sale: the one
        on screen, or on the keypad the last sale finished. A sale that did not end paid
        (cancelled, expired, failed) prints nothing: the message says which sale and why."""
        item: Sale | HistoryRow | None = None
        if history_shown and history is not None:
            index = history.view.currentIndex()
            item = history.proxy.row_at(index.row()) if index.isValid() else None
            if item is None:
                self._fail(self.tr("Nothing to print. Select a paid sale in History first."))
                return
        elif cashier is not None:
            item = cashier.receipt_sale()
        if item is None:
            text = self.tr(
                "Nothing to print: no sale has been finished since HPOS started. "
                "A receipt for an earlier paid sale is printed from History."
            )
            self._fail(text)
            return
        receipt = self.receipt_for(item)
        if receipt is not None:
            self.print_receipt(receipt)

    @Slot(object, str)
    def row_requested(self, row: HistoryRow, kind: str) -> None:
        """A history details dialog asked for a receipt: ``kind`` is "print" or "pdf"."""
        receipt = self.receipt_for(row)
        if receipt is None:
            return
        if kind == "pdf":
            self.save_pdf(receipt)
        else:
            self.print_receipt(receipt)

    def sale_paid(self, sale: Sale) -> None:
        """A sale became PAID: print its receipt when automatic printing is on (once)."""
        if not self.profile.effective().auto_print or sale.id in self._auto_printed:
            return
        self._auto_printed.add(sale.id)
        receipt = self.receipt_for(sale)
        if receipt is not None:
            self.print_receipt(receipt)

    # -- printing -----------------------------------------------------------------------

    def print_receipt(self, receipt: Receipt) -> None:
        """Print with the dialog, or straight away when "print without dialog" is on."""
        # imported on first use: QtPrintSupport loads only when printing (start-up speed)
        from hpos.ui.receipts.render import render_receipt
        from hpos.ui.widgets.printing import PrinterUnavailable, print_job

        eff = self.profile.effective()
        if not eff.print_without_dialog:
            self._open_print_dialog(receipt)
            return
        name = eff.printer_name

        def gone(exc: BaseException) -> None:
            if not isinstance(exc, PrinterUnavailable):
                self._print_failed(name, exc)
                return
            if exc.name:
                text = self.tr("The printer “{name}” is not available. Choose a printer.")
            else:
                text = self.tr("No printer is set up on this computer. Choose a printer.")
            self._open_print_dialog(receipt)
            self._fail(text.format(name=exc.name))  # over the dialog: read, then choose

        language = current_language()  # decided here, on the GUI thread
        layout = eff.receipt_layout

        def paint(printer: QPrinter) -> None:
            render_receipt(printer, receipt, layout, language)

        job = print_job(paint, name, self.printer_factory)
        self.runner.submit(job, on_done=self._printed, on_error=gone, name="print receipt")

    def prepare_folders(self) -> None:
        """Read (on a worker) where the file dialogs will start, before the first one opens."""
        self.folders.ask(self.profile.config_dir, lambda _folder: None)

    def _open_print_dialog(self, receipt: Receipt) -> None:
        """The print dialog, once the folder of its "print to file" is known."""
        self.folders.ask(
            self.profile.config_dir, lambda folder: self._show_print_dialog(receipt, folder)
        )

    def _show_print_dialog(self, receipt: Receipt, folder: Path) -> None:
        # imported on first use: QtPrintSupport loads only when printing (start-up speed)
        from hpos.ui.widgets.printing import dialog_printer, open_print_dialog, suggest_file

        if self.print_dialog is not None:
            self.print_dialog.close()
        eff = self.profile.effective()
        printer = dialog_printer(eff.printer_name, self.printer_factory)
        printer.setDocName(Path(_file_name(receipt)).stem)
        dialog = open_print_dialog(printer, self._parent(), self.tr("Print receipt"))
        suggest_file(dialog, printer, folder / _file_name(receipt))  # "print to file"
        dialog.accepted.connect(lambda: self._print_chosen(receipt, printer))
        dialog.finished.connect(lambda _result: setattr(self, "print_dialog", None))
        self.print_dialog = dialog

    def _print_chosen(self, receipt: Receipt, printer: QPrinter) -> None:
        # imported on first use: QtPrintSupport loads only when printing (start-up speed)
        from hpos.ui.receipts.render import render_receipt
        from hpos.ui.widgets.printing import chosen_printer_name, printed_file, printer_label

        printer.setFullPage(True)
        layout, language = self.profile.effective().receipt_layout, current_language()
        name, chosen = printer_label(printer), chosen_printer_name(printer)

        to_file = printed_file(printer) if self.printer_factory is None else None

        def printed(label: str) -> None:
            self._printed(label)
            if chosen and chosen != self.profile.effective().printer_name:
                self.remember_printer(chosen)
            if to_file is not None:
                self.folders.remember(self.profile.config_dir, to_file.parent)

        self.runner.submit(
            lambda: render_receipt(printer, receipt, layout, language) or name,
            on_done=printed,
            on_error=lambda exc: self._print_failed(name, exc),
            name="print receipt",
        )

    def _printed(self, label: str) -> None:
        self._done(self.tr("Receipt printed on {printer}.").format(printer=label))

    def _done(self, text: str) -> None:
        self.done.emit(text)
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def _print_failed(self, name: str, exc: BaseException) -> None:
        log.warning("receipt not printed on %s: %s", name or "the default printer", exc)
        self._fail(
            self.tr(
                "The receipt was not printed on “{printer}”. Check the printer, "
                "or save the receipt as PDF."
            ).format(printer=name or self.tr("the default printer"))
        )

    def remember_printer(self, name: str) -> None:
        """Save ``name`` as the printer to use next time (on a worker: disk I/O)."""
        profile = self.profile

        def save() -> None:
            profile.update(printer_name=name)

        def failed(exc: BaseException) -> None:
            log.warning("printer name not saved: %s", exc)

        self.runner.submit(save, on_error=failed, name="remember printer")

    # -- PDF ----------------------------------------------------------------------------

    def save_pdf(self, receipt: Receipt) -> None:
        """Ask where (window-modal file dialog, in the folder used last), then write the PDF
        on the Runner."""
        ask_file(
            self._parent(),
            self.folders,
            self.profile.config_dir,
            self.tr("Save receipt as PDF"),
            _file_name(receipt),
            self.tr("PDF files (*.pdf)"),
            lambda path: self.write_pdf_to(receipt, path),
            native=self._native,
            opened=self._file_dialog_opened,
        )

    def _file_dialog_opened(self, dialog: QFileDialog | None) -> None:
        if dialog is not None and self.file_dialog is not None:
            self.file_dialog.close()  # one at a time: the newer one stays
        self.file_dialog = dialog

    def write_pdf_to(self, receipt: Receipt, path: Path) -> None:
        """Write the receipt's PDF to ``path`` in the background; a message either way."""
        from hpos.ui.receipts.render import write_pdf  # imported here, on the GUI thread

        layout, language = self.profile.effective().receipt_layout, current_language()

        def failed(exc: BaseException) -> None:
            log.warning("receipt PDF not written: %s", exc)
            self._fail(
                self.tr("The receipt could not be saved to {path}. Choose another folder.").format(
                    path=str(path)
                )
            )

        self.runner.submit(
            lambda: write_pdf(receipt, path, layout, language),
            on_done=lambda p: self._done(self.tr("Receipt saved: {path}").format(path=str(p))),
            on_error=failed,
            name="save receipt PDF",
        )

    # -- messages -----------------------------------------------------------------------

    def _parent(self) -> QWidget | None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None  # type: ignore[return-value]

    def _fail(self, text: str) -> None:
        self.failed.emit(text)
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Receipt"), text, parent=self._parent())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "message_box", None))
        self.message_box = box
        box.open()
