"""WatcherClock: the payment watcher's due checks, timed by one QTimer, run on the Runner.

A single-shot QTimer is armed at ``watcher.next_due()``; each tick runs
``watcher.run_due`` in the background (at most one in flight) and re-arms the
timer when it is done; a tick that raised (a bug or a broken journal) re-arms
after a pause, never in a busy loop. The clock does nothing until
:meth:`WatcherClock.watch` hands it the ready service, and nothing after
:meth:`WatcherClock.stop`. :class:`~hpos.ui.controller.sale.SaleController` owns one
and re-arms it whenever a sale may have a new due time.
"""

from __future__ import annotations

import logging
import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.sales.model import Sale
    from hpos.sales.service import SalesService

log = logging.getLogger("hpos.ui.controller.sale")  # the controller's log lines

#: Pause after a watcher tick that raised (a bug or a broken journal): no busy loop.
_RETRY_AFTER_FAILURE_MS = 1000


class WatcherClock(QObject):
    """Runs ``service.watcher.run_due`` when it is due, one tick at a time."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._service: SalesService | None = None
        self._ticking = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    def watch(self, service: SalesService) -> None:
        """From now on :meth:`arm` follows the watcher of ``service`` (the sales are ready)."""
        self._service = service

    def stop(self) -> None:
        """Stop ticking for good."""
        self._stopped = True
        self._timer.stop()

    def interval_ms(self) -> int | None:
        """The timer's delay when armed, else None (for tests)."""
        return self._timer.interval() if self._timer.isActive() else None

    def arm(self, min_delay_ms: int = 0) -> None:
        """(Re)arm the single-shot timer at the watcher's next due check."""
        service = self._service
        if service is None or self._stopped or self._ticking:
            return  # a tick in flight re-arms when it is done
        due = service.watcher.next_due()
        if due is None:
            self._timer.stop()
            return
        delay_ms = max(min_delay_ms, math.ceil((due - time.monotonic()) * 1000))
        self._timer.start(delay_ms)

    @Slot()
    def _tick(self) -> None:
        service = self._service
        if service is None or self._stopped or self._ticking:
            return
        self._ticking = True
        self._runner.submit(
            service.watcher.run_due,
            on_done=self._tick_done,
            on_error=self._tick_failed,
            name="payment watcher",
        )

    def _tick_done(self, _changed: list[Sale]) -> None:
        self._ticking = False
        self.arm()

    def _tick_failed(self, exc: BaseException) -> None:
        self._ticking = False
        log.error("payment watcher tick failed: %r", exc)
        self.arm(min_delay_ms=_RETRY_AFTER_FAILURE_MS)
