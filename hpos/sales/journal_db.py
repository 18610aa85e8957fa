"""The journal's SQLite file: one connection per thread, reads, and one-transaction writes.

WAL mode so the GUI thread can read while a worker writes; writes run in ``BEGIN
IMMEDIATE`` transactions, rolled back on any error. Every SQLite failure becomes a
:class:`JournalError` whose message names the file, except an ``IntegrityError`` in a
write, which is raised as it is for :class:`~hpos.sales.journal.Journal` to name (a
transaction id another sale holds). The file and SQLite's files beside it are the
owner's only (:mod:`hpos.util.private`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hpos.util.private import private_file, tighten


class JournalError(Exception):
    """The journal cannot be opened, read or written (disk full, read-only, damaged, newer).

    The message names the journal file and says what to do.
    """


class JournalFile:
    """The connections to one journal file. Safe to use from several threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def says(self, what: str, exc: BaseException) -> str:
        """ "<what> the sales journal <path>: <the failure>." """
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return f"{what} the sales journal {self.path}: {str(detail).rstrip('.')}."

    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            private_file(self.path)  # SQLite gives its -wal and -shm files this file's mode
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA foreign_keys=ON")
            tighten(*(f"{self.path}{suffix}" for suffix in ("-wal", "-shm", "-journal")))
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def query(self, sql: str, args: Iterable[object] = ()) -> sqlite3.Cursor:
        """A read; any SQLite failure becomes a JournalError naming the file."""
        try:
            return self.connection().execute(sql, tuple(args))
        except sqlite3.Error as exc:
            raise JournalError(self.says("Cannot read", exc)) from None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction, committed when the block ends."""
        conn = self.connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalError(self.says("Cannot write", exc)) from None
        try:
            yield conn
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK")
            raise
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise JournalError(self.says("Cannot write", exc)) from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise JournalError(self.says("Cannot save", exc)) from None

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()
