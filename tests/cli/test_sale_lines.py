"""A cart sale from the command line's side: ``hpos status`` lists its lines as sold, and
``hpos report`` breaks the day's paid sales down by item ("Items sold", in text, CSV and
JSON); a price change after the sale alters neither. The cart sale is made by the sales
layer on the sandbox (as the window makes it), the rest through the real CLI."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from hpos.hpay.client import HpayClient
from hpos.sales.cart import Cart, cart_description, items_text, product_name
from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.journal_seal import SEAL_FILE
from hpos.sales.till import Till
from tests.helpers.cli import Sandbox, field
from tests.helpers.sandbox import client_config


def _cart_sale(sandbox: Sandbox) -> str:
    """A three-line cart sale (coffee ×2, croissant, Misc. 1,000) awaiting payment; its number."""
    config = Path(sandbox.env["HPOS_CONFIG_DIR"])
    (config / "data").mkdir(parents=True, exist_ok=True)
    journal = Journal(config / "data" / JOURNAL_FILE, seal_path=config / SEAL_FILE)
    try:
        coffee = journal.catalogue.add(ItemDraft("Café", Decimal("1500"), barcode="111"), "XOF")
        croissant = journal.catalogue.add(ItemDraft("Croissant", Decimal("500")), "XOF")
        cart = Cart().add_item(coffee, 2).add_item(croissant).add_amount(Decimal("1000"))
        client = HpayClient(client_config(sandbox.url))
        try:
            sale = Till(client, journal, till_name="TILL1").start_sale(
                cart.total,
                product_name(cart.lines),
                cart_description(items_text(cart.lines)),
                lines=cart.sale_lines(),
            )
        finally:
            client.close()
    finally:
        journal.close()
    assert sale.transaction_id
    sandbox.control("pay", {"transaction_id": sale.transaction_id})
    return sale.sale_number


def _reprice(sandbox: Sandbox) -> None:
    config = Path(sandbox.env["HPOS_CONFIG_DIR"])
    journal = Journal(config / "data" / JOURNAL_FILE, seal_path=config / SEAL_FILE)
    try:
        journal.catalogue.update(1, ItemDraft("Café crème", Decimal("2500"), barcode="111"), "XOF")
    finally:
        journal.close()


def test_status_lists_a_cart_sales_lines_and_a_price_change_alters_nothing(
    cli_sandbox: Sandbox,
) -> None:
    number = _cart_sale(cli_sandbox)
    status = cli_sandbox.hpos("status", number)  # records the payment
    assert status.returncode == 0, (status.stdout, status.stderr)
    assert field(status.stdout, "State") == "PAID"
    table = status.stdout.split("Items:\n", 1)[1].splitlines()
    assert table[0].split() == ["ITEM", "QTY", "PRICE", "TOTAL"]
    assert table[1].split() == ["Café", "2", "1,500", "XOF", "3,000", "XOF"]
    assert table[2].split() == ["Croissant", "1", "500", "XOF", "500", "XOF"]
    assert table[3].split() == ["Misc.", "1", "1,000", "XOF", "1,000", "XOF"]
    _reprice(cli_sandbox)
    again = cli_sandbox.hpos("status", number)
    assert again.returncode == 0, again.stderr
    assert again.stdout == status.stdout
    assert "crème" not in again.stdout


def test_the_report_breaks_the_paid_total_down_by_item(cli_sandbox: Sandbox) -> None:
    number = _cart_sale(cli_sandbox)
    assert cli_sandbox.hpos("status", number).returncode == 0  # records the payment
    typed = cli_sandbox.hpos("charge", "2500")  # a typed amount: a sale without lines
    assert typed.returncode == 0, typed.stderr
    cli_sandbox.control("pay", {"transaction_id": field(typed.stdout, "Transaction")})
    assert cli_sandbox.hpos("status", field(typed.stdout, "Sale")).returncode == 0
    _reprice(cli_sandbox)

    text = cli_sandbox.hpos("report")
    assert text.returncode == 0, (text.stdout, text.stderr)
    table = text.stdout.split("Items sold:\n", 1)[1].splitlines()
    assert table[0].split() == ["ITEM", "QTY", "AMOUNT"]
    assert table[1].split() == ["Café", "2", "3,000", "XOF"]
    assert table[2].split() == ["Croissant", "1", "500", "XOF"]
    assert table[3].split() == ["Free", "amounts", "(Misc.)", "1", "1,000", "XOF"]
    assert table[4].split() == ["Sales", "without", "lines", "1", "2,500", "XOF"]
    assert table[5].split() == ["Total", "paid", "7,000", "XOF"]

    rows = list(csv.DictReader(io.StringIO(cli_sandbox.hpos("report", "--format", "csv").stdout)))
    items = [r for r in rows if r["section"] == "items_sold"]
    assert [(r["item"], r["count"], r["amount"]) for r in items] == [
        ("Café", "2", "3000"),
        ("Croissant", "1", "500"),
        ("free_amounts", "1", "1000"),
        ("sales_without_lines", "1", "2500"),
    ]
    paid = next(r for r in rows if (r["section"], r["item"]) == ("local", "paid"))
    assert sum(Decimal(r["amount"]) for r in items) == Decimal(paid["amount"]) == Decimal("7000")
    data = json.loads(cli_sandbox.hpos("report", "--format", "json").stdout)
    assert [r["amount"] for r in data if r["section"] == "items_sold"] == [
        "3000", "500", "1000", "2500",
    ]  # fmt: skip
