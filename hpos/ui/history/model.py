"""Loading the history: HPAY's history (paged) or this till's journal, as a Qt model.

:class:`HistoryModel` is a :class:`~hpos.ui.history.table.HistoryTable` of
:class:`~hpos.ui.history.rows.HistoryRow` values (built from an HPAY
:class:`~hpos.hpay.models.HistoryEntry` or a journal
:class:`~hpos.sales.model.Sale`). Every load runs on the :class:`Runner`; the
GUI thread only inserts the rows that come back.

- HPAY source: one page per request (``fetch_limit`` "offset,count") through
  ``canFetchMore``/``fetchMore``, so the view loads more as the user scrolls.
  ``fetchMore`` submits one request and returns; while it is in flight
  ``canFetchMore`` is False, so a page is never asked twice. The status and
  date filters go to HPAY (``statut``, ``date_from``/``date_to``) so that the
  paging stays right. Rows already shown (same transaction id) are skipped.
- Journal source (:mod:`hpos.ui.history.journal`): first the newest 200 sales
  of the query (one indexed query: the first screen is painted at once), then,
  when there are more, every sale of the query read on a worker into a ready
  :class:`~hpos.ui.history.store.RowStore` (search texts, the sort column's
  keys and the summary's sums made there), which the GUI thread swaps in: the
  rows beyond the first screen are inserted below it in one step. That read
  starts 100 ms after the first screen, once it is painted, and pauses now and
  then (the GIL: see :func:`~hpos.ui.history.store.breather`). The
  status filter is applied there too (PAID = paid, paid late included; UNPAID =
  every other state).
- A generation counter: a reload or a new query makes the answers of earlier
  requests stale; they are dropped when they arrive.
- :meth:`HistoryModel.refresh_quietly` re-reads what is loaded and merges it:
  changed rows are updated in place, new rows inserted, rows that no longer
  match removed — the view keeps its selection and scroll position. HPAY: one
  request of up to 500 rows (with more than 500 HPAY rows loaded it does
  nothing: the user is browsing far down; Refresh reloads). Journal: only the
  sales written since the last read (``updated_at``, less a few minutes of
  slack), not the whole journal again.
- Failures become an :attr:`HistoryModel.error` message (translated, context
  "HistoryModel"), never an exception.

Sorting and the text search are :class:`~hpos.ui.history.table.HistoryTable`'s.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QTimer,
    Signal,
    Slot,
)

from hpos.hpay.errors import HpayError
from hpos.hpay.models import HistoryPage
from hpos.sales.journal import JournalError
from hpos.ui.history.journal import JournalRead, read_all, read_changes, read_first_screen
from hpos.ui.history.rows import (
    SOURCE_HPAY,
    SOURCE_JOURNAL,
    HistoryQuery,
    read_hpay_page,
    row_from_entry,
)
from hpos.ui.history.table import HistoryTable
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient
    from hpos.sales.journal import Journal

log = logging.getLogger(__name__)


#: Most rows a quiet refresh re-reads in one request (HPAY's page limit in the client).
QUIET_REFRESH_LIMIT = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The rest of a long journal is read this long after its first screen is shown.
READ_ALL_DELAY_MS = 100


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, HpayError):
        return exc.message
    if isinstance(exc, JournalError):
        return str(exc)
    log.error("history load failed unexpectedly", exc_info=exc)
    return QCoreApplication.translate("HistoryModel", "Unexpected error ({name}).").format(
        name=type(exc).__name__
    )


class HistoryModel(HistoryTable):
    """The rows of one :class:`HistoryQuery`, loaded in the background."""

    #: A load failed: a sentence for the user.
    error = Signal(str)
    #: True while a request of the current query is in flight.
    loading_changed = Signal(bool)
    #: A page, the journal or a quiet refresh has been applied.
    page_loaded = Signal()

    def __init__(
        self,
        runner: Runner,
        *,
        client: HpayClient | None = None,
        journal: Journal | None = None,
        page_size: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not 1 <= page_size <= QUIET_REFRESH_LIMIT:
            raise ValueError(f"page_size must be 1 to {QUIET_REFRESH_LIMIT}")
        self._runner = runner
        self._client = client
        self._journal = journal
        self._page_size = page_size
        self._query = HistoryQuery()
        self._gen = 0
        self._offset = 0  # HPAY entries read so far: the offset of the next page
        self._has_more = False
        self._pending = False  # a page or the journal is being loaded
        self._quiet = False  # a quiet refresh is in flight
        self._failed = False
        self._want_all = False
        self._loaded = False  # the current query has been loaded at least once
        self._journal_mark: datetime | None = None  # latest journal write the rows include
        self._read_all_gen = -1  # the generation whose journal is to be read whole
        self._read_all_timer = QTimer(self)
        self._read_all_timer.setSingleShot(True)
        self._read_all_timer.setInterval(READ_ALL_DELAY_MS)
        self._read_all_timer.timeout.connect(self._read_all)

    # -- state --------------------------------------------------------------------------

    @property
    def query(self) -> HistoryQuery:
        """The query the rows belong to."""
        return self._query

    @property
    def page_size(self) -> int:
        """Rows per HPAY request."""
        return self._page_size

    @property
    def client(self) -> HpayClient | None:
        """The HPAY client of the HPAY source."""
        return self._client

    @property
    def journal(self) -> Journal | None:
        """The journal of the till source."""
        return self._journal

    @property
    def is_loading(self) -> bool:
        """A request of the current query is in flight."""
        return self._pending or self._quiet

    @property
    def is_reading(self) -> bool:
        """Rows of the current query are being read (a page, the journal; not a quiet
        refresh of rows already shown)."""
        return self._pending

    @property
    def has_more(self) -> bool:
        """HPAY may have more rows than are loaded."""
        return self._has_more

    @property
    def failed(self) -> bool:
        """The last load failed (no more paging until a reload)."""
        return self._failed

    @property
    def loaded(self) -> bool:
        """The current query has been loaded at least once."""
        return self._loaded

    def source_available(self) -> bool:
        """The query's source (client or journal) has been given."""
        if self._query.source == SOURCE_HPAY:
            return self._client is not None
        return self._journal is not None

    # -- commands -------------------------------------------------------------------------

    def set_sources(self, client: HpayClient | None, journal: Journal | None) -> None:
        """New client/journal: the rows are cleared; call :meth:`reload` to load."""
        self._client = client
        self._journal = journal
        self._clear()

    def set_query(self, query: HistoryQuery) -> None:
        """Switch to ``query`` and load it from scratch."""
        self._query = query
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Drop every row and load the query from the start."""
        self._clear()
        problem = self._query.problem()
        if problem is not None:
            self._failed = True
            self.error.emit(problem)
            return
        if not self.source_available():
            return
        if self._query.source == SOURCE_HPAY:
            self._has_more = True
            self._fetch_page()
        else:
            self._load_journal(quiet=False)

    @Slot()
    def refresh(self) -> None:
        """Refresh what is shown: a quiet merge when possible, else a reload."""
        if not self.refresh_quietly():
            self.reload()

    @Slot()
    def refresh_quietly(self) -> bool:
        """Re-read the loaded rows and merge them in; False when it cannot (nothing done)."""
        if not (self._loaded and not self._failed and self.source_available()):
            return False
        if self.is_loading:
            return True  # fresh data is on its way anyway
        if self._query.source == SOURCE_JOURNAL:
            self._load_journal(quiet=True)
            return True
        if self._offset > QUIET_REFRESH_LIMIT:
            return False
        self._fetch_top()
        return True

    def load_all(self) -> None:
        """Keep fetching HPAY pages until there are no more (e.g. before an export)."""
        self._want_all = True
        if self.canFetchMore(QModelIndex()):
            self._fetch_page()

    # -- paging (Qt model interface) -------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return (
            not parent.isValid()
            and self._query.source == SOURCE_HPAY
            and self._client is not None
            and self._has_more
            and not self._pending
            and not self._quiet
            and not self._failed
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self._fetch_page()

    # -- loading --------------------------------------------------------------------------------

    def _clear(self) -> None:
        self._gen += 1
        was_loading = self.is_loading
        self._read_all_timer.stop()
        self._clear_rows()
        self._offset = 0
        self._has_more = False
        self._pending = self._quiet = self._failed = self._want_all = self._loaded = False
        self._journal_mark = None
        if was_loading:
            self.loading_changed.emit(False)

    def _set_busy(self, *, pending: bool | None = None, quiet: bool | None = None) -> None:
        before = self.is_loading
        if pending is not None:
            self._pending = pending
        if quiet is not None:
            self._quiet = quiet
        if self.is_loading != before:
            self.loading_changed.emit(self.is_loading)

    def _fetch_page(self) -> None:
        client = self._client
        if client is None:
            return
        gen, query, offset, count = self._gen, self._query, self._offset, self._page_size
        self._set_busy(pending=True)

        self._runner.submit(
            partial(read_hpay_page, client, query, offset, count),
            on_done=lambda page: self._page_arrived(gen, page),
            on_error=lambda exc: self._load_failed(gen, exc),
            name="history page",
        )

    def _page_arrived(self, gen: int, page: HistoryPage) -> None:
        if gen != self._gen:
            return  # an answer to an earlier query
        self._offset = page.offset + len(page.entries)
        self._has_more = page.has_more
        self._loaded = True
        added = self._append(row_from_entry(e) for e in page.entries)
        self._set_busy(pending=False)
        # a page of rows already shown changes nothing a view would react to: go on
        self._continue(all_pages=self._want_all or not added)
        self.page_loaded.emit()

    def _continue(self, *, all_pages: bool) -> None:
        if all_pages and self.canFetchMore(QModelIndex()):
            self._fetch_page()

    def _fetch_top(self) -> None:
        client = self._client
        if client is None:
            return
        gen, query = self._gen, self._query
        count = min(max(self._offset, self._page_size), QUIET_REFRESH_LIMIT)
        self._set_busy(quiet=True)

        self._runner.submit(
            partial(read_hpay_page, client, query, 0, count),
            on_done=lambda page: self._top_arrived(gen, page),
            on_error=lambda exc: self._quiet_failed(gen, exc),
            name="history refresh",
        )

    def _top_arrived(self, gen: int, page: HistoryPage) -> None:
        if gen != self._gen:
            return
        self._merge([row_from_entry(e) for e in page.entries])
        self._offset = len(page.entries)
        self._has_more = page.has_more
        self._set_busy(quiet=False)
        self._continue(all_pages=self._want_all)
        self.page_loaded.emit()

    def _quiet_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._set_busy(quiet=False)
        self.error.emit(
            QCoreApplication.translate(
                "HistoryModel", "The history was not refreshed: {reason}"
            ).format(reason=_error_text(exc))
        )

    def _load_journal(self, *, quiet: bool) -> None:
        journal = self._journal
        if journal is None:
            return
        gen, query = self._gen, self._query
        if quiet:
            self._set_busy(quiet=True)
            since = self._journal_mark or _EPOCH
            self._runner.submit(
                partial(read_changes, journal, query, since),
                on_done=lambda read: self._changes_arrived(gen, read),
                on_error=lambda exc: self._quiet_failed(gen, exc),
                name="journal history refresh",
            )
            return
        self._set_busy(pending=True)
        self._runner.submit(
            partial(read_first_screen, journal, query),
            on_done=lambda read: self._first_screen_arrived(gen, read),
            on_error=lambda exc: self._load_failed(gen, exc),
            name="journal history",
        )

    def _first_screen_arrived(self, gen: int, read: JournalRead) -> None:
        if gen != self._gen:
            return
        self._append(read.rows)
        self._loaded = True
        if read.complete:
            self._journal_mark = read.mark
            self._set_busy(pending=False)
        else:  # the rest in the background, once the first screen is painted
            self._read_all_gen = gen
            self._read_all_timer.start()
        self.page_loaded.emit()

    @Slot()
    def _read_all(self) -> None:
        """Read the rest of the journal, :data:`READ_ALL_DELAY_MS` after the first screen:
        the read's worker then does not compete for Python's GIL with the first paints of
        the table (every cell is a Python call; the scroll bar appears and the table is laid
        out and painted again)."""
        gen = self._read_all_gen
        if gen != self._gen or self._journal is None:
            return
        columns = (self.sort_column,) if self.sort_column >= 0 else ()
        self._runner.submit(
            partial(read_all, self._journal, self._query, columns),
            on_done=lambda read: self._all_arrived(gen, read),
            on_error=lambda exc: self._load_failed(gen, exc),
            name="journal history (all)",
        )

    def _all_arrived(self, gen: int, read: JournalRead) -> None:
        if gen != self._gen or read.store is None:
            return
        old, store = self._store, read.store
        changed = [
            at
            for row in old.live_rows()
            if (at := store.positions.get(row.key)) is not None and store.differs(at, row)
        ]
        self._replace_store(store, changed)
        self._journal_mark = read.mark
        self._set_busy(pending=False)
        self.page_loaded.emit()

    def _changes_arrived(self, gen: int, read: JournalRead) -> None:
        if gen != self._gen:
            return
        self._update(read.rows, read.gone)
        self._journal_mark = read.mark
        self._set_busy(quiet=False)
        self.page_loaded.emit()

    def _load_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._failed = True
        self._want_all = False
        self._set_busy(pending=False)
        self.error.emit(
            QCoreApplication.translate(
                "HistoryModel", "The history could not be loaded: {reason} Refresh to try again."
            ).format(reason=_error_text(exc))
        )
