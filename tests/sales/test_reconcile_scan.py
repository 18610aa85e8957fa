"""Reconciliation that scales: the sale's own day, each page read once, later checks cheap.

The sandbox lists newest first, as HPAY does; the other orders HPAY might use
(oldest first, no order at all) are played by :class:`Listing`, a fake history
that counts which pages were read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.models import HistoryEntry, HistoryPage
from hpos.sales.reconcile import CLOCK_SKEW, Reconciler
from hpos.sales.states import SaleState
from tests.helpers.watch import HISTORY, Rig

S = SaleState
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def entry(n: int, when: datetime, description: str = "", amount: str = "100") -> HistoryEntry:
    return HistoryEntry(
        transaction_id=f"TX{n:06d}",
        amount=Decimal(amount),
        fees=Decimal(0),
        profit=Decimal(0),
        currency="XOF",
        mode="TEST",
        status="UNPAID",
        product="Tea",
        description=description,
        payment_link="",
        date_generated=when,
    )


class Listing:
    """A fake HPAY history: one list per status, in a chosen order; pages counted."""

    def __init__(self, client: HpayClient, entries: list[HistoryEntry], order: str) -> None:
        self.config = client.config
        self.entries = entries
        self.order = order
        self.reads: Counter[tuple[str, int]] = Counter()

    def listed(self, status: str) -> list[HistoryEntry]:
        rows = [e for e in self.entries if e.status == status]
        if self.order == "desc":
            return sorted(rows, key=lambda e: e.date_generated, reverse=True)
        if self.order == "asc":
            return sorted(rows, key=lambda e: e.date_generated)
        return sorted(rows, key=lambda e: e.transaction_id[::-1])  # no date order

    def history(self, *, status: str, offset: int, count: int, **_: Any) -> HistoryPage:
        self.reads[(status, offset)] += 1
        rows = self.listed(status)[offset : offset + count]
        return HistoryPage(tuple(rows), offset, count)


def sale_for(rig: Rig) -> Any:
    sale = rig.till.start_sale("100", "Tea")
    return replace(sale, created_at=NOW, state=S.UNKNOWN)


def busy_day(rig: Rig, n: int = 600) -> list[HistoryEntry]:
    """``n`` payments of other sales, one a minute back from NOW, and some after."""
    before = [entry(i, NOW - timedelta(minutes=i + 1)) for i in range(n)]
    after = [entry(n + i, NOW + timedelta(seconds=10 * (i + 1))) for i in range(3)]
    return before + after


@pytest.mark.parametrize("order", ["desc", "asc", "none"])
def test_each_page_is_read_at_most_once_per_sale(rig: Rig, client: HpayClient, order: str) -> None:
    sale = sale_for(rig)
    listing = Listing(client, busy_day(rig), order)
    reconciler = Reconciler(listing, page_size=50)  # type: ignore[arg-type]
    assert reconciler.candidates(sale) == []
    first = sum(listing.reads.values())
    if order == "desc":
        assert first == 2, "the newest pages down to the sale's time, one status each"
    listing.reads.clear()
    assert reconciler.candidates(sale) == []
    later = sum(listing.reads.values())
    if order in ("desc", "asc"):
        assert later <= 2, "nothing new: one request per status"
    else:
        assert later == first, "no order proves anything: everything again"


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_a_payment_that_appears_later_is_found_on_the_next_check(
    rig: Rig, client: HpayClient, order: str
) -> None:
    sale = sale_for(rig)
    entries = busy_day(rig)
    listing = Listing(client, entries, order)
    reconciler = Reconciler(listing, page_size=50)  # type: ignore[arg-type]
    assert reconciler.candidates(sale) == []
    late = entry(999_999, NOW + timedelta(minutes=2), sale.description)
    entries.append(late)
    listing.reads.clear()
    [found] = reconciler.candidates(sale)
    assert found.transaction_id == late.transaction_id
    assert sum(listing.reads.values()) <= (2 if order == "desc" else 3)
    assert max(listing.reads.values()) == 1


def test_a_payment_older_than_the_sale_is_never_its_own(rig: Rig, client: HpayClient) -> None:
    sale = sale_for(rig)
    old = entry(1, NOW - CLOCK_SKEW - timedelta(seconds=1), sale.description)
    listing = Listing(client, [old], "desc")
    assert Reconciler(listing).candidates(sale) == []  # type: ignore[arg-type]
    recent = entry(2, NOW - CLOCK_SKEW + timedelta(seconds=1), sale.description)
    listing.entries.append(recent)
    assert [e.transaction_id for e in Reconciler(listing).candidates(sale)] == ["TX000002"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value"), [("amount", Decimal(101)), ("currency", "EUR"), ("mode", "PROD")]
)
def test_amount_currency_and_mode_must_match(
    rig: Rig, client: HpayClient, field: str, value: Any
) -> None:
    sale = sale_for(rig)
    other = replace(entry(1, NOW, sale.description), **{field: value})
    listing = Listing(client, [other], "desc")
    assert Reconciler(listing).candidates(sale) == []  # type: ignore[arg-type]


def test_only_the_sales_day_is_searched_unless_near_midnight(rig: Rig, client: HpayClient) -> None:
    sale = sale_for(rig)
    reconciler = Reconciler(client)
    assert reconciler.search_days(sale) == (date(2026, 6, 1), date(2026, 6, 1))
    evening = replace(sale, created_at=datetime(2026, 6, 1, 23, 59, 50, tzinfo=UTC))
    assert reconciler.search_days(evening) == (date(2026, 6, 1), date(2026, 6, 2))
    morning = replace(sale, created_at=datetime(2026, 6, 2, 0, 1, tzinfo=UTC))
    assert reconciler.search_days(morning) == (date(2026, 6, 1), date(2026, 6, 2))


def test_against_the_sandbox_a_quiet_later_check_costs_two_requests(
    sandbox: Any, rig: Rig, client: HpayClient
) -> None:
    for n in range(30):
        client.create_payment("100", "Other", f"other {n}")
    sandbox.add_fault("/payment/", "reset", times=1)
    sale = rig.till.start_sale("2500", "Bread")
    rig.watcher.watch(sale)
    rig.watcher.run_due()
    before = sandbox.stats()["requests"][HISTORY]
    rig.step()
    assert sandbox.stats()["requests"][HISTORY] - before == 2
    assert rig.sale(sale.id).state is S.UNKNOWN


class Arriving(Listing):
    """Another till's payment lands at the top of the listing after a given request."""

    def __init__(self, client: HpayClient, entries: list[HistoryEntry], after: int) -> None:
        super().__init__(client, entries, "desc")
        self.after = after
        self.calls = 0

    def history(self, **kw: Any) -> HistoryPage:
        page = super().history(**kw)
        self.calls += 1
        if self.calls == self.after:
            self.entries.append(entry(888_888, NOW + timedelta(hours=5)))
        return page


