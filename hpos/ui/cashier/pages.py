"""The cashier screen's stack of pages, the pages after the entry page built late.

:class:`LazyPages` is a mixin of :class:`~hpos.ui.cashier.screen.CashierScreen`: the
entry page is built with the screen; the charging, payment, PAID and problem pages
(:data:`~hpos.ui.cashier.keys.PAGES`) are built when first needed, at the latest right
after the screen's first paint (the window paints about 10 ms sooner without them), and
their buttons are connected to the screen's actions then. A page built late gets the
screen's font scale at once. Which page shows, and when, is
:mod:`hpos.ui.cashier.follow`'s business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from hpos.ui.cashier.keys import PAGES

if TYPE_CHECKING:  # imported when built (after the first paint)
    from hpos.ui.cashier.charging import ChargingPage
    from hpos.ui.cashier.payment import PaymentPage
    from hpos.ui.cashier.result import PaidPage, ProblemPage


class LazyPages:
    """The pages of the cashier screen, by name (a CashierScreen mixin)."""

    _stack: QStackedWidget
    _pages: dict[str, QWidget]
    _painted: bool
    _scale: float

    def _init_pages(self, entry_page: QWidget) -> QStackedWidget:
        """The stack, holding ``entry_page`` only for now; returned for the layout."""
        self._stack = QStackedWidget(cast("QWidget", self))
        self._pages = {"entry": entry_page}
        self._stack.addWidget(entry_page)
        self._painted = False
        return self._stack

    def current_page(self) -> str:
        """ "entry", "charging", "payment", "paid" or "problem"."""
        shown = self._stack.currentWidget()
        return next(name for name, page in self._pages.items() if page is shown)

    @property
    def charging_page(self) -> ChargingPage:
        """The page shown while HPAY creates the payment."""
        return cast("ChargingPage", self._page("charging"))

    @property
    def payment_page(self) -> PaymentPage:
        """The QR page."""
        return cast("PaymentPage", self._page("payment"))

    @property
    def paid_page(self) -> PaidPage:
        """The PAID page."""
        return cast("PaidPage", self._page("paid"))

    @property
    def problem_page(self) -> ProblemPage:
        """The page that explains a sale that did not end PAID, with a safe next step."""
        return cast("ProblemPage", self._page("problem"))

    def _page(self, name: str) -> QWidget:
        """The page ``name``, built now if it was not yet."""
        page = self._pages.get(name)
        if page is None:
            page = self._pages[name] = self._build_page(name)
            self._stack.addWidget(page)
            if self._scale:
                page.apply_scale(self._scale)  # type: ignore[attr-defined]
        return page

    def _build_page(self, name: str) -> QWidget:
        screen: Any = self  # the screen's actions (copy_link, new_sale, …) are its own
        if name == "charging":
            # imported on first use, right after the first paint (start-up speed), as below
            from hpos.ui.cashier.charging import ChargingPage

            return ChargingPage(self._stack)
        if name == "payment":
            from hpos.ui.cashier.payment import PaymentPage  # here: start-up speed

            payment = PaymentPage(self._stack)
            payment.copy_button.clicked.connect(screen.copy_link)
            payment.cancel_button.clicked.connect(screen.request_cancel)
            return payment
        from hpos.ui.cashier.result import PaidPage, ProblemPage  # here: start-up speed

        if name == "paid":
            paid = PaidPage(self._stack)
            paid.new_sale_button.clicked.connect(screen.new_sale)
            paid.print_button.clicked.connect(screen.print_requested)
            return paid
        problem = ProblemPage(self._stack)
        problem.primary_button.clicked.connect(screen._problem_primary)
        problem.secondary_button.clicked.connect(screen.new_sale)
        return problem

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint, the pages not built yet are built (once the loop is idle)."""
        super().paintEvent(event)  # type: ignore[misc]
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, cast("QWidget", self), self._build_pages)

    @Slot()
    def _build_pages(self) -> None:
        for name in PAGES:
            self._page(name)
