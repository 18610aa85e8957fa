"""Start-up recovery: resume every sale a previous run left unfinished.

Called once after the journal opens (and the profile lock is held), before new
sales start. For each open sale (``states.OPEN``), oldest first:

- CREATED: HPOS stopped before the payment request left, so nothing was sent:
  FAILED, safe to try again (``Till.give_up``).
- REQUESTING: the request may or may not have reached HPAY: UNKNOWN (never
  resent), and watched so the reconciler finds the payment or proves it absent.
- AWAITING, UNKNOWN, and CANCELLED/EXPIRED within their grace period: handed
  to the watcher (due at once). CANCELLED/EXPIRED past their grace are left
  alone.

REVIEW sales wait for a person: they are returned, not watched. Every
transition made here is reported as a "state" event (by the Till or the watcher).
"""

from __future__ import annotations

from datetime import timedelta

from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sales.watcher import PaymentWatcher

NOT_SENT = "HPOS stopped before the payment request was sent; nothing was charged."
MAYBE_SENT = "HPOS stopped while asking HPAY; checking whether the payment exists."

S = SaleState
#: Resumed whatever their age; CANCELLED/EXPIRED only within the grace period.
_ALWAYS = (S.CREATED, S.REQUESTING, S.AWAITING, S.UNKNOWN)


def recover(journal: Journal, till: Till, watcher: PaymentWatcher) -> list[Sale]:
    """Resume the open sales; returns those that need attention, as they now stand.

    That is: the CREATED sales now FAILED, every sale now watched (including the
    former REQUESTING, now UNKNOWN) and every REVIEW sale, by id.
    """
    found: list[Sale] = []
    grace = timedelta(seconds=watcher.policy.grace_period)
    recent = journal.sales_in((S.CANCELLED, S.EXPIRED), updated_since=watcher.now() - grace)
    for sale in sorted(journal.sales_in(_ALWAYS) + recent, key=lambda s: s.id):
        if sale.state is SaleState.CREATED:
            found.append(till.give_up(sale.id, NOT_SENT))
            continue
        if sale.state is SaleState.REQUESTING:
            sale = watcher.transition(sale.id, SaleState.UNKNOWN, MAYBE_SENT, error=MAYBE_SENT)
        if watcher.watch(sale):
            found.append(sale)
    found.extend(journal.sales_in((S.REVIEW,)))
    return sorted(found, key=lambda s: s.id)
