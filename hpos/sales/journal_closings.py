"""The journal's day closings: when a till's business day was closed, by whom, with what totals.

One row of ``day_closings`` (schema v3, :mod:`hpos.sales.journal_schema`) per closing:
``business_day`` is YYYY-MM-DD in the shop's local time, ``closed_at`` ISO UTC,
``closed_by`` the cashier on duty or "manager" (None: not said), ``totals`` JSON text
whose amounts are exact decimal strings (written by :mod:`hpos.sales.closing`). A day
may be closed more than once (closed again after a late payment): every closing is
kept, oldest first. :class:`~hpos.sales.journal.Journal` runs these through its file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hpos.sales.journal_db import JournalFile
from hpos.sales.journal_schema import iso

__all__ = ["ClosingRecord", "closings_of", "insert_closing"]


@dataclass(frozen=True, slots=True)
class ClosingRecord:
    """One closing of a till's business day, as the journal holds it."""

    id: int
    till: str
    business_day: date
    closed_at: datetime  # aware, UTC
    closed_by: str | None
    #: What was counted at the closing (see :func:`hpos.sales.closing.closing_totals`).
    totals: dict[str, Any] = field(default_factory=dict)


def insert_closing(
    file: JournalFile,
    *,
    till: str,
    business_day: date,
    closed_at: datetime,
    closed_by: str | None,
    totals: dict[str, Any],
) -> ClosingRecord:
    """Write one closing (one transaction) and return it as stored."""
    text = json.dumps(totals, sort_keys=True, ensure_ascii=False)
    with file.write() as tx:
        cur = tx.execute(
            "INSERT INTO day_closings (till, business_day, closed_at, closed_by, totals)"
            " VALUES (?,?,?,?,?)",
            (till, business_day.isoformat(), iso(closed_at), closed_by, text),
        )
        row_id = int(cur.lastrowid or 0)
    row = file.query("SELECT * FROM day_closings WHERE id = ?", (row_id,)).fetchone()
    return _record(row)


def closings_of(
    file: JournalFile, business_day: date, till: str | None = None
) -> list[ClosingRecord]:
    """The closings of ``business_day`` (of one till when named), oldest first."""
    sql = "SELECT * FROM day_closings WHERE business_day = ?"
    args: list[str] = [business_day.isoformat()]
    if till is not None:
        sql += " AND till = ?"
        args.append(till)
    return [_record(r) for r in file.query(sql + " ORDER BY closed_at, id", args)]


def _record(row: Any) -> ClosingRecord:
    return ClosingRecord(
        id=int(row["id"]),
        till=row["till"],
        business_day=date.fromisoformat(row["business_day"]),
        closed_at=datetime.fromisoformat(row["closed_at"]),
        closed_by=row["closed_by"],
        totals=json.loads(row["totals"]),
    )
