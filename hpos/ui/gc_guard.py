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


class _FullCollectionRule:
    """CPython's own rule for a full collection (``gcmodule.c``), which ``gc.collect(2)``
    skips: the oldest generation is collected only when the objects that reached it since
    its last collection are more than a quarter of those it held then. Without it, every
    tenth young collection would traverse every long-lived object (40-70 ms on the GUI
    thread with a 100,000-sale history loaded). Counting the oldest generation is itself
    a pass over it (~1 ms per 100,000 objects), so after a "not yet" it is counted again
    only once as many more young collections have passed."""

    def __init__(self) -> None:
        self._held: int | None = None  # objects in generation 2 after its last collection
        self._recheck_at = 0  # generation 2's count at which to count again

    def due(self, count: int, threshold: int) -> bool:
        """Whether generation 2, whose count is past its threshold, is worth collecting."""
        if count < self._recheck_at:
            return False
        now = len(gc.get_objects(generation=2))
        if self._held is None:
            self._held = now
        if now - self._held > self._held // 4:
            return True
        self._recheck_at = count + threshold
        return False

    def collected(self) -> None:
        """Generation 2 was just collected: what it holds now is the new reference."""
        self._held = len(gc.get_objects(generation=2))
        self._recheck_at = 0


_FULL = _FullCollectionRule()


def collect_if_due() -> int:
    """Collect the oldest generation whose threshold is crossed; the number freed (0 if none).

    Generation 2 also needs CPython's 25 % rule (:class:`_FullCollectionRule`); when it
    says "not yet", the younger generations are looked at as usual.
    Call it on the GUI thread only.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [gen for gen in range(3) if counts[gen] > thresholds[gen]]
    if 2 in due and not _FULL.due(counts[2], thresholds[2]):
        due.remove(2)
    if not due:
        return 0
    generation = max(due)
    freed = gc.collect(generation)
    if generation == 2:
        _FULL.collected()
    return freed


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
