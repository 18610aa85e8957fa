"""The day report's "Items sold": paid cart sales by item, free amounts and sales without
lines adding up exactly to the paid total, in text, CSV and JSON; a price change or a
rename after the sale never alters the figures."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.cli.report_output import report_csv, report_json, report_text
from hpos.sales.cart import Cart
from hpos.sales.catalogue import Item, ItemDraft
from hpos.sales.journal import Journal
from hpos.sales.report import build_day_report, local_summary
from hpos.sales.report_items import ItemLine
from hpos.sales.states import SaleState
from tests.helpers.day import DAY, PAID_PATH, WAT, FakeTime, put, utc

S = SaleState


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime(utc(8, 10))


@pytest.fixture
def journal(tmp_path: Path, fake_time: FakeTime) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3", clock=fake_time.now)
    yield j
    j.close()


def add(journal: Journal, name: str, price: str, code: str | None = None) -> Item:
    return journal.catalogue.add(ItemDraft(name, Decimal(price), barcode=code), "XOF")


def sell(
    journal: Journal, fake_time: FakeTime, hour: int, cart: Cart, path: tuple[S, ...] = PAID_PATH
) -> None:
    put(journal, fake_time, utc(8, hour), str(cart.total), path, lines=cart.sale_lines())


@pytest.fixture
def day(journal: Journal, fake_time: FakeTime) -> Journal:
    """Paid: coffee ×2 + croissant; coffee + Misc. 1,000; a typed 2,500; paid late: croissant ×3.
    Not paid: a failed coffee ×5 and an awaiting typed 9,000."""
    coffee = add(journal, "Café", "1500", "111")
    croissant = add(journal, "Croissant", "500", "222")
    sell(journal, fake_time, 9, Cart().add_item(coffee, 2).add_item(croissant))
    sell(journal, fake_time, 10, Cart().add_item(coffee).add_amount(Decimal("1000")))
    put(journal, fake_time, utc(8, 11), "2500", PAID_PATH)
    sell(
        journal, fake_time, 12, Cart().add_item(croissant, 3),
        (S.REQUESTING, S.AWAITING, S.CANCELLED, S.PAID),
    )  # fmt: skip
    sell(journal, fake_time, 13, Cart().add_item(coffee, 5), (S.REQUESTING, S.FAILED))
    put(journal, fake_time, utc(8, 14), "9000", (S.REQUESTING, S.AWAITING))
    return journal


def test_paid_sales_by_item_add_up_to_the_paid_total(day: Journal) -> None:
    summary = local_summary(day, DAY, mode="TEST", tz=WAT)
    sold = summary.items
    assert sold.items == (
        ItemLine("Café", 3, Decimal("4500"), 1),
        ItemLine("Croissant", 4, Decimal("2000"), 2),
    )
    assert (sold.free_count, sold.free_amount) == (1, Decimal("1000"))
    assert (sold.unlined_count, sold.unlined_amount) == (1, Decimal("2500"))
    assert summary.paid_total == Decimal("10000")
    assert sold.total == summary.paid_total


def test_a_price_change_and_a_rename_leave_the_day_unchanged(day: Journal) -> None:
    before = local_summary(day, DAY, mode="TEST", tz=WAT).items
    day.catalogue.update(1, ItemDraft("Café noir", Decimal("2000"), barcode="111"), "XOF")
    day.catalogue.archive(2)
    after = local_summary(day, DAY, mode="TEST", tz=WAT).items
    assert after == before
    assert "Café noir" not in report_text(build_day_report(day, None, DAY, mode="TEST", tz=WAT))


def test_the_text_report_lists_the_items_sold(day: Journal) -> None:
    text = report_text(build_day_report(day, None, DAY, mode="TEST", tz=WAT))
    section = text.split("Items sold:\n", 1)[1].splitlines()
    assert section[0].split() == ["ITEM", "QTY", "AMOUNT"]
    assert section[1].split() == ["Café", "3", "4,500", "XOF"]
    assert section[2].split() == ["Croissant", "4", "2,000", "XOF"]
    assert section[3].split() == ["Free", "amounts", "(Misc.)", "1", "1,000", "XOF"]
    assert section[4].split() == ["Sales", "without", "lines", "1", "2,500", "XOF"]
    assert section[5].split() == ["Total", "paid", "10,000", "XOF"]
    assert "4 · 10,000 XOF" in text  # the paid line above: the same total


def test_csv_and_json_carry_exact_item_rows(day: Journal) -> None:
    report = build_day_report(day, None, DAY, mode="TEST", tz=WAT)
    rows = [
        r for r in csv.DictReader(io.StringIO(report_csv(report))) if r["section"] == "items_sold"
    ]
    assert [(r["item"], r["count"], r["amount"], r["currency"], r["detail"]) for r in rows] == [
        ("Café", "3", "4500", "XOF", "item 1"),
        ("Croissant", "4", "2000", "XOF", "item 2"),
        ("free_amounts", "1", "1000", "XOF", ""),
        ("sales_without_lines", "1", "2500", "XOF", ""),
    ]
    assert sum(Decimal(r["amount"]) for r in rows) == report.paid_total
    as_json = [r for r in json.loads(report_json(report)) if r["section"] == "items_sold"]
    assert [r["amount"] for r in as_json] == ["4500", "2000", "1000", "2500"]


def test_an_item_name_that_looks_like_a_formula_is_guarded_in_csv(
    journal: Journal, fake_time: FakeTime
) -> None:
    item = add(journal, "=HYPERLINK(1)", "700")
    sell(journal, fake_time, 9, Cart().add_item(item))
    text = report_csv(build_day_report(journal, None, DAY, mode="TEST", tz=WAT))
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["section"] == "items_sold"]
    assert rows[0]["item"] == "'=HYPERLINK(1)"


def test_a_day_without_cart_sales_has_no_items_section(
    journal: Journal, fake_time: FakeTime
) -> None:
    put(journal, fake_time, utc(8, 9), "2500", PAID_PATH)
    report = build_day_report(journal, None, DAY, mode="TEST", tz=WAT)
    assert not report.items.shown
    assert "Items sold" not in report_text(report)
    assert "items_sold" not in report_csv(report)
