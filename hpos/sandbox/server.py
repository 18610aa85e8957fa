"""The sandbox over real HTTP: :class:`SandboxServer`, its routes, and fault application.

``SandboxServer`` runs a stdlib ``ThreadingHTTPServer`` on loopback (HTTP/1.1,
keep-alive, Content-Length always set) in a daemon thread. Routes:

- ``POST /getToken/``, ``/payment/``, ``/getPaymentHistory/``, ``/getCollectBalance/``:
  JSON (``Content-Type: application/json``) as in HPAY-API.md, answered by
  :class:`~hpos.sandbox.state.SandboxState`; faults apply here only.
- ``/checkout/...``: the hosted checkout page (:mod:`hpos.sandbox.checkout`).
- ``/_sandbox/...``: control for tests and the CLI (:mod:`hpos.sandbox.control`).

Anything else is 404, a known path with the wrong method 405. Nothing secret
is logged: paths, outcomes and transaction ids only.

With ``lan_host`` (``hpos --demo --lan``) a second listener on that address serves the
checkout page and its Pay/Cancel buttons only (the API and the control paths are 404
there), and the checkout links the API hands out point to it, so a phone on the same
network can open them. The API itself stays on loopback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from hpos.sandbox import codes
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount
from hpos.sandbox.checkout import ACTION_PATHS, CHECKOUT_PATHS, checkout_action, checkout_page
from hpos.sandbox.codes import Refusal
from hpos.sandbox.control import CONTROL_GET, CONTROL_POST, control_get, control_post
from hpos.sandbox.faults import API_PATHS, Fault, FaultTable
from hpos.sandbox.payments import PaymentSnapshot
from hpos.sandbox.state import SandboxState
from hpos.sandbox.wire import HTML_TYPE, JSON_TYPE, WireHandler, encode_json

log = logging.getLogger("hpos.sandbox")

_KNOWN_PATHS = frozenset((*API_PATHS, *CHECKOUT_PATHS, *ACTION_PATHS, *CONTROL_POST, *CONTROL_GET))
_PAGE_500 = (
    b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n"
    b"<body><h1>Internal Server Error</h1><p>The server encountered an internal error "
    b"and was unable to complete your request.</p></body></html>\n"
)
_PAGE_502 = (
    b"<html><head><title>502 Bad Gateway</title></head>\n"
    b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"
)
_PAGE_504 = (
    b"<html><head><title>504 Gateway Time-out</title></head>\n"
    b"<body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center>"
    b"</body></html>\n"
)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # On Windows SO_REUSEADDR would let a second server bind a port in use (the demo
    # asks for the port it had last time); elsewhere it only skips TIME_WAIT.
    allow_reuse_address = os.name != "nt"

    def __init__(
        self, address: tuple[str, int], owner: SandboxServer, *, checkout_only: bool = False
    ) -> None:
        self.owner = owner
        #: The LAN listener: the checkout page and its buttons only.
        self.checkout_only = checkout_only
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


class _Handler(WireHandler):
    server: _HTTPServer
    _counted = False  # the API request being handled is counted in flight

    @property
    def _owner(self) -> SandboxServer:
        return self.server.owner

    # -- routing ----------------------------------------------------------------

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        self._owner._count(path)
        if self.server.checkout_only and path not in CHECKOUT_PATHS:
            self._refuse_path(path, "GET")
        elif path in CHECKOUT_PATHS:
            self._reply(checkout_page(self._owner.state, query))
        elif path in CONTROL_GET:
            self._send_json(control_get(self._owner, path))
        else:
            self._refuse_path(path, "GET")

    def do_POST(self) -> None:
        path = self.path.partition("?")[0]
        self._owner._count(path)
        raw = self._read_body()
        if self.server.checkout_only and path not in ACTION_PATHS:
            self._refuse_path(path, "POST")
        elif path in API_PATHS:
            self._owner._api_started()
            self._counted = True
            try:
                self._api(path, raw)
            finally:
                self._answered()
        elif path in ACTION_PATHS:
            self._reply(checkout_action(self._owner.state, path, raw))
        elif path in CONTROL_POST:
            try:
                answer = control_post(self._owner, path, self._decode(raw, strict=False))
            except Refusal as refusal:
                self._send_json(refusal.answer(), refusal.http_status)
            else:
                self._send_json(answer)
        else:
            self._refuse_path(path, "POST")

    def _answered(self) -> None:
        """This API request is no longer in flight: its answer begins (or it gets none).

        Counted before the first byte goes out, so a client holding the answer never
        sees its request still in flight in :meth:`SandboxServer.stats`."""
        if self._counted:
            self._counted = False
            self._owner._api_finished()

    def _send_head(
        self, status: int, length: int, ctype: str, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._answered()
        super()._send_head(status, length, ctype, headers)

    def _refuse_path(self, path: str, method: str) -> None:
        known = (*CHECKOUT_PATHS, *ACTION_PATHS) if self.server.checkout_only else _KNOWN_PATHS
        if path in known:
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
            if fault.kind == "http_502":
                self._send(502, _PAGE_502, HTML_TYPE)
                return
            if fault.kind == "empty":
                self._send(200, b"", JSON_TYPE)
                return
            if fault.kind == "refuse":
                refusal = Refusal(codes.UNAVAILABLE, "Service temporarily unavailable")
                self._send_json(refusal.answer())
                return
        data = encode_json(self._process(path, raw)).encode("utf-8")
        stopping = self._owner._stopping
        if fault is None:
            self._send(200, data, JSON_TYPE)
        elif fault.kind == "latency":
            if stopping.wait(fault.seconds):
                self.close_connection = True
            else:
                self._send(200, data, JSON_TYPE)
        elif fault.kind in ("bad_gateway", "http_504"):
            page = _PAGE_502 if fault.kind == "bad_gateway" else _PAGE_504
            self._send(502 if fault.kind == "bad_gateway" else 504, page, HTML_TYPE)
        elif fault.kind == "truncated":
            self.close_connection = True
            self._send_head(200, len(data), JSON_TYPE)
            self.wfile.write(data[: len(data) // 2])
        elif fault.kind == "trickle":
            self._trickle(data, fault.seconds, stopping)
        else:  # no_answer
            self.close_connection = True
            stopping.wait(fault.seconds)

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
        lan_host: str | None = None,
        lan_port: int = 0,
    ) -> None:
        self.host, self.port = host, port
        #: This machine's LAN address: the checkout page is served there too (see above).
        self.lan_host, self.lan_port = lan_host, lan_port
        path = None if state_file is None else Path(state_file)
        self.state = SandboxState(accounts, token_ttl=token_ttl, clock=clock, state_file=path)
        self.faults = FaultTable()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections = 0
        self._requests: Counter[str] = Counter()
        self._in_flight = 0  # API requests not answered yet (a latency fault's delay included)
        self._max_in_flight = 0  # the most at once since start or reset_peak()
        self._open: set[Any] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None
        self._lan_httpd: _HTTPServer | None = None
        self._lan_thread: threading.Thread | None = None
        self._lan_url: str | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. "http://127.0.0.1:54321" (after start)."""
        if self._url is None:
            raise RuntimeError("the sandbox is not started")
        return self._url

    @property
    def lan_url(self) -> str | None:
        """The LAN listener's base URL (checkout page only), e.g. "http://192.168.1.23:54322";
        None without ``lan_host`` or before start."""
        return self._lan_url

    def start(self) -> SandboxServer:
        """Bind and serve in a daemon thread (two with ``lan_host``); returns self.

        OSError when an address cannot be bound (nothing is left listening then).
        """
        if self._httpd is not None:
            raise RuntimeError("the sandbox is already running")
        self._stopping.clear()
        httpd = _HTTPServer((self.host, self.port), self)
        lan_httpd = None
        if self.lan_host:
            try:
                lan_httpd = _HTTPServer((self.lan_host, self.lan_port), self, checkout_only=True)
            except OSError:
                httpd.server_close()
                raise
        self._url = _base_url(httpd)
        self._lan_url = _base_url(lan_httpd) if lan_httpd is not None else None
        self.state.base_url = self._lan_url or self._url  # where the checkout links point
        self._httpd, self._lan_httpd = httpd, lan_httpd
        self._thread = _serve(httpd)
        log.info("sandbox listening on %s", self._url)
        if lan_httpd is not None:
            self._lan_thread = _serve(lan_httpd)
            log.info("sandbox checkout page also on %s", self._lan_url)
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection, slow faults included."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        lan_httpd, self._lan_httpd = self._lan_httpd, None
        if lan_httpd is not None:
            lan_httpd.shutdown()
            lan_httpd.server_close()
            if self._lan_thread is not None:
                self._lan_thread.join(timeout=5.0)
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
        """Counters: {"connections": accepted, "open_connections": n, "requests": {path: n},
        "in_flight": API requests whose answer has not begun, "max_in_flight": the peak}."""
        with self._lock:
            return {
                "connections": self._connections,
                "open_connections": len(self._open),
                "requests": dict(self._requests),
                "in_flight": self._in_flight,
                "max_in_flight": self._max_in_flight,
            }

    def reset_peak(self) -> None:
        """Start counting ``max_in_flight`` again from the requests in flight now."""
        with self._lock:
            self._max_in_flight = self._in_flight

    # -- bookkeeping (called by the HTTP server) -----------------------------------

    def _opened(self, sock: Any) -> None:
        with self._lock:
            self._connections += 1
            self._open.add(sock)

    def _closed(self, sock: Any) -> None:
        with self._lock:
            self._open.discard(sock)

    def _api_started(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)

    def _api_finished(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _count(self, path: str) -> None:
        with self._lock:
            self._requests[path if path in _KNOWN_PATHS else "(other)"] += 1


def _base_url(httpd: _HTTPServer) -> str:
    """ "http://127.0.0.1:54321" (brackets around an IPv6 address)."""
    host, port = str(httpd.server_address[0]), int(httpd.server_address[1])
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _serve(httpd: _HTTPServer) -> threading.Thread:
    """Serve ``httpd`` in a started daemon thread."""
    thread = threading.Thread(
        target=httpd.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"hpos-sandbox-{httpd.server_address[1]}",
        daemon=True,
    )
    thread.start()
    return thread
