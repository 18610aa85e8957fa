"""SaleController: drives a SalesService from the GUI thread through the Runner.

Everything blocking — opening the profile's journal, the token, recovery,
charges, cancels and the watcher's checks — runs on the :class:`~hpos.ui.runner.Runner`.
Results and the sales layer's events come back as Qt signals on the GUI thread:

- the service's listener is called on worker threads; it only emits a private
  signal from there, which Qt queues to this object's (GUI) thread; widgets are
  never touched from a worker;
- the watcher's checks are timed by a :class:`~hpos.ui.controller.clock.WatcherClock`
  (one QTimer, at most one tick in flight), re-armed whenever a sale may have a
  new due time;
- at most one charge is in flight: a second Enter or click cannot create a
  second payment (:meth:`SaleController.charge` returns False).

Signals carry plain data (Sale, SaleEvent, Token, str), never widgets. A sale
seen twice (e.g. a charge result arriving after the watcher already saw it
PAID) never goes backwards: the controller always re-emits the most advanced
version (:class:`~hpos.ui.controller.latest.LatestSales`). The sentences for the
cashier are in :mod:`hpos.ui.controller.text`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from hpos.hpay.errors import HpayError
from hpos.ui.controller.clock import WatcherClock
from hpos.ui.controller.latest import LatestSales
from hpos.ui.controller.text import cancel_text, error_text, event_text, last_known_text
from hpos.ui.runner import Runner

if TYPE_CHECKING:  # the HPAY and sale models load with the client and the sales service
    from hpos.hpay.models import Token
    from hpos.sales.catalogue import CatalogueIndex
    from hpos.sales.catalogue_store import CatalogueStore
    from hpos.sales.model import Sale, SaleEvent, SaleLine
    from hpos.sales.service import SalesService

__all__ = ["SaleController", "StartCancelled", "error_text", "event_text"]

log = logging.getLogger(__name__)


def read_catalogue(store: CatalogueStore, currency: str) -> tuple[CatalogueIndex, str | None]:
    """On a worker: the index of the items for sale, and the catalogue's currency when its
    prices are in another one than the account's ``currency`` (then no item is for sale)."""
    from hpos.sales.catalogue import CatalogueIndex  # with the sales service, on a worker

    kept = store.currency
    if kept is not None and kept != currency:
        return CatalogueIndex(), kept
    return CatalogueIndex.build(store.items()), None


class StartCancelled(Exception):
    """The controller was stopped while its sales service was opening (not an error)."""


