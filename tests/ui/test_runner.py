"""The UI's one threading primitive: work off the GUI thread, results back on it."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from hpos.ui.runner import Runner


def test_result_comes_back_on_the_gui_thread(qtbot: QtBot, runner: Runner) -> None:
    gui = threading.get_ident()
    ran_on: list[int] = []
    got: list[tuple[object, int]] = []

    def job() -> int:
        ran_on.append(threading.get_ident())
        return 42

    runner.submit(job, on_done=lambda value: got.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: got != [], timeout=5000)
    assert got == [(42, gui)]
    assert ran_on
    assert ran_on[0] != gui
    assert ran_on[0] in runner.worker_thread_ids()
    assert runner.pending == 0


def test_exception_goes_to_the_error_callback(qtbot: QtBot, runner: Runner) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("no luck")

    runner.submit(boom, on_done=lambda _v: pytest.fail("not done"), on_error=errors.append)
    qtbot.waitUntil(lambda: errors != [], timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_slow_job_does_not_block_the_others(qtbot: QtBot, runner: Runner) -> None:
    gate = threading.Event()
    order: list[str] = []
    runner.submit(lambda: gate.wait(5), on_done=lambda _v: order.append("slow"))
    runner.submit(lambda: "fast", on_done=order.append)
    qtbot.waitUntil(lambda: order == ["fast"], timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: order == ["fast", "slow"], timeout=5000)


def test_shutdown_runs_abort_hooks_and_is_bounded(qtbot: QtBot) -> None:
    runner = Runner(workers=2)
    release = threading.Event()
    runner.add_abort_hook(release.set)
    runner.submit(lambda: release.wait(30))
    runner.submit(lambda: release.wait(30))
    time.sleep(0.1)
    started = time.monotonic()
    assert runner.shutdown(timeout=2.0)
    assert time.monotonic() - started < 2.0
    assert runner.submit(lambda: 1) == 0, "no new work after shutdown"


def test_a_job_ending_after_its_runner_was_deleted_is_dropped_quietly(qtbot: QtBot) -> None:
    """A window closed while a job ran past shutdown's wait: the runner object is deleted
    with the window; the job's result has nobody to go to, and no error is raised."""
    runner = Runner(workers=1)
    entered, release = threading.Event(), threading.Event()

    def slow() -> int:
        entered.set()
        release.wait(30)
        return 1

    runner.submit(slow)
    assert entered.wait(5)
    worker = runner._workers[0]
    assert not runner.shutdown(timeout=0.05), "the job is still running"
    shiboken6.delete(runner)
    with qtbot.captureExceptions() as exceptions:
        release.set()
        assert worker.wait(5000), "the worker ended"
        qtbot.wait(50)  # anything it left queued is delivered (or raised) now
    assert exceptions == []
