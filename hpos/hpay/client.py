"""HpayClient: the four HPAY endpoints, with tokens, retries and typed results.

Field names follow HPAY-API.md exactly, quirks included: /getToken/ and
/getCollectBalance/ take ``api_public_key``, /payment/ and /getPaymentHistory/
take ``public_key``, /getCollectBalance/ has no ``mode``, history filters are
``statut`` and ``fetch_limit`` "offset,count".

Retry policy:
- reads (token, history, balance) retry transport errors, HTTP 5xx and
  unreadable answers with
  exponential backoff and jitter, bounded by ``read_retries`` and the deadline;
- a payment is retried only when it certainly never reached the server (DNS
  failure, connection refused, connect timeout). After a read timeout, a reset,
  a 5xx or an unreadable answer it raises :class:`OutcomeUnknown`: HPAY has no
  idempotency key, so the sales layer reconciles through the history instead;
- a token-invalid refusal (a definite "no", nothing created) refreshes the
  token once and repeats the call, for payments too.

Every call has one hard deadline (``ClientConfig.deadline``), retries and the
token fetch included.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from hpos.hpay.errors import (
    ApiRefused,
    ConfigError,
    HpayError,
    HpayTimeout,
    InvalidRequest,
    NetworkError,
    OutcomeUnknown,
    ProtocolError,
    ServerError,
    TokenInvalid,
    UnsafeCheckoutUrl,
)
from hpos.hpay.models import (
    Balance,
    HistoryEntry,
    HistoryPage,
    Payment,
    Token,
    check_success,
    parse_balance,
    parse_history,
    parse_payment,
    parse_token,
)
from hpos.hpay.money import amount_json, validate_amount
from hpos.hpay.redact import Redactor, default_redactor
from hpos.hpay.tokens import TokenCache
from hpos.hpay.transport import RawResponse, Transport
from hpos.hpay.urls import CheckoutUrlPolicy, validate_base_url
from hpos.hpay.wire import decode_body, encode_body

log = logging.getLogger(__name__)

MODES = ("TEST", "PROD")
STATUSES = ("PAID", "UNPAID")
MAX_PAGE_SIZE = 500
MAX_PRODUCT_CHARS = 255
MAX_DESCRIPTION_CHARS = 1000
#: Backoff before retry n (0-based) is random in [0, min(cap, base * 2**n)] ("full jitter").
BACKOFF_BASE = 0.25
BACKOFF_CAP = 2.0


@dataclass(frozen=True)
class ClientConfig:
    """Everything the client needs to reach one HPAY account."""

    base_url: str
    api_key: str
    public_key: str
    secret_key: str = field(repr=False)
    mode: str = "TEST"
    checkout_hosts: tuple[str, ...] = ("checkout.hpay.cash",)
    proxy: str | None = None
    notify_url: str = "https://hpay.cash/third/notify/"
    success_url: str = "https://hpay.cash/third/success/"
    cancel_url: str = "https://hpay.cash/third/cancel/"
    deadline: float = 20.0
    connect_timeout: float = 5.0
    read_retries: int = 3
    server_tz: tzinfo = UTC


class HpayClient:
    """Speaks HPAY v2.0 over one keep-alive session. Thread-safe."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        transport: Transport | None = None,
        redactor: Redactor | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._redactor = redactor or default_redactor()
        for secret in (config.secret_key, config.api_key, config.public_key):
            if secret:
                self._redactor.add(secret)
        base_url = validate_base_url(config.base_url)
        _check_config(config)
        self.config = config
        self._transport = transport or Transport(
            base_url, proxy=config.proxy, connect_timeout=config.connect_timeout
        )
        host = urlsplit(base_url).hostname or ""
        self._checkout = CheckoutUrlPolicy((*config.checkout_hosts, host))
        self._tokens = TokenCache(clock=clock)
        self._sleep = sleep
        self._rng = rng

    # -- public API -------------------------------------------------------------------

    def token(self) -> Token:
        """The current token (cached; fetched or refreshed when needed)."""
        return self._token(self._deadline())

    def cached_token(self) -> Token | None:
        """The cached token if still fresh, without any network call."""
        return self._tokens.peek()

    def create_payment(
        self, amount: Decimal | str | int, product_name: str, description: str = ""
    ) -> Payment:
        """Ask HPAY for a hosted checkout; the amount is in the account currency.

        Raises OutcomeUnknown when the request may have created a payment but no
        usable answer came back; UnsafeCheckoutUrl (with the transaction id) when
        the payment exists but its URL must not be shown.
        """
        product = _clean_text(product_name, "product name", MAX_PRODUCT_CHARS, required=True)
        details = _clean_text(description, "description", MAX_DESCRIPTION_CHARS, required=False)
        deadline = self._deadline()
        token = self._token(deadline)
        value = validate_amount(amount, token.currency)
        cfg = self.config

        def body(tok: Token) -> dict[str, Any]:
            return {
                "api_key": cfg.api_key,
                "public_key": cfg.public_key,
                "mode": cfg.mode,
                "amount": Decimal(amount_json(value, tok.currency)),
                "product_name": product,
                "description": details,
                "notify_url": cfg.notify_url,
                "success_url": cfg.success_url,
                "cancel_url": cfg.cancel_url,
                "token": tok.value,
            }

        obj = self._with_token("/payment/", body, deadline, token=token, read=False)
        try:
            payment = parse_payment(obj)
        except ProtocolError as exc:
            exc.http_status = 200  # a complete JSON answer, but not a usable one
            raise _unknown(exc) from exc
        if payment.amount != value or payment.currency != token.currency:
            log.warning(
                "HPAY answered payment %s with %s %s for a request of %s %s",
                payment.transaction_id,
                payment.amount,
                payment.currency,
                value,
                token.currency,
            )
        try:
            self._checkout.check(payment.checkout_url)
        except UnsafeCheckoutUrl as exc:
            raise UnsafeCheckoutUrl(exc.message, transaction_id=payment.transaction_id) from None
        log.info(
            "payment %s created: %s %s", payment.transaction_id, payment.amount, payment.currency
        )
        return payment

    def history(
        self,
        *,
        status: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        offset: int = 0,
        count: int = 50,
        transaction_id: str | None = None,
    ) -> HistoryPage:
        """One page of /getPaymentHistory/ (newest first, as HPAY sends it)."""
        if status is not None and status not in STATUSES:
            raise InvalidRequest(f"Unknown payment status filter {status!r}; use PAID or UNPAID.")
        if date_from and date_to and date_from > date_to:
            raise InvalidRequest("The start date is after the end date.")
        if offset < 0 or not 1 <= count <= MAX_PAGE_SIZE:
            raise InvalidRequest(f"Pages hold 1 to {MAX_PAGE_SIZE} rows from offset 0 or more.")
        cfg = self.config

        def body(tok: Token) -> dict[str, Any]:
            return {
                "api_key": cfg.api_key,
                "public_key": cfg.public_key,
                "mode": cfg.mode,
                "statut": status or "",
                "date_from": date_from.isoformat() if date_from else "",
                "date_to": date_to.isoformat() if date_to else "",
                "fetch_limit": f"{offset},{count}",
                "transaction_id": transaction_id or "",
                "token": tok.value,
            }

        obj = self._with_token("/getPaymentHistory/", body, self._deadline(), read=True)
        return parse_history(obj, offset=offset, count=count, server_tz=cfg.server_tz)

    def iter_history(self, *, page_size: int = 100, **filters: Any) -> Iterator[HistoryEntry]:
        """Every matching entry, page after page (each page is its own call)."""
        offset = 0
        while True:
            page = self.history(offset=offset, count=page_size, **filters)
            yield from page.entries
            if not page.has_more:
                return
            offset += len(page.entries)

    def find_payment(self, transaction_id: str) -> HistoryEntry | None:
        """The history entry of one payment, or None when HPAY does not know it."""
        txid = transaction_id.strip()
        if not txid:
            raise InvalidRequest("A transaction id is needed.")
        page = self.history(transaction_id=txid, count=10)
        return next((e for e in page.entries if e.transaction_id == txid), None)

    def balance(self) -> Balance:
        """The account's balances from /getCollectBalance/ (which takes no ``mode``)."""
        cfg = self.config

        def body(tok: Token) -> dict[str, Any]:
            return {"api_key": cfg.api_key, "api_public_key": cfg.public_key, "token": tok.value}

        return parse_balance(
            self._with_token("/getCollectBalance/", body, self._deadline(), read=True)
        )

    def close(self) -> None:
        """Forget the token and close the connection pool."""
        self._tokens.clear()
        self._transport.close()

    @property
    def transport(self) -> Transport:
        """The transport (its ``stats`` count requests and connections)."""
        return self._transport

    # -- internals --------------------------------------------------------------------

    def _deadline(self) -> float:
        return time.monotonic() + self.config.deadline

    def _token(self, deadline: float) -> Token:
        return self._tokens.get(lambda: self._fetch_token(deadline))

    def _fetch_token(self, deadline: float) -> Token:
        cfg = self.config
        body = {
            "api_key": cfg.api_key,
            "api_public_key": cfg.public_key,
            "api_secret_key": cfg.secret_key,
            "mode": cfg.mode,
        }
        obj = self._post("/getToken/", body, deadline, read=True)
        token = parse_token(obj)
        self._redactor.add(token.value)
        if token.mode and token.mode != cfg.mode:
            log.warning("HPAY gave a %s token for a %s request", token.mode, cfg.mode)
        return token

    def _with_token(
        self,
        endpoint: str,
        make_body: Callable[[Token], dict[str, Any]],
        deadline: float,
        *,
        read: bool,
        token: Token | None = None,
    ) -> dict[str, Any]:
        """POST with a token; on a token-invalid refusal refresh once and repeat."""
        tok = token or self._token(deadline)
        try:
            return self._post(endpoint, make_body(tok), deadline, read=read)
        except TokenInvalid:
            log.info("HPAY refused the token on %s; fetching a new one", endpoint)
            self._tokens.invalidate(tok)
            return self._post(endpoint, make_body(self._token(deadline)), deadline, read=read)

    def _post(
        self, endpoint: str, body: dict[str, Any], deadline: float, *, read: bool
    ) -> dict[str, Any]:
        """One logical call: retries per policy, then ``success`` checked."""
        payload = encode_body(body)
        attempt = 0
        while True:
            log.debug("POST %s %s", endpoint, self._redactor.redact_mapping(body))
            try:
                obj = self._exchange(endpoint, payload, deadline)
            except (NetworkError, ProtocolError) as exc:
                if not self._should_retry(exc, attempt, deadline, read=read):
                    if not read and _maybe_created(exc):
                        raise _unknown(exc) from exc
                    raise
                attempt += 1
                continue
            try:
                check_success(obj, endpoint)
            except ApiRefused as exc:  # HPAY's own words could echo a key or the token
                raise type(exc)(
                    self._redactor.redact(exc.message),
                    error_code=exc.error_code,
                    api_message=self._redactor.redact(exc.api_message),
                    endpoint=endpoint,
                ) from None
            return obj

    def _exchange(self, endpoint: str, payload: bytes, deadline: float) -> dict[str, Any]:
        if time.monotonic() >= deadline:
            raise HpayTimeout("HPAY did not answer in time.", maybe_reached=False)
        raw = self._transport.post_json(endpoint, payload, deadline=deadline)
        try:
            return _decode(raw)
        except ProtocolError as exc:
            exc.http_status = raw.status  # HPAY answered, though not usably
            raise

    def _should_retry(self, exc: HpayError, attempt: int, deadline: float, *, read: bool) -> bool:
        if attempt >= self.config.read_retries:
            return False
        transient = True  # reads: any transport or protocol failure is worth another try
        if not read:
            transient = isinstance(exc, NetworkError) and not exc.maybe_reached
        if not transient:
            return False
        pause = self._rng() * min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt)
        if time.monotonic() + pause >= deadline:
            return False
        log.info(
            "retrying after %s (attempt %d, pause %.2f s)", type(exc).__name__, attempt + 1, pause
        )
        self._sleep(pause)
        return True


