"""A sale is PAID only by its own payment: the sales layer against the sandbox.

Each scenario ends with the same two checks (:func:`assert_truth`): no sale is PAID
without its own payment being paid at HPAY, and no transaction id is held by two
sales, across every journal involved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal, JournalError
from hpos.sales.journal_schema import MIGRATIONS
from hpos.sales.journal_seal import SEAL_FILE
from hpos.sales.recovery import recover
from hpos.sales.reference import reference_in
from hpos.sales.states import SaleState
from hpos.sales.till import AnswerNotRecorded
from tests.helpers.watch import Rig

S = SaleState
PAYMENT = "/payment/"


def assert_truth(sandbox: Any, *journals: Journal) -> None:
    """No false PAID, no transaction id held twice, in any of ``journals``."""
    held: dict[str, str] = {}
    for journal in journals:
        for sale in journal.iter_sales_between(_FAR_PAST, _FAR_FUTURE):
            if sale.transaction_id:
                key = f"{journal.path}:{sale.sale_number}"
                assert sale.transaction_id not in held, (key, held[sale.transaction_id])
                held[sale.transaction_id] = key
            if sale.state is S.PAID:
                payment = sandbox.payment(sale.transaction_id)
                assert payment is not None, sale
                assert payment.status == "PAID", sale
                assert reference_in(payment.description) == sale.reference, "its own payment"
                assert payment.amount == sale.amount


def settle(rig: Rig, sale_id: int, *, limit: float = 200.0) -> Any:
    """Run the watcher on the fake clock until the sale stops being watched."""
    start = rig.clock.now
    while sale_id in rig.watcher.watching() and rig.clock.now - start < limit:
        rig.step()
    return rig.sale(sale_id)


class SealedRig(Rig):
    """A rig whose journal has a seal, so a lost journal is noticed."""

    def __init__(self, client: HpayClient, path: Path, seal: Path) -> None:
        super().__init__(client, path.with_name("scratch.sqlite3"))
        self.journal.close()
        self.journal = Journal(path, clock=self.clock.wall, seal_path=seal)
        self.till.journal = self.journal


_FAR_PAST = datetime(2000, 1, 1, tzinfo=UTC)
_FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


@pytest.fixture
def rigs(client: HpayClient, tmp_path: Path) -> Iterator[tuple[Rig, Rig]]:
    """Two tills left on the same name ("T1"), one HPAY account, two journals."""
    a = Rig(client, tmp_path / "a.sqlite3")
    b = Rig(client, tmp_path / "b.sqlite3")
    yield a, b
    a.journal.close()
    b.journal.close()


def test_two_tills_of_one_name_never_take_each_others_payment(
    sandbox: Any, rigs: tuple[Rig, Rig]
) -> None:
    a, b = rigs
    paid = a.start("1000", "Tea")
    sandbox.mark_paid(paid.transaction_id)
    assert settle(a, paid.id).state is S.PAID
    sandbox.add_fault(PAYMENT, "http_502", times=1)
    sale = b.till.start_sale("1000", "Tea")
    assert sale.sale_number == paid.sale_number, "the same visible number"
    assert sale.state is S.UNKNOWN
    assert sale.answered
    assert "HPAY answered with an error (HTTP 502)" in (sale.last_error or "")
    b.watcher.watch(sale)
    start = b.clock.now
    ended = settle(b, sale.id)
    assert ended.state is S.FAILED
    assert "safe to try again" in (ended.last_error or "")
    assert b.clock.now - start <= 15.0, "settled within 15 s when HPAY answered"
    assert ended.transaction_id is None
    assert_truth(sandbox, a.journal, b.journal)


def test_http_504_keeps_the_long_window(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault(PAYMENT, "http_504", times=1)
    sale = rig.till.start_sale("1000", "Tea")
    assert sale.state is S.UNKNOWN
    assert not sale.answered
    assert "HTTP 504" in (sale.last_error or "")
    rig.watcher.watch(sale)
    found = settle(rig, sale.id)
    assert found.state is S.AWAITING, "504: HPAY went on and created it; it was found"
    assert found.transaction_id == sandbox.payments()[0].transaction_id


def test_a_timeout_waits_the_long_window(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault(PAYMENT, "reset", times=1)
    sale = rig.till.start_sale("1000", "Tea")
    assert sale.state is S.UNKNOWN
    assert not sale.answered
    rig.watcher.watch(sale)
    start = rig.clock.now
    ended = settle(rig, sale.id)
    assert ended.state is S.FAILED
    assert rig.clock.now - start >= rig.watcher.policy.reconcile_window


def test_bad_gateway_after_the_payment_was_made_adopts_it(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault(PAYMENT, "bad_gateway", times=1)
    sale = rig.till.start_sale("1000", "Tea")
    assert sale.state is S.UNKNOWN
    assert sale.answered
    rig.watcher.watch(sale)
    [adopted] = rig.watcher.run_due()
    assert adopted.state is S.AWAITING
    assert adopted.transaction_id == sandbox.payments()[0].transaction_id
    assert_truth(sandbox, rig.journal)


def test_a_typed_description_naming_the_next_sale_pays_only_its_own(sandbox: Any, rig: Rig) -> None:
    first = rig.till.start_sale("1000", "Tea", "exchange for T1-000002")
    sandbox.mark_paid(first.transaction_id)
    sandbox.add_fault(PAYMENT, "http_502", times=1)
    second = rig.till.start_sale("1000", "Tea")
    assert second.sale_number == "T1-000002"
    rig.watcher.watch(second)
    assert settle(rig, second.id).state is S.FAILED
    assert_truth(sandbox, rig.journal)


def test_a_description_imitating_a_whole_reference_is_cleaned(
    sandbox: Any, rig: Rig, client: HpayClient
) -> None:
    sandbox.add_fault(PAYMENT, "reset", times=1)
    lost = rig.till.start_sale("1000", "Tea")
    assert lost.state is S.UNKNOWN
    imitation = rig.till.start_sale("1000", lost.reference or "", lost.reference or "")
    assert imitation.description.count("HPOS-") == 1, "only its own reference"
    sandbox.mark_paid(imitation.transaction_id)
    held = sandbox.payment(imitation.transaction_id)
    assert reference_in(held.description) == imitation.reference
    assert "HPOS-" not in held.product
    rig.watcher.watch(lost)
    assert settle(rig, lost.id).state is S.FAILED
    assert_truth(sandbox, rig.journal)


@pytest.mark.parametrize("damage", ["delete", "empty"])
def test_a_lost_journal_is_said_and_never_adopts_old_payments(
    sandbox: Any, client: HpayClient, tmp_path: Path, damage: str
) -> None:
    path, seal = tmp_path / "j.sqlite3", tmp_path / "config" / SEAL_FILE
    rig = SealedRig(client, path, seal)
    old = rig.start("1000", "Tea")
    sandbox.mark_paid(old.transaction_id)
    assert settle(rig, old.id).state is S.PAID
    rig.journal.close()
    for extra in path.parent.glob(path.name + "-*"):
        extra.unlink()
    if damage == "delete":
        path.unlink()
    else:
        path.write_bytes(b"")
    again = SealedRig(client, path, seal)
    notice = again.journal.notice
    assert notice is not None
    assert notice.kind == ("missing" if damage == "delete" else "empty")
    assert str(path) in notice.message
    assert "1 sale" in notice.message
    assert again.journal.journal_id != rig.journal.journal_id
    sandbox.add_fault(PAYMENT, "http_502", times=1)
    new = again.till.start_sale("1000", "Tea")
    assert new.sale_number == "T1-000002", "numbering goes on"
    assert new.reference != old.reference
    again.watcher.watch(new)
    assert settle(again, new.id).state is S.FAILED
    assert_truth(sandbox, again.journal)
    again.journal.close()
    reopened = Journal(path, seal_path=seal)
    assert reopened.notice == notice, "said until acknowledged"
    reopened.acknowledge_notice()
    reopened.close()
    assert Journal(path, seal_path=seal).notice is None


def test_a_replaced_or_rolled_back_journal_is_noticed(tmp_path: Path) -> None:
    seal = tmp_path / SEAL_FILE
    path = tmp_path / "j.sqlite3"
    journal = Journal(path, seal_path=seal)
    for _ in range(2):
        journal.create_sale(
            till="T1", amount=Decimal(5), currency="XOF", product="x", description="", mode="TEST"
        )
    journal.close()
    backup = tmp_path / "backup.sqlite3"
    other = Journal(backup)
    other.create_sale(
        till="T1", amount=Decimal(5), currency="XOF", product="x", description="", mode="TEST"
    )
    other.close()
    path.write_bytes(backup.read_bytes())
    replaced = Journal(path, seal_path=seal)
    assert replaced.notice is not None
    assert replaced.notice.kind == "replaced"
    assert replaced.counters()["T1"] == 2, "numbering continues after the seal's last sale"
    replaced.close()
    # the same journal, rolled back: the seal saw sale 3; the copy only knows 2
    journal = Journal(path, seal_path=seal)
    journal.acknowledge_notice()
    copy = path.read_bytes()
    journal.create_sale(
        till="T1", amount=Decimal(5), currency="XOF", product="x", description="", mode="TEST"
    )
    journal.close()
    for extra in path.parent.glob(path.name + "-*"):
        extra.unlink()
    path.write_bytes(copy)
    rolled = Journal(path, seal_path=seal)
    assert rolled.notice is not None
    assert rolled.notice.kind == "rolled_back"
    rolled.close()


def test_a_fresh_profile_says_nothing(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3", seal_path=tmp_path / SEAL_FILE)
    assert journal.notice is None
    journal.close()
    (tmp_path / "j.sqlite3").unlink()
    assert Journal(tmp_path / "j.sqlite3", seal_path=tmp_path / SEAL_FILE).notice is None


class FullDisk(Journal):
    """A journal whose disk fills up while a payment request is out (a fake: a real full
    disk cannot be made in a test); SQLite's own words."""

    full = False

    def transition(self, sale_id: int, target: SaleState, **kw: Any) -> Any:
        if self.full:
            raise JournalError(
                f"Cannot write the sales journal {self.path}: database or disk is full."
            )
        return super().transition(sale_id, target, **kw)


