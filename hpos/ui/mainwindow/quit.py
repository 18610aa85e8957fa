"""Quitting while a customer may be paying: "A customer may be paying. Quit anyway?" first.

Ctrl+Q (File → Quit) and the window's own close button (or the window manager's
Alt+F4) ask it while a QR code is up or a payment is being created, or a sale
awaits payment within its window; No is the default button and Escape answers No.
Yes closes the window through its normal path: the sale stays in the journal and
the next start brings it back (in the demo, the sandbox stops with the window, and
the question says so). With nothing open, nothing is asked.

The question is window-modal and not blocking (``QMessageBox.open``): the event
loop keeps running, so the sale may be paid meanwhile (then the question is no
longer needed, but answering it still does what it says). SIGTERM and SIGINT close
the window without asking (:mod:`hpos.ui.quit_signals`); so does ``close()`` called
by code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from hpos.ui.money import format_money

if TYPE_CHECKING:
    from hpos.sales.model import Sale


class QuitQuestion(QObject):
    """Asks before quitting while a customer may be paying; ``quit()`` on Yes.

    ``cashier()`` and ``controller()`` give the workspace's (None without one),
    ``last_awaiting()`` the newest sale awaiting payment within its window (F3's),
    ``demo_running()`` whether the demo's sandbox stops with the window.
    """

    def __init__(
        self,
        window: QWidget,
        *,
        cashier: Callable[[], Any],
        controller: Callable[[], Any],
        last_awaiting: Callable[[], Sale | None],
        demo_running: Callable[[], bool],
        quit: Callable[[], object],  # what Yes (or nothing to ask) does
    ) -> None:
        super().__init__(window)
        self._window = window
        self._cashier = cashier
        self._controller = controller
        self._last_awaiting = last_awaiting
        self._demo_running = demo_running
        self._quit = quit
        #: The question open now, if any.
        self.box: QMessageBox | None = None

    def customer_may_be_paying(self) -> bool:
        """A QR code is up, a payment is being created, or a sale awaits payment."""
        cashier, controller = self._cashier(), self._controller()
        if cashier is not None and cashier.current_page() in ("charging", "payment"):
            return True
        if controller is not None and controller.is_charging:
            return True
        return self._last_awaiting() is not None

    def _sale(self) -> Sale | None:
        cashier = self._cashier()
        if cashier is not None and cashier.current_page() == "payment":
            return cashier.current_sale()
        return self._last_awaiting()

    @Slot()
    def request(self) -> None:
        """Ctrl+Q (File → Quit): quit now, or ask first while a customer may be paying."""
        if not self.ask():
            self._quit()

    def ask(self) -> bool:
        """Open the question when a customer may be paying; False when there is nothing to ask.

        True while the question is open (asking again only raises it).
        """
        if self.box is not None:
            self.box.raise_()
            return True
        if not self.customer_may_be_paying():
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "Quit HPOS?"),
            QCoreApplication.translate("MainWindow", "A customer may be paying. Quit anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setInformativeText(self._details())
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self.box = box
        box.open()
        return True

    def _details(self) -> str:
        sale = self._sale()
        if sale is not None:
            text = QCoreApplication.translate(
                "MainWindow",
                "Sale {number} of {amount} is waiting for payment. It stays saved: "
                "HPOS checks it again at its next start.",
            ).format(number=sale.sale_number, amount=format_money(sale.amount, sale.currency))
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "A payment is being created. It stays saved: "
                "HPOS checks it again at its next start.",
            )
        if self._demo_running():
            text += " " + QCoreApplication.translate(
                "MainWindow",
                "In the demo, quitting also stops the sandbox: the payment page stops working.",
            )
        return text

    @Slot(int)
    def _answered(self, _result: int) -> None:
        box, self.box = self.box, None
        if box is not None and box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._quit()
