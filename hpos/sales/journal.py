"""The local journal: every sale and every state change, in SQLite.

One file per profile (``<data dir>/journal.sqlite3``), WAL mode so the GUI
thread can read while a worker writes, one connection per thread, writes in
``BEGIN IMMEDIATE`` transactions. The schema carries a version
(``PRAGMA user_version``) and is brought up to date by :data:`MIGRATIONS` when
the journal opens. Amounts and fees are stored as exact decimal text; times as
ISO 8601 UTC text (which sorts like time).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from hpos.sales.model import Sale
from hpos.sales.states import OPEN, SaleState, check_transition, is_paid_late

JOURNAL_FILE = "journal.sqlite3"

_V1 = """
CREATE TABLE sales (
    id             INTEGER PRIMARY KEY,
    sale_number    TEXT NOT NULL UNIQUE,
    till           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    paid_seen_at   TEXT,
    amount         TEXT NOT NULL,
    currency       TEXT NOT NULL,
    product        TEXT NOT NULL,
    description    TEXT NOT NULL,
    mode           TEXT NOT NULL,
    transaction_id TEXT,
    checkout_url   TEXT,
    fees           TEXT,
    state          TEXT NOT NULL,
    paid_late      INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT
);
CREATE INDEX sales_created ON sales (created_at);
CREATE INDEX sales_state ON sales (state);
CREATE INDEX sales_transaction ON sales (transaction_id);
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    sale_id    INTEGER NOT NULL REFERENCES sales (id),
    at         TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_sale ON events (sale_id);
