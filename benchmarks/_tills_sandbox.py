"""The all-tills benchmark's HPAY: a sandbox process holding one busy day of a shop.

``python -m benchmarks._tills_sandbox PAYMENTS`` starts a sandbox on a free loopback
port whose clock is set to each payment's moment while it is made straight in the
sandbox's state (``SandboxState.create_payment`` and ``mark_paid``, no HTTP):
PAYMENTS payments on :data:`DAY` between 07:00 and 21:00 UTC and a tenth as many on
the day before, made by :data:`TILLS` tills (each its own journal id and sale
numbers, the description HPOS writes) and, one in twenty, without HPOS (a plain
description); 85 % paid. It then stops its clock at 22:00 on :data:`DAY` (tokens never
expire), prints ``URL <base url>`` and serves until its standard input closes
(:class:`benchmarks._remote_sandbox.RemoteSandbox` runs it and stops it).
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta

from hpos.sales.reference import (
    compose_description,
    format_sale_number,
    new_journal_id,
    new_reference,
)
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer

DAY = date(2026, 11, 10)
TILLS = 4
ELSEWHERE = 0.05
PAID = 0.85
OPEN, CLOSE = 7.0, 21.0


def at_hour(day: date, hours: float) -> float:
    """Epoch seconds of ``hours`` after midnight UTC on ``day``."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() + hours * 3600


def fill(server: SandboxServer, now: list[float], payments: int) -> None:
    """The day's payments (and a tenth as many the day before), each at its own moment."""
    rng = random.Random(20261110)
    state, account = server.state, DEMO_ACCOUNT
    days = [DAY] * payments + [DAY - timedelta(days=1)] * (payments // 10)
    moments = sorted(at_hour(d, rng.uniform(OPEN, CLOSE)) for d in days)
    journals = [new_journal_id() for _ in range(TILLS)]
    counters = [0] * TILLS
    now[0] = moments[0] if moments else at_hour(DAY, OPEN)
    state.token_ttl = 10 * 86400.0  # the clock jumps a day: one token for the whole fill
    token = state.get_token({
        "api_key": account.api_key, "api_public_key": account.public_key,
        "api_secret_key": account.secret_key, "mode": "TEST",
    })["token"]  # fmt: skip
    for moment in moments:
        now[0] = moment
        if rng.random() < ELSEWHERE:
            description = f"Order {rng.randrange(10**6)} paid on the dashboard"
        else:
            till = rng.randrange(TILLS)
            counters[till] += 1
            reference = new_reference(journals[till], counters[till])
            number = format_sale_number(f"TILL{till + 1}", counters[till])
            description = compose_description(reference, number, "")
        answer = state.create_payment({
            "api_key": account.api_key, "public_key": account.public_key, "mode": "TEST",
            "amount": rng.choice((500, 1000, 2500, 5000, 7000, 14900, 25000)),
            "product_name": rng.choice(("Sac", "Cahier", "Stylo", "Jus", "Pain")),
            "description": description,
            "notify_url": "https://hpay.cash/third/notify/",
            "success_url": "https://hpay.cash/third/success/",
            "cancel_url": "https://hpay.cash/third/cancel/", "token": token,
        })  # fmt: skip
        if rng.random() < PAID:
            state.mark_paid(str(answer["transaction_id"]))
    state.token_ttl = 900.0


def main(argv: list[str]) -> int:
    now = [at_hour(DAY, OPEN)]
    server = SandboxServer(clock=lambda: now[0]).start()
    try:
        fill(server, now, int(argv[0]))
        now[0] = at_hour(DAY, 22.0)  # stopped: a token lives for the whole benchmark
        print(f"URL {server.url}", flush=True)
        sys.stdin.read()  # until the parent closes it (or dies)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
