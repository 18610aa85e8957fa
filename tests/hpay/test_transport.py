"""The HPAY transport against small loopback servers that misbehave on purpose.

Every server binds 127.0.0.1 on a free port, serves each connection in a thread
and is stopped (its sockets shut down, its threads joined) by the ``serve``
fixture. Wall-clock checks are loose: a call must be over before its deadline
plus one second, never "took exactly N seconds".
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import logging
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hpos.hpay.errors import HpayTimeout, NetworkError, ProtocolError
from hpos.hpay.transport import RawResponse, Transport

SECRET = "sk-test-VERY-SECRET-4242"
BODY = b'{"api_key": "k", "api_secret_key": "' + SECRET.encode() + b'"}'
ANSWER = b'{"success": true, "message": "Token generated"}'
DEADLINE = 1.0  # seconds, for the tests that wait for a deadline
MARGIN = 1.0  # a call is over before its deadline + MARGIN

Handler = Callable[["Server", socket.socket], None]


class Server:
    """A loopback TCP server running ``handler(server, conn)`` for each connection."""

    def __init__(self, handler: Handler, *, tls: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.tls = tls
        self.received: list[bytes] = []  # raw requests (head + body) read by read_request
        self.connections = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def wait(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; True when it is."""
        return self._stop.wait(seconds)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(5.0)
            with self._lock:
                self.connections += 1
                self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:  # ssl.SSLError is an OSError too
            if self.tls is None:
                self.handler(self, conn)
            else:
                with self.tls.wrap_socket(conn, server_side=True) as tls_conn:
                    self.handler(self, tls_conn)

    def stop(self) -> None:
        self._stop.set()
        self._accepter.join(5)
        self._listener.close()
        with self._lock:
            for conn in self._conns:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)  # wakes a handler blocked in recv
        for thread in self._threads:
            thread.join(5)