def test_a_payment_made_while_paging_does_not_pass_for_disorder(
    rig: Rig, client: HpayClient
) -> None:
    sale = sale_for(rig)
    later = [entry(i, NOW + timedelta(seconds=i)) for i in range(1, 400)]
    listing = Arriving(client, later, after=3)
    reconciler = Reconciler(listing, page_size=50)  # type: ignore[arg-type]
    reconciler.candidates(sale)
    counts = []
    for _ in range(2):
        before = reconciler.stats.requests
        reconciler.candidates(sale)
        counts.append(reconciler.stats.requests - before)
    assert counts == [2, 2], "the shifted page was not taken for an unordered listing"


def test_oldest_first_payments_leaving_the_listing_do_not_hide_the_sales_one(
    rig: Rig, client: HpayClient
) -> None:
    sale = sale_for(rig)
    entries = [entry(i, NOW + timedelta(minutes=i)) for i in range(1, 6)]
    listing = Listing(client, entries, "asc")
    reconciler = Reconciler(listing)  # type: ignore[arg-type]
    assert reconciler.candidates(sale) == []
    entries[0] = replace(entries[0], status="PAID")  # two older payments are paid meanwhile
    entries[1] = replace(entries[1], status="PAID")
    ours = entry(777_777, NOW + timedelta(minutes=6), sale.description)
    entries += [ours, entry(6, NOW + timedelta(minutes=7))]
    assert [e.transaction_id for e in reconciler.candidates(sale)] == [ours.transaction_id]


def test_oldest_first_shifted_by_more_than_a_page_reads_it_all_again(
    rig: Rig, client: HpayClient
) -> None:
    sale = sale_for(rig)
    entries = [entry(i, NOW + timedelta(seconds=i)) for i in range(1, 31)]
    listing = Listing(client, entries, "asc")
    reconciler = Reconciler(listing, page_size=5)  # type: ignore[arg-type]
    assert reconciler.candidates(sale) == []
    for i in range(12):  # more than a page leaves the UNPAID listing
        entries[i] = replace(entries[i], status="PAID")
    ours = entry(777_777, NOW + timedelta(minutes=6), sale.description)
    entries.append(ours)
    assert [e.transaction_id for e in reconciler.candidates(sale)] == [ours.transaction_id]
