"""The HTTP transport of the HPAY client: one keep-alive ``requests.Session``, no Qt.

Every call is a JSON POST with a HARD deadline (an absolute ``time.monotonic()``
value). Per-read socket timeouts cannot give one: a server trickling a byte a
second keeps every read short. So each call arms a watchdog timer, and the
connection classes mounted in the session register the socket of the current
call (a thread-local) when it is opened or reused; at the deadline the watchdog
shuts that socket down (through a ``dup`` of it, so no file-descriptor race),
which wakes the blocked read, and the call ends in :class:`HpayTimeout`.

Other rules: TLS is always verified and the environment (proxies, CA bundles,
.netrc) ignored; redirects are never followed (HPAY's secrets travel in the body);
answers are capped in size; status codes other than 3xx are the client's business.
Only :mod:`hpos.hpay.errors` exceptions leave :meth:`Transport.post_json`.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from hpos import __version__
from hpos.hpay.errors import ConfigError, HpayError, HpayTimeout, NetworkError, ProtocolError

log = logging.getLogger("hpos.hpay.transport")

_CHUNK = 65_536
_local = threading.local()  # .call: the _Call running on this thread, if any


@dataclass(frozen=True)
class RawResponse:
    """An HTTP answer, body complete and within the size cap."""

    status: int
    body: bytes
    content_type: str | None
    elapsed: float  # seconds


@dataclass
class TransportStats:
    """Counters for benchmarks (thread-safe: updated under a lock)."""

    requests: int = 0
    connections: int = 0  # new TCP connections opened
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def _add(self, *, requests: int = 0, connections: int = 0) -> None:
        with self._lock:
            self.requests += requests
            self.connections += connections


class _Call:
    """The deadline of one ``post_json`` call: sockets to shut down when it fires."""

    def __init__(self, deadline: float, stats: TransportStats) -> None:
        self._stats = stats
        self._lock = threading.Lock()
        self._dups: dict[int, socket.socket] = {}  # original fileno -> our dup of it
        self._done = False
        self.fired = False
        self.sent = False  # a request byte may have gone out on the wire
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self.fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket, *, new: bool) -> None:
        if new:
            self._stats._add(connections=1)
        fd = sock.fileno()
        with self._lock:
            if self._done or fd < 0 or fd in self._dups:
                return
            self._dups[fd] = dup = socket.fromfd(fd, sock.family, sock.type)
            if self.fired:  # the deadline passed while connecting
                _shutdown(dup)

    def fire(self) -> None:
        """Shut down this call's sockets now (deadline passed, or the app aborts)."""
        with self._lock:
            if not self._done:
                self.fired = True
                for dup in self._dups.values():
                    _shutdown(dup)

    def finish(self) -> bool:
        """Disarm the watchdog; True when the deadline fired during the call."""
        self._timer.cancel()
        with self._lock:
            self._done = True
            for dup in self._dups.values():
                dup.close()
            self._dups.clear()
            return self.fired


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to wake
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedMixin:
    """Registers the sockets it uses with the current thread's ``_Call``."""

    sock: Any

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        if call := getattr(_local, "call", None):
            call.watch(sock, new=True)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is None:  # connect here, not lazily inside send(): see `sent`
            self.connect()  # type: ignore[attr-defined]
        if call := getattr(_local, "call", None):
            call.watch(self.sock, new=False)  # a reused keep-alive connection
            call.sent = True
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_WatchedMixin, HTTPConnection):
    pass


