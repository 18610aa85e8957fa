"""The emulated HPAY: accounts, tokens, payments, balances, and the four endpoints' rules.

:class:`SandboxState` knows nothing of HTTP: each endpoint method takes the
decoded JSON body (numbers as ``Decimal``/``int``) and returns the answer dict,
where a ``Decimal`` value means "a JSON number" and a ``str`` a JSON string,
exactly as HPAY-API.md shows them — or raises :class:`Refusal`.

One lock guards everything. With a state file, payments and balances are saved
atomically (temp file + ``os.replace``) after every change and loaded at
construction; tokens are not saved, so a restarted sandbox refuses old tokens
and the client simply fetches a new one.

Balances: one per account, shared by TEST and PROD payments (the sandbox has no
real money, and a demo should see its balance move). ``main_balance`` grows by a
payment's profit (amount - fees) when it becomes PAID; ``profit_balance`` never
moves. A customer's Cancel on the checkout page keeps the payment UNPAID (HPAY
documents no other status) and sets ``cancelled`` on its snapshot; it can still
be paid afterwards. ``notify_url`` is stored and checked but never called.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import secrets
import string
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hpos.sandbox import codes
from hpos.sandbox.codes import Refusal

log = logging.getLogger("hpos.sandbox")

#: ISO 4217 minor units of the currencies the sandbox knows (others: 2).
CURRENCY_DECIMALS = {"XOF": 0, "XAF": 0, "GNF": 0, "JPY": 0, "CAD": 2, "EUR": 2, "USD": 2}
#: The largest amount /payment/ accepts, in major units.
MAX_AMOUNT = Decimal(1_000_000_000)
MODES = ("TEST", "PROD")
STATUSES = ("UNPAID", "PAID")
MAX_FETCH_COUNT = 500
DEFAULT_FETCH_LIMIT = "0,50"
MAX_PRODUCT_CHARS = 255
MAX_DESCRIPTION_CHARS = 2000
MAX_URL_CHARS = 2048
_TXID_CHARS = string.ascii_letters + string.digits
_NUMERIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FETCH_LIMIT = re.compile(r"\s*([0-9]{1,9})\s*,\s*([0-9]{1,9})\s*")
_CREDENTIALS = "Invalid API credentials"
_EXPIRED = "Invalid or expired token"


def currency_decimals(currency: str) -> int:
    """ISO 4217 exponent of ``currency`` (2 when the sandbox does not know it)."""
    return CURRENCY_DECIMALS.get(currency, 2)


def money_text(amount: Decimal, currency: str) -> str:
    """Plain text with the currency's decimals: "14900", "12.50"."""
    return format(amount.quantize(Decimal(1).scaleb(-currency_decimals(currency))), "f")


def livetime(ttl: float) -> str:
    """HPAY's ``livetime`` for a token TTL: "15mn" for 900 s, else "<n>mn" or "<n>s"."""
    if ttl >= 60 and ttl % 60 == 0:
        return f"{int(ttl // 60)}mn"
    return f"{max(1, math.ceil(ttl))}s"


@dataclass(frozen=True)
class SandboxAccount:
    """A merchant account the sandbox knows; balances are the starting values."""

    api_key: str
    public_key: str
    secret_key: str = field(repr=False)
    company: str = "HPOS Demo Shop"
    contact: str = "00000000"
    currency: str = "XOF"
    main_balance: Decimal = Decimal(0)
    profit_balance: Decimal = Decimal(0)
    fee_rate: Decimal = Decimal("0.015")


DEMO_ACCOUNT = SandboxAccount(
    api_key="DEMO-API-KEY",
    public_key="pkey.demo.public",
    secret_key="demo-secret-key",  # noqa: S106 - public demo credentials
    company="HPOS Demo Shop",
    contact="00000000",
    currency="XOF",
    main_balance=Decimal(250000),
    profit_balance=Decimal(0),
    fee_rate=Decimal("0.015"),
)
DEMO_CAD_ACCOUNT = SandboxAccount(
    api_key="DEMO-CAD-API-KEY",
    public_key="pkey.demo-cad.public",
    secret_key="demo-cad-secret-key",  # noqa: S106 - public demo credentials
    company="HPOS Demo Café",
    contact="+1 514 555 0100",
    currency="CAD",
    main_balance=Decimal("50.00"),
    profit_balance=Decimal("100.00"),
    fee_rate=Decimal("0.015"),
)


