"""The message boxes the features open: a Yes/No question and a non-blocking warning.

:func:`ask_yes_no` is modal and answers No unless Yes is chosen (Enter or Esc never
confirms by accident); :func:`open_warning` shows and returns at once, and the box is
deleted once closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """A modal Yes/No question (No by default); True for Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_warning(parent: QWidget | None, title: str, message: str) -> None:
    """A non-blocking warning box, deleted once closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