class _HTTPSConnection(_WatchedMixin, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class _Adapter(HTTPAdapter):
    """An adapter whose pools (direct and through a proxy) use the watched connections."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = _POOLS
        return manager


class Transport:
    """POSTs JSON to HPAY over one keep-alive session, each call under a hard deadline."""

    def __init__(
        self,
        base_url: str,
        *,
        proxy: str | None = None,
        connect_timeout: float = 5.0,
        max_response_bytes: int = 1_048_576,
        user_agent: str = f"HPOS/{__version__}",
    ) -> None:
        if proxy and urlsplit(proxy).scheme not in ("http", "https"):
            raise ConfigError("The proxy must be an http:// or https:// URL.")
        self._base_url = base_url.rstrip("/")
        self._host = urlsplit(base_url).netloc
        self._proxies = {"http": proxy, "https": proxy} if proxy else {}
        self._connect_timeout = connect_timeout
        self._max_bytes = max_response_bytes
        self._stats = TransportStats()
        self._session = requests.Session()
        self._session.trust_env = False  # no env proxies, CA bundles or .netrc
        self._session.headers.clear()
        self._session.headers.update(
            {"User-Agent": user_agent, "Accept": "application/json", "Accept-Encoding": "identity"}
        )
        self._active: set[_Call] = set()
        self._active_lock = threading.Lock()
        self._adapter = _Adapter()
        self._session.mount("http://", self._adapter)
        self._session.mount("https://", self._adapter)

    @property
    def stats(self) -> TransportStats:
        return self._stats

    def close(self) -> None:
        self._session.close()

    def abort(self) -> int:
        """End every call in flight now, as if its deadline had passed (app closing).

        Returns how many calls were cut; each ends in HpayTimeout on its own thread.
        """
        with self._active_lock:
            calls = list(self._active)
        for call in calls:
            call.fire()
        return len(calls)

    def post_json(self, path: str, body: bytes, *, deadline: float) -> RawResponse:
        """POST ``body`` to ``base_url + path``; over by ``deadline`` whatever happens."""
        start = time.monotonic()
        if start >= deadline:
            raise HpayTimeout(f"HPAY ({self._host}) did not answer in time.", maybe_reached=False)
        self._stats._add(requests=1)
        call = _local.call = _Call(deadline, self._stats)
        with self._active_lock:
            self._active.add(call)
        response: requests.Response | None = None
        try:
            response = self._send(path, body, deadline)
            result = self._read(response, start)
        except Exception as exc:  # every failure becomes an HpayError
            fired = call.finish()
            error = self._translate(exc, fired=fired, sent=call.sent, in_body=response is not None)
            log.debug("POST %s failed after %.3f s: %s", path, time.monotonic() - start, error)
            if error is exc:
                raise
            raise error from exc
        finally:
            _local.call = None
            with self._active_lock:
                self._active.discard(call)
            fired = call.finish()
            if response is not None:  # a half-read connection is closed, not pooled
                response.close()
        if fired:  # e.g. a read-until-close body the watchdog cut: it only looks complete
            log.debug("POST %s ran past its deadline", path)
            raise HpayTimeout(f"HPAY ({self._host}) did not answer in time.", maybe_reached=True)
        size = len(result.body)
        log.debug(
            "POST %s -> HTTP %d, %d bytes in %.3f s", path, result.status, size, result.elapsed
        )
        return result

    def _send(self, path: str, body: bytes, deadline: float) -> requests.Response:
        # The adapter is called directly: Session.send would read a 3xx body in full.
        headers = {"Content-Type": "application/json"}
        request = requests.Request("POST", self._base_url + path, data=body, headers=headers)
        prepared = self._session.prepare_request(request)
        remaining = max(deadline - time.monotonic(), 0.001)
        return self._adapter.send(
            prepared,
            stream=True,
            timeout=(min(self._connect_timeout, remaining), remaining),
            verify=True,
            proxies=self._proxies,
        )

    def _read(self, response: requests.Response, start: float) -> RawResponse:
        if 300 <= response.status_code < 400:
            raise ProtocolError("HPAY answered with a redirect; not followed.")
        limit = self._max_bytes
        too_large = ProtocolError(f"HPAY's answer is too large (over {limit} bytes).")
        length = response.headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) > limit:
            raise too_large
        chunks: list[bytes] = []
        total = 0
        while chunk := response.raw.read(min(_CHUNK, limit + 1 - total), decode_content=True):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large
        elapsed = time.monotonic() - start
        content_type = response.headers.get("Content-Type")
        return RawResponse(response.status_code, b"".join(chunks), content_type, elapsed)

    def _translate(self, exc: Exception, *, fired: bool, sent: bool, in_body: bool) -> HpayError:
        """Map any failure to an HpayError whose message carries no request data."""
        chain = _chain(exc)

        def has(*types: type[BaseException]) -> bool:
            return any(isinstance(e, types) for e in chain)

        host = self._host
        late = f"HPAY ({host}) did not answer in time."
        if fired:
            return HpayTimeout(late, maybe_reached=sent)
        if isinstance(exc, HpayError):
            return exc
        if has(u3.ProxyError, requests.exceptions.ProxyError):
            return NetworkError("Cannot reach HPAY through the proxy.", maybe_reached=sent)
        if has(u3.NameResolutionError, socket.gaierror):
            return NetworkError(f"Cannot find the HPAY server {host}.", maybe_reached=False)
        if has(u3.NewConnectionError):  # a subclass of ConnectTimeoutError: test it first
            return NetworkError(f"Cannot connect to the HPAY server {host}.", maybe_reached=False)
        if has(u3.ConnectTimeoutError):
            return HpayTimeout(f"Connecting to {host} took too long.", maybe_reached=False)
        if has(u3.SSLError, ssl.SSLError, ssl.CertificateError):
            message = f"Secure connection to {host} failed: its certificate could not be verified."
            return NetworkError(message, maybe_reached=sent)
        if has(u3.ReadTimeoutError, TimeoutError, requests.exceptions.Timeout):
            return HpayTimeout(late, maybe_reached=sent)
        if in_body and has(u3.ProtocolError, http.client.IncompleteRead, u3.DecodeError):
            return ProtocolError("HPAY's answer was cut short.")
        # RemoteDisconnected is both an HTTPException and a ConnectionError: a lost connection.
        if has(u3.InvalidHeader, http.client.HTTPException) and not has(ConnectionError):
            return ProtocolError("HPAY's answer is not valid HTTP.")
        return NetworkError(f"The connection to {host} was lost.", maybe_reached=True)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, what it wraps (its args, urllib3's ``reason``) and its causes."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(seen) < 12:
        current = todo.pop()
        if isinstance(current, BaseException) and all(current is not s for s in seen):
            seen.append(current)
            todo += [current.__cause__, getattr(current, "reason", None), *current.args]
    return seen
