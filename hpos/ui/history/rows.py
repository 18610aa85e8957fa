"""History rows, queries and summaries: plain data (Qt only to translate texts).

:class:`HistoryRow` is one line of the history, built from an HPAY
:class:`~hpos.hpay.models.HistoryEntry` (:func:`row_from_entry`) or a journal
:class:`~hpos.sales.model.Sale` (:func:`row_from_sale`). :class:`HistoryQuery`
is what to load (source, status and date filters). Also here: the column
numbers, the journal's reading of the status filter, the blocking read of an
HPAY page (:func:`read_hpay_page`; the journal's are in
:mod:`hpos.ui.history.journal`), local-day ranges, the money and date texts,
and which amounts a row shows (:func:`shown_fees`: fees only where money moved).
The footer's sums are in :mod:`hpos.ui.history.totals`.

Texts the user reads are translated at call time (context "HistoryRows"): the
column titles (:func:`column_title`), the statuses (:func:`status_text`; the rows
keep HPAY's and the journal's own words, which sort, filter and export), the
query problems. Dates are written for the language
(:func:`hpos.ui.i18n.format_datetime`: "8 Nov 2025 14:42", "8 nov. 2025 14:42").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hpos.hpay.models import HistoryEntry, HistoryPage
from hpos.sales.model import Sale, SaleLine
from hpos.sales.reference import sale_number_in
from hpos.sales.states import SaleState
from hpos.ui.i18n import format_datetime
from hpos.ui.money import format_money

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient

SOURCE_HPAY = "hpay"
SOURCE_JOURNAL = "journal"
STATUS_FILTERS = ("PAID", "UNPAID")

#: The column titles in English (the source texts; :func:`column_title` translates).
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryRows", "Date"),
    QT_TRANSLATE_NOOP("HistoryRows", "Sale"),
    QT_TRANSLATE_NOOP("HistoryRows", "Transaction"),
    QT_TRANSLATE_NOOP("HistoryRows", "Product"),
    QT_TRANSLATE_NOOP("HistoryRows", "Amount"),
    QT_TRANSLATE_NOOP("HistoryRows", "Fees"),
    QT_TRANSLATE_NOOP("HistoryRows", "Status"),
    QT_TRANSLATE_NOOP("HistoryRows", "Mode"),
)


class Column(IntEnum):
    """The table's columns, left to right: a member is the model's column number."""

    DATE = 0
    SALE = 1  # the sale number, "DEMO-000004" (as on the PAID screen and the receipt)
    TXID = 2
    PRODUCT = 3
    AMOUNT = 4
    FEES = 5
    STATUS = 6
    MODE = 7


#: The same columns under flat names.
COL_DATE, COL_SALE, COL_TXID, COL_PRODUCT, COL_AMOUNT, COL_FEES, COL_STATUS, COL_MODE = Column

#: What the user reads for each status (HPAY's, the journal's); others are shown as they are.
_STATUS_TEXTS = {
    "PAID": QT_TRANSLATE_NOOP("HistoryRows", "PAID"),
    "PAID LATE": QT_TRANSLATE_NOOP("HistoryRows", "PAID LATE"),
    "UNPAID": QT_TRANSLATE_NOOP("HistoryRows", "UNPAID"),
    "CREATED": QT_TRANSLATE_NOOP("HistoryRows", "CREATED"),
    "REQUESTING": QT_TRANSLATE_NOOP("HistoryRows", "REQUESTING"),
    "AWAITING": QT_TRANSLATE_NOOP("HistoryRows", "AWAITING"),
    "CANCELLED": QT_TRANSLATE_NOOP("HistoryRows", "CANCELLED"),
    "EXPIRED": QT_TRANSLATE_NOOP("HistoryRows", "EXPIRED"),
    "FAILED": QT_TRANSLATE_NOOP("HistoryRows", "FAILED"),
    "UNKNOWN": QT_TRANSLATE_NOOP("HistoryRows", "UNKNOWN"),
    "REVIEW": QT_TRANSLATE_NOOP("HistoryRows", "REVIEW"),
}

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
    cashier: str = ""  # who served (journal sales that recorded it; "" otherwise)
    #: A cart sale's lines as sold (journal sales; HPAY's history has none).
    lines: tuple[SaleLine, ...] = ()

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
            return QCoreApplication.translate(
                "HistoryRows", "Unknown history source {source}."
            ).format(source=repr(self.source))
        if self.status is not None and self.status not in STATUS_FILTERS:
            return QCoreApplication.translate(
                "HistoryRows", "Unknown status filter {status}."
            ).format(status=repr(self.status))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            return QCoreApplication.translate(
                "HistoryRows", "The start date is after the end date."
            )
        return None


def column_title(column: int) -> str:
    """The title of a column, in the current language."""
    return QCoreApplication.translate("HistoryRows", COLUMNS[column])


def status_text(status: str) -> str:
    """A status as the user reads it ("PAID" → "PAYÉ" in French); unknown ones unchanged."""
    source = _STATUS_TEXTS.get(status)
    return status if source is None else QCoreApplication.translate("HistoryRows", source)


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
        cashier=sale.cashier or "",
        lines=sale.lines,
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
    """A moment in local time for the UI language: "8 Nov 2025 14:42" / "8 nov. 2025 14:42"."""
    return format_datetime(value, seconds=seconds)


def money_text(amount: Decimal | None, currency: str) -> str:
    """ "14 900 XOF", "12.50 CAD" (as on the cashier screen); "" when unknown."""
    return "" if amount is None else format_money(amount, currency)


def shown_fees(row: HistoryRow) -> Decimal | None:
    """The fees a row shows: only where money moved (PAID, PAID LATE); None elsewhere.

    HPAY quotes fees for a payment still unpaid and the journal keeps them for a
    cancelled sale; no fee was charged there, so none is shown, exported or added up.
    """
    return row.fees if row.is_paid else None


def net_amount(row: HistoryRow) -> Decimal | None:
    """What the shop keeps of a paid row (amount less fees); None when unpaid or fees unknown."""
    fees = shown_fees(row)
    return None if fees is None else row.amount - fees


def status_matches(row: HistoryRow, status: str | None) -> bool:
    """The journal's reading of the status filter: PAID (late included) or not."""
    if status is None:
        return True
    return row.is_paid if status == "PAID" else not row.is_paid


def read_hpay_page(client: HpayClient, query: HistoryQuery, offset: int, count: int) -> HistoryPage:
    """One page of HPAY's history for ``query`` (blocking: run it on the Runner)."""
    return client.history(
        status=query.status,
        date_from=query.date_from,
        date_to=query.date_to,
        offset=offset,
        count=count,
    )
