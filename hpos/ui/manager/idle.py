"""Manager mode's idle relock: an app-wide event filter that notes each key press or click.

:class:`IdleWatch` is installed on the application only while manager mode is unlocked
(so the cashier's screens pay nothing for it): every key press, mouse press, wheel turn
or touch in any window of HPOS counts as activity. A timer looks every
:data:`CHECK_MS`; when nothing happened for ``idle_seconds`` (5 minutes), ``idle`` is
emitted once and the watch stops. The clock is a parameter (tests give a fake one);
:meth:`IdleWatch.check` is what the timer calls.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

#: How long manager mode stays unlocked without input (seconds).
IDLE_SECONDS = 300.0
#: How often the watch looks at the time since the last input (ms).
CHECK_MS = 5_000

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` after ``idle_seconds`` without a key press or a click, app-wide."""

    idle = Signal()

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        idle_seconds: float = IDLE_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.idle_seconds = idle_seconds
        self._last = clock()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def is_running(self) -> bool:
        """True while the watch counts (manager mode unlocked)."""
        return self._running

    def start(self) -> None:
        """Count from now; listen to every input of the application."""
        self.touch()
        if not self._running:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._running = True
            self._timer.start()

    def stop(self) -> None:
        """Stop listening (manager mode locked)."""
        if self._running:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._running = False
            self._timer.stop()

    def touch(self) -> None:
        """Something happened now (an input, or a manager action started)."""
        self._last = self._clock()

    def idle_for(self) -> float:
        """Seconds since the last input."""
        return self._clock() - self._last

    @Slot()
    def check(self) -> None:
        """Emit ``idle`` (once) when nothing happened for ``idle_seconds``."""
        if self._running and self.idle_for() >= self.idle_seconds:
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the time of each input; never eats an event."""
        if event.type() in _INPUT:
            self._last = self._clock()
        return False
