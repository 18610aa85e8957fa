"""Opening a history row's details, and reading that row afresh before saying its status.

A row on screen may be minutes old. When its details open, :class:`DetailsOpener`
asks again, on the :class:`~hpos.ui.runner.Runner`:

- a row of this till's journal whose sale is still open (AWAITING, UNKNOWN,
  CANCELLED, EXPIRED): the payment watcher checks it with HPAY
  (``watcher.refresh``, the same check as the cashier's "Check now");
- a row of HPAY's history: its payment is looked up again (``find_payment``).

The dialog then says "Checked with HPAY at …", or, when HPAY could not be read,
"Last known, not refreshed: <reason>" with the status marked as last known: a
stale state is never shown as current. Rows whose state cannot change any more
(PAID, FAILED, REVIEW waiting for a person) are shown as they are.

:class:`LiveRefresh` keeps the rows current without Refresh: whenever a sale this till
watches changes state (the window tells the pane), the loaded rows are re-read and
merged in place (:meth:`~hpos.ui.history.model.HistoryModel.refresh_quietly`) a moment
later, several changes making one read; while the pane is hidden the read waits until
it is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from hpos.hpay.errors import HpayError
from hpos.ui.history.details import CheckUrl, DetailsDialog
from hpos.ui.history.rows import SOURCE_HPAY, HistoryRow, row_from_entry, row_from_sale
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hpos.hpay.client import HpayClient
    from hpos.sales.journal import Journal
    from hpos.sales.watcher import PaymentWatcher
    from hpos.ui.history.model import HistoryModel

log = logging.getLogger(__name__)

#: Delay between a sale's change and the history's read (changes in a burst make one read).
LIVE_REFRESH_MS = 300

#: Journal statuses the watcher may still change (others are final or wait for a person).
OPEN_STATUSES = frozenset({"AWAITING", "UNKNOWN", "CANCELLED", "EXPIRED"})


@dataclass(frozen=True)
class Fresh:
    """A row read again: ``row`` as it now stands, or as last known when ``error`` is set.

    ``missing``: HPAY's history no longer lists the payment (the row is the last known).
    """

    row: HistoryRow
    error: BaseException | None = None
    missing: bool = False


Job = Callable[[], Fresh]


def refresh_job(
    row: HistoryRow,
    *,
    client: HpayClient | None,
    journal: Journal | None,
    watcher: PaymentWatcher | None,
) -> Job | None:
    """The blocking job that reads ``row`` afresh (run it on the Runner); None: nothing to ask."""
    if row.source == SOURCE_HPAY:
        if client is None or not row.transaction_id:
            return None
        txid = row.transaction_id

        def hpay() -> Fresh:
            try:
                entry = client.find_payment(txid)
            except HpayError as exc:
                return Fresh(row, exc)
            return Fresh(row, missing=True) if entry is None else Fresh(row_from_entry(entry))

        return hpay
    if journal is None or watcher is None or not row.sale_number:
        return None
    if row.status not in OPEN_STATUSES:
        return None
    number = row.sale_number

    def journal_row() -> Fresh:
        sale = journal.find(number)
        if sale is None:
            raise KeyError(number)
        sale, error = watcher.refresh(sale.id)
        return Fresh(row_from_sale(sale), error)

    return journal_row


class DetailsOpener(QObject):
    """Opens one details dialog at a time and has its row read afresh in the background."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.dialog: DetailsDialog | None = None
        self._opened = 0  # dialogs opened so far: which one a late "destroyed" is about
        self.client: HpayClient | None = None
        self.journal: Journal | None = None
        self.watcher: PaymentWatcher | None = None

    def set_sources(
        self,
        client: HpayClient | None,
        journal: Journal | None,
        watcher: PaymentWatcher | None,
    ) -> None:
        """Where rows are read again from (None: that source is not open)."""
        self.client, self.journal, self.watcher = client, journal, watcher

    def open(self, row: HistoryRow, check_url: CheckUrl | None, parent: QObject) -> DetailsDialog:
        """Close the dialog open now, open ``row``'s (window-modal, not blocking), refresh it."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = DetailsDialog(row, check_url=check_url, parent=parent)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._opened += 1
        # a dialog closed just before is destroyed later: it must not forget this one
        dialog.destroyed.connect(lambda *_args, n=self._opened: self._gone(n))
        self.dialog = dialog
        job = refresh_job(row, client=self.client, journal=self.journal, watcher=self.watcher)
        if job is not None:
            dialog.set_checking()
            self._runner.submit(
                job,
                on_done=lambda fresh: self._done(dialog, fresh),
                on_error=lambda exc: self._done(dialog, Fresh(row, exc)),
                name="details refresh",
            )
        dialog.open()
        return dialog

    def _done(self, dialog: DetailsDialog, fresh: Fresh) -> None:
        if self.dialog is not dialog:  # closed, or another row's dialog opened meanwhile
            return
        if fresh.error is not None:
            log.info("details of %s not refreshed: %r", fresh.row.key, fresh.error)
            dialog.set_not_refreshed(fresh.row, fresh.error)
        elif fresh.missing:
            dialog.set_not_listed()
        else:
            dialog.set_refreshed(fresh.row)

    def _gone(self, number: int) -> None:
        if number == self._opened:
            self.dialog = None


class LiveRefresh(QObject):
    """Reads the loaded rows again shortly after a sale changed, or when next shown.

    Uses only the model's :meth:`refresh_quietly` (the rows merged in place: the selection
    and the scroll position stay); a read already in flight is waited for, not doubled.
    """

    def __init__(self, model: HistoryModel, pane: QWidget, delay_ms: int = LIVE_REFRESH_MS):
        super().__init__(pane)
        self._model = model
        self._pane = pane
        self._stale = False  # a change came while the pane was hidden
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._due)

    def changed(self) -> None:
        """A sale changed: read the rows again a moment from now (or once shown)."""
        self._stale = True
        if self._pane.isVisible():
            self._timer.start()

    def shown(self) -> None:
        """The pane is shown: read the rows now if a change came while it was hidden."""
        if self._stale and not self._timer.isActive():
            self._timer.start(0)

    @Slot()
    def _due(self) -> None:
        model = self._model
        if not self._pane.isVisible() or not model.source_available():
            return  # stays stale: read when shown
        if model.is_loading:
            self._timer.start()  # that read may predate the change: once more after it
            return
        if model.refresh_quietly():
            self._stale = False
