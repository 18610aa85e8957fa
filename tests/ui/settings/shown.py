"""The settings dialog as the tests open it: shown, its settings loaded, every question
answered Yes and every message dismissed."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog

WAIT = 10_000


def open_dialog(qtbot: QtBot, profile: Profile, runner: Runner, **kwargs: Any) -> SettingsDialog:
    """The settings dialog on ``profile``, shown once it has loaded (``kwargs``: the
    dialog's own, e.g. a manager gate)."""
    dialog = SettingsDialog(
        profile, runner, confirm=lambda _q: True, inform=lambda _m: None, **kwargs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    return dialog