def _decode(raw: RawResponse) -> dict[str, Any]:
    """Turn an HTTP answer into a JSON object, or a typed error."""
    if raw.status >= 500:
        raise ServerError(f"HPAY's server failed (HTTP {raw.status}).", status=raw.status)
    try:
        obj = decode_body(raw.body, content_type=raw.content_type)
    except ProtocolError:
        if raw.status != 200:
            raise ProtocolError(f"HPAY answered HTTP {raw.status} without usable data.") from None
        raise
    if raw.status != 200 and obj.get("success") is not False:
        raise ProtocolError(f"HPAY answered HTTP {raw.status}.")
    return obj


def _maybe_created(exc: HpayError) -> bool:
    """Could a payment request that failed this way have created a payment?"""
    if isinstance(exc, NetworkError):
        return exc.maybe_reached
    return isinstance(exc, ProtocolError)


#: HTTP 504: a gateway gave up waiting for HPAY, which may still be working on it.
GATEWAY_TIMEOUT = 504


def _unknown(cause: HpayError) -> OutcomeUnknown:
    """The error of a payment request that may have created a payment.

    A complete answer (any HTTP status but 504) means the request finished at HPAY:
    the message says HPAY answered, and the sales layer settles it within seconds.
    """
    status = getattr(cause, "http_status", None)
    if status is not None and status != GATEWAY_TIMEOUT:
        what = "an error" if status >= 400 else "an unreadable answer"
        return OutcomeUnknown(
            f"HPAY answered with {what} (HTTP {status}). HPOS is checking HPAY's history"
            " for this sale before saying whether it is safe to try again.",
            cause=cause,
            http_status=status,
        )
    return OutcomeUnknown(
        f"{cause.message.rstrip('.')}: the payment request may have reached HPAY. "
        "Do not charge again before HPOS has checked the history.",
        cause=cause,
    )


def _clean_text(value: str, what: str, limit: int, *, required: bool) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise InvalidRequest(f"The {what} is empty.")
    if len(text) > limit:
        raise InvalidRequest(f"The {what} is longer than {limit} characters.")
    return text


def _check_config(cfg: ClientConfig) -> None:
    missing = [
        name
        for name, value in (
            ("API key", cfg.api_key),
            ("public key", cfg.public_key),
            ("secret key", cfg.secret_key),
        )
        if not value
    ]
    if missing:
        raise ConfigError(f"HPAY {', '.join(missing)} not configured.")
    if cfg.mode not in MODES:
        raise ConfigError(f"Mode must be TEST or PROD, not {cfg.mode!r}.")
    if cfg.deadline <= 0 or cfg.read_retries < 0:
        raise ConfigError("The call deadline must be positive and retries not negative.")
