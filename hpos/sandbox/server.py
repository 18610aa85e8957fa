"""The sandbox over real HTTP: the four HPAY endpoints, the checkout page, faults, control.

``SandboxServer`` runs a stdlib ``ThreadingHTTPServer`` on loopback (HTTP/1.1,
keep-alive, Content-Length always set) in a daemon thread. Routes:

- ``POST /getToken/``, ``/payment/``, ``/getPaymentHistory/``, ``/getCollectBalance/``:
  JSON (``Content-Type: application/json``) as in HPAY-API.md; faults apply here only.
- ``GET /checkout/?ref=TXID`` (or ``/checkout?ref=``): the hosted checkout page;
  ``POST /checkout/pay`` and ``/checkout/cancel`` (form field ``ref``) answer
  303 to the payment's ``success_url`` / ``cancel_url``.
- Control for tests and the CLI: ``POST /_sandbox/pay {"transaction_id"}``,
  ``/_sandbox/expire-tokens``, ``/_sandbox/fault {"endpoint","kind","times","seconds"}``,
  ``/_sandbox/clear-faults``; ``GET /_sandbox/payments``, ``GET /_sandbox/stats``.

Nothing secret is logged: paths, outcomes and transaction ids only.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import logging
import os
import socket
import socketserver
import string
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs

from hpos.sandbox import codes
from hpos.sandbox.codes import Refusal
from hpos.sandbox.faults import API_PATHS, Fault, FaultTable
from hpos.sandbox.state import (
    DEMO_ACCOUNT,
    DEMO_CAD_ACCOUNT,
    PaymentSnapshot,
    SandboxAccount,
    SandboxState,
    money_text,
)

log = logging.getLogger("hpos.sandbox")

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
MAX_BODY = 1 << 20
CHECKOUT_PATHS = ("/checkout", "/checkout/")
ACTION_PATHS = ("/checkout/pay", "/checkout/cancel")
CONTROL_POST = (
    "/_sandbox/pay",
    "/_sandbox/expire-tokens",
    "/_sandbox/fault",
    "/_sandbox/clear-faults",
)
CONTROL_GET = ("/_sandbox/payments", "/_sandbox/stats")
_KNOWN_PATHS = frozenset((*API_PATHS, *CHECKOUT_PATHS, *ACTION_PATHS, *CONTROL_POST, *CONTROL_GET))
_PAGE_500 = (
    b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n"
    b"<body><h1>Internal Server Error</h1><p>The server encountered an internal error "
    b"and was unable to complete your request.</p></body></html>\n"
)
_PAGE_404 = (
    b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Unknown payment'
    b"</title></head>\n<body><h1>Unknown payment</h1><p>No payment has this reference."
    b"</p></body></html>\n"
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
_FORMS = """<div class="actions">
  <form method="post" action="/checkout/pay"><input type="hidden" name="ref" value="{ref}">
    <button type="submit" class="pay">Pay</button></form>
  <form method="post" action="/checkout/cancel"><input type="hidden" name="ref" value="{ref}">
    <button type="submit" class="cancel">Cancel</button></form>
</div>"""


def encode_json(value: Any) -> str:
    """JSON text where a ``Decimal`` is an exact JSON number ("14900", "0.19")."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k))}: {encode_json(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(encode_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


@functools.cache
def _template() -> string.Template:
    text = resources.files("hpos.sandbox").joinpath("checkout.html").read_text(encoding="utf-8")
    return string.Template(text)


