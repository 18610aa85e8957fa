"""The history pane: filters, a sortable table of payments, a summary, CSV export.

Two sources: HPAY's history (paged as the user scrolls) and this till's
journal. The status and date filters go into the query (a new query reloads);
the text search filters the loaded rows at once (transaction id, product, sale
number, the Sale column's). The summary always describes the rows shown — every
one, not only those on screen: what was paid (amount, fees, net: PAID and PAID
LATE only) per currency, and how many rows are in each state
(:mod:`hpos.ui.history.totals`; :class:`~hpos.ui.history.summary.HistorySummary`
keeps it, off the GUI thread when the rows are many).

Every load, and the CSV (made and written), run on the :class:`Runner`. While the pane is
visible it refreshes quietly every minute: the loaded rows are re-read and
merged in place (new payments appear, statuses change), so the selection and
the scroll position stay; see :meth:`HistoryModel.refresh_quietly`. So it does, a
moment after any sale of this till changes state (:meth:`HistoryPane.sale_changed`,
:class:`~hpos.ui.history.refresh.LiveRefresh`), or when next shown. Export
first loads every remaining HPAY page of the query (or waits for the rest of
the journal), then writes the rows shown
(search applied) in the order shown. Double-click or Enter opens the details
(:mod:`hpos.ui.history.refresh`: the row is read again, or marked last known).

Static texts are set in :meth:`HistoryPane.retranslate` (called again on
``LanguageChange``, with the table's titles and statuses and the summary); a
message already shown stays in the language it was written in, except
"Loading…" and "Waiting…", which are re-said.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hpos.hpay.errors import HpayError
from hpos.ui.folders import FolderMemory
from hpos.ui.history.details import CheckUrl, DetailsDialog
from hpos.ui.history.export import export_file_name, rows_to_csv, write_csv
from hpos.ui.history.filters import build_filters
from hpos.ui.history.model import HistoryModel
from hpos.ui.history.proxy import HistoryProxy
from hpos.ui.history.refresh import DetailsOpener, LiveRefresh
from hpos.ui.history.rows import (
    SOURCE_HPAY,
    HistoryQuery,
    HistoryRow,
    status_text,
)
from hpos.ui.history.summary import HistorySummary
from hpos.ui.history.widgets import checkout_checker, day_of, fit_columns, make_history_view
from hpos.ui.keynames import key_name
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient
    from hpos.sales.journal import Journal
    from hpos.sales.watcher import PaymentWatcher

#: Quiet background refresh while the pane is visible.
AUTO_REFRESH_MS = 60_000
#: Pause after a date is edited before the query is sent (typing a date is several edits).
DATE_DEBOUNCE_MS = 400

ChoosePath = Callable[[], Path | None]


class HistoryPane(QWidget):
    """Filters, the table, the summary, Refresh and Export CSV."""

    #: The CSV was written: the path.
    exported = Signal(str)
    #: The export failed: a sentence for the user.
    export_failed = Signal(str)
    #: The details of a paid row asked for its receipt: (row, "print" | "pdf").
    receipt_requested = Signal(object, str)

    def __init__(
        self,
        runner: Runner,
        *,
        client: HpayClient | None,
        journal: Journal | None,
        page_size: int = 50,
        choose_path: ChoosePath | None = None,
        check_url: CheckUrl | None = None,
        auto_refresh_ms: int = AUTO_REFRESH_MS,
        folders: FolderMemory | None = None,  # where Export CSV starts (the window shares one)
        config_dir: Path | None = None,  # the profile whose last folder it remembers
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._client = client
        self._journal = journal
        # not ``choose_path or self._ask_path``: a bound method kept on self is a reference
        # cycle, and a cycle holding a widget may be collected on a worker thread
        self._choose_path = choose_path
        self._folders = folders if folders is not None else FolderMemory(runner, self)
        self._config_dir = config_dir
        self._check_url_override = check_url
        self._check_url = check_url or checkout_checker(client)
        self._needs_load = True
        self._export_to: Path | None = None
        self._message_kind = ""  # "loading", "waiting" or "" (any other message)
        self._details = DetailsOpener(runner, parent=self)
        self._details.set_sources(client, journal, None)

        self.model = HistoryModel(
            runner, client=client, journal=journal, page_size=page_size, parent=self
        )
        self.proxy = HistoryProxy(self.model, parent=self)
        self.summary = HistorySummary(self.model, runner, parent=self)
        self._live = LiveRefresh(self.model, self)  # a sale changed: its row read again

        self.auto_refresh_timer = QTimer(self)
        self.auto_refresh_timer.setInterval(auto_refresh_ms)
        self.auto_refresh_timer.timeout.connect(self._auto_refresh)
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(DATE_DEBOUNCE_MS)
        self._date_timer.timeout.connect(self._apply_query)

        self._filters_row1 = build_filters(self)  # the filter widgets, on self
        self._build_table()
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "QLabel { background: #fdecea; color: #b71c1c; padding: 6px; border-radius: 3px; }"
        )
        self.error_label.setVisible(False)
        self.summary_label = QLabel("")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setWordWrap(True)  # one summary per mode can be long: never widen
        self.message_label = QLabel("")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.message_label)

        layout = QVBoxLayout(self)
        layout.addLayout(self._filters_row1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.model.error.connect(self._show_error)
        self.model.loading_changed.connect(self._show_loading)
        self.model.page_loaded.connect(self._page_loaded)
        self.summary.changed.connect(self._show_summary)
        self.retranslate()

    # -- building ---------------------------------------------------------------------------------

    def _build_table(self) -> None:
        view = make_history_view(self.proxy)
        view.doubleClicked.connect(self._open_index)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), view, self._open_current)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter2 = QShortcut(QKeySequence(Qt.Key.Key_Enter), view, self._open_current)
        enter2.setContext(Qt.ShortcutContext.WidgetShortcut)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.view = view

    def retranslate(self) -> None:
        """Set every static text in the current language (again after a language change)."""
        self.source_label.setText(self.tr("&Source"))
        self.source_combo.setItemText(1, self.tr("This till"))
        self.source_combo.setToolTip(
            self.tr("HPAY's history of the account, or this till's own sales")
        )
        self.status_filter_label.setText(self.tr("S&tatus"))
        self.status_combo.setItemText(0, self.tr("All"))
        self.status_combo.setItemText(1, status_text("PAID"))
        self.status_combo.setItemText(2, status_text("UNPAID"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        for check in (self.from_check, self.to_check):
            check.setToolTip(self.tr("Unchecked: any date"))
        self.search_placeholder.set_texts(  # the short one when the full one would be cut
            self.tr("Search transaction, product, sale…"), self.tr("Search…")
        )
        self.search_edit.setAccessibleName(self.tr("Search the payments"))
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        self.view.setAccessibleName(self.tr("Payments"))
        self.view.setAccessibleDescription(
            self.tr("{key} opens the details of a payment").format(key=key_name("Return"))
        )
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the history again (F5)"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the rows shown as a CSV file"))
        self._show_summary()
        if self._message_kind == "loading":
            self._set_message(self.tr("Loading…"), "loading")
        self._update_sources_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Re-read every text when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.retranslate()
            fit_columns(self.view)
        super().changeEvent(event)

    # -- public -----------------------------------------------------------------------------------

    def set_sources(
        self,
        client: HpayClient | None,
        journal: Journal | None,
        watcher: PaymentWatcher | None = None,
    ) -> None:
        """New HPAY client and journal (e.g. after the settings changed); the payment
        watcher, when given, checks a journal row's open sale when its details open."""
        self._client = client
        self._journal = journal
        self._details.set_sources(client, journal, watcher)
        self._check_url = self._check_url_override or checkout_checker(client)
        self.model.set_sources(client, journal)
        self._update_sources_ui()
        self._needs_load = True
        if self.isVisible():
            self.refresh()

    def current_query(self) -> HistoryQuery:
        """The query the filters describe."""
        return HistoryQuery(
            source=self.source_combo.currentData() or SOURCE_HPAY,
            status=self.status_combo.currentData(),
            date_from=day_of(self.from_edit) if self.from_check.isChecked() else None,
            date_to=day_of(self.to_edit) if self.to_check.isChecked() else None,
        )

    def shown_rows(self) -> list[HistoryRow]:
        """The rows shown (search applied), in the order shown."""
        return self.proxy.rows()

    @Slot()
    def refresh(self) -> None:
        """Refresh now (F5): merge in place when possible, else reload."""
        self._date_timer.stop()
        self._clear_error()
        query = self.current_query()
        if query != self.model.query or self._needs_load:
            self._needs_load = False
            self.model.set_query(query)
        elif self.model.loaded:
            self.model.refresh()
        elif not self.model.is_reading:  # its first load failed; one under way is left to finish
            self.model.set_query(query)
        self._update_sources_ui()

    @Slot()
    def export_csv(self) -> None:
        """Ask where (in the folder used last, else Documents), load every remaining page,
        then write the rows shown (on the runner)."""
        if self._choose_path is not None:
            self._export_chosen(self._choose_path())
        else:
            self._folders.ask(self._config_dir, self._ask_and_export)

    def _ask_and_export(self, folder: Path) -> None:
        path = self._ask_path(folder)
        if path is not None:
            self._folders.remember(self._config_dir, path.parent)  # the next export starts there
        self._export_chosen(path)

    def _export_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        self._export_to = Path(path)
        if self.model.has_more and not self.model.failed:
            self._set_message(self.tr("Loading every page before the export…"))
            self.model.load_all()
        if self.model.is_reading:
            return  # written when the rows are in (see _page_loaded)
        self._write_export()

    def sale_changed(self) -> None:
        """A sale of this till changed state: the rows are read again shortly (or when shown)."""
        self._live.changed()

    @property
    def details_dialog(self) -> DetailsDialog | None:
        """The details dialog open now, if any."""
        return self._details.dialog

    def open_details(self, proxy_row: int) -> DetailsDialog:
        """Open the details of the row shown at ``proxy_row`` (window-modal, not blocking);
        the row is read again in the background (or marked last known)."""
        dialog = self._details.open(self.proxy.row_at(proxy_row), self._check_url, self)
        dialog.receipt_requested.connect(self.receipt_requested)
        return dialog

    # -- events -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.auto_refresh_timer.start()
        if self._needs_load:
            self.refresh()
        else:
            self._live.shown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.auto_refresh_timer.stop()

    # -- slots ---------------------------------------------------------------------------------

    @Slot()
    def _apply_query(self) -> None:
        if self.current_query() != self.model.query or not self.model.loaded:
            self.refresh()

    @Slot()
    def _date_edited(self) -> None:
        self._date_timer.start()

    @Slot()
    def _auto_refresh(self) -> None:
        if self.isVisible() and self.model.source_available():
            self.model.refresh_quietly()

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        if self._export_to is not None and not self.model.is_loading:
            self._export_to = None
            self.export_failed.emit(self.tr("Nothing exported: {reason}").format(reason=message))
            self._set_message(self.tr("Export cancelled."))

    @Slot(bool)
    def _show_loading(self, loading: bool) -> None:
        if loading:
            self._set_message(self.tr("Loading…"), "loading")
        elif self._message_kind == "loading":
            self._set_message("")

    @Slot()
    def _page_loaded(self) -> None:
        if not self.model.failed:
            self._clear_error()
        if self._export_to is not None and not self.model.is_loading:
            if self.model.has_more and not self.model.failed:
                self.model.load_all()
            else:
                self._write_export()
        # the search may hide every new row: then the view sees nothing to react to
        QTimer.singleShot(0, self, self._fetch_more_if_at_bottom)

    @Slot(int)
    def _scrolled(self, _value: int) -> None:
        self._fetch_more_if_at_bottom()

    @Slot()
    def _fetch_more_if_at_bottom(self) -> None:
        if not self.view.isVisible():
            return
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() and self.proxy.canFetchMore(QModelIndex()):
            self.proxy.fetchMore(QModelIndex())

    @Slot()
    def _show_summary(self) -> None:
        self.summary_label.setText(self.summary.text())

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_details(index.row())

    @Slot()
    def _open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_details(index.row())

    # -- helpers ----------------------------------------------------------------------------------

    def _write_export(self) -> None:
        path, self._export_to = self._export_to, None
        if path is None:
            return
        count, rows = self.model.shown_rows_lazily()  # made and written on the Runner
        self._set_message(self.tr("Exporting…"))

        def done(_result: object) -> None:
            if count == 1:
                text = self.tr("Exported {count} row to {name}.")
            else:
                text = self.tr("Exported {count} rows to {name}.")
            self._set_message(text.format(count=count, name=path.name))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if isinstance(exc, HpayError):
                reason = exc.message
            self._set_message(self.tr("Export failed."))
            text = self.tr("The CSV could not be written to {path}: {reason}").format(
                path=path, reason=reason
            )
            self.export_failed.emit(text)
            self._show_error(text)

        self.runner.submit(
            lambda: write_csv(path, rows_to_csv(rows)), on_done=done, on_error=failed, name="csv"
        )

    def suggested_file_name(self) -> str:
        """The export's default name; it starts with "TEST-" when TEST payments are in it."""
        client = self._client
        test = self.model.shows_test_rows() or (
            self.current_query().source == SOURCE_HPAY
            and client is not None
            and client.config.mode == "TEST"
        )
        return export_file_name(QDate.currentDate().toPython(), test=test)

    def _ask_path(self, folder: Path) -> Path | None:
        suggested = str(folder / self.suggested_file_name())
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the history as CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        return Path(name) if name else None

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.setVisible(False)

    def _set_message(self, text: str, kind: str = "") -> None:
        self.message_label.setText(text)
        self._message_kind = kind

    def _update_sources_ui(self) -> None:
        if self.model.source_available():
            if self._message_kind == "waiting":
                self._set_message("")
            return
        if self.current_query().source == SOURCE_HPAY:
            self._set_message(self.tr("Waiting for the HPAY connection…"), "waiting")
        else:
            self._set_message(self.tr("Waiting for this till's journal…"), "waiting")
