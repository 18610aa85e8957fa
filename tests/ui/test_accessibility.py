"""Every control has an accessible name, and Tab goes through each screen in a sensible order.

The walk covers the real main window (every cashier page, the history, the
menus' window), the settings dialog (both tabs), the details dialog and the
F1 overlay. A control is a widget that takes the keyboard focus, or a button
(the keypad's buttons take no focus but are pressed by touch). Its name is
what assistive technology reads: ``QAccessible``'s name of the widget (its
accessible name, else its text, else its buddy label's text).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, key, type_text


@pytest.fixture
def profile(tmp_path: Any, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT)
    qtbot.waitUntil(lambda: win.controller.current_token() is not None, timeout=WAIT)
    yield win
    win.close()


def _internal(widget: QWidget) -> bool:
    """Parts of a compound widget that speaks for them (a spin box's line edit...)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QAbstractSpinBox | QComboBox | QAbstractItemView | QTabBar | QLineEdit
        ):
            return True
        parent = parent.parentWidget()
    name = widget.objectName()
    return name.startswith("qt_") or isinstance(widget, QScrollBar)


def controls(root: QWidget) -> list[QWidget]:
    """Every control under ``root`` (itself included), hidden pages too."""
    found = [root, *root.findChildren(QWidget)]
    return [
        w
        for w in found
        if not _internal(w)
        and (
            isinstance(w, QAbstractButton)
            or w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        )
    ]


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__}({w.objectName()!r})"
        for w in controls(root)
        if not spoken_name(w) and w.window() is root.window()
    ]


def test_every_control_of_the_main_window_is_named(qtbot: QtBot, window: MainWindow) -> None:
    found = controls(window)
    assert len(found) > 25, "the walk sees the cashier's pages and the history too"
    assert unnamed(window) == []


