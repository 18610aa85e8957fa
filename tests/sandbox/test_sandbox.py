"""The HPAY sandbox over real loopback HTTP: HPAY-API.md's shapes, refusals, faults, persistence.

These tests talk to the sandbox with ``requests`` and ``http.client`` only (never
the HPOS client), so they pin down what the emulator itself sends on the wire.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests

from hpos.sandbox import codes
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount
from hpos.sandbox.server import SandboxServer, encode_json
from hpos.sandbox.state import livetime
from tests.helpers.sandbox import start_sandbox

DOC = Path(__file__).parents[1] / "fixtures" / "hpay_doc"
URLS = {
    "notify_url": "https://shop.example/notify/",
    "success_url": "https://shop.example/success/",
    "cancel_url": "https://shop.example/cancel/",
}


def loads(text: str | bytes) -> Any:
    """JSON as the client reads it: numbers with a fraction as Decimal."""
    return json.loads(text, parse_float=Decimal)


def json_type(value: object) -> str:
    """The JSON type of a decoded value ("number" for int and Decimal)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Decimal):
        return "number"
    return {str: "string", dict: "object", list: "array", type(None): "null"}[type(value)]


class Api:
    """A minimal HTTP caller for one sandbox and one account."""

    def __init__(self, server: SandboxServer, account: SandboxAccount = DEMO_ACCOUNT) -> None:
        self.server = server
        self.account = account
        self.http = requests.Session()
        self.http.trust_env = False

    def post(self, path: str, body: Any, **kwargs: Any) -> requests.Response:
        data = body if isinstance(body, str | bytes) else encode_json(body)
        headers = kwargs.pop("headers", {"Content-Type": "application/json"})
        return self.http.post(
            self.server.url + path, data=data, headers=headers, timeout=5, **kwargs
        )

    def call(self, path: str, body: Any) -> dict[str, Any]:
        response = self.post(path, body)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/json")
        return loads(response.content)

    def token_body(self, mode: str = "TEST", **changes: Any) -> dict[str, Any]:
        body = {
            "api_key": self.account.api_key,
            "api_public_key": self.account.public_key,
            "api_secret_key": self.account.secret_key,
            "mode": mode,
        }
        return {**body, **changes}

    def token(self, mode: str = "TEST") -> str:
        answer = self.call("/getToken/", self.token_body(mode))
        assert answer["success"] is True
        return answer["token"]

    def payment_body(self, amount: Any = 14900, mode: str = "TEST", **changes: Any) -> dict:
        body = {
            "api_key": self.account.api_key,
            "public_key": self.account.public_key,
            "mode": mode,
            "amount": amount,
            "product_name": "Achat de sac pour enfant",
            "description": "S-1 Sac d'école",
            **URLS,
            "token": changes.pop("token", None) or self.token(mode),
        }
        return {**body, **changes}

    def pay(self, amount: Any = 14900, mode: str = "TEST", **changes: Any) -> dict[str, Any]:
        answer = self.call("/payment/", self.payment_body(amount, mode, **changes))
        assert answer["success"] is True, answer
        return answer

    def history_body(self, mode: str = "TEST", **filters: Any) -> dict[str, Any]:
        body = {
            "api_key": self.account.api_key,
            "public_key": self.account.public_key,
            "mode": mode,
            "statut": "",
            "date_from": "",
            "date_to": "",
            "fetch_limit": "0,50",
            "transaction_id": "",
            "token": filters.pop("token", None) or self.token(mode),
        }
        return {**body, **filters}

    def history(self, mode: str = "TEST", **filters: Any) -> dict[str, Any]:
        return self.call("/getPaymentHistory/", self.history_body(mode, **filters))

    def txids(self, mode: str = "TEST", **filters: Any) -> list[str]:
        answer = self.history(mode, **filters)
        assert answer["success"] is True, answer
        return [entry["transaction_id"] for entry in answer["history"]]

    def balance(self, token: str | None = None) -> dict[str, Any]:
        body = {
            "api_key": self.account.api_key,
            "api_public_key": self.account.public_key,
            "token": token or self.token(),
        }
        return self.call("/getCollectBalance/", body)


class FakeClock:
    """A wall clock the test moves by hand (starts on the doc's example date)."""

    def __init__(self) -> None:
        self.now = datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[Api]:
    caller = Api(sandbox)
    yield caller
    caller.http.close()


