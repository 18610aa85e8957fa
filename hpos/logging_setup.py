"""The log file: ``hpos.log`` in the profile's log folder, rotated, secrets masked.

:func:`install_file_logging` attaches one handler to the root logger. It is a
:class:`~logging.handlers.QueueHandler`, so the thread that logs (the GUI thread
too) never waits on the disk: a :class:`~logging.handlers.QueueListener` thread
writes the records to a :class:`~logging.handlers.RotatingFileHandler`
(:data:`MAX_BYTES` per file, :data:`BACKUP_COUNT` old files kept:
``hpos.log.1`` ... ``hpos.log.5``). Every record goes through the redacting filter
of :mod:`hpos.hpay.redact` before it is queued, so neither the message, its
arguments nor a traceback can carry a registered secret or a key field's value.

Installing is idempotent: a second call for the same folder returns the handle
already installed; a call for another folder (another profile, the demo) moves
the log there. :meth:`FileLogging.close` flushes and removes it (the CLI does
so when a command ends; at exit it happens by itself). The folder is the owner's
only (0700) and so are the log files (0600), rotated ones included, since the log
names sales (:mod:`hpos.util.private`). Pure Python: no Qt.
"""

from __future__ import annotations

import atexit
import functools
import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hpos.util.private import private_file, private_folder, tighten_folder

if TYPE_CHECKING:  # imported when a log file is installed: ~8 ms of the window's start-up
    from logging.handlers import QueueHandler, QueueListener, RotatingFileHandler

    from hpos.hpay.redact import Redactor

__all__ = [
    "BACKUP_COUNT",
    "LOG_FILE",
    "LOG_FORMAT",
    "MAX_BYTES",
    "FileLogging",
    "HeldRecords",
    "current_file_logging",
    "hold_records",
    "install_file_logging",
    "log_file_path",
    "register_secrets",
]

LOG_FILE = "hpos.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s [%(threadName)s] %(name)s: %(message)s"

_lock = threading.Lock()
_installed: FileLogging | None = None


def log_file_path(log_dir: Path) -> Path:
    """Where the log file of a profile's log folder is (whether or not it exists yet)."""
    return Path(log_dir) / LOG_FILE


def register_secrets(values: Iterable[str | None], redactor: Redactor | None = None) -> None:
    """Mask these values in every log line from now on (keys known before a client exists)."""
    from hpos.hpay.redact import default_redactor  # with the log file (start-up speed)

    target = redactor if redactor is not None else default_redactor()
    for value in values:
        if value:
            target.add(value)


@dataclass(eq=False)
class FileLogging:
    """An installed log file: its path, and how to take it away again."""

    path: Path
    queue_handler: QueueHandler = field(repr=False)
    file_handler: RotatingFileHandler = field(repr=False)
    listener: QueueListener = field(repr=False)
    level: int
    closed: bool = False

    def flush(self) -> None:
        """Write every record queued so far (the listener thread is restarted)."""
        with _lock:
            if self.closed:
                return
            self.listener.stop()  # drains the queue
            self.file_handler.flush()
            self.listener.start()

    def close(self) -> None:
        """Flush, detach from the root logger and close the file (idempotent)."""
        global _installed
        with _lock:
            if self.closed:
                return
            self.closed = True
            logging.getLogger().removeHandler(self.queue_handler)
            self.listener.stop()
            self.file_handler.close()
            if _installed is self:
                _installed = None


def _rotate_private(source: str, dest: str) -> None:
    """The handler's rotation (``hpos.log`` -> ``hpos.log.1``); the new ``hpos.log`` it opens
    next is created owner-only here first."""
    Path(source).replace(dest)
    private_file(source)


def current_file_logging() -> FileLogging | None:
    """The log file installed in this process, if any."""
    with _lock:
        return _installed


def install_file_logging(
    log_dir: Path,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
    redactor: Redactor | None = None,
) -> FileLogging:
    """Log to ``<log_dir>/hpos.log`` (created if needed); see the module docstring.

    Raises ``OSError`` when the folder cannot be created or the file opened; the
    caller decides whether to go on without a log file.
    """
    global _installed
    # here, not at the top: the handlers and the redactor cost ~8 ms of the window's start-up
    from logging.handlers import QueueHandler, QueueListener, RotatingFileHandler

    from hpos.hpay.redact import install_redaction

    path = log_file_path(log_dir).absolute()
    with _lock:
        previous = _installed
        if previous is not None and previous.path == path and not previous.closed:
            return previous
    if previous is not None:
        previous.close()
    private_folder(path.parent)  # the log names sales: the owner's only (0700, files 0600)
    tighten_folder(path.parent)  # files an older HPOS left readable by others
    private_file(path)
    file_handler = RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    file_handler.rotator = _rotate_private
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    install_redaction(file_handler, redactor)
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    queue_handler = QueueHandler(records)
    queue_handler.setLevel(level)
    install_redaction(queue_handler, redactor)  # before the record is queued
    listener = QueueListener(records, file_handler, respect_handler_level=False)
    listener.start()
    installed = FileLogging(path, queue_handler, file_handler, listener, level)
    root = logging.getLogger()
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    root.addHandler(queue_handler)
    with _lock:
        _installed = installed
    _close_at_exit()
    return installed


class HeldRecords(logging.Handler):
    """Holds the records logged before the log file is installed, to hand them to it.

    The window installs its log file after its first paint (:mod:`hpos.ui.app`); what is
    logged before is kept here, in order, and ``on_warning`` is called (from the thread that
    logs) for a warning or worse, so that the file can be installed at once.
    """

    def __init__(self, on_warning: Callable[[], None], level: int = logging.INFO) -> None:
        super().__init__(level)
        self._on_warning = on_warning
        self._records: list[logging.LogRecord] | None = []
        self._guard = threading.Lock()

    def handle(self, record: logging.LogRecord) -> bool:
        """Keep ``record`` (no lock held while ``on_warning`` runs)."""
        with self._guard:
            if self._records is None:
                return False
            self._records.append(record)
        if record.levelno >= logging.WARNING:
            self._on_warning()
        return True

    def emit(self, record: logging.LogRecord) -> None:
        self.handle(record)

    def release(self) -> list[logging.LogRecord]:
        """Stop holding: off the root logger; the records held so far, oldest first."""
        logging.getLogger().removeHandler(self)
        with self._guard:
            records, self._records = self._records or [], None
        return records


def hold_records(on_warning: Callable[[], None], level: int = logging.INFO) -> HeldRecords:
    """Hold what is logged at ``level`` or above until :meth:`HeldRecords.release`, the root
    logger letting those records through as :func:`install_file_logging` will."""
    held = HeldRecords(on_warning, level)
    root = logging.getLogger()
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    root.addHandler(held)
    return held


@functools.cache
def _close_at_exit() -> None:
    """Once per process: write what is still queued when the interpreter exits."""

    def close() -> None:
        installed = current_file_logging()
        if installed is not None:
            installed.close()

    atexit.register(close)
