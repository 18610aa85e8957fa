"""``hpos --demo`` in the terminal: one sale end to end on the built-in sandbox.

Until the counter window lands, the demo shows the whole flow where a newcomer
can follow it: it starts the sandbox on loopback (last time's port when free) with
its state in a separate demo profile (never the shop's real profile, never the
keyring), takes a token, charges 14 900 XOF, draws the checkout QR in the terminal, and waits
until the payment is PAID — paid by the newcomer on the sandbox's checkout page,
or by the demo itself when Enter is pressed (or at once when stdin is not a
terminal, so the demo also runs unattended).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from hpos.cli import output
from hpos.demo import MovedLinks, demo_client_config, demo_config_dir, start_demo_sandbox
from hpos.hpay.client import HpayClient
from hpos.hpay.models import HistoryEntry
from hpos.hpay.money import format_amount
from hpos.sandbox.server import SandboxServer

DEMO_AMOUNT = Decimal(14900)
DEMO_PRODUCT = "Demo sale"
#: How long the demo waits for the customer before giving up.
WAIT_SECONDS = 600.0
POLL_SECONDS = 1.0


def run_demo(
    *,
    env: Mapping[str, str],
    out: TextIO,
    stdin: TextIO,
    config_dir: Path | None = None,
    lan_host: str | None = None,
) -> int:
    """Run one demo sale; returns 0 when it was paid, 6 when nobody paid in time.

    ``lan_host`` (``--lan``): the checkout page also listens on this LAN address.
    """
    data_dir = demo_config_dir(env, config_dir) / "data"
    server, moved = start_demo_sandbox(data_dir, lan_host=lan_host)
    hosts = {"checkout_hosts": (lan_host,)} if lan_host else {}
    client = HpayClient(demo_client_config(server.url, **hosts))
    try:
        if moved is not None:
            output.write(out, moved_sentence(moved))
        return _sale(server, client, out, stdin)
    finally:
        client.close()
        server.stop()


def moved_sentence(moved: MovedLinks) -> str:
    """What the terminal says when waiting sales' QR codes no longer open."""
    sales = "1 sale" if moved.waiting == 1 else f"{moved.waiting} sales"
    return (
        f"The sandbox moved to {moved.new_url} (it was at {moved.old_url}): the QR codes of"
        f" {sales} still waiting no longer open; Simulate customer payment in the demo's window"
        " (hpos --demo) still pays them."
    )


def _sale(server: SandboxServer, client: HpayClient, out: TextIO, stdin: TextIO) -> int:
    say = lambda text: output.write(out, text)  # noqa: E731
    token = client.token()
    say("=== HPOS DEMO — TEST MODE: no real money moves ===")
    say(f"Sandbox HPAY at {server.url} · shop {token.company} · currency {token.currency}")
    sale_number = f"DEMO-{len(server.payments()) + 1}"
    payment = client.create_payment(DEMO_AMOUNT, DEMO_PRODUCT, f"{sale_number} demo sale")
    say(
        f"Charging {format_amount(payment.amount, payment.currency)} · transaction "
        f"{payment.transaction_id}"
    )
    say(output.render_qr(payment.checkout_url, **output.qr_style(out, {})))
    say(f"Scan to pay, or open {payment.checkout_url} and press Pay.")
    if server.lan_url is None:
        say("(The link works on this computer only; `hpos --demo --no-window --lan` for a phone.)")
    else:
        say("A phone on this computer's network can open it.")
    if stdin.isatty():
        say("Or press Enter and the demo plays the customer.")
        threading.Thread(
            target=_pay_on_enter, args=(server, payment.transaction_id, stdin), daemon=True
        ).start()
    else:
        say("No terminal input: the demo plays the customer now.")
        server.mark_paid(payment.transaction_id)
    entry = _wait_paid(client, payment.transaction_id)
    if entry is None:
        say(f"Still unpaid after {WAIT_SECONDS:g} s; the sale stays UNPAID in the sandbox.")
        return 6
    say(f"PAID ✓ {format_amount(entry.amount, entry.currency)} — {entry.product}. Thank you!")
    return 0


def _pay_on_enter(server: SandboxServer, txid: str, stdin: TextIO) -> None:
    if stdin.readline():
        server.mark_paid(txid)


def _wait_paid(client: HpayClient, txid: str) -> HistoryEntry | None:
    give_up = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < give_up:
        entry = client.find_payment(txid)
        if entry is not None and entry.is_paid:
            return entry
        time.sleep(POLL_SECONDS)
    return None