@dataclass(frozen=True)
class PaymentSnapshot:
    """A payment as the sandbox holds it (a copy; changing the sandbox does not change it)."""

    transaction_id: str
    mode: str
    amount: Decimal
    fees: Decimal
    currency: str
    company: str
    product: str
    description: str
    status: str  # "UNPAID" | "PAID"
    cancelled: bool  # the customer pressed Cancel (status stays UNPAID)
    created: datetime  # aware, UTC
    paid_at: datetime | None
    checkout_url: str
    notify_url: str
    success_url: str
    cancel_url: str
    api_key: str = field(repr=False)

    @property
    def profit(self) -> Decimal:
        """What the merchant gets: amount minus fees."""
        return self.amount - self.fees


@dataclass
class _Payment:
    transaction_id: str
    api_key: str
    mode: str
    amount: Decimal
    fees: Decimal
    currency: str
    product: str
    description: str
    notify_url: str
    success_url: str
    cancel_url: str
    created: float
    seq: int
    status: str = "UNPAID"
    cancelled: bool = False
    paid_at: float | None = None


@dataclass(frozen=True)
class _Token:
    api_key: str
    mode: str
    expires: float


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _require(body: Mapping[str, Any], *names: str) -> None:
    for name in names:
        if body.get(name) is None:
            raise Refusal(codes.MISSING_FIELD, f"Missing field: {name}")


def _optional_text(body: Mapping[str, Any], name: str, code: int) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refusal(code, f"Invalid {name}: expected a string")
    return value


def _mode(body: Mapping[str, Any]) -> str:
    mode = body.get("mode")
    if mode not in MODES:
        raise Refusal(codes.BAD_MODE, "Invalid mode: expected TEST or PROD")
    return str(mode)


def _amount(value: object, currency: str) -> Decimal:
    bad = "Invalid amount: expected a positive number"
    if isinstance(value, bool):
        raise Refusal(codes.BAD_AMOUNT, bad)
    if isinstance(value, int) or (isinstance(value, str) and _NUMERIC.fullmatch(value)):
        amount = Decimal(value)
    elif isinstance(value, Decimal) and value.is_finite():
        amount = value
    else:
        raise Refusal(codes.BAD_AMOUNT, bad)
    if amount <= 0:
        raise Refusal(codes.BAD_AMOUNT, bad)
    if amount > MAX_AMOUNT:
        raise Refusal(codes.BAD_AMOUNT, f"Invalid amount: the maximum is {MAX_AMOUNT}")
    quantum = Decimal(1).scaleb(-currency_decimals(currency))
    if amount != amount.quantize(quantum):
        places = currency_decimals(currency)
        raise Refusal(codes.BAD_AMOUNT, f"Invalid amount: {currency} allows {places} decimals")
    return amount.quantize(quantum)


def _text_field(body: Mapping[str, Any], name: str, limit: int, *, required: bool) -> str:
    value = _optional_text(body, name, codes.BAD_FIELD)
    if required and not value.strip():
        raise Refusal(codes.BAD_FIELD, f"Invalid {name}: must not be empty")
    if len(value) > limit:
        raise Refusal(codes.BAD_FIELD, f"Invalid {name}: longer than {limit} characters")
    return value


