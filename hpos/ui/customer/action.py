"""View → Customer display (Ctrl+Shift+D): the action, built with the window's menus.

The window builds it before its first paint, so the menu entry and the shortcut are
there from the start; :class:`~hpos.ui.customer.display.CustomerDisplayManager`, built
right after the first paint (its module is not needed before), keeps it checked while
the display shows and is what a trigger asks to close or open the display again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

#: The action's object name: F1 finds its sentence by it.
ACTION_NAME = "customerDisplayAction"


def display_action(window: QWidget) -> QAction:
    """A checkable View → Customer display action on ``window`` (Ctrl+Shift+D), with its texts."""
    action = QAction(window)
    action.setObjectName(ACTION_NAME)
    action.setCheckable(True)
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    window.addAction(action)
    retranslate_action(action)
    return action


def retranslate_action(action: QAction) -> None:
    """The action's texts, in the current language."""
    action.setText(QCoreApplication.translate("CustomerDisplayManager", "&Customer display"))
    action.setToolTip(
        QCoreApplication.translate(
            "CustomerDisplayManager", "Close the customer display, or open it again"
        )
    )
