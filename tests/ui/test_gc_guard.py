"""Cyclic garbage (which may hold Qt objects) is freed on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hpos.ui.gc_guard import GuiThreadCollector, collect_if_due


class _Cycle:
    """An object in a reference cycle that notes which thread frees it."""

    freed_on: list[int] = []  # noqa: RUF012 - shared record for the test

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    was_enabled = gc.isenabled()
    made = GuiThreadCollector(interval_ms=10)
    yield made
    made.stop()
    if not was_enabled:
        gc.disable()


def _churn_on_a_worker() -> list[list[int]]:
    """Allocate far past the thresholds on another thread (what a Runner worker does)."""
    kept: list[list[int]] = []

    def work() -> None:
        kept.extend([i] for i in range(gc.get_threshold()[0] * 50))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return kept


def test_collector_turns_the_automatic_collector_off(collector: GuiThreadCollector) -> None:
    assert not gc.isenabled()


def test_cycles_are_freed_on_the_gui_thread_only(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    _Cycle.freed_on.clear()
    gc.collect()
    for _ in range(5):
        _Cycle()
    kept = _churn_on_a_worker()
    assert _Cycle.freed_on == []  # the worker crossed the thresholds but freed nothing
    qtbot.waitUntil(lambda: len(_Cycle.freed_on) == 5, timeout=5000)
    assert set(_Cycle.freed_on) == {threading.get_ident()}
    del kept


def test_collect_if_due_collects_only_past_a_threshold(collector: GuiThreadCollector) -> None:
    gc.collect()
    assert collect_if_due() == 0  # nothing due right after a full collection
    _Cycle.freed_on.clear()
    _Cycle()
    keep = [[] for _ in range(gc.get_threshold()[0] + 1)]  # live containers: generation 0 is due
    assert collect_if_due() >= 1
    assert _Cycle.freed_on == [threading.get_ident()]
    del keep


def test_stop_gives_the_automatic_collector_back(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    made = GuiThreadCollector()
    made.stop()
    assert gc.isenabled()
    if not was_enabled:
        gc.disable()


def test_a_full_collection_waits_for_a_quarter_more_long_lived_objects(
    collector: GuiThreadCollector,
) -> None:
    from hpos.ui.gc_guard import _FullCollectionRule

    gc.collect()
    rule = _FullCollectionRule()
    rule.collected()
    held = len(gc.get_objects(generation=2))
    threshold = gc.get_threshold()[2]
    assert not rule.due(threshold + 1, threshold), "nothing new since the last full collection"
    keep = [[] for _ in range(held // 4 + 1000)]  # long-lived containers...
    gc.collect(1)  # ...moved to the oldest generation, as surviving young collections does
    assert not rule.due(threshold + 2, threshold), "not counted again before its turn"
    assert rule.due(2 * threshold + 1, threshold), "over a quarter more: a full collection"
    rule.collected()
    assert not rule.due(threshold + 1, threshold), "they are the new reference"
    del keep
