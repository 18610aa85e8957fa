"""The history as a Qt table model: HPAY's history (paged) or this till's journal.

:class:`HistoryModel` holds :class:`HistoryRow` values (plain frozen data built
from an HPAY :class:`~hpos.hpay.models.HistoryEntry` or a journal
:class:`~hpos.sales.model.Sale`). Every load runs on the :class:`Runner`; the
GUI thread only inserts the rows that come back.

- HPAY source: one page per request (``fetch_limit`` "offset,count") through
  ``canFetchMore``/``fetchMore``, so the view loads more as the user scrolls.
  ``fetchMore`` submits one request and returns; while it is in flight
  ``canFetchMore`` is False, so a page is never asked twice. The status and
  date filters go to HPAY (``statut``, ``date_from``/``date_to``) so that the
  paging stays right. Rows already shown (same transaction id) are skipped.
- Journal source: the sales of the date range in one background query; the
  status filter is applied there (PAID = paid, paid late included; UNPAID =
  every other state).
- A generation counter: a reload or a new query makes the answers of earlier
  requests stale; they are dropped when they arrive.
- :meth:`HistoryModel.refresh_quietly` re-reads what is loaded (one request of
  up to 500 rows, or the journal) and merges it: changed rows are updated in
  place, new rows inserted, rows that no longer match removed — the view keeps
  its selection and scroll position. With more than 500 HPAY rows loaded it
  does nothing (the user is browsing far down; Refresh reloads).
- Failures become an :attr:`HistoryModel.error` message, never an exception.

:class:`HistoryProxy` sorts every column by its value (Decimal amounts
numerically, dates by instant) and filters on a text search (transaction id,
product, sale number).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont

from hpos.hpay.errors import HpayError
from hpos.hpay.models import HistoryEntry, HistoryPage
from hpos.sales.journal import JournalError
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui.amount import format_money
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient
    from hpos.sales.journal import Journal

log = logging.getLogger(__name__)

SOURCE_HPAY = "hpay"
SOURCE_JOURNAL = "journal"
STATUS_FILTERS = ("PAID", "UNPAID")
#: Most rows a quiet refresh re-reads in one request (HPAY's page limit in the client).
QUIET_REFRESH_LIMIT = 500

COLUMNS = ("Date", "Transaction", "Product", "Amount", "Fees", "Status", "Mode")
COL_DATE, COL_TXID, COL_PRODUCT, COL_AMOUNT, COL_FEES, COL_STATUS, COL_MODE = range(len(COLUMNS))
#: ``data(index, ROW_ROLE)`` is the row's :class:`HistoryRow`.
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1

_SALE_NUMBER = re.compile(r"(\S+-\d{6})(?:\s|$)")
_PAID_COLOR = QColor("#1b5e20")
_LATE_COLOR = QColor("#e65100")
_PROBLEM_COLOR = QColor("#b71c1c")
_TEST_COLOR = QColor("#b71c1c")
_PROBLEM_STATES = frozenset({"FAILED", "UNKNOWN", "REVIEW"})
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FAR_FUTURE = datetime(9999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of the history, whichever source it came from.

    ``status`` is HPAY's ("PAID", "UNPAID") or the journal state in upper case
    ("AWAITING", "CANCELLED"...), with "PAID LATE" for a sale paid after it was
    cancelled or expired. ``date`` is timezone-aware.
    """

    date: datetime
    transaction_id: str
    product: str
    amount: Decimal
    fees: Decimal | None
    currency: str
    status: str
    mode: str
    description: str
    link: str
    sale_number: str | None
    source: str
    paid_late: bool = False

    @property
    def key(self) -> str:
        """What identifies the row across reloads."""
        if self.source == SOURCE_JOURNAL:
            return f"sale:{self.sale_number}"
        return f"tx:{self.transaction_id}"

    @property
    def is_paid(self) -> bool:
        """Paid (paid late included)."""
        return self.status in ("PAID", "PAID LATE")

    @property
    def awaiting_payment(self) -> bool:
        """Still payable by the customer: HPAY says UNPAID, or the sale is AWAITING."""
        return self.status == ("UNPAID" if self.source == SOURCE_HPAY else "AWAITING")

    @property
    def is_test(self) -> bool:
        """A TEST-mode payment (no real money)."""
        return self.mode == "TEST"

    def matches(self, needle: str) -> bool:
        """True when ``needle`` (already case-folded) is in the id, product or sale number."""
        return any(
            needle in text.casefold()
            for text in (self.transaction_id, self.product, self.sale_number or "")
        )


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What to load: the source and the filters that go into the request."""

    source: str = SOURCE_HPAY
    status: str | None = None  # None (all) | "PAID" | "UNPAID"
    date_from: date | None = None
    date_to: date | None = None

    def problem(self) -> str | None:
        """Why this query cannot be run, or None."""
        if self.source not in (SOURCE_HPAY, SOURCE_JOURNAL):
            return f"Unknown history source {self.source!r}."
        if self.status is not None and self.status not in STATUS_FILTERS:
            return f"Unknown status filter {self.status!r}."
        if self.date_from and self.date_to and self.date_from > self.date_to:
            return "The start date is after the end date."
        return None


def sale_number_in(description: str) -> str | None:
    """The sale number HPOS puts at the start of a payment's description, if any."""
    match = _SALE_NUMBER.match(description)
    return match.group(1) if match else None


