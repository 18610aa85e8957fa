"""The window without HPAY keys, and the demo: the welcome panel, "Try the demo", the
sandbox's customer paying.

:class:`DemoMode` is a mixin of :class:`~hpos.ui.mainwindow.window.MainWindow` (it uses
the window's stack, bars, status line, runner and wiring, set up in its ``__init__``): a
profile without HPAY keys starts on the welcome panel (:mod:`hpos.ui.mainwindow.welcome`);
its "Try the demo" starts the built-in sandbox with a separate demo profile in this
window (:func:`hpos.demo.start_demo`, on the runner: it binds ports and reads its
state); the DEMO bar's "Simulate customer payment" has the sandbox's customer pay the
sale on screen. The welcome panel and :mod:`hpos.demo` are
imported on first use (start-up speed).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from hpos.demo import Demo
    from hpos.profile.profile import Profile
    from hpos.ui.mainwindow.bars import WindowBars
    from hpos.ui.mainwindow.return_pages import ReturnPagesWarning
    from hpos.ui.mainwindow.status import StatusLine
    from hpos.ui.mainwindow.wiring import ControllerWiring
    from hpos.ui.runner import Runner


class DemoMode:
    """The welcome panel of a till not set up, the demo started from it, its simulated payer."""

    # set up by the window's __init__
    runner: Runner
    profile: Profile
    demo: Demo | None
    _demo_starting: bool = False  # "Try the demo" is starting the sandbox on the runner
    _demo_closed: bool = False  # the window closed: a demo started now is stopped at once
    #: Demos a worker started that the window has not taken yet (stopped if it closes).
    _demo_pending: tuple[Demo, ...] = ()
    #: Guards the two above: the worker hands its demo over while the window may be closing.
    _demo_lock = threading.Lock()
    status_line: StatusLine
    return_pages: ReturnPagesWarning
    _stack: QStackedWidget
    _bars: WindowBars
    _wiring: ControllerWiring
    open_settings: Callable[[], Any]
    setWindowTitle: Callable[[str], None]
    _teardown_workspace: Callable[[], None]
    _build_workspace: Callable[[], None]

    def _show_welcome(self) -> None:
        # imported on first use: only a till not yet configured shows it (start-up speed)
        from hpos.ui.mainwindow.welcome import WelcomePanel

        self.return_pages.show_for(None)
        panel = WelcomePanel()
        panel.demo_requested.connect(self._welcome_demo)
        panel.configure_requested.connect(self.open_settings)
        self._stack.addWidget(panel)
        self._stack.setCurrentWidget(panel)
        self.status_line.say(
            lambda: QCoreApplication.translate(
                "MainWindow", "Not configured: try the demo or enter your HPAY keys."
            )
        )

    @Slot()
    def _welcome_demo(self) -> None:
        """ "Try the demo": the sandbox and a separate demo profile, in this window.

        The sandbox is started on the runner (it binds ports, reads and writes its state
        file): the window keeps painting, the button waits, and a failure is said on the
        welcome panel's status line with the panel still usable."""
        if self._demo_starting or self.demo is not None:
            return  # a second click while it starts
        self._demo_starting = True
        self._welcome_buttons(False)
        self.status_line.say(lambda: QCoreApplication.translate("MainWindow", "Starting the demo…"))
        env = dict(os.environ)

        def start() -> Demo:
            # imported on first use, on the worker: its socket module (start-up speed)
            from hpos.demo import start_demo

            demo = start_demo(env)
            with self._demo_lock:
                closed = self._demo_closed
                if not closed:
                    self._demo_pending = (*self._demo_pending, demo)
            if closed:
                demo.server.stop()  # the window closed while it started: nobody will take it
            return demo

        self.runner.submit(
            start, on_done=self._demo_started, on_error=self._demo_failed, name="start demo"
        )

    @Slot(object)
    def _demo_started(self, demo: Demo) -> None:
        self._demo_starting = False
        with self._demo_lock:
            self._demo_pending = tuple(d for d in self._demo_pending if d is not demo)
            closed = self._demo_closed
        if closed:
            demo.server.stop()  # the window closed meanwhile: nothing to show it in
            return
        self.demo = demo
        self.profile = demo.profile
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "HPOS — DEMO"))
        self._bars.show_demo(demo)
        self._teardown_workspace()
        self._build_workspace()

    @Slot(object)
    def _demo_failed(self, exc: BaseException) -> None:
        self._demo_starting = False
        self._welcome_buttons(True)
        detail = str(exc) or type(exc).__name__
        self.status_line.say(
            lambda: QCoreApplication.translate(
                "MainWindow", "The demo could not start: {reason}. Try again, or enter your keys."
            ).format(reason=detail.rstrip("."))
        )

    def stop_starting_demo(self) -> None:
        """The window closes: a demo a worker started and nobody took is stopped."""
        with self._demo_lock:
            self._demo_closed = True
            pending, self._demo_pending = self._demo_pending, ()
        for demo in pending:
            demo.server.stop()

    def _welcome_buttons(self, enabled: bool) -> None:
        panel = self._stack.currentWidget()
        for name in ("demo_button", "configure_button"):
            button = getattr(panel, name, None)
            if button is not None:
                button.setEnabled(enabled)

    @Slot()
    def simulate_payment(self) -> None:
        """Demo only: the sandbox's customer pays the sale on screen."""
        sale = self._wiring.last_awaiting
        if self.demo is None or sale is None or not sale.transaction_id:
            return
        server, txid = self.demo.server, sale.transaction_id
        self.runner.submit(lambda: server.mark_paid(txid), name="simulate payment")
