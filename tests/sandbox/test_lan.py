"""`hpos --demo --lan`: the checkout page, and only it, on a second (LAN) listener.

A phone on the shop's network opens the checkout link; the API, the sandbox's control
and fault paths stay on loopback (404 on the LAN listener). Without ``lan_host`` there
is no second listener and the links point to loopback.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hpos.demo import find_lan_address, start_demo
from hpos.hpay.client import HpayClient
from hpos.profile.profile import client_config_from
from hpos.sandbox.control import CONTROL_GET, CONTROL_POST
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import client_config

LAN = "127.0.0.2"  # a second address of this machine, as a LAN address would be


def _get(url: str, data: bytes | None = None) -> tuple[int, str]:
    assert url.startswith("http://")
    method = "POST" if data is not None else "GET"
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - http only
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_the_lan_listener_serves_the_checkout_page_only() -> None:
    with SandboxServer(lan_host=LAN) as server:
        assert server.lan_url is not None
        assert urlsplit(server.lan_url).hostname == LAN
        client = HpayClient(client_config(server.url, checkout_hosts=(LAN,)))
        payment = client.create_payment(Decimal(14900), "Coffee", "lan test")
        client.close()
        assert payment.checkout_url.startswith(f"{server.lan_url}/checkout/?ref=")
        status, page = _get(payment.checkout_url)
        assert status == 200
        assert "Coffee" in page
        ref = payment.transaction_id
        status, _ = _get(f"{server.lan_url}/checkout/pay", f"ref={ref}".encode())
        assert status == 303
        assert server.payment(ref).status == "PAID"  # type: ignore[union-attr]
        for path in ("/getToken/", "/payment/", "/getPaymentHistory/", "/getCollectBalance/"):
            assert _get(server.lan_url + path, b"{}")[0] == 404
        for path in CONTROL_GET:
            assert _get(server.lan_url + path)[0] == 404
        for path in CONTROL_POST:
            assert _get(server.lan_url + path, b"{}")[0] == 404
        status, body = _get(server.lan_url + "/_sandbox/pay", json.dumps({"txid": ref}).encode())
        assert status == 404
        assert "Unknown endpoint" in body
        assert _get(server.url + "/checkout/?ref=" + ref)[0] == 200  # loopback: still all


def test_without_lan_there_is_no_second_listener() -> None:
    with SandboxServer() as server:
        assert server.lan_url is None
        client = HpayClient(client_config(server.url))
        payment = client.create_payment(Decimal(500), "Tea", "")
        client.close()
        assert payment.checkout_url.startswith(f"{server.url}/checkout/?ref=")
        assert urlsplit(server.url).hostname == "127.0.0.1"


def test_demo_lan_on_this_machine(tmp_path: Path) -> None:
    """The demo with the machine's real LAN address: the links point there and are shown."""
    try:
        lan = find_lan_address()
    except Exception as exc:  # noqa: BLE001 - a machine on no network
        pytest.skip(f"no LAN address here: {exc}")
    demo = start_demo({}, tmp_path, lan_host=lan)
    try:
        assert demo.lan_url is not None
        assert urlsplit(demo.lan_url).hostname == lan
        settings = demo.profile.settings
        assert settings.checkout_hosts == (lan,)
        secret = demo.profile.secret_key()
        assert secret is not None
        client = HpayClient(client_config_from(settings, secret))
        payment = client.create_payment(Decimal(14900), "Demo sale", "")
        client.close()
        assert payment.checkout_url.startswith(f"http://{lan}:")
        assert _get(payment.checkout_url)[0] == 200
        assert _get(demo.lan_url + "/getToken/", b"{}")[0] == 404
    finally:
        demo.server.stop()
