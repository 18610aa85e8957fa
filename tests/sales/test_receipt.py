"""The receipt's data (pure): which sales have one, and what it carries."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from hpos.sales.model import Sale
from hpos.sales.receipt import (
    Receipt,
    ReceiptRefused,
    make_receipt,
    receipt_from_sale,
    shop_name_for,
    till_of,
)
from hpos.sales.states import SaleState

CREATED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
PAID_AT = CREATED + timedelta(minutes=2)


def sale(**changes: Any) -> Sale:
    base = Sale(
        id=7,
        sale_number="TILL1-000042",
        till="TILL1",
        created_at=CREATED,
        updated_at=PAID_AT,
        paid_seen_at=PAID_AT,
        amount=Decimal("14900"),
        currency="XOF",
        product="Coffee beans",
        description="TILL1-000042 Arabica, ground",
        mode="TEST",
        state=SaleState.PAID,
        transaction_id="TX-abc123",
    )
    return dataclasses.replace(base, **changes)


def row_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = dict(
        shop_name="Boutique Awa",
        till="TILL2",
        date=CREATED,
        product="Tea",
        description="",
        amount=Decimal("12.50"),
        currency="cad",
        transaction_id="TX-9",
        status="PAID",
        mode="PROD",
    )
    fields.update(changes)
    return fields


def test_a_paid_sale_has_a_receipt_with_every_field() -> None:
    receipt = receipt_from_sale(sale(), shop_name="  Boutique   Awa ")
    assert receipt == Receipt(
        shop_name="Boutique Awa",
        till="TILL1",
        date=PAID_AT,
        product="Coffee beans",
        description="Arabica, ground",  # the sale number is printed on its own line
        amount=Decimal("14900"),
        currency="XOF",
        transaction_id="TX-abc123",
        status="PAID",
        mode="TEST",
        sale_number="TILL1-000042",
    )
    assert receipt.is_test
    assert not receipt.paid_late
    assert receipt.name == "TILL1-000042"
    assert isinstance(receipt.amount, Decimal)


def test_paid_late_sale_says_paid_late() -> None:
    receipt = receipt_from_sale(sale(paid_late=True, mode="PROD"), shop_name="Shop")
    assert receipt.status == "PAID LATE"
    assert receipt.paid_late
    assert not receipt.is_test


def test_date_is_creation_time_when_payment_time_unknown() -> None:
    receipt = receipt_from_sale(sale(paid_seen_at=None), shop_name="Shop")
    assert receipt.date == CREATED


@pytest.mark.parametrize(
    "state",
    [s for s in SaleState if s is not SaleState.PAID],
)
def test_every_unpaid_state_is_refused_with_a_clear_message(state: SaleState) -> None:
    with pytest.raises(ReceiptRefused) as info:
        receipt_from_sale(sale(state=state), shop_name="Shop")
    assert info.value.status == state.value.upper()
    assert info.value.name == "TILL1-000042"
    assert "not paid" in str(info.value)
    assert "TILL1-000042" in str(info.value)


def test_shop_name_falls_back_to_company_then_hpos() -> None:
    assert shop_name_for("", "Awa SARL") == "Awa SARL"
    assert shop_name_for("  ", "") == "HPOS"
    assert shop_name_for("Shop", "Awa SARL") == "Shop"
    receipt = receipt_from_sale(sale(), shop_name="", company="Awa SARL")
    assert receipt.shop_name == "Awa SARL"


def test_till_from_sale_number() -> None:
    assert till_of("TILL1-000042") == "TILL1"
    assert till_of("SHOP-A-000001") == "SHOP-A"
    assert till_of(None, "T9") == "T9"
    assert till_of("not a number", "") == ""


def test_make_receipt_normalises_fields() -> None:
    receipt = make_receipt(**row_fields(status=" paid  late ", sale_number="TILL2-000001"))
    assert receipt.status == "PAID LATE"
    assert receipt.currency == "CAD"
    assert receipt.sale_number == "TILL2-000001"
    assert receipt.description == ""


@pytest.mark.parametrize("status", ["UNPAID", "AWAITING", "CANCELLED", "", "paid?"])
def test_make_receipt_refuses_unpaid_statuses(status: str) -> None:
    with pytest.raises(ReceiptRefused) as info:
        make_receipt(**row_fields(status=status))
    assert info.value.name == "TX-9"  # no sale number: the transaction names it


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"date": datetime(2026, 1, 1)}, "timezone-aware"),  # noqa: DTZ001 - the point of the test
        ({"amount": 12.5}, "Decimal"),
        ({"amount": Decimal(0)}, "positive"),
        ({"amount": Decimal("NaN")}, "positive"),
        ({"currency": " "}, "currency"),
        ({"transaction_id": ""}, "transaction id"),
    ],
)
def test_make_receipt_refuses_bad_data(changes: dict[str, Any], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        make_receipt(**row_fields(**changes))


def test_local_date_keeps_the_instant_and_is_aware() -> None:
    receipt = make_receipt(**row_fields(date=datetime(2026, 6, 1, 12, 0, tzinfo=UTC)))
    local = receipt.local_date()
    assert local.tzinfo is not None
    assert local == receipt.date
