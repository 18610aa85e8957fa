"""The whole window against the sandbox: start-up, a sale, closing mid-request, restart."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.states import SaleState
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, ready


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_window_starts_in_test_mode_with_the_account(qtbot: QtBot, window: MainWindow) -> None:
    ready(qtbot, window)
    assert window._test_banner.isVisible()
    assert "TEST MODE" in window._test_banner.text()
    qtbot.waitUntil(lambda: "balance" in window._account.text(), timeout=WAIT)
    assert DEMO_ACCOUNT.company in window._account.text()
    assert window.minimumWidth() <= 1024
    assert window.minimumHeight() <= 600


def test_sale_from_keypad_to_paid(qtbot: QtBot, window: MainWindow, sandbox: Any) -> None:
    ready(qtbot, window)
    charge(qtbot, window, "14900")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)


def test_f2_shows_history(qtbot: QtBot, window: MainWindow) -> None:
    ready(qtbot, window)
    window.toggle_history()
    assert window._tabs.currentWidget() is window.history


def test_history_pane_is_built_when_first_shown_and_lists_the_sale(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    from hpos.ui.history.pane import HistoryPane

    ready(qtbot, window)
    charge(qtbot, window, "14900")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    sandbox.mark_paid(sandbox.payments()[0].transaction_id)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)
    assert window.findChildren(HistoryPane) == [], "no history pane before it is shown"
    assert window._tabs.tabText(1) == "History (F2)"

    window._tabs.setCurrentIndex(1)  # a click on the tab, like F2
    pane = window._tabs.currentWidget()
    assert isinstance(pane, HistoryPane)
    assert pane is window.history
    assert window._tabs.count() == 2
    assert window._tabs.tabText(1) == "History (F2)"
    qtbot.waitUntil(lambda: len(pane.shown_rows()) == 1, timeout=WAIT)
    assert pane.shown_rows()[0].amount == Decimal(14900)

    window.toggle_history()
    window.toggle_history()
    assert window._tabs.currentWidget() is pane, "built once, kept"
    assert window.findChildren(HistoryPane) == [pane]


def test_close_with_a_request_in_flight_keeps_the_sale(
    qtbot: QtBot, profile: Profile, sandbox: Any
) -> None:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    ready(qtbot, win)
    sandbox.add_fault("/payment/", "latency", seconds=20)
    charge(qtbot, win, "2500")
    qtbot.waitUntil(lambda: sandbox.stats()["requests"].get("/payment/", 0) == 1, timeout=WAIT)
    stopped: list[bool] = []
    original = win.runner.shutdown
    win.runner.shutdown = lambda timeout=1.5: stopped.append(original(timeout)) or True  # type: ignore[method-assign]
    win.close()
    assert stopped == [True], "every worker stopped within the shutdown bound (1.5 s)"
    journal = Journal(profile.data_dir / JOURNAL_FILE)
    try:
        [sale] = journal.sales_in(SaleState)
        assert sale.amount == Decimal(2500)
        assert sale.state in (SaleState.REQUESTING, SaleState.UNKNOWN)
    finally:
        journal.close()


def test_restart_with_a_pending_sale_sees_it_paid(
    qtbot: QtBot, profile: Profile, sandbox: Any
) -> None:
    first = MainWindow(profile)
    qtbot.addWidget(first)
    first.show()
    ready(qtbot, first)
    charge(qtbot, first, "5000")
    qtbot.waitUntil(lambda: first.cashier.current_page() == "payment", timeout=WAIT)
    first.close()
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)

    second = MainWindow(profile)
    qtbot.addWidget(second)
    second.show()
    ready(qtbot, second)

    def paid() -> bool:
        service = second.controller.service
        sale = service.journal.find(payment.transaction_id) if service else None
        return sale is not None and sale.state is SaleState.PAID

    qtbot.waitUntil(paid, timeout=WAIT)
    second.close()


def test_no_hpay_request_runs_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    ready(qtbot, window)
    transport = window.controller.service.client.transport
    seen: list[int] = []
    original = transport.post_json

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.get_ident())
        return original(*args, **kwargs)

    transport.post_json = recording  # type: ignore[method-assign]
    charge(qtbot, window, "700")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    window.refresh_balance()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=WAIT)  # payment, status checks, balance
    assert threading.get_ident() not in seen


def test_second_window_on_the_same_profile_is_refused(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    ready(qtbot, window)
    messages: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    original = QMessageBox.warning
    QMessageBox.warning = staticmethod(lambda _p, _t, text, *a, **k: messages.append(text))  # type: ignore[method-assign]
    try:
        second = MainWindow(profile)
        qtbot.addWidget(second)
        qtbot.waitUntil(lambda: messages != [], timeout=WAIT)
        assert "already running on this profile" in messages[0]
        second.close()
    finally:
        QMessageBox.warning = original  # type: ignore[method-assign]


def test_unconfigured_profile_starts_on_the_welcome_panel(qtbot: QtBot, tmp_path: Path) -> None:
    from hpos.ui.mainwindow.welcome import WelcomePanel

    empty = Profile(tmp_path / "empty", KeyStore(backend=MemoryKeyring()), env={})
    win = MainWindow(empty)
    qtbot.addWidget(win)
    assert isinstance(win._stack.currentWidget(), WelcomePanel)
    win.close()


def test_settings_saved_twice_quickly_reopens_without_lock_error(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old sales service releases the profile lock on a worker; the new one waits for it."""
    import time

    from hpos.ui.mainwindow import window as main_window_module

    failures: list[str] = []
    monkeypatch.setattr(main_window_module.QMessageBox, "warning", lambda *a: failures.append(a[2]))
    ready(qtbot, window)
    for _ in range(2):
        service = window.controller.service
        if service is not None:
            real_close = service.close

            def slow_close(close: Any = real_close) -> None:
                time.sleep(0.3)  # a slow disk: the lock is held a little longer
                close()

            monkeypatch.setattr(service, "close", slow_close)
        window._settings_saved(window.profile.settings)
        window.controller.failed_to_start.connect(failures.append)
        ready(qtbot, window)
    assert failures == []
    charge(qtbot, window, "500")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)


