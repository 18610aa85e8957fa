"""Small Qt building blocks of the settings dialog: colours, labels, boxes, screen fit.

Nothing here knows about settings: coloured ``role`` labels (see :data:`STYLE`),
named line edits, group boxes and :func:`fit_to_screen` (the message boxes the dialog
opens are in :mod:`hpos.ui.widgets.dialogs`).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

RED = "#b3261e"
GREEN = "#1e7e34"
AMBER = "#9a5b00"
GREY = "#4d5156"

STYLE = f"""
QLabel[role="error"] {{ color: {RED}; }}
QLabel[role="note"] {{ color: {GREY}; }}
QLabel[role="warning"] {{ color: {AMBER}; font-weight: bold; }}
QLabel[role="ok"] {{ color: {GREEN}; }}
"""


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    """A line edit with an accessible name (and a placeholder, if any)."""
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def role_label(text: str, role: str) -> QLabel:
    """A word-wrapped label coloured by its ``role`` (see :data:`STYLE`)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


def group_box(title: str, form: QFormLayout) -> QGroupBox:
    """A titled box around a form whose fields take the width."""
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    box = QGroupBox(title)
    box.setLayout(form)
    return box


def row_layout(*widgets: QWidget) -> QHBoxLayout:
    """A margin-less row; line edits take the room left."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return row


def fit_to_screen(widget: QWidget) -> None:
    """Shrink a window to its screen's available room (1024×600 included)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(widget.width(), room.width() - 24)
        height = min(widget.height(), room.height() - 48)
        if (width, height) != (widget.width(), widget.height()):
            widget.resize(width, height)
