"""The reconciliation benchmark: one lost-answer sale on an account taking 50,000 payments a day.

Why: HPAY's history can only be searched by day and status, and a sale whose
/payment/ answer was lost (UNKNOWN) is found only by reading it (issue 12, item
9). The old reconciler read the whole ±1-day history, every page, UNPAID then
PAID, at every check (every 2 s for 120 s): hundreds of requests per check on a
busy account. This benchmark shows what the rewrite (cd94c6c) changes.

The data: the sandbox's own state (``SandboxState.create_payment`` and
``mark_paid``, no HTTP) holds 50,000 payments of the demo account made between
07:00 and 21:00 UTC on one day, and 5,000 on each of the days before and after,
85 % paid, each with the description another till of HPOS writes (a reference
of its own). The sale is made at 14:00 and about half of its day is newer than
it (as when a sale is resumed that evening: the first check reads down to it);
one figure is for a sale made at 21:00, after all of them (a live sale). The
sandbox lists newest first, as it always did; the reconcilers read 100-entry
pages over real loopback HTTP. Nothing else changes in the history during a
watch: payments other tills make meanwhile are not simulated.

- BEFORE: ``hpos/sales/reconcile.py`` of 4bfc627 (the parent of cd94c6c),
  reimplemented below (:class:`OldReconciler`), run by the old watcher's loop for
  an UNKNOWN sale (``watcher.py`` of 4bfc627: a check at once, then 2 s after
  each check ends; FAILED once 120 s have passed with nothing found, HPAY's
  answer or not). Once two checks have found nothing, the later ones (identical:
  nothing changes) are replayed from the second one's requests and duration.
- AFTER: the real ``Reconciler`` and ``PaymentWatcher`` with the default
  ``WatchPolicy``.

Figures, each AFTER next to its BEFORE (``vs baseline`` is after / before):

- history requests of the first check, and of a later check when nothing
  changed (goal: at most 2);
- pages read again per sale over a whole 120 s watch: pages all of whose
  entries this sale had read in that status before, the first page of each
  status in each check not counted (it is how a check sees something new);
  goal 0;
- seconds to settle: (a) the lost payment exists (HTTP 504 after HPAY made it):
  adopted; (b) HPAY answered an error and made nothing (HTTP 502): FAILED; (c)
  no answer and nothing made (a reset): history requests over the 120 s window,
  with checks x requests per check in the set-up line.

Seconds are real: the clock (:class:`SkipClock`) is the real one, except that
the watcher's waits are skipped, not slept, and counted as waited (the fake
clock of tests/test_watcher.py's Rig, with real time between the jumps). So (b)
is what the real policy gives (``answered_recheck`` 5 s + two searches) without
waiting it out, and (c) covers the whole window in a few seconds.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import Benchmark, Case
from hpos.demo import demo_client_config
from hpos.hpay.client import HpayClient
from hpos.hpay.errors import ProtocolError
from hpos.hpay.models import HistoryEntry, HistoryPage
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.reconcile import Reconciler
from hpos.sales.reference import (
    compose_description,
    format_sale_number,
    new_journal_id,
    new_reference,
)
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sales.watcher import PaymentWatcher, WatchPolicy
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer

NAME = "reconcile"
PAYMENTS = 50_000  # on the sale's day
NEIGHBOURS = 5_000  # on each of the days before and after
DAY = date(2025, 11, 10)
OPEN, CLOSE = 7, 21  # the day's payments are made between these hours (UTC)
SALE_AT, LATE_SALE_AT = 14, 21  # hours the lost-answer sale is made at
PAID_SHARE = 0.85
OTHER_TILLS = 8
AMOUNT = "14900"
#: The /payment/ faults: the payment exists; HPAY answered, nothing made; no answer, nothing made.
FOUND, ANSWERED, SILENT = "http_504", "http_502", "reset"
REQ = "requests"
MAX_CHECKS = 1000  # a watch that never settles is an error, not a figure
S = SaleState


class SkipClock:
    """Real time (epoch seconds) that jumps over the watcher's waits instead of sleeping."""

    def __init__(self) -> None:
        self.restart(0.0)

    def restart(self, epoch: float) -> None:
        self._origin = epoch - time.perf_counter()

    def epoch(self) -> float:
        return self._origin + time.perf_counter()

    def wall(self) -> datetime:
        return datetime.fromtimestamp(self.epoch(), UTC)

    def skip_to(self, moment: float) -> None:
        self._origin += max(0.0, moment - self.epoch())


