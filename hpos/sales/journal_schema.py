"""The journal's schema: its versions and the steps between them.

``PRAGMA user_version`` holds the version; :data:`MIGRATIONS` ``[n]`` brings a
journal from version n to n + 1 inside one write transaction.

- 1: sales, events, per-till counters.
- 2: sale references. A ``meta`` table (the journal id drawn when the journal
  got references, and ``references_since``: sales created before it are legacy
  sales without a reference), ``sales.reference`` (unique), ``sales.answered``
  (the HTTP status HPAY answered the payment request with, 0 for none: it finished there) and one
  sale per transaction id (a unique index). A journal that already has two sales
  holding one transaction id (the false PAID this version fixes) keeps it on the
  first and sends the others to REVIEW, naming both sales, before the index is made.
- 3: cashiers and day closings. ``sales.cashier`` (who served; NULL: not recorded,
  as for every sale written before) and a ``day_closings`` table: one row per closing
  of a till's business day (``business_day`` YYYY-MM-DD in the shop's local time,
  ``closed_at`` ISO UTC, ``closed_by`` a name or NULL, ``totals`` JSON text with
  Decimal amounts as strings), indexed by (till, business_day).
- 4: the catalogue and sale lines. ``items`` (what the shop sells: name, price as exact
  decimal text in the account currency, optional barcode and SKU, each unique among the
  items not archived, category, tile colour, ``archived``) and ``sale_lines`` (what a
  cart sale sold, one row a line: a copy of the item's name, codes and unit price at the
  time of the sale, the quantity and the line total; ``item_id`` NULL for a free-amount
  line). A sale keeps its lines whatever later happens to the items: lines are written
  with the sale and never changed, and an item a line refers to is archived, never deleted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from hpos.sales.reference import new_journal_id
from hpos.sales.states import SaleState

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
)
"""

_V2 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
ALTER TABLE sales ADD COLUMN reference TEXT;
ALTER TABLE sales ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX sales_reference ON sales (reference) WHERE reference IS NOT NULL
"""

_V2_INDEX = """
DROP INDEX sales_transaction;
CREATE UNIQUE INDEX sales_transaction ON sales (transaction_id) WHERE transaction_id IS NOT NULL
"""

_V3 = """
ALTER TABLE sales ADD COLUMN cashier TEXT;
CREATE TABLE day_closings (
    id           INTEGER PRIMARY KEY,
    till         TEXT NOT NULL,
    business_day TEXT NOT NULL,
    closed_at    TEXT NOT NULL,
    closed_by    TEXT,
    totals       TEXT NOT NULL
);
CREATE INDEX day_closings_day ON day_closings (till, business_day)
"""

_V4 = """
CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    price      TEXT NOT NULL,
    barcode    TEXT,
    sku        TEXT,
    category   TEXT NOT NULL DEFAULT '',
    colour     TEXT NOT NULL DEFAULT '',
    archived   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX items_barcode ON items (barcode) WHERE barcode IS NOT NULL AND archived = 0;
CREATE UNIQUE INDEX items_sku ON items (sku) WHERE sku IS NOT NULL AND archived = 0;
CREATE TABLE sale_lines (
    id         INTEGER PRIMARY KEY,
    sale_id    INTEGER NOT NULL REFERENCES sales (id),
    position   INTEGER NOT NULL,
    item_id    INTEGER REFERENCES items (id),
    name       TEXT NOT NULL,
    barcode    TEXT,
    sku        TEXT,
    unit_price TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    total      TEXT NOT NULL
);
CREATE UNIQUE INDEX sale_lines_sale ON sale_lines (sale_id, position);
CREATE INDEX sale_lines_item ON sale_lines (item_id)
"""

#: Tables a journal of the current version must have (a missing one: damaged).
TABLES = ("sales", "events", "counters", "meta", "day_closings", "items", "sale_lines")


def _run(tx: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            tx.execute(statement)


def _to_v1(tx: sqlite3.Connection, now: str) -> None:
    _run(tx, _V1)


def _to_v2(tx: sqlite3.Connection, now: str) -> None:
    _run(tx, _V2)
    tx.execute("INSERT INTO meta (key, value) VALUES ('journal_id', ?)", (new_journal_id(),))
    tx.execute("INSERT INTO meta (key, value) VALUES ('references_since', ?)", (now,))
    _split_shared_transactions(tx, now)
    _run(tx, _V2_INDEX)


def _split_shared_transactions(tx: sqlite3.Connection, now: str) -> None:
    """Keep each transaction id on its first sale; later holders go to REVIEW."""
    shared = tx.execute(
        "SELECT transaction_id, MIN(id) AS first FROM sales WHERE transaction_id IS NOT NULL"
        " GROUP BY transaction_id HAVING COUNT(*) > 1"
    ).fetchall()
    for txid, first in shared:
        owner = tx.execute("SELECT sale_number FROM sales WHERE id = ?", (first,)).fetchone()[0]
        others = tx.execute(
            "SELECT id, sale_number, state FROM sales WHERE transaction_id = ? AND id != ?",
            (txid, first),
        ).fetchall()
        for sale_id, number, state in others:
            note = (
                f"HPAY payment {txid} was also taken as the payment of sale {owner}; one"
                f" payment cannot pay both. A person must check whether {number} was paid."
            )
            tx.execute(
                "UPDATE sales SET state = ?, transaction_id = NULL, last_error = ?,"
                " updated_at = ? WHERE id = ?",
                (SaleState.REVIEW.value, note, now, sale_id),
            )
            tx.execute(
                "INSERT INTO events (sale_id, at, from_state, to_state, note) VALUES (?,?,?,?,?)",
                (sale_id, now, state, SaleState.REVIEW.value, note),
            )


def _to_v3(tx: sqlite3.Connection, now: str) -> None:
    _run(tx, _V3)


def _to_v4(tx: sqlite3.Connection, now: str) -> None:
    _run(tx, _V4)


#: MIGRATIONS[n] brings a journal from schema version n to n + 1 (given the time, ISO UTC).
MIGRATIONS: tuple[Callable[[sqlite3.Connection, str], None], ...] = (
    _to_v1,
    _to_v2,
    _to_v3,
    _to_v4,
)
SCHEMA_VERSION = len(MIGRATIONS)


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of :data:`TABLES` that the journal lacks."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    present = {r[0] for r in rows}
    return [t for t in TABLES if t not in present]


def iso(value: datetime) -> str:
    """A journal time: ISO 8601 UTC text, which sorts like time."""
    if value.tzinfo is None:
        raise ValueError("journal times must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="microseconds")
