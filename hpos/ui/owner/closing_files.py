"""The day's closing on paper and in files: print (58 mm, 80 mm, A4), PDF, CSV.

Helpers of :class:`hpos.ui.owner.closing.ClosingPage`. The printout's lines come
from :func:`hpos.ui.owner.closing_words.closing_blocks` (translated on the GUI
thread) and are painted and printed like a receipt, by the shared
:mod:`hpos.ui.widgets.paint` and :mod:`hpos.ui.widgets.printing`; the CSV
is :func:`hpos.sales.closing_rows.closing_rows`. Dialogs are window-modal and never
block; painting and writing run on the runner. :attr:`ClosingFiles.done` and
:attr:`ClosingFiles.failed` carry the sentence to show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from hpos.profile.profile import Profile
from hpos.ui.folders import FolderMemory
from hpos.ui.runner import Runner
from hpos.ui.widgets.dialogs import ask_file
from hpos.ui.widgets.paper import Blocks

if TYPE_CHECKING:  # printing and the sales layer load on first use
    from PySide6.QtPrintSupport import QPrinter

    from hpos.sales.closing import DayClose

log = logging.getLogger(__name__)


class ClosingFiles(QObject):
    """Print the closing, or save it as PDF or CSV; a sentence either way."""

    #: Printed or saved: a sentence for the page and the status bar.
    done = Signal(str)
    #: Not printed or saved: the sentence shown.
    failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        profile: Profile,
        *,
        parent: QWidget,
        printer_factory: Callable[[], QPrinter] | None = None,
        native_dialogs: bool = True,
        folders: FolderMemory | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.profile = profile
        self._page = parent
        self._printer_factory = printer_factory
        self._native = native_dialogs
        self.folders = folders if folders is not None else FolderMemory(runner, self)
        self.print_dialog: Any = None
        self.file_dialog: Any = None

    # -- print --------------------------------------------------------------------------

    def print_blocks(self, blocks: Blocks, paper: str, name: str) -> None:
        """The print dialog (window-modal, never blocking), then the printout on the runner."""
        # imported on first use: QtPrintSupport loads only when printing (start-up speed)
        from hpos.ui.widgets.printing import dialog_printer, open_print_dialog

        printer = dialog_printer(self.profile.effective().printer_name, self._printer_factory)
        printer.setDocName(name)
        dialog = open_print_dialog(printer, self._page, self.tr("Print the day's closing"))
        dialog.accepted.connect(lambda: self._print_on(printer, blocks, paper))
        dialog.finished.connect(lambda _result: setattr(self, "print_dialog", None))
        self.print_dialog = dialog

    def _print_on(self, printer: QPrinter, blocks: Blocks, paper: str) -> None:
        # imported on first use: QtPrintSupport and painting load only when printing
        from hpos.ui.widgets.paint import render_blocks
        from hpos.ui.widgets.printing import printer_label

        printer.setFullPage(True)
        name = printer_label(printer)

        def job() -> str:
            render_blocks(printer, blocks, paper)
            return name

        def printed(label: str) -> None:
            self.done.emit(self.tr("Closing printed on {printer}.").format(printer=label))

        self.runner.submit(
            job,
            on_done=printed,
            on_error=lambda exc: self._not_saved(name, exc),
            name="print day closing",
        )

    # -- files --------------------------------------------------------------------------

    def ask_pdf(self, blocks: Blocks, file_name: str) -> None:
        """Ask where (file dialog, in the folder used last), then write an A4 PDF."""
        title, kinds = self.tr("Save the closing as PDF"), self.tr("PDF files (*.pdf)")
        self._ask(title, file_name, kinds, lambda path: self.write_pdf(blocks, path))

    def ask_csv(self, data: DayClose, file_name: str) -> None:
        """Ask where, then write the closing's rows as CSV."""
        title, kinds = self.tr("Save the closing as CSV"), self.tr("CSV files (*.csv)")
        self._ask(title, file_name, kinds, lambda path: self.write_csv(data, path))

    def _ask(self, title: str, file_name: str, kinds: str, then: Callable[[Path], None]) -> None:
        ask_file(
            self._page,
            self.folders,
            self.profile.config_dir,
            title,
            file_name,
            kinds,
            then,
            native=self._native,
            opened=lambda dialog: setattr(self, "file_dialog", dialog),
        )

    def write_pdf(self, blocks: Blocks, path: Path, paper: str = "A4") -> None:
        """Write the printout as a PDF at ``path`` on the runner."""
        # imported on first use: painting loads with the first printout
        from hpos.ui.widgets.paint import write_blocks_pdf

        self.runner.submit(
            lambda: write_blocks_pdf(blocks, path, paper, path.stem),
            on_done=self._saved,
            on_error=lambda exc: self._not_saved(str(path), exc),
            name="save day closing PDF",
        )

    def write_csv(self, data: DayClose, path: Path) -> None:
        """Write the closing's rows as CSV at ``path`` on the runner (whole or not at all)."""

        def job() -> Path:
            # imported here, on the worker, with the rest of the sales layer
            from hpos.sales.closing_rows import closing_csv, closing_rows
            from hpos.util.atomic import write_atomic

            return write_atomic(path, closing_csv(closing_rows(data)), newline="")

        self.runner.submit(
            job,
            on_done=self._saved,
            on_error=lambda exc: self._not_saved(str(path), exc),
            name="save day closing CSV",
        )

    def _saved(self, path: Path) -> None:
        self.done.emit(self.tr("Closing saved: {path}").format(path=str(path)))

    def _not_saved(self, where: str, exc: BaseException) -> None:
        log.warning("day closing not printed or saved (%s): %s", where, exc)
        text = self.tr(
            "The closing could not be printed or saved ({where}). Check it and try again."
        )
        self.failed.emit(text.format(where=where))