def _url(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    bad = Refusal(codes.BAD_URL, f"Invalid {name}: expected an http(s) URL")
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS:
        raise bad
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise bad
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        raise bad from None
    if parts.scheme not in ("http", "https") or not host:
        raise bad
    return value


def _date(body: Mapping[str, Any], name: str) -> date | None:
    value = _optional_text(body, name, codes.BAD_DATE)
    if not value:
        return None
    bad = Refusal(codes.BAD_DATE, f"Invalid {name}: expected yyyy-mm-dd")
    if not _DATE.fullmatch(value):
        raise bad
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad from None


def _fetch_limit(body: Mapping[str, Any]) -> tuple[int, int]:
    value = _optional_text(body, "fetch_limit", codes.BAD_FETCH_LIMIT) or DEFAULT_FETCH_LIMIT
    match = _FETCH_LIMIT.fullmatch(value)
    if match is None or not 1 <= int(match.group(2)) <= MAX_FETCH_COUNT:
        raise Refusal(
            codes.BAD_FETCH_LIMIT,
            f'Invalid fetch_limit: expected "offset,count" with count from 1 to {MAX_FETCH_COUNT}',
        )
    return int(match.group(1)), int(match.group(2))


def _same(given: object, expected: str) -> bool:
    if not isinstance(given, str):
        return False
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class SandboxState:
    """Everything the emulated HPAY knows, behind one lock."""

    def __init__(
        self,
        accounts: Iterable[SandboxAccount],
        *,
        token_ttl: float = 900.0,
        clock: Callable[[], float] = time.time,
        state_file: Path | None = None,
    ) -> None:
        self._accounts = {account.api_key: account for account in accounts}
        if not self._accounts:
            raise ValueError("the sandbox needs at least one account")
        if not token_ttl > 0:
            raise ValueError("token_ttl must be positive")
        self.token_ttl = float(token_ttl)
        self._clock = clock
        self._state_file = state_file
        self._lock = threading.RLock()
        self._balances = {
            key: (a.main_balance, a.profit_balance) for key, a in self._accounts.items()
        }
        self._tokens: dict[str, _Token] = {}
        self._issued: list[str] = []
        self._payments: dict[str, _Payment] = {}
        self._seq = 0
        #: Base URL of the server ("http://127.0.0.1:PORT"), set once it is bound.
        self.base_url = ""
        if state_file is not None:
            self._load(state_file)

    # -- the four endpoints ---------------------------------------------------------

    def get_token(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /getToken/."""
        _require(body, "api_key", "api_public_key", "api_secret_key", "mode")
        mode = _mode(body)
        account = self._account(body, "api_public_key", secret=True)
        token = secrets.token_urlsafe(24)
        with self._lock:
            now = self._clock()
            self._tokens[token] = _Token(account.api_key, mode, now + self.token_ttl)
            self._issued.append(token)
            main, profit = self._balances[account.api_key]
        log.info("token issued for %s (%s)", account.company, mode)
        return {
            "success": True,
            "message": "Token generated",
            "token": token,
            "livetime": livetime(self.token_ttl),
            "time_generated": int(now),
            "error_code": codes.OK,
            "company": account.company,
            "mode": mode,
            "balance": {
                "currency": account.currency,
                "main_balance": main,
                "profit_balance": profit,
            },
        }

    def create_payment(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /payment/."""
        _require(body, "api_key", "public_key", "mode", "amount", "product_name")
        _require(body, "notify_url", "success_url", "cancel_url", "token")
        mode = _mode(body)
        account = self._account(body, "public_key")
        self._check_token(body, account, mode)
        amount = _amount(body["amount"], account.currency)
        product = _text_field(body, "product_name", MAX_PRODUCT_CHARS, required=True)
        description = _text_field(body, "description", MAX_DESCRIPTION_CHARS, required=False)
        urls = [_url(body, name) for name in ("notify_url", "success_url", "cancel_url")]
        quantum = Decimal(1).scaleb(-currency_decimals(account.currency))
        fees = (amount * account.fee_rate).quantize(quantum, ROUND_HALF_UP)
        with self._lock:
            txid = "".join(secrets.choice(_TXID_CHARS) for _ in range(14))
            while txid in self._payments:  # pragma: no cover - 62**14 ids
                txid = "".join(secrets.choice(_TXID_CHARS) for _ in range(14))
            self._seq += 1
            self._payments[txid] = _Payment(
                txid, account.api_key, mode, amount, fees, account.currency, product,
                description, *urls, created=self._clock(), seq=self._seq,
            )  # fmt: skip
            self._save()
        log.info("payment %s created: %s %s (%s)", txid, amount, account.currency, mode)
        return {
            "success": True,
            "message": "Payment URL generated",
            "amount": money_text(amount, account.currency),
            "fees": fees,
            "currency": account.currency,
            "transaction_id": txid,
            "mode": mode,
            "company": account.company,
            "checkout_url": self.checkout_url(txid),
        }

    def history(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /getPaymentHistory/: filters, newest first, one page."""
        _require(body, "api_key", "public_key", "mode", "token")
        mode = _mode(body)
        account = self._account(body, "public_key")
        self._check_token(body, account, mode)
        statut = _optional_text(body, "statut", codes.BAD_STATUT)
        if statut and statut not in STATUSES:
            raise Refusal(codes.BAD_STATUT, "Invalid statut: expected UNPAID, PAID or empty")
        date_from, date_to = _date(body, "date_from"), _date(body, "date_to")
        if date_from and date_to and date_from > date_to:
            raise Refusal(codes.BAD_DATE, "Invalid dates: date_from is after date_to")
        offset, count = _fetch_limit(body)
        txid = _optional_text(body, "transaction_id", codes.BAD_FIELD)
        with self._lock:
            found = [
                p
                for p in self._payments.values()
                if p.api_key == account.api_key
                and p.mode == mode
                and (not statut or p.status == statut)
                and (not txid or p.transaction_id == txid)
                and (date_from is None or _utc(p.created).date() >= date_from)
                and (date_to is None or _utc(p.created).date() <= date_to)
            ]
            found.sort(key=lambda p: (p.created, p.seq), reverse=True)
            page = [self._entry(p) for p in found[offset : offset + count]]
        return {"success": True, "message": "Data Fetched", "error_code": codes.OK, "history": page}

    def collect_balance(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /getCollectBalance/ (no mode: a token of either mode will do)."""
        _require(body, "api_key", "api_public_key", "token")
        account = self._account(body, "api_public_key")
        self._check_token(body, account, None)
        with self._lock:
            main, profit = self._balances[account.api_key]
        return {
            "success": True,
            "message": "Data Fetched",
            "error_code": codes.OK,
            "entreprise_name": account.company,
            "entreprise_contact": account.contact,
            "entreprise_currency": account.currency,
            "main_balance": money_text(main, account.currency),
            "profit_balance": money_text(profit, account.currency),
        }

    # -- control ------------------------------------------------------------------

    def checkout_url(self, txid: str) -> str:
        """The hosted checkout page of a payment."""
        return f"{self.base_url}/checkout/?ref={txid}"

    def mark_paid(self, txid: str) -> PaymentSnapshot:
        """The customer paid: PAID, balance credited once. KeyError if unknown."""
        with self._lock:
            payment = self._payments[txid]
            if payment.status != "PAID":
                payment.status = "PAID"
                payment.paid_at = self._clock()
                main, profit = self._balances.get(payment.api_key, (Decimal(0), Decimal(0)))
                self._balances[payment.api_key] = (main + payment.amount - payment.fees, profit)
                self._save()
                log.info("payment %s PAID", txid)
            return self._snapshot(payment)

    def cancel(self, txid: str) -> PaymentSnapshot:
        """The customer pressed Cancel: recorded, status stays UNPAID. KeyError if unknown."""
        with self._lock:
            payment = self._payments[txid]
            if payment.status == "UNPAID" and not payment.cancelled:
                payment.cancelled = True
                self._save()
                log.info("payment %s cancelled by the customer", txid)
            return self._snapshot(payment)

    def payment(self, txid: str) -> PaymentSnapshot | None:
        """One payment, or None."""
        with self._lock:
            payment = self._payments.get(txid)
            return None if payment is None else self._snapshot(payment)

    def payments(self) -> list[PaymentSnapshot]:
        """Every payment, oldest first."""
        with self._lock:
            ordered = sorted(self._payments.values(), key=lambda p: p.seq)
            return [self._snapshot(p) for p in ordered]

    def account(self, api_key: str) -> SandboxAccount | None:
        """The configured account with this API key."""
        return self._accounts.get(api_key)

    def expire_tokens(self) -> int:
        """Make every token issued so far invalid; returns how many were live."""
        with self._lock:
            live = len(self._tokens)
            self._tokens.clear()
        return live

    def issued_tokens(self) -> list[str]:
        """Every token ever issued, oldest first."""
        with self._lock:
            return list(self._issued)

    # -- internals ----------------------------------------------------------------

    def _account(
        self, body: Mapping[str, Any], public: str, *, secret: bool = False
    ) -> SandboxAccount:
        key = body.get("api_key")
        account = self._accounts.get(key) if isinstance(key, str) else None
        if (
            account is None
            or not _same(body.get(public), account.public_key)
            or (secret and not _same(body.get("api_secret_key"), account.secret_key))
        ):
            raise Refusal(codes.BAD_CREDENTIALS, _CREDENTIALS)
        return account

    def _check_token(
        self, body: Mapping[str, Any], account: SandboxAccount, mode: str | None
    ) -> None:
        value = body.get("token")
        with self._lock:
            info = self._tokens.get(value) if isinstance(value, str) else None
            now = self._clock()
        if (
            info is None
            or info.expires <= now
            or info.api_key != account.api_key
            or (mode is not None and info.mode != mode)
        ):
            raise Refusal(codes.BAD_TOKEN, _EXPIRED)

    def _entry(self, p: _Payment) -> dict[str, Any]:
        return {
            "transaction_id": p.transaction_id,
            "amount": f"{p.amount:.2f}",
            "fees": f"{p.fees:.2f}",
            "profit": p.amount - p.fees,
            "currency": p.currency,
            "mode": p.mode,
            "status": p.status,
            "product": p.product,
            "description": p.description,
            "payment_link": self.checkout_url(p.transaction_id),
            "date_generated": _utc(p.created).strftime("%Y-%m-%d %H:%M:%S"),
        }

    def _snapshot(self, p: _Payment) -> PaymentSnapshot:
        account = self._accounts.get(p.api_key)
        return PaymentSnapshot(
            transaction_id=p.transaction_id,
            mode=p.mode,
            amount=p.amount,
            fees=p.fees,
            currency=p.currency,
            company=account.company if account else "",
            product=p.product,
            description=p.description,
            status=p.status,
            cancelled=p.cancelled,
            created=_utc(p.created),
            paid_at=None if p.paid_at is None else _utc(p.paid_at),
            checkout_url=self.checkout_url(p.transaction_id),
            notify_url=p.notify_url,
            success_url=p.success_url,
            cancel_url=p.cancel_url,
            api_key=p.api_key,
        )

    def _save(self) -> None:
        """Write the state file atomically (lock held)."""
        if self._state_file is None:
            return
        payments = []
        for p in self._payments.values():
            record = asdict(p)
            record.update(amount=str(p.amount), fees=str(p.fees))
            payments.append(record)
        balances = {k: [str(m), str(p)] for k, (m, p) in self._balances.items()}
        data = {"version": 1, "seq": self._seq, "balances": balances, "payments": payments}
        path = self._state_file
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _load(self, path: Path) -> None:
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        try:
            data = json.loads(raw)
            payments = {}
            for record in data["payments"]:
                p = _Payment(**record)
                p = replace(p, amount=Decimal(p.amount), fees=Decimal(p.fees))
                if p.status not in STATUSES or p.mode not in MODES:
                    raise ValueError(f"bad payment record {p.transaction_id!r}")
                payments[p.transaction_id] = p
            balances = dict(self._balances)
            for key, (main, profit) in data["balances"].items():
                if key in balances:
                    balances[key] = (Decimal(main), Decimal(profit))
            seq = int(data["seq"])
        except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            os.replace(path, aside)
            log.warning("sandbox state file unreadable (%s); moved aside to %s", exc, aside)
            return
        self._payments = dict(sorted(payments.items(), key=lambda item: item[1].seq))
        self._balances = balances
        self._seq = max([seq, *(p.seq for p in payments.values())])
        log.info("sandbox state loaded: %d payment(s) from %s", len(payments), path)