def read_request(server: Server, conn: socket.socket) -> bytes:
    """Read one request (head + Content-Length body); b"" when the client closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    request = head + b"\r\n\r\n" + body
    server.received.append(request)
    return request


def response(status: int = 200, body: bytes = ANSWER, *headers: str, length: bool = True) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever", *headers]
    if length:
        lines.append(f"Content-Length: {len(body)}")
    if not any(h.lower().startswith("content-type") for h in headers):
        lines.append("Content-Type: application/json")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def hold(server: Server, conn: socket.socket) -> None:
    """Say nothing until the client gives up (or the server stops)."""
    conn.settimeout(0.1)
    while not server.wait(0):
        try:
            if not conn.recv(65536):
                return
        except TimeoutError:
            continue


def answering(status: int = 200, body: bytes = ANSWER, *headers: str) -> Handler:
    """A keep-alive handler answering every request the same way; '/slow' is never answered."""

    def handle(server: Server, conn: socket.socket) -> None:
        while request := read_request(server, conn):
            if request.startswith(b"POST /slow"):
                hold(server, conn)
                return
            conn.sendall(response(status, body, *headers))

    return handle


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def start(handler: Handler, **kwargs: object) -> Server:
        server = Server(handler, **kwargs)  # type: ignore[arg-type]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def transport() -> Iterator[Callable[..., Transport]]:
    made: list[Transport] = []

    def make(url: str, **kwargs: object) -> Transport:
        made.append(Transport(url, **kwargs))  # type: ignore[arg-type]
        return made[-1]

    yield make
    for item in made:
        item.close()


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    start = time.monotonic()
    yield
    assert time.monotonic() - start < seconds


def post(t: Transport, path: str = "/getToken/", seconds: float = 5.0) -> RawResponse:
    with within(seconds + MARGIN):
        return t.post_json(path, BODY, deadline=time.monotonic() + seconds)


def fails(
    t: Transport, error: type[Exception], path: str = "/getToken/", seconds: float = 5.0
) -> Any:
    """The error a call raises, checked to be over in time and to leak nothing."""
    with within(seconds + MARGIN), pytest.raises(error) as info:
        t.post_json(path, BODY, deadline=time.monotonic() + seconds)
    assert SECRET not in str(info.value)
    return info.value


# -- normal operation ------------------------------------------------------------------


def test_post_returns_the_answer_and_keeps_the_connection_alive(serve, transport) -> None:
    server = serve(answering())
    t = transport(server.url)
    first = post(t)
    second = post(t, "/getCollectBalance/")
    assert first == RawResponse(200, ANSWER, "application/json", first.elapsed)
    assert second.body == ANSWER
    assert first.elapsed >= 0
    assert (t.stats.requests, t.stats.connections) == (2, 1)
    assert server.connections == 1


def test_request_line_headers_and_body_are_sent(serve, transport) -> None:
    server = serve(answering())
    post(transport(server.url + "/"), "/payment/")
    head, _, body = server.received[0].partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    assert lines[0] == "POST /payment/ HTTP/1.1"
    assert headers["content-type"] == "application/json"
    assert headers["accept"] == "application/json"
    assert headers["user-agent"].startswith("HPOS/")
    assert headers["content-length"] == str(len(BODY))
    assert body == BODY


@pytest.mark.parametrize("status", [400, 500, 503])
def test_error_statuses_are_returned_not_raised(serve, transport, status: int) -> None:
    page = b"<html>Service Unavailable</html>"
    server = serve(answering(status, page, "Content-Type: text/html"))
    raw = post(transport(server.url))
    assert (raw.status, raw.body, raw.content_type) == (status, page, "text/html")


def test_two_threads_share_one_transport(serve, transport) -> None:
    server = serve(answering())
    t = transport(server.url)
    results: list[bytes] = []

    def work() -> None:
        results.extend(post(t).body for _ in range(5))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [ANSWER] * 10
    assert t.stats.requests == 10
    assert 1 <= t.stats.connections <= 2


def test_debug_log_has_path_and_status_but_no_body(serve, transport, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="hpos.hpay.transport")
    server = serve(answering())
    post(transport(server.url))
    assert "/getToken/" in caplog.text
    assert "200" in caplog.text
    assert SECRET not in caplog.text
    assert "Token generated" not in caplog.text


# -- the hard deadline -----------------------------------------------------------------


def trickle(head: bytes, tail: bytes) -> Handler:
    """Send ``head`` at once, then ``tail`` one byte every 0.2 s."""

    def handle(server: Server, conn: socket.socket) -> None:
        read_request(server, conn)
        conn.sendall(head)
        for byte in tail:
            if server.wait(0.2):
                return
            conn.sendall(bytes([byte]))

    return handle


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        pytest.param(response(body=b"")[:-2], b"X-Slow: " + b"a" * 100, id="headers"),
        pytest.param(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", b"{" * 100, id="body"),
        pytest.param(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", b"{" * 100, id="no-length"),
        pytest.param(b"", b"HTTP/1.1 200 OK\r\n", id="status-line"),
    ],
)
def test_a_trickling_server_cannot_hold_the_call(serve, transport, head, tail) -> None:
    server = serve(trickle(head, tail))
    error = fails(transport(server.url), HpayTimeout, seconds=DEADLINE)
    assert error.maybe_reached is True


def test_a_silent_server_times_out_as_maybe_reached(serve, transport) -> None:
    server = serve(answering())
    error = fails(transport(server.url), HpayTimeout, "/slow", seconds=DEADLINE)
    assert error.maybe_reached is True
    assert len(server.received) == 1


def test_the_transport_works_again_after_a_killed_call(serve, transport) -> None:
    server = serve(answering())
    t = transport(server.url)
    assert post(t).status == 200
    fails(t, HpayTimeout, "/slow", seconds=DEADLINE)
    assert post(t).body == ANSWER
    assert (t.stats.requests, t.stats.connections) == (3, 2)  # the killed one is not reused


def test_a_killed_call_does_not_disturb_another_thread(serve, transport) -> None:
    server = serve(answering())
    t = transport(server.url)
    thread = threading.Thread(target=fails, args=(t, HpayTimeout, "/slow", DEADLINE))
    thread.start()
    bodies = []
    while thread.is_alive():
        bodies.append(post(t).body)
        time.sleep(0.05)
    thread.join()
    assert bodies
    assert set(bodies) == {ANSWER}


def test_a_deadline_already_past_sends_nothing(serve, transport) -> None:
    server = serve(answering())
    with pytest.raises(HpayTimeout) as info:
        transport(server.url).post_json("/getToken/", BODY, deadline=time.monotonic() - 1)
    assert info.value.maybe_reached is False
    assert server.connections == 0


# -- connection failures -------------------------------------------------------------------


def test_connection_refused_never_reached(transport) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    error = fails(transport(f"http://127.0.0.1:{port}"), NetworkError)
    assert not isinstance(error, HpayTimeout)
    assert error.maybe_reached is False


def test_dns_failure_never_reached(transport) -> None:
    error = fails(transport("http://nonexistent.invalid"), NetworkError)
    assert error.maybe_reached is False
    assert "nonexistent.invalid" in str(error)


def reset_after_request(server: Server, conn: socket.socket) -> None:
    read_request(server, conn)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def close_after_request(server: Server, conn: socket.socket) -> None:
    read_request(server, conn)


@pytest.mark.parametrize("handler", [reset_after_request, close_after_request])
def test_a_lost_connection_after_sending_may_have_reached(serve, transport, handler) -> None:
    server = serve(handler)
    error = fails(transport(server.url), NetworkError)
    assert error.maybe_reached is True
    assert len(server.received) == 1


# -- answers we refuse -----------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_never_followed(serve, transport, status: int) -> None:
    other = serve(answering())
    server = serve(answering(status, b"moved", f"Location: {other.url}/steal/"))
    error = fails(transport(server.url), ProtocolError)
    assert "redirect" in str(error)
    time.sleep(0.2)
    assert other.connections == 0
    assert other.received == []


def sends(data: bytes) -> Handler:
    def handle(server: Server, conn: socket.socket) -> None:
        read_request(server, conn)
        conn.sendall(data)

    return handle


BIG = b"x" * 5000
CHUNKED = b"".join(b"3e8\r\n" + b"x" * 1000 + b"\r\n" for _ in range(5)) + b"0\r\n\r\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(response(200, BIG), id="content-length"),
        pytest.param(response(200, BIG, "Connection: close", length=False), id="until-close"),
        pytest.param(
            response(200, CHUNKED, "Transfer-Encoding: chunked", length=False), id="chunk"
        ),
    ],
)
def test_an_answer_over_the_cap_is_refused(serve, transport, data: bytes) -> None:
    server = serve(sends(data))
    error = fails(transport(server.url, max_response_bytes=1000), ProtocolError)
    assert "too large" in str(error)


def test_an_answer_at_the_cap_is_accepted(serve, transport) -> None:
    server = serve(sends(response(200, BIG[:1000])))
    assert post(transport(server.url, max_response_bytes=1000)).body == BIG[:1000]


def test_an_answer_shorter_than_its_content_length_is_cut_short(serve, transport) -> None:
    server = serve(sends(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b'{"success"'))
    error = fails(transport(server.url), ProtocolError)
    assert "cut short" in str(error)


def test_an_answer_that_is_not_http_is_a_protocol_error(serve, transport) -> None:
    server = serve(sends(b"SSH-2.0-OpenSSH_9.6\r\n"))
    fails(transport(server.url), ProtocolError)


# -- environment, proxy, TLS -----------------------------------------------------------


def test_the_environment_is_ignored(serve, transport, monkeypatch, tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login user password hunter2\n")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, "/nonexistent")
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", str(netrc))
    server = serve(answering())
    assert post(transport(server.url)).body == ANSWER
    assert b"authorization" not in server.received[0].lower()


def test_a_configured_proxy_is_used(serve, transport) -> None:
    proxy = serve(answering())
    t = transport("http://hpay.example.test", proxy=proxy.url)
    assert post(t).body == ANSWER
    assert proxy.received[0].startswith(b"POST http://hpay.example.test/getToken/ HTTP/1.1\r\n")
    assert t.stats.connections == 1


def test_an_unreachable_proxy_is_a_network_error(transport) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    t = transport("http://hpay.example.test", proxy=f"http://127.0.0.1:{port}")
    error = fails(t, NetworkError)
    assert error.maybe_reached is False


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no CA signed, and its key."""
    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_an_untrusted_certificate_is_refused_whatever_the_env_says(
    serve, transport, monkeypatch, self_signed
) -> None:
    cert_path, key_path = self_signed
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(name, str(cert_path))
    server = serve(answering(), tls=context)
    error = fails(transport(server.url), NetworkError)
    assert error.maybe_reached is False
    assert "certificate" in str(error)
    assert server.received == []


