"""Starting the window: ``hpos`` (the saved profile) and ``hpos --demo`` (the sandbox).

``run_app`` builds the QApplication and the main window and returns the exit
code. The demo starts the built-in HPAY sandbox on a free loopback port, with
its state and journal in a separate demo profile and the public demo keys kept
in memory only: the shop's real profile and keyring are never touched. Network
and journal work start in the background once the window is up.

Before the window opens, the log file goes to the profile's log folder
(:mod:`hpos.logging_setup`) and the crash handler (:mod:`hpos.ui.crash`) takes
over ``sys.excepthook`` and ``threading.excepthook``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from hpos import __version__
from hpos.demo import Demo, demo_profile_dir, start_demo
from hpos.logging_setup import install_file_logging, register_secrets
from hpos.profile.profile import Profile, open_profile
from hpos.resources import resource_path
from hpos.ui.crash import CrashHandler

__all__ = ["Demo", "demo_profile_dir", "run_app", "start_demo", "start_logging"]

log = logging.getLogger(__name__)


#: Qt logging categories kept off stderr (``QT_LOGGING_RULES`` syntax).
QUIET_QT_CATEGORIES = "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg.info=false"


def run_app(
    *,
    demo: bool = False,
    config_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    argv: list[str] | None = None,
) -> int:
    """Open the HPOS window; returns the application's exit code."""
    import os

    from hpos.ui.gc_guard import GuiThreadCollector
    from hpos.ui.i18n import install_language
    from hpos.ui.mainwindow.window import MainWindow

    env = dict(os.environ) if env is None else env
    # QtMultimedia lists every codec library it probes and misses (a dozen lines per start on
    # a till without VA-API); the sound module logs the one line that matters. A user's own
    # QT_LOGGING_RULES wins.
    os.environ.setdefault("QT_LOGGING_RULES", QUIET_QT_CATEGORIES)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("HPOS")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("HPOS")
    app.setWindowIcon(QIcon(str(resource_path("icons", "hpos.png"))))
    running_demo = start_demo(env, config_dir) if demo else None
    profile = running_demo.profile if running_demo else open_profile(config_dir, env=env)
    install_language(app, profile.settings.language)  # before any widget reads its texts
    crash = CrashHandler(start_logging(profile, env), parent=app)
    crash.install()
    collector = GuiThreadCollector(app)  # Qt objects are never destroyed on a worker
    window = MainWindow(profile, demo=running_demo)
    crash.set_window(window)
    window.show()
    try:
        return int(app.exec())
    finally:
        collector.stop()
        crash.uninstall()
        if running_demo is not None:
            running_demo.server.stop()


def start_logging(profile: Profile, env: Mapping[str, str]) -> Path | None:
    """The rotating log file in the profile's log folder (None: it cannot be written)."""
    from PySide6 import (
        QtCore,  # not hpos.ui.mainwindow.about: its dialog classes are not needed yet
    )

    effective = profile.effective()
    register_secrets((effective.api_key, effective.public_key, env.get("HPOS_SECRET_KEY")))
    try:
        path = install_file_logging(profile.log_dir).path
    except OSError as exc:
        log.warning("No log file in %s: %s", profile.log_dir, exc)
        return None
    log.info(
        "HPOS %s starting: Qt %s, PySide6 %s, Python %s; profile %s",
        __version__,
        QtCore.qVersion(),
        getattr(QtCore, "__version__", "?"),
        sys.version.split()[0],
        profile.config_dir,
    )
    return path
