"""The local journal: every sale and every state change, in SQLite.

One file per profile (``<data dir>/journal.sqlite3``), WAL mode so the GUI
thread can read while a worker writes, one connection per thread, writes in
``BEGIN IMMEDIATE`` transactions. The schema carries a version
(``PRAGMA user_version``) and is brought up to date by :data:`MIGRATIONS` when
the journal opens. Amounts and fees are stored as exact decimal text; times as
ISO 8601 UTC text (which sorts like time).

The connections and the wording of SQLite failures are in
:mod:`hpos.sales.journal_db`, the rows made into sales and events in
:mod:`hpos.sales.journal_rows`, the schema in :mod:`hpos.sales.journal_schema`, the
day closings in :mod:`hpos.sales.journal_closings`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hpos.sales import journal_seal as seals
from hpos.sales.cart import check_lines
from hpos.sales.catalogue_store import CatalogueStore
from hpos.sales.journal_closings import ClosingRecord, closings_of, insert_closing
from hpos.sales.journal_db import JournalError, JournalFile
from hpos.sales.journal_rows import (
    SALES,
    EventRow,
    created_in,
    event_from_row,
    insert_lines,
    sale_from_row,
)
from hpos.sales.journal_schema import MIGRATIONS, SCHEMA_VERSION, iso, missing_tables
from hpos.sales.journal_seal import JournalNotice, Seal
from hpos.sales.model import Sale, SaleLine
from hpos.sales.reference import compose_description, format_sale_number, new_reference
from hpos.sales.states import OPEN, SaleState, check_transition, is_paid_late

__all__ = ["JOURNAL_FILE", "SCHEMA_VERSION", "DuplicateTransaction", "Journal", "JournalError"]

JOURNAL_FILE = "journal.sqlite3"


class DuplicateTransaction(JournalError):
    """A transaction id is already the payment of another sale of this journal."""

    def __init__(self, message: str, *, transaction_id: str, holder: str) -> None:
        super().__init__(message)
        self.transaction_id = transaction_id
        self.holder = holder  # the sale number that holds it


def _now() -> datetime:
    return datetime.now(UTC)


_ts = iso


class Journal:
    """The sales journal of one profile. Safe to use from several threads.

    ``seal_path`` (the profile's :data:`~hpos.sales.journal_seal.SEAL_FILE`) makes a
    lost, emptied, replaced or rolled-back journal noticed (:attr:`notice`); without
    it (tests, tools) nothing is compared.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] = _now,
        seal_path: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._file = JournalFile(self.path)
        self._seal_path = seal_path
        before = seals.file_state(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._file.connection()
            self._migrate(conn)
            missing = missing_tables(conn)
            meta = {} if missing else dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except (OSError, sqlite3.Error) as exc:
            self.close()
            raise JournalError(self._file.says("Cannot open", exc)) from None
        if missing:
            self.close()
            raise JournalError(
                f"The sales journal {self.path} is damaged (table {', '.join(missing)} missing);"
                " move it aside and start again, HPAY's history keeps the payments."
            )
        self.journal_id: str = meta["journal_id"]
        #: Sales created before this instant (ISO UTC) carry no reference (older HPOS).
        self.references_since: str = meta["references_since"]
        self.notice: JournalNotice | None = None
        if "notice" in meta:
            kind, at, message = meta["notice"].split("|", 2)
            self.notice = JournalNotice(kind, message, at)
        if seal_path is not None:
            self._check_seal(seal_path, before)
        #: The shop's catalogue, kept in this file (``catalogue_store.py``).
        self.catalogue = CatalogueStore(self._file, clock=clock)

    # Seams for tests and benchmarks (the journal itself goes through self._file).

    def _conn(self) -> sqlite3.Connection:
        """The calling thread's connection."""
        return self._file.connection()

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction, as the journal's own writes run (a fault can be made in one)."""
        return self._file.write()

    # -- schema and seal --------------------------------------------------------------

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"The sales journal {self.path} was written by a newer HPOS (schema {version});"
                " update HPOS."
            )
        for target in range(version, SCHEMA_VERSION):
            with self._file.write() as tx:
                MIGRATIONS[target](tx, _ts(self._clock()))
                tx.execute(f"PRAGMA user_version={target + 1}")

    def _check_seal(self, seal_path: Path, before: str) -> None:
        counters = self.counters()
        old = seals.read_seal(seal_path)
        at = _ts(self._clock())
        notice = seals.compare(old, before, self.journal_id, counters, self.path, at)
        if notice is not None:
            assert old is not None  # compare() says nothing without a seal
            with self._file.write() as tx:
                for till, last in old.counters.items():
                    tx.execute(
                        "INSERT INTO counters (till, last) VALUES (?, ?) ON CONFLICT (till)"
                        " DO UPDATE SET last = MAX(last, excluded.last)",
                        (till, last),
                    )
                tx.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('notice', ?)",
                    (f"{notice.kind}|{notice.at}|{notice.message}",),
                )
            self.notice = notice
            counters = self.counters()
        self._seal(counters)

    def _seal(self, counters: dict[str, int]) -> None:
        if self._seal_path is not None:
            seals.write_seal(self._seal_path, Seal(self.journal_id, str(self.path), counters))

    def acknowledge_notice(self) -> None:
        """A person has read :attr:`notice`: stop saying it."""
        with self._file.write() as tx:
            tx.execute("DELETE FROM meta WHERE key = 'notice'")
        self.notice = None

    def counters(self) -> dict[str, int]:
        """The last counter used, per till name."""
        return {r[0]: int(r[1]) for r in self._file.query("SELECT till, last FROM counters")}

    @property
    def schema_version(self) -> int:
        """The schema version of the file on disk."""
        return int(self._file.query("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close every thread's connection."""
        self._file.close()

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
        cashier: str | None = None,
        lines: Sequence[SaleLine] = (),
    ) -> Sale:
        """Write a new CREATED sale with the till's next sale number and a fresh reference.

        The description stored (and sent to HPAY) is the reference, the sale number
        and the cleaned typed text (:func:`~hpos.sales.reference.compose_description`).
        ``cashier`` is who serves (None: not recorded); it is never sent to HPAY.
        ``lines`` (a cart sale) are written in the same transaction; they must add up to
        ``amount`` exactly (:func:`~hpos.sales.cart.check_lines`, ValueError otherwise).
        """
        check_lines(lines, amount)
        now = _ts(self._clock())
        with self._file.write() as tx:
            row = tx.execute(
                "INSERT INTO counters (till, last) VALUES (?, 1) "
                "ON CONFLICT (till) DO UPDATE SET last = last + 1 RETURNING last",
                (till,),
            ).fetchone()
            counter = int(row[0])
            number = format_sale_number(till, counter)
            reference = new_reference(self.journal_id, counter)
            text = compose_description(reference, number, description)
            cur = tx.execute(
                "INSERT INTO sales (sale_number, till, created_at, updated_at, amount, currency,"
                " product, description, mode, state, reference, cashier)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    reference,
                    cashier,
                ),
            )
            sale_id = int(cur.lastrowid or 0)
            insert_lines(tx, sale_id, lines)
            tx.execute(
                "INSERT INTO events (sale_id, at, from_state, to_state, note) VALUES (?,?,?,?,?)",
                (sale_id, now, None, SaleState.CREATED.value, "sale written"),
            )
        if self._seal_path is not None:
            self._seal(self.counters())
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
        answered: int | None = None,
    ) -> Sale:
        """Move a sale to ``target`` (checked against the lifecycle) and log the event.

        Given fields are stored in the same transaction; ``error`` becomes
        ``last_error`` (None clears it). Reaching PAID records when it was seen,
        and from CANCELLED or EXPIRED marks the sale paid late. A transaction id
        another sale holds raises :class:`DuplicateTransaction` (nothing written).
        """
        now = _ts(self._clock())
        try:
            with self._file.write() as tx:
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
                    " answered = COALESCE(?, answered),"
                    " paid_seen_at = CASE WHEN ? THEN ? ELSE paid_seen_at END,"
                    " paid_late = paid_late OR ? WHERE id = ?",
                    (
                        target.value,
                        now,
                        error,
                        transaction_id,
                        checkout_url,
                        None if fees is None else str(fees),
                        answered,
                        target is SaleState.PAID,
                        now,
                        is_paid_late(current, target),
                        sale_id,
                    ),
                )
                tx.execute(
                    "INSERT INTO events (sale_id, at, from_state, to_state, note)"
                    " VALUES (?,?,?,?,?)",
                    (sale_id, now, current.value, target.value, note),
                )
        except sqlite3.IntegrityError as exc:
            holder = self.holder_of(transaction_id or "") if transaction_id else None
            if holder is None:
                raise JournalError(self._file.says("Cannot write", exc)) from None
            raise DuplicateTransaction(
                f"HPAY payment {transaction_id} is already the payment of sale"
                f" {holder.sale_number}.",
                transaction_id=transaction_id or "",
                holder=holder.sale_number,
            ) from None
        return self._require(sale_id)

    def holder_of(self, transaction_id: str) -> Sale | None:
        """The sale whose payment is ``transaction_id``, if any."""
        row = self._file.query(f"{SALES} WHERE transaction_id = ?", (transaction_id,)).fetchone()
        return sale_from_row(row) if row else None

    def is_legacy(self, sale: Sale) -> bool:
        """Was ``sale`` created before this journal had references (an older HPOS)?"""
        return sale.reference is None and _ts(sale.created_at) < self.references_since

    def note_error(self, sale_id: int, error: str | None) -> Sale:
        """Record (or clear) the last error of a sale without changing its state."""
        with self._file.write() as tx:
            tx.execute(
                "UPDATE sales SET last_error = ?, updated_at = ? WHERE id = ?",
                (error, _ts(self._clock()), sale_id),
            )
        return self._require(sale_id)

    # -- reading ----------------------------------------------------------------------

    def get(self, sale_id: int) -> Sale | None:
        """The sale with this local id."""
        row = self._file.query(f"{SALES} WHERE id = ?", (sale_id,)).fetchone()
        return sale_from_row(row) if row else None

    def _require(self, sale_id: int) -> Sale:
        sale = self.get(sale_id)
        if sale is None:
            raise KeyError(sale_id)
        return sale

    def find(self, key: str) -> Sale | None:
        """The sale with this sale number, sale reference or HPAY transaction id."""
        row = self._file.query(
            f"{SALES} WHERE sale_number = ? OR transaction_id = ? OR reference = ?"
            " ORDER BY id DESC LIMIT 1",
            (key, key, key),
        ).fetchone()
        return sale_from_row(row) if row else None

    def open_sales(self) -> list[Sale]:
        """Sales that still need work (see ``states.OPEN``), oldest first."""
        marks = ",".join("?" * len(OPEN))
        rows = self._file.query(
            f"{SALES} WHERE state IN ({marks}) ORDER BY id",
            [s.value for s in OPEN],
        )
        return [sale_from_row(r) for r in rows]

    def sales_in(
        self, states: Iterable[SaleState], *, updated_since: datetime | None = None
    ) -> list[Sale]:
        """Sales now in one of ``states`` (changed since ``updated_since``), oldest first."""
        wanted = [s.value for s in states]
        sql = f"{SALES} WHERE state IN ({','.join('?' * len(wanted))})"
        args = list(wanted)
        if updated_since is not None:
            sql += " AND updated_at >= ?"
            args.append(_ts(updated_since))
        return [sale_from_row(r) for r in self._file.query(sql + " ORDER BY id", args)]

    def sales_between(
        self, start: datetime, end: datetime, *, mode: str | None = None
    ) -> list[Sale]:
        """Sales created in [start, end), oldest first, optionally of one mode."""
        sql = f"{SALES} WHERE created_at >= ? AND created_at < ?"
        args: list[str] = [_ts(start), _ts(end)]
        if mode is not None:
            sql += " AND mode = ?"
            args.append(mode)
        return [sale_from_row(r) for r in self._file.query(sql + " ORDER BY created_at, id", args)]

    def latest_sales(
        self, start: datetime, end: datetime, limit: int, *, paid: bool | None = None
    ) -> list[Sale]:
        """The ``limit`` newest sales created in [start, end), newest first.

        ``paid`` True: only PAID sales (paid late included); False: only the others.
        The history's first screen: one indexed query, whatever the journal's size.
        """
        sql, args = created_in(start, end, paid)
        sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        return [sale_from_row(r) for r in self._file.query(sql, [*args, max(0, limit)])]

    def iter_sales_between(
        self, start: datetime, end: datetime, *, paid: bool | None = None
    ) -> Iterator[Sale]:
        """Sales created in [start, end), one at a time, newest first.

        For long reads: no list of every sale is kept (100,000 objects alive at once make
        each garbage collection meanwhile walk them all). ``paid`` as in :meth:`latest_sales`.
        """
        sql, args = created_in(start, end, paid)
        for row in self._file.query(sql + " ORDER BY created_at DESC, id DESC", args):
            yield sale_from_row(row)

    def sales_changed_since(self, start: datetime, end: datetime, since: datetime) -> list[Sale]:
        """Sales created in [start, end) and written (created or changed) at or after ``since``,
        oldest first: what a view of that range must re-read to be up to date."""
        sql, args = created_in(start, end, None)
        sql += " AND updated_at >= ? ORDER BY created_at, id"
        return [sale_from_row(r) for r in self._file.query(sql, [*args, _ts(since)])]

    def events(self, sale_id: int) -> list[EventRow]:
        """The state changes of one sale, in order."""
        rows = self._file.query(
            "SELECT at, from_state, to_state, note FROM events WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
        return [event_from_row(r) for r in rows]

    def count(self) -> int:
        """How many sales the journal holds."""
        return int(self._file.query("SELECT COUNT(*) FROM sales").fetchone()[0])

    # -- day closings (the rows: journal_closings.py) ------------------------------------

    def record_closing(
        self, *, till: str, business_day: date, closed_by: str | None, totals: dict[str, Any]
    ) -> ClosingRecord:
        """Record that ``till`` closed ``business_day`` now, by whom, with what totals."""
        return insert_closing(
            self._file,
            till=till,
            business_day=business_day,
            closed_at=self._clock(),
            closed_by=closed_by,
            totals=totals,
        )

    def closings(self, business_day: date, *, till: str | None = None) -> list[ClosingRecord]:
        """The closings of ``business_day`` (of one till when named), oldest first."""
        return closings_of(self._file, business_day, till)
