"""The token cache: lazy, cached, refreshed before expiry on the monotonic clock, one refresh."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

from hpos.hpay.models import Token
from hpos.hpay.tokens import TokenCache


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_token(value: str, livetime: int = 900) -> Token:
    return Token(
        value=value,
        livetime_seconds=livetime,
        time_generated=None,
        company="Shop",
        mode="TEST",
        currency="XOF",
        main_balance=Decimal(0),
        profit_balance=Decimal(0),
    )


def test_token_is_fetched_lazily_and_cached() -> None:
    clock = FakeClock()
    cache = TokenCache(clock=clock)
    calls: list[str] = []

    def fetch() -> Token:
        calls.append("x")
        return make_token(f"tok{len(calls)}")

    assert cache.peek() is None
    assert calls == []
    assert cache.get(fetch).value == "tok1"
    clock.now += 800
    assert cache.get(fetch).value == "tok1"
    assert len(calls) == 1


def test_token_is_refreshed_before_expiry() -> None:
    clock = FakeClock()
    cache = TokenCache(clock=clock)
    tokens = iter([make_token("a"), make_token("b")])
    assert cache.get(lambda: next(tokens)).value == "a"
    clock.now += 900 - 59  # inside the last minute of a 15-minute token
    assert cache.peek() is None
    assert cache.get(lambda: next(tokens)).value == "b"


def test_short_tokens_refresh_at_ninety_percent_of_their_life() -> None:
    clock = FakeClock()
    cache = TokenCache(clock=clock)
    cache.get(lambda: make_token("a", livetime=10))
    clock.now += 8.9
    assert cache.peek() is not None
    clock.now += 0.2
    assert cache.peek() is None


def test_age_counts_from_when_the_request_was_sent() -> None:
    """A slow token answer eats into the token's life; HPAY's time_generated is ignored."""
    clock = FakeClock()
    cache = TokenCache(clock=clock)

    def slow_fetch() -> Token:
        clock.now += 100  # the answer took 100 s to arrive
        return make_token("slow")

    cache.get(slow_fetch)
    clock.now += 900 - 100 - 61
    assert cache.peek() is not None
    clock.now += 2
    assert cache.peek() is None


def test_invalidate_drops_only_the_named_token() -> None:
    cache = TokenCache(clock=FakeClock())
    old = make_token("old")
    cache.get(lambda: old)
    cache.invalidate(make_token("other"))
    assert cache.peek() is old
    cache.invalidate(old)
    assert cache.peek() is None


def test_two_threads_needing_a_token_cause_one_refresh() -> None:
    cache = TokenCache()
    calls: list[int] = []
    gate = threading.Event()

    def fetch() -> Token:
        calls.append(1)
        gate.wait(2)
        return make_token("shared")

    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get(fetch).value)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.05)
    gate.set()
    for thread in threads:
        thread.join(5)
    assert results == ["shared"] * 4
    assert len(calls) == 1


def test_token_value_never_appears_in_repr() -> None:
    assert "s3cr3t-token-value" not in repr(make_token("s3cr3t-token-value"))