CREATE TABLE counters (
    till TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
"""

#: MIGRATIONS[n] brings a journal from schema version n to n + 1.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


class JournalError(Exception):
    """The journal cannot be opened or written (disk full, newer schema, corrupt file)."""


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of a sale's history of state changes."""

    at: datetime
    from_state: SaleState | None
    to_state: SaleState
    note: str


def _now() -> datetime:
    return datetime.now(UTC)


def _ts(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("journal times must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Journal:
    """The sales journal of one profile. Safe to use from several threads."""

    def __init__(self, path: Path | str, *, clock: Callable[[], datetime] = _now) -> None:
        self.path = Path(path)
        self._clock = clock
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate(self._conn())
        except (OSError, sqlite3.Error) as exc:
            raise JournalError(f"Cannot open the sales journal {self.path}: {exc}.") from None

    # -- connections and schema -------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalError(f"The sales journal is not writable: {exc}.") from None
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise JournalError(f"The sales journal could not be saved: {exc}.") from None

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"The journal was written by a newer HPOS (schema {version}); update HPOS."
            )
        for target in range(version, SCHEMA_VERSION):
            with self._write() as tx:
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        tx.execute(statement)
                tx.execute(f"PRAGMA user_version={target + 1}")

    @property
    def schema_version(self) -> int:
        """The schema version of the file on disk."""
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    # -- writing ----------------------------------------------------------------------

    def create_sale(
        self,
        *,
        till: str,
        amount: Decimal,
        currency: str,
        product: str,
        description: str,
        mode: str,
    ) -> Sale:
        """Write a new CREATED sale with the till's next sale number.

        The description stored (and sent to HPAY) starts with the sale number.
        """
        now = _ts(self._clock())
        with self._write() as tx:
            row = tx.execute(
                "INSERT INTO counters (till, last) VALUES (?, 1) "
                "ON CONFLICT (till) DO UPDATE SET last = last + 1 RETURNING last",
                (till,),
            ).fetchone()
            number = f"{till}-{row[0]:06d}"
            text = f"{number} {description}".strip()
            cur = tx.execute(
                "INSERT INTO sales (sale_number, till, created_at, updated_at, amount, currency,"
                " product, description, mode, state) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    number,
                    till,
                    now,
                    now,
                    str(amount),
                    currency,
                    product,
                    text,
                    mode,
                    SaleState.CREATED.value,
                ),
            )
            sale_id = int(cur.lastrowid or 0)
            tx.execute(
                "INSERT INTO events (sale_id, at, from_state, to_state, note) VALUES (?,?,?,?,?)",
                (sale_id, now, None, SaleState.CREATED.value, "sale written"),
            )
        return self._require(sale_id)

    def transition(
        self,
        sale_id: int,
        target: SaleState,
        *,
        note: str = "",
        transaction_id: str | None = None,
        checkout_url: str | None = None,
        fees: Decimal | None = None,
        error: str | None = None,
    ) -> Sale:
        """Move a sale to ``target`` (checked against the lifecycle) and log the event.

        Given fields are stored in the same transaction; ``error`` becomes
        ``last_error`` (None clears it). Reaching PAID records when it was seen,
        and from CANCELLED or EXPIRED marks the sale paid late.
        """
        now = _ts(self._clock())
        with self._write() as tx:
            row = tx.execute("SELECT state FROM sales WHERE id = ?", (sale_id,)).fetchone()
            if row is None:
                raise KeyError(sale_id)
            current = SaleState(row["state"])
            check_transition(current, target)
            tx.execute(
                "UPDATE sales SET state = ?, updated_at = ?, last_error = ?,"
                " transaction_id = COALESCE(?, transaction_id),"
                " checkout_url = COALESCE(?, checkout_url),"
                " fees = COALESCE(?, fees),"
                " paid_seen_at = CASE WHEN ? THEN ? ELSE paid_seen_at END,"
                " paid_late = paid_late OR ? WHERE id = ?",
                (
                    target.value,
                    now,
                    error,
                    transaction_id,
                    checkout_url,
                    None if fees is None else str(fees),
                    target is SaleState.PAID,
                    now,
                    is_paid_late(current, target),
                    sale_id,
                ),
            )
            tx.execute(
                "INSERT INTO events (sale_id, at, from_state, to_state, note) VALUES (?,?,?,?,?)",
                (sale_id, now, current.value, target.value, note),
            )
        return self._require(sale_id)

    def note_error(self, sale_id: int, error: str | None) -> Sale:
        """Record (or clear) the last error of a sale without changing its state."""
        with self._write() as tx:
            tx.execute(
                "UPDATE sales SET last_error = ?, updated_at = ? WHERE id = ?",
                (error, _ts(self._clock()), sale_id),
            )
        return self._require(sale_id)

    # -- reading ----------------------------------------------------------------------

    def get(self, sale_id: int) -> Sale | None:
        """The sale with this local id."""
        row = self._conn().execute("SELECT * FROM sales WHERE id = ?", (sale_id,)).fetchone()
        return _sale(row) if row else None

    def _require(self, sale_id: int) -> Sale:
        sale = self.get(sale_id)
        if sale is None:
            raise KeyError(sale_id)
        return sale

    def find(self, key: str) -> Sale | None:
        """The sale with this sale number or HPAY transaction id."""
        row = (
            self._conn()
            .execute(
                "SELECT * FROM sales WHERE sale_number = ? OR transaction_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (key, key),
            )
            .fetchone()
        )
        return _sale(row) if row else None

    def open_sales(self) -> list[Sale]:
        """Sales that still need work (see ``states.OPEN``), oldest first."""
        marks = ",".join("?" * len(OPEN))
        rows = self._conn().execute(
            f"SELECT * FROM sales WHERE state IN ({marks}) ORDER BY id",  # noqa: S608
            [s.value for s in OPEN],
        )
        return [_sale(r) for r in rows]

    def sales_in(
        self, states: Iterable[SaleState], *, updated_since: datetime | None = None
    ) -> list[Sale]:
        """Sales now in one of ``states`` (changed since ``updated_since``), oldest first."""
        wanted = [s.value for s in states]
        sql = f"SELECT * FROM sales WHERE state IN ({','.join('?' * len(wanted))})"  # noqa: S608
        args = list(wanted)
        if updated_since is not None:
            sql += " AND updated_at >= ?"
            args.append(_ts(updated_since))
        return [_sale(r) for r in self._conn().execute(sql + " ORDER BY id", args)]

    def sales_between(
        self, start: datetime, end: datetime, *, mode: str | None = None
    ) -> list[Sale]:
        """Sales created in [start, end), oldest first, optionally of one mode."""
        sql = "SELECT * FROM sales WHERE created_at >= ? AND created_at < ?"
        args: list[str] = [_ts(start), _ts(end)]
        if mode is not None:
            sql += " AND mode = ?"
            args.append(mode)
        return [_sale(r) for r in self._conn().execute(sql + " ORDER BY created_at, id", args)]

    def latest_sales(
        self, start: datetime, end: datetime, limit: int, *, paid: bool | None = None
    ) -> list[Sale]:
        """The ``limit`` newest sales created in [start, end), newest first.

        ``paid`` True: only PAID sales (paid late included); False: only the others.
        The history's first screen: one indexed query, whatever the journal's size.
        """
        sql, args = _created_in(start, end, paid)
        sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        return [_sale(r) for r in self._conn().execute(sql, [*args, max(0, limit)])]

    def iter_sales_between(
        self, start: datetime, end: datetime, *, paid: bool | None = None
    ) -> Iterator[Sale]:
        """Sales created in [start, end), one at a time, newest first.

        For long reads: no list of every sale is kept (100,000 objects alive at once make
        each garbage collection meanwhile walk them all). ``paid`` as in :meth:`latest_sales`.
        """
        sql, args = _created_in(start, end, paid)
        for row in self._conn().execute(sql + " ORDER BY created_at DESC, id DESC", args):
            yield _sale(row)

    def sales_changed_since(self, start: datetime, end: datetime, since: datetime) -> list[Sale]:
        """Sales created in [start, end) and written (created or changed) at or after ``since``,
        oldest first: what a view of that range must re-read to be up to date."""
        sql, args = _created_in(start, end, None)
        sql += " AND updated_at >= ? ORDER BY created_at, id"
        return [_sale(r) for r in self._conn().execute(sql, [*args, _ts(since)])]

    def events(self, sale_id: int) -> list[EventRow]:
        """The state changes of one sale, in order."""
        rows = self._conn().execute(
            "SELECT at, from_state, to_state, note FROM events WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
        return [
            EventRow(
                at=datetime.fromisoformat(r["at"]),
                from_state=SaleState(r["from_state"]) if r["from_state"] else None,
                to_state=SaleState(r["to_state"]),
                note=r["note"],
            )
            for r in rows
        ]

    def count(self) -> int:
        """How many sales the journal holds."""
        return int(self._conn().execute("SELECT COUNT(*) FROM sales").fetchone()[0])


def _created_in(start: datetime, end: datetime, paid: bool | None) -> tuple[str, list[str]]:
    sql = "SELECT * FROM sales WHERE created_at >= ? AND created_at < ?"
    args = [_ts(start), _ts(end)]
    if paid is not None:
        sql += " AND state = ?" if paid else " AND state != ?"
        args.append(SaleState.PAID.value)
    return sql, args


def _sale(row: sqlite3.Row) -> Sale:
    created = datetime.fromisoformat(row["created_at"])
    updated = datetime.fromisoformat(row["updated_at"])
    return Sale(
        id=row["id"],
        sale_number=row["sale_number"],
        till=row["till"],
        created_at=created,
        updated_at=updated,
        paid_seen_at=_dt(row["paid_seen_at"]),
        amount=Decimal(row["amount"]),
        currency=row["currency"],
        product=row["product"],
        description=row["description"],
        mode=row["mode"],
        state=SaleState(row["state"]),
        paid_late=bool(row["paid_late"]),
        transaction_id=row["transaction_id"],
        checkout_url=row["checkout_url"],
        fees=Decimal(row["fees"]) if row["fees"] is not None else None,
        last_error=row["last_error"],
    )