def at_hour(day: date, hours: float) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() + hours * 3600


class CountingClient(HpayClient):
    """The HPAY client, counting each check's history requests and the pages read again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests: list[int] = []  # per check
        self.rereads: list[int] = []  # per check
        self._seen: dict[str | None, set[str]] = {}  # per status, every id read
        self._asked: set[str | None] = set()  # statuses asked in this check

    def check(self) -> None:
        """A check of the sale begins."""
        self.requests.append(0)
        self.rereads.append(0)
        self._asked = set()

    def history(self, **query: Any) -> HistoryPage:
        page = super().history(**query)
        status = query.get("status")
        seen = self._seen.setdefault(status, set())
        ids = {e.transaction_id for e in page.entries}
        self.requests[-1] += 1
        if status in self._asked and ids and ids <= seen:
            self.rereads[-1] += 1
        self._asked.add(status)
        seen |= ids
        return page


class OldReconciler:
    """``Reconciler.candidates`` of 4bfc627, its reading and matching rules as they were:
    the creation day ±1 in HPAY's time zone, every page of UNPAID then PAID (pages
    overlapping by one entry), a candidate being an entry with the sale number as a
    whole token and the exact amount, merged by transaction id with PAID preferred."""

    MAX_PAGES = 2000

    def __init__(self, client: HpayClient, *, page_size: int = 100) -> None:
        self.client = client
        self.page_size = page_size

    def candidates(self, sale: Sale) -> list[HistoryEntry]:
        day = sale.created_at.astimezone(self.client.config.server_tz).date()
        date_from, date_to = day - timedelta(days=1), day + timedelta(days=1)
        number = re.compile(rf"(?<![\w-]){re.escape(sale.sale_number)}(?![\w-])")
        found: dict[str, HistoryEntry] = {}
        for status in ("UNPAID", "PAID"):
            for entry in self._scan(status, date_from, date_to):
                if entry.amount != sale.amount or not number.search(entry.description):
                    continue
                known = found.get(entry.transaction_id)
                if known is None or (entry.is_paid and not known.is_paid):
                    found[entry.transaction_id] = entry
        return sorted(found.values(), key=lambda e: (e.date_generated, e.transaction_id))

    def _scan(self, status: str, date_from: date, date_to: date) -> list[HistoryEntry]:
        entries: list[HistoryEntry] = []
        step, offset = max(1, self.page_size - 1), 0
        for _ in range(self.MAX_PAGES):
            page = self.client.history(
                status=status, date_from=date_from, date_to=date_to, offset=offset,
                count=self.page_size,
            )  # fmt: skip
            entries.extend(page.entries)
            if not page.has_more:
                return entries
            offset += step
        raise ProtocolError(f"HPAY's history did not end after {self.MAX_PAGES} pages.")


def seed(server: SandboxServer, clock: SkipClock, payments: int, neighbours: int) -> int:
    """Fill the sandbox's state; returns how many of the day's payments are newer than
    the sale (made at :data:`SALE_AT`)."""
    rng = random.Random(20251110)
    state, account = server.state, DEMO_ACCOUNT
    days = [DAY] * payments + [DAY - timedelta(days=1), DAY + timedelta(days=1)] * neighbours
    times = sorted(at_hour(d, rng.uniform(OPEN, CLOSE)) for d in days)
    journals = [new_journal_id() for _ in range(OTHER_TILLS)]
    counters = [0] * OTHER_TILLS
    token, token_at = "", float("-inf")
    for moment in times:
        clock.restart(moment)
        if moment - token_at > 600:  # a till's token lives 15 min
            token = state.get_token({
                "api_key": account.api_key, "api_public_key": account.public_key,
                "api_secret_key": account.secret_key, "mode": "TEST",
            })["token"]  # fmt: skip
            token_at = moment
        till = rng.randrange(OTHER_TILLS)
        counters[till] += 1
        reference = new_reference(journals[till], counters[till])
        number = format_sale_number(f"TILL{till + 1}", counters[till])
        answer = state.create_payment({
            "api_key": account.api_key, "public_key": account.public_key, "mode": "TEST",
            "amount": rng.choice((500, 1000, 2500, 5000, 7000, 14900, 25000)),
            "product_name": rng.choice(("Sac", "Cahier", "Stylo", "Jus", "Pain")),
            "description": compose_description(reference, number, ""),
            "notify_url": "https://hpay.cash/third/notify/",
            "success_url": "https://hpay.cash/third/success/",
            "cancel_url": "https://hpay.cash/third/cancel/", "token": token,
        })  # fmt: skip
        if rng.random() < PAID_SHARE:
            state.mark_paid(str(answer["transaction_id"]))
    sale_at = at_hour(DAY, SALE_AT)
    return sum(1 for t in times if sale_at < t < at_hour(DAY + timedelta(days=1), 0))


@dataclass
class Outcome:
    """How one lost-answer sale ended."""

    seconds: float  # from watching it to its leaving UNKNOWN, waits included
    state: SaleState
    requests: list[int]  # history requests per check
    rereads: int  # pages read again over all its checks


class World:
    """One sale's till: a client, journal and till on the clock, restarted at ``hour``."""

    def __init__(
        self, server: SandboxServer, clock: SkipClock, folder: Path, till: str, hour: float
    ) -> None:
        clock.restart(at_hour(DAY, hour))
        self.server, self.clock = server, clock
        config = demo_client_config(server.url)
        self.client = CountingClient(config, clock=clock.epoch, sleep=lambda _s: None)
        self.journal = Journal(folder / f"{till}.sqlite3", clock=clock.wall)
        self.till = Till(self.client, self.journal, till_name=till, clock=clock.wall)

    def lost_sale(self, fault: str) -> Sale:
        """A sale whose /payment/ request met ``fault``: UNKNOWN."""
        self.server.add_fault("/payment/", fault, times=1)
        sale = self.till.start_sale(AMOUNT, "Sac")
        assert sale.state is S.UNKNOWN, sale
        assert bool(sale.answered) == (fault == ANSWERED), sale
        return sale

    def __enter__(self) -> World:
        return self

    def __exit__(self, *exc: object) -> None:
        self.journal.close()
        self.client.close()

    def outcome(self, sale: Sale, begun: float) -> Outcome:
        state = self.journal.get(sale.id)
        assert state is not None
        reread = sum(self.client.rereads)
        return Outcome(self.clock.epoch() - begun, state.state, list(self.client.requests), reread)


