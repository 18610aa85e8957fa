"""The one error hierarchy of the HPAY layer.

Every failure the client can meet ends in a subclass of :class:`HpayError`.
Messages are written for the person at the counter (one short sentence) and
never carry a key, a secret or a token: callers build them from fixed text and
from values HPAY sent back, which are passed through the redactor anyway.

Hierarchy::

    HpayError
    ├── ConfigError            bad base URL, missing credentials, bad settings
    ├── InvalidRequest         a request we refuse to send (also a ValueError)
    │   └── InvalidAmount      an amount we refuse to send
    ├── ApiRefused             HPAY answered {"success": false, ...}
    │   ├── BadCredentials     the keys were refused
    │   └── TokenInvalid       the token is unknown or expired
    ├── NetworkError           the request failed on the way (DNS, refused, reset)
    │   └── HpayTimeout        the call ran past its deadline
    ├── ProtocolError          the answer is not what HPAY-API.md documents
    │   └── ServerError        HTTP 5xx (often an HTML error page)
    ├── UnsafeCheckoutUrl      a checkout URL we will not show as a QR
    └── OutcomeUnknown         a payment request that may have reached HPAY
"""

from __future__ import annotations


class HpayError(Exception):
    """Base class: a failure talking to HPAY, with a human-readable message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(HpayError):
    """The configuration cannot work (bad base URL, missing key, bad mode...)."""


class InvalidRequest(HpayError, ValueError):
    """A request we refuse to send: empty product name, bad filter, bad page size..."""


class InvalidAmount(InvalidRequest):
    """An amount that must not be sent: not positive, too many decimals, too large."""


class ApiRefused(HpayError):
    """HPAY answered ``success: false``; nothing was created.

    ``error_code`` is HPAY's code (``None`` when absent), ``api_message`` its own
    words, ``endpoint`` the path that refused.
    """

    def __init__(
        self,
        message: str,
        *,
        error_code: int | None = None,
        api_message: str = "",
        endpoint: str = "",
    ) -> None:
        super().__init__(message)
        self.error_code = error_code
        self.api_message = api_message
        self.endpoint = endpoint


class BadCredentials(ApiRefused):
    """HPAY refused the API key, public key or secret key."""


class TokenInvalid(ApiRefused):
    """HPAY says the token is unknown or expired (the client refreshes once)."""


class NetworkError(HpayError):
    """The request did not get an answer: DNS, connection refused, reset...

    ``maybe_reached`` is False only when the request certainly never reached the
    server (name resolution failed, connection refused, connect timeout); the
    payment call uses it to decide whether a retry is safe.
    """

    def __init__(self, message: str, *, maybe_reached: bool = True) -> None:
        super().__init__(message)
        self.maybe_reached = maybe_reached


class HpayTimeout(NetworkError):
    """The call ran past its deadline (connect, read or the whole call)."""


class ProtocolError(HpayError):
    """The answer is not what HPAY documents: HTML page, truncated or wrong-shaped JSON.

    ``http_status`` is the HTTP status of a complete answer that could not be used
    (None when no complete answer came): HPAY did answer, so the request finished there.
    """

    http_status: int | None = None


class ServerError(ProtocolError):
    """HPAY's server failed (HTTP 5xx); read calls retry, a payment becomes OutcomeUnknown."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status
        self.http_status = status


class UnsafeCheckoutUrl(HpayError):
    """A checkout URL that is not https on an allowed host; never shown as a QR.

    When the URL came back from /payment/, the payment exists at HPAY:
    ``transaction_id`` then names it so the sale can still be tracked.
    """

    def __init__(self, message: str, *, transaction_id: str | None = None) -> None:
        super().__init__(message)
        self.transaction_id = transaction_id


class OutcomeUnknown(HpayError):
    """A payment request may have created a payment, but we got no usable answer.

    Never resend blindly: HPAY has no idempotency key. The sales layer reconciles
    through /getPaymentHistory/ using the sale reference carried in the description.
    ``cause`` is the underlying error (a NetworkError, HpayTimeout or ProtocolError).
    ``http_status`` is set when HPAY *answered* (any complete HTTP answer but a 504
    gateway timeout): the request finished there, so a short search of the history
    settles it; None when no answer came (timeout, reset mid-answer, 504).
    """

    def __init__(
        self, message: str, *, cause: HpayError | None = None, http_status: int | None = None
    ) -> None:
        super().__init__(message)
        self.cause = cause
        self.http_status = http_status

    @property
    def answered(self) -> bool:
        """Did HPAY answer (the request finished there)?"""
        return self.http_status is not None
