"""A sandbox in a process of its own, holding many payments: HPAY as the app meets it.

The real HPAY answers from another machine; a sandbox inside the benchmark's
process answers from threads that share the app's interpreter lock, so its own
Python work (filtering and sorting 10,000 payments for every page) shows up as
pauses of the app's GUI thread that production would never have. Benchmarks
that measure the app's pauses while talking to HPAY use this one.

``python -m benchmarks._remote_sandbox PAYMENTS`` starts a sandbox on a free
loopback port, creates PAYMENTS payments of the demo account (two in three
paid), prints ``URL <base url>`` and serves until its standard input closes.
:class:`RemoteSandbox` runs it and stops it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from hpos.sandbox.accounts import DEMO_ACCOUNT

ROOT = Path(__file__).resolve().parents[1]
#: How long the child may take to fill its payments and say where it listens (s).
START_TIMEOUT = 120.0


def fill(server: Any, payments: int) -> None:
    """``payments`` payments of the demo account, created straight in the sandbox's state."""
    state = server.state
    token = state.get_token(
        {
            "api_key": DEMO_ACCOUNT.api_key,
            "api_public_key": DEMO_ACCOUNT.public_key,
            "api_secret_key": DEMO_ACCOUNT.secret_key,
            "mode": "TEST",
        }
    )["token"]
    for n in range(payments):
        answer = state.create_payment(
            {
                "api_key": DEMO_ACCOUNT.api_key,
                "public_key": DEMO_ACCOUNT.public_key,
                "mode": "TEST",
                "amount": 500 + 100 * (n % 300),
                "product_name": f"Article {n % 97}",
                "description": f"T9-{n:06d} bench",
                "notify_url": "https://hpay.cash/third/notify/",
                "success_url": "https://hpay.cash/third/success/",
                "cancel_url": "https://hpay.cash/third/cancel/",
                "token": token,
            }
        )
        if n % 3:
            state.mark_paid(answer["transaction_id"])


class RemoteSandbox:
    """The child process: ``url`` once started; ``close()`` (or the ``with`` block) stops it."""

    def __init__(self, payments: int, module: str = "benchmarks._remote_sandbox") -> None:
        """``module``: the child to run (another one may fill the sandbox its own way; it
        prints ``URL <base url>`` the same way once filled)."""
        self.fill_s = 0.0
        started = time.perf_counter()
        self._proc = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", module, str(payments)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()  # the child prints it once every payment exists
        if not line.startswith("URL "):
            self.close()
            raise RuntimeError(f"the sandbox process did not start: {line!r}")
        self.url = line.split(maxsplit=1)[1].strip()
        self.fill_s = time.perf_counter() - started

    def close(self) -> None:
        """Close its standard input (it stops) and wait for it."""
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()

    def __enter__(self) -> RemoteSandbox:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def main(argv: list[str]) -> int:
    from hpos.sandbox.server import SandboxServer

    server = SandboxServer().start()
    try:
        fill(server, int(argv[0]))
        print(f"URL {server.url}", flush=True)
        sys.stdin.read()  # until the parent closes it (or dies)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
