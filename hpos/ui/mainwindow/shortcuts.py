"""F1: a translucent panel over the window that lists every keyboard shortcut.

:class:`ShortcutsOverlay` covers its parent (the main window) entirely, dims it
and shows a table of keys and what they do (:func:`shortcut_rows`): the keys the screens
handle, and every action of the window with a shortcut (:func:`window_actions`: the menus'
and the window's own), its keys read from the action itself. It takes the
keyboard focus while shown, so a digit typed by mistake does not reach the
amount, and gives it back when it closes: on F1 (the window's action toggles
it), Esc, or any click. Keys are named by :func:`hpos.ui.keynames.key_name`, as
the screens' hints name them ("Enter", "Esc"; ``Ctrl+,`` on Windows and Linux,
``⌘,`` on macOS).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from hpos.ui.i18n import Retranslatable
from hpos.ui.keynames import key_name, key_names

_SHADE = QColor(0, 0, 0, 150)
_PANEL_STYLE = """
QFrame#shortcutsPanel { background: #fdfdfd; border-radius: 12px; }
QLabel { color: #1b1b1b; font-size: 16px; }
QLabel#shortcutsTitle { font-size: 22px; font-weight: bold; }
QLabel[role="key"] {
    font-weight: bold; background: #eceff1; border: 1px solid #b0bec5;
    border-radius: 5px; padding: 2px 8px;
}
QLabel#shortcutsHint { color: #4d5156; font-size: 14px; }
"""


#: F1's sentence for each window action with a shortcut, by the action's object name, in
#: the order shown (Quit comes last, after Tab and the history's search). The keys are read
#: from the actions themselves; an action not named here shows its menu text.
_ACTION_TEXTS = {
    "shortcutsAction": QT_TRANSLATE_NOOP("ShortcutsOverlay", "Show or hide this list"),
    "historyAction": QT_TRANSLATE_NOOP("ShortcutsOverlay", "History / back to the cashier"),
    "lastQrAction": QT_TRANSLATE_NOOP(
        "ShortcutsOverlay", "Show the QR code of the sale waiting for payment"
    ),
    "refreshAction": QT_TRANSLATE_NOOP(
        "ShortcutsOverlay", "Refresh the history, or check the sale on screen; the balance"
    ),
    "printAction": QT_TRANSLATE_NOOP(
        "ShortcutsOverlay", "Print the receipt of the sale shown, or of the last sale"
    ),
    "customerDisplayAction": QT_TRANSLATE_NOOP(
        "ShortcutsOverlay", "Show or close the customer display"
    ),
    "settingsAction": QT_TRANSLATE_NOOP("ShortcutsOverlay", "Settings"),
    "lockManagerAction": QT_TRANSLATE_NOOP("ShortcutsOverlay", "Lock manager mode"),
    "quitAction": QT_TRANSLATE_NOOP("ShortcutsOverlay", "Quit"),
}
_LAST = "quitAction"


def window_actions(window: QWidget) -> list[QAction]:
    """The window's actions that have a shortcut, each once: its menus' (in menu order),
    then its own (F1, F3 and the customer display are added to the window too)."""
    found: list[QAction] = []
    candidates: list[QAction] = []
    if isinstance(window, QMainWindow):
        for entry in window.menuBar().actions():
            menu = entry.menu()
            if isinstance(menu, QMenu):
                candidates.extend(menu.actions())
    candidates.extend(window.actions())
    for action in candidates:
        if not action.shortcut().isEmpty() and all(action is not seen for seen in found):
            found.append(action)
    return found


def action_keys(action: QAction) -> str:
    """An action's shortcut as the screens name keys ("Ctrl+Shift+D", "F1"): its primary
    one, as its menu shows it (Quit's second binding on X11 is the "Exit" key, no keyboard's)."""
    return key_name(action.shortcut().toString(QKeySequence.SequenceFormat.PortableText))


def _menu_text(action: QAction) -> str:
    """The menu text without its mnemonic ("&Quit" -> "Quit")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _action_text(action: QAction) -> str:
    """What F1 says an action does: its sentence, else its menu text."""
    text = _ACTION_TEXTS.get(action.objectName())
    return QCoreApplication.translate("ShortcutsOverlay", text) if text else _menu_text(action)


def _standard(key: QKeySequence.StandardKey) -> str:
    """The platform's first binding of a standard key ("" when it has none)."""
    bindings = QKeySequence.keyBindings(key)
    return key_name(bindings[0].toString()) if bindings else ""


def shortcut_rows(actions: Iterable[QAction] = ()) -> list[tuple[str, str]]:
    """Every shortcut of the window: (keys, what they do), in the current language.

    The keys the screens handle themselves (digits, Backspace, Enter, Esc, Tab, the
    history's search), then one row per action of ``actions`` (:func:`window_actions`),
    its keys read from the action, so the list cannot drift from the real shortcuts.
    """

    given = list(actions)
    known = list(_ACTION_TEXTS)
    ordered = sorted(  # known ones in F1's order, then any other (stable: their menu order)
        (a for a in given if a.objectName() != _LAST),
        key=lambda a: known.index(a.objectName()) if a.objectName() in known else len(known),
    )
    last = [a for a in given if a.objectName() == _LAST]
    rows = [
        (
            QCoreApplication.translate("ShortcutsOverlay", "0–9  ,  ."),
            QCoreApplication.translate("ShortcutsOverlay", "Type the amount"),
        ),
        (
            key_name("Backspace"),
            QCoreApplication.translate("ShortcutsOverlay", "Delete the last digit"),
        ),
        (
            key_name("Return"),
            QCoreApplication.translate(
                "ShortcutsOverlay", "Charge · new sale after PAID · open a payment in the history"
            ),
        ),
        (
            key_name("Esc"),
            QCoreApplication.translate(
                "ShortcutsOverlay", "Clear the amount · cancel the sale (asks first) · back"
            ),
        ),
        (
            key_name("F4"),
            QCoreApplication.translate(
                "ShortcutsOverlay", "Find an item by name or code · + − the selected cart line"
            ),
        ),
    ]
    rows += [(action_keys(a), _action_text(a)) for a in ordered]
    rows += [
        (
            key_names("Tab", "Shift+Tab"),
            QCoreApplication.translate("ShortcutsOverlay", "Next / previous field"),
        ),
        (
            _standard(QKeySequence.StandardKey.Find),
            QCoreApplication.translate("ShortcutsOverlay", "Search the history"),
        ),
    ]
    rows += [(action_keys(a), _action_text(a)) for a in last]
    return [(keys, action) for keys, action in rows if keys]


class ShortcutsOverlay(Retranslatable, QWidget):
    """The dimmed panel of shortcuts over ``parent``; hidden until :meth:`open`."""

    #: The overlay closed (by F1, Esc or a click).
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsOverlay")
        self._window = parent  # its menus' and its own actions are listed
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._return_focus: QWidget | None = None
        self.panel = QFrame(self)
        self.panel.setObjectName("shortcutsPanel")
        self.panel.setStyleSheet(_PANEL_STYLE)
        self.title = QLabel(self.panel)
        self.title.setObjectName("shortcutsTitle")
        self.hint = QLabel(self.panel)
        self.hint.setObjectName("shortcutsHint")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        box = QVBoxLayout(self.panel)
        box.setContentsMargins(28, 16, 28, 16)
        box.setSpacing(10)
        box.addWidget(self.title)
        box.addLayout(self._grid)
        box.addWidget(self.hint)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """The title, the rows and the hint in the current language."""
        self.title.setText(self.tr("Keyboard shortcuts"))
        hint = self.tr("{f1}, {esc} or a click closes this list.").format(
            f1=key_name("F1"), esc=key_name("Esc")
        )
        self.hint.setText(hint)
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setAccessibleDescription(hint)
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for row, (keys, action) in enumerate(shortcut_rows(window_actions(self._window))):
            key_label = QLabel(keys, self.panel)
            key_label.setProperty("role", "key")
            key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text_label = QLabel(action, self.panel)
            text_label.setWordWrap(True)
            self._grid.addWidget(key_label, row, 0)
            self._grid.addWidget(text_label, row, 1)
        self._place()

    def rows(self) -> list[tuple[str, str]]:
        """The (keys, action) texts shown, read back from the labels."""
        found: list[tuple[str, str]] = []
        for row in range(self._grid.rowCount()):
            keys = self._grid.itemAtPosition(row, 0)
            text = self._grid.itemAtPosition(row, 1)
            if keys is not None and text is not None:
                key_label, text_label = keys.widget(), text.widget()
                if isinstance(key_label, QLabel) and isinstance(text_label, QLabel):
                    found.append((key_label.text(), text_label.text()))
        return found

    # -- showing ------------------------------------------------------------------------

    def open(self) -> None:
        """Cover the window and take the keyboard focus (given back on close)."""
        if self.isVisible():
            return
        window = self.window()
        self._return_focus = window.focusWidget() if window is not None else None
        self.retranslate()  # the window's actions as they are now; placed for the window's size
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def close_overlay(self) -> None:
        """Hide, and give the keyboard focus back to where it was."""
        if not self.isVisible():
            return
        self.hide()
        target = self._return_focus
        self._return_focus = None
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.PopupFocusReason)
        self.closed.emit()

    def toggle(self) -> None:
        """F1: open when closed, close when open."""
        if self.isVisible():
            self.close_overlay()
        else:
            self.open()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        self.panel.adjustSize()
        hint = self.panel.sizeHint()
        widest = max(200, self.width() - 40)
        width = min(max(hint.width(), 560), widest)
        while width < widest and self.panel.heightForWidth(width) > self.height() - 20:
            width = min(widest, width + 40)  # wider, so that fewer rows wrap and all fit
        height = min(self.panel.heightForWidth(width), self.height() - 20)
        if height <= 0:
            height = min(hint.height(), self.height() - 20)
        self.panel.setGeometry(
            (self.width() - width) // 2, max(10, (self.height() - height) // 2), width, height
        )

    # -- events -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self._place()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_overlay()
            return
        event.accept()  # nothing reaches the window underneath while the list shows

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_overlay()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _SHADE)
        painter.end()
