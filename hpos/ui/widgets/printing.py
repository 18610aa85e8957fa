"""Printers: find the remembered one, make one for the dialog, print on a worker.

Shared by the receipts (:mod:`hpos.ui.receipts.actions`) and the owner's day closing
(:mod:`hpos.ui.owner.closing_files`). Asking the print system which printers exist
may be slow (CUPS can be on the network), so :func:`system_printer` and
:func:`print_job` run on the Runner; only :func:`dialog_printer` and
:func:`open_print_dialog` are for the GUI thread (the dialog asks the print system
itself anyway). Imported on the first printout: QtPrintSupport costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = [
    "PrinterFactory",
    "PrinterUnavailable",
    "chosen_printer_name",
    "dialog_printer",
    "open_print_dialog",
    "print_job",
    "printed_file",
    "printer_label",
    "suggest_file",
    "system_printer",
]

#: Makes the QPrinter to use (tests hand in PDF-format printers; no real printer there).
PrinterFactory = Callable[[], QPrinter]


class PrinterUnavailable(Exception):
    """The remembered printer is gone, or the computer has none (``name`` is then "")."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def system_printer(name: str) -> QPrinter:
    """A high-resolution QPrinter on printer ``name`` ("" = the system default).

    PrinterUnavailable when there is no such printer (or no printer at all).
    """
    if name:
        if name not in QPrinterInfo.availablePrinterNames():
            raise PrinterUnavailable(name)
        info = QPrinterInfo.printerInfo(name)
    else:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrinterUnavailable("")
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def printer_label(printer: QPrinter) -> str:
    """How a message names the printer: its name, or the PDF file it writes."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return printer.outputFileName() or "PDF"
    return printer.printerName() or "PDF"


def chosen_printer_name(printer: QPrinter) -> str:
    """The system printer chosen in the dialog, to remember ("" for a PDF file)."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return ""
    return printer.printerName()


def print_job(
    paint: Callable[[QPrinter], None], printer_name: str, factory: PrinterFactory | None
) -> Callable[[], str]:
    """The worker job of a print without dialog; it returns the printer's label.

    The printer is ``factory()``, else the system's ``printer_name`` (PrinterUnavailable
    when it is gone); ``paint`` paints the printout on it, full page.
    """

    def job() -> str:
        printer = factory() if factory is not None else system_printer(printer_name)
        printer.setFullPage(True)
        paint(printer)
        return printer_label(printer)

    return job


def dialog_printer(printer_name: str, factory: PrinterFactory | None) -> QPrinter:
    """The printer the print dialog starts on: the remembered one when set."""
    if factory is not None:
        return factory()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    return printer


def open_print_dialog(printer: QPrinter, parent: QWidget | None, title: str) -> QPrintDialog:
    """A window-modal print dialog on ``printer``, shown without blocking, deleted on close."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()  # what open() does (PySide6 offers no open() without a receiver here)
    return dialog


def suggest_file(dialog: QPrintDialog, printer: QPrinter, path: Path) -> None:
    """The file the dialog's "print to file" offers: ``path``, not Qt's ``~/print.pdf``.

    Qt's own (non-native) dialog, used on Linux, has its file field named "filename"; a
    native dialog has none and chooses the file itself. A printer already set to write a
    file keeps it.
    """
    field = dialog.findChild(QLineEdit, "filename")
    if field is not None and not printer.outputFileName():
        field.setText(str(path))


def printed_file(printer: QPrinter) -> Path | None:
    """The PDF file the printer was set to write by the dialog, if any."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not printer.outputFileName():
        return None
    return Path(printer.outputFileName())
