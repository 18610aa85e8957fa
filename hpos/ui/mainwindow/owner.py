"""The owner's windows: Owner → Close the day…, All tills… and Catalogue…, behind the manager PIN.

:class:`OwnerWindows` adds the Owner menu to the window (between View and Help) and opens
each of the owner's pages in its own non-modal window (a :class:`~PySide6.QtWidgets.QDialog`
of the main window, sized to fit a 1024×600 counter): :class:`~hpos.ui.owner.closing.ClosingPage`
and :class:`~hpos.ui.owner.tills.AllTillsView`, and the manager's catalogue
(:class:`~hpos.ui.catalogue.page.CataloguePage`). Each opens through the manager gate
(:meth:`~hpos.ui.mainwindow.manager.ManagerControls.run`: the PIN first when one is set and
manager mode is locked) and is closed the moment manager mode ends (Ctrl+L, 5 idle minutes).
One window of each kind: asked for again while open, it comes to the front; opened again
after it was closed, it reads its day again. Enter in them presses only a focused button,
never the page's default one: a day is not closed by an Enter typed in the day field.

The catalogue page reads the catalogue when it opens; every change it writes is told as
:attr:`OwnerWindows.catalogue_changed` (the cashier's quick keys read it again). Its prices
are in the account currency (``currency``: the sale controller's token, None until HPOS
reached HPAY).

The owner and catalogue packages are imported the first time a page is asked for, not
before the window's first paint (start-up speed). The pages get what they need as callables
read when used: the window's profile (the demo swaps it), the sales service's journal (on a
worker), a new HPAY client (made and closed on a worker), the cashier on duty. A workspace
rebuilt (settings saved, the demo started) drops the windows; the next use builds them on
the new profile. No owner menu entry has a shortcut: F1's list (every window shortcut)
already fills a 1024×600 screen, and no page is a counter's everyday task.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hpos.ui.mainwindow.chrome import fit_to_screen

if TYPE_CHECKING:
    from hpos.profile.profile import Profile
    from hpos.sales.journal import Journal
    from hpos.sales.service import SalesService
    from hpos.ui.catalogue.page import CataloguePage
    from hpos.ui.folders import FolderMemory
    from hpos.ui.mainwindow.chrome import WindowMenus
    from hpos.ui.mainwindow.manager import ManagerControls
    from hpos.ui.owner.closing import ClosingPage
    from hpos.ui.owner.tills import AllTillsView
    from hpos.ui.runner import Runner

#: An owner window's size when the screen has room (a 1024×600 till gets less), and its least.
PREFERRED_SIZE = (1000, 640)
MIN_SIZE = (640, 420)
#: Room left on the screen for the window's frame and title bar (px).
FRAME = (16, 40)
#: Who closes the day when no cashier is on duty.
MANAGER = "manager"


class OwnerWindows(QObject):
    """The Owner menu and its windows (Close the day, All tills, Catalogue) for one main window."""

    #: The catalogue page wrote the catalogue (add, edit, archive, restore, remove, import).
    catalogue_changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        *,
        runner: Runner,
        profile: Callable[[], Profile],
        service: Callable[[], SalesService | None],
        on_duty: Callable[[], str | None],
        folders: Callable[[], FolderMemory],
        manager: ManagerControls,
        menus: WindowMenus,
        currency: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._profile = profile
        self._service = service
        self._on_duty = on_duty
        self._folders = folders
        self._manager = manager
        self._currency = currency
        self.menu = QMenu(window)
        self.menu.setObjectName("ownerMenu")
        window.menuBar().insertMenu(menus.help_menu.menuAction(), self.menu)
        self.closing_action = QAction(window)
        self.closing_action.setObjectName("closeDayAction")
        self.closing_action.triggered.connect(self.open_closing)
        self.tills_action = QAction(window)
        self.tills_action.setObjectName("allTillsAction")
        self.tills_action.triggered.connect(self.open_tills)
        self.catalogue_action = QAction(window)
        self.catalogue_action.setObjectName("catalogueAction")
        self.catalogue_action.triggered.connect(self.open_catalogue)
        self.menu.addActions([self.closing_action, self.tills_action])
        self.menu.addSeparator()
        self.menu.addAction(self.catalogue_action)
        self.closing_dialog: QDialog | None = None
        self.closing_page: ClosingPage | None = None
        self.tills_dialog: QDialog | None = None
        self.tills_view: AllTillsView | None = None
        self.catalogue_dialog: QDialog | None = None
        self.catalogue_page: CataloguePage | None = None
        self.retranslate()

    # -- the menu -----------------------------------------------------------------------

    def set_available(self, available: bool) -> None:
        """The pages need a till set up for HPAY (off on the welcome panel)."""
        self.closing_action.setEnabled(available)
        self.tills_action.setEnabled(available)
        self.catalogue_action.setEnabled(available)

    @Slot()
    def open_closing(self) -> None:
        """Owner → Close the day…: as the manager, this till's day in its window."""
        self._manager.run(self._show_closing)

    @Slot()
    def open_tills(self) -> None:
        """Owner → All tills…: as the manager, every till of the account in its window."""
        self._manager.run(self._show_tills)

    @Slot()
    def open_catalogue(self) -> None:
        """Owner → Catalogue…: as the manager, the shop's items in their window."""
        self._manager.run(self._show_catalogue)

    def retranslate(self) -> None:
        """The menu's and the windows' titles in the UI language (the pages follow
        LanguageChange themselves)."""
        self.menu.setTitle(QCoreApplication.translate("MainWindow", "&Owner"))
        self.closing_action.setText(QCoreApplication.translate("MainWindow", "&Close the day…"))
        self.tills_action.setText(QCoreApplication.translate("MainWindow", "&All tills…"))
        self.catalogue_action.setText(QCoreApplication.translate("MainWindow", "Ca&talogue…"))
        if self.closing_dialog is not None:
            self.closing_dialog.setWindowTitle(_closing_title())
        if self.tills_dialog is not None:
            self.tills_dialog.setWindowTitle(_tills_title())
        if self.catalogue_dialog is not None and isValid(self.catalogue_dialog):
            self.catalogue_dialog.setWindowTitle(_catalogue_title())

    # -- the windows --------------------------------------------------------------------

    def _show_closing(self) -> None:
        self._present(self.closing_dialog, self.closing_page, self._build_closing)

    def _show_tills(self) -> None:
        self._present(self.tills_dialog, self.tills_view, self._build_tills)

    def _show_catalogue(self) -> None:
        self._present(self.catalogue_dialog, self.catalogue_page, self._build_catalogue)

    def _build_catalogue(self) -> QDialog:
        # imported on first use: the catalogue page is not needed before the first paint
        # (start-up speed)
        from hpos.ui.catalogue.page import CataloguePage

        page = self.catalogue_page = CataloguePage(
            self._runner,
            self._journal,
            currency=self._currency,
            folders=self._folders(),
            config_dir=self._profile().config_dir,
        )
        page.changed.connect(self.catalogue_changed)
        page.said.connect(self._say)
        dialog = self.catalogue_dialog = self._dialog(page, "catalogueWindow")
        dialog.setWindowTitle(_catalogue_title())
        page.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # type to find an item
        return dialog

    def _build_closing(self) -> QDialog:
        # imported on first use: the owner's pages are not needed before the first paint
        # (start-up speed)
        from hpos.ui.owner.closing import ClosingPage

        profile, service = self._profile(), self._service()
        expire_after = (
            service.watcher.policy.expire_after
            if service is not None
            else float(profile.effective().expiry_minutes * 60)
        )
        page = self.closing_page = ClosingPage(
            self._runner,
            profile,
            journal=self._journal,
            make_client=self._make_client,
            closed_by=lambda: self._on_duty() or MANAGER,
            expire_after=expire_after,
            folders=self._folders(),
        )
        page.done.connect(self._say)
        page.failed.connect(self._say)
        dialog = self.closing_dialog = self._dialog(page, "closingWindow")
        dialog.setWindowTitle(_closing_title())
        return dialog

    def _build_tills(self) -> QDialog:
        # imported on first use: the owner's pages are not needed before the first paint
        # (start-up speed)
        from hpos.ui.owner.tills import AllTillsView

        view = self.tills_view = AllTillsView(self._runner, self._make_client)
        dialog = self.tills_dialog = self._dialog(view, "allTillsWindow")
        dialog.setWindowTitle(_tills_title())
        view.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard starts on the table
        return dialog

    def _dialog(self, page: QWidget, name: str) -> QDialog:
        dialog = OwnerDialog(self._window)
        dialog.setObjectName(name)
        dialog.setSizeGripEnabled(True)
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(page)
        fit_to_screen(dialog, PREFERRED_SIZE, MIN_SIZE, FRAME)  # frame included: 1024×600 tills
        centre = self._window.geometry().center()  # over the till, not in a screen corner
        dialog.move(centre.x() - dialog.width() // 2, centre.y() - dialog.height() // 2)
        return dialog

    def _present(self, dialog: QDialog | None, page: Any, build: Callable[[], QDialog]) -> None:
        """Show ``dialog`` (or bring it to the front; ``build`` it when there is none);
        closed when manager mode ends. A dialog shown before has its ``page`` read its day
        again."""
        reread = page
        if dialog is None or not isValid(dialog):
            dialog, reread = build(), None
        if not dialog.isVisible():
            self._manager.close_on_lock(dialog)
            dialog.show()
            if reread is not None:
                reread.refresh()
        dialog.raise_()
        dialog.activateWindow()

    def close_all(self) -> None:
        """Close and drop the windows (the workspace is rebuilt: a new profile or service)."""
        for dialog in (self.closing_dialog, self.tills_dialog, self.catalogue_dialog):
            if dialog is not None and isValid(dialog):
                dialog.close()
                dialog.deleteLater()
        self.closing_dialog = self.tills_dialog = self.catalogue_dialog = None
        self.closing_page = self.tills_view = self.catalogue_page = None

    # -- what the pages are given -------------------------------------------------------

    def _journal(self) -> Journal:
        """Runs on a worker: the open sales service's journal."""
        service = self._service()
        if service is None:
            from hpos.sales.journal_db import JournalError  # on the worker, with the sales layer

            raise JournalError("it is not open yet: HPOS is still connecting to HPAY")
        return service.journal

    def _make_client(self) -> Any:
        """Runs on a worker: a new HPAY client for the window's profile (the page closes it)."""
        # imported on the worker: the client brings ``requests`` (start-up speed)
        from hpos.hpay.client import HpayClient

        return HpayClient(self._profile().client_config())

    @Slot(str)
    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10_000)


class OwnerDialog(QDialog):
    """An owner page's window: Enter presses only a button that has the keyboard focus,
    never the page's default one (a day is not closed by an Enter typed in the day field)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a focused button clicks it; elsewhere it does nothing; other keys as
        in any dialog (Esc closes the window)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)


def _closing_title() -> str:
    return QCoreApplication.translate("MainWindow", "Close the day — HPOS")


def _tills_title() -> str:
    return QCoreApplication.translate("MainWindow", "All tills — HPOS")


def _catalogue_title() -> str:
    return QCoreApplication.translate("MainWindow", "Catalogue — HPOS")
