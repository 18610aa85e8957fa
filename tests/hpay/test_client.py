"""The client against the sandbox over real loopback HTTP: endpoints, filters, tokens, paging."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import (
    BadCredentials,
    ConfigError,
    HpayTimeout,
    InvalidAmount,
    InvalidRequest,
    UnsafeCheckoutUrl,
)
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT
from tests.helpers.sandbox import start_sandbox


def test_token_carries_company_mode_currency_and_balance(client: HpayClient) -> None:
    token = client.token()
    assert token.company == DEMO_ACCOUNT.company
    assert token.mode == "TEST"
    assert token.currency == "XOF"
    assert token.livetime_seconds == 900
    assert token.main_balance == DEMO_ACCOUNT.main_balance


def test_token_is_reused_across_calls_on_one_connection(sandbox: Any, client: HpayClient) -> None:
    client.balance()
    client.history()
    client.create_payment(Decimal(1000), "Tea")
    assert len(sandbox.issued_tokens()) == 1
    assert client.transport.stats.connections == 1
    assert client.transport.stats.requests == 4


def test_payment_in_xof(sandbox: Any, client: HpayClient) -> None:
    payment = client.create_payment("14900", "Achat de sac pour enfant", "S-1 sac d'école")
    assert payment.amount == Decimal(14900)
    assert payment.currency == "XOF"
    assert payment.mode == "TEST"
    assert payment.company == DEMO_ACCOUNT.company
    assert payment.fees >= 0
    assert payment.checkout_url.startswith(f"{sandbox.url}/checkout/")
    assert payment.transaction_id in payment.checkout_url
    [held] = sandbox.payments()
    assert held.transaction_id == payment.transaction_id
    assert held.description == "S-1 sac d'école"


def test_payment_in_cad_keeps_cents(sandbox: Any, make_client: Callable[..., HpayClient]) -> None:
    client = make_client(DEMO_CAD_ACCOUNT)
    payment = client.create_payment(Decimal("12.50"), "Muffin")
    assert payment.amount == Decimal("12.50")
    assert payment.currency == "CAD"
    assert sandbox.payments()[0].amount == Decimal("12.50")


@pytest.mark.parametrize("amount", ["12.5", "0", "-5", "1e3", "abc", "1000000000000"])
def test_bad_amount_is_refused_before_any_payment_request(
    sandbox: Any, client: HpayClient, amount: str
) -> None:
    with pytest.raises(InvalidAmount):
        client.create_payment(amount, "Tea")
    assert sandbox.payments() == []
    assert sandbox.stats()["requests"].get("/payment/", 0) == 0


def test_float_amount_is_refused(client: HpayClient) -> None:
    with pytest.raises(InvalidAmount):
        client.create_payment(12.5, "Tea")  # type: ignore[arg-type]


def test_empty_product_is_refused(client: HpayClient) -> None:
    with pytest.raises(InvalidRequest):
        client.create_payment(Decimal(100), "   ")


def test_find_payment_follows_status(sandbox: Any, client: HpayClient) -> None:
    payment = client.create_payment(Decimal(5000), "Pagne")
    entry = client.find_payment(payment.transaction_id)
    assert entry is not None
    assert entry.status == "UNPAID"
    assert not entry.is_paid
    sandbox.mark_paid(payment.transaction_id)
    entry = client.find_payment(payment.transaction_id)
    assert entry is not None
    assert entry.is_paid
    assert entry.amount == Decimal(5000)
    assert entry.product == "Pagne"
    assert entry.payment_link == payment.checkout_url
    assert entry.date_generated.tzinfo is not None
    assert abs(entry.date_generated - datetime.now(UTC)) < timedelta(minutes=5)
    assert client.find_payment("NO-SUCH-TXID") is None


def test_history_filters_by_status(sandbox: Any, client: HpayClient) -> None:
    paid = client.create_payment(Decimal(100), "A")
    unpaid = client.create_payment(Decimal(200), "B")
    sandbox.mark_paid(paid.transaction_id)
    assert [e.transaction_id for e in client.history(status="PAID").entries] == [
        paid.transaction_id
    ]
    assert [e.transaction_id for e in client.history(status="UNPAID").entries] == [
        unpaid.transaction_id
    ]
    assert len(client.history().entries) == 2


def test_history_filters_by_dates(client: HpayClient) -> None:
    client.create_payment(Decimal(100), "A")
    today = datetime.now(UTC).date()
    day = timedelta(days=1)
    assert len(client.history(date_from=today, date_to=today).entries) == 1
    assert len(client.history(date_from=today - day).entries) == 1
    assert client.history(date_from=today + day).entries == ()
    assert client.history(date_to=today - day).entries == ()
    with pytest.raises(InvalidRequest):
        client.history(date_from=today, date_to=today - day)


def test_history_filters_by_transaction_id(client: HpayClient) -> None:
    first = client.create_payment(Decimal(100), "A")
    client.create_payment(Decimal(200), "B")
    page = client.history(transaction_id=first.transaction_id)
    assert [e.transaction_id for e in page.entries] == [first.transaction_id]


def test_history_pages_with_fetch_limit(client: HpayClient) -> None:
    made = [client.create_payment(Decimal(100 + i), f"Item {i}").transaction_id for i in range(5)]
    first = client.history(offset=0, count=2)
    second = client.history(offset=2, count=2)
    third = client.history(offset=4, count=2)
    assert (len(first.entries), len(second.entries), len(third.entries)) == (2, 2, 1)
    assert first.has_more
    assert not third.has_more
    seen = [e.transaction_id for e in client.iter_history(page_size=2)]
    assert seen == list(reversed(made)), "newest first, every payment exactly once"


def test_balance_follows_paid_payments(sandbox: Any, client: HpayClient) -> None:
    before = client.balance()
    assert before.currency == "XOF"
    assert before.company == DEMO_ACCOUNT.company
    payment = client.create_payment(Decimal(10000), "Big sale")
    sandbox.mark_paid(payment.transaction_id)
    after = client.balance()
    assert after.main_balance > before.main_balance


def test_expired_token_is_refreshed_once_and_the_call_repeated(
    sandbox: Any, client: HpayClient
) -> None:
    client.token()
    sandbox.expire_tokens()
    payment = client.create_payment(Decimal(700), "Juice")
    assert len(sandbox.issued_tokens()) == 2
    assert [p.transaction_id for p in sandbox.payments()] == [payment.transaction_id]
    sandbox.expire_tokens()
    assert client.balance().currency == "XOF"
    assert len(sandbox.issued_tokens()) == 3


def test_short_lived_tokens_are_refreshed_before_expiry(
    make_client: Callable[..., HpayClient],
) -> None:
    server = start_sandbox(token_ttl=2.0)
    try:
        client = make_client(base_url=server.url)
        first = client.token()
        assert first.livetime_seconds == 2
        time.sleep(1.9)  # past 90 % of the token's life
        client.balance()
        assert len(server.issued_tokens()) == 2
    finally:
        server.stop()


def test_bad_credentials_are_typed_and_do_not_leak(
    make_client: Callable[..., HpayClient],
) -> None:
    client = make_client(secret_key="wrong-secret-value-123")
    with pytest.raises(BadCredentials) as caught:
        client.token()
    assert "wrong-secret-value-123" not in str(caught.value)
    assert "wrong-secret-value-123" not in repr(caught.value)


def test_checkout_url_on_another_host_is_refused_with_its_transaction_id(
    sandbox: Any, make_client: Callable[..., HpayClient]
) -> None:
    """The sandbox answers with 127.0.0.1 URLs; a client that knows HPAY as 'localhost' refuses."""
    client = make_client(base_url=sandbox.url.replace("127.0.0.1", "localhost"))
    with pytest.raises(UnsafeCheckoutUrl) as caught:
        client.create_payment(Decimal(300), "Soap")
    assert caught.value.transaction_id == sandbox.payments()[0].transaction_id


def test_slow_server_is_cut_at_the_deadline(
    sandbox: Any, make_client: Callable[..., HpayClient]
) -> None:
    client = make_client(deadline=1.0)
    sandbox.add_fault("*", "latency", seconds=5.0)
    started = time.monotonic()
    with pytest.raises(HpayTimeout):
        client.balance()
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize(
    "url", ["http://hpay.example.com", "https://user:pw@hpay.example", "https://h.example/?a=1", ""]
)
def test_unsafe_base_url_is_a_config_error(
    make_client: Callable[..., HpayClient], url: str
) -> None:
    with pytest.raises(ConfigError):
        make_client(base_url=url)


def test_unknown_mode_is_a_config_error(make_client: Callable[..., HpayClient]) -> None:
    with pytest.raises(ConfigError):
        make_client(mode="LIVE")


def test_history_refuses_unknown_status_filter(client: HpayClient) -> None:
    with pytest.raises(InvalidRequest):
        client.history(status="CANCELLED")


def test_wide_date_range_is_sent_as_iso_dates(client: HpayClient) -> None:
    """date objects go out as yyyy-mm-dd, the documented shape, and the sandbox accepts them."""
    client.create_payment(Decimal(100), "A")
    page = client.history(date_from=date(2020, 1, 1), date_to=date(2099, 12, 31))
    assert len(page.entries) == 1


def test_run_log_records_calls_with_keys_masked(
    run_log: Path, sandbox: Any, client: HpayClient
) -> None:
    """The log the end-of-run check greps really holds the calls, with the key fields masked."""
    client.create_payment(Decimal(1200), "Tea")
    for handler in logging.getLogger("hpos").handlers:
        handler.flush()
    text = run_log.read_text(encoding="utf-8")
    assert "POST /getToken/" in text
    assert "POST /payment/" in text
    assert "'api_secret_key': '***'" in text
    assert DEMO_ACCOUNT.secret_key not in text
    assert not any(token in text for token in sandbox.issued_tokens())