@pytest.fixture
def cad_api(sandbox: SandboxServer) -> Iterator[Api]:
    caller = Api(sandbox, DEMO_CAD_ACCOUNT)
    yield caller
    caller.http.close()


def refused(answer: dict[str, Any], code: int) -> str:
    """Assert a documented-shape refusal with this code; return its message."""
    assert answer["success"] is False
    assert answer["error_code"] == code, answer
    assert isinstance(answer["message"], str)
    assert answer["message"]
    return answer["message"]


def raw_request(
    server: SandboxServer, path: str, body: bytes, *, timeout: float = 5.0
) -> http.client.HTTPConnection:
    """Send one JSON POST on a fresh connection; the caller reads and closes."""
    conn = http.client.HTTPConnection(
        server.host, int(server.url.rsplit(":", 1)[1]), timeout=timeout
    )
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    return conn


# -- shapes: every answer has the doc's keys with the doc's JSON types -----------------


@pytest.mark.parametrize(
    ("path", "fixture"),
    [
        ("/getToken/", "get_token.json"),
        ("/payment/", "payment.json"),
        ("/getPaymentHistory/", "payment_history.json"),
        ("/getCollectBalance/", "collect_balance.json"),
    ],
)
def test_answers_have_the_documented_keys_and_types(api: Api, path: str, fixture: str) -> None:
    doc = loads((DOC / fixture).read_text(encoding="utf-8"))
    payment = api.pay()
    answer = {
        "/getToken/": lambda: api.call("/getToken/", api.token_body()),
        "/payment/": lambda: payment,
        "/getPaymentHistory/": api.history,
        "/getCollectBalance/": api.balance,
    }[path]()

    def shape(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {key: shape(value) for key, value in obj.items()}
        if isinstance(obj, list):
            return [shape(obj[0])] if obj else []
        return json_type(obj)

    assert shape(answer) == shape(doc)


def test_token_answer(api: Api, sandbox: SandboxServer) -> None:
    before = time.time()
    answer = api.call("/getToken/", api.token_body())
    assert answer["message"] == "Token generated"
    assert answer["error_code"] == 0
    assert answer["livetime"] == "15mn"
    assert before - 1 <= answer["time_generated"] <= time.time() + 1
    assert isinstance(answer["time_generated"], int)
    assert answer["company"] == "HPOS Demo Shop"
    assert answer["mode"] == "TEST"
    assert answer["balance"] == {
        "currency": "XOF",
        "main_balance": DEMO_ACCOUNT.main_balance,
        "profit_balance": DEMO_ACCOUNT.profit_balance,
    }
    assert len(answer["token"]) >= 24
    assert sandbox.issued_tokens() == [answer["token"]]
    assert api.call("/getToken/", api.token_body("PROD"))["mode"] == "PROD"


@pytest.mark.parametrize(
    ("ttl", "text"), [(900, "15mn"), (120, "2mn"), (2.0, "2s"), (90, "90s"), (0.3, "1s")]
)
def test_livetime_follows_the_ttl(ttl: float, text: str) -> None:
    assert livetime(ttl) == text


def test_payment_answer_in_xof(api: Api, sandbox: SandboxServer) -> None:
    answer = api.pay(14900)
    assert answer["message"] == "Payment URL generated"
    assert answer["amount"] == "14900"
    assert answer["fees"] == 224  # 1.5 % of 14900 = 223.5, rounded half up to XOF's 0 decimals
    assert isinstance(answer["fees"], int)
    assert answer["currency"] == "XOF"
    assert answer["mode"] == "TEST"
    assert answer["company"] == "HPOS Demo Shop"
    txid = answer["transaction_id"]
    assert len(txid) == 14
    assert txid.isalnum()
    assert answer["checkout_url"] == f"{sandbox.url}/checkout/?ref={txid}"
    [held] = sandbox.payments()
    assert (held.transaction_id, held.amount, held.status) == (txid, Decimal(14900), "UNPAID")
    assert held.description == "S-1 Sac d'école"
    assert abs(held.created - datetime.now(UTC)) < timedelta(minutes=1)


def test_payment_answer_in_cad_keeps_cents(cad_api: Api, sandbox: SandboxServer) -> None:
    answer = cad_api.pay(Decimal("12.50"))
    assert answer["amount"] == "12.50"
    assert answer["fees"] == Decimal("0.19")  # 0.1875 rounded to cents
    assert answer["currency"] == "CAD"
    assert sandbox.payments()[0].amount == Decimal("12.50")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("14900", "14900"), ("1e3", "1000"), ("14900.0", "14900"), ('"2500"', "2500")],
)
def test_payment_accepts_numbers_and_numeric_strings(api: Api, amount: str, expected: str) -> None:
    body = encode_json(api.payment_body(Decimal(0))).replace('"amount": 0', f'"amount": {amount}')
    answer = api.call("/payment/", body)
    assert answer["amount"] == expected


