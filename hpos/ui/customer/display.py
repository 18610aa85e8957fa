"""The customer-facing display: where it opens, and following the cashier screen.

:func:`choose_screen` (pure) picks the screen from the ``customer_display``
setting: "off"; "auto" = the first screen that is not the cashier's (so no
display with one screen); or a screen name (``QScreen.name()``), never the
cashier's own screen (a full-screen window there would hide the till). When
the cashier's window shows up on, or is moved to, another screen, the choice is
made again.

:class:`CustomerDisplayManager` opens the :class:`~hpos.ui.customer.view.CustomerDisplay`
full-screen there, moves or closes it when the settings change and when screens
are added or removed (``QGuiApplication.screenAdded/screenRemoved``), and feeds
it the cashier screen's page changes and the account's mode (TEST banner).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from hpos.profile.profile import Settings

if TYPE_CHECKING:
    from hpos.ui.customer.view import CustomerDisplay

__all__ = ["CustomerDisplayManager", "choose_screen"]

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    """Now, timezone-aware (UTC)."""
    return datetime.now(UTC)


def choose_screen(setting: str, names: Sequence[str], cashier: str | None) -> str | None:
    """The name of the screen for the customer display, or None for no display."""
    if setting == "off":
        return None
    others = [name for name in names if name != cashier]
    if setting == "auto":
        return others[0] if others else None
    return setting if setting in others else None


class CustomerDisplayManager(QObject):
    """Opens, moves and closes the customer display; feeds it the cashier screen's pages."""

    def __init__(
        self,
        window: QWidget,
        *,
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(window)
        self._window = window
        #: Where the list of screens comes from (QGuiApplication.screens).
        self.screens = screens
        self._clock = clock
        self._setting = "off"
        self._settings: Settings | None = None
        self._test = False
        self._cashier: Any = None
        self.display: CustomerDisplay | None = None
        self._closed = False
        self._cashier_screen: str | None = None  # the cashier's screen at the last placing
        self._watching_screen = False
        window.installEventFilter(self)  # the cashier's window shown or moved to a screen
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screen_removed)

    def follow(self, controller: Any, cashier: Any, settings: Settings) -> None:
        """Follow a (new) cashier screen with these settings; place the display."""
        if self._cashier is not None and isValid(self._cashier):
            with contextlib.suppress(RuntimeError, TypeError):
                self._cashier.page_changed.disconnect(self._page_changed)
        self._cashier = cashier
        cashier.page_changed.connect(self._page_changed)
        cashier.destroyed.connect(self._cashier_destroyed)
        controller.ready.connect(self._ready)
        self._watch_screen()
        self._settings = settings
        self._setting = settings.customer_display
        self._test = settings.mode == "TEST"
        if self.display is not None:
            self.display.configure(settings.shop_name, float(settings.expiry_minutes * 60))
            self.display.set_test_mode(self._test)
            self.display.show_idle()
        self.place()

    def place(self, removed: QScreen | None = None) -> None:
        """Show the display on the chosen screen, move it there, or hide it."""
        if self._closed:
            return
        screens = [s for s in self.screens() if s is not removed]
        own = self._window.screen()
        self._cashier_screen = own.name() if own is not None else None
        name = choose_screen(self._setting, [s.name() for s in screens], self._cashier_screen)
        target = next((s for s in screens if s.name() == name), None)
        display = self.display
        if target is None or self._cashier is None:
            if display is not None and display.isVisible():
                log.info("customer display closed")
                display.hide()
            return
        if display is None:
            display = self.display = self._create()
        if display.isVisible() and display.screen().name() == target.name():
            return
        display.hide()
        display.setWindowState(Qt.WindowState.WindowNoState)  # full screen pins the geometry
        display.setScreen(target)
        display.setGeometry(target.geometry())
        display.setWindowState(Qt.WindowState.WindowFullScreen)
        display.show()  # not showFullScreen(): it would also ask to activate the window
        log.info("customer display on screen %r", target.name())

    def _create(self) -> CustomerDisplay:
        from hpos.ui.customer.view import CustomerDisplay  # with the QR code: only when shown

        settings = self._settings
        display = CustomerDisplay(
            shop_name=settings.shop_name if settings else "",
            expiry_seconds=float(settings.expiry_minutes * 60) if settings else 900.0,
            focus_owner=self._window,
            clock=self._clock,
        )
        display.set_test_mode(self._test)
        if self._cashier is not None:
            display.follow(self._cashier.current_page(), self._cashier.current_sale())
        return display

    def _alive(self) -> bool:
        """False while Python tears this object down (a signal may still reach a slot then)."""
        return "_closed" in self.__dict__ and not self._closed

    def close(self) -> None:
        """Close the display for good (the main window is closing)."""
        if not self._closed:
            self._closed = True
            app = QGuiApplication.instance()
            app.screenAdded.disconnect(self._screen_added)
            app.screenRemoved.disconnect(self._screen_removed)
        self._cashier = None
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()
            self.display = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The cashier's window is shown: follow its screen from now on."""
        # Qt may still deliver events while Python tears this object down (window closing).
        window = self.__dict__.get("_window")
        if window is not None and watched is window and event.type() == QEvent.Type.Show:
            self._watch_screen()
            self._cashier_moved()
        return False

    def _watch_screen(self) -> None:
        handle = self._window.windowHandle()  # exists once the window was shown
        if handle is not None and not self._watching_screen:
            self._watching_screen = True
            handle.screenChanged.connect(self._cashier_moved)

    @Slot()
    def _cashier_moved(self) -> None:
        if not self._alive():
            return
        own = self._window.screen()
        if own is not None and own.name() != self._cashier_screen:
            QTimer.singleShot(0, self, self.place)

    @Slot()
    def _cashier_destroyed(self) -> None:
        if not self._alive():
            return
        if self._cashier is not None and not isValid(self._cashier):
            self._cashier = None
            self.place()  # no cashier screen: no customer display

    @Slot(str)
    def _page_changed(self, page: str) -> None:
        if not self._alive():
            return
        if self.display is not None and self._cashier is not None and isValid(self._cashier):
            self.display.follow(page, self._cashier.current_sale())

    @Slot(object)
    def _ready(self, token: Any) -> None:
        if not self._alive():
            return
        self._test = str(token.mode).upper() == "TEST"
        if self.display is not None:
            self.display.set_test_mode(self._test)

    @Slot(QScreen)
    def _screen_added(self, _screen: QScreen) -> None:
        if not self._alive():
            return
        QTimer.singleShot(0, self, self.place)

    @Slot(QScreen)
    def _screen_removed(self, screen: QScreen) -> None:
        if not self._alive():
            return
        self.place(removed=screen)
