"""The history tests' fixtures: the long journal (built once per module by the journal
benchmark's generator, a fresh copy for each test) and a bare main window at the counter's
1024×600 for the dialogs to sit on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from hpos.sales.journal import Journal


@pytest.fixture(scope="module")
def long_journal_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A journal of the test module's ``SALES`` sales (the benchmarks' generator), built once
    per module; tests use copies (:func:`long_journal`)."""
    from benchmarks.journal import build

    path = tmp_path_factory.mktemp("long-journal") / "journal.sqlite3"
    build(path, request.module.SALES)
    return path


@pytest.fixture
def long_journal(long_journal_file: Path, tmp_path: Path) -> Iterator[Journal]:
    """A copy of :func:`long_journal_file` of this test's own, open."""
    copy = tmp_path / "journal.sqlite3"
    copy.write_bytes(long_journal_file.read_bytes())
    journal = Journal(copy)
    yield journal
    journal.close()


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    """A shown, empty main window of 1024×600 (a parent for the history's dialogs)."""
    win = QMainWindow()
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    return win
