"""The crash handler: errors in slots and threads are logged, told once, and the sale survives."""

from __future__ import annotations

import ast
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import hpos.ui.crash
from hpos.hpay.redact import default_redactor
from hpos.logging_setup import FileLogging, current_file_logging, install_file_logging
from hpos.profile.profile import Profile
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui.crash import CrashHandler, install_crash_handler
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.sandbox import SECRETS_TO_CHECK
from tests.helpers.window import WAIT, charge, ready


class Emitter(QObject):
    fire = Signal()


def explode() -> None:
    raise RuntimeError("boom in a slot")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[FileLogging]:
    installed = install_file_logging(tmp_path / "logs")
    yield installed
    installed.close()


@pytest.fixture
def handler(log_file: FileLogging) -> Iterator[CrashHandler]:
    crash = install_crash_handler(log_file.path)
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.done(0)
    crash.deleteLater()


def log_text(installed: FileLogging) -> str:
    installed.flush()
    return installed.path.read_text(encoding="utf-8")


def open_messages() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_error_in_a_slot_is_logged_and_told(
    qtbot: QtBot, handler: CrashHandler, log_file: FileLogging
) -> None:
    emitter = Emitter()
    emitter.fire.connect(explode)
    emitter.fire.emit()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=WAIT)
    assert handler.dialog is not None
    assert handler.dialog.text() == (
        "HPOS hit an unexpected error. Your sales are saved. "
        f"Details are in the log: {log_file.path}"
    )
    text = log_text(log_file)
    assert "CRITICAL" in text
    assert "Unexpected error in the main thread" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: boom in a slot" in text


def test_a_second_error_does_not_stack_messages(qtbot: QtBot, handler: CrashHandler) -> None:
    emitter = Emitter()
    emitter.fire.connect(explode)
    emitter.fire.emit()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=WAIT)
    first = handler.dialog
    emitter.fire.emit()
    emitter.fire.emit()
    qtbot.waitUntil(lambda: handler.unseen == 2, timeout=WAIT)
    assert handler.dialog is first
    assert len(open_messages()) == 1
    assert first is not None
    assert "2 more" in first.informativeText()
    assert handler.crash_count == 3
    first.done(0)
    qtbot.waitUntil(lambda: handler.dialog is None, timeout=WAIT)
    emitter.fire.emit()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=WAIT)
    assert handler.dialog is not first, "after it was closed, the next error is told again"
    assert handler.dialog.informativeText() == ""
    assert len(open_messages()) == 1


def test_error_in_a_thread_is_logged_and_told_on_the_gui_thread(
    qtbot: QtBot, handler: CrashHandler, log_file: FileLogging
) -> None:
    worker = threading.Thread(target=explode, name="sale-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=WAIT)
    assert handler.dialog.thread() is QApplication.instance().thread()
    assert "Unexpected error in the thread sale-worker" in log_text(log_file)
    assert "RuntimeError: boom in a slot" in log_text(log_file)


def test_no_secret_in_the_crash_log(
    qtbot: QtBot, handler: CrashHandler, log_file: FileLogging
) -> None:
    secret = "crash-secret-Zq8wX3"
    SECRETS_TO_CHECK.add(secret)
    default_redactor().add(secret)

    def leak() -> None:
        api_secret_key = secret  # a local in the failing frame
        raise ValueError(f"api_secret_key={api_secret_key} refused; also {secret!r}")

    emitter = Emitter()
    emitter.fire.connect(leak)
    emitter.fire.emit()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=WAIT)
    text = log_text(log_file)
    assert "ValueError" in text
    assert secret not in text
    assert secret not in handler.dialog.text() + handler.dialog.informativeText()


def test_keyboard_interrupt_goes_to_the_previous_hook(log_file: FileLogging) -> None:
    seen: list[type[BaseException]] = []
    before = sys.excepthook
    sys.excepthook = lambda t, e, tb: seen.append(t)
    crash = CrashHandler(log_file.path)
    try:
        crash.install()
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert seen == [KeyboardInterrupt]
        assert crash.crash_count == 0
        crash.uninstall()
        assert sys.excepthook is not crash.handle_exception
        assert threading.excepthook is not crash._handle_thread
    finally:
        sys.excepthook = before
        crash.deleteLater()


def test_no_log_file_says_so(qtbot: QtBot) -> None:
    crash = CrashHandler(None)
    assert crash.message_text() == (
        "HPOS hit an unexpected error. Your sales are saved. No log file could be written."
    )
    crash.deleteLater()


def test_the_handler_never_touches_the_journal() -> None:
    tree = ast.parse(Path(hpos.ui.crash.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not [name for name in imported if name.startswith("hpos.sales")]


# -- a crash in the middle of a sale ----------------------------------------------------------


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


def test_crash_during_a_sale_leaves_it_recoverable(
    qtbot: QtBot, profile: Profile, sandbox: Any, handler: CrashHandler, log_file: FileLogging
) -> None:
    first = MainWindow(profile)
    qtbot.addWidget(first)
    handler.set_window(first)
    first.show()
    ready(qtbot, first)

    def crash_while_awaiting(sale: Sale) -> None:
        if sale.state is SaleState.AWAITING:
            raise RuntimeError("a screen failed while the customer was paying")

    first.controller.sale_changed.connect(crash_while_awaiting)
    charge(qtbot, first, "5000")
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=WAIT)
    assert "Your sales are saved" in handler.dialog.text()
    assert "a screen failed while the customer was paying" in log_text(log_file)

    # the journal, read from another connection: one whole sale, consistent
    path = profile.data_dir / JOURNAL_FILE
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    journal = Journal(path)
    try:
        [sale] = journal.sales_in(SaleState)
        assert sale.state is SaleState.AWAITING
        assert sale.transaction_id
        assert journal.events(sale.id)[-1].to_state is SaleState.AWAITING
    finally:
        journal.close()
    handler.dialog.done(0)
    first.close()  # what the cashier does after the message, or a hard stop
    sandbox.mark_paid(sale.transaction_id)

    second = MainWindow(profile)  # start-up recovery picks the sale up again
    qtbot.addWidget(second)
    second.show()
    ready(qtbot, second)

    def paid() -> bool:
        service = second.controller.service
        found = service.journal.get(sale.id) if service else None
        return found is not None and found.state is SaleState.PAID

    qtbot.waitUntil(paid, timeout=WAIT)
    second.close()
    assert current_file_logging() is log_file
