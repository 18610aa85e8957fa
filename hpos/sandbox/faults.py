"""Fault injection: what can go wrong between the till and HPAY, on demand.

A fault applies to one API endpoint ("/getToken/", "/payment/",
"/getPaymentHistory/", "/getCollectBalance/") or to all four ("*"); never to
the checkout page or the control interface. ``times=None`` keeps it forever,
``times=n`` removes it after n requests. When several match, the oldest wins.

Kinds, and whether the request is *processed* (e.g. a payment created):

=========== ========= ==========================================================
kind        processed what the client sees
=========== ========= ==========================================================
latency     yes       the normal answer after ``seconds`` (processed first, so a
                      payment exists even while its answer is still delayed)
http_500    no        HTTP 500 with an HTML error page
http_502    no        HTTP 502 Bad Gateway, HTML page (a proxy before HPAY failed)
bad_gateway yes       HTTP 502 Bad Gateway after the request was processed (the
                      proxy failed on HPAY's answer: the payment exists)
http_504    yes       HTTP 504 Gateway Timeout after the request was processed
                      (the gateway gave up waiting; HPAY went on)
truncated   yes       full Content-Length, half of the JSON body, then EOF
empty       no        HTTP 200 with an empty body (Content-Length: 0)
refuse      no        ``success: false`` "Service temporarily unavailable"
reset       no        the request is read, then the socket is closed with
                      SO_LINGER 0: a TCP reset
trickle     yes       the normal answer, body sent one byte every ``seconds``
no_answer   yes       nothing at all; the connection is held ``seconds`` (or until
                      the server stops), then closed
=========== ========= ==========================================================
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

API_PATHS = ("/getToken/", "/payment/", "/getPaymentHistory/", "/getCollectBalance/")
KINDS = (
    "latency", "http_500", "http_502", "bad_gateway", "http_504", "truncated", "empty",
    "refuse", "reset", "trickle", "no_answer",
)  # fmt: skip
#: Kinds after which the request has been processed (a /payment/ created its payment).
PROCESSING_KINDS = frozenset(
    {"latency", "bad_gateway", "http_504", "truncated", "trickle", "no_answer"}
)
#: ``seconds`` when the caller gives none.
DEFAULT_SECONDS = {"latency": 5.0, "trickle": 0.1, "no_answer": 60.0}


@dataclass
class Fault:
    """One injected fault; ``times`` is the number of requests left (None: forever)."""

    endpoint: str
    kind: str
    times: int | None
    seconds: float


class FaultTable:
    """The thread-safe list of active faults."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self, endpoint: str, kind: str, *, times: int | None = None, seconds: float | None = None
    ) -> Fault:
        """Register a fault; ValueError for an unknown endpoint or kind or bad numbers."""
        if endpoint != "*" and endpoint not in API_PATHS:
            raise ValueError(f"unknown endpoint {endpoint!r}: use one of {API_PATHS} or '*'")
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}: use one of {KINDS}")
        if times is not None and (isinstance(times, bool) or not isinstance(times, int)):
            raise ValueError("times must be an int or None")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1")
        if seconds is None:
            seconds = DEFAULT_SECONDS.get(kind, 0.0)
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            raise ValueError("seconds must be a number >= 0")
        fault = Fault(endpoint, kind, times, float(seconds))
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every fault."""
        with self._lock:
            self._faults.clear()

    def take(self, path: str) -> Fault | None:
        """The fault to apply to this request to ``path`` (counting it down), if any."""
        with self._lock:
            for fault in self._faults:
                if fault.endpoint in ("*", path):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return Fault(fault.endpoint, fault.kind, fault.times, fault.seconds)
        return None

    def active(self) -> list[Fault]:
        """Copies of the active faults."""
        with self._lock:
            return [Fault(f.endpoint, f.kind, f.times, f.seconds) for f in self._faults]
