"""The window's parts built on first use, not before its first paint (start-up speed).

:class:`LazyParts` is a mixin of :class:`~hpos.ui.mainwindow.window.MainWindow` (it uses
the window's runner, profile, tabs, controller and wiring, set up in its ``__init__``):
the customer display's manager (right after the first paint, or when Ctrl+Shift+D comes
first), the quit question (the first Ctrl+Q), receipts' Print / Save as PDF (the first
print, a PAID sale), the history pane (its tab shown, F2, or a caller asking for
``history``), and the bars' journal banner and DEMO bar. Each module is imported where
its part is first built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QTabWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from hpos.profile.profile import Profile
    from hpos.sales.service import SalesService
    from hpos.ui.customer.display import CustomerDisplayManager
    from hpos.ui.history.pane import HistoryPane
    from hpos.ui.mainwindow.bars import WindowBars
    from hpos.ui.mainwindow.chrome import DemoBar
    from hpos.ui.mainwindow.journal_banner import JournalBanner
    from hpos.ui.mainwindow.quit import QuitQuestion
    from hpos.ui.mainwindow.wiring import ControllerWiring
    from hpos.ui.receipts.actions import ReceiptActions
    from hpos.ui.runner import Runner


class LazyParts:
    """Customer display, quit question, receipts, history pane: built when first needed."""

    # set up by the window's __init__
    runner: Runner
    profile: Profile
    demo: Any
    controller: Any
    cashier: Any
    _bars: WindowBars
    _wiring: ControllerWiring
    _display_action: QAction
    _customer_display: CustomerDisplayManager | None
    _quit_question: QuitQuestion | None
    _receipts: ReceiptActions | None
    _history: HistoryPane | None
    _tabs: QTabWidget | None
    _service: SalesService | None
    close_now: Callable[[], None]

    @property
    def customer_display(self) -> CustomerDisplayManager:
        """The customer's screen or window, following the cashier screen: built right after
        the first paint (or when first asked for); its action exists from the start."""
        return self._customer_display_ready()

    def _customer_display_ready(self) -> CustomerDisplayManager:
        manager = self._customer_display
        if manager is None:
            # imported on first use: right after the first paint (start-up speed)
            from hpos.ui.customer.display import CustomerDisplayManager

            manager = self._customer_display = CustomerDisplayManager(
                self,  # the window this mixin is part of
                runner=self.runner,
                profile=lambda: self.profile,
                action=self._display_action,
            )
            if self.cashier is not None:
                manager.follow(self.controller, self.cashier, self.profile.effective())
        return manager

    @Slot()
    def _toggle_customer_display(self) -> None:
        """View → Customer display (Ctrl+Shift+D): close it, or open it again."""
        self.customer_display.toggle()

    @property
    def quit_question(self) -> QuitQuestion:
        """Ctrl+Q or the close button with a QR up: "A customer may be paying. Quit anyway?"
        (built the first time a quit is asked for)."""
        if self._quit_question is None:
            from hpos.ui.mainwindow.quit import QuitQuestion  # first use (start-up speed)

            self._quit_question = QuitQuestion(
                self,  # the window this mixin is part of
                cashier=lambda: self.cashier,
                controller=lambda: self.controller,
                last_awaiting=lambda: self._wiring.last_awaiting,
                demo_running=lambda: self.demo is not None,
                quit=self.close_now,
            )
        return self._quit_question

    @property
    def journal_banner(self) -> JournalBanner:
        """The amber banner for a lost, emptied, replaced or rolled-back journal."""
        return self._bars.journal

    @property
    def _demo_bar(self) -> DemoBar | None:
        """The DEMO bar (None until a demo runs)."""
        return self._bars.demo

    @property
    def receipts(self) -> ReceiptActions:
        """Print / Save as PDF of receipts, built on first use (Ctrl+P, a PAID sale, the till
        ready): nothing on the first screen needs it."""
        if self._receipts is None:
            # imported on first use (start-up speed)
            from hpos.ui.receipts.actions import ReceiptActions

            self._receipts = ReceiptActions(self.profile, self.runner, parent=self)
        return self._receipts

    @property
    def history(self) -> HistoryPane | None:
        """The history pane (built now if it was not yet); None without a workspace."""
        if self._history is None and self._tabs is not None:
            self._build_history()
        return self._history

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        if index == 1 and self._history is None:
            self._build_history()

    def _build_history(self) -> None:
        """Put the real history pane in its tab, fed by the service once it is open."""
        # imported on first use: the history loads when its tab shows (start-up speed)
        from hpos.ui.history.pane import HistoryPane

        tabs = self._tabs
        assert tabs is not None
        pane = self._history = HistoryPane(
            self.runner,
            client=None,
            journal=None,
            folders=self.receipts.folders,  # one last folder for CSV and receipts
            config_dir=self.profile.config_dir,
        )
        pane.receipt_requested.connect(self.receipts.row_requested)
        service = self._service
        if service is not None and self.controller.is_ready:
            pane.set_sources(service.client, service.journal, service.watcher)
        current, placeholder = tabs.currentIndex(), tabs.widget(1)
        blocked = tabs.blockSignals(True)  # the swap is not a change of tab
        tabs.removeTab(1)
        tabs.insertTab(1, pane, QCoreApplication.translate("MainWindow", "History (F2)"))
        tabs.setCurrentIndex(current)
        tabs.blockSignals(blocked)
        placeholder.deleteLater()
