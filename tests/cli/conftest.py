"""The ``cli_sandbox`` fixture: a ``hpos sandbox`` process and the environment that points the
CLI at it (:class:`tests.helpers.cli.Sandbox`)."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hpos.sandbox.accounts import DEMO_ACCOUNT
from tests.helpers.cli import PY, TIMEOUT, Sandbox


@pytest.fixture
def cli_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HPOS_", "PYTHON_KEYRING"))}
    env["HPOS_CONFIG_DIR"] = str(tmp_path / "profile")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    proc = subprocess.Popen(
        [PY, "-m", "hpos", "sandbox", "--port", "0", "--state", str(tmp_path / "state.json")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    url = ""
    printed: list[str] = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        printed.append(line)
        if match := re.search(r"Sandbox ready at (\S+)", line):
            url = match.group(1)
            break
    if not url:
        proc.kill()
        pytest.fail(f"the sandbox did not start: {''.join(printed)} {proc.stderr.read()}")
    text = "".join(printed)
    assert DEMO_ACCOUNT.api_key in text, "the sandbox prints the demo credentials"
    env.update(
        HPOS_API_URL=url,
        HPOS_API_KEY=DEMO_ACCOUNT.api_key,
        HPOS_PUBLIC_KEY=DEMO_ACCOUNT.public_key,
        HPOS_SECRET_KEY=DEMO_ACCOUNT.secret_key,
        HPOS_MODE="TEST",
    )
    yield Sandbox(proc, url, env)
    proc.terminate()
    try:
        assert proc.wait(timeout=10) == 0, "SIGTERM stops the sandbox cleanly"
    finally:
        proc.kill()
        proc.stdout.close()
        proc.stderr.close()
