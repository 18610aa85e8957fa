"""The main window's chrome: the File / View / Help menus, the TEST MODE banner, the DEMO bar.

:class:`WindowMenus` builds the menus on a :class:`~PySide6.QtWidgets.QMainWindow`
and calls the window's own slots (settings, print, quit, history, refresh, about,
log folder); the keyboard's F1 and F3 actions join the View and Help menus so the
menus list every window shortcut (and F1 lists the menus' shortcuts from these actions).
:class:`DemoBar` is the blue strip of the demo, with "Simulate customer payment" (and,
when the sandbox moved since last time, that old QR codes no longer open). Each has
``retranslate()``; the window calls it when the language changes (the texts keep the
``MainWindow`` translation context they had when the window built them itself).
:class:`HelpActions` opens About and the log folder; :func:`fit_to_screen` sizes the
window. No state of the sale lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hpos.logging_setup import current_file_logging, log_file_path

if TYPE_CHECKING:
    from hpos.demo import Demo
    from hpos.profile.profile import Profile
    from hpos.ui.mainwindow.about import AboutDialog

Slot0 = Callable[[], object]


class WindowMenus(QObject):
    """File (settings, print, quit), View (history, refresh, last QR), Help (F1, about, log)."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        settings: Slot0,
        print_receipt: Slot0,
        history: Slot0,
        refresh: Slot0,
        about: Slot0,
        log_folder: Slot0,
        extra_view: tuple[QAction, ...] = (),
        extra_help: tuple[QAction, ...] = (),
        quit: Slot0 | None = None,  # File → Quit (default: close the window)
    ) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings = self._action(window, settings, QKeySequence("Ctrl+,"), "settingsAction")
        self.print_receipt = self._action(
            window, print_receipt, QKeySequence.StandardKey.Print, "printAction"
        )
        self.quit = self._action(window, quit or window.close, name="quitAction")
        # the platform's Quit keys; Ctrl+Q where it has none (Windows, a bare X11 or offscreen)
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        self.quit.setShortcuts(quit_keys or [QKeySequence("Ctrl+Q")])
        self.file_menu.addActions([self.settings, self.print_receipt, self.quit])
        self.view_menu = bar.addMenu("")
        self.history = self._action(window, history, QKeySequence("F2"), "historyAction")
        self.refresh = self._action(window, refresh, QKeySequence("F5"), "refreshAction")
        self.view_menu.addActions([self.history, self.refresh, *extra_view])
        self.help_menu = bar.addMenu("")
        self.about = self._action(window, about)
        self.log_folder = self._action(window, log_folder)
        self.help_menu.addActions([*extra_help, self.about, self.log_folder])
        self.retranslate()

    @staticmethod
    def _action(
        window: QMainWindow,
        slot: Slot0,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(window)
        action.setObjectName(name)  # F1 finds its sentence for the action by this name
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        """Menu titles and action texts in the UI language."""
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.settings.setText(QCoreApplication.translate("MainWindow", "&Settings…"))
        self.print_receipt.setText(QCoreApplication.translate("MainWindow", "&Print receipt…"))
        self.quit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.history.setText(QCoreApplication.translate("MainWindow", "&History"))
        self.refresh.setText(QCoreApplication.translate("MainWindow", "&Refresh"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.about.setText(QCoreApplication.translate("MainWindow", "&About HPOS"))
        self.log_folder.setText(QCoreApplication.translate("MainWindow", "Open &log folder"))


def fit_to_screen(
    window: QWidget,
    preferred: tuple[int, int],
    minimum: tuple[int, int],
    frame: tuple[int, int] = (0, 0),
) -> None:
    """The preferred size, but never larger than the screen's free area (1024×600 counters),
    less ``frame`` (room for a window's frame and title bar, px)."""
    width, height = preferred
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - frame[0])
        height = min(height, free.height() - frame[1])
    window.resize(max(width, minimum[0]), max(height, minimum[1]))


def banner(colour: str) -> QLabel:
    """A full-width bold white-on-colour strip (the TEST MODE banner)."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(
        f"background:{colour}; color:white; font-weight:bold; font-size:16px; padding:6px;"
    )
    return label


def set_banner_text(label: QLabel, text: str) -> None:
    """The banner's text, also its accessible name (a screen reader reads it)."""
    label.setText(text)
    label.setAccessibleName(text)


class DemoBar(QWidget):
    """The demo's strip: what the demo is, where a phone reaches it, and "Simulate customer
    payment"; under it, when the sandbox moved since last time and sales wait, that their QR
    codes no longer open."""

    def __init__(
        self, simulate: Slot0, parent: QWidget | None = None, *, demo: Demo | None = None
    ) -> None:
        super().__init__(parent)
        self._demo = demo
        # a QWidget subclass paints a style sheet's background only when asked to
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("background:#0d47a1; color:white;")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.text = QLabel()
        self.text.setStyleSheet("font-weight:bold;")
        texts.addWidget(self.text)
        #: "The sandbox moved…": shown when waiting sales' QR codes no longer open.
        self.moved = QLabel()
        self.moved.setWordWrap(True)
        self.moved.setStyleSheet("color:#ffe082;")  # amber on the blue: a warning, still legible
        texts.addWidget(self.moved)
        row.addLayout(texts, 1)
        self.simulate = QPushButton()
        self.simulate.setEnabled(False)
        self.simulate.clicked.connect(simulate)
        row.addWidget(self.simulate)
        self.show_demo(demo)

    def show_demo(self, demo: Demo | None) -> None:
        """The demo running now (its LAN address, whether its links moved), or None."""
        self._demo = demo
        self.moved.setVisible(demo is not None and demo.moved is not None)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the UI language."""
        text = QCoreApplication.translate(
            "MainWindow", "DEMO — a local HPAY sandbox plays the bank and the customer."
        )
        lan_url = self._demo.lan_url if self._demo is not None else None
        if lan_url:
            host = lan_url.split("://", 1)[-1]
            text += " " + QCoreApplication.translate(
                "MainWindow", "Phones on this network can pay the QR ({address})."
            ).format(address=host)
        self.text.setText(text)
        self.moved.setText(
            QCoreApplication.translate(
                "MainWindow",
                "The sandbox moved to a new address: the QR codes of sales made before no longer"
                " open. Use Simulate customer payment to pay a waiting sale.",
            )
        )
        self.simulate.setText(QCoreApplication.translate("MainWindow", "Simulate customer payment"))
        self.simulate.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Simulate customer payment")
        )


class HelpActions(QObject):
    """Help → About (one dialog at a time) and Help → Open log folder, for the window.

    :mod:`hpos.ui.mainwindow.about` is imported on first use, not before the window's first paint.
    """

    def __init__(self, window: QMainWindow, profile: Callable[[], Profile]) -> None:
        super().__init__(window)
        self._window = window
        self._profile = profile  # the demo swaps the window's profile
        self.dialog: AboutDialog | None = None

    def log_path(self) -> Path:
        """The log file in use (else where this profile's log file goes)."""
        installed = current_file_logging()
        return installed.path if installed is not None else log_file_path(self._profile().log_dir)

    @Slot()
    def show_about(self) -> None:
        """Help → About: versions and paths, selectable, with Copy; replaces one already open."""
        # imported on first use: the About dialog loads when it opens (keeps start-up fast)
        from hpos.ui.mainwindow.about import AboutDialog

        if self.dialog is not None:
            self.dialog.close()
        dialog = self.dialog = AboutDialog(self._profile(), self.log_path(), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._gone)
        dialog.open()

    @Slot()
    def _gone(self) -> None:
        self.dialog = None

    @Slot()
    def open_log_folder(self) -> None:
        """Help → Open log folder: the folder of the log file, in the file manager."""
        # imported on first use: the About module loads when needed (keeps start-up fast)
        from hpos.ui.mainwindow.about import open_log_folder

        open_log_folder(self.log_path().parent, parent=self._window)  # a failure: a message
