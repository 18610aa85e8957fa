"""The main window's status bar: the connection state on the left; company, mode and balance
on the right, the balance refreshed in the background.

:class:`StatusLine` keeps each text as a function, so a language switch asks
for it again (:meth:`StatusLine.retranslate`). The balance comes from HPAY's
``/getCollectBalance/`` through the window's runner (never on the GUI thread),
at once when asked and every :data:`BALANCE_REFRESH_MS` while the till is
connected; a failure says so on the left and keeps the last balance shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from hpos.hpay.errors import HpayError

if TYPE_CHECKING:
    from hpos.hpay.client import HpayClient
    from hpos.ui.runner import Runner

BALANCE_REFRESH_MS = 60_000

Text = Callable[[], str]


class StatusLine(QObject):
    """The two texts of a window's status bar and the balance refresh behind the right one."""

    def __init__(
        self,
        window: QMainWindow,
        runner: Runner,
        client: Callable[[], HpayClient | None],
        mode: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._client = client  # the connected client, None before the till is ready
        self._mode = mode
        self.status = QLabel()
        self.account = QLabel("")
        window.statusBar().addWidget(self.status, 1)
        window.statusBar().addPermanentWidget(self.account)
        self._status_text: Text = lambda: QCoreApplication.translate("MainWindow", "Starting…")
        self._account_text: Text = str
        self._timer = QTimer(self)
        self._timer.setInterval(BALANCE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_balance)
        self.retranslate()

    def say(self, text: Text) -> None:
        """The state on the left; ``text`` is asked again after a language switch."""
        self._status_text = text
        self.status.setText(text())

    def show_account(self, text: Text) -> None:
        """Company, mode and balance on the right (asked again after a language switch)."""
        self._account_text = text
        self.account.setText(text())

    def retranslate(self) -> None:
        """Both texts in the UI language."""
        self.status.setText(self._status_text())
        self.account.setText(self._account_text())

    def start_balance(self) -> None:
        """The till is connected: show the balance now and keep it fresh."""
        self.refresh_balance()
        self._timer.start()

    def stop_balance(self) -> None:
        """No more balance refreshes (the workspace is being rebuilt, or the window closes)."""
        self._timer.stop()

    def refresh_balance(self) -> None:
        """Ask ``/getCollectBalance/`` in the background; nothing when not connected."""
        client = self._client()
        if client is None:
            return
        self._runner.submit(
            client.balance, on_done=self._show_balance, on_error=self._no_balance, name="balance"
        )

    def _show_balance(self, balance: Any) -> None:
        # imported on first use: keeps start-up fast (a balance shows after the first paint)
        from hpos.ui.money import format_money

        mode = self._mode()
        self.show_account(
            lambda: QCoreApplication.translate(
                "MainWindow", "{company} · {mode} · balance {amount}"
            ).format(
                company=balance.company,
                mode=mode,
                amount=format_money(balance.main_balance, balance.currency),
            )
        )

    def _no_balance(self, exc: BaseException) -> None:
        def text() -> str:
            reason = (
                exc.message
                if isinstance(exc, HpayError)
                else QCoreApplication.translate("MainWindow", "balance unavailable")
            )
            return QCoreApplication.translate(
                "MainWindow", "Balance not refreshed: {reason}"
            ).format(reason=reason)

        self.say(text)
