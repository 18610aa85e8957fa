"""The owner's "Close the day" page: this till's business day, checked against HPAY, closed.

:class:`ClosingPage` is a self-contained widget (the window puts it behind the manager
PIN, in a dialog or a tab). It shows :func:`hpos.sales.closing.build_closing`'s figures:
paid (count, amount, fees, net), cancelled, failed and open; the paid sales by cashier;
HPAY's view of the day with each difference in amber (a warning) or red (money the till
counts that HPAY does not confirm); the open sales with their next step; and, for a day
already closed, when and by whom and what changed since (a payment that came late).

Buttons: Print (58 mm, 80 mm or A4, as a receipt: :mod:`hpos.ui.widgets.printing`),
Save as PDF (A4), Save CSV (:func:`hpos.sales.closing_rows.closing_rows`) and "Close the
day", which records the closing in the journal: only when HPAY's history was read, else
the button is off and the page says why. Every read, write, print and save runs on the runner.

Everything comes in through the constructor: the runner, the profile (till name, mode,
shop name, printer), ``journal`` (a callable, run on a worker, returning the open
journal: the window's sales service's) and ``make_client`` (run on a worker, a new HPAY
client the page closes), and ``closed_by`` (called on the GUI thread when the day is
closed: the cashier on duty, or "manager"). Signals: :attr:`ClosingPage.loaded`,
:attr:`ClosingPage.failed`, :attr:`ClosingPage.closed` (the record) and
:attr:`ClosingPage.done` (a sentence for the status bar).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hpos.profile.profile import Profile
from hpos.ui.controller.text import error_text
from hpos.ui.folders import FolderMemory
from hpos.ui.i18n import Retranslatable, current_language
from hpos.ui.owner import closing_words as words
from hpos.ui.owner.closing_body import ClosingBody
from hpos.ui.owner.closing_files import ClosingFiles
from hpos.ui.runner import Runner
from hpos.ui.widgets.paper import LAYOUTS
from hpos.ui.widgets.style import page_title

if TYPE_CHECKING:  # the sales layer and printing load on first use (workers, first print)
    from PySide6.QtPrintSupport import QPrinter

    from hpos.sales.closing import DayClose
    from hpos.sales.journal import Journal
    from hpos.sales.journal_closings import ClosingRecord

log = logging.getLogger(__name__)

#: The printout's paper sizes, in the Print menu's order (the receipts' layouts).
PAPERS = tuple(LAYOUTS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _now() -> datetime:
    return datetime.now().astimezone()


class ClosingPage(Retranslatable, QWidget):
    """Close this till's business day: figures, HPAY's check, open sales, print, save, close."""

    #: The day's figures are on screen.
    loaded = Signal()
    #: Something went wrong: the sentence shown.
    failed = Signal(str)
    #: The day was closed: the journal's record (a ClosingRecord).
    closed = Signal(object)
    #: A printout or file was made: a sentence for the status bar.
    done = Signal(str)

    def __init__(
        self,
        runner: Runner,
        profile: Profile,
        *,
        journal: Callable[[], Journal],
        make_client: Callable[[], Any] | None,
        closed_by: Callable[[], str | None] = lambda: "manager",
        clock: Callable[[], datetime] = _now,
        expire_after: float = 900.0,
        printer_factory: Callable[[], QPrinter] | None = None,
        native_dialogs: bool = True,
        folders: FolderMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.profile = profile
        self._journal = journal
        self._make_client = make_client
        self._closed_by = closed_by
        self._clock = clock
        self._expire_after = expire_after
        #: Print, PDF and CSV (dialogs, then the runner).
        self.files = ClosingFiles(
            runner,
            profile,
            parent=self,
            printer_factory=printer_factory,
            native_dialogs=native_dialogs,
            folders=folders,
        )
        self.files.done.connect(self._file_done)
        self.files.failed.connect(self._file_failed)
        self.close_data: DayClose | None = None
        self._busy = False
        self._shown_once = False
        self._status_kind = ""
        self._status_args: dict[str, str] = {}
        self._build()
        self.retranslate()

    # -- the widgets --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = page_title()
        self.day_label = QLabel()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")  # as All tills and History write days
        self.day_edit.setDate(QDate(self._clock().date()))
        self.day_label.setBuddy(self.day_edit)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("closingStatus")
        outer.addWidget(self.status)
        self.banner = QLabel()  # a day already closed: when, by whom, what changed since
        self.banner.setWordWrap(True)
        self.banner.setObjectName("closedBanner")
        self.banner.setStyleSheet(
            f"background: {words.WARNING_BACKGROUND}; color: {words.WARNING_COLOUR}; padding: 6px;"
        )
        self.banner.hide()
        outer.addWidget(self.banner)

        self.body = ClosingBody()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.print_button = QToolButton()
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {}
        for paper in PAPERS:
            action = self.print_menu.addAction("")
            action.triggered.connect(lambda _checked=False, p=paper: self.print_closing(p))
            self.print_actions[paper] = action
        self.print_button.setMenu(self.print_menu)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(self.save_csv)
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close_day)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        self._enable()

    def retranslate(self) -> None:
        """Every text in the UI language (the figures are written again too)."""
        self.title.setText(self.tr("Close the day"))
        self.day_label.setText(self.tr("&Day:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.print_button.setText(self.tr("Print"))
        self.print_actions["58mm"].setText(self.tr("58 mm roll"))
        self.print_actions["80mm"].setText(self.tr("80 mm roll"))
        self.print_actions["A4"].setText(self.tr("A4 page"))
        self.pdf_button.setText(self.tr("Save as PDF"))
        self.csv_button.setText(self.tr("Save CSV"))
        self._show()

    def _enable(self) -> None:
        data = self.close_data
        ready = data is not None and not self._busy
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(ready)
        self.refresh_button.setEnabled(not self._busy)
        self.close_button.setEnabled(ready and data is not None and data.can_close)

    # -- reading the day ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first show reads the day."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    @property
    def day(self) -> date:
        """The business day chosen."""
        return self.day_edit.date().toPython()  # type: ignore[no-any-return]

    @Slot()
    def refresh(self) -> None:
        """Read the chosen day and HPAY's history of it again (on the runner)."""
        if self._busy:
            return
        self._busy = True
        self._set_status("reading")
        self._enable()
        self.runner.submit(
            self._read_job(), on_done=self._read, on_error=self._failed, name="read day closing"
        )

    def _read_job(self, record: Callable[[Any], Any] | None = None) -> Callable[[], Any]:
        """The worker job: build the closing (``record``: then record it and build again)."""
        eff = self.profile.effective()
        day, till, mode, now = self.day, eff.till_name, eff.mode, self._clock()
        tz, make_client, journal_of = now.tzinfo, self._make_client, self._journal
        expire_after = self._expire_after

        def job() -> tuple[DayClose, Any]:
            # imported here, on the worker: the sales layer is not needed before the page reads
            from hpos.sales.closing import build_closing

            journal = journal_of()
            client = None
            if make_client is not None:
                try:
                    client = make_client()
                except Exception:  # not set up: the local figures, "not checked"
                    log.warning("day closing without HPAY: no client", exc_info=True)
            try:

                def build() -> DayClose:
                    return build_closing(
                        journal, client, day, till=till, mode=mode, tz=tz, now=now,
                        expire_after=expire_after,
                    )  # fmt: skip

                close = build()
                if record is None:
                    return close, None
                done = record(journal, close)
                return build(), done
            finally:
                if client is not None:
                    client.close()

        return job

    @Slot(object)
    def _read(self, result: tuple[DayClose, Any]) -> None:
        self._busy = False
        self.close_data, recorded = result
        self._status_kind = "closed" if recorded is not None else ""
        self._status_args = {}
        self._show()  # the status too
        self._enable()
        if recorded is not None:
            self.closed.emit(recorded)
            self.done.emit(self.status.text())
        self.loaded.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("day closing failed: %s", exc)
        self._set_status("error", detail=error_text(exc))
        self._enable()
        self.failed.emit(self.status.text())

    # -- closing ------------------------------------------------------------------------

    @Slot()
    def close_day(self) -> None:
        """Record the closing (who: ``closed_by``), then read the day again; on the runner."""
        data = self.close_data
        if self._busy or data is None or not data.can_close:
            return
        who = self._closed_by()
        self._busy = True
        self._set_status("closing")
        self._enable()

        def record(journal: Journal, close: DayClose) -> ClosingRecord:
            # imported here, on the worker, with the rest of the sales layer
            from hpos.sales.closing import record_closing

            return record_closing(journal, close, closed_by=who)

        self.runner.submit(
            self._read_job(record), on_done=self._read, on_error=self._failed, name="close the day"
        )

    # -- what the page says -------------------------------------------------------------

    def _set_status(self, kind: str, **args: str) -> None:
        self._status_kind, self._status_args = kind, args
        self._show_status()

    def _show_status(self) -> None:
        kind, args = self._status_kind, self._status_args
        data = self.close_data
        style = ""
        if kind == "reading":
            text = self.tr("Reading the day and HPAY's history…")
        elif kind == "closing":
            text = self.tr("Closing the day…")
        elif kind == "error":
            text = self.tr("The day could not be read: {detail}").format(**args)
            style = f"color: {words.ERROR_COLOUR};"
        elif kind == "closed" and data is not None and data.last_closing is not None:
            text = self.tr("Day closed. {closed}.").format(
                closed=words.closed_text(data.last_closing)
            )
        elif data is not None and not data.can_close:
            reason = data.report.hpay_error or self.tr("HPOS is not set up for HPAY")
            text = self.tr(
                "HPAY could not be reached ({reason}): these are this till's own figures, "
                "not checked. The day cannot be closed until HPAY answers."
            ).format(reason=reason)
            style = f"color: {words.ERROR_COLOUR};"
        else:
            text = ""
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.status.setVisible(bool(text))

    def _show(self) -> None:
        """Write the figures of :attr:`close_data` into the page."""
        self._show_status()
        self.close_button.setText(self.tr("Close the day"))
        data = self.close_data
        self.banner.hide()
        if data is not None and data.last_closing is not None:
            self.close_button.setText(self.tr("Close the day again"))
            lines = [words.closed_text(data.last_closing) + "."]
            if data.changes:
                lines.append(self.tr("Since then:"))
                lines += [words.change_text(c) for c in data.changes]
            else:
                lines.append(self.tr("Nothing changed since."))
            self.banner.setText("\n".join(lines))
            self.banner.show()
        self.body.show_closing(data)

    # -- print, PDF, CSV ----------------------------------------------------------------

    def blocks(self, language: str | None = None) -> list[tuple[str, str, str]]:
        """The printout's lines (GUI thread: the texts are translated here)."""
        assert self.close_data is not None
        eff = self.profile.effective()
        shop = eff.shop_name or eff.till_name
        return words.closing_blocks(self.close_data, shop, language or current_language())

    def _file_name(self, ext: str) -> str:
        return f"closing-{self.day.isoformat()}.{ext}"

    def print_closing(self, paper: str) -> None:
        """Print on ``paper`` ("58mm", "80mm", "A4"): the print dialog, then the runner."""
        if self.close_data is not None:
            self.files.print_blocks(self.blocks(), paper, Path(self._file_name("pdf")).stem)

    @Slot()
    def save_pdf(self) -> None:
        """Save the printout as an A4 PDF (asks where)."""
        if self.close_data is not None:
            self.files.ask_pdf(self.blocks(), self._file_name("pdf"))

    @Slot()
    def save_csv(self) -> None:
        """Save the closing's rows as CSV (asks where)."""
        if self.close_data is not None:
            self.files.ask_csv(self.close_data, self._file_name("csv"))

    @Slot(str)
    def _file_done(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("")
        self.status.show()
        self.done.emit(text)

    @Slot(str)
    def _file_failed(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {words.ERROR_COLOUR};")
        self.status.show()
        self.failed.emit(text)
