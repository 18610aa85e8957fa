"""The ``hpos`` command end to end: real processes against ``hpos sandbox`` over loopback.

The customer pays on the sandbox's own checkout page (a form POST, as a phone
would), so the whole path — CLI, client, sandbox, checkout — is the real one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from hpos.sandbox.accounts import DEMO_ACCOUNT
from tests.helpers.cli import PY, TIMEOUT, Sandbox, customer_pays, field
from tests.helpers.sandbox import client_config


def test_charge_pay_status_history(cli_sandbox: Sandbox) -> None:
    check = cli_sandbox.hpos("check")
    assert check.returncode == 0, check.stderr
    assert DEMO_ACCOUNT.company in check.stdout
    assert "XOF" in check.stdout
    assert "TEST" in check.stdout

    charge = cli_sandbox.hpos("charge", "14900", "--product", "Sac", "--description", "S-7", "--qr")
    assert charge.returncode == 0, charge.stderr
    txid = field(charge.stdout, "Transaction")
    checkout = field(charge.stdout, "Checkout")
    assert txid in checkout
    assert "▀" in charge.stdout or "##" in charge.stdout, "the QR is drawn"

    sale_number = field(charge.stdout, "Sale")
    assert sale_number == "TILL1-000001"
    status = cli_sandbox.hpos("status", txid)
    assert status.returncode == 0, status.stderr
    assert field(status.stdout, "State") == "AWAITING"

    assert customer_pays(checkout) == "https://hpay.cash/third/success/"

    status = cli_sandbox.hpos("status", sale_number)
    assert status.returncode == 0
    assert field(status.stdout, "State") == "PAID", "status checks HPAY and records the payment"
    listing = cli_sandbox.hpos("sales")
    assert re.search(rf"{sale_number}\s+PAID\s+14900 XOF", listing.stdout), listing.stdout

    history = cli_sandbox.hpos("history", "--format", "csv")
    assert history.returncode == 0, history.stderr
    rows = list(csv.DictReader(io.StringIO(history.stdout)))
    assert [(r["transaction_id"], Decimal(r["amount"]), r["status"]) for r in rows] == [
        (txid, Decimal(14900), "PAID")
    ]
    assert rows[0]["product"] == "Sac"
    assert rows[0]["currency"] == "XOF"

    paid = cli_sandbox.hpos("history", "--status", "PAID", "--format", "json")
    assert [e["transaction_id"] for e in json.loads(paid.stdout)] == [txid]
    unpaid = cli_sandbox.hpos("history", "--status", "UNPAID", "--format", "json")
    assert json.loads(unpaid.stdout) == []

    balance = cli_sandbox.hpos("balance")
    assert balance.returncode == 0
    assert DEMO_ACCOUNT.company in balance.stdout


def test_charge_wait_sees_the_payment(cli_sandbox: Sandbox) -> None:
    proc = subprocess.Popen(
        [PY, "-m", "hpos", "charge", "2500", "--wait", "--timeout", "30"],
        env=cli_sandbox.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    while not any(line.startswith("Checkout") for line in lines):
        line = proc.stdout.readline()
        assert line, f"charge ended early: {''.join(lines)}"
        lines.append(line)
    customer_pays(field("".join(lines), "Checkout"))
    out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 0, err
    assert "PAID" in out


@pytest.mark.parametrize(
    ("args", "env", "code", "words"),
    [
        (["charge", "12.5"], {}, 2, "decimals"),
        (["charge", "abc"], {}, 2, "amount"),
        (["charge", "100"], {"HPOS_SECRET_KEY": "not-the-secret-1234"}, 3, "credentials"),
        (["check"], {"HPOS_API_URL": "http://127.0.0.1:9"}, 4, "connect"),
        (["check"], {"HPOS_MODE": "LIVE"}, 2, "HPOS_MODE"),
        (["check"], {"HPOS_API_URL": "http://hpay.example.com"}, 2, "https"),
        (["status", "NO-SUCH-TXID"], {}, 3, "neither a sale of this till"),
        (["history", "--from", "2025-13-01"], {}, 2, "date"),
    ],
)
def test_errors_are_one_clear_line_and_an_exit_code(
    cli_sandbox: Sandbox, args: list[str], env: dict[str, str], code: int, words: str
) -> None:
    result = cli_sandbox.hpos(*args, **env)
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert lines, "an error is explained"
    assert words.lower() in result.stderr.lower()
    assert "not-the-secret-1234" not in result.stderr + result.stdout
    assert DEMO_ACCOUNT.secret_key not in result.stderr + result.stdout


def test_payment_that_is_never_answered_exits_5_then_resume_adopts_it(
    cli_sandbox: Sandbox,
) -> None:
    profile = Path(cli_sandbox.env["HPOS_CONFIG_DIR"])
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "settings.json").write_text('{"deadline": 2.0}', encoding="utf-8")
    cli_sandbox.control("fault", {"endpoint": "/payment/", "kind": "no_answer", "seconds": 30})
    result = cli_sandbox.hpos("charge", "3000", "--description", "S-9")
    assert result.returncode == 5, (result.stdout, result.stderr)
    assert "hpos resume" in result.stderr
    cli_sandbox.control("clear-faults", {})
    listing = cli_sandbox.hpos("history", "--format", "json")
    entries = json.loads(listing.stdout)
    assert [(Decimal(e["amount"]), e["description"].split(" ", 1)[1]) for e in entries] == [
        (Decimal(3000), "TILL1-000001 S-9")
    ]
    cli_sandbox.control("pay", {"transaction_id": entries[0]["transaction_id"]})
    resumed = cli_sandbox.hpos("resume", "--timeout", "30")
    assert resumed.returncode == 0, (resumed.stdout, resumed.stderr)
    assert re.search(r"TILL1-000001\s+PAID\s+" + entries[0]["transaction_id"], resumed.stdout)
    assert len(json.loads(cli_sandbox.hpos("history", "--format", "json").stdout)) == 1


def test_verbose_log_never_shows_keys_or_tokens(cli_sandbox: Sandbox) -> None:
    result = cli_sandbox.hpos("-v", "charge", "1000")
    assert result.returncode == 0, result.stderr
    assert "POST /payment/" in result.stderr, "the debug log shows the calls"
    assert DEMO_ACCOUNT.secret_key not in result.stderr
    assert DEMO_ACCOUNT.api_key not in result.stderr
    masked = re.findall(r"""["']token["']:\s*["']([^"']*)["']""", result.stderr)
    assert masked, "the request bodies are logged, with the token field"
    assert set(masked) == {"***"}, "every token in the log is masked"


def test_demo_runs_one_sale_unattended(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HPOS_")}
    env["HPOS_CONFIG_DIR"] = str(tmp_path / "profile")
    result = subprocess.run(
        [PY, "-m", "hpos", "--demo", "--no-window"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "TEST MODE" in result.stdout
    assert "PAID" in result.stdout
    assert (tmp_path / "profile" / "demo" / "data" / "sandbox-state.json").exists()
    assert not (tmp_path / "profile" / "settings.json").exists(), "the real profile is untouched"


def test_sale_survives_sigkill_and_resume_sees_it_paid(cli_sandbox: Sandbox) -> None:
    """Kill the till mid-sale; the next start finds the sale and it reaches PAID."""
    proc = subprocess.Popen(
        [PY, "-m", "hpos", "charge", "1000", "--wait", "--timeout", "120"],
        env=cli_sandbox.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    while not any(line.startswith("Waiting") for line in lines):
        line = proc.stdout.readline()
        assert line, f"charge ended early: {''.join(lines)}"
        lines.append(line)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    proc.stdout.close()
    proc.stderr.close()
    printed = "".join(lines)
    sale_number, txid = field(printed, "Sale"), field(printed, "Transaction")

    listing = cli_sandbox.hpos("sales")
    assert re.search(rf"{sale_number}\s+AWAITING", listing.stdout), listing.stdout
    cli_sandbox.control("pay", {"transaction_id": txid})

    resumed = cli_sandbox.hpos("resume", "--timeout", "60")
    assert resumed.returncode == 0, (resumed.stdout, resumed.stderr)
    assert re.search(rf"{sale_number}\s+PAID\s+{txid}", resumed.stdout)
    status = cli_sandbox.hpos("status", sale_number)
    assert field(status.stdout, "State") == "PAID"
    again = cli_sandbox.hpos("resume", "--timeout", "5")
    assert "No open sales." in again.stdout


def test_second_till_process_on_one_profile_is_refused(cli_sandbox: Sandbox) -> None:
    proc = subprocess.Popen(
        [PY, "-m", "hpos", "charge", "1000", "--wait", "--timeout", "60"],
        env=cli_sandbox.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        while not proc.stdout.readline().startswith("Waiting"):
            pass
        second = cli_sandbox.hpos("charge", "500")
        assert second.returncode == 2
        assert "already running on this profile" in second.stderr
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()


def test_report_checks_the_day_against_hpay(cli_sandbox: Sandbox) -> None:
    charge = cli_sandbox.hpos("charge", "14900", "--product", "Sac")
    cli_sandbox.control("pay", {"transaction_id": field(charge.stdout, "Transaction")})
    cli_sandbox.hpos("status", field(charge.stdout, "Sale"))  # records the payment

    clean = cli_sandbox.hpos("report")
    assert clean.returncode == 0, (clean.stdout, clean.stderr)
    assert "matches HPAY" in clean.stdout
    assert "TEST MODE" in clean.stdout
    rows = json.loads(cli_sandbox.hpos("report", "--format", "json").stdout)
    paid = next(r for r in rows if (r["section"], r["item"]) == ("local", "paid"))
    assert (paid["count"], Decimal(paid["amount"])) == ("1", Decimal(14900))

    other = HpayClient(client_config(cli_sandbox.url))
    walk_in = other.create_payment(Decimal(700), "Walk-in", "another till")
    other.close()
    cli_sandbox.control("pay", {"transaction_id": walk_in.transaction_id})
    flagged = cli_sandbox.hpos("report")
    assert flagged.returncode == 7, flagged.stdout
    assert "not_from_this_till" in flagged.stdout
    assert walk_in.transaction_id in flagged.stdout
