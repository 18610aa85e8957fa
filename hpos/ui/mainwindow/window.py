"""The main window: the cashier screen in the centre, history one key away.

Above them, a permanent TEST MODE banner whenever the account is in TEST (and a
DEMO banner with "Simulate customer payment" in the demo), and an amber banner
while the sales journal was found missing, emptied, replaced or rolled back
(:mod:`hpos.ui.mainwindow.journal_banner`, until acknowledged). Below, a status bar
with the connection state, mode, company and balances, refreshed in the
background. A profile without HPAY keys starts on the welcome panel.

The window owns the Runner; everything else (controller, service, history
sources) is rebuilt when the settings change. The history pane is built the
first time it is shown (F2, its tab, or a caller asking for ``history``), not
before the first paint. Closing the window aborts the calls in flight and waits
at most ~1.5 s; every sale is already in the journal. Ctrl+Q and the window's close
button first ask "A customer may be paying. Quit anyway?" while one may be
(:mod:`hpos.ui.mainwindow.quit`); :meth:`MainWindow.close_now` (SIGTERM, SIGINT) does
not. The menus and banners live in :mod:`hpos.ui.mainwindow.chrome`, the status bar in
:mod:`hpos.ui.mainwindow.status`, the opening and closing of the sales service in
:mod:`hpos.ui.mainwindow.service`, what the window's parts are told of the sale
controller's news in :mod:`hpos.ui.mainwindow.wiring`, the parts built on first use
(customer display, quit question, receipts, history pane) in
:mod:`hpos.ui.mainwindow.lazy_parts`, the welcome panel and the demo in
:mod:`hpos.ui.mainwindow.demo_mode`, the Owner menu and its windows (Close the day, All
tills, behind the manager PIN) in :mod:`hpos.ui.mainwindow.owner`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hpos.profile.profile import Profile
from hpos.ui.customer.action import display_action, retranslate_action
from hpos.ui.i18n import (
    Retranslatable,
    apply_catalogues,
    current_language,
    load_catalogues,
    resolve_language,
)
from hpos.ui.mainwindow.bars import WindowBars
from hpos.ui.mainwindow.chrome import HelpActions, WindowMenus, fit_to_screen
from hpos.ui.mainwindow.demo_mode import DemoMode
from hpos.ui.mainwindow.keys import WindowKeys
from hpos.ui.mainwindow.lazy_parts import LazyParts
from hpos.ui.mainwindow.manager import ManagerControls
from hpos.ui.mainwindow.owner import OwnerWindows
from hpos.ui.mainwindow.return_pages import ReturnPagesWarning
from hpos.ui.mainwindow.service import ServiceSlot
from hpos.ui.mainwindow.status import StatusLine
from hpos.ui.mainwindow.wiring import ControllerWiring
from hpos.ui.runner import Runner
from hpos.ui.sound import SoundPlayer

if TYPE_CHECKING:
    from hpos.demo import Demo
    from hpos.hpay.client import HpayClient
    from hpos.sales.service import SalesService
    from hpos.sales.watcher import WatchPolicy
    from hpos.ui.customer.display import CustomerDisplayManager
    from hpos.ui.history.pane import HistoryPane
    from hpos.ui.mainwindow.quit import QuitQuestion
    from hpos.ui.receipts.actions import ReceiptActions
    from hpos.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

#: Latest start of the sales controller when the window is not painted (ms).
START_FALLBACK_MS = 1000
MIN_SIZE = (1024, 600)
PREFERRED_SIZE = (1280, 800)


class MainWindow(LazyParts, DemoMode, Retranslatable, QMainWindow):
    """HPOS's window for one profile (or the demo).

    ``watch_policy`` replaces the payment watcher's default timings (tests shorten them).
    """

    def __init__(
        self,
        profile: Profile,
        *,
        demo: Demo | None = None,
        watch_policy: WatchPolicy | None = None,
    ) -> None:
        super().__init__()
        self.profile = profile
        self.demo = demo
        self.runner = Runner(workers=3, parent=self)
        self._services = ServiceSlot(self.runner, watch_policy)
        self._receipts: ReceiptActions | None = None  # print / PDF: built on first use
        # the customer's screen or window: its action now, the rest after the first paint
        self._customer_display: CustomerDisplayManager | None = None
        self._display_action = display_action(self)  # View → Customer display, Ctrl+Shift+D
        self._display_action.triggered.connect(self._toggle_customer_display)
        self.sound = SoundPlayer(parent=self)
        self.controller: Any = None
        self._opened_at = datetime.now(UTC)  # sales made before are "from last time"
        self._quit_confirmed = False  # closing without the question (Yes, or a signal)
        self._painted = self._start_pending = False
        self.cashier: Any = None
        self.shift: Any = None  # the cashier on duty (hpos.ui.cashier.shift.ShiftPicker)
        self._history: HistoryPane | None = None
        self._tabs: QTabWidget | None = None
        self.setMinimumSize(*MIN_SIZE)
        fit_to_screen(self, PREFERRED_SIZE, MIN_SIZE)

        self._stack = QStackedWidget()
        root = QWidget()
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # TEST MODE; the DEMO bar and the journal banner when needed (start-up speed)
        self._bars = WindowBars(layout, runner=self.runner, simulate=self.simulate_payment)
        self._test_banner = self._bars.test
        self._bars.show_demo(demo)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(root)
        self.status_line = StatusLine(
            self, self.runner, self._connected_client, lambda: self.profile.effective().mode
        )
        self._account = self.status_line.account  # company · mode · balance
        self.return_pages = ReturnPagesWarning(self)  # PROD on HPAY's example return pages
        self.return_pages.open_requested.connect(self.open_return_page_settings)
        self.keys = WindowKeys(self, self)  # F1 shortcuts list, F3 last QR, Esc back
        self.help_actions = HelpActions(self, lambda: self.profile)  # About, Open log folder
        self.menus = WindowMenus(
            self,
            settings=self.open_settings,
            print_receipt=self.print_receipt,
            history=self.toggle_history,
            refresh=self.refresh,
            about=self.help_actions.show_about,
            log_folder=self.help_actions.open_log_folder,
            quit=lambda: self.quit_question.request(),
            extra_view=(self.keys.last_qr_action, self._display_action),
            extra_help=(self.keys.overlay_action,),
        )
        # the manager PIN: the gate before Settings (and TEST/PROD), Ctrl+L, the mode shown
        self.manager = ManagerControls(self, self.runner, lambda: self.profile, self.menus)
        # Owner → Close the day…, All tills…: through the gate, each in its own window
        self.owner = OwnerWindows(
            self,
            runner=self.runner,
            profile=lambda: self.profile,
            service=lambda: self._service,
            on_duty=self._cashier_on_duty,
            folders=lambda: self.receipts.folders,  # one last folder for CSV and receipts
            manager=self.manager,
            menus=self.menus,
            currency=self._account_currency,  # the catalogue's prices
        )
        self._wiring = ControllerWiring(
            self,
            status_line=self.status_line,
            receipts=lambda: self.receipts,
            journal_banner=lambda: self._bars.journal,
            test_banner=self._test_banner,
            demo_bar=lambda: self._bars.demo,
            history=lambda: self._history,
            mode=lambda: self.profile.effective().mode,
            demo_running=lambda: self.demo is not None,
            warn=lambda title, message: QMessageBox.warning(self, title, message),
            expiry=lambda: timedelta(minutes=self.profile.effective().expiry_minutes),
            catalogue_changed=self.owner.catalogue_changed,  # the quick keys read it again
        )
        self._quit_question: QuitQuestion | None = None  # built on first use
        self.retranslate()
        self._test_banner.setVisible(profile.effective().mode == "TEST")
        if self._configured():
            self._build_workspace()
        else:
            self.owner.set_available(False)  # nothing to close or read without HPAY keys
            self._show_welcome()

    # -- building ---------------------------------------------------------------------

    def _account_currency(self) -> str | None:
        """The currency HPAY charges this account in (None until the controller's token)."""
        token = self.controller.current_token() if self.controller is not None else None
        return token.currency if token is not None else None

    def _configured(self) -> bool:
        eff = self.profile.effective()
        return bool(eff.api_url and eff.api_key and eff.public_key)

    def _build_workspace(self) -> None:
        # imported on first use: the welcome panel (a till not yet configured) never loads
        # the cashier and its controller (start-up speed)
        from hpos.ui.cashier.screen import CashierScreen
        from hpos.ui.controller.sale import SaleController

        eff = self.profile.effective()
        self._test_banner.setVisible(eff.mode == "TEST")
        self.return_pages.show_for(eff)
        self.owner.set_available(True)
        demo = self.demo is not None  # the demo's shop gets its items when the journal opens
        open_service = lambda: self._services.open(self.profile, demo=demo)  # noqa: E731 (on a worker)
        self.controller = SaleController(open_service, self.runner, parent=self)
        self._wiring.follow(self.controller)  # status line, banners, receipts, history
        tabs = QTabWidget()
        # The screen is made where addTab puts it, the tab widget's page stack: moved to a new
        # parent, a polished screen with a style sheet is polished all over again (~4 ms).
        tab_pages = tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")
        self.cashier = CashierScreen(
            self.controller,
            default_product=eff.default_product,
            auto_return_seconds=float(eff.auto_return_seconds),
            expiry_seconds=float(eff.expiry_minutes * 60),
            session_started=self._opened_at,
            parent=tab_pages,
        )
        tabs.addTab(self.cashier, self.tr("Cashier"))
        self._add_shift_picker(tabs, eff)
        tabs.addTab(QWidget(), self.tr("History (F2)"))  # the pane itself: on first show
        tabs.currentChanged.connect(self._tab_shown)  # before the keyboard's focus follows it
        self._tabs = tabs
        self._stack.addWidget(tabs)
        self._stack.setCurrentWidget(tabs)
        if self._receipts is not None:
            self._receipts.profile = self.profile  # the demo swaps profiles
        self.cashier.print_requested.connect(self.print_receipt)  # the PAID page's button
        self.keys.watch_tabs(tabs)
        if self._customer_display is not None:  # else it follows the cashier when built
            self._customer_display.follow(self.controller, self.cashier, eff)
        self.sound.follow(self.controller, self.cashier, eff)
        self.status_line.say(lambda: self.tr("Connecting to HPAY…"))
        self._start_after_first_paint()

    def _add_shift_picker(self, tabs: QTabWidget, eff: Any) -> None:
        """The cashier on duty at the tabs' right, on screen whichever tab shows (issue 15)."""
        from hpos.ui.cashier.shift import ShiftPicker  # with the cashier screen (start-up speed)

        self.shift = ShiftPicker(
            eff.cashiers,
            eff.cashier_on_duty,
            profile=self.profile,
            submit=self.runner.submit,
            parent=tabs,
        )
        tabs.setCornerWidget(self.shift, Qt.Corner.TopRightCorner)
        self.shift.changed.connect(self.controller.set_cashier)
        self.controller.set_cashier(self.shift.cashier())

    def _start_after_first_paint(self) -> None:
        """Start the controller (keyring, journal, token: all background work) once the
        window has been painted, so none of it competes with the first paint; at the
        latest after START_FALLBACK_MS (a window never painted, e.g. hidden)."""
        if self._painted:
            self._customer_display_ready()
            self.controller.start()
            return
        self._start_pending = True
        QTimer.singleShot(START_FALLBACK_MS, self, self._start_pending_controller)

    def _cashier_on_duty(self) -> str | None:
        """Who is at the till: the shift picker's choice, else the profile's (None: nobody)."""
        if self.shift is not None:
            return self.shift.cashier()
        return self.profile.effective().cashier_on_duty or None

    @Slot()
    def _start_pending_controller(self) -> None:
        if self._start_pending and self.controller is not None:
            self._start_pending = False
            self._customer_display_ready()
            self.controller.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The first paint builds the customer display and starts the controller (see
        :meth:`_start_after_first_paint`)."""
        super().paintEvent(event)
        self._painted = True
        if self._start_pending:
            QTimer.singleShot(0, self, self._start_pending_controller)

    @property
    def _service(self) -> SalesService | None:
        """The sales service, once the controller has opened it (in the background)."""
        return self.controller.service if self.controller is not None else None

    # -- the account ------------------------------------------------------------------

    @Slot()
    def refresh_balance(self) -> None:
        """Ask /getCollectBalance/ in the background; show it in the status bar."""
        self.status_line.refresh_balance()

    def _connected_client(self) -> HpayClient | None:
        service = self._service
        return service.client if service is not None else None

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window in the UI language (again on LanguageChange)."""
        self.setWindowTitle(self.tr("HPOS — DEMO") if self.demo is not None else "HPOS")
        self._bars.retranslate()  # TEST MODE, DEMO
        self.menus.retranslate()
        retranslate_action(self._display_action)
        self.manager.retranslate()
        self.owner.retranslate()
        tabs = self._tabs
        if tabs is not None and self.cashier is not None:
            tabs.setTabText(0, self.tr("Cashier"))
            tabs.setTabText(1, self.tr("History (F2)"))
        self.status_line.retranslate()

    def switch_language(self, setting: str) -> None:
        """Use the language of ``setting`` ("" = the system's): catalogues read in the background,
        installed on the GUI thread; Qt then sends LanguageChange to every widget."""
        if resolve_language(setting) == current_language():
            return
        app = QCoreApplication.instance()
        self.runner.submit(
            lambda: load_catalogues(setting),
            on_done=lambda catalogues: apply_catalogues(app, catalogues),
            name="load language",
        )

    @Slot()
    def toggle_history(self) -> None:
        """F2: between the cashier and the history."""
        tabs = self._tabs
        if tabs is not None:
            tabs.setCurrentIndex(1 - tabs.currentIndex())
            if tabs.currentIndex() == 1 and self._history is not None:
                self._history.refresh()

    @Slot()
    def refresh(self) -> None:
        """F5: refresh what is on screen (the history, or the cashier's sale), and the balance."""
        tabs = self._tabs
        if tabs is not None and tabs.currentIndex() == 1 and self._history is not None:
            self._history.refresh()
        elif tabs is not None and self.cashier is not None:
            self.cashier.check_current()
        self.status_line.refresh_balance()

    @Slot()
    def show_last_qr(self) -> None:
        """F3: the QR code of the sale awaiting payment, on the cashier screen again."""
        sale, tabs = self._wiring.last_awaiting, self._tabs
        if sale is None or self.cashier is None or tabs is None:
            self.statusBar().showMessage(self.tr("No sale is waiting for payment."), 5000)
            return
        tabs.setCurrentWidget(self.cashier)
        self.cashier.show_sale(sale)

    def escape_back(self) -> bool:
        """Esc that no widget used: from the history back to the cashier."""
        tabs = self._tabs
        if tabs is None or self.cashier is None or tabs.currentWidget() is self.cashier:
            return False
        tabs.setCurrentWidget(self.cashier)
        return True

    @Slot()
    def print_receipt(self) -> None:
        """Ctrl+P: the receipt of the sale on the PAID page, or of the selected history row."""
        tabs = self._tabs
        on_history = tabs is not None and tabs.currentIndex() == 1
        self.receipts.print_shown(self.cashier, self._history, on_history)

    @Slot()
    def open_settings(self) -> SettingsDialog | None:
        """Ctrl+,: the settings dialog (None while the manager PIN is asked first: it opens
        once the PIN is right); saved settings rebuild the workspace."""
        opened: list[SettingsDialog] = []
        self.manager.run(lambda: opened.append(self._open_settings_now()))
        return opened[0] if opened else None

    def _open_settings_now(self) -> SettingsDialog:
        # imported on first use: the settings dialog loads when it opens (start-up speed)
        from hpos.ui.settings.dialog import SettingsDialog

        keys_shown = self.manager.gate.is_unlocked()  # the API keys: masked outside manager mode
        dialog = SettingsDialog(self.profile, self.runner, parent=self, keys_shown=keys_shown)
        dialog.saved.connect(self._settings_saved)
        self.manager.close_on_lock(dialog)  # manager mode over: closed, nothing saved
        dialog.open()
        return dialog

    @Slot()
    def open_return_page_settings(self) -> None:
        """The status bar's return-page warning: Settings, at the notify/success/cancel URLs."""
        self.manager.run(lambda: self._open_settings_now().show_return_pages())

    @Slot(object)
    def _settings_saved(self, _settings: Any) -> None:
        self.manager.gate.settings_saved()  # a PIN set or removed
        self.switch_language(getattr(_settings, "language", ""))
        cart = self.cashier.cart_to_carry() if self.cashier is not None else None
        self._teardown_workspace()
        if not self._configured():  # a missing secret is reported by the controller's start
            self._show_welcome()
            return
        self._build_workspace()
        if self.cashier is not None:
            self.cashier.carry_cart(cart)  # the cart being rung up is not lost

    def _teardown_workspace(self) -> None:
        self.status_line.stop_balance()
        self.owner.close_all()  # built again on the next use, on the new profile and service
        self.owner.set_available(False)
        if self.controller is not None:
            self.controller.stop()
        self._bars.clear_journal()
        service = self._service
        if service is not None:
            self._services.close_later(service)
        while self._stack.count():
            widget = self._stack.widget(0)
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self.controller = self.cashier = self._history = self._tabs = None

    @property
    def about_dialog(self) -> Any:
        """The About dialog open now, if any (Help → About)."""
        return self.help_actions.dialog

    # -- quitting ----------------------------------------------------------------------

    @Slot()
    def close_now(self) -> None:
        """Close without asking (Yes to the question, SIGTERM, SIGINT): the normal closing
        path; an open sale stays in the journal and comes back at the next start."""
        self._quit_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Abort calls in flight, wait briefly, close the journal: every sale is kept.

        The window's close button (a spontaneous close) asks first while a customer may
        be paying; a close by code (tests, :meth:`close_now`) does not.
        """
        if event.spontaneous() and not self._quit_confirmed and self.quit_question.ask():
            event.ignore()  # Yes closes it again (close_now)
            return
        self.status_line.stop_balance()
        self.owner.close_all()
        if self._customer_display is not None:
            self._customer_display.close()
        if self.controller is not None:
            self.controller.stop()
        service = self._service
        self.runner.shutdown(timeout=1.5)
        if self.controller is not None:
            self.controller.release_unclaimed()
        if service is not None:
            service.close()
        self.stop_starting_demo()  # "Try the demo" still starting when the window closed
        if self.demo is not None:
            self.demo.server.stop()
        event.accept()