@pytest.mark.parametrize(
    "amount",
    ["12.5", '"12.5"', "0", "-5", '"-5"', '"abc"', '""', "true", "[1]", "1000000001", '" 100"'],
)
def test_bad_amounts_are_refused(api: Api, sandbox: SandboxServer, amount: str) -> None:
    body = encode_json(api.payment_body(Decimal(0))).replace('"amount": 0', f'"amount": {amount}')
    refused(api.call("/payment/", body), codes.BAD_AMOUNT)
    assert sandbox.payments() == []


def test_cad_refuses_a_third_decimal(cad_api: Api) -> None:
    refused(cad_api.call("/payment/", cad_api.payment_body(Decimal("1.005"))), codes.BAD_AMOUNT)


# -- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"api_secret_key": "wrong-secret"},
        {"api_public_key": "pkey.other"},
        {"api_key": "NOPE"},
        {"api_key": 42},
        {"api_secret_key": DEMO_CAD_ACCOUNT.secret_key},
    ],
)
def test_token_refuses_bad_credentials(api: Api, changes: dict[str, Any]) -> None:
    message = refused(api.call("/getToken/", api.token_body(**changes)), codes.BAD_CREDENTIALS)
    assert "credentials" in message
    assert "wrong-secret" not in message


@pytest.mark.parametrize("mode", ["LIVE", "test", "", 1])
def test_token_refuses_a_bad_mode(api: Api, mode: Any) -> None:
    message = refused(api.call("/getToken/", api.token_body(mode)), codes.BAD_MODE)
    assert "TEST" in message


@pytest.mark.parametrize("field", ["api_key", "api_public_key", "api_secret_key", "mode"])
def test_token_names_a_missing_field(api: Api, field: str) -> None:
    body = api.token_body()
    del body[field]
    assert field in refused(api.call("/getToken/", body), codes.MISSING_FIELD)


@pytest.mark.parametrize(
    "field",
    [
        "api_key",
        "public_key",
        "mode",
        "amount",
        "product_name",
        "notify_url",
        "success_url",
        "cancel_url",
        "token",
    ],
)
def test_payment_names_a_missing_field(api: Api, sandbox: SandboxServer, field: str) -> None:
    body = api.payment_body()
    body[field] = None
    assert field in refused(api.call("/payment/", body), codes.MISSING_FIELD)
    assert sandbox.payments() == []


def test_payment_description_is_optional(api: Api, sandbox: SandboxServer) -> None:
    body = api.payment_body()
    del body["description"]
    api.call("/payment/", body)
    assert sandbox.payments()[0].description == ""
    refused(api.call("/payment/", api.payment_body(description=5)), codes.BAD_FIELD)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"product_name": "   "}, codes.BAD_FIELD),
        ({"product_name": "x" * 256}, codes.BAD_FIELD),
        ({"product_name": 12}, codes.BAD_FIELD),
        ({"notify_url": "ftp://shop.example/"}, codes.BAD_URL),
        ({"success_url": "javascript:alert(1)"}, codes.BAD_URL),
        ({"cancel_url": "https://"}, codes.BAD_URL),
        ({"success_url": "https://shop.example/\r\nSet-Cookie: x=1"}, codes.BAD_URL),
        ({"cancel_url": 7}, codes.BAD_URL),
        ({"public_key": "pkey.other"}, codes.BAD_CREDENTIALS),
        ({"mode": "LIVE"}, codes.BAD_MODE),
    ],
)
def test_payment_refusals(
    api: Api, sandbox: SandboxServer, changes: dict[str, Any], code: int
) -> None:
    body = {**api.payment_body(), **changes}
    refused(api.call("/payment/", body), code)
    assert sandbox.payments() == []


