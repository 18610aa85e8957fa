"""SIGTERM and SIGINT close the window as Quit does, and the app exits with code 0.

A shutdown or a logout sends SIGTERM; Ctrl+C in the terminal that started HPOS
sends SIGINT. Either closes the main window through its normal closing path
(calls in flight aborted, the journal closed, the demo's sandbox stopped; no
question asked: the system is going down), then ends the event loop with 0. A
sale still waiting for payment stays in the journal, and the next start brings
it back.

Python runs a signal handler only when the interpreter gets control, and an idle
Qt event loop is C++ waiting in ``poll``: a signal would wait for the next mouse
move or timer. So the handler is woken through a socket pair:
:func:`signal.set_wakeup_fd` makes the C-level handler write the signal's number
to one end, and a :class:`~PySide6.QtCore.QSocketNotifier` on the other end wakes
the event loop at once. Its slot reads the numbers and asks for the close once
the loop is free (a zero-delay timer: never in the middle of another slot). No
polling timer runs while the till is idle. The Python-level handlers do nothing
themselves; they keep SIGINT from raising ``KeyboardInterrupt`` inside a Qt slot
and SIGTERM from killing the process at once. Works wherever Python has
``socket.socketpair`` (POSIX and Windows; Windows has no SIGTERM from the system).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot

log = logging.getLogger(__name__)

#: The signals that close the app gracefully.
QUIT_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGINT)


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the socket notifier does the work."""


class QuitOnSignals(QObject):
    """Closes the app on SIGTERM / SIGINT: ``close()`` (the window's quiet close), then exit 0.

    Installed on the main thread while a ``QCoreApplication`` exists; :meth:`uninstall`
    (also when the application is about to quit) puts the previous handlers back.
    """

    def __init__(
        self,
        close: Callable[[], object],
        signals: Iterable[signal.Signals] = QUIT_SIGNALS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._close = close
        self._signals = tuple(signals)
        self._previous: dict[signal.Signals, Any] = {}
        self._previous_fd = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._quitting = False
        #: The signal that closed the app (None until one came).
        self.received: signal.Signals | None = None

    def install(self) -> bool:
        """Catch the signals from now on; False (nothing done) off the main thread."""
        if self._sockets is not None:
            return True
        if threading.current_thread() is not threading.main_thread():
            log.warning("quit signals not installed: not on the main thread")
            return False
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        for sig in self._signals:
            self._previous[sig] = signal.signal(sig, _ignore)
        self._sockets = (reader, writer)
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._woken)
        self._notifier = notifier
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.uninstall)
        return True

    @Slot()
    def uninstall(self) -> None:
        """The previous handlers and wake-up descriptor back; the sockets closed (idempotent)."""
        sockets, self._sockets = self._sockets, None
        if sockets is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        for sock in sockets:
            sock.close()

    @Slot()
    def _woken(self) -> None:
        sockets = self._sockets
        if sockets is None:
            return
        numbers = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := sockets[0].recv(64):
                numbers += chunk
        caught = [sig for sig in self._signals if int(sig) in numbers]
        if caught and not self._quitting:
            self._quitting = True
            self.received = caught[0]
            log.info("%s received: closing HPOS", caught[0].name)
            QTimer.singleShot(0, self, self._quit)

    @Slot()
    def _quit(self) -> None:
        try:
            self._close()
        finally:
            QCoreApplication.exit(0)