def row_from_entry(entry: HistoryEntry) -> HistoryRow:
    """A row from one entry of HPAY's history."""
    return HistoryRow(
        date=entry.date_generated,
        transaction_id=entry.transaction_id,
        product=entry.product,
        amount=entry.amount,
        fees=entry.fees,
        currency=entry.currency,
        status=entry.status.upper(),
        mode=entry.mode.upper(),
        description=entry.description,
        link=entry.payment_link,
        sale_number=sale_number_in(entry.description),
        source=SOURCE_HPAY,
    )


def row_from_sale(sale: Sale) -> HistoryRow:
    """A row from one sale of the journal."""
    late = sale.state is SaleState.PAID and sale.paid_late
    return HistoryRow(
        date=sale.created_at,
        transaction_id=sale.transaction_id or "",
        product=sale.product,
        amount=sale.amount,
        fees=sale.fees,
        currency=sale.currency,
        status="PAID LATE" if late else sale.state.value.upper(),
        mode=sale.mode.upper(),
        description=sale.description,
        link=sale.checkout_url or "",
        sale_number=sale.sale_number,
        source=SOURCE_JOURNAL,
        paid_late=late,
    )


def local_day_range(date_from: date | None, date_to: date | None) -> tuple[datetime, datetime]:
    """[start, end) covering whole local days from ``date_from`` to ``date_to`` inclusive."""
    start = _EPOCH if date_from is None else _local_midnight(date_from)
    end = _FAR_FUTURE if date_to is None else _local_midnight(date_to + timedelta(days=1))
    return start, end


def _local_midnight(day: date) -> datetime:
    # naive on purpose: astimezone() reads it as local time (DST included)
    return datetime.combine(day, time()).astimezone()


def local_time_text(value: datetime, *, seconds: bool = False) -> str:
    """A date in the computer's local time: "2025-11-08 14:42"."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def money_text(amount: Decimal | None, currency: str) -> str:
    """ "14 900 XOF", "12.50 CAD" (as on the cashier screen); "" when unknown."""
    return "" if amount is None else format_money(amount, currency)


def status_matches(row: HistoryRow, status: str | None) -> bool:
    """The journal's reading of the status filter: PAID (late included) or not."""
    if status is None:
        return True
    return row.is_paid if status == "PAID" else not row.is_paid


def sort_key(row: HistoryRow, column: int) -> Any:
    """What a column sorts by: instants, exact Decimals, case-folded text."""
    if column == COL_DATE:
        return row.date
    if column == COL_TXID:
        return row.transaction_id.casefold()
    if column == COL_PRODUCT:
        return row.product.casefold()
    if column == COL_AMOUNT:
        return row.amount
    if column == COL_FEES:
        return (row.fees is not None, row.fees if row.fees is not None else Decimal(0))
    if column == COL_STATUS:
        return row.status
    return row.mode


@dataclass
class Totals:
    """Sums of one currency over some rows."""

    count: int = 0
    amount: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)
    paid_count: int = 0
    paid: Decimal = Decimal(0)


@dataclass
class Summary:
    """Count and per-currency totals of some rows."""

    count: int = 0
    by_currency: dict[str, Totals] = field(default_factory=dict)


