"""The cells of the history table: text, alignment, colour, bold and tool tip of each role.

:func:`cell_value` answers ``data(index, role)`` for one row and column: the
texts of the current language (statuses, dates, money), amounts aligned right,
PAID in green, PAID LATE in orange, problems and TEST in red, the status (and
TEST) in bold, tool tips for a late payment, a TEST payment and the description.
Fees only on the rows where money moved (PAID, PAID LATE: "—" when HPAY did not
say them); on every other row the fee cell is empty. ``ROW_ROLE`` gives the row
itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from hpos.ui.history.rows import (
    Column,
    HistoryRow,
    local_time_text,
    money_text,
    shown_fees,
    status_text,
)

#: ``data(index, ROW_ROLE)`` is the row's :class:`HistoryRow`.
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1

_PAID_COLOR = QColor("#1b5e20")
_LATE_COLOR = QColor("#e65100")
_PROBLEM_COLOR = QColor("#b71c1c")
_TEST_COLOR = QColor("#b71c1c")
_PROBLEM_STATES = frozenset({"FAILED", "UNKNOWN", "REVIEW"})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def cell_value(row: HistoryRow, column: int, role: int) -> Any:
    """What a cell of ``row`` in ``column`` shows for ``role`` (None: nothing)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(row, column)
    if role == ROW_ROLE:
        return row
    if role == Qt.ItemDataRole.TextAlignmentRole:
        if column in (Column.AMOUNT, Column.FEES):
            return _RIGHT
        return _LEFT
    if role == Qt.ItemDataRole.ForegroundRole:
        return _color(row, column)
    if role == Qt.ItemDataRole.FontRole and (
        column == Column.STATUS or (column == Column.MODE and row.is_test)
    ):
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(row, column)
    return None


def _display(row: HistoryRow, column: int) -> str:
    if column == Column.DATE:
        return local_time_text(row.date)
    if column == Column.SALE:
        return row.sale_number or "—"
    if column == Column.TXID:
        return row.transaction_id or "—"
    if column == Column.PRODUCT:
        return row.product
    if column == Column.AMOUNT:
        return money_text(row.amount, row.currency)
    if column == Column.FEES:
        if not row.is_paid:
            return ""
        return money_text(shown_fees(row), row.currency) or "—"
    if column == Column.STATUS:
        return status_text(row.status)
    return row.mode


def _color(row: HistoryRow, column: int) -> QColor | None:
    if column == Column.STATUS:
        if row.paid_late:
            return _LATE_COLOR
        if row.is_paid:
            return _PAID_COLOR
        if row.status in _PROBLEM_STATES:
            return _PROBLEM_COLOR
    if column == Column.MODE and row.is_test:
        return _TEST_COLOR
    return None


def _tooltip(row: HistoryRow, column: int) -> str | None:
    if column == Column.STATUS and row.paid_late:
        return QCoreApplication.translate(
            "HistoryTable", "Paid after the sale was cancelled or expired."
        )
    if column == Column.MODE and row.is_test:
        return QCoreApplication.translate("HistoryTable", "TEST mode: no real money moved.")
    if column == Column.SALE and row.sale_number:
        return row.sale_number  # the whole number, when a long till name elides it
    if column == Column.TXID and row.transaction_id:
        return row.transaction_id
    if column == Column.PRODUCT and row.description:
        return row.description
    return None
