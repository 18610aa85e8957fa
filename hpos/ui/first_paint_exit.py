"""The release workflow's window check: ``HPOS_EXIT_AFTER_FIRST_PAINT=<report>`` makes the app
quit by itself right after its main window's first paint, and say how it got there.

The self-tests run offscreen, so they never load the platform plugin a shop's till uses
(``windows``, ``cocoa``, ``xcb``). The release workflow starts the windowed app
(``HPOS --demo``) with this variable on every OS (``packaging/ci/first_paint.sh``); the
app then closes its window as Quit does once the window has really been painted (not at
the log file's fallback timer: a window that is never painted never quits, and the
check's timeout says so), exits 0 and writes ``<report>`` (the platform plugin, the
window's title and size, the version) and ``<report>.png`` (the window as painted).

The report is written after the event loop has ended: the GUI thread never touches the
disk. Imported only when the variable is set (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QWidget

from hpos import __version__

__all__ = ["ENV_VAR", "FirstPaintExit"]

#: The environment variable naming the report file; unset or empty: the app runs as usual.
ENV_VAR = "HPOS_EXIT_AFTER_FIRST_PAINT"


class FirstPaintExit(QObject):
    """Watches ``window`` for its first paint, then closes it with ``close``; after the
    event loop, :meth:`write_report` writes what was seen."""

    def __init__(self, window: QWidget, report: Path, close: Callable[[], object]) -> None:
        super().__init__(window)
        self._window, self._report, self._close = window, report, close
        self._facts: list[str] = []
        self._picture: QPixmap | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)  # once this paint is done
        return False

    @Slot()
    def _painted(self) -> None:
        window = self._window
        screen = window.screen()
        self._facts = [
            f"platform: {QGuiApplication.platformName()}",
            f"window: {window.windowTitle()} ({window.width()}x{window.height()})",
            f"screen: {screen.name() if screen else '?'}",
            f"version: {__version__}",
        ]
        self._picture = window.grab()
        self._close()  # the window's close_now: as Quit does, no question

    def write_report(self) -> None:
        """Write the report and the window's picture (after the loop; nothing if never
        painted: the check then finds no report)."""
        if not self._facts:
            return
        self._report.parent.mkdir(parents=True, exist_ok=True)
        if self._picture is not None:
            self._picture.save(str(self._report.with_name(self._report.name + ".png")), "PNG")
        self._report.write_text("\n".join(self._facts) + "\n", encoding="utf-8")