def test_token_must_be_known_live_and_for_this_account_and_mode(
    api: Api, cad_api: Api, sandbox: SandboxServer
) -> None:
    for token in ["not-a-token", cad_api.token(), api.token("PROD")]:
        message = refused(api.call("/payment/", api.payment_body(token=token)), codes.BAD_TOKEN)
        assert "token" in message
    assert sandbox.payments() == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("not json", "application/json"),
        ("[1, 2]", "application/json"),
        ('"text"', "application/json"),
        ('{"amount": NaN}', "application/json"),
        (b"\xff\xfe{}", "application/json"),
        ("", "application/json"),
        ("{}", "text/plain"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(
    api: Api, body: str | bytes, content_type: str
) -> None:
    response = api.post("/payment/", body, headers={"Content-Type": content_type})
    assert response.status_code == 200
    refused(loads(response.content), codes.BAD_JSON)


def test_unknown_path_and_wrong_method(api: Api) -> None:
    response = api.post("/getToken", api.token_body())  # no trailing slash: not documented
    assert response.status_code == 404
    refused(loads(response.content), codes.UNKNOWN_PATH)
    response = api.http.get(api.server.url + "/payment/", timeout=5)
    assert response.status_code == 405
    refused(loads(response.content), codes.BAD_METHOD)


# -- tokens --------------------------------------------------------------------------------


def test_token_expires_after_its_ttl() -> None:
    clock = FakeClock()
    server = start_sandbox(token_ttl=120, clock=clock)
    api = Api(server)
    try:
        answer = api.call("/getToken/", api.token_body())
        assert answer["livetime"] == "2mn"
        token = answer["token"]
        assert api.balance(token)["success"] is True
        clock.now += 119
        assert api.balance(token)["success"] is True
        clock.now += 1
        assert "token" in refused(api.balance(token), codes.BAD_TOKEN)
    finally:
        api.http.close()
        server.stop()


def test_expire_tokens_invalidates_every_token(api: Api, sandbox: SandboxServer) -> None:
    first = api.token()
    assert sandbox.expire_tokens() == 1
    refused(api.balance(first), codes.BAD_TOKEN)
    second = api.token()
    assert api.balance(second)["success"] is True
    assert sandbox.issued_tokens() == [first, second]


# -- history ---------------------------------------------------------------------------


def test_history_entry_shape(api: Api, sandbox: SandboxServer) -> None:
    payment = api.pay(14900)
    [entry] = api.history()["history"]
    assert entry == {
        "transaction_id": payment["transaction_id"],
        "amount": "14900.00",
        "fees": "224.00",
        "profit": 14676,
        "currency": "XOF",
        "mode": "TEST",
        "status": "UNPAID",
        "product": "Achat de sac pour enfant",
        "description": "S-1 Sac d'école",
        "payment_link": payment["checkout_url"],
        "date_generated": sandbox.payments()[0].created.strftime("%Y-%m-%d %H:%M:%S"),
    }
    answer = api.history()
    assert (answer["message"], answer["error_code"]) == ("Data Fetched", 0)


def test_history_cad_profit_is_a_number_with_cents(cad_api: Api) -> None:
    cad_api.pay(Decimal("12.50"))
    [entry] = cad_api.history()["history"]
    assert (entry["amount"], entry["fees"], entry["profit"]) == ("12.50", "0.19", Decimal("12.31"))


def test_history_filters_by_statut_transaction_and_mode(api: Api, sandbox: SandboxServer) -> None:
    paid = api.pay(100)["transaction_id"]
    unpaid = api.pay(200)["transaction_id"]
    prod = api.pay(300, mode="PROD")["transaction_id"]
    sandbox.mark_paid(paid)
    assert api.txids(statut="PAID") == [paid]
    assert api.txids(statut="UNPAID") == [unpaid]
    assert api.txids(statut="") == [unpaid, paid]
    assert api.txids(transaction_id=paid) == [paid]
    assert api.txids(transaction_id="NO-SUCH-TXID") == []
    assert api.txids(transaction_id=prod) == []
    assert api.txids("PROD") == [prod]
    body = api.history_body()
    for name in ("statut", "date_from", "date_to", "fetch_limit", "transaction_id"):
        del body[name]
    assert len(api.call("/getPaymentHistory/", body)["history"]) == 2


def test_history_is_per_account(api: Api, cad_api: Api) -> None:
    api.pay(100)
    assert cad_api.txids() == []


def test_history_filters_by_dates() -> None:
    clock = FakeClock()
    server = start_sandbox(clock=clock)
    api = Api(server)
    try:
        first = api.pay(100)["transaction_id"]  # 2025-11-08
        clock.now += 86400
        second = api.pay(200)["transaction_id"]  # 2025-11-09
        [entry] = api.history(transaction_id=first)["history"]
        assert entry["date_generated"] == "2025-11-08 14:42:34"
        assert api.txids(date_from="2025-11-08", date_to="2025-11-08") == [first]
        assert api.txids(date_from="2025-11-09") == [second]
        assert api.txids(date_to="2025-11-08") == [first]
        assert api.txids(date_from="2025-11-08", date_to="2025-11-09") == [second, first]
        assert api.txids(date_from="2025-11-10") == []
    finally:
        api.http.close()
        server.stop()


def test_history_pages_newest_first(api: Api) -> None:
    made = [api.pay(100 + i)["transaction_id"] for i in range(5)]
    token = api.token()
    pages = [api.txids(fetch_limit=f"{offset},2", token=token) for offset in (0, 2, 4, 6)]
    assert pages == [made[4:2:-1], made[2:0:-1], made[:1], []]
    assert api.txids(fetch_limit="1,500", token=token) == made[3::-1]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"statut": "CANCELLED"}, codes.BAD_STATUT),
        ({"statut": "paid"}, codes.BAD_STATUT),
        ({"statut": 1}, codes.BAD_STATUT),
        ({"date_from": "2025-13-01"}, codes.BAD_DATE),
        ({"date_to": "08/11/2025"}, codes.BAD_DATE),
        ({"date_from": "2025-11-09", "date_to": "2025-11-08"}, codes.BAD_DATE),
        ({"fetch_limit": "abc"}, codes.BAD_FETCH_LIMIT),
        ({"fetch_limit": "-1,5"}, codes.BAD_FETCH_LIMIT),
        ({"fetch_limit": "0,0"}, codes.BAD_FETCH_LIMIT),
        ({"fetch_limit": "0,501"}, codes.BAD_FETCH_LIMIT),
        ({"fetch_limit": "0;50"}, codes.BAD_FETCH_LIMIT),
        ({"fetch_limit": 50}, codes.BAD_FETCH_LIMIT),
        ({"mode": "LIVE"}, codes.BAD_MODE),
        ({"token": "nope"}, codes.BAD_TOKEN),
        ({"public_key": "pkey.other"}, codes.BAD_CREDENTIALS),
    ],
)
def test_history_refusals(api: Api, changes: dict[str, Any], code: int) -> None:
    refused(api.call("/getPaymentHistory/", {**api.history_body(), **changes}), code)


