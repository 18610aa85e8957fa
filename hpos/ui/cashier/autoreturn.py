"""The PAID page's automatic return to the keypad: a countdown that waits while a dialog is open.

After PAID the cashier screen goes back to an empty keypad by itself after the
"auto-return" delay. It must not do so behind a dialog the cashier is busy with
(the Print dialog, Save as PDF, a message box, the settings, a payment's
details...): :class:`AutoReturn` pauses while :func:`dialog_open` says one is
open, whatever opened it, and resumes when the last one closes, with the time
that was left but never less than :data:`RESUME_MIN_MS`, so the cashier sees the
PAID page again before it goes.

It notices a dialog when the screen's countdown ticks (:meth:`AutoReturn.check`,
four times a second), when the keyboard focus moves to another window, and once
more at the very moment the delay runs out; so the return never happens while a
dialog shows. No disk, no network: the GUI thread only.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

__all__ = ["RESUME_MIN_MS", "AutoReturn", "dialog_open"]

#: After a dialog closes, at least this long (ms) before the automatic return.
RESUME_MIN_MS = 3000


def dialog_open() -> bool:
    """True while any modal widget or any dialog window of the application is shown."""
    if QApplication.activeModalWidget() is not None:
        return True
    return any(
        isinstance(widget, QDialog) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


class AutoReturn(QObject):
    """A one-shot countdown that stops while ``blocked()`` and resumes after it.

    ``due`` is emitted once when the countdown ends with nothing open over the window.
    """

    #: The delay ran out with no dialog open: time for a new sale.
    due = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        blocked: Callable[[], bool] = dialog_open,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._blocked = blocked
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ran_out)
        self._running = False  # a countdown is on (running or paused)
        self._paused = False
        self._deadline = 0.0  # clock time of the return, while running
        self._left_ms = 0  # what was left when it paused
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_moved)

    # -- control ------------------------------------------------------------------------

    def start(self, ms: int) -> None:
        """Count ``ms`` milliseconds from now (paused at once if a dialog is open); 0: off."""
        self.stop()
        if ms <= 0:
            return
        self._running = True
        self._run(ms)
        self.check()

    def stop(self) -> None:
        """No automatic return."""
        self._timer.stop()
        self._running = self._paused = False

    @Slot()
    def check(self) -> None:
        """Pause when a dialog opened, resume when none is left."""
        if not self._running:
            return
        blocked = self._blocked()
        if blocked and not self._paused:
            self._left_ms = max(0, round((self._deadline - self._clock()) * 1000))
            self._timer.stop()
            self._paused = True
        elif not blocked and self._paused:
            self._paused = False
            self._run(max(self._left_ms, RESUME_MIN_MS))

    # -- state --------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """A countdown is on (running or paused)."""
        return self._running

    @property
    def paused(self) -> bool:
        """The countdown waits for a dialog to close."""
        return self._running and self._paused

    def seconds_left(self) -> int:
        """Whole seconds before the return (rounded up; frozen while paused)."""
        if not self._running:
            return 0
        left_ms = self._left_ms if self._paused else (self._deadline - self._clock()) * 1000
        return max(0, math.ceil(left_ms / 1000 - 1e-6))

    # -- inside -------------------------------------------------------------------------

    def _run(self, ms: int) -> None:
        self._deadline = self._clock() + ms / 1000
        self._timer.start(ms)

    @Slot()
    def _focus_moved(self) -> None:
        self.check()

    @Slot()
    def _ran_out(self) -> None:
        if not self._running:
            return
        self.check()  # a dialog opened since the last tick: wait for it instead
        if self._paused:
            return
        self._running = False
        self.due.emit()
