"""Shared fixtures: the sandbox over real loopback HTTP, clients on it, a secret-free log.

Every log record of the whole run goes through the app's redaction into one
file; when the session ends, that file must not contain any secret key or any
token a sandbox ever issued.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.redact import install_redaction
from hpos.sales.journal import Journal
from hpos.sandbox import DEMO_ACCOUNT, SandboxServer
from hpos.ui.gc_guard import collect_if_due
from tests.helpers.sandbox import SECRETS_TO_CHECK, STARTED, client_config, start_sandbox

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def gui_thread_garbage_collection() -> Iterator[None]:
    """As in the app (hpos.ui.gc_guard): cycles are collected on the main thread only.

    Otherwise a worker thread that crosses a threshold may destroy a closed test
    window's widgets off the GUI thread and crash the whole run.
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    if not gc.isenabled():
        collect_if_due()


@pytest.fixture(scope="session", autouse=True)
def run_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Log everything at DEBUG through the app's redacting filter; grep it at the end."""
    path = tmp_path_factory.mktemp("logs") / "hpos-test-run.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    install_redaction(handler)
    logger = logging.getLogger("hpos")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield path
    logger.removeHandler(handler)
    logger.setLevel(old_level)
    handler.close()
    text = path.read_text(encoding="utf-8")
    secrets = set(SECRETS_TO_CHECK)
    for server in STARTED:
        secrets.update(server.issued_tokens())
    leaked = sorted(s for s in secrets if s and s in text)
    assert not leaked, f"{len(leaked)} secret or token value(s) found in {path}"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A fresh sandbox on a free loopback port."""
    server = start_sandbox()
    yield server
    server.stop()


@pytest.fixture
def make_client(sandbox: SandboxServer) -> Iterator[Callable[..., HpayClient]]:
    """Factory of clients on the sandbox; the retry pause is skipped to keep tests fast."""
    made: list[HpayClient] = []

    def make(account: Any = DEMO_ACCOUNT, **overrides: Any) -> HpayClient:
        client = HpayClient(client_config(sandbox.url, account, **overrides), sleep=lambda _s: None)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., HpayClient]) -> HpayClient:
    """A client on the sandbox's XOF demo account."""
    return make_client()


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