def test_a_stalled_tls_handshake_is_held_to_the_deadline(serve, transport) -> None:
    server = serve(hold)  # accepts TCP, never speaks TLS
    error = fails(transport(f"https://127.0.0.1:{server.port}"), HpayTimeout, seconds=DEADLINE)
    assert error.maybe_reached is False


@pytest.fixture
def trusted_tls(monkeypatch, self_signed) -> ssl.SSLContext:
    """A server context whose certificate the transport trusts (test-only CA bundle)."""
    import requests.adapters

    cert_path, key_path = self_signed
    monkeypatch.setattr(requests.adapters, "DEFAULT_CA_BUNDLE_PATH", str(cert_path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context


def test_tls_keeps_the_connection_alive(serve, transport, trusted_tls) -> None:
    server = serve(answering(), tls=trusted_tls)
    t = transport(server.url)
    assert post(t).body == ANSWER
    assert post(t).body == ANSWER
    assert (t.stats.requests, t.stats.connections) == (2, 1)


def test_tls_trickle_is_held_to_the_deadline(serve, transport, trusted_tls) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
    server = serve(trickle(head, b"{" * 100), tls=trusted_tls)
    t = transport(server.url)
    error = fails(t, HpayTimeout, seconds=DEADLINE)
    assert error.maybe_reached is True


def test_abort_ends_a_call_in_flight_at_once() -> None:
    """Closing the app cuts a hanging call instead of waiting for its deadline."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    transport = Transport(f"http://127.0.0.1:{port}")
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            transport.post_json("/payment/", b"{}", deadline=time.monotonic() + 30)
        except HpayTimeout as exc:
            outcome.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    conn, _ = listener.accept()  # accepted, never answered
    deadline = time.monotonic() + 5
    while transport.abort() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - started < 2
    assert len(outcome) == 1
    conn.close()
    listener.close()
    transport.close()
