"""The strips above the main window's workspace: TEST MODE, the DEMO bar, the journal banner.

:class:`WindowBars` keeps them in order at the top of the window's column (TEST MODE,
DEMO, journal, then the workspace). Only the TEST MODE banner is built with the window:
the DEMO bar is built when a demo runs (at start, or "Try the demo" on the welcome panel),
the journal banner the first time the till opens its journal (after the window's first
paint). A till that needs neither never builds them: the window paints sooner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QVBoxLayout

from hpos.ui.mainwindow.chrome import DemoBar, banner, set_banner_text

if TYPE_CHECKING:
    from hpos.demo import Demo
    from hpos.ui.mainwindow.journal_banner import JournalBanner
    from hpos.ui.runner import Runner


class WindowBars(QObject):
    """The strips at the top of ``column`` (the window's central layout), above its workspace.

    ``simulate`` is the DEMO bar's "Simulate customer payment"; ``runner`` acknowledges the
    journal banner's notice in the background.
    """

    def __init__(
        self,
        column: QVBoxLayout,
        *,
        runner: Runner,
        simulate: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._column = column
        self._runner = runner
        self._simulate = simulate
        #: TEST MODE: shown whenever the account is in TEST.
        self.test = banner("#b71c1c")
        column.addWidget(self.test)
        #: The DEMO bar (None until a demo runs).
        self.demo: DemoBar | None = None
        self._journal: JournalBanner | None = None

    def show_demo(self, demo: Demo | None) -> None:
        """The DEMO bar for ``demo`` (built the first time one runs); hidden for None."""
        bar = self.demo
        if bar is None:
            if demo is None:
                return  # no demo, no bar
            bar = self.demo = DemoBar(self._simulate, demo=demo)
            self._column.insertWidget(self._column.indexOf(self.test) + 1, bar)
        else:
            bar.show_demo(demo)
        bar.setVisible(demo is not None)

    @property
    def journal(self) -> JournalBanner:
        """The banner for a lost, emptied, replaced or rolled-back journal (built now if it
        was not yet; hidden until a journal has something to say)."""
        if self._journal is None:
            # imported on first use: the till opens its journal after the first paint
            from hpos.ui.mainwindow.journal_banner import JournalBanner

            self._journal = JournalBanner(self._runner)
            above = self.demo if self.demo is not None else self.test
            self._column.insertWidget(self._column.indexOf(above) + 1, self._journal)
        return self._journal

    def clear_journal(self) -> None:
        """Forget the journal shown (its service is closing); nothing to do when never built."""
        if self._journal is not None:
            self._journal.clear()

    def retranslate(self) -> None:
        """The texts in the UI language (the journal banner follows LanguageChange itself)."""
        set_banner_text(
            self.test,
            QCoreApplication.translate(
                "MainWindow", "TEST MODE — test payments only, no real money moves"
            ),
        )
        if self.demo is not None:
            self.demo.retranslate()
