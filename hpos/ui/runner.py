"""The one threading primitive of the UI: a Runner with a few QThread workers.

Widgets never do network, disk or sleep on the GUI thread. They hand a plain
callable to :meth:`Runner.submit`; a worker thread runs it; the result (or the
exception) comes back through a queued signal to a ``@Slot`` on the GUI thread,
which calls ``on_done(result)`` or ``on_error(exc)`` there. Jobs carry data in
and data out, never widgets.

Several workers (default 3) so that a slow history page does not hold up the
payment watcher. :meth:`shutdown` stops taking jobs, runs the abort hooks (the
HPAY transports cut their calls in flight) and waits a bounded time for the
workers, so closing the window never hangs.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass(frozen=True)
class _Job:
    id: int
    fn: Callable[[], Any]
    name: str


class _Worker(QThread):
    """Takes jobs from the shared queue until it meets ``None``."""

    def __init__(self, jobs: queue.Queue[_Job | None], runner: Runner, index: int) -> None:
        super().__init__()
        self.setObjectName(f"hpos-runner-{index}")
        self._jobs = jobs
        self._runner = runner

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            self._runner._note_thread(threading.get_ident())
            try:
                result = job.fn()
            except BaseException as exc:  # noqa: BLE001 - every failure goes to on_error
                reported = self._report(job.id, False, exc)
            else:
                reported = self._report(job.id, True, result)
                # The GUI thread has the result now. Held here until the next job, a big one (a
                # whole journal's rows) was freed on this thread then, holding the interpreter
                # lock for 30-40 ms while the GUI thread waited.
                del result
            del job
            if not reported:
                return

    def _report(self, job_id: int, ok: bool, payload: object) -> bool:
        """Hand a job's outcome to the runner; False when the runner is gone (its window was
        closed and deleted while this job ran past shutdown's wait): nobody can take it."""
        try:
            self._runner.finished.emit(job_id, ok, payload)
        except RuntimeError:  # "Signal source has been deleted"
            return False
        return True


class Runner(QObject):
    """Runs callables off the GUI thread; results come back on the GUI thread."""

    #: (job id, ok, result or exception) — emitted on a worker, delivered queued.
    finished = Signal(int, bool, object)

    def __init__(self, workers: int = 3, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._callbacks: dict[int, tuple[Done | None, Failed | None, str]] = {}
        self._ids = itertools.count(1)
        self._abort_hooks: list[Callable[[], Any]] = []
        self._worker_threads: set[int] = set()
        self._threads_lock = threading.Lock()
        self._closed = False
        self.finished.connect(self._deliver)
        self._workers = [_Worker(self._jobs, self, i) for i in range(workers)]
        for worker in self._workers:
            worker.start()

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        name: str = "",
    ) -> int:
        """Queue ``fn``; returns a job id. Ignored (returns 0) once shut down."""
        if self._closed:
            return 0
        job = _Job(next(self._ids), fn, name or getattr(fn, "__name__", "job"))
        self._callbacks[job.id] = (on_done, on_error, job.name)
        self._jobs.put(job)
        return job.id

    @property
    def pending(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return len(self._callbacks)

    def add_abort_hook(self, hook: Callable[[], Any]) -> None:
        """Something to call at shutdown that makes jobs in flight end quickly."""
        self._abort_hooks.append(hook)

    def worker_thread_ids(self) -> set[int]:
        """Python thread ids of the workers that have run a job (for tests)."""
        with self._threads_lock:
            return set(self._worker_threads)

    def _note_thread(self, ident: int) -> None:
        with self._threads_lock:
            self._worker_threads.add(ident)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        on_done, on_error, name = self._callbacks.pop(job_id, (None, None, ""))
        if self._closed:
            return
        try:
            if ok:
                if on_done is not None:
                    on_done(payload)
            elif on_error is not None:
                on_error(payload)  # type: ignore[arg-type]
            else:
                log.error("background job %s failed: %r", name, payload)
        except Exception:
            log.exception("the callback of background job %s failed", name)

    def shutdown(self, timeout: float = 1.5) -> bool:
        """Stop: drop queued jobs, abort calls in flight, wait up to ``timeout`` seconds.

        Returns True when every worker stopped in time.
        """
        if self._closed:
            return True
        self._closed = True
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        for hook in self._abort_hooks:
            try:
                hook()
            except Exception:
                log.exception("abort hook failed")
        for _ in self._workers:
            self._jobs.put(None)
        end = time.monotonic() + timeout
        stopped = True
        for worker in self._workers:
            remaining_ms = max(0, int((end - time.monotonic()) * 1000))
            if not worker.wait(remaining_ms):
                log.warning("worker %s still busy at shutdown", worker.objectName())
                stopped = False
        self._callbacks.clear()
        return stopped