def before(w: World, fault: str) -> Outcome:
    """The old watcher's loop for an UNKNOWN sale, with :class:`OldReconciler`."""
    sale, clock, client = w.lost_sale(fault), w.clock, w.client
    policy, old = WatchPolicy(), OldReconciler(client)
    begun, took = clock.epoch(), 0.0
    while len(client.requests) < MAX_CHECKS:
        if len(client.requests) < 2:
            client.check()
            start = clock.epoch()
            found = old.candidates(sale)
            took = clock.epoch() - start
        else:  # found nothing twice, and nothing changes: the same check again
            client.requests.append(client.requests[-1])
            client.rereads.append(client.rereads[-1])
            clock.skip_to(clock.epoch() + took)
            found = []
        assert len(found) <= 1, found  # one payment per sale in this data
        if found:
            w.till.adopt(sale.id, found[0], "Found the payment in HPAY's history.")
            return w.outcome(sale, begun)
        if (clock.wall() - sale.updated_at).total_seconds() >= policy.reconcile_window:
            w.till.give_up(sale.id, "No payment reached HPAY.")
            return w.outcome(sale, begun)
        clock.skip_to(clock.epoch() + policy.reconcile_interval)
    raise RuntimeError("the old watcher never settled the sale")


def after(w: World, fault: str) -> Outcome:
    """The real watcher and reconciler, default policy, until the sale leaves UNKNOWN."""
    sale, clock, client = w.lost_sale(fault), w.clock, w.client
    reconciler = Reconciler(client)
    watcher = PaymentWatcher(w.till, reconciler, monotonic=clock.epoch, wall=clock.wall)
    begun = clock.epoch()
    watcher.watch(sale)
    while (now := w.journal.get(sale.id)) is not None and now.state is S.UNKNOWN:
        due = watcher.next_due()
        if due is None or len(client.requests) >= MAX_CHECKS:
            raise RuntimeError(f"the watcher left {sale.sale_number} UNKNOWN")
        clock.skip_to(due)
        client.check()
        watcher.run_due()
    assert reconciler.stats.requests == sum(client.requests), "Reconciler.stats agrees"
    return w.outcome(sale, begun)