# -- balance -------------------------------------------------------------------------------


def test_balance_answer_and_paid_payments(api: Api, sandbox: SandboxServer) -> None:
    before = api.balance()
    assert before == {
        "success": True,
        "message": "Data Fetched",
        "error_code": 0,
        "entreprise_name": "HPOS Demo Shop",
        "entreprise_contact": "00000000",
        "entreprise_currency": "XOF",
        "main_balance": "250000",
        "profit_balance": "0",
    }
    txid = api.pay(10000)["transaction_id"]
    assert api.balance()["main_balance"] == "250000", "an unpaid payment moves nothing"
    sandbox.mark_paid(txid)
    sandbox.mark_paid(txid)  # paying twice credits once
    after = api.balance(api.token("PROD"))  # no mode: a PROD token reads the same balance
    assert after["main_balance"] == "259850"  # + 10000 - 150 fees
    token = api.call("/getToken/", api.token_body())
    assert token["balance"]["main_balance"] == 259850


def test_balance_of_cad_account_has_cents(cad_api: Api) -> None:
    answer = cad_api.balance()
    assert (answer["main_balance"], answer["profit_balance"]) == ("50.00", "100.00")
    assert answer["entreprise_currency"] == "CAD"


def test_balance_refusals(api: Api, cad_api: Api) -> None:
    refused(api.balance("nope"), codes.BAD_TOKEN)
    refused(api.balance(cad_api.token()), codes.BAD_TOKEN)
    body = {"api_key": DEMO_ACCOUNT.api_key, "token": api.token()}
    assert "api_public_key" in refused(api.call("/getCollectBalance/", body), codes.MISSING_FIELD)


# -- checkout page ---------------------------------------------------------------------------


