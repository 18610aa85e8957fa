"""Starting the window: an unusable settings.json, ``--lang``, and no display.

The dialog about a broken settings file is answered as a user would (both buttons, with
the real modal loop); ``--lang fr`` is checked through ``run_app``, the function
``hpos`` calls; "no display" in a real ``hpos --demo`` process without DISPLAY.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hpos.profile.file import read_settings_file
from hpos.ui.display_check import display_problem
from hpos.ui.i18n import install_language
from hpos.ui.startup import EXIT_SETTINGS, BrokenSettingsDialog, open_start_profile
from tests.helpers.cli import PY
from tests.helpers.keyring import MemoryKeyring

SECRET_ENTRY = ("hpos", "profile-0123456789abcdef@api.example.com")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend, before = MemoryKeyring(), keyring.get_keyring()
    backend.entries[SECRET_ENTRY] = "the-shop-secret"
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    yield
    install_language(QApplication.instance(), "en")  # type: ignore[arg-type]


def _answer(choose_defaults: bool, seen: list[BrokenSettingsDialog]) -> None:
    """Press a button of the dialog once it is up (the modal loop is running then)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, BrokenSettingsDialog):
            QTimer.singleShot(20, press)
            return
        seen.append(box)
        (box.defaults_button if choose_defaults else box.quit_button).click()

    QTimer.singleShot(0, press)


def _broken(tmp_path: Path, content: bytes) -> Path:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "settings.json").write_bytes(content)
    return folder


def _open(folder: Path, language: str = "en") -> object:
    app = QApplication.instance()
    return open_start_profile(app, demo=False, config_dir=folder, env={}, language=language)  # type: ignore[arg-type]


def test_start_with_default_settings_keeps_the_broken_file(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring, english: None
) -> None:
    content = b"\x00\x01binary\xff\xfe"
    folder = _broken(tmp_path, content)
    seen: list[BrokenSettingsDialog] = []
    _answer(True, seen)
    opened = _open(folder)
    assert seen, "the dialog was shown"
    box = seen[0]
    assert (
        box.text()
        == "HPOS cannot use its settings file settings.json. It is not text (binary data)."
    )
    info = box.informativeText()
    assert str(folder / "settings.json") in info
    assert f"kept as {box.backup.name} in the same folder" in info
    assert box.backup.name.startswith("settings.json.broken-")
    assert box.defaultButton() is box.quit_button
    assert box.escapeButton() is box.quit_button
    assert box.defaults_button.text() == "Start with default settings"
    # defaults load, the broken file is kept beside it, the keyring is untouched
    assert opened is not None
    _demo, profile = opened  # type: ignore[misc]
    assert profile.settings == read_settings_file(tmp_path / "nowhere.json")
    assert not (folder / "settings.json").exists()
    assert box.backup.parent == folder
    assert box.backup.read_bytes() == content
    assert memory_keyring.entries == {SECRET_ENTRY: "the-shop-secret"}


def test_quit_changes_nothing(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring, english: None
) -> None:
    content = b'{"mode": "TEST", "expiry_minutes": "fifteen"}'
    folder = _broken(tmp_path, content)
    seen: list[BrokenSettingsDialog] = []
    _answer(False, seen)
    assert _open(folder) is None
    assert "The setting “expiry_minutes” has a value" in seen[0].text()
    assert (folder / "settings.json").read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == ["settings.json"]
    assert memory_keyring.entries == {SECRET_ENTRY: "the-shop-secret"}


@pytest.mark.parametrize(
    ("content", "english_problem"),
    [
        (b"garbage", "It is not valid JSON at line 1."),
        (b'{\n"mode":\n', "It is not valid JSON at line 3."),
        (b"[1, 2]", "It is not a settings object."),
        (b"   \n", "It is empty."),
    ],
)
def test_each_problem_is_said(
    qtbot: QtBot, tmp_path: Path, content: bytes, english_problem: str, english: None
) -> None:
    seen: list[BrokenSettingsDialog] = []
    _answer(False, seen)
    assert _open(_broken(tmp_path, content)) is None
    assert seen[0].text().endswith(english_problem)


