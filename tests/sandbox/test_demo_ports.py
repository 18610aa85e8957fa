"""The demo's sandbox listens where it did last time, so old QR codes still open.

``hpos --demo`` (window or terminal, with or without ``--lan``) remembers its ports in
the demo's data folder (owner-only); the next start asks for them again. When one is
taken it falls back to a free port, and says (log, terminal) that the QR codes of the
sales still waiting no longer open.
"""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from hpos.cli.demo import run_demo
from hpos.demo import SANDBOX_PORTS, MovedLinks, start_demo_sandbox
from hpos.hpay.client import HpayClient
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import STARTED, client_config

LAN = "127.0.0.2"  # a second address of this machine, as a LAN address would be


def _start(data: Path, lan_host: str | None = None) -> tuple[SandboxServer, MovedLinks | None]:
    """The demo's sandbox, remembered for the run's log check (its tokens)."""
    server, moved = start_demo_sandbox(data, lan_host=lan_host)
    STARTED.append(server)
    return server, moved


@contextmanager
def taken(url: str) -> Iterator[None]:
    """Another program listens on ``url``'s port meanwhile."""
    parts = urlsplit(url)
    with socket.socket() as blocker:
        blocker.bind((parts.hostname or "", parts.port or 0))
        blocker.listen()
        yield


def _charge(server: SandboxServer, hosts: tuple[str, ...] = ()) -> str:
    """A waiting sale on ``server``: its checkout URL."""
    config = client_config(server.url, **({"checkout_hosts": hosts} if hosts else {}))
    client = HpayClient(config)
    try:
        return client.create_payment(Decimal(900), "Tea", "waiting").checkout_url
    finally:
        client.close()


def test_two_starts_in_a_row_get_the_same_port(tmp_path: Path) -> None:
    first, moved = _start(tmp_path)
    assert moved is None
    link = _charge(first)
    first.stop()
    second, moved = _start(tmp_path)
    try:
        assert second.url == first.url
        assert moved is None
        answer = requests.get(link, timeout=10)
        assert answer.status_code == 200, "last run's QR opens"
        assert "Tea" in answer.text
    finally:
        second.stop()
    remembered = tmp_path / SANDBOX_PORTS
    assert json.loads(remembered.read_text())["port"] == urlsplit(first.url).port
    if os.name == "posix":
        assert stat.S_IMODE(remembered.stat().st_mode) == 0o600


def test_with_lan_both_ports_are_the_same_next_time(tmp_path: Path) -> None:
    first, _ = _start(tmp_path, LAN)
    link = _charge(first, (LAN,))
    first.stop()
    second, moved = _start(tmp_path, LAN)
    try:
        assert (second.url, second.lan_url) == (first.url, first.lan_url)
        assert moved is None
        assert link.startswith(f"{first.lan_url}/checkout/")
        assert requests.get(link, timeout=10).status_code == 200, "the phone's QR opens"
    finally:
        second.stop()


def test_a_taken_port_moves_the_sandbox_and_says_the_old_qr_codes_no_longer_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first, _ = _start(tmp_path)
    _charge(first)
    first.stop()
    caplog.set_level(logging.INFO, logger="hpos.demo")
    with taken(first.url):
        second, moved = _start(tmp_path)
    try:
        assert second.url != first.url
        assert moved is not None
        assert (moved.old_url, moved.new_url, moved.waiting) == (first.url, second.url, 1)
        assert "the QR codes of 1 waiting sale(s) point to " + first.url in caplog.text
        assert "Simulate customer payment still pays them" in caplog.text
    finally:
        second.stop()
    third, moved = _start(tmp_path)
    try:
        assert third.url == second.url, "the new port is the one remembered now"
        assert moved is None
    finally:
        third.stop()


def test_a_move_with_no_sale_waiting_says_nothing_about_qr_codes(tmp_path: Path) -> None:
    first, _ = _start(tmp_path)
    paid = _charge(first)
    first.mark_paid(paid.rsplit("=", 1)[-1])
    first.stop()
    with taken(first.url):
        second, moved = _start(tmp_path)
    second.stop()
    assert second.url != first.url
    assert moved is None, "a paid sale's QR is not needed any more"


def test_a_taken_lan_port_moves_the_links_and_says_so(tmp_path: Path) -> None:
    first, _ = _start(tmp_path, LAN)
    _charge(first, (LAN,))
    first.stop()
    assert first.lan_url is not None
    with taken(first.lan_url):
        second, moved = _start(tmp_path, LAN)
    second.stop()
    assert second.url == first.url, "the API keeps its port"
    assert second.lan_url != first.lan_url
    assert moved is not None
    assert (moved.old_url, moved.new_url, moved.waiting) == (first.lan_url, second.lan_url, 1)


def test_an_unreadable_ports_file_means_free_ports(tmp_path: Path) -> None:
    (tmp_path / SANDBOX_PORTS).write_text("{not json")
    server, moved = _start(tmp_path)
    server.stop()
    assert moved is None
    assert json.loads((tmp_path / SANDBOX_PORTS).read_text())["port"] == urlsplit(server.url).port


def test_the_terminal_demo_says_when_waiting_sales_qr_codes_no_longer_open(
    tmp_path: Path,
) -> None:
    """`hpos --demo --no-window` after a demo left a sale waiting, its port taken meanwhile."""
    data = tmp_path / "demo" / "data"  # the window's demo and the terminal's share it
    first, _ = _start(data)
    _charge(first)
    first.stop()
    out = io.StringIO()
    with taken(first.url):
        code = run_demo(env={}, out=out, stdin=io.StringIO(""), config_dir=tmp_path)
    assert code == 0
    text = out.getvalue()
    assert "The sandbox moved to http://127.0.0.1:" in text
    assert f"(it was at {first.url}): the QR codes of 1 sale still waiting no longer open" in text
    assert "PAID" in text, "the demo's own sale goes on as always"

    out = io.StringIO()
    assert run_demo(env={}, out=out, stdin=io.StringIO(""), config_dir=tmp_path) == 0
    assert "The sandbox moved" not in out.getvalue(), "same port as last time"
