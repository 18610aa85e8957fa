"""The crash handler: an unexpected error is logged, told in one short message, and survived.

:class:`CrashHandler` replaces ``sys.excepthook`` (uncaught errors of the main
thread, and errors raised inside Qt slots and virtual methods, which PySide6
routes there) and ``threading.excepthook`` (errors that end a worker thread). For
each error it writes the traceback to the log at CRITICAL (through the redacting
log handlers: no secret reaches the file) and shows a short message on the GUI
thread: "HPOS hit an unexpected error. Your sales are saved. Details are in the
log: <path>".

One message at a time: an error while the message is open only updates its
count. The handler never touches the journal: the journal writes every change
in its own transaction, so a sale interrupted by an error is either before or
after a state change, never half-written, and the next start-up's recovery picks
it up. ``KeyboardInterrupt`` goes to the previous hook unchanged.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class CrashHandler(QObject):
    """Installs the hooks; shows at most one crash message at a time."""

    #: An error was logged (where it happened: "main thread", "thread <name>").
    crashed = Signal(str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.window: QWidget | None = None
        self.dialog: QMessageBox | None = None
        self.crash_count = 0  # errors since start
        self.unseen = 0  # errors while the message was already open
        self._previous_sys: ExceptHook | None = None
        self._previous_thread: Callable[[Any], Any] | None = None
        self._lock = threading.Lock()
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks ------------------------------------------------------------------------

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook`` (idempotent)."""
        if self._previous_sys is None:
            self._previous_sys = sys.excepthook
            self._previous_thread = threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Give the hooks back to what was there before :meth:`install`."""
        if self._previous_sys is not None:
            if sys.excepthook == self.handle_exception:
                sys.excepthook = self._previous_sys
            if threading.excepthook == self._handle_thread and self._previous_thread:
                threading.excepthook = self._previous_thread
        self._previous_sys = self._previous_thread = None

    def set_window(self, window: QWidget | None) -> None:
        """The window the message is shown over."""
        self.window = window

    def handle_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str = "main thread",
    ) -> None:
        """Log the traceback and ask the GUI thread for the message (any thread)."""
        if issubclass(exc_type, KeyboardInterrupt):
            (self._previous_sys or sys.__excepthook__)(exc_type, exc, tb)
            return
        try:
            with self._lock:
                self.crash_count += 1
            log.critical("Unexpected error in the %s", where, exc_info=(exc_type, exc, tb))
            if QCoreApplication.instance() is not None:
                self.crashed.emit(where)
        except Exception:  # noqa: BLE001  (the handler itself must never raise)
            sys.__excepthook__(exc_type, exc, tb)

    def _handle_thread(self, args: Any) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        self.handle_exception(args.exc_type, exc, args.exc_traceback, f"thread {name}")

    # -- the message ------------------------------------------------------------------

    def message_text(self) -> str:
        """The sentence the user reads."""
        if self.log_path is None:
            return self.tr(
                "HPOS hit an unexpected error. Your sales are saved. No log file could be written."
            )
        return self.tr(
            "HPOS hit an unexpected error. Your sales are saved. Details are in the log: {path}"
        ).format(path=str(self.log_path))

    @Slot(str)
    def _show(self, _where: str) -> None:
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        if self.dialog is not None:
            self.unseen += 1
            self.dialog.setInformativeText(
                self.tr("It happened again ({count} more since this message opened).").format(
                    count=self.unseen
                )
            )
            return
        self.unseen = 0
        dialog = QMessageBox(self.window)
        dialog.setIcon(QMessageBox.Icon.Critical)
        dialog.setWindowTitle(self.tr("HPOS — unexpected error"))
        dialog.setText(self.message_text())
        dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.setStandardButtons(QMessageBox.StandardButton.Ok)
        dialog.setAccessibleName(self.tr("Unexpected error"))
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()


def install_crash_handler(log_path: Path | None, parent: QObject | None = None) -> CrashHandler:
    """A :class:`CrashHandler` for ``log_path``, installed."""
    handler = CrashHandler(log_path, parent)
    handler.install()
    return handler