def summarize(rows: Iterable[HistoryRow]) -> Summary:
    """Count, total, fees and paid total of ``rows``, per currency (exact Decimals)."""
    summary = Summary()
    for row in rows:
        summary.count += 1
        totals = summary.by_currency.setdefault(row.currency, Totals())
        totals.count += 1
        totals.amount += row.amount
        totals.fees += row.fees or Decimal(0)
        if row.is_paid:
            totals.paid_count += 1
            totals.paid += row.amount
    return summary


def summary_text(rows: Iterable[HistoryRow]) -> str:
    """ "3 payments shown · total 1500 XOF · fees 22 XOF · paid 1000 XOF (2)"."""
    summary = summarize(rows)
    if summary.count == 0:
        return "No payments shown."
    per = sorted(summary.by_currency.items())

    def joined(attr: str) -> str:
        return " + ".join(money_text(getattr(t, attr), cur) for cur, t in per)

    paid_count = sum(t.paid_count for _cur, t in per)
    noun = "payment" if summary.count == 1 else "payments"
    return (
        f"{summary.count} {noun} shown · total {joined('amount')} · fees {joined('fees')}"
        f" · paid {joined('paid')} ({paid_count})"
    )


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, HpayError):
        return exc.message
    if isinstance(exc, JournalError):
        return str(exc)
    log.error("history load failed unexpectedly", exc_info=exc)
    return f"Unexpected error ({type(exc).__name__})."


