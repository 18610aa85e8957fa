"""Starting the window: ``hpos`` (the saved profile) and ``hpos --demo`` (the sandbox).

``run_app`` builds the QApplication and the main window and returns the exit
code. The demo starts the built-in HPAY sandbox on a free loopback port, with
its state and journal in a separate demo profile and the public demo keys kept
in memory only: the shop's real profile and keyring are never touched. Network
and journal work start in the background once the window is up.

Before Qt starts, :mod:`hpos.ui.display_check` says why a window cannot open here (no
display, a missing system library) rather than letting Qt abort; before the window opens,
an unusable ``settings.json`` is asked about (:mod:`hpos.ui.startup`). Then the crash
handler (:mod:`hpos.ui.crash`) takes over ``sys.excepthook`` and ``threading.excepthook``.
The log file in the profile's log folder (:mod:`hpos.logging_setup`) is installed right
after the window's first paint; what is logged before is held for it, in order, and a
warning or worse installs it at once. SIGTERM and SIGINT (:mod:`hpos.ui.quit_signals`)
close the window gracefully from right after the first paint too (before it, no sale
can be open: the sales service starts after it). ``HPOS_EXIT_AFTER_FIRST_PAINT``
(:mod:`hpos.ui.first_paint_exit`) quits after that paint: the release workflow's check.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from hpos import __version__
from hpos.logging_setup import (
    HeldRecords,
    current_file_logging,
    hold_records,
    install_file_logging,
    log_file_path,
    register_secrets,
)
from hpos.profile.profile import Profile
from hpos.resources.paths import resource_path
from hpos.ui.crash import CrashHandler
from hpos.ui.gc_guard import GuiThreadCollector
from hpos.ui.i18n import install_language
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.startup import EXIT_SETTINGS, open_start_profile

if TYPE_CHECKING:  # imported only when the release workflow asks for it
    from hpos.ui.first_paint_exit import FirstPaintExit

__all__ = ["run_app", "start_logging"]

log = logging.getLogger(__name__)


#: Qt logging categories kept off stderr (``QT_LOGGING_RULES`` syntax).
QUIET_QT_CATEGORIES = "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg.info=false"
#: Latest installation of the log file when the window is not painted (ms).
LOG_FALLBACK_MS = 1000


def run_app(
    *,
    demo: bool = False,
    config_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    argv: list[str] | None = None,
    language: str | None = None,
    lan_host: str | None = None,
) -> int:
    """Open the HPOS window; returns the application's exit code.

    ``language`` ("en", "fr") overrides the language setting for this run only;
    ``lan_host`` (``--demo --lan``): the demo's checkout page listens there too.
    """
    env = dict(os.environ) if env is None else env
    no_window = None if QApplication.instance() else _display_problem(demo)
    if no_window:  # said before Qt would abort the process (exit 134)
        print(no_window, file=sys.stderr)
        return EXIT_SETTINGS
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
    opened = open_start_profile(
        app, demo=demo, config_dir=config_dir, env=env, language=language, lan_host=lan_host
    )  # an unusable settings.json is asked about here, before the window
    if opened is None:
        return EXIT_SETTINGS
    running_demo, profile = opened
    install_language(app, language or profile.settings.language)  # before any widget's texts
    crash = CrashHandler(log_file_path(profile.log_dir).absolute(), parent=app)
    log_file = _LogFile(profile, env, crash, parent=app)  # held until the first paint
    crash.install()
    collector = GuiThreadCollector(app)  # Qt objects are never destroyed on a worker
    try:
        window = MainWindow(profile, demo=running_demo)
    except BaseException:
        log_file.install()  # the error (logged by the crash handler next) reaches the file
        raise
    crash.set_window(window)
    window.show()
    # SIGTERM/SIGINT close the window as Quit does, from right after the first paint
    log_file.after_first_paint(window, lambda: _catch_quit_signals(window, app))
    exit_check = _first_paint_exit(env, window)  # the release workflow's window check
    try:
        return int(app.exec())
    finally:
        if exit_check is not None:
            exit_check.write_report()
        log_file.install()  # what was held, if the window was never painted
        collector.stop()
        crash.uninstall()
        if running_demo is not None:
            running_demo.server.stop()


class _LogFile(QObject):
    """The log file, installed right after the window's first paint: its handlers and the
    redactor cost ~8 ms of start-up. Until then the records are held for it, in order; a
    warning or worse installs it at once (on the GUI thread, whichever thread logged).

    It is also the app's one hook for what else waits until right after the first paint
    (:meth:`after_first_paint`'s ``then``); the window's own parts use the window's.
    """

    _wanted = Signal()

    def __init__(
        self, profile: Profile, env: Mapping[str, str], crash: CrashHandler, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._profile, self._env, self._crash = profile, env, crash
        self._then: tuple[Callable[[], object], ...] = ()
        self._wanted.connect(self.install, Qt.ConnectionType.QueuedConnection)
        self._held: HeldRecords | None = hold_records(self._wanted.emit)
        _log_start(profile)  # the log's first line, held with the others
        QTimer.singleShot(LOG_FALLBACK_MS, self, self._painted)  # a window never painted

    def after_first_paint(self, window: QWidget, *then: Callable[[], object]) -> None:
        """Install the log file once ``window`` has been painted (and the loop is idle),
        then call each of ``then`` (once); at the latest after LOG_FALLBACK_MS."""
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)
        return False

    @Slot()
    def _painted(self) -> None:
        self.install()
        then, self._then = self._then, ()
        for action in then:
            action()

    @Slot()
    def install(self) -> None:
        """Install the log file now (once) and hand it what was held."""
        held, self._held = self._held, None
        if held is None:
            return
        records = held.release()
        self._crash.log_path = _install_log_file(self._profile, self._env)
        installed = current_file_logging()
        if self._crash.log_path is not None and installed is not None:
            for record in records:
                installed.queue_handler.handle(record)


def _display_problem(demo: bool) -> str | None:
    """Why no window can open here (no display, a missing library), before Qt would abort."""
    # imported only when no QApplication exists yet: ctypes is not needed otherwise
    from hpos.ui.display_check import display_problem

    return display_problem(os.environ, demo=demo)


def _first_paint_exit(env: Mapping[str, str], window: MainWindow) -> FirstPaintExit | None:
    """``HPOS_EXIT_AFTER_FIRST_PAINT=<report>``: quit after the first paint and report it
    (:mod:`hpos.ui.first_paint_exit`, imported only then)."""
    report = env.get("HPOS_EXIT_AFTER_FIRST_PAINT")
    if not report:
        return None
    # here: only the release workflow's check needs it (start-up speed)
    from hpos.ui.first_paint_exit import FirstPaintExit

    return FirstPaintExit(window, Path(report), window.close_now)


def _catch_quit_signals(window: MainWindow, app: QApplication) -> None:
    """SIGTERM / SIGINT close ``window`` as Quit does (no question) and the app exits 0."""
    # imported after the first paint: its socket and signal modules cost ~3 ms of start-up
    from hpos.ui.quit_signals import QuitOnSignals

    QuitOnSignals(window.close_now, parent=app).install()


def start_logging(profile: Profile, env: Mapping[str, str]) -> Path | None:
    """The rotating log file in the profile's log folder (None: it cannot be written)."""
    path = _install_log_file(profile, env)
    if path is not None:
        _log_start(profile)
    return path


def _install_log_file(profile: Profile, env: Mapping[str, str]) -> Path | None:
    effective = profile.effective()
    register_secrets((effective.api_key, effective.public_key, env.get("HPOS_SECRET_KEY")))
    try:
        return install_file_logging(profile.log_dir).path
    except OSError as exc:
        log.warning("No log file in %s: %s", profile.log_dir, exc)
        return None


def _log_start(profile: Profile) -> None:
    """The first line of a run's log: versions and profile."""
    from PySide6 import (
        QtCore,  # not hpos.ui.mainwindow.about: its dialog classes are not needed yet
    )

    log.info(
        "HPOS %s starting: Qt %s, PySide6 %s, Python %s; profile %s",
        __version__,
        QtCore.qVersion(),
        getattr(QtCore, "__version__", "?"),
        sys.version.split()[0],
        profile.config_dir,
    )
