"""Help → About and Help → Open log folder.

:class:`AboutDialog` shows what support asks for first: HPOS's version, the Qt,
PySide6 and Python versions, the system, and where the profile, the data (the
journal) and the log file are. Every value is selectable, and **Copy** puts the
whole list on the clipboard as plain text. **Third-party notices** opens
THIRD-PARTY-NOTICES.txt, which the build writes into the app (packaging/notices.py:
the licences of Qt, PySide6 and everything else bundled); when HPOS runs from its
source code there is none, and the button says so. Nothing here reads the disk:
the paths come from the profile object and the versions from loaded modules.

:func:`open_log_folder` asks the desktop to open the log folder in its file
manager; when it cannot, it says so in a message that shows the path.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hpos import __version__
from hpos.profile.profile import Profile
from hpos.resources.paths import resource_path
from hpos.ui.i18n import Retranslatable

#: The facts shown, in order: key and English label (translated in the dialog).
FACTS = (
    ("version", QT_TRANSLATE_NOOP("AboutDialog", "HPOS version")),
    ("qt", QT_TRANSLATE_NOOP("AboutDialog", "Qt version")),
    ("pyside", QT_TRANSLATE_NOOP("AboutDialog", "PySide6 version")),
    ("python", QT_TRANSLATE_NOOP("AboutDialog", "Python version")),
    ("system", QT_TRANSLATE_NOOP("AboutDialog", "System")),
    ("profile", QT_TRANSLATE_NOOP("AboutDialog", "Profile folder")),
    ("data", QT_TRANSLATE_NOOP("AboutDialog", "Data folder")),
    ("log", QT_TRANSLATE_NOOP("AboutDialog", "Log file")),
)

UrlOpener = Callable[[QUrl], bool]
#: The file packaging/notices.py writes into the built app, next to the shipped resources.
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"


def shipped_notices() -> Path | None:
    """Where the built app keeps its third-party notices; None when running from source."""
    return resource_path(NOTICES_FILE) if getattr(sys, "frozen", False) else None


def pyside_version() -> str:
    """PySide6's version (from QtCore: the package itself may carry no ``__version__``)."""
    return str(getattr(QtCore, "__version__", "?"))


def about_values(profile: Profile, log_path: Path) -> dict[str, str]:
    """The values the dialog shows, by :data:`FACTS` key (no disk access)."""
    return {
        "version": __version__,
        "qt": qVersion(),
        "pyside": pyside_version(),
        "python": f"{platform.python_version()} ({sys.implementation.name})",
        "system": f"{platform.system()} {platform.release()} {platform.machine()}".strip(),
        "profile": str(profile.config_dir),
        "data": str(profile.data_dir),
        "log": str(log_path),
    }


class AboutDialog(Retranslatable, QDialog):
    """Versions and paths, selectable, with Copy and Open log folder."""

    def __init__(
        self,
        profile: Profile,
        log_path: Path,
        *,
        opener: UrlOpener | None = None,
        notices: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.notices_path = notices if notices is not None else shipped_notices()
        self._opener = opener
        self.message: QMessageBox | None = None  # "could not open the log folder"
        self.values = about_values(profile, log_path)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size:18px; font-weight:bold;")
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.value_labels: dict[str, QLabel] = {}
        for key, _english in FACTS:
            value = QLabel(self.values[key])
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            value.setWordWrap(True)
            label = QLabel()
            label.setBuddy(value)
            self.labels[key] = label
            self.value_labels[key] = value
            form.addRow(label, value)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_log_folder)
        self.notices_button = QPushButton()
        self.notices_button.setEnabled(self.notices_path is not None)
        self.notices_button.clicked.connect(self.open_notices)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.notices_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copied_label = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(self.copied_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        """Every static text in the current language."""
        self.setWindowTitle(self.tr("About HPOS"))
        self.title_label.setText(self.tr("HPOS {version}").format(version=__version__))
        for key, english in FACTS:
            label = QCoreApplication.translate("AboutDialog", english)
            self.labels[key].setText(label + ":")
            self.value_labels[key].setAccessibleName(label)
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy these details to the clipboard"))
        self.folder_button.setText(self.tr("Open &log folder"))
        self.notices_button.setText(self.tr("Third-party &notices"))
        self.notices_button.setToolTip(
            self.tr("The licences of the software HPOS is built with (Qt, PySide6, Python...)")
            if self.notices_path is not None
            else self.tr("Written when HPOS is built: this copy runs from its source code.")
        )
        self.copied_label.setText("")

    def text(self) -> str:
        """The details as plain text, one "label: value" a line."""
        lines = [self.title_label.text()]
        lines += [f"{self.labels[key].text()} {self.values[key]}" for key, _ in FACTS]
        return "\n".join(lines)

    @Slot()
    def copy(self) -> None:
        """Put :meth:`text` on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())
        self.copied_label.setText(self.tr("Copied to the clipboard."))

    @Slot()
    def open_log_folder(self) -> None:
        """Open the log file's folder in the file manager."""
        self.message = open_log_folder(self.log_path.parent, parent=self, opener=self._opener)

    @Slot()
    def open_notices(self) -> None:
        """Open THIRD-PARTY-NOTICES.txt with the desktop's text viewer."""
        if self.notices_path is None:
            return
        text = QCoreApplication.translate(
            "AboutDialog", "The third-party notices could not be opened. They are here: {path}"
        )
        title = QCoreApplication.translate("AboutDialog", "Third-party notices")
        self.message = _open_or_say_where(
            self.notices_path, title, text, parent=self, opener=self._opener
        )


def _default_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def open_log_folder(
    folder: Path, *, parent: QWidget | None = None, opener: UrlOpener | None = None
) -> QMessageBox | None:
    """Ask the desktop to show ``folder``; when it cannot, a message with the path (returned:
    keep a reference when ``parent`` is None)."""
    title = QCoreApplication.translate("AboutDialog", "Log folder")
    text = QCoreApplication.translate(
        "AboutDialog", "The log folder could not be opened. It is here: {path}"
    )
    return _open_or_say_where(folder, title, text, parent=parent, opener=opener)


def _open_or_say_where(
    path: Path,
    title: str,
    text: str,
    *,
    parent: QWidget | None = None,
    opener: UrlOpener | None = None,
) -> QMessageBox | None:
    """Ask the desktop to open ``path``; when it cannot, a warning ``text`` with ``{path}``."""
    url = QUrl.fromLocalFile(str(path))
    if (opener or _default_opener)(url):
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text.format(path=str(path)))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