class HistoryModel(QAbstractTableModel):
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
        self._rows: list[HistoryRow] = []
        self._keys: set[str] = set()
        self._gen = 0
        self._offset = 0  # HPAY entries read so far: the offset of the next page
        self._has_more = False
        self._pending = False  # a page or the journal is being loaded
        self._quiet = False  # a quiet refresh is in flight
        self._failed = False
        self._want_all = False
        self._loaded = False  # the current query has been loaded at least once

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

    def rows(self) -> tuple[HistoryRow, ...]:
        """Every row loaded, in source order."""
        return tuple(self._rows)

    def row_at(self, row: int) -> HistoryRow:
        """The row at ``row`` (source order)."""
        return self._rows[row]

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

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_AMOUNT, COL_FEES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_AMOUNT, COL_FEES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row, column)
        if role == Qt.ItemDataRole.FontRole and (
            column == COL_STATUS or (column == COL_MODE and row.is_test)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

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

    # -- display ------------------------------------------------------------------------------

    @staticmethod
    def _display(row: HistoryRow, column: int) -> str:
        if column == COL_DATE:
            return local_time_text(row.date)
        if column == COL_TXID:
            return row.transaction_id or "—"
        if column == COL_PRODUCT:
            return row.product
        if column == COL_AMOUNT:
            return money_text(row.amount, row.currency)
        if column == COL_FEES:
            return money_text(row.fees, row.currency) or "—"
        if column == COL_STATUS:
            return row.status
        return row.mode

    @staticmethod
    def _color(row: HistoryRow, column: int) -> QColor | None:
        if column == COL_STATUS:
            if row.paid_late:
                return _LATE_COLOR
            if row.is_paid:
                return _PAID_COLOR
            if row.status in _PROBLEM_STATES:
                return _PROBLEM_COLOR
        if column == COL_MODE and row.is_test:
            return _TEST_COLOR
        return None

    @staticmethod
    def _tooltip(row: HistoryRow, column: int) -> str | None:
        if column == COL_STATUS and row.paid_late:
            return "Paid after the sale was cancelled or expired."
        if column == COL_MODE and row.is_test:
            return "TEST mode: no real money moved."
        if column == COL_TXID and row.sale_number:
            return f"Sale {row.sale_number}"
        if column == COL_PRODUCT and row.description:
            return row.description
        return None

    # -- loading --------------------------------------------------------------------------------

    def _clear(self) -> None:
        self._gen += 1
        was_loading = self.is_loading
        self.beginResetModel()
        self._rows = []
        self._keys = set()
        self._offset = 0
        self._has_more = False
        self._pending = self._quiet = self._failed = self._want_all = self._loaded = False
        self.endResetModel()
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

        def job() -> HistoryPage:
            return client.history(
                status=query.status,
                date_from=query.date_from,
                date_to=query.date_to,
                offset=offset,
                count=count,
            )

        self._runner.submit(
            job,
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

    def _append(self, rows: Iterable[HistoryRow]) -> int:
        fresh: list[HistoryRow] = []
        for row in rows:
            if row.key not in self._keys:
                self._keys.add(row.key)
                fresh.append(row)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        return len(fresh)

    def _fetch_top(self) -> None:
        client = self._client
        if client is None:
            return
        gen, query = self._gen, self._query
        count = min(max(self._offset, self._page_size), QUIET_REFRESH_LIMIT)
        self._set_busy(quiet=True)

        def job() -> HistoryPage:
            return client.history(
                status=query.status,
                date_from=query.date_from,
                date_to=query.date_to,
                offset=0,
                count=count,
            )

        self._runner.submit(
            job,
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
        self.error.emit(f"The history was not refreshed: {_error_text(exc)}")

    def _load_journal(self, *, quiet: bool) -> None:
        journal = self._journal
        if journal is None:
            return
        gen, query = self._gen, self._query
        if quiet:
            self._set_busy(quiet=True)
        else:
            self._set_busy(pending=True)

        def job() -> list[HistoryRow]:
            start, end = local_day_range(query.date_from, query.date_to)
            sales = journal.sales_between(start, end)
            rows = (row_from_sale(s) for s in reversed(sales))  # newest first
            return [r for r in rows if status_matches(r, query.status)]

        self._runner.submit(
            job,
            on_done=lambda rows: self._journal_arrived(gen, rows, quiet),
            on_error=(
                (lambda exc: self._quiet_failed(gen, exc))
                if quiet
                else (lambda exc: self._load_failed(gen, exc))
            ),
            name="journal history",
        )

    def _journal_arrived(self, gen: int, rows: list[HistoryRow], quiet: bool) -> None:
        if gen != self._gen:
            return
        self._merge(rows)
        self._loaded = True
        if quiet:
            self._set_busy(quiet=False)
        else:
            self._set_busy(pending=False)
        self.page_loaded.emit()

    def _load_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._failed = True
        self._want_all = False
        self._set_busy(pending=False)
        self.error.emit(
            f"The history could not be loaded: {_error_text(exc)} Refresh to try again."
        )

    def _merge(self, new_rows: Sequence[HistoryRow]) -> None:
        """Make the rows equal (as a set) to ``new_rows`` with the fewest changes."""
        wanted: dict[str, HistoryRow] = {}
        for row in new_rows:
            wanted.setdefault(row.key, row)
        # remove the rows that are gone, run by run, from the bottom
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i].key in wanted:
                i -= 1
                continue
            j = i
            while j > 0 and self._rows[j - 1].key not in wanted:
                j -= 1
            self.beginRemoveRows(QModelIndex(), j, i)
            del self._rows[j : i + 1]
            self.endRemoveRows()
            i = j - 1
        # update the rows that changed, in place
        last = len(COLUMNS) - 1
        for i, old in enumerate(self._rows):
            new = wanted[old.key]
            if new != old:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        # insert the new ones at the top, in the order they came
        present = {row.key for row in self._rows}
        added = [row for key, row in wanted.items() if key not in present]
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._rows[0:0] = added
            self.endInsertRows()
        self._keys = set(wanted)


class HistoryProxy(QSortFilterProxyModel):
    """Sorts by each column's value and filters on a text search."""

    def __init__(self, model: HistoryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._needle = ""
        self.setSourceModel(model)

    @property
    def search(self) -> str:
        """The current search text (case-folded, spaces collapsed)."""
        return self._needle

    def set_search(self, text: str) -> None:
        """Show only rows whose transaction id, product or sale number contain ``text``."""
        needle = " ".join(text.split()).casefold()
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def rows(self) -> list[HistoryRow]:
        """The rows shown, in the order shown."""
        return [
            self._model.row_at(self.mapToSource(self.index(r, 0)).row())
            for r in range(self.rowCount())
        ]

    def row_at(self, proxy_row: int) -> HistoryRow:
        """The row shown at ``proxy_row``."""
        return self._model.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        return self._model.row_at(source_row).matches(self._needle)

    def lessThan(
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        column = source_left.column()
        left = sort_key(self._model.row_at(source_left.row()), column)
        right = sort_key(self._model.row_at(source_right.row()), column)
        return bool(left < right)
