"""The customer display: which screen, what the customer sees, and never stealing the focus.

The two-screen test runs the real window in a child process whose offscreen
platform has two virtual screens (``QT_QPA_PLATFORM=offscreen:configfile=…``):
``python -m tests.test_ui_customer_display <workdir>`` runs :func:`two_screens`
and prints what it saw as JSON; the test checks it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui.customer import view as customer_view
from hpos.ui.customer.display import choose_screen
from hpos.ui.customer.view import AWAITING, IDLE, MESSAGE, PAID, WAIT, CustomerDisplay, view_for
from hpos.ui.money import format_money

S = SaleState
ROOT = Path(__file__).resolve().parents[3]
URL = "https://checkout.hpay.cash/pay/VFKaLJWu6YXt5E"
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
SCREENS = {
    "screens": [
        {"name": "Cashier", "x": 0, "y": 0, "width": 1024, "height": 600},
        {"name": "Customer", "x": 1024, "y": 0, "width": 1920, "height": 1080},
    ]
}


def make_sale(state: SaleState = S.AWAITING, **changes: Any) -> Sale:
    sale = Sale(
        id=7,
        sale_number="T1-000007",
        till="T1",
        created_at=NOW - timedelta(seconds=60),
        updated_at=NOW,
        paid_seen_at=None,
        amount=Decimal(14900),
        currency="XOF",
        product="Coffee beans",
        description="T1-000007",
        mode="TEST",
        state=state,
        transaction_id="TX1",
        checkout_url=URL,
    )
    return replace(sale, **changes)


def decoded(image: QImage) -> list[str]:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
        rgb.bytesPerLine(), 1,
    )  # fmt: skip
    return [r.text for r in zxingcpp.read_barcodes(pil)]


# -- the pure decisions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "names", "cashier", "expected"),
    [
        ("auto", ["A"], "A", None),  # one screen: no display
        ("auto", ["A", "B"], "A", "B"),
        ("auto", ["A", "B", "C"], "B", "A"),  # the first that is not the cashier's
        ("off", ["A", "B"], "A", None),
        ("B", ["A", "B"], "A", "B"),
        ("C", ["A", "B", "C"], "A", "C"),
        ("A", ["A", "B"], "A", None),  # never full screen over the cashier's own screen
        ("Gone", ["A", "B"], "A", None),  # the chosen screen is unplugged
        ("auto", [], None, None),
    ],
)
def test_choose_screen(
    setting: str, names: list[str], cashier: str | None, expected: str | None
) -> None:
    assert choose_screen(setting, names, cashier) == expected


@pytest.mark.parametrize(
    ("page", "sale", "expected"),
    [
        ("entry", None, IDLE),
        ("charging", None, WAIT),
        ("payment", make_sale(S.AWAITING), AWAITING),
        ("payment", make_sale(S.AWAITING, checkout_url=None), WAIT),
        ("paid", make_sale(S.PAID), PAID),
        ("paid", make_sale(S.PAID, paid_late=True), MESSAGE),
        ("problem", make_sale(S.CANCELLED), MESSAGE),
        ("problem", make_sale(S.EXPIRED), MESSAGE),
        ("problem", make_sale(S.FAILED), MESSAGE),
        ("problem", make_sale(S.UNKNOWN), MESSAGE),
    ],
)
def test_view_for_each_cashier_page(page: str, sale: Sale | None, expected: str) -> None:
    assert view_for(page, sale) == expected


# -- the window, driven directly ----------------------------------------------------------


def shown(qtbot: QtBot) -> CustomerDisplay:
    """The customer display of "Chez Awa" at 1024×600 on the fixed clock, shown."""
    widget = CustomerDisplay(shop_name="Chez Awa", expiry_seconds=300, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def display(qtbot: QtBot) -> CustomerDisplay:
    return shown(qtbot)


def test_idle_shows_the_shop_name(display: CustomerDisplay) -> None:
    assert display.view() == IDLE
    assert display.texts() == ["Chez Awa", "Welcome"]


def test_awaiting_shows_amount_time_left_and_a_qr_that_decodes(display: CustomerDisplay) -> None:
    display.follow("payment", make_sale(S.AWAITING))
    assert display.view() == AWAITING
    texts = display.texts()
    assert "Scan to pay" in texts
    assert format_money(Decimal(14900), "XOF") in texts
    assert "Coffee beans" in texts
    assert "Time left 4:00" in texts  # created a minute ago, links live five minutes
    assert display.qr.module_pixels() >= 4
    assert decoded(display.grab().toImage()) == [URL]


def test_paid_then_idle_again(
    qtbot: QtBot, display: CustomerDisplay, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_view, "HOLD_SECONDS", 0.2)
    display.follow("payment", make_sale(S.AWAITING))
    display.follow("paid", make_sale(S.PAID))
    assert display.view() == PAID
    assert display.texts() == ["Paid — thank you", format_money(Decimal(14900), "XOF")]
    assert display.qr.data() == "", "no QR left on screen once paid"
    qtbot.waitUntil(lambda: display.view() == IDLE, timeout=3000)
    assert display.texts() == ["Chez Awa", "Welcome"]


@pytest.mark.parametrize(
    ("page", "sale", "message"),
    [
        ("problem", make_sale(S.CANCELLED), "Please see the cashier."),
        ("problem", make_sale(S.EXPIRED), "Please see the cashier."),
        ("problem", make_sale(S.FAILED), "Please see the cashier."),
        ("paid", make_sale(S.PAID, paid_late=True), "Payment received — please see the cashier."),
    ],
)
def test_problems_show_a_short_neutral_message_then_idle(
    qtbot: QtBot,
    display: CustomerDisplay,
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    sale: Sale,
    message: str,
) -> None:
    monkeypatch.setattr(customer_view, "HOLD_SECONDS", 0.2)
    display.follow("payment", make_sale(S.AWAITING))
    display.follow(page, sale)
    assert display.view() == MESSAGE
    assert display.texts() == [message]
    qtbot.waitUntil(lambda: display.view() == IDLE, timeout=3000)


def test_back_to_entry_goes_idle_at_once(display: CustomerDisplay) -> None:
    display.follow("paid", make_sale(S.PAID))
    display.follow("entry", None)
    assert display.view() == IDLE


def test_expiring_link_and_charging(display: CustomerDisplay) -> None:
    display.follow("charging", None)
    assert display.texts() == ["One moment, please…"]
    display.follow("payment", make_sale(S.AWAITING, created_at=NOW - timedelta(minutes=6)))
    assert "This code is expiring…" in display.texts()


def test_test_banner_in_test_mode(display: CustomerDisplay) -> None:
    display.set_test_mode(True)
    assert display.texts()[0] == "TEST MODE — no real money moves"
    display.follow("payment", make_sale(S.AWAITING))
    assert display.texts()[0] == "TEST MODE — no real money moves"
    display.set_test_mode(False)
    assert "TEST MODE — no real money moves" not in display.texts()


def test_it_never_accepts_the_focus(display: CustomerDisplay) -> None:
    from PySide6.QtCore import Qt

    assert display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert display.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert display.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_platform_that_activates_it_anyway_gives_the_keyboard_back(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit

    cashier = QLineEdit()  # stands for the cashier's window, typing an amount
    qtbot.addWidget(cashier)
    cashier.show()
    cashier.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cashier)
    shown = CustomerDisplay(focus_owner=cashier)
    qtbot.addWidget(shown)
    shown.show()  # the offscreen platform activates every window it shows
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cashier)
    assert QApplication.focusWidget() is cashier
    qtbot.keyClicks(QApplication.focusWidget(), "250")
    assert cashier.text() == "250"


class FrenchForTheDisplay(QTranslator):
    """A catalogue in code: the display's strings in French (no .qm file needed)."""

    WORDS: ClassVar[dict[str, str]] = {
        "Welcome": "Bienvenue",
        "Scan to pay": "Scannez pour payer",
        "Paid — thank you": "Payé — merci",
        "Time left {time}": "Temps restant {time}",
        "TEST MODE — no real money moves": "MODE TEST — aucun argent réel ne circule",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.WORDS.get(source) if context == "CustomerDisplay" else None

    def isEmpty(self) -> bool:  # an empty translator is not installed
        return False


def test_a_language_switch_at_runtime_updates_what_is_shown(
    qtbot: QtBot, display: CustomerDisplay
) -> None:
    from PySide6.QtCore import QCoreApplication

    display.set_test_mode(True)
    display.follow("payment", make_sale(S.AWAITING))
    french = FrenchForTheDisplay()
    assert QCoreApplication.installTranslator(french)
    try:
        qtbot.waitUntil(lambda: "Scannez pour payer" in display.texts())
        assert display.texts()[0] == "MODE TEST — aucun argent réel ne circule"
        assert "Temps restant 4:00" in display.texts()
        assert display.view() == AWAITING, "the sale on screen stays"
        display.follow("paid", make_sale(S.PAID))
        assert "Payé — merci" in display.texts()
    finally:
        QCoreApplication.removeTranslator(french)
    qtbot.waitUntil(lambda: "Paid — thank you" in display.texts())


def test_with_one_screen_auto_opens_no_display(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> None:
    from hpos.ui.mainwindow.window import MainWindow
    from tests.helpers.profiles import make_profile
    from tests.helpers.window import ready

    win = MainWindow(make_profile(tmp_path / "profile", sandbox.url))
    qtbot.addWidget(win)
    win.show()
    ready(qtbot, win)
    assert win.profile.effective().customer_display == "auto"
    assert win.customer_display.display is None
    win.close()


# -- two virtual screens, the real window, in a child process --------------------------------


def test_two_screens_the_display_follows_a_real_sale(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.customer.test_display", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["screens"] == ["Cashier", "Customer"]
    idle = seen["idle"]
    assert idle["visible"]
    assert idle["fullscreen"]
    assert idle["screen"] == "Customer"
    assert idle["geometry"] == [1024, 0, 1920, 1080]
    assert idle["texts"] == ["TEST MODE — no real money moves", "Chez Awa", "Welcome"]
    assert idle["cashier_active"], "the cashier's window stays active"
    assert idle["focus_in_cashier"], "the keyboard stays on the cashier"
    awaiting = seen["awaiting"]
    assert awaiting["view"] == AWAITING
    assert awaiting["qr"] == [awaiting["checkout_url"]], "the QR on the customer's screen decodes"
    assert format_money(Decimal(14900), "XOF") in awaiting["texts"]
    assert awaiting["cashier_active"], "the cashier's window stays active"
    assert awaiting["focus_in_cashier"], "the keyboard stays on the cashier"
    paid = seen["paid"]
    assert paid["view"] == PAID
    assert "Paid — thank you" in paid["texts"]
    assert paid["cashier_active"], "the cashier's window stays active"
    assert paid["focus_in_cashier"], "the keyboard stays on the cashier"
    assert seen["swapped"] == {"visible": True, "screen": "Cashier"}, "never under the cashier"
    assert seen["unplugged_visible"] is False, "screen removed: the display closes"
    assert seen["plugged_again"] == {"visible": True, "screen": "Customer"}
    assert seen["setting_off_visible"] is False
    assert seen["setting_named"] == {"visible": True, "screen": "Customer", "view": IDLE}
    assert seen["setting_cashier_screen"] == {  # the cashier's own screen: a movable window
        "visible": True,
        "fullscreen": False,
        "frameless": False,
        "screen": "Cashier",
    }
    assert seen["rebuilt"] == {"screen": "Customer", "view": IDLE}
    assert seen["closed_with_window"] is True


def two_screens(workdir: Path) -> dict[str, Any]:
    """The child's scenario: a sale from the keyboard, seen on the customer's screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hpos.profile.keystore import KeyStore
    from hpos.profile.profile import Profile, replace_settings
    from hpos.sandbox.accounts import DEMO_ACCOUNT
    from hpos.sandbox.server import SandboxServer
    from hpos.ui.mainwindow.window import MainWindow
    from tests.helpers.keyring import MemoryKeyring

    app = QApplication([])

    def wait(cond: Callable[[], bool], what: str) -> None:
        for _ in range(1500):
            if cond():
                return
            QTest.qWait(10)
        raise AssertionError(f"timed out waiting for {what}")

    server = SandboxServer().start()
    seen: dict[str, Any] = {"screens": [s.name() for s in app.screens()]}
    try:
        profile = Profile(workdir / "profile", KeyStore(backend=MemoryKeyring()), env={})

        def save(**changes: Any) -> None:
            profile.save(replace_settings(profile.settings, **changes))

        save(
            api_url=server.url,
            api_key=DEMO_ACCOUNT.api_key,
            public_key=DEMO_ACCOUNT.public_key,
            mode="TEST",
            shop_name="Chez Awa",
            auto_return_seconds=0,
            customer_display="auto",
        )
        profile.set_session_secret(DEMO_ACCOUNT.secret_key)
        win = MainWindow(profile)
        win.move(40, 40)
        win.show()
        win.activateWindow()
        wait(lambda: win.controller.current_token() is not None, "HPAY")
        wait(lambda: win.customer_display.display is not None, "the display")
        display = win.customer_display.display
        assert display is not None

        def look() -> dict[str, Any]:
            g = display.geometry()
            focus = app.focusWidget()
            return {
                "visible": display.isVisible(),
                "fullscreen": display.isFullScreen(),
                "screen": display.screen().name(),
                "geometry": [g.x(), g.y(), g.width(), g.height()],
                "view": display.view(),
                "texts": display.texts(),
                "cashier_active": app.activeWindow() is win,
                "focus_in_cashier": focus is not None and focus.window() is win,
            }

        QTest.qWait(50)
        seen["idle"] = look()
        win.cashier.setFocus()
        QTest.keyClicks(app.focusWidget(), "14900")
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)
        wait(lambda: display.view() == AWAITING, "the QR")
        [payment] = server.payments()
        seen["awaiting"] = look()
        seen["awaiting"]["checkout_url"] = payment.checkout_url
        seen["awaiting"]["qr"] = decoded(display.grab().toImage())
        server.mark_paid(payment.transaction_id)
        wait(lambda: display.view() == PAID, "PAID")
        seen["paid"] = look()

        win.move(1100, 40)  # the cashier's window dragged onto the customer's screen
        wait(lambda: display.screen().name() == "Cashier", "the display to swap screens")
        seen["swapped"] = {"visible": display.isVisible(), "screen": display.screen().name()}
        win.move(40, 40)
        wait(lambda: display.screen().name() == "Customer", "the display back on its screen")

        manager = win.customer_display
        customer = display.screen()
        manager.screens = lambda: [app.primaryScreen()]  # the customer's screen is unplugged
        app.screenRemoved.emit(customer)
        seen["unplugged_visible"] = display.isVisible()
        manager.screens = app.screens
        app.screenAdded.emit(customer)
        wait(display.isVisible, "the display back")
        seen["plugged_again"] = {"visible": True, "screen": display.screen().name()}

        def saved(setting: str) -> None:  # what the window does on settings saved
            save(customer_display=setting)
            manager.follow(win.controller, win.cashier, profile.effective())
            QTest.qWait(50)

        saved("off")
        seen["setting_off_visible"] = display.isVisible()
        saved("Customer")
        seen["setting_named"] = {
            "visible": display.isVisible(),
            "screen": display.screen().name(),
            "view": display.view(),
        }
        saved("Cashier")
        seen["setting_cashier_screen"] = {
            "visible": display.isVisible(),
            "fullscreen": display.isFullScreen(),
            "frameless": bool(display.windowFlags() & Qt.WindowType.FramelessWindowHint),
            "screen": display.screen().name(),
        }
        save(customer_display="auto")
        win._settings_saved(profile.settings)  # the real rebuild: a new controller and cashier
        wait(lambda: win.controller.current_token() is not None, "HPAY again")
        wait(display.isVisible, "the display again")
        seen["rebuilt"] = {"screen": display.screen().name(), "view": display.view()}
        win.close()
        QTest.qWait(50)
        seen["closed_with_window"] = win.customer_display.display is None and not any(
            w.isVisible() for w in app.topLevelWidgets() if w.objectName() == "customerDisplay"
        )
    finally:
        server.stop()
    return seen


if __name__ == "__main__":
    print(json.dumps(two_screens(Path(sys.argv[1]))))
