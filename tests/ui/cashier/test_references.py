"""A sale is PAID only by its own payment, in the window: real sandbox, runner and service.

Each test ends with :func:`assert_honest` (no transaction id held by two sales,
every PAID sale paid by its own payment) and checks that no false PAID was shown.
Also here: the cashier's words for an HTTP error HPAY answered with (settled within
seconds), a journal that fails while the request is out, a journal that fails before
it, and "last known, not refreshed" when HPAY's history cannot be read (cashier and
history details). :class:`~tests.helpers.cashier.Shown` and
:func:`~tests.helpers.cashier.assert_honest` serve the window's tests too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal, JournalError
from hpos.sales.lock import ProfileLock, ProfileUnwritable
from hpos.sales.model import Sale
from hpos.sales.reference import reference_in
from hpos.sales.states import SaleState
from hpos.sandbox.server import SandboxServer
from hpos.ui.controller.sale import error_text
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import SOURCE_HPAY, SOURCE_JOURNAL
from tests.helpers.cashier import POLICY, Counter, Shown, assert_honest

S = SaleState
WAIT = 15_000
JOURNAL = "journal.sqlite3"


@pytest.fixture
def tills(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    """Cashier screens, each on its own journal folder (``tmp_path/<folder>``), all named T1."""
    made: list[Counter] = []

    def make(folder: str = "A", *, client: HpayClient | None = None, **kw: Any) -> Counter:
        kw.setdefault("policy", POLICY)
        counter = Counter(qtbot, sandbox, client or make_client(), tmp_path / folder, **kw)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()


def sell(counter: Counter, amount: str, description: str = "") -> Sale:
    """Charge ``amount`` (typed description), wait for the QR, have the customer pay."""
    screen = counter.screen
    counter.wait_page("entry")
    screen.entry_page.description_edit.setText(description)
    counter.type(amount)
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    sale = counter.journal_sale()
    counter.sandbox.mark_paid(sale.transaction_id)
    counter.wait_page("paid")
    counter.enter()  # New sale
    counter.wait_page("entry")
    return counter.service.journal.get(sale.id)  # type: ignore[return-value]


def charge_into_502(counter: Counter, amount: str) -> float:
    """Charge ``amount`` while HPAY's /payment/ answers HTTP 502 (nothing created); the
    monotonic time of the charge."""
    counter.sandbox.add_fault("/payment/", "http_502", times=1)
    counter.wait_page("entry")
    counter.type(amount)
    started = time.monotonic()
    counter.enter(counter.screen.amount_display)
    return started


def wait_safe_to_try_again(counter: Counter, started: float, policy: Any = POLICY) -> Sale:
    """The 502's sale ends FAILED "safe to try again" within 15 s of the policy's recheck."""
    screen = counter.screen
    counter.qtbot.waitUntil(lambda: screen.problem_state() is S.FAILED, timeout=WAIT + 5000)
    assert time.monotonic() - started <= policy.answered_recheck + 15
    body = screen.problem_page.body_label.text()
    assert "HPAY answered with an error (HTTP 502)" in body
    assert "Nothing was charged" in body
    assert "Safe to try again" in body
    assert screen.problem_page.primary_button.text() == "Try again"
    return counter.journal_sale()


# -- two tills, typed descriptions ------------------------------------------------------


def test_two_tills_of_one_name_502_is_safe_to_try_again_never_paid(
    tills: Callable[..., Counter], sandbox: SandboxServer, tmp_path: Path
) -> None:
    a, b = tills("A"), tills("B")
    paid = sell(a, "1000")
    assert paid.state is S.PAID
    shown = Shown(b.screen, b.controller)

    started = charge_into_502(b, "1000")
    b.qtbot.waitUntil(lambda: b.screen.problem_state() is S.UNKNOWN, timeout=WAIT)
    body = b.screen.problem_page.body_label.text()
    assert "HPAY answered with an error (HTTP 502)" in body, body
    assert "did not answer in time" not in body
    assert "Do not charge again yet" in body
    sale = wait_safe_to_try_again(b, started)

    assert sale.sale_number == paid.sale_number == "T1-000001", "the same sale number"
    assert sale.transaction_id is None, "till A's payment was not adopted"
    assert "paid" not in shown.pages
    assert not shown.ever_paid(sale.id)
    assert len(sandbox.payments()) == 1
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL, tmp_path / "B" / JOURNAL])


def test_typed_description_naming_the_next_sale_pays_one_sale_only(
    tills: Callable[..., Counter], sandbox: SandboxServer, tmp_path: Path
) -> None:
    till = tills("A")
    first = sell(till, "1000", "exchange for T1-000002")
    [payment] = sandbox.payments()
    assert payment.description.startswith(f"{first.reference} T1-000001 ")
    assert payment.description.endswith("exchange for T1-000002")
    shown = Shown(till.screen, till.controller)

    started = charge_into_502(till, "1000")
    second = wait_safe_to_try_again(till, started)

    assert second.sale_number == "T1-000002"
    assert second.transaction_id is None
    assert "paid" not in shown.pages
    assert not shown.ever_paid(second.id)
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])


def test_description_typed_like_a_whole_reference_imitates_nothing(
    tills: Callable[..., Counter], sandbox: SandboxServer, client: HpayClient, tmp_path: Path
) -> None:
    till = tills("A")
    journal_id = till.service.journal.journal_id
    imitation = f"HPOS-{journal_id}-000002-ABCDEF"  # the next sale's reference, but its nonce
    first = sell(till, "1000", imitation)
    [payment] = sandbox.payments()
    assert payment.description.count("HPOS-") == 1, "typed text never carries the marker"
    assert reference_in(payment.description) == first.reference
    # another program on the account writes a description that starts like a reference
    client.create_payment(1000, "Elsewhere", f"{imitation} T1-000002")
    shown = Shown(till.screen, till.controller)

    started = charge_into_502(till, "1000")
    second = wait_safe_to_try_again(till, started)

    assert second.transaction_id is None, "neither imitation was adopted"
    assert "paid" not in shown.pages
    assert not shown.ever_paid(second.id)
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])


# -- the journal fails -----------------------------------------------------------------


def failing_journal(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, when: Callable[[SaleState], bool]
) -> list[bool]:
    """Make ``journal.transition`` fail like a full disk for targets ``when`` accepts, while
    the returned switch holds True."""
    broken = [True]
    real = journal.transition

    def transition(sale_id: int, target: SaleState, **kw: Any) -> Sale:
        if broken[0] and when(target):
            raise JournalError(
                f"Cannot write the sales journal {journal.path}: database or disk is full."
            )
        return real(sale_id, target, **kw)

    monkeypatch.setattr(journal, "transition", transition)
    return broken


def test_journal_failing_during_the_request_says_outcome_unknown_then_finds_it(
    tills: Callable[..., Counter],
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    till = tills("A")
    screen = till.screen
    broken = failing_journal(monkeypatch, till.service.journal, lambda t: t is S.AWAITING)
    shown = Shown(screen, till.controller)
    till.type("2500")
    till.enter(screen.amount_display)
    till.wait_page("problem")
    broken[0] = False  # the disk has room again: the watcher records what it finds

    page = screen.problem_page
    assert page.title_label.text() == "Outcome unknown — do not charge again"
    body = page.body_label.text()
    assert "database or disk is full" in body
    assert str(till.service.journal.path) in body, "the journal file is named"
    assert "HPAY did not answer" not in body
    assert page.primary_button.text() != "Try again"
    assert not page.secondary_button.isVisible() or page.secondary_button.text() == "New sale"

    till.wait_page("payment")  # the payment is found in HPAY's history: the customer scans
    [payment] = sandbox.payments()
    sale = till.journal_sale()
    assert sale.transaction_id == payment.transaction_id
    assert "paid" not in shown.pages
    sandbox.mark_paid(payment.transaction_id)
    till.wait_page("paid")
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])


def test_journal_broken_during_the_request_next_start_finds_the_payment(
    tills: Callable[..., Counter],
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    till = tills("A")
    screen = till.screen
    failing_journal(monkeypatch, till.service.journal, lambda t: t is not S.REQUESTING)
    till.type("1800")
    till.enter(screen.amount_display)
    till.wait_page("problem")
    assert screen.problem_state() is S.REQUESTING
    assert screen.problem_page.title_label.text() == "Outcome unknown — do not charge again"
    assert "at the latest at the next start" in screen.problem_page.body_label.text()
    assert screen.problem_page.primary_button.text() == "New sale", "never Try again"
    assert len(sandbox.payments()) == 1
    till.close()

    again = tills("A")  # the next start, on the same journal
    [payment] = sandbox.payments()

    def found() -> bool:
        sale = again.service.journal.find(payment.transaction_id)
        return sale is not None and sale.state is S.AWAITING

    again.qtbot.waitUntil(found, timeout=WAIT)
    again.wait_page("payment")  # found waiting, nothing in progress: its QR is back
    assert "from last time is still waiting for payment" in again.screen.notice_text()
    assert len(sandbox.payments()) == 1, "nothing was sent again"
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])


def test_journal_failing_before_the_request_names_the_file_and_sends_nothing(
    tills: Callable[..., Counter],
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    till = tills("A")
    journal = till.service.journal

    def full(**_kw: Any) -> Sale:
        raise JournalError(f"Cannot write the sales journal {journal.path}: disk I/O error.")

    monkeypatch.setattr(journal, "create_sale", full)
    till.type("900")
    till.enter(till.screen.amount_display)
    till.qtbot.waitUntil(lambda: till.screen.entry_page.hint_label.text() != "", timeout=WAIT)
    hint = till.screen.entry_page.hint_label.text()
    assert "nothing was sent to HPAY" in hint
    assert str(journal.path) in hint
    assert "Unexpected" not in hint
    assert till.screen.current_page() == "entry"
    assert sandbox.stats()["requests"].get("/payment/", 0) == 0
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])


def test_unwritable_profile_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ProfileUnwritable) as caught:
        ProfileLock(blocker / "data").acquire()
    text = error_text(caught.value)
    assert text.startswith("The profile's folder cannot be written; nothing was sent to HPAY")
    assert str(blocker / "data") in text


# -- last known, not refreshed -------------------------------------------------------------


def test_history_down_details_and_check_say_last_known(
    tills: Callable[..., Counter], sandbox: SandboxServer, qtbot: QtBot, tmp_path: Path
) -> None:
    till = tills("A")
    screen = till.screen
    shown = Shown(screen, till.controller)
    till.type("1200")
    till.enter(screen.amount_display)
    till.wait_page("payment")
    service = till.service
    pane = HistoryPane(till.runner, client=service.client, journal=service.journal)
    qtbot.addWidget(pane)
    pane.set_sources(service.client, service.journal, service.watcher)
    pane.show()
    qtbot.waitUntil(lambda: len(pane.shown_rows()) == 1, timeout=WAIT)  # HPAY's rows
    sandbox.add_fault("/getPaymentHistory/", "http_500")  # HPAY's history is down

    hpay = pane.open_details(0)
    assert pane.current_query().source == SOURCE_HPAY
    qtbot.waitUntil(lambda: "Last known" in hpay.freshness_text(), timeout=WAIT)
    assert hpay.freshness_text().startswith("Last known, not refreshed: ")
    assert "HTTP 500" in hpay.freshness_text()
    assert hpay.value("Status") == "UNPAID (last known)"
    hpay.close()

    pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
    qtbot.waitUntil(lambda: [r.source for r in pane.shown_rows()] == [SOURCE_JOURNAL], timeout=WAIT)
    details = pane.open_details(0)
    assert details.freshness_text() == "Checking with HPAY…"
    qtbot.waitUntil(lambda: "Last known" in details.freshness_text(), timeout=WAIT)
    assert details.value("Status") == "AWAITING (last known)"
    assert "HTTP 500" in details.freshness_text()
    details.close()

    assert screen.check_current()  # F5 on the cashier screen
    label = screen.payment_page.checked_label
    qtbot.waitUntil(lambda: "Last known, not refreshed" in label.text(), timeout=WAIT)

    sandbox.clear_faults()  # back: the same questions get current answers
    pane.open_details(0).close()  # closed, then destroyed only after the next one opened
    details = pane.open_details(0)
    qtbot.waitUntil(lambda: "Checked with HPAY" in details.freshness_text(), timeout=WAIT)
    assert details.value("Status") == "AWAITING"
    details.close()
    assert screen.check_current()
    qtbot.waitUntil(lambda: "Checked with HPAY" in label.text(), timeout=WAIT)
    assert "paid" not in shown.pages
    assert_honest(sandbox, [tmp_path / "A" / JOURNAL])