def test_window_is_never_larger_than_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    assert window.width() <= max(free.width(), 1024)
    assert window.height() <= max(free.height(), 600)


def test_window_closed_while_opening_leaves_the_profile_free(
    qtbot: QtBot, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal that finishes opening after the window closed is closed, not leaked."""
    import time

    from hpos.sales.service import SalesService

    real_open = SalesService.open

    def slow_open(*args: Any, **kwargs: Any) -> SalesService:
        time.sleep(0.3)  # a slow disk: the window closes before the journal is open
        return real_open(*args, **kwargs)

    monkeypatch.setattr(SalesService, "open", slow_open)
    for _ in range(3):
        first = MainWindow(profile)
        qtbot.addWidget(first)
        first.show()
        qtbot.waitUntil(lambda w=first: w.controller is not None, timeout=WAIT)
        first.close()
    second = MainWindow(profile)
    qtbot.addWidget(second)
    second.show()
    failures: list[str] = []
    second.controller.failed_to_start.connect(failures.append)
    ready(qtbot, second)
    assert failures == []
    second.close()


def test_demo_bar_is_blue_from_edge_to_edge(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from hpos.ui.mainwindow.chrome import DemoBar

    window = QWidget()  # inside a window, as in the app (a top-level widget fills itself)
    qtbot.addWidget(window)
    bar = DemoBar(lambda: None)
    QVBoxLayout(window).addWidget(bar)
    window.resize(800, 60)
    window.show()
    image = window.grab().toImage()  # the bar as painted in its window, not on its own
    blue = QColor("#0d47a1")
    top_left = bar.mapTo(window, bar.rect().topLeft())
    for dx, dy in ((1, 1), (bar.width() // 2, 2), (bar.width() - 2, bar.height() - 2)):
        x, y = top_left.x() + dx, top_left.y() + dy
        assert image.pixelColor(x, y) == blue, f"pixel {x},{y} is not the bar's blue"
    assert bar.simulate.text() == "Simulate customer payment"
    assert not bar.simulate.isEnabled(), "nothing to pay until a sale awaits payment"


def test_first_f2_reads_the_history_once(qtbot: QtBot, window: MainWindow, sandbox: Any) -> None:
    ready(qtbot, window)
    window.toggle_history()  # builds and shows the pane, which loads; then F2's refresh
    qtbot.waitUntil(lambda: window.history.model.loaded, timeout=WAIT)
    assert sandbox.stats()["requests"].get("/getPaymentHistory/") == 1
    window.toggle_history()
    window.toggle_history()  # loaded now: F2 refreshes it
    qtbot.waitUntil(
        lambda: sandbox.stats()["requests"].get("/getPaymentHistory/") == 2, timeout=WAIT
    )
