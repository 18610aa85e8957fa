"""The dialogs the features open: a Yes/No question, a non-blocking warning, a file dialog.

:func:`ask_yes_no` is modal and answers No unless Yes is chosen (Enter or Esc never
confirms by accident); :func:`open_warning` shows and returns at once, and the box is
deleted once closed; :func:`ask_file` opens a window-modal file dialog in the folder used
last and remembers the folder of the file chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from hpos.ui.folders import FolderMemory


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


def ask_file(
    parent: QWidget | None,
    folders: FolderMemory,
    config_dir: Path | None,
    title: str,
    file_name: str,
    kinds: str,
    then: Callable[[Path], None],
    *,
    native: bool,
    save: bool = True,
    opened: Callable[[Any], None],
) -> None:
    """A window-modal file dialog (save, else open an existing file) in the folder used last;
    the chosen file's folder is remembered for the next dialog, then ``then(path)``.

    ``opened`` is told the dialog once it is open, and None once it is closed.
    """

    def open_dialog(folder: Path) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: its types cost start-up time

        start = str(folder / file_name) if file_name else str(folder)
        dialog = QFileDialog(parent, title, start, kinds)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not native)
        dialog.fileSelected.connect(lambda path: chosen(Path(path)))
        dialog.finished.connect(lambda _result: opened(None))
        opened(dialog)
        dialog.open()

    def chosen(path: Path) -> None:
        folders.remember(config_dir, path.parent)  # the next dialog starts there
        then(path)

    folders.ask(config_dir, open_dialog)
