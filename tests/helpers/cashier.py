"""A cashier screen on its own controller, runner and service (:class:`Counter`), what it
showed (:class:`Shown`), and the honesty check over journals (:func:`assert_honest`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.reference import reference_in
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState
from hpos.sales.watcher import WatchPolicy
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.screen import CashierScreen
from hpos.ui.controller.sale import SaleController
from hpos.ui.runner import Runner
from tests.helpers.watch import FAST_WATCH as FAST

S = SaleState
WAIT = 15_000
#: The tests' fast watcher, with HPAY's answered errors rechecked after 1 s (5 s in the app).
POLICY = replace(FAST, answered_recheck=1.0)


class Counter:
    """A cashier screen on its own controller, runner and service."""

    def __init__(
        self,
        qtbot: QtBot,
        sandbox: SandboxServer,
        client: HpayClient,
        path: Path,
        *,
        policy: WatchPolicy = FAST,
        **screen_args: Any,
    ) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.client = client
        self.service = SalesService(
            client, Journal(path / "journal.sqlite3"), till_name="T1", policy=policy
        )
        self.runner = Runner()
        self.controller = SaleController(lambda: self.service, self.runner)
        self.answers: list[bool] = []
        self.questions: list[str] = []
        screen_args.setdefault("auto_return_seconds", 60.0)
        self.screen = CashierScreen(
            self.controller, default_product="Coffee", confirm=self._confirm, **screen_args
        )
        qtbot.addWidget(self.screen)
        self.screen.resize(1024, 600)
        self.screen.show()
        qtbot.waitExposed(self.screen)
        self.controller.start()
        qtbot.waitUntil(lambda: self.controller.current_token() is not None, timeout=WAIT)

    def _confirm(self, _parent: QWidget, _title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answers.pop(0) if self.answers else False

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.screen.amount_display, text)

    def enter(self, widget: QWidget | None = None) -> None:
        self.qtbot.keyClick(widget or self.screen.focusWidget() or self.screen, Qt.Key.Key_Return)

    def wait_page(self, name: str, timeout: int = WAIT) -> None:
        self.qtbot.waitUntil(lambda: self.screen.current_page() == name, timeout=timeout)

    def journal_sale(self) -> Any:
        sale = self.screen.current_sale()
        assert sale is not None
        return self.service.journal.get(sale.id)

    def close(self) -> None:
        self.controller.stop()
        self.runner.shutdown()
        self.service.journal.close()


class Shown:
    """The pages a cashier screen showed and the states its controller reported, per sale."""

    def __init__(self, screen: CashierScreen, controller: SaleController) -> None:
        self.pages: list[str] = []
        self.states: dict[int, list[SaleState]] = {}
        screen.page_changed.connect(self.pages.append)
        controller.sale_changed.connect(self._changed)
        controller.charged.connect(self._changed)

    def _changed(self, sale: Sale) -> None:
        self.states.setdefault(sale.id, []).append(sale.state)

    def ever_paid(self, sale_id: int) -> bool:
        """Was this sale ever reported PAID?"""
        return S.PAID in self.states.get(sale_id, [])


def all_sales(path: Path) -> list[Sale]:
    """Every sale of the journal at ``path`` (opened apart, without its seal)."""
    journal = Journal(path)
    try:
        return journal.sales_in(SaleState)
    finally:
        journal.close()


def assert_honest(sandbox: SandboxServer, journal_paths: Iterable[Path]) -> None:
    """No transaction id held by two sales; every PAID sale paid by its own payment."""
    held: dict[str, str] = {}
    for path in journal_paths:
        for sale in all_sales(path):
            txid = sale.transaction_id
            if txid:
                assert txid not in held, f"{txid} is held by {held[txid]} and {sale.sale_number}"
                held[txid] = f"{path.parent.name}/{sale.sale_number}"
            if sale.state is S.PAID:
                payment = sandbox.payment(txid or "")
                assert payment is not None, f"{sale.sale_number} PAID by no HPAY payment"
                assert payment.status == "PAID", f"{sale.sale_number} PAID by an unpaid payment"
                assert reference_in(payment.description) == sale.reference, (
                    f"{sale.sale_number} PAID by another sale's payment"
                )
