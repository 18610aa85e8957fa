"""Every till of the account (issue 15, point 4): HPAY's history of a day grouped by till.

Real sandbox over loopback HTTP; two tills with different names (two journals) on one
account and a payment made without HPOS (:mod:`tests.helpers.tills`, figures by hand).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import HpayError, InvalidRequest
from hpos.sales.all_tills import AllTillsReport, Totals, build_all_tills, till_of
from hpos.sales.reference import compose_description, format_sale_number, new_reference
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import client_config, start_sandbox
from tests.helpers.tills import BAR, FRONT, NOT_HPOS, TOTAL, seed_shop_day


def figures(t: Totals) -> tuple[int, Decimal, Decimal, Decimal, int]:
    return (t.paid_count, t.paid_amount, t.fees, t.net, t.unpaid_count)


def today() -> date:
    return datetime.now(UTC).date()


def test_two_tills_and_a_payment_taken_elsewhere_are_grouped_exactly(
    sandbox: SandboxServer, client: HpayClient, tmp_path: Path
) -> None:
    shop = seed_shop_day(sandbox, tmp_path)
    pages: list[int] = []
    report = build_all_tills(client, today(), page_size=3, progress=pages.append)

    lines = {(line.till, line.journal_id): line.totals for line in report.tills}
    assert set(lines) == {("BAR", shop.bar_journal), ("FRONT", shop.front_journal)}
    assert [line.till for line in report.tills] == ["BAR", "FRONT"], "sorted by till name"
    assert figures(lines["FRONT", shop.front_journal]) == FRONT[1:]
    assert figures(lines["BAR", shop.bar_journal]) == BAR[1:]
    assert [figures(t) for t in report.not_hpos] == [NOT_HPOS]
    assert [p.transaction_id for p in report.not_hpos_listed] == [shop.walk_in]
    assert report.not_hpos_listed[0].product == "Walk-in"
    assert [figures(t) for t in report.totals] == [TOTAL]
    assert report.currencies == ("XOF",)
    assert (report.mode, report.day, report.tz) == ("TEST", today(), "UTC")
    assert (report.other_mode_count, report.outside_count) == (0, 0)
    assert report.entries_read == 6
    assert report.pages_read == 3, "three pages of 3: full, full, empty"
    assert pages == [3, 6], "progress after each full page"


def test_a_day_without_payments_is_empty_not_an_error(client: HpayClient) -> None:
    report = build_all_tills(client, today() - timedelta(days=3))
    assert report == AllTillsReport(
        day=today() - timedelta(days=3),
        mode="TEST",
        tz="UTC",
        tills=(),
        not_hpos=(),
        not_hpos_listed=(),
        totals=(),
        other_mode_count=0,
        outside_count=0,
        entries_read=0,
        pages_read=1,
    )


def test_a_payment_made_while_the_pages_are_read_counts_once(
    sandbox: SandboxServer, client: HpayClient, tmp_path: Path
) -> None:
    """HPAY lists newest first: a payment made between two pages shifts the listing, and the
    next page starts with the entry the previous one ended with. It is counted once."""
    seed_shop_day(sandbox, tmp_path)
    other = HpayClient(client.config)

    def meanwhile(read: int) -> None:
        if read == 2:
            other.create_payment(Decimal(900), "Meanwhile", "made while the owner reads")

    try:
        report = build_all_tills(client, today(), page_size=2, progress=meanwhile)
    finally:
        other.close()
    assert [figures(t) for t in report.totals] == [TOTAL], "nothing counted twice"
    assert report.entries_read == 7, "the entry at the page's edge came twice"


def test_the_payments_not_from_hpos_are_all_counted_but_listed_up_to_a_bound(
    sandbox: SandboxServer, client: HpayClient
) -> None:
    made = [client.create_payment(Decimal(100 * n), f"Elsewhere {n}", "") for n in (1, 2, 3)]
    sandbox.mark_paid(made[0].transaction_id)
    report = build_all_tills(client, today(), listed=2)
    assert [figures(t) for t in report.not_hpos] == [(1, Decimal(100), Decimal(2), Decimal(98), 2)]
    assert [p.transaction_id for p in report.not_hpos_listed] == [
        made[2].transaction_id,
        made[1].transaction_id,
    ], "the newest first, two at most"
    assert report.not_hpos_count == 3
    assert report.tills == ()


def test_a_typed_marker_or_a_sale_number_alone_is_not_a_till() -> None:
    ref = new_reference("7KQ3M9XW", 42)
    assert till_of(compose_description(ref, format_sale_number("FRONT", 42), "x")) == (
        "FRONT",
        "7KQ3M9XW",
    )
    assert till_of(ref) == ("", "7KQ3M9XW"), "a reference without its sale number"
    assert till_of(f"FRONT-000042 {ref}") is None, "only the first word is a reference"
    assert till_of("FRONT-000042 from before sale references") is None
    assert till_of("HPOS-7KQ3M9XW-42-R8TNZ4 short counter") is None
    assert till_of("") is None


def test_the_day_is_the_shops_when_its_time_zone_is_not_hpays(tmp_path: Path) -> None:
    """A shop at UTC+1: its day starts at 23:00 UTC the day before. The server days that
    cover it are read and only the payments dated inside count."""
    day = date(2026, 3, 14)
    moments = iter(
        datetime(*when, tzinfo=UTC).timestamp()
        for when in (
            (2026, 3, 13, 22, 30),  # 23:30 the day before, shop time: outside
            (2026, 3, 13, 23, 30),  # 00:30 on the day, shop time: inside
            (2026, 3, 14, 22, 30),  # 23:30 on the day, shop time: inside
            (2026, 3, 14, 23, 30),  # 00:30 the day after: outside
        )
    )
    now = [0.0]
    server = start_sandbox(clock=lambda: now[0], token_ttl=86400.0)
    client = HpayClient(client_config(server.url), sleep=lambda _s: None)
    try:
        for n, moment in enumerate(moments, 1):
            now[0] = moment
            number = format_sale_number("FRONT", n)
            desc = compose_description(new_reference("7KQ3M9XW", n), number, "")
            payment = client.create_payment(Decimal(1000 * n), "Article", desc)
            server.mark_paid(payment.transaction_id)
        report = build_all_tills(client, day, tz=timezone(timedelta(hours=1)))
    finally:
        client.close()
        server.stop()
    assert [(line.till, figures(line.totals)) for line in report.tills] == [
        ("FRONT", (2, Decimal(5000), Decimal(75), Decimal(4925), 0))
    ]
    assert report.outside_count == 2, "both 23:30 shop-time neighbours are read, not counted"
    assert report.entries_read == 4
    assert report.tz == "UTC+01:00"


def test_hpay_failing_is_an_error_never_half_a_day(
    sandbox: SandboxServer, client: HpayClient, tmp_path: Path
) -> None:
    seed_shop_day(sandbox, tmp_path)
    client.token()
    sandbox.add_fault("/getPaymentHistory/", "http_500")
    with pytest.raises(HpayError):
        build_all_tills(client, today(), page_size=2)
    with pytest.raises(InvalidRequest):
        build_all_tills(client, today(), page_size=501)