def test_disk_full_during_the_request_is_outcome_unknown_then_found(
    sandbox: Any, client: HpayClient, tmp_path: Path
) -> None:
    rig = Rig(client, tmp_path / "j.sqlite3")
    rig.journal.close()
    journal = FullDisk(tmp_path / "j.sqlite3", clock=rig.clock.wall)
    rig.till.journal = rig.journal = journal
    real = client.create_payment

    def fill_then_pay(*args: Any) -> Any:
        journal.full = True
        return real(*args)

    rig.till.client = type("C", (), {"token": client.token, "config": client.config,
                                    "create_payment": staticmethod(fill_then_pay)})()  # fmt: skip
    with pytest.raises(AnswerNotRecorded) as caught:
        rig.till.start_sale("1000", "Tea")
    assert "do not charge again" in str(caught.value)
    assert "disk is full" in str(caught.value)
    assert caught.value.sale.state is S.REQUESTING
    [created] = sandbox.payments()
    journal.full = False
    rig.till.client = client
    [resumed] = recover(journal, rig.till, rig.watcher)
    assert resumed.state is S.UNKNOWN
    [found] = rig.watcher.run_due()
    assert found.state is S.AWAITING
    assert found.transaction_id == created.transaction_id
    assert_truth(sandbox, journal)
    journal.close()


