"""``hpos report --all-tills`` end to end: two tills with different names (two profiles, two
journals) sell on one ``hpos sandbox`` account, one payment is made without HPOS; the owner's
report groups them exactly, as text, JSON and CSV (figures by hand: :mod:`tests.helpers.tills`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hpos.hpay.client import HpayClient
from tests.helpers.cli import Sandbox, field
from tests.helpers.sandbox import client_config
from tests.helpers.tills import BAR, FRONT, NOT_HPOS, TOTAL


def _sell(sandbox: Sandbox, profile: Path, amount: int, *, paid: bool) -> None:
    charge = sandbox.hpos(
        "charge", str(amount), "--product", "Article", HPOS_CONFIG_DIR=str(profile)
    )
    assert charge.returncode == 0, charge.stderr
    if paid:
        sandbox.control("pay", {"transaction_id": field(charge.stdout, "Transaction")})


def _shop_day(sandbox: Sandbox, tmp_path: Path) -> dict[str, str]:
    """The day of tests.helpers.tills through the CLI; returns each till's journal id."""
    journals = {}
    for name, paid, unpaid in (("FRONT", (14900, 700), (2500,)), ("BAR", (5000,), (1200,))):
        profile = tmp_path / name.lower()
        configured = sandbox.hpos("configure", "--till-name", name, HPOS_CONFIG_DIR=str(profile))
        assert configured.returncode == 0, configured.stderr
        for amount in paid:
            _sell(sandbox, profile, amount, paid=True)
        for amount in unpaid:
            _sell(sandbox, profile, amount, paid=False)
        journal = sandbox.hpos("journal", HPOS_CONFIG_DIR=str(profile))
        journals[name] = field(journal.stdout, "Journal id")
    other = HpayClient(client_config(sandbox.url))
    walk_in = other.create_payment(Decimal(3000), "Walk-in", "paid at the counter")
    other.close()
    sandbox.control("pay", {"transaction_id": walk_in.transaction_id})
    journals["walk_in"] = walk_in.transaction_id
    return journals


def _figures(row: dict[str, str]) -> tuple[int, Decimal, Decimal, Decimal, int]:
    return (
        int(row["paid_count"]),
        Decimal(row["paid_amount"]),
        Decimal(row["fees"]),
        Decimal(row["net"]),
        int(row["unpaid_count"]),
    )


def test_all_tills_groups_two_tills_and_a_payment_taken_elsewhere(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    shop = _shop_day(cli_sandbox, tmp_path)

    text = cli_sandbox.hpos("report", "--all-tills")
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert "TEST MODE" in out
    bar = rf"^BAR\s+{shop['BAR']}\s+1\s+5,000 XOF\s+75 XOF\s+4,925 XOF\s+1$"
    front = rf"^FRONT\s+{shop['FRONT']}\s+2\s+15,600 XOF\s+235 XOF\s+15,365 XOF\s+1$"
    assert re.search(bar, out, re.MULTILINE), out
    assert re.search(front, out, re.MULTILINE), out
    assert re.search(r"^Not from HPOS\s+-\s+1\s+3,000 XOF\s+45 XOF\s+2,955 XOF\s+0$", out, re.M)
    assert re.search(r"^TOTAL\s+4\s+23,600 XOF\s+355 XOF\s+23,245 XOF\s+2$", out, re.MULTILINE)
    assert out.index("BAR") < out.index("FRONT") < out.index("Not from HPOS") < out.index("TOTAL")
    assert re.search(rf"{shop['walk_in']}\s+PAID\s+3,000 XOF\s+Walk-in", out), out
    assert "Read 6 payment(s) of HPAY's history in 1 page." in out

    doc = json.loads(cli_sandbox.hpos("report", "--all-tills", "--format", "json").stdout)
    tills = {(t["till"], t["journal_id"]): _figures(t) for t in doc["tills"]}
    assert tills == {("FRONT", shop["FRONT"]): FRONT[1:], ("BAR", shop["BAR"]): BAR[1:]}
    assert [_figures(t) for t in doc["not_hpos"]["totals"]] == [NOT_HPOS]
    assert [p["transaction_id"] for p in doc["not_hpos"]["payments"]] == [shop["walk_in"]]
    assert doc["not_hpos"]["payments"][0]["amount"] == "3000"
    assert [_figures(t) for t in doc["totals"]] == [TOTAL]
    assert doc["totals"][0]["currency"] == "XOF"
    assert (doc["mode"], doc["day"]) == ("TEST", datetime.now().astimezone().date().isoformat())

    table = cli_sandbox.hpos("report", "--all-tills", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [(r["section"], r["till"], r["journal_id"]) for r in rows] == [
        ("till", "BAR", shop["BAR"]),
        ("till", "FRONT", shop["FRONT"]),
        ("not_hpos", "", ""),
        ("total", "", ""),
    ]
    assert [_figures(r) for r in rows] == [BAR[1:], FRONT[1:], NOT_HPOS, TOTAL]

    assert cli_sandbox.hpos("report", "--all-tills", "--format", "text").stdout == out


def test_all_tills_of_another_day_and_its_refusals(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    _sell(cli_sandbox, Path(cli_sandbox.env["HPOS_CONFIG_DIR"]), 1000, paid=True)
    yesterday = (datetime.now().astimezone() - timedelta(days=1)).date().isoformat()
    empty = cli_sandbox.hpos("report", "--all-tills", "--day", yesterday)
    assert empty.returncode == 0, empty.stderr
    assert f"No payments in HPAY's history on {yesterday}." in empty.stdout

    ranged = cli_sandbox.hpos("report", "--all-tills", "--to", yesterday)
    assert ranged.returncode == 2
    assert "--all-tills reads one day" in ranged.stderr

    cli_sandbox.control("fault", {"endpoint": "/getPaymentHistory/", "kind": "http_500"})
    down = cli_sandbox.hpos("report", "--all-tills")
    assert down.returncode == 4, (down.stdout, down.stderr)
    assert down.stdout == "", "half a day is never printed as the day"
    assert down.stderr.startswith("hpos: error:")

    unset = cli_sandbox.hpos(
        "report", "--all-tills", HPOS_CONFIG_DIR=str(tmp_path / "new"), HPOS_API_URL=""
    )
    assert unset.returncode == 2, (unset.stdout, unset.stderr)
    assert "not set up for HPAY" in unset.stderr
