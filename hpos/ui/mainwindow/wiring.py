"""How the window's parts follow the sale controller: what each is told, and when.

:class:`ControllerWiring` connects each new controller (one per workspace: the window
builds a new one when the settings change or the demo starts) to the parts that show
its news:

- ready: the history pane and the journal banner get the service's sources, the
  receipts the company's name, the TEST MODE banner and the status line the account
  (the token's mode first), and the balance starts;
- failed to start: the status line and a warning box say why;
- the sales recovered at start-up and every sale changed: the sales awaiting payment
  are kept, and the newest one still within its payment window is the one F3 and the
  demo's "Simulate customer payment" use (after a restart too); a PAID sale refreshes
  the balance and makes the automatic receipt when that setting is on; the history
  pane, when built, reads the changed rows again by itself (no Refresh needed);
- a sale event: "connection lost" and, once a check succeeds again, "connected";
- the catalogue changed (the Owner menu's catalogue page wrote it): the controller reads
  it again on its runner, and the cashier's quick keys and scanner use the new one.

The texts keep the ``MainWindow`` translation context they had in the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance, Slot
from PySide6.QtWidgets import QWidget

from hpos.sales.states import SaleState
from hpos.ui.controller.latest import newest_waiting

if TYPE_CHECKING:
    from hpos.sales.model import Sale
    from hpos.ui.history.pane import HistoryPane
    from hpos.ui.mainwindow.chrome import DemoBar
    from hpos.ui.mainwindow.journal_banner import JournalBanner
    from hpos.ui.mainwindow.status import StatusLine
    from hpos.ui.receipts.actions import ReceiptActions


class ControllerWiring(QObject):
    """The window's parts, told what the current sale controller reports.

    ``history`` gives the history pane if it was built (never builds it), ``mode`` the
    profile's mode, ``demo_running`` whether the demo's sandbox plays HPAY; ``warn(title,
    message)`` opens the window's warning box; ``expiry`` the payment window of a sale
    (the settings' link expiry).
    """

    def __init__(
        self,
        window: QWidget,
        *,
        status_line: StatusLine,
        receipts: Callable[[], ReceiptActions],  # built on first use
        journal_banner: Callable[[], JournalBanner],  # built on first use
        test_banner: QWidget,
        demo_bar: Callable[[], DemoBar | None],  # None: no demo ran
        history: Callable[[], HistoryPane | None],
        mode: Callable[[], str],
        demo_running: Callable[[], bool],
        warn: Callable[[str, str], object],
        expiry: Callable[[], timedelta] = lambda: timedelta(minutes=15),
        catalogue_changed: SignalInstance | None = None,
    ) -> None:
        super().__init__(window)
        self._warn = warn
        self._status = status_line
        self._receipts = receipts
        self._journal_banner = journal_banner
        self._test_banner = test_banner
        self._demo_bar = demo_bar
        self._history = history
        self._mode = mode
        self._demo_running = demo_running
        self._controller: Any = None
        self._connection_lost = False
        self._expiry = expiry
        self._awaiting: dict[int, Sale] = {}  # sales seen AWAITING payment, by id
        if catalogue_changed is not None:
            catalogue_changed.connect(self.reload_catalogue)

    @property
    def last_awaiting(self) -> Sale | None:
        """The newest sale awaiting payment within its payment window (F3's), or None."""
        now = datetime.now(UTC)
        return newest_waiting(self._awaiting.values(), expiry=self._expiry(), now=now)

    def follow(self, controller: Any) -> None:
        """Tell the parts what ``controller`` (the new workspace's) reports from now on."""
        self._controller = controller
        self._connection_lost = False
        self._awaiting.clear()  # the new controller's recovery says them again
        controller.ready.connect(self._on_ready)
        controller.failed_to_start.connect(self._on_start_failed)
        controller.sale_changed.connect(self._on_sale_changed)
        controller.sale_event.connect(self._on_sale_event)
        controller.recovered.connect(self._on_recovered)

    @Slot()
    def reload_catalogue(self) -> None:
        """The catalogue changed: the current controller reads it again (in the background)."""
        if self._controller is not None:
            self._controller.reload_catalogue()

    @Slot(object)
    def _on_ready(self, token: Any) -> None:
        service = self._controller.service if self._controller is not None else None
        history = self._history()
        if service is not None and history is not None:
            history.set_sources(service.client, service.journal, service.watcher)
        if service is not None:
            self._journal_banner().follow(service.journal)  # its notice, read when it opened
        mode = token.mode or self._mode()
        receipts = self._receipts()
        receipts.company = token.company
        receipts.prepare_folders()  # the file dialogs' start folder, read on a worker
        self._test_banner.setVisible(mode == "TEST")
        self._status.say(lambda: QCoreApplication.translate("MainWindow", "Connected to HPAY"))
        self._status.show_account(lambda: f"{token.company} · {mode} · {token.currency}")
        self._status.start_balance()

    @Slot(str)
    def _on_start_failed(self, message: str) -> None:
        self._status.say(lambda: message)
        self._warn(QCoreApplication.translate("MainWindow", "HPOS cannot start selling"), message)

    def _update_simulate(self) -> None:
        """The DEMO bar's "Simulate customer payment": enabled while a sale awaits payment."""
        bar = self._demo_bar()
        if bar is not None:
            bar.simulate.setEnabled(self._demo_running() and self.last_awaiting is not None)

    @Slot(list)
    def _on_recovered(self, sales: list[Sale]) -> None:
        for sale in sales:
            if sale.state is SaleState.AWAITING:
                self._awaiting[sale.id] = self._controller.latest(sale.id) or sale
        self._update_simulate()

    @Slot(object)
    def _on_sale_changed(self, sale: Sale) -> None:
        if sale.state is SaleState.AWAITING:
            self._awaiting[sale.id] = sale
        else:
            self._awaiting.pop(sale.id, None)
        self._update_simulate()
        history = self._history()
        if history is not None:
            history.sale_changed()  # its rows are read again, shortly
        if sale.state is SaleState.PAID:
            self._status.refresh_balance()
            self._receipts().sale_paid(sale)  # automatic receipt, when that setting is on

    @Slot(object)
    def _on_sale_event(self, event: Any) -> None:
        if event.kind == "connection_lost":
            self._connection_lost = True
            self._status.say(
                lambda: QCoreApplication.translate(
                    "MainWindow", "Connection to HPAY lost — retrying; no sale is lost."
                )
            )
        elif self._connection_lost and (
            event.kind == "connection_restored" or (event.kind == "checked" and event.error is None)
        ):
            self._connection_lost = False
            self._status.say(lambda: QCoreApplication.translate("MainWindow", "Connected to HPAY"))
