"""The manager gate's tests: a profile with the manager PIN, a wall clock moved by hand, a
shown parent window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.pin import hash_pin
from hpos.profile.profile import Profile, replace_settings
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.manager import PIN, T0, Clock


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def profile(tmp_path: Path, pin_hash: str) -> Profile:
    profile = Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), {})
    profile.save(replace_settings(profile.settings, manager_pin_hash=pin_hash))
    return profile


@pytest.fixture
def wall() -> Clock:
    return Clock(T0)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget
