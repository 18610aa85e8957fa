"""HTTP plumbing shared by every route: exact JSON, body reading, replies, broken replies.

:class:`WireHandler` is the stdlib request handler the sandbox's routes build
on: HTTP/1.1 with keep-alive, ``Content-Length`` always set, ``Cache-Control:
no-store``, and a connection closed after any body it cannot use (chunked, no
or bad length, over ``MAX_BODY``). It also knows the two deliberately broken
replies the faults need: a TCP reset and a body trickled byte by byte.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import struct
import threading
from collections.abc import Iterable
from decimal import Decimal
from http.server import BaseHTTPRequestHandler
from typing import Any, NamedTuple

from hpos.sandbox import codes
from hpos.sandbox.codes import Refusal

log = logging.getLogger("hpos.sandbox")

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
MAX_BODY = 1 << 20


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


class Response(NamedTuple):
    """A complete reply: status, body, Content-Type and extra headers."""

    status: int
    body: bytes
    ctype: str
    headers: tuple[tuple[str, str], ...] = ()


class WireHandler(BaseHTTPRequestHandler):
    """Reading requests and writing replies; subclasses add ``do_GET``/``do_POST``."""

    protocol_version = "HTTP/1.1"
    server_version = "HPAY-Sandbox/1.0"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120  # idle keep-alive connections are closed after this

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    # -- reading --------------------------------------------------------------------

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
        """The body as a JSON object (floats as ``Decimal``); ``strict`` for the HPAY API.

        Strict: the Content-Type must be JSON and an empty body is refused;
        otherwise (control) an empty body is ``{}``.
        """
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

    # -- writing --------------------------------------------------------------------

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

    def _reply(self, response: Response) -> None:
        self._send(response.status, response.body, response.ctype, response.headers)

    def _send_json(
        self, answer: dict[str, Any], status: int = 200, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._send(status, encode_json(answer).encode("utf-8"), JSON_TYPE, headers)

    # -- broken replies (faults) ----------------------------------------------------

    def _trickle(self, data: bytes, seconds: float, stopping: threading.Event) -> None:
        """Send ``data`` one byte every ``seconds`` (until ``stopping``), then close."""
        self.close_connection = True
        try:
            self._send_head(200, len(data), JSON_TYPE)
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                if stopping.wait(seconds):
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
