"""A sale left open by the last run, seen on the cashier screen after the restart.

The previous run is a first cashier screen on the same journal folder, closed while its
sale was still open (as a crash or a quit leaves it). The next start's recovery hands
the sale back: the newest waiting one returns on screen when nothing is in progress,
else it is offered on F3 without taking the cashier off the amount being typed; the
lasting status says what is watched, and goes when nothing is open any more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.screen import CashierScreen
from hpos.ui.controller.sale import SaleController
from hpos.ui.runner import Runner
from tests.helpers.cashier import POLICY, WAIT, Counter

S = SaleState


@pytest.fixture
def tills(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    """Cashier screens on the journal folder ``tmp_path/<folder>`` (one run each)."""
    made: list[Counter] = []

    def make(folder: str = "A", **kw: Any) -> Counter:
        kw.setdefault("policy", POLICY)
        counter = Counter(qtbot, sandbox, make_client(), tmp_path / folder, **kw)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()


def leave_waiting(till: Counter, amount: str) -> Any:
    """Charge ``amount`` and stop with its QR on screen (the run ends there)."""
    till.wait_page("entry")
    till.type(amount)
    till.enter(till.screen.amount_display)
    till.wait_page("payment")
    sale = till.journal_sale()
    assert sale.state is S.AWAITING
    till.close()
    return sale


def test_a_waiting_sale_comes_back_on_screen_and_its_payment_shows_paid(
    tills: Callable[..., Counter], sandbox: SandboxServer
) -> None:
    left = leave_waiting(tills(), "4500")

    again = tills()  # the next start, nothing typed: the QR is back
    screen = again.screen
    again.wait_page("payment")
    assert screen.current_sale().id == left.id  # type: ignore[union-attr]
    page = screen.payment_page
    assert page.amount_label.text().replace("\xa0", " ") == "4,500 FCFA"
    assert page.time_left_label.text().startswith("Time left 1")  # of 15 minutes
    assert page.qr.isVisible()
    assert f"Sale {left.sale_number} from last time is still waiting for payment" in (
        screen.notice_text()
    )
    assert "its QR code is back on screen" in screen.notice_text()
    assert "F3" not in screen.notice_text(), "on screen: no status for it"

    sandbox.mark_paid(left.transaction_id)
    again.wait_page("paid")
    assert screen.current_sale().id == left.id  # type: ignore[union-attr]


def test_typing_cashier_is_not_taken_off_the_keypad_and_f3_offers_the_sale(
    qtbot: QtBot,
    tills: Callable[..., Counter],
    sandbox: SandboxServer,
    make_client: Callable[..., HpayClient],
    tmp_path: Path,
) -> None:
    left = leave_waiting(tills(), "4500")

    # the next start: the cashier types before the recovery has answered
    service = SalesService(
        make_client(), Journal(tmp_path / "A" / "journal.sqlite3"), till_name="T1", policy=POLICY
    )
    runner = Runner()
    controller = SaleController(lambda: service, runner)
    screen = CashierScreen(controller, default_product="Coffee", auto_return_seconds=60.0)
    qtbot.addWidget(screen)
    screen.resize(1024, 600)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.keyClicks(screen.amount_display, "1200")
    try:
        with qtbot.waitSignal(controller.recovered, timeout=WAIT):
            controller.start()
        assert screen.current_page() == "entry", "the cashier keeps the keypad"
        assert screen.amount_entry.text == "1200", "and what was typed"
        status = "1 sale from last time is still waiting for payment — F3 shows it."
        assert status in screen.notice_text()

        sandbox.mark_paid(left.transaction_id)  # paid while the cashier types: a notice
        qtbot.waitUntil(lambda: "was paid" in screen.notice_text(), timeout=WAIT)
        said = screen.notice_text().replace("\xa0", " ")
        assert f"Sale {left.sale_number} was paid: 4,500 FCFA." in said
        assert status not in screen.notice_text(), "nothing open any more"
        assert screen.current_page() == "entry"
        assert screen.amount_entry.text == "1200"
    finally:
        controller.stop()
        runner.shutdown()
        service.close()


def test_f3_shows_the_offered_sale(
    qtbot: QtBot,
    tills: Callable[..., Counter],
    make_client: Callable[..., HpayClient],
    tmp_path: Path,
) -> None:
    left = leave_waiting(tills(), "700")
    service = SalesService(
        make_client(), Journal(tmp_path / "A" / "journal.sqlite3"), till_name="T1", policy=POLICY
    )
    runner = Runner()
    controller = SaleController(lambda: service, runner)
    screen = CashierScreen(controller, default_product="Coffee")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.amount_display, "9")
    try:
        with qtbot.waitSignal(controller.recovered, timeout=WAIT):
            controller.start()
        assert screen.current_page() == "entry"
        [offered] = [s for s in screen._watched.values() if s.id == left.id]
        assert screen.show_sale(offered)  # what the window's F3 does (tests/ui/mainwindow)
        assert screen.current_page() == "payment"
        assert screen.notice.status == "", "the sale is on screen: no status left"
    finally:
        controller.stop()
        runner.shutdown()
        service.close()


def test_same_session_cancelled_sale_is_watched_not_from_last_time_and_the_banner_goes(
    tills: Callable[..., Counter], sandbox: SandboxServer
) -> None:
    short_grace = replace(POLICY, grace_period=2.0)
    first = tills(policy=short_grace)
    first.type("800")
    first.enter(first.screen.amount_display)
    first.wait_page("payment")
    sale = first.journal_sale()
    first.answers.append(True)
    first.screen.request_cancel()
    first.wait_page("problem")
    first.close()

    # the settings were changed: the workspace is rebuilt in the same session
    started = datetime.now(UTC) - timedelta(minutes=5)
    again = tills(policy=short_grace, session_started=started)
    screen = again.screen
    assert screen.notice_text() == "Watching 1 cancelled sale for a late payment."
    assert "from last time" not in screen.notice_text()
    assert "Checking" not in screen.notice_text()
    again.qtbot.waitUntil(lambda: screen.notice.isHidden(), timeout=WAIT)
    assert screen.notice_text() == ""
    assert again.service.journal.get(sale.id).state is S.CANCELLED  # type: ignore[union-attr]
    assert sandbox.payment(sale.transaction_id).status != "PAID"  # type: ignore[union-attr]


def test_a_cancelled_sale_from_last_time_paid_late_shows_paid_late_when_idle(
    tills: Callable[..., Counter], sandbox: SandboxServer
) -> None:
    first = tills()
    first.type("650")
    first.enter(first.screen.amount_display)
    first.wait_page("payment")
    sale = first.journal_sale()
    first.answers.append(True)
    first.screen.request_cancel()
    first.wait_page("problem")
    first.close()

    again = tills()
    screen = again.screen
    assert screen.notice_text() == "Watching 1 cancelled sale from last time for a late payment."
    assert screen.current_page() == "entry"
    sandbox.mark_paid(sale.transaction_id)
    again.wait_page("paid")  # nothing in progress: its PAID LATE page
    assert screen.paid_page.title_label.text() == "✔ PAID LATE"
    assert screen.current_sale().id == sale.id  # type: ignore[union-attr]
    assert "Watching" not in screen.notice_text()


def test_several_states_make_several_sentences() -> None:
    from hpos.ui.cashier.watching import watch_status

    now = datetime.now(UTC)
    since = now - timedelta(minutes=1)

    def sale(state: SaleState, age_minutes: int) -> Any:
        return _FakeSale(state, now - timedelta(minutes=age_minutes))

    sales = [
        sale(S.AWAITING, 10),
        sale(S.AWAITING, 5),
        sale(S.UNKNOWN, 10),
        sale(S.CANCELLED, 0),
        sale(S.EXPIRED, 20),
        sale(S.PAID, 10),
    ]
    assert watch_status(sales, since=since) == (
        "2 sales from last time are still waiting for payment — F3 shows the newest. "
        "Checking with HPAY whether 1 sale from last time was paid. "
        "Watching 1 cancelled sale for a late payment. "
        "Watching 1 expired sale from last time for a late payment."
    )
    assert watch_status([sale(S.PAID, 1)], since=since) == ""


class _FakeSale:
    def __init__(self, state: SaleState, created_at: datetime) -> None:
        self.state = state
        self.created_at = created_at