def test_checkout_page_shows_the_payment_escaped(api: Api, sandbox: SandboxServer) -> None:
    answer = api.pay(
        14900, product_name="<script>alert(1)</script>", description='Sac "école" & co'
    )
    page = api.http.get(answer["checkout_url"], timeout=5)
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    text = page.text
    assert "HPOS Demo Shop" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>" not in text
    assert "Sac &quot;école&quot; &amp; co" in text
    assert "14\u202f900" in text
    assert "XOF" in text
    assert ">TEST<" in text
    assert 'action="/checkout/pay"' in text
    assert 'action="/checkout/cancel"' in text
    assert answer["transaction_id"] in text
    ref = answer["transaction_id"]
    no_slash = api.http.get(f"{sandbox.url}/checkout?ref={ref}", timeout=5)
    assert no_slash.status_code == 200


def test_checkout_page_in_prod_has_no_test_badge(api: Api) -> None:
    answer = api.pay(500, mode="PROD")
    assert ">TEST<" not in api.http.get(answer["checkout_url"], timeout=5).text


def test_checkout_unknown_reference_is_404(api: Api, sandbox: SandboxServer) -> None:
    for url in (f"{sandbox.url}/checkout/?ref=NOPE", f"{sandbox.url}/checkout/"):
        page = api.http.get(url, timeout=5)
        assert page.status_code == 404
        assert page.headers["Content-Type"].startswith("text/html")
    response = api.http.post(f"{sandbox.url}/checkout/pay", data={"ref": "NOPE"}, timeout=5)
    assert response.status_code == 404


def test_checkout_pay_redirects_to_success(api: Api, sandbox: SandboxServer) -> None:
    answer = api.pay(10000)
    ref = answer["transaction_id"]
    response = api.http.post(
        f"{sandbox.url}/checkout/pay", data={"ref": ref}, allow_redirects=False, timeout=5
    )
    assert response.status_code == 303
    assert response.headers["Location"] == URLS["success_url"]
    assert api.history(transaction_id=ref)["history"][0]["status"] == "PAID"
    assert sandbox.payment(ref).paid_at is not None
    page = api.http.get(answer["checkout_url"], timeout=5).text
    assert "already been paid" in page
    assert 'action="/checkout/pay"' not in page
    again = api.http.post(
        f"{sandbox.url}/checkout/cancel", data={"ref": ref}, allow_redirects=False, timeout=5
    )
    assert again.status_code == 200
    assert "already been paid" in again.text
    assert api.balance()["main_balance"] == "259850"


def test_checkout_cancel_redirects_and_stays_unpaid(api: Api, sandbox: SandboxServer) -> None:
    ref = api.pay(10000)["transaction_id"]
    response = api.http.post(
        f"{sandbox.url}/checkout/cancel", data={"ref": ref}, allow_redirects=False, timeout=5
    )
    assert response.status_code == 303
    assert response.headers["Location"] == URLS["cancel_url"]
    assert api.history(transaction_id=ref)["history"][0]["status"] == "UNPAID"
    [held] = sandbox.payments()
    assert held.cancelled
    assert held.status == "UNPAID"
    assert "cancelled" in api.http.get(held.checkout_url, timeout=5).text
    sandbox.mark_paid(ref)  # paid late, after all
    assert api.history(transaction_id=ref)["history"][0]["status"] == "PAID"


# -- control over HTTP ---------------------------------------------------------------------


def test_control_interface_over_http(api: Api, sandbox: SandboxServer) -> None:
    ref = api.pay(1000)["transaction_id"]
    listed = api.http.get(f"{sandbox.url}/_sandbox/payments", timeout=5).json()
    assert [(p["transaction_id"], p["status"], p["amount"]) for p in listed["payments"]] == [
        (ref, "UNPAID", "1000")
    ]
    paid = api.call("/_sandbox/pay", {"transaction_id": ref})
    assert paid["payment"]["status"] == "PAID"
    assert sandbox.payment(ref).status == "PAID"
    response = api.post("/_sandbox/pay", {"transaction_id": "NOPE"})
    assert response.status_code == 404
    refused(loads(response.content), codes.UNKNOWN_TRANSACTION)

    token = api.token()
    assert api.call("/_sandbox/expire-tokens", "")["expired"] >= 1
    refused(api.balance(token), codes.BAD_TOKEN)

    added = api.call("/_sandbox/fault", {"endpoint": "/getCollectBalance/", "kind": "refuse"})
    assert added["success"] is True
    refused(api.balance(), codes.UNAVAILABLE)
    api.call("/_sandbox/clear-faults", {})
    assert api.balance()["success"] is True
    bad = api.call("/_sandbox/fault", {"endpoint": "/nope/", "kind": "refuse"})
    refused(bad, codes.BAD_FIELD)
    stats = api.http.get(f"{sandbox.url}/_sandbox/stats", timeout=5).json()
    assert stats["requests"]["/payment/"] == 1


