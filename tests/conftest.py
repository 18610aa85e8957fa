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

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.hpay.redact import install_redaction
from hpos.sales.journal import Journal
from hpos.sales.watcher import WatchPolicy
from hpos.sandbox import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxServer
from hpos.ui.gc_guard import collect_if_due

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A watcher policy fast enough for tests that wait on real loopback HTTP.
FAST_WATCH = WatchPolicy(
    fast_interval=0.05,
    fast_period=60.0,
    max_interval=0.2,
    error_backoff_max=0.3,
    grace_period=60.0,
    grace_interval=0.1,
    reconcile_interval=0.1,
    reconcile_window=30.0,
)

#: Every sandbox started in this run, so the log check knows their tokens.
_SANDBOXES: list[SandboxServer] = []
#: Extra values a test wants checked against the run's log (e.g. secrets it made up).
SECRETS_TO_CHECK: set[str] = {DEMO_ACCOUNT.secret_key, DEMO_CAD_ACCOUNT.secret_key}


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
    for server in _SANDBOXES:
        secrets.update(server.issued_tokens())
    leaked = sorted(s for s in secrets if s and s in text)
    assert not leaked, f"{len(leaked)} secret or token value(s) found in {path}"


def start_sandbox(**kwargs: Any) -> SandboxServer:
    """Start a sandbox on a free loopback port and remember it for the log check."""
    server = SandboxServer(**kwargs).start()
    _SANDBOXES.append(server)
    return server


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A fresh sandbox on a free loopback port."""
    server = start_sandbox()
    yield server
    server.stop()


def client_config(url: str, account: Any = DEMO_ACCOUNT, **overrides: Any) -> ClientConfig:
    """A client configuration for one of the sandbox's accounts."""
    values: dict[str, Any] = {
        "base_url": url,
        "api_key": account.api_key,
        "public_key": account.public_key,
        "secret_key": account.secret_key,
        "mode": "TEST",
        "deadline": 5.0,
    }
    values.update(overrides)
    return ClientConfig(**values)


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
