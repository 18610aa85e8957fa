"""Every fault kind × every endpoint ends in the right typed error, within the deadline.

Faults are injected in the sandbox over real loopback HTTP. Reads (token,
history, balance) retry and succeed when the fault happens once; a payment
whose request may have reached HPAY ends in OutcomeUnknown and the sandbox
holds exactly the payments it really processed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import (
    ApiRefused,
    BadCredentials,
    HpayError,
    HpayTimeout,
    NetworkError,
    OutcomeUnknown,
    ProtocolError,
    ServerError,
)

DEADLINE = 1.0
#: Seconds a slow fault holds the answer: well past the deadline.
SLOW = 4.0

ENDPOINTS = ["/getToken/", "/payment/", "/getPaymentHistory/", "/getCollectBalance/"]

#: What a read call ends in when the fault never goes away.
READ_OUTCOME: dict[str, type[HpayError]] = {
    "latency": HpayTimeout,
    "http_500": ServerError,
    "truncated": ProtocolError,
    "empty": ProtocolError,
    "refuse": ApiRefused,
    "reset": NetworkError,
    "trickle": HpayTimeout,
    "no_answer": HpayTimeout,
}
#: Payment faults after which the sandbox holds the payment (the request was processed).
PROCESSED = {"latency", "truncated", "trickle", "no_answer"}


def call_for(endpoint: str, client: HpayClient) -> Callable[[], Any]:
    """The client call that exercises ``endpoint`` (the token comes first for the others)."""
    return {
        "/getToken/": client.token,
        "/payment/": lambda: client.create_payment(Decimal(1500), "Coffee", "S-1 fault test"),
        "/getPaymentHistory/": lambda: client.history(count=10),
        "/getCollectBalance/": client.balance,
    }[endpoint]


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(READ_OUTCOME))
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_persistent_fault_ends_in_typed_error(
    sandbox: Any, make_client: Callable[..., HpayClient], endpoint: str, kind: str
) -> None:
    client = make_client(deadline=DEADLINE)
    if endpoint != "/getToken/":
        client.token()  # the fault is on the endpoint under test, not on the token
    sandbox.add_fault(endpoint, kind, seconds=SLOW if kind in ("latency", "no_answer") else 0.3)
    expected: type[HpayError] = READ_OUTCOME[kind]
    if endpoint == "/payment/" and kind != "refuse":
        expected = OutcomeUnknown
    started = time.monotonic()
    with pytest.raises(expected) as caught:
        call_for(endpoint, client)()
    elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + 1.0, f"{endpoint} {kind} took {elapsed:.2f} s"
    assert str(caught.value), "every error carries a message for the cashier"
    if kind == "refuse":
        assert not isinstance(caught.value, BadCredentials)
    if endpoint == "/payment/":
        held = len(sandbox.payments())
        assert held == (1 if kind in PROCESSED else 0), f"{kind}: sandbox holds {held}"
        if expected is OutcomeUnknown:
            assert isinstance(caught.value.cause, HpayError)
            assert "history" in str(caught.value)


@pytest.mark.parametrize("kind", sorted(set(READ_OUTCOME) - {"refuse"}))
@pytest.mark.parametrize("endpoint", ["/getToken/", "/getPaymentHistory/", "/getCollectBalance/"])
def test_read_recovers_when_fault_happens_once(
    sandbox: Any, make_client: Callable[..., HpayClient], endpoint: str, kind: str
) -> None:
    client = make_client(deadline=DEADLINE * 3)
    if endpoint != "/getToken/":
        client.token()
    sandbox.add_fault(endpoint, kind, times=1, seconds=SLOW if kind != "trickle" else 0.5)
    if kind in ("latency", "trickle", "no_answer"):
        # A slow first attempt eats the deadline, so it cannot recover within the same call;
        # the next call succeeds on its own.
        with pytest.raises(HpayTimeout):
            call_for(endpoint, client)()
    call_for(endpoint, client)()


def test_payment_not_retried_after_it_may_have_reached_hpay(
    sandbox: Any, make_client: Callable[..., HpayClient]
) -> None:
    """A reset after sending is never followed by a second /payment/ request."""
    client = make_client(deadline=DEADLINE)
    client.token()
    sandbox.add_fault("/payment/", "reset", times=1)
    with pytest.raises(OutcomeUnknown):
        client.create_payment(Decimal(2500), "Bread")
    assert sandbox.stats()["requests"].get("/payment/", 0) == 1


def test_payment_retried_when_it_never_left(make_client: Callable[..., HpayClient]) -> None:
    """Connection refused means nothing reached HPAY: a plain network error, not 'unknown'."""
    client = make_client(base_url="http://127.0.0.1:9", deadline=DEADLINE)
    with pytest.raises(NetworkError) as caught:
        client.create_payment(Decimal(2500), "Bread")
    assert not isinstance(caught.value, OutcomeUnknown)
    assert caught.value.maybe_reached is False


def test_processed_but_never_answered_payment_is_unknown_and_single(
    sandbox: Any, make_client: Callable[..., HpayClient]
) -> None:
    client = make_client(deadline=DEADLINE)
    sandbox.add_fault("/payment/", "no_answer", seconds=SLOW)
    with pytest.raises(OutcomeUnknown) as caught:
        client.create_payment(Decimal(14900), "Sac", "S-42 school bag")
    assert isinstance(caught.value.cause, HpayTimeout)
    payments = sandbox.payments()
    assert len(payments) == 1
    assert payments[0].amount == Decimal(14900)
    assert "S-42" in payments[0].description
