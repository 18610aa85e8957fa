"""``hpos report --close``: the day closed from the terminal against a real sandbox process.

A paid sale and one still waiting; the day is closed by Awa (exit 0, recorded); the
waiting sale is paid afterwards and closing again shows it as a change since the
closing; HPAY out of reach prints the local figures, exits 4 and records nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from tests.helpers.cli import Sandbox, field


def closings(sandbox: Sandbox) -> list[tuple[str, str]]:
    path = Path(sandbox.env["HPOS_CONFIG_DIR"]) / "data" / "journal.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT closed_by, totals FROM day_closings ORDER BY id").fetchall()
    return [(r[0], r[1]) for r in rows]


def line(out: str, first: str) -> str:
    """The closing table's line of one group, its cells one space apart."""
    table = out[out.index("CLOSING ") :].splitlines()[1:5]
    (found,) = [" ".join(t.split()) for t in table if t.split()[:1] == [first]]
    return found


def test_close_the_day_records_then_shows_what_changed(cli_sandbox: Sandbox) -> None:
    charge = cli_sandbox.hpos("charge", "14900", "--product", "Sac")
    cli_sandbox.control("pay", {"transaction_id": field(charge.stdout, "Transaction")})
    cli_sandbox.hpos("status", field(charge.stdout, "Sale"))  # records the payment
    waiting = cli_sandbox.hpos("charge", "2500", "--product", "Sac")
    waiting_sale = field(waiting.stdout, "Sale")

    first = cli_sandbox.hpos("report", "--close", "--by", "Awa")
    assert first.returncode == 0, (first.stdout, first.stderr)
    out = first.stdout
    assert "matches HPAY" in out
    assert line(out, "Paid") == "Paid 1 14,900 XOF 224 XOF 14,676 XOF"  # 1.5 %: 223.5 -> 224
    assert line(out, "Cancelled") == "Cancelled 0 0 XOF"
    assert line(out, "Open") == "Open 1 2,500 XOF"
    assert f"WAIT  {waiting_sale} AWAITING 2,500 XOF: the customer may still be paying" in out
    assert "Day closed: " in out
    assert out.rstrip().endswith("by Awa.")
    ((by, totals),) = closings(cli_sandbox)
    assert by == "Awa"
    recorded = json.loads(totals)
    assert recorded["groups"]["paid"] == {
        "count": 1, "amount": "14900", "fees": "224", "net": "14676",
    }  # fmt: skip
    assert recorded["open_sales"] == [waiting_sale]

    cli_sandbox.control("pay", {"transaction_id": field(waiting.stdout, "Transaction")})
    cli_sandbox.hpos("status", waiting_sale)
    second = cli_sandbox.hpos("report", "--close")
    assert second.returncode == 0, (second.stdout, second.stderr)
    assert "Closed before: " in second.stdout
    assert f"paid after closing: {waiting_sale} 2,500 XOF" in second.stdout
    assert "paid at that closing 1 · 14,900 XOF, now 2 · 17,400 XOF" in second.stdout
    assert second.stdout.rstrip().endswith("by manager.")
    assert [by for by, _totals in closings(cli_sandbox)] == ["Awa", "manager"]

    rows = json.loads(cli_sandbox.hpos("report", "--close", "--format", "json").stdout)
    sections = {(r["section"], r["item"]) for r in rows}
    assert ("group", "paid") in sections
    assert ("local", "paid") in sections  # the day report's rows come first
    assert [r["detail"] for r in rows if r["section"] == "closed_before"] == ["Awa", "manager"]
    (done,) = [r for r in rows if r["section"] == "closed"]
    assert done["detail"] == "manager"
    csv_out = cli_sandbox.hpos("report", "--close", "--day", "2000-01-01", "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.startswith("section,item,severity,count,amount,currency,")
    assert "group,paid,,0,0,XOF" in csv_out.stdout


def test_hpay_unreachable_closes_nothing(cli_sandbox: Sandbox) -> None:
    charge = cli_sandbox.hpos("charge", "14900", "--product", "Sac")
    cli_sandbox.control("pay", {"transaction_id": field(charge.stdout, "Transaction")})
    cli_sandbox.hpos("status", field(charge.stdout, "Sale"))
    down = cli_sandbox.hpos("report", "--close", HPOS_API_URL="http://127.0.0.1:9")
    assert down.returncode == 4, (down.stdout, down.stderr)
    assert "NOT CHECKED against HPAY" in down.stdout
    assert line(down.stdout, "Paid") == "Paid 1 14,900 XOF 224 XOF 14,676 XOF"  # local figures
    assert "The day was NOT closed: HPAY's history could not be read" in down.stdout
    assert closings(cli_sandbox) == []


def test_close_is_one_day(cli_sandbox: Sandbox) -> None:
    bad = cli_sandbox.hpos("report", "--close", "--to", "2025-11-09")
    assert bad.returncode == 2
    assert "A closing is one business day" in bad.stderr