def test_a_journal_that_cannot_be_written_sends_nothing(
    sandbox: Any, rig: Rig, client: HpayClient
) -> None:
    conn = sqlite3.connect(rig.journal.path)
    conn.execute("DROP TABLE events")
    conn.close()
    with pytest.raises(JournalError) as caught:
        rig.till.start_sale("1000", "Tea")
    assert str(rig.journal.path) in str(caught.value)
    assert sandbox.payments() == []
    with pytest.raises(JournalError, match="damaged"):
        Journal(rig.journal.path)


def test_a_transaction_id_belongs_to_one_sale(sandbox: Any, rig: Rig) -> None:
    sandbox.add_fault(PAYMENT, "reset", times=1)
    lost = rig.till.start_sale("1000", "Tea")
    other = rig.start("1000", "Tea")
    entry = rig.till.client.find_payment(other.transaction_id or "")
    review = rig.till.adopt(lost.id, entry, "forced")  # as if it matched
    assert review.state is S.REVIEW
    assert other.sale_number in (review.last_error or "")
    assert lost.sale_number in (review.last_error or "")
    assert review.transaction_id is None
    assert_truth(sandbox, rig.journal)


def test_an_upgraded_journal_keeps_its_sales_and_reconciles_legacy_ones(
    sandbox: Any, client: HpayClient, tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    rig = Rig(client, tmp_path / "scratch.sqlite3")
    base = (rig.clock.wall() - timedelta(minutes=1)).isoformat()
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](conn, base)
    conn.execute("PRAGMA user_version=1")
    lost = client.create_payment("700", "Tea", "T1-000003 Tea")  # answer lost before the upgrade
    shared = client.create_payment("500", "Tea", "T1-000001 Tea")
    rows = [
        (1, "T1-000001", "paid", "500", shared.transaction_id),
        (2, "T1-000002", "paid", "500", shared.transaction_id),  # the old false PAID
        (3, "T1-000003", "unknown", "700", None),
    ]
    for sale_id, number, state, amount, txid in rows:
        conn.execute(
            "INSERT INTO sales (id, sale_number, till, created_at, updated_at, amount, currency,"
            " product, description, mode, state, transaction_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (sale_id, number, "T1", base, base, amount, "XOF", "Tea", f"{number} Tea", "TEST",
             state, txid),
        )  # fmt: skip
    conn.execute("INSERT INTO counters (till, last) VALUES ('T1', 3)")
    conn.close()
    rig.journal.close()
    journal = Journal(path, clock=rig.clock.wall)
    rig.journal = rig.till.journal = journal
    assert journal.schema_version == len(MIGRATIONS)
    first, second, legacy = (journal.get(i) for i in (1, 2, 3))
    assert first.state is S.PAID
    assert first.transaction_id == shared.transaction_id
    assert second.state is S.REVIEW
    assert "T1-000001" in (second.last_error or "")
    assert journal.is_legacy(legacy)
    rig.watcher.watch(legacy)
    [adopted] = rig.watcher.run_due()
    assert adopted.state is S.AWAITING
    assert adopted.transaction_id == lost.transaction_id
    new = rig.till.start_sale("900", "Tea")
    assert new.sale_number == "T1-000004"
    assert new.reference is not None
    assert not journal.is_legacy(new)
    journal.close()


def test_a_journal_fault_during_a_check_keeps_the_sale_watched(
    sandbox: Any, client: HpayClient, tmp_path: Path
) -> None:
    rig = Rig(client, tmp_path / "scratch.sqlite3")
    rig.journal.close()
    journal = FullDisk(tmp_path / "j.sqlite3", clock=rig.clock.wall)
    rig.till.journal = rig.journal = journal
    sale = rig.start("1000", "Tea")
    sandbox.mark_paid(sale.transaction_id)
    journal.full = True
    assert rig.step() == []
    assert "could not record this check" in rig.events[-1].message
    assert "disk is full" in rig.events[-1].message
    assert rig.watcher.watching() == [sale.id]
    journal.full = False
    [paid] = rig.step()
    assert paid.state is S.PAID
    assert_truth(sandbox, journal)
    journal.close()
