"""The till against the sandbox: journal first, then HPAY; every ending recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import InvalidAmount, InvalidRequest, NetworkError
from hpos.sales.journal import Journal
from hpos.sales.model import SaleEvent
from hpos.sales.states import SaleState
from hpos.sales.till import Till

S = SaleState


@pytest.fixture
def events() -> list[SaleEvent]:
    return []


@pytest.fixture
def till(client: HpayClient, journal: Journal, events: list[SaleEvent]) -> Till:
    return Till(client, journal, till_name="T1", listener=events.append)


def test_sale_goes_to_awaiting_with_its_link_committed(
    sandbox: Any, till: Till, journal: Journal, events: list[SaleEvent]
) -> None:
    sale = till.start_sale("14900", "Sac", "école")
    assert sale.state is S.AWAITING
    assert sale.sale_number == "T1-000001"
    [held] = sandbox.payments()
    assert sale.transaction_id == held.transaction_id
    assert sale.checkout_url == held.checkout_url
    assert held.description.startswith(f"{sale.reference} T1-000001 "), "reference, then number"
    assert sale.fees == held.fees
    assert journal.get(sale.id) == sale, "what the caller shows is what the journal holds"
    assert [e.sale.state for e in events] == [S.CREATED, S.REQUESTING, S.AWAITING]
    assert all(e.message for e in events)


def test_sale_is_in_the_journal_before_the_request_leaves(
    sandbox: Any, client: HpayClient, journal: Journal
) -> None:
    seen: list[tuple[SaleState, int]] = []

    def listener(event: SaleEvent) -> None:
        if event.sale.state is S.REQUESTING:
            on_disk = journal.get(event.sale.id)
            assert on_disk is not None
            seen.append((on_disk.state, len(sandbox.payments())))

    Till(client, journal, till_name="T1", listener=listener).start_sale("500", "Tea")
    assert seen == [(S.REQUESTING, 0)]


def test_refused_payment_fails_safely(sandbox: Any, till: Till) -> None:
    sandbox.add_fault("/payment/", "refuse")
    sale = till.start_sale("2500", "Bread")
    assert sale.state is S.FAILED
    assert sale.last_error is not None
    assert "safe to try again" in sale.last_error
    assert sandbox.payments() == []


def test_unanswered_payment_is_unknown_not_resent(
    sandbox: Any, make_client: Callable[..., HpayClient], journal: Journal
) -> None:
    till = Till(make_client(deadline=1.0), journal, till_name="T1")
    till.client.token()
    sandbox.add_fault("/payment/", "no_answer", seconds=5)
    sale = till.start_sale("3000", "Juice")
    assert sale.state is S.UNKNOWN
    assert sale.last_error is not None
    assert "history" in sale.last_error
    assert len(sandbox.payments()) == 1
    assert sandbox.stats()["requests"]["/payment/"] == 1


def test_unreachable_hpay_writes_nothing(
    make_client: Callable[..., HpayClient], journal: Journal
) -> None:
    till = Till(make_client(base_url="http://127.0.0.1:9", deadline=1.0), journal, till_name="T1")
    with pytest.raises(NetworkError):
        till.start_sale("100", "Tea")
    assert journal.count() == 0


@pytest.mark.parametrize(("amount", "product"), [("12.5", "Tea"), ("0", "Tea"), ("100", "  ")])
def test_bad_input_writes_nothing(
    sandbox: Any, till: Till, journal: Journal, amount: str, product: str
) -> None:
    with pytest.raises(InvalidRequest):
        till.start_sale(amount, product)
    assert journal.count() == 0
    assert sandbox.payments() == []


def test_amount_error_is_an_invalid_amount(till: Till) -> None:
    with pytest.raises(InvalidAmount, match="decimals"):
        till.start_sale("12.5", "Tea")


def test_unsafe_link_fails_and_keeps_the_transaction_id(
    sandbox: Any, make_client: Callable[..., HpayClient], journal: Journal
) -> None:
    client = make_client(base_url=sandbox.url.replace("127.0.0.1", "localhost"))
    sale = Till(client, journal, till_name="T1").start_sale("700", "Soap")
    assert sale.state is S.FAILED
    assert sale.transaction_id == sandbox.payments()[0].transaction_id
    assert sale.last_error is not None
    assert "not shown" in sale.last_error


def test_cancel_an_awaiting_sale(till: Till, journal: Journal) -> None:
    sale = till.start_sale("900", "Milk")
    cancelled = till.cancel(sale.id)
    assert cancelled.state is S.CANCELLED
    assert [e.to_state for e in journal.events(sale.id)][-1] is S.CANCELLED