#: The before/after pairs: (figure, unit, kind of sale, what of its outcome, goal for AFTER).
PAIRS: tuple[tuple[str, str, str, Callable[[Outcome], float], float | None], ...] = (
    ("later check, nothing changed", REQ, "silent", lambda o: o.requests[1], 2.5),
    ("pages read again per sale, 120 s watch", "pages", "silent", lambda o: o.rereads, 0.5),
    ("(a) payment exists: adopted", "s", "found", lambda o: o.seconds, None),
    ("(b) HPAY answered, none made: FAILED", "s", "answered", lambda o: o.seconds, 15.0),
    ("(c) no answer, none made: requests, 120 s", REQ, "silent", lambda o: sum(o.requests), None),
)


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """Seed the sandbox, then settle ``repeat`` lost-answer sales of each kind, both ways."""
    payments, neighbours = (2_000, 200) if quick else (PAYMENTS, NEIGHBOURS)
    clock = SkipClock()
    server = SandboxServer(clock=clock.epoch).start()
    kinds = {"found": FOUND, "answered": ANSWERED, "silent": SILENT}
    sides: dict[str, Callable[[World, str], Outcome]] = {"before": before, "after": after}
    out: dict[tuple[str, str], list[Outcome]] = {
        (s, k): [] for s in sides for k in (*kinds, "late")
    }
    try:
        begun = time.perf_counter()
        newer = seed(server, clock, payments, neighbours)
        seed_s = time.perf_counter() - begun
        for i in range(repeat):
            for side, settle in sides.items():
                for kind, fault in kinds.items():
                    with World(server, clock, workdir, f"{side}{kind}{i}".upper(), SALE_AT) as w:
                        out[side, kind].append(settle(w, fault))
            with World(server, clock, workdir, f"LATE{i}", LATE_SALE_AT) as w:
                out["after", "late"].append(after(w, FOUND))
    finally:
        server.stop()
    for side in sides:  # every sale ended as its kind should
        assert all(o.state is S.AWAITING for o in out[side, "found"]), side
        assert all(o.state is S.FAILED for k in ("answered", "silent") for o in out[side, k]), side

    def runs(side: str, kind: str, figure: Callable[[Outcome], float]) -> tuple[float, ...]:
        return tuple(figure(o) for o in out[side, kind])

    def first(o: Outcome) -> float:
        return o.requests[0]

    baseline = Case("baseline: before: first check", runs("before", "silent", first), unit=REQ)
    cases = [
        Case(f"after: first check, sale at {hour}:00", runs("after", kind, first), unit=REQ)
        for hour, kind in ((SALE_AT, "silent"), (LATE_SALE_AT, "late"))
    ]
    for name, unit, kind, figure, goal in PAIRS:
        old = Case(f"before: {name}", runs("before", kind, figure), unit=unit)
        new = Case(f"after: {name}", runs("after", kind, figure), goal=goal, unit=unit, versus=old)
        cases += [replace(old, versus=old), new]
    setup: dict[str, Any] = {
        "payments_that_day": payments,
        "payments_days_around": 2 * neighbours,
        "newer_than_sale": newer,
        "seed_s": round(seed_s, 1),
        "answered_recheck_s": WatchPolicy().answered_recheck,
    }
    for side in sides:  # the last silent watch: checks, requests of the first and the later ones
        r = out[side, "silent"][-1].requests
        setup[f"silent_{side}"] = (
            f"{len(r)} checks x requests: {r[0]} + {len(r) - 1} x {max(r[1:])}"
        )
    return Benchmark(NAME, baseline, cases, setup)
