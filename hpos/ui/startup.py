"""Before the window opens: the profile it runs on, and what to do when its settings are unusable.

:func:`open_start_profile` opens the shop's profile, or starts the demo (sandbox and demo
profile), and reads ``settings.json`` at once. When that file cannot be used (binary
data, not JSON, a bad value...), :class:`BrokenSettingsDialog` names the file and the
problem in the user's language and offers "Start with default settings" or "Quit"
(the default). Starting with the defaults keeps the broken file beside it as
``settings.json.broken-<date>-<time>`` (the dialog says where); the secret key in the
system keyring is left as it is. Quitting changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hpos.hpay.errors import ConfigError
from hpos.profile.file import SettingsFileError, broken_backup_path, move_aside
from hpos.profile.profile import Profile, open_profile
from hpos.ui.i18n import install_language

if TYPE_CHECKING:  # the demo (its sandbox, sockets) is imported only when asked for
    from hpos.demo import Demo

__all__ = ["EXIT_SETTINGS", "BrokenSettingsDialog", "open_start_profile", "problem_text"]

#: The window's exit code when the user quits over unusable settings (as the CLI's).
EXIT_SETTINGS = 2


def problem_text(error: SettingsFileError) -> str:
    """What is wrong with the file, in one translated sentence."""
    kind = error.kind
    if kind == SettingsFileError.KIND_BINARY:
        return QCoreApplication.translate("BrokenSettings", "It is not text (binary data).")
    if kind == SettingsFileError.KIND_EMPTY:
        return QCoreApplication.translate("BrokenSettings", "It is empty.")
    if kind == SettingsFileError.KIND_JSON and error.line is not None:
        return QCoreApplication.translate(
            "BrokenSettings", "It is not valid JSON at line {line}."
        ).format(line=error.line)
    if kind == SettingsFileError.KIND_JSON:
        return QCoreApplication.translate("BrokenSettings", "It is not valid JSON.")
    if kind == SettingsFileError.KIND_NOT_OBJECT:
        return QCoreApplication.translate("BrokenSettings", "It is not a settings object.")
    if kind == SettingsFileError.KIND_BAD_VALUE:
        return QCoreApplication.translate(
            "BrokenSettings", "The setting “{key}” has a value of the wrong type or out of range."
        ).format(key=error.key or "")
    return QCoreApplication.translate("BrokenSettings", "It cannot be read.")


class BrokenSettingsDialog(QMessageBox):
    """The settings file cannot be used: start with the defaults (file kept aside) or quit."""

    def __init__(
        self, error: SettingsFileError, backup: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.error, self.backup = error, backup
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(
            QCoreApplication.translate("BrokenSettings", "HPOS: settings cannot be read")
        )
        self.setText(
            QCoreApplication.translate(
                "BrokenSettings", "HPOS cannot use its settings file {file}."
            ).format(file=error.path.name)
            + " "
            + problem_text(error)
        )
        self.setInformativeText(
            QCoreApplication.translate(
                "BrokenSettings",
                "File: {path}\n\n"
                "Start with default settings: the broken file is kept as {backup} in the same"
                " folder, and the secret key stays in the system keyring. You will need to"
                " enter the shop's settings again.\n\n"
                "Quit: nothing is changed.",
            ).format(path=error.path, backup=backup.name)
        )
        self.defaults_button = self.addButton(
            QCoreApplication.translate("BrokenSettings", "Start with default settings"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.quit_button = self.addButton(
            QCoreApplication.translate("BrokenSettings", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.quit_button)
        self.setEscapeButton(self.quit_button)

    def chose_defaults(self) -> bool:
        """True when "Start with default settings" was pressed."""
        return self.clickedButton() is self.defaults_button


def recover_settings(error: SettingsFileError, now: datetime | None = None) -> bool:
    """Ask what to do about the unusable settings; True when the broken file was moved aside."""
    dialog = BrokenSettingsDialog(
        error, broken_backup_path(error.path, now or datetime.now().astimezone())
    )
    dialog.exec()
    if not dialog.chose_defaults():
        return False
    try:
        move_aside(error.path, dialog.backup)
    except ConfigError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("BrokenSettings", "HPOS: settings cannot be read"),
            QCoreApplication.translate(
                "BrokenSettings", "HPOS could not keep the broken settings file aside: {reason}"
            ).format(reason=str(exc)),
        )
        return False
    return True


def open_start_profile(
    app: QApplication,
    *,
    demo: bool,
    config_dir: Path | None,
    env: Mapping[str, str],
    language: str | None,
    lan_host: str | None = None,
) -> tuple[Demo | None, Profile] | None:
    """The demo (when asked) and the profile the window runs on; None when the user quits.

    The settings are read here, before any window: an unusable file asks the user
    (in ``language``, else the system's) and, when they choose the defaults, is moved
    aside and read again. ``lan_host``: the demo's checkout page listens there too.
    """
    if demo:
        from hpos.demo import start_demo  # imported only for the demo (start-up speed)
    while True:
        try:
            running_demo = start_demo(env, config_dir, lan_host=lan_host) if demo else None
            profile = running_demo.profile if running_demo else open_profile(config_dir, env=env)
            profile.settings  # noqa: B018 - read now, so an unusable file is met before any window
        except SettingsFileError as error:
            install_language(app, language or "")
            if not recover_settings(error):
                return None
        else:
            return running_demo, profile
