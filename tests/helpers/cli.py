"""The ``hpos`` command against a ``hpos sandbox`` process: the :class:`Sandbox` handle (the
``cli_sandbox`` fixture of ``tests/cli/conftest.py`` starts one), the customer paying on its
checkout page, reading the command's output, and the no-false-PAID invariant over journals."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

PY = sys.executable
TIMEOUT = 60


class Sandbox:
    """A ``hpos sandbox`` process and the environment that points the CLI at it."""

    def __init__(self, proc: subprocess.Popen[str], url: str, env: dict[str, str]) -> None:
        self.proc = proc
        self.url = url
        self.env = env

    def hpos(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Run ``python -m hpos ARGS`` against this sandbox."""
        result = subprocess.run(
            [PY, "-m", "hpos", *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        for stream in (result.stdout, result.stderr):
            assert "Traceback" not in stream
        return result

    def control(self, path: str, body: dict[str, object]) -> None:
        request = urllib.request.Request(  # noqa: S310 (loopback sandbox)
            f"{self.url}/_sandbox/{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (loopback)
            assert answer.status == 200


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def customer_pays(checkout_url: str) -> str:
    """Open the checkout page and press Pay, as the customer's phone would; return the redirect."""
    with urllib.request.urlopen(checkout_url, timeout=10) as page:  # noqa: S310 (loopback)
        html = page.read().decode()
    assert "Pay" in html
    ref = urllib.parse.parse_qs(urllib.parse.urlsplit(checkout_url).query)["ref"][0]
    base = checkout_url.split("/checkout", 1)[0]
    opener = urllib.request.build_opener(NoRedirect)
    data = urllib.parse.urlencode({"ref": ref}).encode()
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"{base}/checkout/pay", data=data, timeout=10)
    assert redirect.value.code == 303, "the checkout page redirects after Pay"
    location = redirect.value.headers["Location"]
    redirect.value.close()
    return location


def field(output: str, label: str) -> str:
    match = re.search(rf"^{label}:\s+(\S+)", output, re.MULTILINE)
    assert match, f"no {label!r} in:\n{output}"
    return match.group(1)


# -- the invariant every sale-safety test ends with ---------------------------------------


def journal_rows(path: Path) -> list[dict[str, Any]]:
    """Every sale of the journal at ``path``, read with plain SQLite."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(
            "SELECT sale_number, state, transaction_id, reference, amount FROM sales ORDER BY id"
        )
        return [dict(r) for r in rows]


def assert_no_false_paid(payments: Iterable[Mapping[str, Any]], journals: Iterable[Path]) -> None:
    """No transaction id held by two sales (across every journal); every payment a sale
    holds is HPAY's payment of that very sale (its reference first in the description,
    its amount); every PAID sale is paid at HPAY."""
    at_hpay = {p["transaction_id"]: p for p in payments}
    held: dict[str, str] = {}
    for path in journals:
        for row in journal_rows(path):
            txid, who = row["transaction_id"], f"{path}:{row['sale_number']}"
            if row["state"] == "paid":
                assert txid, f"{who} is PAID without a payment"
            if not txid:
                continue
            assert txid not in held, f"payment {txid} held by {held.get(txid)} and {who}"
            held[txid] = who
            payment = at_hpay.get(txid)
            assert payment is not None, f"{who} holds {txid}, unknown to HPAY"
            assert payment["description"].split()[0] == row["reference"], (who, payment)
            assert Decimal(payment["amount"]) == Decimal(row["amount"]), (who, payment)
            if row["state"] == "paid":
                assert payment["status"] == "PAID", f"false PAID: {who} ({payment})"
