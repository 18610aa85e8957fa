"""Cashiers on a shift from the command line: ``hpos charge --cashier NAME`` (or the cashier on
duty) records who served, and ``hpos report`` breaks the paid sales down by cashier."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from tests.helpers.cli import Sandbox, field, journal_rows


def _settings(sandbox: Sandbox, **values: object) -> None:
    path = Path(sandbox.env["HPOS_CONFIG_DIR"]) / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")


def _paid_sale(sandbox: Sandbox, *args: str) -> str:
    charge = sandbox.hpos("charge", *args)
    assert charge.returncode == 0, (charge.stdout, charge.stderr)
    sandbox.control("pay", {"transaction_id": field(charge.stdout, "Transaction")})
    status = sandbox.hpos("status", field(charge.stdout, "Sale"))  # records the payment
    assert "PAID" in status.stdout
    return status.stdout


def test_charges_record_who_served_and_the_report_adds_up_per_cashier(
    cli_sandbox: Sandbox,
) -> None:
    journal = Path(cli_sandbox.env["HPOS_CONFIG_DIR"]) / "data" / "journal.sqlite3"
    before = _paid_sale(cli_sandbox, "1000")  # before cashiers existed: not recorded
    assert "Served by" not in before
    _settings(cli_sandbox, cashiers=["Awa", "Jean-Marc"], cashier_on_duty="Awa")

    served = _paid_sale(cli_sandbox, "14900", "--cashier", "  jean-marc ")
    assert field(served, "Served by") == "Jean-Marc"  # the list's spelling
    on_duty = _paid_sale(cli_sandbox, "5000")
    assert field(on_duty, "Served by") == "Awa"
    cancelled = cli_sandbox.hpos("charge", "300", "--cashier", "Awa")
    assert cancelled.returncode == 0

    refused = cli_sandbox.hpos("charge", "700", "--cashier", "Moussa")
    assert refused.returncode == 2
    assert "'Moussa' is not one of this profile's cashiers (Awa, Jean-Marc)" in refused.stderr
    assert "Nothing was sent to HPAY" in refused.stderr
    rows = journal_rows(journal)
    assert len(rows) == 4, "the refused charge wrote nothing"

    text = cli_sandbox.hpos("report")
    assert text.returncode == 0, (text.stdout, text.stderr)
    table = text.stdout.split("By cashier:\n", 1)[1].splitlines()
    assert table[0].split() == ["CASHIER", "PAID", "AMOUNT", "FEES", "NET"]
    assert table[1].split()[:3] == ["Awa", "1", "5,000"]
    assert table[2].split()[:3] == ["Jean-Marc", "1", "14,900"]
    assert table[3].split()[:4] == ["(not", "recorded)", "1", "1,000"]

    data = json.loads(cli_sandbox.hpos("report", "--format", "json").stdout)
    by = {
        (r["section"], r["item"], r["detail"]): r
        for r in data
        if r["section"].startswith("cashier_")
    }
    fees = {
        who: Decimal(by[("cashier_fees", name, detail)]["amount"])
        for who, name, detail in (
            ("Awa", "Awa", ""),
            ("JM", "Jean-Marc", ""),
            ("none", "", "not recorded"),
        )
    }
    local_fees = next(r for r in data if (r["section"], r["item"]) == ("local", "fees"))
    assert sum(fees.values()) == Decimal(local_fees["amount"])
    awa = by[("cashier_paid", "Awa", "")]
    assert (awa["count"], awa["amount"], awa["currency"]) == ("1", "5000", "XOF")
    assert Decimal(by[("cashier_net", "Awa", "")]["amount"]) == 5000 - fees["Awa"]
    assert Decimal(by[("cashier_net", "Jean-Marc", "")]["amount"]) == 14900 - fees["JM"]
    assert by[("cashier_paid", "", "not recorded")]["amount"] == "1000"

    sheet = list(csv.DictReader(io.StringIO(cli_sandbox.hpos("report", "--format", "csv").stdout)))
    jm = next(r for r in sheet if (r["section"], r["item"]) == ("cashier_paid", "Jean-Marc"))
    assert (jm["count"], jm["amount"]) == ("1", "14900")


def test_a_cashier_needs_a_list_and_a_shop_without_one_sees_no_breakdown(
    cli_sandbox: Sandbox,
) -> None:
    refused = cli_sandbox.hpos("charge", "700", "--cashier", "Awa")
    assert refused.returncode == 2
    assert "This profile has no cashiers" in refused.stderr
    _paid_sale(cli_sandbox, "700")
    report = cli_sandbox.hpos("report")
    assert report.returncode == 0
    assert "By cashier" not in report.stdout
    rows = json.loads(cli_sandbox.hpos("report", "--format", "json").stdout)
    assert not [r for r in rows if r["section"].startswith("cashier_")]