def test_every_control_of_the_settings_dialog_is_named(qtbot: QtBot, window: MainWindow) -> None:
    dialog = SettingsDialog(window.profile, window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    assert len(controls(dialog)) > 20
    assert unnamed(dialog) == []
    dialog.close()


def test_every_control_of_the_details_dialog_is_named(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    type_text(window, "4200")
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    key(window, Qt.Key.Key_F2)
    history = window.history
    qtbot.waitUntil(lambda: history.proxy.rowCount() > 0, timeout=WAIT)
    dialog = history.open_details(0)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert len(controls(dialog)) >= 2
    assert unnamed(dialog) == []
    dialog.close()


def test_the_shortcuts_overlay_is_named(qtbot: QtBot, window: MainWindow) -> None:
    overlay = window.keys.overlay
    window.keys.overlay_action.trigger()
    assert spoken_name(overlay) == "Keyboard shortcuts"
    assert "Esc" in overlay.accessibleDescription()
    window.keys.overlay_action.trigger()


# -- tab order ----------------------------------------------------------------------------------


def tab_chain(start: QWidget, steps: int) -> list[QWidget]:
    """Widgets reached by pressing Tab ``steps`` times from ``start`` (the real keys)."""
    from PySide6.QtTest import QTest

    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(steps):
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_on_the_cashier_goes_amount_product_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.cashier.entry_page
    chain = tab_chain(page.amount_display, 3)
    assert chain[:3] == [page.amount_display, page.product_edit, page.description_edit]
    # ... and leaves the page to the tab bar, never to a hidden page
    assert isinstance(chain[3], QTabBar) or chain[3] is page.amount_display
    shift = QApplication.focusWidget()
    from PySide6.QtTest import QTest

    page.description_edit.setFocus()
    QTest.keyClick(page.description_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.product_edit
    assert shift is not None


def test_tab_on_the_history_goes_left_to_right_then_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    key(window, Qt.Key.Key_F2)
    history = window.history
    assert QApplication.focusWidget() is history.view, "F2 puts the focus on the table"
    history.from_check.setChecked(True)
    history.to_check.setChecked(True)
    expected = [
        history.source_combo,
        history.status_combo,
        history.from_check,
        history.from_edit,
        history.to_check,
        history.to_edit,
        history.search_edit,
        history.refresh_button,
        history.export_button,
        history.view,
    ]
    chain = tab_chain(history.source_combo, len(expected) + 8)
    # Tab walks through a date's day, month and year before leaving it (Qt's date edits)
    walked = [w for i, w in enumerate(chain) if i == 0 or w is not chain[i - 1]]
    assert walked[: len(expected)] == expected


def test_tab_on_the_counter_settings_page_follows_the_layout(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = SettingsDialog(window.profile, window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    dialog.tabs.setCurrentIndex(1)
    page = dialog.counter_page
    expected = [
        page.language_combo,
        page.display_combo,
        page.sound_check,
        page.volume_slider,
        page.layout_combo,
        page.without_dialog_check,  # Forget is disabled: no printer remembered
        page.auto_print_check,
    ]
    assert tab_chain(page.language_combo, len(expected) - 1) == expected
    dialog.close()


def test_tab_on_the_settings_dialog_goes_down_each_column_then_ok(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = SettingsDialog(window.profile, window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    expected = [
        dialog.api_url_edit,
        dialog.api_key_edit,
        dialog.public_key_edit,
        dialog.secret_edit,
        dialog.reveal_button,
        dialog.mode_combo,
        dialog.test_button,
        dialog.shop_name_edit,
        dialog.till_name_edit,
        dialog.product_edit,
        dialog.expiry_spin,
        dialog.auto_return_spin,
        dialog.notify_edit,
        dialog.success_edit,
        dialog.cancel_edit,
        dialog.hosts_edit,
        dialog.ok_button,
    ]
    chain = tab_chain(dialog.api_url_edit, len(expected) + 2)
    assert chain[: len(expected)] == expected
    # then Cancel, the tab bar, and round to the first field: never the scroll area
    assert isinstance(chain[len(expected) + 1], QTabBar)
    assert chain[len(expected) + 2] is dialog.api_url_edit
    dialog.close()


def test_tab_on_the_payment_page_and_focus_on_the_paid_page(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    cashier = window.cashier
    type_text(window, "1200")
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cashier.current_page() == "payment", timeout=WAIT)
    page = cashier.payment_page
    chain = tab_chain(page.copy_button, 1)
    assert chain == [page.copy_button, page.cancel_button]
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: cashier.current_page() == "paid", timeout=WAIT)
    assert QApplication.focusWidget() is cashier.paid_page.new_sale_button
    assert spoken_name(cashier.paid_page.new_sale_button)


def test_the_welcome_panel_is_named_and_keyboard_ready(qtbot: QtBot, tmp_path: Any) -> None:
    from hpos.profile.keystore import KeyStore
    from hpos.ui.mainwindow.welcome import WelcomePanel
    from tests.helpers.keyring import MemoryKeyring

    empty = Profile(tmp_path / "empty", KeyStore(backend=MemoryKeyring()), env={})
    win = MainWindow(empty)
    qtbot.addWidget(win)
    win.show()
    panel = win.findChild(WelcomePanel)
    assert panel is not None
    assert len(controls(panel)) >= 2
    assert unnamed(win) == []
    win.close()


def test_tab_on_the_details_dialog_reaches_every_button(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    type_text(window, "3300")
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    key(window, Qt.Key.Key_F2)
    history = window.history
    qtbot.waitUntil(lambda: history.proxy.rowCount() > 0, timeout=WAIT)
    # Enter on the table opens the details of the current row
    history.view.setCurrentIndex(history.proxy.index(0, 0))
    from PySide6.QtTest import QTest

    QTest.keyClick(history.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.details_dialog is not None, timeout=WAIT)
    dialog = history.details_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    dialog.activateWindow()  # as the window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    stops = [w for w in controls(dialog) if w.isVisible() and w.isEnabled()]
    chain = tab_chain(dialog.link_edit, len(stops) + 1)
    assert set(chain) >= set(stops), [spoken_name(w) for w in set(stops) - set(chain)]
    assert chain[len(stops)] is dialog.link_edit, "Tab comes round"
    buttons = dialog.findChild(QDialogButtonBox)
    assert all(spoken_name(b) for b in buttons.buttons())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
