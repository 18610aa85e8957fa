"""The token cache: fetch lazily, keep in memory, refresh before expiry.

A token's age is measured on the monotonic clock from the moment its request
was *sent* (never from HPAY's ``time_generated``), so a skewed wall clock does
no harm and the estimate errs on the safe side. The cache is thread-safe: the
lock is held while fetching, so two threads that need a token at the same time
cause one request, and the second reuses the first one's token.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from hpos.hpay.models import Token

#: Refresh this long before the token's end of life, at most...
MAX_MARGIN_SECONDS = 60.0
#: ...and at most this fraction of its life (short-lived sandbox tokens).
MARGIN_FRACTION = 0.1


class TokenCache:
    """Holds at most one token; hands it out while it is comfortably alive."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._token: Token | None = None
        self._refresh_at = 0.0

    def get(self, fetch: Callable[[], Token]) -> Token:
        """Return the cached token, or call ``fetch`` (once, under the lock) for a new one."""
        with self._lock:
            if self._token is not None and self._clock() < self._refresh_at:
                return self._token
            sent_at = self._clock()
            token = fetch()
            life = float(token.livetime_seconds)
            margin = min(MAX_MARGIN_SECONDS, life * MARGIN_FRACTION)
            self._token = token
            self._refresh_at = sent_at + life - margin
            return token

    def invalidate(self, token: Token) -> None:
        """Forget ``token`` (HPAY called it invalid); a newer token is kept."""
        with self._lock:
            if self._token is not None and self._token.value == token.value:
                self._token = None

    def peek(self) -> Token | None:
        """The cached token if it is still fresh, without fetching."""
        with self._lock:
            if self._token is not None and self._clock() < self._refresh_at:
                return self._token
            return None

    def clear(self) -> None:
        """Drop the cached token (settings changed, client closing)."""
        with self._lock:
            self._token = None
