"""Start-up recovery: journal rows left open by a crash are resumed, never resent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hpos.hpay.client import HpayClient
from hpos.sales.model import Sale
from hpos.sales.recovery import MAYBE_SENT, NOT_SENT, recover
from hpos.sales.states import SaleState
from tests.helpers.watch import Rig

S = SaleState


def write(rig: Rig, *states: SaleState, txid: str | None = None, note: str = "") -> Sale:
    """A sale written straight into the journal and moved through ``states``."""
    sale = rig.journal.create_sale(
        till="T1", amount=Decimal(1500), currency="XOF", product="Tea", description="", mode="TEST"
    )
    for state in states:
        sale = rig.journal.transition(sale.id, state, note=note, transaction_id=txid)
    return sale


def test_open_sales_are_resumed(sandbox: Any, rig: Rig, client: HpayClient) -> None:
    created = write(rig)
    sent = write(rig, S.REQUESTING)  # HPAY created it, the answer was lost in the crash
    client.create_payment(sent.amount, sent.product, sent.description)
    lost = write(rig, S.REQUESTING)  # never reached HPAY
    waiting = write(rig, S.REQUESTING)
    payment = client.create_payment(waiting.amount, waiting.product, waiting.description)
    waiting = rig.journal.transition(waiting.id, S.AWAITING, transaction_id=payment.transaction_id)
    review = write(rig, S.REQUESTING, S.UNKNOWN, S.REVIEW)
    paid = write(rig, S.REQUESTING, S.AWAITING, S.PAID, txid="PAIDTXID000001")
    old = write(rig, S.REQUESTING, S.AWAITING, S.CANCELLED, txid="OLDTXID0000001")
    rig.clock.now += 1800.0  # the cancelled sale's grace is over
    cancelled = write(rig, S.REQUESTING)
    other = client.create_payment(cancelled.amount, cancelled.product, cancelled.description)
    for state in (S.AWAITING, S.CANCELLED):
        cancelled = rig.journal.transition(cancelled.id, state, transaction_id=other.transaction_id)
    rig.events.clear()
    payments_before = len(sandbox.payments())

    resumed = recover(rig.journal, rig.till, rig.watcher)

    by_id = {s.id: s for s in resumed}
    assert sorted(by_id) == [created.id, sent.id, lost.id, waiting.id, review.id, cancelled.id]
    assert by_id[created.id].state is S.FAILED
    assert by_id[created.id].last_error == NOT_SENT
    for sale_id in (sent.id, lost.id):
        assert by_id[sale_id].state is S.UNKNOWN
        assert by_id[sale_id].last_error == MAYBE_SENT
    assert by_id[waiting.id].state is S.AWAITING
    assert by_id[review.id].state is S.REVIEW
    assert rig.watcher.watching() == [sent.id, lost.id, waiting.id, cancelled.id]
    assert paid.id not in by_id
    assert old.id not in by_id
    assert [(e.kind, e.sale.state) for e in rig.events] == [
        ("state", S.FAILED),
        ("state", S.UNKNOWN),
        ("state", S.UNKNOWN),
    ]

    sandbox.mark_paid(payment.transaction_id)
    changed = {s.id: s for s in rig.watcher.run_due()}
    assert changed[sent.id].state is S.AWAITING, "the lost answer's payment is adopted"
    assert changed[waiting.id].state is S.PAID
    assert lost.id not in changed, "still searching within the reconcile window"
    assert cancelled.id not in changed, "not paid: still watched for a late payment"
    rig.clock.now += 120.0
    rig.watcher.run_due()
    lost_now = rig.journal.get(lost.id)
    assert lost_now is not None
    assert lost_now.state is S.FAILED
    assert "safe to try again" in (lost_now.last_error or "")
    assert len(sandbox.payments()) == payments_before, "recovery never sends a payment"


def test_recovery_of_an_empty_journal_does_nothing(sandbox: Any, rig: Rig) -> None:
    assert recover(rig.journal, rig.till, rig.watcher) == []
    assert rig.watcher.watching() == []
    assert sandbox.stats()["requests"] == {}
