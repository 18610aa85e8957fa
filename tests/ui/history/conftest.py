"""The long journal of the history tests: built once per module by the journal benchmark's
generator, a fresh copy for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
