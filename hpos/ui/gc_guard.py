"""Cyclic garbage is collected on the GUI thread only.

Python's automatic collector runs on whichever thread happens to allocate when
a threshold is crossed: a Runner worker, the sandbox, the log writer. If the
garbage holds a Qt object that Python owns (a closed window, a dialog, a model),
its C++ destructor then runs on that thread, which Qt does not allow: the
process can crash. So the automatic collector is turned off and the same
thresholds are checked on the GUI thread by a timer (the approach of
pyqtgraph's and Anki's collectors). Reference counting, which frees almost
everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

#: How often the GUI thread looks at the collector's counts.
CHECK_INTERVAL_MS = 500


def collect_if_due() -> int:
    """Collect the oldest generation whose threshold is crossed; the number freed (0 if none).

    Call it on the GUI thread only.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    generation = -1
    for gen in range(3):
        if counts[gen] > thresholds[gen]:
            generation = gen
    return gc.collect(generation) if generation >= 0 else 0


class GuiThreadCollector(QObject):
    """Turns the automatic collector off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @Slot()
    def check(self) -> None:
        """One look at the counts (also called directly by tests)."""
        collect_if_due()

    def stop(self) -> None:
        """Back to Python's automatic collector (after the event loop ended)."""
        self._timer.stop()
        gc.enable()
