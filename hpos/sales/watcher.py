"""The payment watcher: which sales to check with HPAY, when, and what to conclude.

No thread of its own: :meth:`PaymentWatcher.run_due` does the checks that are
due (blocking), called by :meth:`run_until` (CLI) or the GUI's runner, while the
GUI thread may :meth:`watch` / :meth:`forget`. A lock guards the schedule and is
never held during a network call; a sale being checked is marked in flight under
it, so there is one status request per sale at a time, even when
:meth:`run_due` and :meth:`check_now` race.

One check, by state:

- AWAITING: ``find_payment(txid)``; PAID -> PAID, stop. Not paid and older than
  ``expire_after`` (from ``created_at``, wall clock) -> EXPIRED. Only after a
  successful check: a payment made while offline is PAID, not paid late.
- CANCELLED / EXPIRED: until ``grace_period`` after their last update; PAID ->
  PAID (the journal marks it paid late).
- UNKNOWN: the reconciler's candidates and :func:`~hpos.sales.reconcile.decide`:
  adopt (``Till.adopt``), REVIEW (never guess), FAILED (``Till.give_up``: safe
  to try again), or wait. When HPAY *answered* the payment request (an HTTP
  error, not a 504) the request finished there: the history is searched at once
  and once more ``answered_recheck`` seconds later, then FAILED if nothing
  carries the reference. When no answer came, FAILED only after
  ``reconcile_window``.
- AWAITING, CANCELLED, EXPIRED: the entry of the sale's own transaction id must
  be the sale's (amount, currency and, when the sale has one, its reference);
  one that is not goes to REVIEW, never PAID.
- anything else: stop.

Interval: ``fast_interval`` for ``fast_period`` after watching starts, then
x``growth`` per check up to ``max_interval``. A failed check (any HpayError)
keeps the state and retries after ``interval * 2**(failures-1)``, at most
``error_backoff_max``.

Events (:class:`SaleEvent`): "state" for the watcher's own transitions (PAID,
EXPIRED, REVIEW; the Till reports adopt/give_up), "checked" (nothing new, or
still offline), "connection_lost" (first failure of a streak),
"connection_restored", "stopped" (watching ended).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from hpos.hpay.errors import HpayError
from hpos.hpay.models import HistoryEntry
from hpos.sales.journal import JournalError
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.reconcile import Reconciler, decide, not_its_own
from hpos.sales.states import IllegalTransition, SaleState
from hpos.sales.till import Till

log = logging.getLogger(__name__)

S = SaleState
Listener = Callable[[SaleEvent], None]
#: States the watcher checks; others are not (or no longer) its business.
WATCHED = frozenset({S.AWAITING, S.UNKNOWN, S.CANCELLED, S.EXPIRED})


def utcnow() -> datetime:
    """The current time, aware, UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class WatchPolicy:
    """Timings of the watcher, in seconds (all positive; ``growth`` at least 1)."""

    fast_interval: float = 1.0  # while the customer is likely scanning
    fast_period: float = 60.0  # seconds of fast polling after watching starts
    max_interval: float = 5.0  # normal ceiling
    growth: float = 1.5
    error_backoff_max: float = 15.0
    expire_after: float = 900.0  # AWAITING -> EXPIRED (from sale.created_at)
    grace_period: float = 1800.0  # keep checking CANCELLED/EXPIRED after their last update
    grace_interval: float = 10.0
    reconcile_interval: float = 2.0
    reconcile_window: float = 120.0  # UNKNOWN -> FAILED when nothing found by then
    answered_recheck: float = 5.0  # HPAY answered: the second search, then FAILED

    def __post_init__(self) -> None:
        if any(v <= 0 for v in vars(self).values()) or self.growth < 1:
            raise ValueError("watch timings must be positive and growth at least 1")


@dataclass
class _Watch:
    sale_id: int
    started: float  # monotonic: start of the fast period
    due: float
    interval: float  # the last normal (error-free) interval
    failures: int = 0
    restart: bool = False  # watch() was called while a check was in flight
    searches: int = 0  # complete history searches of an UNKNOWN sale


@dataclass
class _Result:
    sale: Sale | None = None  # the sale as it ends this check
    delay: float = 0.0
    stopped: str | None = None  # the "stopped" message, when watching ends
    changed: bool = False  # the sale's state changed
    error: HpayError | None = None  # the check could not reach HPAY


