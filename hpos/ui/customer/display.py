"""The customer-facing display: where it opens, and following the cashier screen.

:func:`choose_placement` (pure) decides from the ``customer_display`` setting:

- "off": none;
- "auto": full screen on the first screen that is not the cashier's (none with one screen);
- "window": a normal window on the cashier's screen, titled for the customer, that
  the cashier moves and sizes (e.g. towards a screen or a corner the customer faces);
- a screen name (``QScreen.name()``): full screen there, or a window when it is the
  cashier's own screen (full screen there would hide the till); none when unplugged.

When the cashier's window shows up on, or is moved to, another screen, the choice
is made again.

:class:`CustomerDisplayManager` opens the :class:`~hpos.ui.customer.view.CustomerDisplay`
accordingly, moves or closes it when the settings change and when screens are added
or removed (``QGuiApplication.screenAdded/screenRemoved``), and feeds it the cashier
screen's page changes and the account's mode (TEST banner). Its checkable
:attr:`~CustomerDisplayManager.action` (View → Customer display, Ctrl+Shift+D; the
window's own, :mod:`hpos.ui.customer.action`, built before the first paint while this
module loads after it) closes the display or opens it again (as a window when the
setting gives it no screen). The
window's position and size are saved in the profile (``customer_window``, on the
runner) whenever the cashier moves or sizes it, and it opens there next time.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from hpos.profile.profile import Profile, Settings, replace_settings
from hpos.profile.settings import DISPLAY_AUTO, DISPLAY_OFF, DISPLAY_WINDOW

if TYPE_CHECKING:
    from hpos.ui.customer.view import CustomerDisplay
    from hpos.ui.runner import Runner

__all__ = ["CustomerDisplayManager", "choose_placement", "choose_screen"]

log = logging.getLogger(__name__)

#: How the display is placed: not at all, full screen on a screen, a window.
NONE, FULL, WINDOW = "none", "full", "window"
#: Milliseconds of quiet after a move or resize before the window's place is saved.
SAVE_DELAY_MS = 400
#: The window's first size when none is remembered (shrunk to the screen).
FIRST_SIZE = (800, 480)
_FULL_FLAGS = (
    Qt.WindowType.Window
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)
_WINDOW_FLAGS = (
    Qt.WindowType.Window
    | Qt.WindowType.WindowTitleHint
    | Qt.WindowType.WindowSystemMenuHint
    | Qt.WindowType.WindowMinMaxButtonsHint
    | Qt.WindowType.WindowCloseButtonHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)


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


def choose_placement(
    setting: str, names: Sequence[str], cashier: str | None
) -> tuple[str, str | None]:
    """``(NONE | FULL | WINDOW, screen name)`` for the customer display."""
    if setting == DISPLAY_OFF:
        return NONE, None
    if setting == DISPLAY_WINDOW or (setting != DISPLAY_AUTO and setting == cashier):
        return WINDOW, cashier
    full = choose_screen(setting, names, cashier)
    return (FULL, full) if full is not None else (NONE, None)


def window_rect(saved: Sequence[int], screens: Sequence[QRect], home: QRect) -> QRect:
    """Where the window opens: where it was left when that is still on a screen, else
    :data:`FIRST_SIZE` (within the cashier's screen's free area ``home``) at its top right."""
    if len(saved) == 4:
        rect = QRect(*saved)
        if any(screen.intersects(rect) for screen in screens):
            return rect
    width, height = min(FIRST_SIZE[0], home.width()), min(FIRST_SIZE[1], home.height())
    return QRect(home.right() + 1 - width, home.top(), width, height)


class CustomerDisplayManager(QObject):
    """Opens, moves and closes the customer display; feeds it the cashier screen's pages."""

    def __init__(
        self,
        window: QWidget,
        *,
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
        clock: Callable[[], datetime] = utcnow,
        runner: Runner | None = None,
        profile: Callable[[], Profile] | None = None,
        action: QAction,  # the window's own: it triggers toggle() and words it
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner  # saves the window's place (disk: never on the GUI thread)
        self._profile = profile
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
        self._placement = NONE  # how the display is placed now
        self.user_closed = False  # the cashier closed it: not shown again until asked
        self._asked = False  # opened by the action although the setting gives it no screen
        self._placing = False  # moves made by place() itself are not the cashier's
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_place)
        #: View → Customer display (Ctrl+Shift+D): checked while the display shows.
        self.action = action
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
        if settings.customer_display != self._setting:  # a new choice: shown as chosen
            self.user_closed = self._asked = False
        self._setting = settings.customer_display
        self._test = settings.mode == "TEST"
        if self.display is not None:
            self.display.configure(settings.shop_name, float(settings.expiry_minutes * 60))
            self.display.set_test_mode(self._test)
            self.display.show_idle()
        self.place()

    def place(self, removed: QScreen | None = None) -> None:
        """Show the display as the setting says (full screen, a window), move it, or hide it."""
        if self._closed:
            return
        screens = [s for s in self.screens() if s is not removed]
        own = self._window.screen()
        self._cashier_screen = own.name() if own is not None else None
        how, name = choose_placement(
            self._setting, [s.name() for s in screens], self._cashier_screen
        )
        if how == NONE and self._asked:
            how, name = WINDOW, self._cashier_screen
        target = next((s for s in screens if s.name() == name), None)
        if target is None and how == WINDOW and screens:
            target = own if own in screens else screens[0]
        display = self.display
        if target is None or self._cashier is None or self.user_closed:
            if display is not None and display.isVisible():
                log.info("customer display closed")
                display.hide()
            self._shown(NONE)
            return
        if display is None:
            display = self.display = self._create()
        if how == WINDOW:
            self._open_window(display, target, screens)
            return
        shown_on = display.screen()
        same = shown_on is not None and shown_on.name() == target.name()
        if self._placement == FULL and display.isVisible() and same:
            return
        self._placing = True
        display.hide()
        display.setWindowFlags(_FULL_FLAGS)
        display.setWindowState(Qt.WindowState.WindowNoState)  # full screen pins the geometry
        display.setScreen(target)
        display.setGeometry(target.geometry())
        display.setWindowState(Qt.WindowState.WindowFullScreen)
        display.show()  # not showFullScreen(): it would also ask to activate the window
        self._placing = False
        self._shown(FULL)
        log.info("customer display on screen %r", target.name())

    def _open_window(self, display: CustomerDisplay, home: QScreen, screens: list[QScreen]) -> None:
        """A normal window the cashier moves and sizes, where it was left last time."""
        if self._placement == WINDOW and display.isVisible():
            return
        saved = self._settings.customer_window if self._settings is not None else ()
        rect = window_rect(
            saved, [s.availableGeometry() for s in screens], home.availableGeometry()
        )
        self._placing = True
        display.hide()
        display.setWindowState(Qt.WindowState.WindowNoState)
        display.setWindowFlags(_WINDOW_FLAGS)
        display.setScreen(home)
        display.setGeometry(rect)
        display.show()
        self._placing = False
        self._shown(WINDOW)
        log.info("customer display as a window on screen %r", home.name())

    def _shown(self, how: str) -> None:
        self._placement = how
        self.action.setChecked(how != NONE)

    @Slot(bool)
    def toggle(self, _checked: bool = False) -> None:
        """View → Customer display: close it, or open it again (a window if it has no screen)."""
        display = self.display
        if display is not None and display.isVisible():
            self._save_place()
            self.user_closed = True
            self.place()
            return
        self.user_closed = False
        self._asked = True  # with no screen from the setting: a window on the cashier's
        self.place()
        self.action.setChecked(self.display is not None and self.display.isVisible())

    def _save_place(self) -> None:
        """Remember where the window is (in the profile, written on the runner)."""
        self._save_timer.stop()
        display = self.display
        if display is None or self._placement != WINDOW or not display.isVisible():
            return
        frame = display.geometry()
        place = (frame.x(), frame.y(), frame.width(), frame.height())
        if self._settings is not None:
            if self._settings.customer_window == place:
                return
            self._settings = replace_settings(self._settings, customer_window=place)
        if self._runner is None or self._profile is None:
            return
        profile = self._profile()

        def save() -> None:
            profile.update(customer_window=place)

        def failed(exc: BaseException) -> None:
            log.warning("customer window's place not saved: %s", exc)

        self._runner.submit(save, on_error=failed, name="remember customer window")

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
        display.installEventFilter(self)  # the cashier moves, sizes or closes the window
        return display

    def _alive(self) -> bool:
        """False while Python tears this object down, or once the cashier's window is gone
        (a signal may still reach a slot then: the cashier screen is destroyed with it)."""
        window = self.__dict__.get("_window")
        return "_closed" in self.__dict__ and not self._closed and isValid(window)

    def close(self) -> None:
        """Close the display for good (the main window is closing)."""
        if not self._closed:
            self._closed = True
            app = QGuiApplication.instance()
            app.screenAdded.disconnect(self._screen_added)
            app.screenRemoved.disconnect(self._screen_removed)
        self._cashier = None
        if self.display is not None:
            self._save_place()
            self.display.removeEventFilter(self)
            self.display.close()
            self.display.deleteLater()
            self.display = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The cashier's window is shown: follow its screen from now on. The customer
        window is moved, sized or closed by the cashier: remember it."""
        # Qt may still deliver events while Python tears this object down (window closing).
        window = self.__dict__.get("_window")
        kind = event.type()
        if window is not None and watched is window:
            if kind == QEvent.Type.Show:
                self._watch_screen()
                self._cashier_moved()
        elif watched is self.__dict__.get("display") and self._alive():
            if kind in (QEvent.Type.Move, QEvent.Type.Resize):
                if self._placement == WINDOW and not self._placing:
                    self._save_timer.start()
            elif kind == QEvent.Type.Close and self._placement == WINDOW:
                self._save_place()  # the title bar's close button: closed until asked again
                self.user_closed = True
                self._shown(NONE)
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
