"""The journal benchmark: a 100,000-sale journal opens and answers the day report.

The journal is written in one transaction through the journal's own connection
and schema (``Journal._conn()``), with rows shaped like the ones the till
writes: sale numbers, ISO 8601 UTC times with microseconds, amounts and fees as
decimal text, HPAY-like transaction ids and checkout URLs, one ``events`` row
per state change, the ``counters`` row. About 1,000 sales a day over 100 days,
business hours, mixed states (most PAID, some paid late) and modes (10 % PROD).

Timed on that file:

- baseline: ``sqlite3.connect`` + ``SELECT COUNT(*) FROM sales`` + close;
- open: ``Journal(path)`` cold (a new object, connection and schema check);
- local_summary / build_day_report (``client=None``) of one day, on an open journal,
  a different day each run;
- open + day report: both, as the cashier's "end of day" button does;
- open + a 31-day report (about 31,000 sales), to show how it scales.
"""

from __future__ import annotations

import random
import sqlite3
import string
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from time import perf_counter

from benchmarks import Benchmark, timed
from hpos.sales.journal import Journal, _ts
from hpos.sales.report import build_day_report, local_summary

NAME = "journal"
SALES = 100_000
DAYS = 100
FIRST_DAY = date(2025, 1, 6)
GOAL = 1000.0  # ms: "well under a second"
#: (final state, weight, path of states after CREATED)
_MIX = (
    ("paid", 70, ("requesting", "awaiting", "paid")),
    ("paid_late", 2, ("requesting", "awaiting", "cancelled", "paid")),
    ("awaiting", 2, ("requesting", "awaiting")),
    ("cancelled", 8, ("requesting", "awaiting", "cancelled")),
    ("expired", 8, ("requesting", "awaiting", "expired")),
    ("failed", 8, ("requesting", "failed")),
    ("unknown", 1, ("requesting", "unknown")),
    ("review", 1, ("requesting", "unknown", "review")),
)
_TXID = string.ascii_letters + string.digits
_COLUMNS = (
    "id", "sale_number", "till", "created_at", "updated_at", "paid_seen_at", "amount",
    "currency", "product", "description", "mode", "transaction_id", "checkout_url", "fees",
    "state", "paid_late", "last_error",
)  # fmt: skip


def build(path: Path, sales: int = SALES, days: int = DAYS, seed: int = 20251108) -> float:
    """Write a journal of ``sales`` sales at ``path``; returns the seconds it took."""
    rng = random.Random(seed)
    begun = perf_counter()
    journal = Journal(path)
    conn = journal._conn()
    start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=UTC)
    times = sorted(
        start + timedelta(days=rng.randrange(days), seconds=rng.uniform(7 * 3600, 20 * 3600))
        for _ in range(sales)
    )
    kinds = [m[0] for m in _MIX]
    weights = [m[1] for m in _MIX]
    paths = {m[0]: m[2] for m in _MIX}
    sale_rows, event_rows = [], []
    for n, created in enumerate(times, start=1):
        kind = rng.choices(kinds, weights)[0]
        path_states = paths[kind]
        number = f"T1-{n:06d}"
        amount = Decimal(rng.choice((500, 1000, 1500, 2500, 5000, 7000, 14900, 25000)))
        fees = (amount * Decimal("0.015")).quantize(Decimal(1), ROUND_HALF_UP)
        has_tx = "awaiting" in path_states
        txid = "".join(rng.choice(_TXID) for _ in range(14)) if has_tx else None
        stamps = [created + timedelta(seconds=i * rng.uniform(0.2, 90)) for i in range(6)]
        final = path_states[-1]
        paid_at = _ts(stamps[len(path_states)]) if final == "paid" else None
        sale_rows.append((
            n, number, "T1", _ts(created), _ts(stamps[len(path_states)]), paid_at, str(amount),
            "XOF", "Sac", f"{number} Sac d'école", "PROD" if rng.random() < 0.1 else "TEST",
            txid, f"https://checkout.hpay.cash/?ref={txid}" if txid else None,
            str(fees) if has_tx else None, final, int(kind == "paid_late"),
            "HPAY refused the request." if final == "failed" else None,
        ))  # fmt: skip
        previous = None
        for i, state in enumerate(("created", *path_states)):
            event_rows.append((n, _ts(stamps[i]), previous, state, ""))
            previous = state
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO sales ({', '.join(_COLUMNS)}) VALUES ({','.join('?' * len(_COLUMNS))})",  # noqa: S608
        sale_rows,
    )
    conn.executemany(
        "INSERT INTO events (sale_id, at, from_state, to_state, note) VALUES (?,?,?,?,?)",
        event_rows,
    )
    conn.execute("INSERT INTO counters (till, last) VALUES ('T1', ?)", (sales,))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    return perf_counter() - begun


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0])
    finally:
        conn.close()


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """Build the journal in ``workdir`` and time every case ``repeat`` times."""
    sales = 2_000 if quick else SALES
    path = workdir / "journal.sqlite3"
    build_seconds = build(path, sales)
    days = [FIRST_DAY + timedelta(days=d) for d in range(DAYS)]

    def day(i: int) -> date:
        return days[(DAYS // 2 + 7 * i) % DAYS]  # a different day each run

    baseline = timed("baseline: sqlite3 connect + COUNT(*)", lambda _i: _count(path), repeat=repeat)

    def open_only(_i: int) -> None:
        Journal(path).close()

    journal = Journal(path)
    try:
        size = journal.count()
        one_day = local_summary(journal, day(0), mode="TEST", tz=UTC)
        cases = [
            timed("open: Journal(path)", open_only, repeat=repeat, goal=GOAL),
            timed(
                "local_summary, one day",
                lambda i: local_summary(journal, day(i), mode="TEST", tz=UTC),
                repeat=repeat,
                goal=GOAL,
            ),
            timed(
                "build_day_report, one day, client=None",
                lambda i: build_day_report(journal, None, day(i), mode="TEST", tz=UTC),
                repeat=repeat,
                goal=GOAL,
            ),
        ]
    finally:
        journal.close()

    def open_and_report(i: int) -> None:
        fresh = Journal(path)
        try:
            build_day_report(fresh, None, day(i), mode="TEST", tz=UTC)
        finally:
            fresh.close()

    cases.append(timed("open + build_day_report", open_and_report, repeat=repeat, goal=GOAL))

    def month(i: int) -> None:
        fresh = Journal(path)
        try:
            first = day(i) - timedelta(days=30)
            build_day_report(fresh, None, first, first + timedelta(days=30), mode="TEST", tz=UTC)
        finally:
            fresh.close()

    cases.append(timed("open + build_day_report, 31 days", month, repeat=repeat, goal=GOAL))
    setup = {
        "sales": size,
        "days": DAYS,
        "test_sales_in_timed_day": one_day.sales_count,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "build_s": round(build_seconds, 2),
        "sqlite": sqlite3.sqlite_version,
    }
    return Benchmark(NAME, baseline, cases, setup)