# -- faults ----------------------------------------------------------------------------------


def test_fault_table_validation(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="kind"):
        sandbox.add_fault("/payment/", "explode")
    with pytest.raises(ValueError, match="endpoint"):
        sandbox.add_fault("/checkout/", "reset")
    with pytest.raises(ValueError, match="times"):
        sandbox.add_fault("*", "reset", times=0)


def test_fault_latency_answers_late_but_normally(api: Api, sandbox: SandboxServer) -> None:
    sandbox.add_fault("/getCollectBalance/", "latency", times=1, seconds=0.3)
    started = time.monotonic()
    assert api.balance()["success"] is True
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    assert api.balance()["success"] is True
    assert time.monotonic() - started < 0.3, "times=1: the second call is not delayed"


def test_fault_http_500_is_an_html_page_and_creates_nothing(
    api: Api, sandbox: SandboxServer
) -> None:
    body = encode_json(api.payment_body()).encode()
    sandbox.add_fault("/payment/", "http_500")
    response = api.post("/payment/", body)
    assert response.status_code == 500
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<html>" in response.text
    assert sandbox.payments() == []


def test_fault_truncated_sends_half_the_body_but_processes(
    api: Api, sandbox: SandboxServer
) -> None:
    body = encode_json(api.payment_body()).encode()
    sandbox.add_fault("/payment/", "truncated")
    conn = raw_request(sandbox, "/payment/", body)
    try:
        response = conn.getresponse()
        assert response.status == 200
        length = int(response.headers["Content-Length"])
        with pytest.raises(http.client.IncompleteRead) as caught:
            response.read()
        assert 0 < len(caught.value.partial) < length
    finally:
        conn.close()
    assert len(sandbox.payments()) == 1


def test_fault_empty_body(api: Api, sandbox: SandboxServer) -> None:
    body = encode_json(api.payment_body()).encode()
    sandbox.add_fault("/payment/", "empty")
    response = api.post("/payment/", body)
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["Content-Length"] == "0"
    assert sandbox.payments() == []


def test_fault_refuse_is_a_generic_refusal(api: Api, sandbox: SandboxServer) -> None:
    sandbox.add_fault("*", "refuse")
    message = refused(api.call("/getToken/", api.token_body()), codes.UNAVAILABLE)
    assert message == "Service temporarily unavailable"
    assert sandbox.issued_tokens() == []
    page = api.http.get(f"{sandbox.url}/_sandbox/payments", timeout=5)
    assert page.status_code == 200, "faults never apply to the control interface"


def test_fault_reset_reads_the_request_and_resets(api: Api, sandbox: SandboxServer) -> None:
    body = encode_json(api.payment_body()).encode()
    sandbox.add_fault("/payment/", "reset", times=1)
    conn = raw_request(sandbox, "/payment/", body)
    try:
        with pytest.raises(ConnectionResetError):
            conn.getresponse()
    finally:
        conn.close()
    assert sandbox.payments() == []
    assert sandbox.stats()["requests"]["/payment/"] == 1
    assert api.call("/payment/", body)["success"] is True, "times=1: the next one works"


def test_fault_trickle_sends_a_valid_answer_slowly(api: Api, sandbox: SandboxServer) -> None:
    body = encode_json(api.payment_body()).encode()
    sandbox.add_fault("/payment/", "trickle", seconds=0.002)
    started = time.monotonic()
    response = api.post("/payment/", body)
    elapsed = time.monotonic() - started
    answer = loads(response.content)
    assert answer["success"] is True
    assert elapsed >= 0.002 * len(response.content) * 0.8
    assert len(sandbox.payments()) == 1


def test_fault_no_answer_processes_then_holds(api: Api, sandbox: SandboxServer) -> None:
    body = encode_json(api.payment_body(description="S-42 school bag")).encode()
    sandbox.add_fault("/payment/", "no_answer", seconds=30)
    conn = raw_request(sandbox, "/payment/", body, timeout=0.3)
    try:
        with pytest.raises(TimeoutError):
            conn.getresponse()
    finally:
        conn.close()
    [held] = sandbox.payments()
    assert "S-42" in held.description


