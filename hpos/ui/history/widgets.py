"""The widgets of the history pane: the table view, date edits, labels, URL checker.

Small builders with no state of their own: :func:`make_history_view` sets up the
sortable table (selection, sort indicator; :func:`fit_columns` sizes the columns
for the texts of the current language); :func:`date_edit`,
:func:`day_of` and :func:`buddy` are the filter row's pieces; and
:func:`checkout_checker` turns a client's checkout-URL policy into the callable
:class:`~hpos.ui.history.details.DetailsDialog` uses before it shows a QR.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import CheckoutUrlPolicy
from hpos.ui.history.details import CheckUrl
from hpos.ui.history.rows import Column, column_title, local_time_text, money_text, status_text

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient

log = logging.getLogger(__name__)


def checkout_checker(client: HpayClient | None) -> CheckUrl | None:
    """The client's checkout-URL policy (its checkout hosts and its own host) as a callable."""
    if client is None:
        return None
    cfg = client.config
    host = urlsplit(cfg.base_url).hostname or ""
    try:
        return CheckoutUrlPolicy((*cfg.checkout_hosts, *([host] if host else []))).check
    except ConfigError:
        log.warning("no checkout-URL policy for the history: invalid checkout host")
        return None


def make_history_view(proxy: QAbstractItemModel) -> QTableView:
    """The history table: whole rows selected, newest first, columns sized to fit."""
    view = QTableView()
    view.setModel(proxy)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    fit_columns(view)
    header.setSectionResizeMode(Column.PRODUCT, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(48)
    return view


def fit_columns(view: QTableView) -> None:
    """Size the fixed columns for their widest usual text (and title) in the current language."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    statuses = ("CANCELLED", "PAID LATE", "UNPAID", "AWAITING", "EXPIRED")
    months = range(1, 13)
    samples = {
        Column.DATE: [local_time_text(datetime(2026, m, 28, 12, 0, tzinfo=UTC)) for m in months],
        Column.SALE: ["TILL1-000000", "DEMO-000000"],  # a longer till name elides (tool tip)
        # HPAY's ids are 10-14 letters and digits; a wider one elides (tool tip)
        Column.TXID: ["AabBzZ190002AZ", "ceXefesOplMWQZ"],
        Column.AMOUNT: [money_text(Decimal("999999.99"), c) for c in ("XOF", "CAD", "EUR")],
        Column.FEES: [money_text(Decimal("99999.99"), c) for c in ("XOF", "CAD", "EUR")],
        Column.STATUS: [status_text(s) for s in statuses],
        Column.MODE: ["PROD"],
    }
    for column, texts in samples.items():
        widest = max(metrics.horizontalAdvance(t) for t in [*texts, column_title(column)])
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, widest + 28)


def date_edit(initial: QDate) -> QDateEdit:
    """A date edit with a calendar popup, showing "2025-11-08"."""
    edit = QDateEdit(initial)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> date:
    """The day an edit shows, as a :class:`datetime.date`."""
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (``&S``) focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
