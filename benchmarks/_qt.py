"""What the in-process Qt benchmarks share: the app, a window on a sandbox, paint and tick probes.

Offscreen by default (``QT_QPA_PLATFORM`` is set when missing). The profile
lives in a temporary folder with an in-memory keyring and a session secret, so
nothing touches the user's profile or keyring.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hpos.demo import use_demo_account
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile
from hpos.sandbox.server import SandboxServer

WAIT = 30.0  # seconds: the longest any benchmark step may take before it is an error


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend (never auto-selected)."""

    priority = -100  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


_collector: list[Any] = []


def app() -> QApplication:
    """The process's QApplication (made on first use), collecting garbage as the app does:
    on the GUI thread only (:class:`~hpos.ui.gc_guard.GuiThreadCollector`)."""
    instance = QApplication.instance()
    if isinstance(instance, QApplication):
        return instance
    from hpos.ui.gc_guard import GuiThreadCollector

    made = QApplication(["hpos-benchmarks"])
    _collector.append(GuiThreadCollector(made))
    return made


def make_profile(directory: Path, url: str, **changes: Any) -> Profile:
    """A profile on the sandbox at ``url`` with the demo account (TEST), secret in memory."""
    profile = Profile(directory, KeyStore(backend=MemoryKeyring()), env={})
    use_demo_account(profile, url, till_name="T1", auto_return_seconds=0, **changes)
    return profile


def wait_until(condition: Callable[[], bool], timeout: float = WAIT, what: str = "") -> None:
    """Run the event loop until ``condition()`` (checked every ms); RuntimeError on timeout."""
    app()
    if condition():
        return
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    expired: list[bool] = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            expired.append(True)
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if expired:
        raise RuntimeError(f"benchmark step timed out: {what or condition}")


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds``."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, timeout=seconds + WAIT)


class PaintProbe(QObject):
    """Records when ``widget`` is painted (perf_counter), from :meth:`arm` on."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self._widget = widget
        self.paints: list[float] = []
        self._armed = False
        widget.installEventFilter(self)

    @property
    def painted_at(self) -> float | None:
        """The first paint since :meth:`arm`, or None."""
        return self.paints[0] if self.paints else None

    def first_after(self, moment: float) -> float | None:
        """The first paint at or after ``moment``, or None."""
        return next((t for t in self.paints if t >= moment), None)

    def arm(self) -> None:
        self.paints = []
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and watched is self._widget and event.type() == QEvent.Type.Paint:
            self.paints.append(time.perf_counter())
        return False

    def remove(self) -> None:
        self._armed = False
        self._widget.removeEventFilter(self)


class Heartbeat(QObject):
    """A 5 ms precise timer on the GUI thread: the longest gap between two ticks, in ms."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.max_gap_ms = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    @contextmanager
    def measuring(self) -> Iterator[Heartbeat]:
        """Beat while the block runs (its own loop spinning is what is measured)."""
        self.max_gap_ms, self.ticks, self._last = 0.0, 0, None
        self._timer.start()
        try:
            yield self
        finally:
            self._timer.stop()


def start_sandbox() -> SandboxServer:
    """A sandbox on a free loopback port."""
    return SandboxServer().start()


def open_window(profile: Profile) -> Any:
    """The real main window on ``profile``, shown, with its token cached."""
    from hpos.ui.mainwindow.window import MainWindow

    app()
    window = MainWindow(profile)
    window.resize(1024, 600)
    window.show()
    wait_until(lambda: window.controller.current_token() is not None, what="token")
    return window


def close_window(window: Any) -> None:
    """Close the window (its runner stops, the journal closes) and flush deferred deletes."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app().processEvents()
