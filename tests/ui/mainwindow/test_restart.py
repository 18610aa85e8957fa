"""The whole window after a restart with a sale left waiting (issue 14, point 1).

The first window charges and is closed with the QR up (as a crash or a quit leaves it).
The second one's cashier is typing a new amount when the recovery answers: it keeps the
keypad, the status says the sale waits and that F3 shows it, F3 shows its QR; the
customer pays: the PAID page, the paid sound, and the history (journal) turns the row
PAID by itself, with no Refresh.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.service import SalesService
from hpos.ui.history.rows import SOURCE_JOURNAL
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, key, ready, type_text


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


def test_restart_offers_the_waiting_sale_on_f3_and_announces_its_payment(
    qtbot: QtBot, profile: Profile, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow(profile)
    qtbot.addWidget(first)
    first.show()
    ready(qtbot, first)
    charge(qtbot, first, "5000")
    qtbot.waitUntil(lambda: first.cashier.current_page() == "payment", timeout=WAIT)
    left = first.cashier.current_sale()
    first.close()

    answer = threading.Event()  # the recovery answers once the cashier has typed
    recover = SalesService.recover

    def slow_recover(service: SalesService) -> Any:
        answer.wait(WAIT / 1000)
        return recover(service)

    monkeypatch.setattr(SalesService, "recover", slow_recover)
    second = MainWindow(profile)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    cashier = second.cashier
    recovered: list[Any] = []
    qtbot.waitUntil(lambda: second.controller.service is not None, timeout=WAIT)
    second.controller.recovered.connect(recovered.append)
    cashier.amount_display.setFocus()
    type_text(second, "12")
    answer.set()
    ready(qtbot, second)
    qtbot.waitUntil(lambda: recovered != [], timeout=WAIT)

    assert cashier.current_page() == "entry", "the cashier keeps the keypad"
    assert cashier.amount_entry.text == "12"
    status = "1 sale from last time is still waiting for payment — F3 shows it."
    assert status in cashier.notice_text()

    key(second, Qt.Key.Key_F3)
    assert cashier.current_page() == "payment"
    assert cashier.current_sale().id == left.id
    assert cashier.payment_page.amount_label.text().replace("\xa0", " ") == "5,000 FCFA"
    assert status not in cashier.notice_text(), "on screen now"

    cues: list[str] = []
    second.sound.cue.connect(cues.append)
    second.toggle_history()  # F2: the journal's rows, the sale AWAITING
    pane = second.history
    pane.source_combo.setCurrentIndex(pane.source_combo.findData(SOURCE_JOURNAL))
    pane.refresh()
    qtbot.waitUntil(lambda: [r.status for r in pane.shown_rows()] == ["AWAITING"], timeout=WAIT)

    sandbox.mark_paid(left.transaction_id)
    qtbot.waitUntil(lambda: [r.status for r in pane.shown_rows()] == ["PAID"], timeout=WAIT)
    assert pane.auto_refresh_timer.remainingTime() > 30_000, "not the minute's refresh"
    assert cashier.current_page() == "paid"
    assert cues == ["paid"]
    second.close()


def test_restart_idle_brings_the_qr_back_and_simulate_works(
    qtbot: QtBot, profile: Profile, sandbox: Any
) -> None:
    first = MainWindow(profile)
    qtbot.addWidget(first)
    first.show()
    ready(qtbot, first)
    charge(qtbot, first, "900")
    qtbot.waitUntil(lambda: first.cashier.current_page() == "payment", timeout=WAIT)
    left = first.cashier.current_sale()
    first.close()

    second = MainWindow(profile)
    qtbot.addWidget(second)
    second.show()
    ready(qtbot, second)
    qtbot.waitUntil(lambda: second.cashier.current_page() == "payment", timeout=WAIT)
    assert second.cashier.current_sale().id == left.id
    assert "its QR code is back on screen" in second.cashier.notice_text()
    assert second._wiring.last_awaiting.id == left.id, "F3 and Simulate payment know it"
    second.close()