def test_the_dialog_speaks_french(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    seen: list[BrokenSettingsDialog] = []
    _answer(False, seen)
    assert _open(_broken(tmp_path, b"\x00"), language="fr") is None
    box = seen[0]
    assert box.quit_button.text() == "Quitter"
    assert box.defaults_button.text() == "Démarrer avec les réglages par défaut"
    assert "binaire" in box.text()


def test_the_demo_asks_too_and_starts_no_sandbox_before(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    demo_folder = tmp_path / "demo"
    demo_folder.mkdir()
    (demo_folder / "settings.json").write_text("{oops")
    seen: list[BrokenSettingsDialog] = []
    _answer(True, seen)
    app = QApplication.instance()
    opened = open_start_profile(app, demo=True, config_dir=tmp_path, env={}, language="en")  # type: ignore[arg-type]
    assert seen
    assert opened is not None
    demo, profile = opened
    try:
        assert demo is not None
        assert profile.settings.till_name == "DEMO"
        assert list(demo_folder.glob("settings.json.broken-*"))
    finally:
        demo.server.stop()  # type: ignore[union-attr]


LANG_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from hpos.ui.app import run_app
from hpos.ui.mainwindow.window import MainWindow

def look():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(20, look)
        return
    print("simulate=" + windows[0]._demo_bar.simulate.text())
    print("title=" + windows[0].windowTitle())
    windows[0].close_now()

policy = Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
QApplication.setHighDpiScaleFactorRoundingPolicy(policy)  # as run_app sets it
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, look)
QTimer.singleShot(30_000, app.quit)
sys.exit(run_app(demo=True, config_dir=Path(sys.argv[1]), env={}, language=sys.argv[2]))
"""


@pytest.mark.parametrize(
    ("language", "simulate"),
    [("fr", "Simuler le paiement du client"), ("en", "Simulate customer payment")],
)
def test_lang_picks_the_window_language(tmp_path: Path, language: str, simulate: str) -> None:
    """`hpos --demo --lang fr`: run_app(language=...) opens the window in that language,
    whatever the saved setting, which it leaves as it was (this run only)."""
    saved = "en" if language == "fr" else "fr"
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "settings.json").write_text(f'{{"language": "{saved}"}}')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [PY, "-c", LANG_SCRIPT, str(tmp_path), language],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"simulate={simulate}" in done.stdout.splitlines()
    assert read_settings_file(tmp_path / "demo" / "settings.json").language == saved


def test_no_display_is_said_before_qt_aborts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["HPOS_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run(
        [PY, "-m", "hpos", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_SETTINGS == 2
    assert done.stderr.strip() == (
        "hpos: no display found (DISPLAY is not set). Use `hpos --demo --no-window` to take a"
        " sale in the terminal, or set QT_QPA_PLATFORM=offscreen."
    )
    assert not (tmp_path / "demo").exists(), "no sandbox, no demo profile"


def test_bad_lang_is_a_usage_error() -> None:
    done = subprocess.run(
        [PY, "-m", "hpos", "--lang", "xx"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert "argument --lang: invalid choice: 'xx' (choose from 'en', 'fr')" in done.stderr


def test_missing_xcb_library_names_its_package() -> None:
    missing = {"libxcb-cursor.so.0"}
    said = display_problem(
        {"DISPLAY": ":0"}, demo=True, platform="linux", loads=lambda name: name not in missing
    )
    assert said == (
        "hpos: the window cannot open: Qt's X11 plugin needs the system package libxcb-cursor0"
        " (e.g. `sudo apt install libxcb-cursor0`)."
    )
    everything = {"DISPLAY": ":0"}
    assert display_problem(everything, demo=True, platform="linux", loads=lambda _n: True) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, demo=True, platform="linux") is None
    assert display_problem({}, demo=False, platform="win32") is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(wayland, demo=True, platform="linux") is None
