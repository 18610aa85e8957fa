"""Cyclic garbage is collected on the main (GUI) thread only, as in the app
(:mod:`hpos.ui.gc_guard`): the fixture of every test folder whose tests make Qt objects
(its ``conftest.py`` imports it; the root conftest does not import Qt)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import hpos.ui.gc_guard  # noqa: F401 - the root conftest's collection between tests uses it


@pytest.fixture(scope="session", autouse=True)
def gui_thread_garbage_collection() -> Iterator[None]:
    """As in the app (hpos.ui.gc_guard): cycles are collected on the main thread only.

    Otherwise a worker thread that crosses a threshold may destroy a closed test
    window's widgets off the GUI thread and crash the whole run. Once turned off,
    the automatic collector stays off to the end of the run (Qt garbage may outlive
    the tests that made it); the root conftest collects between tests meanwhile.
    """
    gc.disable()
    yield
    gc.enable()
