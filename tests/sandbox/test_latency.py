"""The sandbox as the benchmarks use it: latency on every call, requests in flight counted.

Uses plain ``requests`` against the sandbox (never the HPOS client), like test_sandbox.py.
Durations are checked only as lower bounds the sandbox itself imposes (a latency fault
never answers early), never as an upper bound on how fast the machine is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import start_sandbox

URLS = {
    "notify_url": "https://shop.example/notify/",
    "success_url": "https://shop.example/success/",
    "cancel_url": "https://shop.example/cancel/",
}
LATENCY = 0.3
#: Long enough that three requests started one after another are surely in flight together,
#: even on a loaded CI machine (0.3 s was not: the first finished before the third started).
OVERLAP_LATENCY = 2.0


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = start_sandbox()
    yield sandbox
    sandbox.stop()


def post(server: SandboxServer, path: str, body: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """POST one JSON body on a new session; (answer, seconds it took)."""
    with requests.Session() as http:
        http.trust_env = False
        start = time.monotonic()
        answer = http.post(server.url + path, json=body, timeout=10).json()
        return answer, time.monotonic() - start


def token(server: SandboxServer) -> str:
    body = {
        "api_key": DEMO_ACCOUNT.api_key,
        "api_public_key": DEMO_ACCOUNT.public_key,
        "api_secret_key": DEMO_ACCOUNT.secret_key,
        "mode": "TEST",
    }
    answer, _ = post(server, "/getToken/", body)
    return str(answer["token"])


def payment_body(tok: str) -> dict[str, Any]:
    return {
        "api_key": DEMO_ACCOUNT.api_key,
        "public_key": DEMO_ACCOUNT.public_key,
        "mode": "TEST",
        "amount": 1500,
        "product_name": "Bench",
        "token": tok,
        **URLS,
    }


def test_latency_on_every_endpoint_delays_each_call_and_keeps_answering(
    server: SandboxServer,
) -> None:
    tok = token(server)
    server.add_fault("*", "latency", seconds=LATENCY)  # times=None: every call, for good
    paid, took_payment = post(server, "/payment/", payment_body(tok))
    assert paid["success"] is True
    history_body = {
        "api_key": DEMO_ACCOUNT.api_key,
        "public_key": DEMO_ACCOUNT.public_key,
        "mode": "TEST",
        "token": tok,
        "transaction_id": paid["transaction_id"],
    }
    history, took_history = post(server, "/getPaymentHistory/", history_body)
    assert history["success"] is True
    assert took_payment >= LATENCY
    assert took_history >= LATENCY
    assert [f.endpoint for f in server.faults.active()] == ["*"], "the fault is never used up"
    server.clear_faults()


def test_requests_in_flight_and_their_peak_are_counted(server: SandboxServer) -> None:
    tok = token(server)
    assert server.stats()["in_flight"] == 0
    assert server.stats()["max_in_flight"] == 1, "the token request was one at a time"
    server.add_fault("/payment/", "latency", seconds=OVERLAP_LATENCY)
    threads = [
        threading.Thread(target=post, args=(server, "/payment/", payment_body(tok)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while server.stats()["in_flight"] < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    during = server.stats()
    for thread in threads:
        thread.join(10)
    after = server.stats()
    assert during["in_flight"] == 3
    assert after["in_flight"] == 0
    assert after["max_in_flight"] == 3
    assert len(server.payments()) == 3
    server.reset_peak()
    assert server.stats()["max_in_flight"] == 0
    with requests.Session() as http:
        http.trust_env = False
        shown = http.get(server.url + "/_sandbox/stats", timeout=10).json()
    assert shown["success"] is True
    assert shown["in_flight"] == 0
    assert shown["max_in_flight"] == 0
