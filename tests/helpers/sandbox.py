"""Sandboxes on a free loopback port, client configurations on them, and the secrets the
run's log must never contain (checked by the root conftest's ``run_log`` at the end)."""

from __future__ import annotations

from typing import Any

from hpos.hpay.client import ClientConfig
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT
from hpos.sandbox.server import SandboxServer

#: Every sandbox started in this run, so the log check knows their tokens.
STARTED: list[SandboxServer] = []
#: Extra values a test wants checked against the run's log (e.g. secrets it made up).
SECRETS_TO_CHECK: set[str] = {DEMO_ACCOUNT.secret_key, DEMO_CAD_ACCOUNT.secret_key}


def start_sandbox(**kwargs: Any) -> SandboxServer:
    """Start a sandbox on a free loopback port and remember it for the log check."""
    server = SandboxServer(**kwargs).start()
    STARTED.append(server)
    return server


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
