"""Shared fixtures: the sandbox over real loopback HTTP, clients on it, a fresh journal, a
secret-free log.

Every log record of the whole run goes through the app's redaction into one
file; when the session ends, that file must not contain any secret key or any
token a sandbox ever issued.

No Qt here: the pure-Python tests run without it. The Qt fixtures are in the
conftests of the folders whose tests make Qt objects (see ``tests/ui/conftest.py``).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.redact import install_redaction
from hpos.sales.journal import Journal
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import SECRETS_TO_CHECK, STARTED, client_config, start_sandbox

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """While the automatic collector is off, collect between tests, on the main thread.

    The conftests of the folders whose tests make Qt objects (``tests/ui``,
    ``tests/benchmarks``, ``tests/integration``) turn it off for the rest of the run
    (:mod:`tests.helpers.gui_gc`), as the app does: Qt objects must be freed on the GUI
    thread. The collector is then the app's own (:func:`hpos.ui.gc_guard.collect_if_due`),
    found among the loaded modules: this conftest does not import Qt, and whoever turned
    the collector off has loaded it.
    """
    yield
    if not gc.isenabled():
        guard = sys.modules.get("hpos.ui.gc_guard")
        if guard is not None:
            guard.collect_if_due()


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


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A fresh journal in its own file in ``tmp_path`` on the real clock, closed after the
    test (a module that wants a fake clock or a seal defines its own ``journal``)."""
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()