class SaleController(QObject):
    """The GUI's handle on the sales layer; every slow call runs on the Runner."""

    #: The token (currency, company, mode) once the service is open and recovered.
    ready = Signal(object)
    #: Start-up failed (profile locked, journal unreadable, HPAY unreachable...).
    failed_to_start = Signal(str)
    #: A sale's new state: every "state" event and every result of charge/cancel/check.
    sale_changed = Signal(object)
    #: Every SaleEvent ("state", "checked", "connection_lost", "connection_restored", "stopped").
    sale_event = Signal(object)
    #: The sale a :meth:`charge` ended with (AWAITING, FAILED or UNKNOWN); sale_changed follows.
    charged = Signal(object)
    #: A charge that could not even start (nothing sent): invalid amount, no token, journal...
    charge_failed = Signal(str)
    #: The request left but the journal could not record its answer (``AnswerNotRecorded``):
    #: (the sale as the journal last held it, REQUESTING or UNKNOWN; the journal's problem,
    #: naming its file). Outcome unknown: never charge again; the watcher (or the next
    #: start) finds the payment.
    charge_unrecorded = Signal(object, str)
    #: The result of :meth:`check_now`: (the sale, "" when HPAY was asked, else a
    #: "Last known, not refreshed: <reason>" sentence: the sale is only its last known state).
    refreshed = Signal(object, str)
    #: A cancel that did not happen (e.g. the sale was paid meanwhile): (sale id, message).
    cancel_failed = Signal(int, str)
    #: Starting, charging or cancelling is in flight (the cashier's inputs lock).
    busy_changed = Signal(bool)
    #: The sales recovery resumed at start-up (list of Sale).
    recovered = Signal(list)
    #: The catalogue's items not archived, read on a worker once ready and again on
    #: :meth:`reload_catalogue` (a ``CatalogueIndex``: plain, immutable data; empty when
    #: the shop has no items, or when its prices are in another currency).
    catalogue_loaded = Signal(object)
    #: Why the catalogue could not be used (journal unreadable, prices in another currency).
    catalogue_failed = Signal(str)

    #: Internal: emitted on a worker thread by the listener, delivered queued here.
    _event_from_worker = Signal(object)

    def __init__(
        self,
        open_service: Callable[[], SalesService],
        runner: Runner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_service = open_service
        self._runner = runner
        self._service: SalesService | None = None
        self._token: Token | None = None
        self._cashier: str | None = None  # who serves the next sales (the shift picker)
        self._starting = False
        self._charging = False
        self._cancelling: set[int] = set()
        self._stopped = False
        self._pending_lock = threading.Lock()
        self._pending: SalesService | None = None  # opened on a worker, not yet taken here
        self._busy = False
        self._latest = LatestSales()
        self._loading_catalogue = False
        self._reload_again = False  # a change came while the catalogue was being read
        self._clock = WatcherClock(runner, self)
        self._event_from_worker.connect(self._on_event)

    # -- state ------------------------------------------------------------------------

    @property
    def service(self) -> SalesService | None:
        """The open service (None before start-up opened it). The app closes it."""
        return self._service

    def current_token(self) -> Token | None:
        """The token fetched at start-up (currency, company, mode), None until ready."""
        return self._token

    @property
    def is_ready(self) -> bool:
        """Started and not stopped: charges are accepted."""
        return self._token is not None and not self._stopped

    @property
    def is_busy(self) -> bool:
        """Starting, charging or cancelling."""
        return self._busy

    @property
    def is_charging(self) -> bool:
        """A charge is in flight."""
        return self._charging

    def latest(self, sale_id: int) -> Sale | None:
        """The most advanced version of a sale this controller has seen."""
        return self._latest.get(sale_id)

    def timer_interval_ms(self) -> int | None:
        """The watcher timer's delay when armed, else None (for tests)."""
        return self._clock.interval_ms()

    # -- start-up ---------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Open the service, fetch the token and recover, in the background.

        May be called again after ``failed_to_start`` (a service already opened is kept).
        """
        if self._starting or self._stopped or self._token is not None:
            return
        self._starting = True
        self._update_busy()
        if self._service is None:
            self._runner.submit(
                self._open_unless_stopped,
                on_done=self._opened,
                on_error=self._start_failed,
                name="open sales service",
            )
        else:
            self._submit_prepare()

    def _open_unless_stopped(self) -> SalesService:
        """On a worker: open the service; one opened after ``stop()`` is closed at once.

        Otherwise a window closed (or a workspace rebuilt) while the journal was opening
        would keep the profile lock held by a service nobody owns.
        """
        service = self._open_service()
        with self._pending_lock:
            if not self._stopped:
                self._pending = service
                return service
        service.close()
        raise StartCancelled("the till was closed while it was opening")

    def release_unclaimed(self) -> None:
        """After the runner shut down: close a service opened on a worker whose result
        never reached the GUI thread (the window closed meanwhile), so its profile lock
        and journal are let go."""
        with self._pending_lock:
            service, self._pending = self._pending, None
        if service is not None:
            service.close()

    def _opened(self, service: SalesService) -> None:
        with self._pending_lock:
            if self._pending is not service:
                return  # released by release_unclaimed() already
            self._pending = None
        if self._stopped:
            self._starting = False
            if not self._runner.submit(service.close, name="close unused sales service"):
                service.close()
            return
        self._service = service
        service.add_listener(self.listen)
        self._runner.add_abort_hook(service.client.transport.abort)
        self._submit_prepare()

    def _submit_prepare(self) -> None:
        service = self._service
        assert service is not None

        def prepare() -> tuple[Token, list[Sale]]:
            token = service.client.token()
            return token, service.recover()

        self._runner.submit(
            prepare, on_done=self._prepared, on_error=self._start_failed, name="token and recovery"
        )

    def _prepared(self, result: tuple[Token, list[Sale]]) -> None:
        token, recovered = result
        self._starting = False
        self._update_busy()
        if self._stopped:
            return
        self._token = token
        for sale in recovered:
            self._latest.remember(sale)
        assert self._service is not None  # opened before the token was asked for
        self._clock.watch(self._service)
        self.ready.emit(token)
        self.recovered.emit(list(recovered))
        self._clock.arm()
        self.reload_catalogue()

    def _start_failed(self, exc: BaseException) -> None:
        self._starting = False
        self._update_busy()
        if isinstance(exc, StartCancelled):
            return
        if not isinstance(exc, HpayError):
            log.error("HPOS could not start selling: %r", exc)
        self.failed_to_start.emit(error_text(exc))

    @Slot()
    def stop(self) -> None:
        """Stop ticking and accept no more work (the app then shuts the runner down)."""
        with self._pending_lock:
            self._stopped = True
        self._clock.stop()

    # -- the cashier's verbs ----------------------------------------------------------

    @property
    def cashier(self) -> str | None:
        """Who serves the sales charged from now on (None: not recorded)."""
        return self._cashier

    def set_cashier(self, name: str | None) -> None:
        """The cashier on duty changed (the shift picker): the next sales are theirs."""
        self._cashier = name or None

    def charge(
        self,
        amount: Decimal,
        product: str,
        description: str = "",
        *,
        lines: Sequence[SaleLine] = (),
    ) -> bool:
        """Start a sale in the background, served by :attr:`cashier` (a cart's ``lines``
        kept with it); False (ignored) if not ready or one is in flight."""
        service = self._service
        cashier = self.cashier
        if service is None or not self.is_ready or self._charging:
            return False
        if not isinstance(amount, Decimal):
            raise TypeError("amounts are Decimal")
        self._charging = True
        self._update_busy()

        def charge() -> Sale:
            sale = service.charge(amount, product, description, cashier=cashier, lines=lines)
            if sale.checkout_url:
                # imported here: the QR module loads with the payment page, after the first paint
                from hpos.ui.widgets.qr import build_matrix

                build_matrix(sale.checkout_url)  # here, not on the GUI thread (it is cached)
            return sale

        self._runner.submit(
            charge,
            on_done=self._charge_done,
            on_error=self._charge_error,
            name="charge",
        )
        return True

    def _charge_done(self, sale: Sale) -> None:
        self._charging = False
        self._update_busy()
        newest = self._latest.remember(sale)
        self.charged.emit(newest)
        self.sale_changed.emit(newest)
        self._clock.arm()

    def _charge_error(self, exc: BaseException) -> None:
        from hpos.sales.journal import JournalError  # loaded by the service already
        from hpos.sales.till import AnswerNotRecorded

        self._charging = False
        self._update_busy()
        if isinstance(exc, AnswerNotRecorded):  # the request left: never "try again"
            log.warning("charge: %s", exc.message)
            newest = self._latest.remember(exc.sale)
            self.charge_unrecorded.emit(newest, str(exc.journal_error))
            self.sale_changed.emit(newest)
            self._clock.arm()
            return
        if not isinstance(exc, HpayError | JournalError):
            log.error("charge failed: %r", exc)
        self.charge_failed.emit(error_text(exc))

    def cancel(self, sale_id: int) -> bool:
        """Cancel an awaiting sale in the background; False if not possible now."""
        service = self._service
        if service is None or self._stopped or sale_id in self._cancelling:
            return False
        self._cancelling.add(sale_id)
        self._update_busy()

        def done(sale: Sale) -> None:
            self._cancelling.discard(sale_id)
            self._update_busy()
            self.sale_changed.emit(self._latest.remember(sale))
            self._clock.arm()

        def failed(exc: BaseException) -> None:
            self._cancelling.discard(sale_id)
            self._update_busy()
            log.info("cancel of sale %s refused: %r", sale_id, exc)
            self.cancel_failed.emit(sale_id, cancel_text(exc))

        self._runner.submit(
            lambda: service.cancel(sale_id), on_done=done, on_error=failed, name="cancel"
        )
        return True

    def check_now(self, sale_id: int) -> bool:
        """Ask HPAY about one sale right away (in the background); :attr:`refreshed` follows.

        When HPAY could not be asked, the sale comes back as its *last known* state
        with the reason (``watcher.refresh``), never as if it were current.
        """
        service = self._service
        if service is None or self._stopped:
            return False

        def done(result: tuple[Sale, HpayError | None]) -> None:
            sale, error = result
            newest = self._latest.remember(sale)
            self.sale_changed.emit(newest)
            self.refreshed.emit(newest, "" if error is None else last_known_text(error))
            self._clock.arm()

        def failed(exc: BaseException) -> None:
            log.warning("check of sale %s failed: %r", sale_id, exc)
            known = self._latest.get(sale_id)
            if known is not None:
                self.refreshed.emit(known, last_known_text(exc))

        self._runner.submit(
            lambda: service.watcher.refresh(sale_id), on_done=done, on_error=failed, name="check"
        )
        return True

    # -- the catalogue ------------------------------------------------------------------

    @Slot()
    def reload_catalogue(self) -> bool:
        """Read the catalogue again on a worker (the manager changed it); False if not now.

        :attr:`catalogue_loaded` follows with the new index. A reload asked for while one
        is reading runs again once it ends, so the last change is never missed.
        """
        service, token = self._service, self._token
        if service is None or token is None or self._stopped:
            return False
        if self._loading_catalogue:
            self._reload_again = True
            return True
        self._loading_catalogue = True
        store, currency = service.journal.catalogue, token.currency
        self._runner.submit(
            lambda: read_catalogue(store, currency),
            on_done=self._catalogue_read,
            on_error=self._catalogue_error,
            name="read catalogue",
        )
        return True

    def _catalogue_read(self, result: tuple[CatalogueIndex, str | None]) -> None:
        index, kept = result
        if self._catalogue_done():
            return
        self.catalogue_loaded.emit(index)
        token = self._token
        if kept is not None and token is not None:
            text = QCoreApplication.translate(
                "SaleController",
                "The catalogue's prices are in {kept}; this account charges in {currency}."
                " The quick keys and the scanner are off.",
            )
            self.catalogue_failed.emit(text.format(kept=kept, currency=token.currency))

    def _catalogue_error(self, exc: BaseException) -> None:
        log.warning("the catalogue could not be read: %r", exc)
        if self._catalogue_done():
            return
        self.catalogue_failed.emit(error_text(exc))

    def _catalogue_done(self) -> bool:
        """One read ended: True when another starts instead (a change came meanwhile)."""
        self._loading_catalogue = False
        if self._stopped:
            return True
        if self._reload_again:
            self._reload_again = False
            return self.reload_catalogue()
        return False

    # -- events from the sales layer ---------------------------------------------------

    def listen(self, event: SaleEvent) -> None:
        """The service's listener: called on any thread, only re-emits (queued to the GUI)."""
        self._event_from_worker.emit(event)

    @Slot(object)
    def _on_event(self, event: SaleEvent) -> None:
        newest = self._latest.remember(event.sale)
        self.sale_event.emit(event)
        if event.kind == "state":
            self.sale_changed.emit(newest)

    def _update_busy(self) -> None:
        busy = self._starting or self._charging or bool(self._cancelling)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
