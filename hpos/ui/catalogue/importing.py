"""The catalogue page's files: Import CSV… (a report before anything is written), Export CSV…
and the report saved as text.

:class:`CatalogueFiles` opens the file dialogs (window-modal, never blocking, starting in
the folder used last: :class:`~hpos.ui.folders.FolderMemory`), reads and plans the file on
the runner (:func:`hpos.sales.catalogue_import.read_catalogue_csv`), shows the plan in an
:class:`~hpos.ui.catalogue.report.ImportReport`, and writes it on the runner only when Import
is pressed. Export writes the items the table shows, archived ones included when shown.
:attr:`CatalogueFiles.imported` carries the catalogue after an import; :attr:`done` and
:attr:`failed` a sentence for the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from hpos.sales.catalogue import Item, ItemRefused
from hpos.sales.catalogue_csv import CatalogueFileRefused
from hpos.sales.catalogue_store import CurrencyMismatch
from hpos.ui.catalogue import jobs
from hpos.ui.catalogue.report import ImportReport
from hpos.ui.catalogue.words import currency_text, problem_text
from hpos.ui.controller.text import error_text
from hpos.ui.folders import FolderMemory
from hpos.ui.i18n import format_number
from hpos.ui.runner import Runner
from hpos.ui.widgets.dialogs import ask_file

if TYPE_CHECKING:
    from hpos.sales.journal import Journal

log = logging.getLogger(__name__)


def export_file_name(day: date) -> str:
    """ "hpos-catalogue-2026-12-05.csv"."""
    return f"hpos-catalogue-{day.isoformat()}.csv"


class CatalogueFiles(QObject):
    """Import CSV…, Export CSV…, Save report… for the catalogue page."""

    #: An import was written: the :class:`~hpos.ui.catalogue.jobs.Done` (catalogue after it).
    imported = Signal(object)
    #: Something written or saved: a sentence.
    done = Signal(str)
    #: Nothing written or saved: why.
    failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        journal: Callable[[], Journal],
        *,
        currency: Callable[[], str | None],
        shown: Callable[[], list[Item]],
        folders: FolderMemory | None,
        config_dir: Path | None,
        native_dialogs: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._journal = journal
        self._currency = currency
        self._shown = shown
        self._page = parent
        self._config_dir = config_dir
        self._native = native_dialogs
        self.folders = folders if folders is not None else FolderMemory(runner, self)
        self.file_dialog: Any = None
        self.report: ImportReport | None = None

    # -- import ---------------------------------------------------------------------

    def ask_import(self) -> None:
        """Choose a CSV file, then read it and show the report (nothing written yet)."""
        if self._currency() is None:
            self.failed.emit(
                self.tr(
                    "Connect to HPAY first: prices are in the account’s currency, known once"
                    " HPOS has reached HPAY."
                )
            )
            return
        title, kinds = self.tr("Import a catalogue"), self.tr("CSV files (*.csv);;All files (*)")
        self._ask(title, "", kinds, self.read_import, save=False)

    def read_import(self, path: Path) -> None:
        """Read and plan ``path`` on the runner; the report when it is read."""
        currency, journal = self._currency(), self._journal
        if currency is None:
            return
        self._runner.submit(
            lambda: jobs.read_import(journal().catalogue, path, currency),
            on_done=lambda planned: self._show_report(planned, path, currency),
            on_error=lambda exc: self._not_read(path, exc),
            name="read catalogue CSV",
        )

    def _show_report(self, planned: jobs.Planned, path: Path, currency: str) -> None:
        if self.report is not None:
            self.report.close()
        report = ImportReport(planned.plan, path, currency, self._page, items=planned.items)
        self.report = report
        report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        report.import_requested.connect(lambda: self._apply(report))
        report.save_requested.connect(lambda: self._ask_save_report(report))
        report.finished.connect(lambda _result: self._report_closed(report))
        report.resize(820, 460)
        report.open()

    def _report_closed(self, report: ImportReport) -> None:
        if self.report is report:
            self.report = None

    def _apply(self, report: ImportReport) -> None:
        plan, currency, journal = report.plan, report.currency, self._journal

        def written(done: jobs.Done) -> None:
            report.accept()
            self.imported.emit(done)

        def refused(exc: BaseException) -> None:
            log.warning("catalogue import not written: %s", exc)
            report.set_busy(False)
            if isinstance(exc, CurrencyMismatch):
                report.show_message(currency_text(exc.catalogue, exc.given))
            elif isinstance(exc, ItemRefused):
                reason = problem_text(exc.problem, exc.detail, currency, str(exc))
                report.show_message(
                    self.tr(
                        "Nothing was imported: the catalogue changed since the file was read"
                        " ({reason}). Import the file again."
                    ).format(reason=reason)
                )
            else:
                report.show_message(
                    self.tr("Nothing was imported: {reason}").format(reason=error_text(exc))
                )

        self._runner.submit(
            lambda: jobs.apply_import(journal().catalogue, plan, currency),
            on_done=written,
            on_error=refused,
            name="import catalogue CSV",
        )

    def _not_read(self, path: Path, exc: BaseException) -> None:
        log.warning("catalogue CSV not read (%s): %s", path, exc)
        if isinstance(exc, CatalogueFileRefused):
            reason = str(exc)
        elif isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = error_text(exc)
        self.failed.emit(
            self.tr("“{file}” was not imported: {reason}").format(file=path.name, reason=reason)
        )

    def _ask_save_report(self, report: ImportReport) -> None:
        title, kinds = self.tr("Save the import report"), self.tr("Text files (*.txt)")
        name = f"{report.path.stem}-report.txt"
        text = report.report_text()
        self._ask(title, name, kinds, lambda path: self._write_report(report, path, text))

    def _write_report(self, report: ImportReport, path: Path, text: str) -> None:
        def saved(where: Path) -> None:
            self.done.emit(self.tr("Report saved: {path}").format(path=str(where)))

        def not_saved(exc: BaseException) -> None:
            log.warning("import report not saved (%s): %s", path, exc)
            message = self.tr("The report could not be saved ({path}).").format(path=str(path))
            if isValid(report):
                report.show_message(message)
            self.failed.emit(message)

        self._runner.submit(
            lambda: jobs.write_text(path, text),
            on_done=saved,
            on_error=not_saved,
            name="save import report",
        )

    # -- export ---------------------------------------------------------------------

    def ask_export(self) -> None:
        """Choose where, then write the items the table shows as CSV."""
        items = self._shown()
        currency = self._currency()
        title, kinds = self.tr("Export the catalogue"), self.tr("CSV files (*.csv)")
        name = export_file_name(QDate.currentDate().toPython())
        self._ask(title, name, kinds, lambda path: self.export(items, currency, path))

    def export(self, items: list[Item], currency: str | None, path: Path) -> None:
        """Write ``items`` as a catalogue CSV at ``path`` on the runner."""

        def saved(where: Path) -> None:
            self.done.emit(
                self.tr("{count} items exported: {path}").format(
                    count=format_number(len(items)), path=str(where)
                )
            )

        def not_saved(exc: BaseException) -> None:
            log.warning("catalogue not exported (%s): %s", path, exc)
            self.failed.emit(
                self.tr("The catalogue could not be exported ({path}).").format(path=str(path))
            )

        self._runner.submit(
            lambda: jobs.export(path, items, currency),
            on_done=saved,
            on_error=not_saved,
            name="export catalogue CSV",
        )

    # -- the file dialog ------------------------------------------------------------

    def _ask(
        self,
        title: str,
        file_name: str,
        kinds: str,
        then: Callable[[Path], None],
        *,
        save: bool = True,
    ) -> None:
        ask_file(
            self._page,
            self.folders,
            self._config_dir,
            title,
            file_name,
            kinds,
            then,
            native=self._native,
            save=save,
            opened=lambda dialog: setattr(self, "file_dialog", dialog),
        )