class PaymentWatcher:
    """Checks watched sales with HPAY on an adaptive schedule. Thread-safe."""

    def __init__(
        self,
        till: Till,
        reconciler: Reconciler | None = None,
        *,
        policy: WatchPolicy | None = None,
        listener: Listener | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = utcnow,
    ) -> None:
        self.till = till
        self.reconciler = reconciler or Reconciler(till.client)
        self.policy = policy or WatchPolicy()
        self._listener = listener
        self._mono = monotonic
        self._wall = wall
        self._cond = threading.Condition()
        self._watches: dict[int, _Watch] = {}
        self._busy: set[int] = set()  # ids of the sales being checked right now
        self._errors: dict[int, HpayError] = {}  # why a sale's last check failed

    # -- the schedule (no I/O: safe on the GUI thread) --------------------------------

    def watch(self, sale: Sale, *, first_check_in: float = 0.0) -> bool:
        """(Re)start watching ``sale``; False when it needs no watching.

        The first check is due now, or ``first_check_in`` seconds from now (a
        payment created a moment ago cannot be paid yet: one request per charge).
        Not watched: final or REVIEW sales, sales still being sent, and
        CANCELLED/EXPIRED sales whose grace period is over.
        """
        if not self._watchable(sale):
            return False
        now = self._mono()
        due = now + max(0.0, first_check_in)
        with self._cond:
            w = self._watches.get(sale.id)
            if w is None:
                self._watches[sale.id] = _Watch(sale.id, now, due, self.policy.fast_interval)
            else:
                w.started, w.due, w.interval = now, due, self.policy.fast_interval
                w.restart = sale.id in self._busy
        return True

    def forget(self, sale_id: int) -> None:
        """Stop watching a sale (a check in flight finishes, is not rescheduled)."""
        with self._cond:
            self._watches.pop(sale_id, None)
            self._errors.pop(sale_id, None)
        self.reconciler.forget(sale_id)

    def watching(self) -> list[int]:
        """Ids of the watched sales."""
        with self._cond:
            return sorted(self._watches)

    def next_due(self) -> float | None:
        """Monotonic time of the next check, None when nothing is watched."""
        with self._cond:
            return min((w.due for w in self._watches.values()), default=None)

    # -- checking (blocking: network and journal) ------------------------------------

    def run_due(self) -> list[Sale]:
        """Do every check due now, one sale after another; the sales whose state changed."""
        now = self._mono()
        done: set[int] = set()
        changed: list[Sale] = []
        while (w := self._claim_due(now, done)) is not None:
            done.add(w.sale_id)
            if (sale := self._run(w)) is not None:
                changed.append(sale)
        return changed

    def check_now(self, sale_id: int) -> Sale:
        """Check one sale right away (the GUI's "refresh") and return it as it stands.

        If a check of that sale is already in flight, waits for it instead of
        sending a second request. A sale that needs no watching is returned as is.
        """
        with self._cond:
            w = self._watches.get(sale_id)
        if w is None:
            sale = self._get(sale_id)
            if not self.watch(sale):
                return sale
        with self._cond:
            w = self._watches.get(sale_id)
            if sale_id in self._busy:
                while sale_id in self._busy:
                    self._cond.wait()
                w = None
            elif w is not None:
                self._claim(w)
        if w is not None:
            self._run(w)
        return self._get(sale_id)

    def refresh(self, sale_id: int) -> tuple[Sale, HpayError | None]:
        """:meth:`check_now`, and why the sale could not be refreshed (None: it was, or
        it needs no checking). A sale returned with an error is its *last known* state."""
        sale = self.check_now(sale_id)
        with self._cond:
            return sale, self._errors.get(sale_id)

    def last_error(self, sale_id: int) -> HpayError | None:
        """Why the last check of a sale failed; None after a successful one."""
        with self._cond:
            return self._errors.get(sale_id)

    def run_until(
        self,
        done: Callable[[], bool],
        *,
        timeout: float,
        sleep: Callable[[float], None] = time.sleep,
    ) -> bool:
        """Run checks as they fall due until ``done()`` (True) or ``timeout`` (False)."""
        end = self._mono() + timeout
        while not done():
            if self._mono() >= end:
                return False
            self.run_due()
            now, due = self._mono(), self.next_due()
            wait = min(end, now + self.policy.fast_interval if due is None else due) - now
            if wait > 0 and not done():
                sleep(wait)
        return True

    def transition(
        self,
        sale_id: int,
        target: SaleState,
        message: str,
        *,
        error: str | None = None,
        fees: Decimal | None = None,
    ) -> Sale:
        """A transition the sales layer decided by itself (through the till: journal + event)."""
        return self.till.transition(sale_id, target, message, error=error, fees=fees)

    def now(self) -> datetime:
        """The watcher's wall clock (aware)."""
        return self._wall()

    # -- internals --------------------------------------------------------------------

    def _watchable(self, sale: Sale) -> bool:
        if sale.state not in WATCHED:
            return False
        if sale.state in (S.CANCELLED, S.EXPIRED):
            return self._age(sale.updated_at) < self.policy.grace_period
        return True

    def _claim_due(self, now: float, done: set[int]) -> _Watch | None:
        with self._cond:
            for w in self._watches.values():
                if w.due <= now and w.sale_id not in self._busy and w.sale_id not in done:
                    self._claim(w)
                    return w
        return None

    def _claim(self, w: _Watch) -> None:
        """Mark in flight (lock held); provisional due so next_due never points back."""
        self._busy.add(w.sale_id)
        w.due = self._mono() + self.policy.fast_interval

    def _run(self, w: _Watch) -> Sale | None:
        """One check of a claimed watch, then reschedule it; the sale if its state changed."""
        result: _Result | None = None
        try:
            result = self._check(w)
        finally:
            with self._cond:
                self._busy.discard(w.sale_id)
                if result is not None and result.error is not None:
                    self._errors[w.sale_id] = result.error
                else:
                    self._errors.pop(w.sale_id, None)
                if self._watches.get(w.sale_id) is w:
                    if result is not None and result.stopped is not None:
                        del self._watches[w.sale_id]
                    else:
                        delay = self.policy.max_interval if result is None else result.delay
                        w.due = self._mono() + (0.0 if w.restart else delay)
                        w.restart = False
                self._cond.notify_all()
        assert result is not None  # _check raised otherwise
        if result.stopped is not None:
            self.reconciler.forget(w.sale_id)
        if result.stopped is not None and result.sale is not None:
            self._emit("stopped", result.sale, result.stopped)
        return result.sale if result.changed else None

    def _check(self, w: _Watch) -> _Result:
        sale = self.till.journal.get(w.sale_id)
        if sale is None:
            log.warning("watched sale %s is not in the journal", w.sale_id)
            return _Result(stopped="This sale is not in the journal.")
        if sale.state not in WATCHED:
            return _Result(sale, stopped=_stop_message(sale))
        if not self._watchable(sale):
            minutes = round(self.policy.grace_period / 60)
            return _Result(sale, stopped=f"No late payment within {minutes} min; checks stopped.")
        if sale.state is not S.UNKNOWN and not sale.transaction_id:  # never guess
            return _Result(sale, stopped="This sale has no HPAY transaction id; checks stopped.")
        try:
            if sale.state is S.UNKNOWN:
                legacy = self.till.journal.is_legacy(sale)
                found = self.reconciler.candidates(sale, legacy=legacy)
                w.searches += 1
                self._restored(w, sale)
                return self._reconcile(w, sale, found)
            entry = self.till.client.find_payment(sale.transaction_id or "")
            self._restored(w, sale)
            return self._status(w, sale, entry)
        except HpayError as exc:
            return self._failed(w, sale, exc)
        except JournalError as exc:  # a local fault: keep watching, say it, never lose the sale
            log.warning("check of %s: %s", sale.sale_number, exc)
            text = f"The journal could not record this check ({exc}); retrying."
            self._emit("checked", sale, text)
            return _Result(sale, delay=self.policy.error_backoff_max)
        except IllegalTransition as exc:  # someone else moved the sale meanwhile
            log.info("sale %s moved during a check: %s", sale.sale_number, exc)
            return _Result(sale, delay=self.policy.fast_interval)

    def _restored(self, w: _Watch, sale: Sale) -> None:
        if w.failures:
            w.failures = 0
            self._emit("connection_restored", sale, "Connection to HPAY restored.")

    def _status(self, w: _Watch, sale: Sale, entry: HistoryEntry | None) -> _Result:
        if entry is not None and (why := not_its_own(sale, entry)):
            text = (
                f"HPAY lists payment {entry.transaction_id} with {why}, not as the payment of"
                f" sale {sale.sale_number}; a person must check this sale."
            )
            new = self.transition(sale.id, S.REVIEW, text, error=text)
            return _Result(new, stopped=_stop_message(new), changed=True)
        if entry is not None and entry.is_paid:
            late = sale.state is not S.AWAITING
            text = f"Paid late (after it was {sale.state.value})." if late else "Paid."
            new = self.transition(sale.id, S.PAID, text, fees=entry.fees)
            return _Result(new, stopped=_stop_message(new), changed=True)
        if sale.state is S.AWAITING and self._age(sale.created_at) >= self.policy.expire_after:
            minutes = round(self.policy.expire_after / 60)
            text = f"Not paid after {minutes} min: expired. A late payment will still be caught."
            new = self.transition(sale.id, S.EXPIRED, text)
            return _Result(new, delay=self.policy.grace_interval, changed=True)
        if entry is None:
            self._emit("checked", sale, f"HPAY does not list payment {sale.transaction_id} yet.")
        else:
            self._emit("checked", sale, "Not paid yet.")
        return _Result(sale, delay=self._interval(w, sale))

    def _reconcile(self, w: _Watch, sale: Sale, found: list[HistoryEntry]) -> _Result:
        p = self.policy
        waited = self._age(sale.updated_at)
        window = p.answered_recheck if sale.answered else p.reconcile_window
        verdict = decide(
            sale, found, waited=waited, window=window, searches=w.searches,
            min_searches=2 if sale.answered else 1,
        )  # fmt: skip
        if verdict.action == "wait":
            self._emit("checked", sale, verdict.message)
            delay = p.reconcile_interval
            if sale.answered:  # the second search once the recheck time is reached
                delay = max(p.answered_recheck - waited, min(p.reconcile_interval, window))
            return _Result(sale, delay=delay)
        if verdict.entry is not None:
            new = self.till.adopt(sale.id, verdict.entry, verdict.message)
        elif verdict.action == "review":
            new = self.transition(sale.id, S.REVIEW, verdict.message, error=verdict.message)
        else:
            new = self.till.give_up(sale.id, verdict.message)
        if new.state is S.AWAITING:  # the link was never shown: the customer scans now
            w.started, w.interval = self._mono(), p.fast_interval
            return _Result(new, delay=p.fast_interval, changed=True)
        return _Result(new, stopped=_stop_message(new), changed=True)

    def _failed(self, w: _Watch, sale: Sale, exc: HpayError) -> _Result:
        w.failures += 1
        base = self._interval(w, sale, grow=False)
        delay = min(self.policy.error_backoff_max, base * 2 ** (w.failures - 1))
        log.info("check of %s failed (%d): %s", sale.sale_number, w.failures, exc.message)
        if w.failures == 1:
            text = f"Connection to HPAY lost ({exc.message.rstrip('.')}); retrying."
            self._emit("connection_lost", sale, text, exc)
        else:
            text = f"Still no connection to HPAY; next try in {delay:.0f} s."
            self._emit("checked", sale, text, exc)
        return _Result(sale, delay=delay, error=exc)

    def _interval(self, w: _Watch, sale: Sale, *, grow: bool = True) -> float:
        p = self.policy
        if sale.state is S.UNKNOWN:
            return p.reconcile_interval
        if sale.state in (S.CANCELLED, S.EXPIRED):
            return p.grace_interval
        if self._mono() - w.started < p.fast_period:
            w.interval = p.fast_interval
        elif grow:
            w.interval = min(p.max_interval, max(w.interval, p.fast_interval) * p.growth)
        return w.interval

    def _age(self, since: datetime) -> float:
        return (self._wall() - since).total_seconds()

    def _get(self, sale_id: int) -> Sale:
        sale = self.till.journal.get(sale_id)
        if sale is None:
            raise KeyError(sale_id)
        return sale

    def _emit(self, kind: str, sale: Sale, message: str, error: HpayError | None = None) -> None:
        if self._listener is not None:
            event = SaleEvent(kind=kind, sale=sale, message=message, at=self._wall(), error=error)
            self._listener(event)


def _stop_message(sale: Sale) -> str:
    if sale.state is S.PAID:
        return "Paid late; checks stopped." if sale.paid_late else "Paid; checks stopped."
    if sale.state is S.FAILED:
        return "Failed; checks stopped."
    if sale.state is S.REVIEW:
        return "Needs a person to choose the payment; checks stopped."
    return f"Not watched while {sale.state.value}; checks stopped."