def render_checkout(payment: PaymentSnapshot) -> str:
    """The checkout page of one payment, every value HTML-escaped."""
    esc = html.escape
    ref = esc(payment.transaction_id)
    if payment.status == "PAID":
        actions = '<p class="state paid">This payment has already been paid. Thank you!</p>'
    else:
        note = "You cancelled this payment. You can still pay it." if payment.cancelled else ""
        actions = (f'<p class="state">{note}</p>' if note else "") + _FORMS.format(ref=ref)
    amount = format(Decimal(money_text(payment.amount, payment.currency)), ",f")
    return _template().substitute(
        company=esc(payment.company),
        product=esc(payment.product),
        description=esc(payment.description),
        amount=esc(amount.replace(",", "\u202f")),
        currency=esc(payment.currency),
        ref=ref,
        badge='<p class="badge" title="No real money moves">TEST</p>'
        if payment.mode == "TEST"
        else "",
        actions=actions,
    )


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], owner: SandboxServer) -> None:
        self.owner = owner
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would resolve the host name (slow without DNS).
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def process_request(self, request: Any, client_address: Any) -> None:
        self.owner._opened(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        self.owner._closed(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "HPAY-Sandbox/1.0"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120  # idle keep-alive connections are closed after this
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    @property
    def _owner(self) -> SandboxServer:
        return self.server.owner

    # -- routing ----------------------------------------------------------------

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        self._owner._count(path)
        if path in CHECKOUT_PATHS:
            ref = parse_qs(query).get("ref", [""])[0]
            payment = self._owner.state.payment(ref)
            if payment is None:
                self._send(404, _PAGE_404, HTML_TYPE)
            else:
                page = render_checkout(payment).encode("utf-8")
                self._send(200, page, HTML_TYPE, [("Content-Security-Policy", _CSP)])
        elif path == "/_sandbox/payments":
            payments = [_control_view(p) for p in self._owner.payments()]
            self._send_json({"success": True, "payments": payments})
        elif path == "/_sandbox/stats":
            self._send_json({"success": True, **self._owner.stats()})
        else:
            self._refuse_path(path, "GET")

    def do_POST(self) -> None:
        path = self.path.partition("?")[0]
        self._owner._count(path)
        raw = self._read_body()
        if path in API_PATHS:
            self._api(path, raw)
        elif path in ACTION_PATHS:
            self._checkout_action(path, raw)
        elif path in CONTROL_POST:
            try:
                answer = self._control(path, self._decode(raw, strict=False))
            except Refusal as refusal:
                self._send_json(refusal.answer(), refusal.http_status)
            else:
                self._send_json(answer)
        else:
            self._refuse_path(path, "POST")

    def _refuse_path(self, path: str, method: str) -> None:
        if path in _KNOWN_PATHS:
            allowed = "GET" if path in (*CHECKOUT_PATHS, *CONTROL_GET) else "POST"
            refusal = Refusal(codes.BAD_METHOD, f"Method {method} not allowed here")
            self._send_json(refusal.answer(), 405, [("Allow", allowed)])
        else:
            self._send_json(Refusal(codes.UNKNOWN_PATH, "Unknown endpoint").answer(), 404)

    # -- the API, with faults ---------------------------------------------------------

    def _api(self, path: str, raw: bytes | None) -> None:
        fault = self._owner.faults.take(path)
        if fault is not None:
            log.info("fault %s on %s", fault.kind, path)
            if fault.kind == "reset":
                self._reset()
                return
            if fault.kind == "http_500":
                self._send(500, _PAGE_500, HTML_TYPE)
                return
            if fault.kind == "empty":
                self._send(200, b"", JSON_TYPE)
                return
            if fault.kind == "refuse":
                refusal = Refusal(codes.UNAVAILABLE, "Service temporarily unavailable")
                self._send_json(refusal.answer())
                return
        data = encode_json(self._process(path, raw)).encode("utf-8")
        if fault is None:
            self._send(200, data, JSON_TYPE)
        elif fault.kind == "latency":
            if self._owner._stopping.wait(fault.seconds):
                self.close_connection = True
            else:
                self._send(200, data, JSON_TYPE)
        elif fault.kind == "truncated":
            self.close_connection = True
            self._send_head(200, len(data), JSON_TYPE)
            self.wfile.write(data[: len(data) // 2])
        elif fault.kind == "trickle":
            self._trickle(data, fault)
        else:  # no_answer
            self.close_connection = True
            self._owner._stopping.wait(fault.seconds)

    def _process(self, path: str, raw: bytes | None) -> dict[str, Any]:
        state = self._owner.state
        endpoint: dict[str, Callable[[Any], dict[str, Any]]] = {
            "/getToken/": state.get_token,
            "/payment/": state.create_payment,
            "/getPaymentHistory/": state.history,
            "/getCollectBalance/": state.collect_balance,
        }
        try:
            answer = endpoint[path](self._decode(raw, strict=True))
        except Refusal as refusal:
            log.info("%s refused: %s (error_code %d)", path, refusal.message, refusal.code)
            return refusal.answer()
        log.info("%s answered", path)
        return answer

    def _trickle(self, data: bytes, fault: Fault) -> None:
        self.close_connection = True
        try:
            self._send_head(200, len(data), JSON_TYPE)
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                if self._owner._stopping.wait(fault.seconds):
                    return
        except OSError:
            return

    def _reset(self) -> None:
        """Close the connection with SO_LINGER 0: the client sees a TCP reset."""
        self.close_connection = True
        linger = struct.pack("HH" if os.name == "nt" else "ii", 1, 0)
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        self.rfile.close()
        self.connection.close()

    # -- checkout and control ---------------------------------------------------

    def _checkout_action(self, path: str, raw: bytes | None) -> None:
        form = parse_qs((raw or b"").decode("utf-8", "replace"))
        ref = form.get("ref", [""])[0]
        state = self._owner.state
        payment = state.payment(ref)
        if payment is None:
            self._send(404, _PAGE_404, HTML_TYPE)
            return
        if path == "/checkout/pay":
            target = state.mark_paid(ref).success_url
        elif payment.status == "PAID":
            page = render_checkout(payment).encode("utf-8")
            self._send(200, page, HTML_TYPE, [("Content-Security-Policy", _CSP)])
            return
        else:
            target = state.cancel(ref).cancel_url
        if any(ch in target for ch in "\r\n"):
            self._send(400, b"Bad redirect URL", "text/plain; charset=utf-8")
            return
        self._send(303, b"", HTML_TYPE, [("Location", target)])

    def _control(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if path == "/_sandbox/pay":
            txid = body.get("transaction_id")
            try:
                payment = self._owner.mark_paid(txid if isinstance(txid, str) else "")
            except KeyError:
                raise Refusal(
                    codes.UNKNOWN_TRANSACTION, "Unknown transaction_id", http_status=404
                ) from None
            return {"success": True, "message": "Marked paid", "payment": _control_view(payment)}
        if path == "/_sandbox/expire-tokens":
            expired = self._owner.expire_tokens()
            return {"success": True, "message": "Tokens expired", "expired": expired}
        if path == "/_sandbox/clear-faults":
            self._owner.clear_faults()
            return {"success": True, "message": "Faults cleared"}
        try:
            self._owner.add_fault(
                body.get("endpoint", "*"),
                body.get("kind", ""),
                times=body.get("times"),
                seconds=float(body["seconds"]) if body.get("seconds") is not None else None,
            )
        except (ValueError, TypeError) as exc:
            raise Refusal(codes.BAD_FIELD, f"Invalid fault: {exc}") from None
        return {"success": True, "message": "Fault added"}

    # -- plumbing -------------------------------------------------------------------

    def _read_body(self) -> bytes | None:
        """The request body; None (and the connection closed after) when unusable."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return None
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            size = int(length)
        except ValueError:
            size = -1
        if not 0 <= size <= MAX_BODY:
            self.close_connection = True
            return None
        return self.rfile.read(size)

    def _decode(self, raw: bytes | None, *, strict: bool) -> dict[str, Any]:
        if raw is None:
            raise Refusal(codes.BAD_JSON, "Request body too large or without Content-Length")
        if strict and self.headers.get_content_type() != "application/json":
            raise Refusal(codes.BAD_JSON, "Content-Type must be application/json")
        if not strict and not raw.strip():
            return {}
        try:
            body = json.loads(raw.decode("utf-8"), parse_float=Decimal, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise Refusal(codes.BAD_JSON, "Invalid JSON body") from None
        if not isinstance(body, dict):
            raise Refusal(codes.BAD_JSON, "The JSON body must be an object")
        return body

    def _send_head(
        self, status: int, length: int, ctype: str, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()

    def _send(
        self, status: int, data: bytes, ctype: str, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._send_head(status, len(data), ctype, headers)
        if data:
            self.wfile.write(data)

    def _send_json(
        self, answer: dict[str, Any], status: int = 200, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._send(status, encode_json(answer).encode("utf-8"), JSON_TYPE, headers)


def _control_view(p: PaymentSnapshot) -> dict[str, Any]:
    return {
        "transaction_id": p.transaction_id,
        "mode": p.mode,
        "amount": money_text(p.amount, p.currency),
        "fees": money_text(p.fees, p.currency),
        "currency": p.currency,
        "product": p.product,
        "description": p.description,
        "status": p.status,
        "cancelled": p.cancelled,
        "created": p.created.isoformat(),
        "paid_at": None if p.paid_at is None else p.paid_at.isoformat(),
        "checkout_url": p.checkout_url,
    }


class SandboxServer:
    """A local HPAY emulator on real HTTP; also a context manager (start/stop)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        accounts: Iterable[SandboxAccount] = (DEMO_ACCOUNT, DEMO_CAD_ACCOUNT),
        token_ttl: float = 900.0,
        state_file: Path | str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.host, self.port = host, port
        path = None if state_file is None else Path(state_file)
        self.state = SandboxState(accounts, token_ttl=token_ttl, clock=clock, state_file=path)
        self.faults = FaultTable()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections = 0
        self._requests: Counter[str] = Counter()
        self._open: set[Any] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. "http://127.0.0.1:54321" (after start)."""
        if self._url is None:
            raise RuntimeError("the sandbox is not started")
        return self._url

    def start(self) -> SandboxServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._httpd is not None:
            raise RuntimeError("the sandbox is already running")
        self._stopping.clear()
        httpd = _HTTPServer((self.host, self.port), self)
        host, port = str(httpd.server_address[0]), int(httpd.server_address[1])
        self._url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        self.state.base_url = self._url
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"hpos-sandbox-{port}",
            daemon=True,
        )
        self._thread.start()
        log.info("sandbox listening on %s", self._url)
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection, slow faults included."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        with self._lock:
            open_now = list(self._open)
        for sock in open_now:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
        log.info("sandbox on %s stopped", self._url)

    def __enter__(self) -> SandboxServer:
        return self if self._httpd is not None else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- control --------------------------------------------------------------------

    def mark_paid(self, txid: str) -> PaymentSnapshot:
        """Pay a payment as the customer would; KeyError if unknown."""
        return self.state.mark_paid(txid)

    def cancel(self, txid: str) -> PaymentSnapshot:
        """Press Cancel as the customer would (status stays UNPAID); KeyError if unknown."""
        return self.state.cancel(txid)

    def expire_tokens(self) -> int:
        """Make every issued token invalid; returns how many were live."""
        return self.state.expire_tokens()

    def add_fault(
        self, endpoint: str, kind: str, *, times: int | None = None, seconds: float | None = None
    ) -> Fault:
        """Inject a fault on an API endpoint or "*" (see :mod:`hpos.sandbox.faults`)."""
        return self.faults.add(endpoint, kind, times=times, seconds=seconds)

    def clear_faults(self) -> None:
        """Remove every fault."""
        self.faults.clear()

    def payments(self) -> list[PaymentSnapshot]:
        """Every payment, oldest first."""
        return self.state.payments()

    def payment(self, txid: str) -> PaymentSnapshot | None:
        """One payment, or None."""
        return self.state.payment(txid)

    def issued_tokens(self) -> list[str]:
        """Every token ever issued (so tests can check none reached a log)."""
        return self.state.issued_tokens()

    def stats(self) -> dict[str, Any]:
        """Counters: {"connections": accepted, "open_connections": n, "requests": {path: n}}."""
        with self._lock:
            return {
                "connections": self._connections,
                "open_connections": len(self._open),
                "requests": dict(self._requests),
            }

    # -- bookkeeping (called by the HTTP server) -----------------------------------

    def _opened(self, sock: Any) -> None:
        with self._lock:
            self._connections += 1
            self._open.add(sock)

    def _closed(self, sock: Any) -> None:
        with self._lock:
            self._open.discard(sock)

    def _count(self, path: str) -> None:
        with self._lock:
            self._requests[path if path in _KNOWN_PATHS else "(other)"] += 1
