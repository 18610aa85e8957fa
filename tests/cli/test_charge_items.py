"""``hpos charge --item CODE[xN] ... [AMOUNT]``: a cart of catalogue items as one payment,
run as processes on a ``hpos sandbox`` process."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import Journal
from tests.helpers.cli import Sandbox, customer_pays, field

CATALOGUE = (
    "name,price,category,barcode,sku\n"
    "Coffee,1500,Drinks,3012345678901,COF\n"
    "Croissant,800,Bakery,,CRO\n"
    "Box x2 deal,2500,,,BOXx2\n"
)


def with_catalogue(sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text(CATALOGUE, encoding="utf-8")
    result = sandbox.hpos("catalogue", "import", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def journal_file(sandbox: Sandbox) -> Path:
    return Path(field(sandbox.hpos("journal").stdout, "Journal"))


def sale_lines(path: Path) -> list[tuple[int, str, str, int, str, int | None]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT position, name, unit_price, quantity, total, item_id FROM sale_lines"
            " ORDER BY sale_id, position"
        )
        return [tuple(r) for r in rows]


def hpay_payments(sandbox: Sandbox) -> list[dict[str, str]]:
    return json.loads(sandbox.hpos("history", "--format", "json").stdout)


def test_items_and_a_misc_amount_become_one_payment(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    with_catalogue(cli_sandbox, tmp_path)
    charge = cli_sandbox.hpos(
        "charge",
        "--item",
        "COFx2",
        "--item",
        "cro",  # a SKU typed in another case
        "--item",
        "3012345678901",  # the coffee again, by its barcode: its line grows
        "500",
        "--description",
        "table 4",
    )
    assert charge.returncode == 0, charge.stderr
    out = charge.stdout
    assert field(out, "Amount") == "5800"  # 3 × 1500 + 800 + 500
    assert re.search(r"^Product:\s+Coffee ×3 \+ 2 more$", out, re.MULTILINE), out
    table = out[out.index("ITEM") :].splitlines()  # the sale's lines (hpos status shows them too)
    assert [line.split() for line in table[:4]] == [
        ["ITEM", "QTY", "PRICE", "TOTAL"],
        ["Coffee", "3", "1,500", "XOF", "4,500", "XOF"],
        ["Croissant", "1", "800", "XOF", "800", "XOF"],
        ["Misc.", "1", "500", "XOF", "500", "XOF"],
    ]
    [payment] = hpay_payments(cli_sandbox)
    assert Decimal(payment["amount"]) == Decimal(5800)
    assert payment["product"] == "Coffee ×3 + 2 more"
    words = payment["description"].split(" ", 2)
    assert words[0].startswith("HPOS-")  # the sale reference first (issue 8)
    assert words[1] == "TILL1-000001"
    assert words[2] == "Coffee ×3, Croissant, Misc. 500 XOF — table 4"
    assert [line[:5] for line in sale_lines(journal_file(cli_sandbox))] == [
        (1, "Coffee", "1500", 3, "4500"),
        (2, "Croissant", "800", 1, "800"),
        (3, "Misc.", "500", 1, "500"),
    ]
    assert customer_pays(field(out, "Checkout")) == "https://hpay.cash/third/success/"
    status = cli_sandbox.hpos("status", "TILL1-000001")
    assert field(status.stdout, "State") == "PAID"


def test_quantity_spellings_and_a_code_that_looks_like_one(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    with_catalogue(cli_sandbox, tmp_path)
    charge = cli_sandbox.hpos(
        "charge", "--item", "COF×2", "--item", "CRO*3", "--item", "BOXx2", "--product", "Breakfast"
    )
    assert charge.returncode == 0, charge.stderr
    assert field(charge.stdout, "Amount") == "7900"  # 2 × 1500 + 3 × 800 + 2500
    assert re.search(r"^Product:\s+Breakfast$", charge.stdout, re.MULTILINE)  # --product wins
    assert [line[1:4] for line in sale_lines(journal_file(cli_sandbox))] == [
        ("Coffee", "1500", 2),
        ("Croissant", "800", 3),
        ("Box x2 deal", "2500", 1),
    ]


def test_an_unknown_code_is_named_and_nothing_is_sent(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    with_catalogue(cli_sandbox, tmp_path)
    for args, says in [
        (["--item", "COF", "--item", "999999"], "barcode or SKU '999999'"),
        (["--item", "NOPEx2"], "barcode or SKU 'NOPE'"),
        (["--item", "COFx0"], "--item COFx0: a quantity is 1 to 999."),
        (["--item", "COFx1000"], "a quantity is 1 to 999."),
        (["--item", "COF", "12a"], "'12a' is not an amount"),
        (["--item", "COF", "10,5"], "XOF has no decimals"),
    ]:
        result = cli_sandbox.hpos("charge", *args)
        assert (result.returncode, result.stdout) == (2, ""), args
        assert result.stderr.startswith("hpos: error: ")
        assert says in result.stderr, result.stderr
    assert "Nothing was sent to HPAY." in cli_sandbox.hpos("charge", "--item", "X1").stderr
    assert hpay_payments(cli_sandbox) == []
    assert "No sales on" in cli_sandbox.hpos("sales").stdout


def test_charge_needs_an_amount_or_an_item(cli_sandbox: Sandbox) -> None:
    result = cli_sandbox.hpos("charge")
    assert (result.returncode, result.stdout) == (2, "")
    assert "charge needs an AMOUNT or --item CODE" in result.stderr
    usage = cli_sandbox.hpos("charge", "--help").stdout
    assert "--item CODE[xN]" in usage
    assert "[AMOUNT]" in usage


def test_an_item_archived_is_not_sold(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    with_catalogue(cli_sandbox, tmp_path)
    archive = tmp_path / "archive.csv"
    archive.write_text("name,price,sku,archived\nCroissant,800,CRO,yes\n", encoding="utf-8")
    assert cli_sandbox.hpos("catalogue", "import", str(archive)).returncode == 0
    result = cli_sandbox.hpos("charge", "--item", "CRO")
    assert result.returncode == 2
    assert "barcode or SKU 'CRO'" in result.stderr


def test_a_price_change_after_the_sale_leaves_the_sale_as_sold(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    with_catalogue(cli_sandbox, tmp_path)
    assert cli_sandbox.hpos("charge", "--item", "COFx2").returncode == 0
    dearer = tmp_path / "dearer.csv"
    dearer.write_text("name,price,sku\nEspresso,1800,COF\n", encoding="utf-8")
    assert cli_sandbox.hpos("catalogue", "import", str(dearer)).returncode == 0
    assert "Espresso" in cli_sandbox.hpos("catalogue", "list").stdout
    assert [line[1:5] for line in sale_lines(journal_file(cli_sandbox))] == [
        ("Coffee", "1500", 2, "3000")
    ]
    assert re.search(r"TILL1-000001\s+AWAITING\s+3000 XOF", cli_sandbox.hpos("sales").stdout)


def test_a_catalogue_in_another_currency_is_refused(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    path = journal_file(cli_sandbox)
    journal = Journal(path)
    try:
        journal.catalogue.add(ItemDraft("Coffee", "2.50", None, "COF"), "CAD")
    finally:
        journal.close()
    result = cli_sandbox.hpos("charge", "--item", "COF")
    assert result.returncode == 2
    assert "The catalogue's prices are in CAD; this account charges in XOF." in result.stderr
    assert hpay_payments(cli_sandbox) == []