def test_stop_is_fast_with_slow_faults_in_flight() -> None:
    server = start_sandbox()
    api = Api(server)
    conns: list[http.client.HTTPConnection] = []
    try:
        server.add_fault("/getToken/", "no_answer", times=1, seconds=60)
        server.add_fault("/getToken/", "trickle", times=1, seconds=10)
        server.add_fault("/getToken/", "latency", times=1, seconds=60)
        body = encode_json(api.token_body()).encode()
        conns = [raw_request(server, "/getToken/", body, timeout=5) for _ in range(3)]
        deadline = time.monotonic() + 2
        while server.stats()["requests"].get("/getToken/", 0) < 3:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 1.0
    finally:
        for conn in conns:
            conn.close()
        api.http.close()
        server.stop()


# -- connections, persistence, logs, threads -------------------------------------------------


def test_keep_alive_serves_many_requests_on_one_connection(
    api: Api, sandbox: SandboxServer
) -> None:
    port = int(sandbox.url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        for _ in range(2):
            conn.request(
                "POST",
                "/getToken/",
                body=encode_json(api.token_body()),
                headers={"Content-Type": "application/json"},
            )
            response = conn.getresponse()
            assert response.headers["Content-Length"]
            assert loads(response.read())["success"] is True
    finally:
        conn.close()
    stats = sandbox.stats()
    assert stats["connections"] == 1
    assert stats["requests"] == {"/getToken/": 2}


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "sub" / "sandbox.json"
    first = start_sandbox(state_file=state)
    api = Api(first)
    try:
        paid = api.pay(10000)["transaction_id"]
        unpaid = api.pay(Decimal(500), description="kept")["transaction_id"]
        first.mark_paid(paid)
        old_token = api.token()
    finally:
        first.stop()
    text = state.read_text(encoding="utf-8")
    assert DEMO_ACCOUNT.secret_key not in text
    assert old_token not in text
    second = start_sandbox(state_file=str(state))
    api.server = second
    try:
        assert [(p.transaction_id, p.status) for p in second.payments()] == [
            (paid, "PAID"),
            (unpaid, "UNPAID"),
        ]
        assert second.payment(unpaid).description == "kept"
        assert api.txids() == [unpaid, paid]
        assert api.balance()["main_balance"] == "259850"
        refused(api.balance(old_token), codes.BAD_TOKEN)
    finally:
        api.http.close()
        second.stop()
    assert not [p for p in state.parent.iterdir() if p.suffix == ".tmp"]


def test_corrupt_state_file_is_moved_aside(tmp_path: Path) -> None:
    state = tmp_path / "sandbox.json"
    state.write_text("{not json", encoding="utf-8")
    server = SandboxServer(state_file=state)
    assert server.payments() == []
    assert [p.name.startswith("sandbox.json.corrupt-") for p in tmp_path.iterdir()] == [True]


def test_logs_carry_no_token_or_secret(
    api: Api, sandbox: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="hpos.sandbox")
    ref = api.pay(700)["transaction_id"]
    api.balance()
    refused(
        api.call("/getToken/", api.token_body(api_secret_key="leaky-secret")), codes.BAD_CREDENTIALS
    )
    assert ref in caplog.text, "payments are logged by transaction id"
    for value in [*sandbox.issued_tokens(), DEMO_ACCOUNT.secret_key, "leaky-secret"]:
        assert value not in caplog.text


def test_concurrent_payments_are_all_kept(sandbox: SandboxServer) -> None:
    token_api = Api(sandbox)
    token = token_api.token()
    errors: list[BaseException] = []

    def worker() -> None:
        caller = Api(sandbox)
        try:
            for _ in range(5):
                caller.pay(100, token=token)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            caller.http.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    token_api.http.close()
    assert errors == []
    ids = [p.transaction_id for p in sandbox.payments()]
    assert len(ids) == len(set(ids)) == 40
    assert sandbox.stats()["requests"]["/payment/"] == 40


def test_binds_loopback_by_default_and_url_needs_start() -> None:
    server = SandboxServer()
    with pytest.raises(RuntimeError):
        _ = server.url
    with server:
        assert server.url.startswith("http://127.0.0.1:")
        port = int(server.url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
    server.stop()  # stopping twice is harmless
