"""The emulated HPAY: tokens, payments, balances, and the four endpoints' rules.

:class:`SandboxState` knows nothing of HTTP: each endpoint method takes the
decoded JSON body (numbers as ``Decimal``/``int``) and returns the answer dict,
where a ``Decimal`` value means "a JSON number" and a ``str`` a JSON string,
exactly as HPAY-API.md shows them — or raises :class:`Refusal`. Field checks
live in :mod:`hpos.sandbox.validation`.

One lock guards everything. The history's listings (newest first, per account,
mode and statut) are made on first use and kept in step as payments are created
or paid, so a page costs the same with 50,000 payments as with 50. With a state
file (:mod:`hpos.sandbox.persistence`), payments and balances are saved after
every change and loaded at construction; tokens are not saved, so a restarted
sandbox refuses old tokens and the client simply fetches a new one.

Balances: one per account, shared by TEST and PROD payments (the sandbox has no
real money, and a demo should see its balance move). ``main_balance`` grows by a
payment's profit (amount - fees) when it becomes PAID; ``profit_balance`` never
moves. A customer's Cancel on the checkout page keeps the payment UNPAID (HPAY
documents no other status) and sets ``cancelled`` on its snapshot; it can still
be paid afterwards. ``notify_url`` is stored and checked but never called.
"""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from hpos.sandbox import codes, persistence
from hpos.sandbox import validation as check
from hpos.sandbox.accounts import SandboxAccount, currency_quantum, money_text
from hpos.sandbox.codes import Refusal
from hpos.sandbox.payments import (
    Payment,
    PaymentSnapshot,
    history_entry,
    new_transaction_id,
    snapshot,
    utc,
)

log = logging.getLogger("hpos.sandbox")

_CREDENTIALS = "Invalid API credentials"
_EXPIRED = "Invalid or expired token"


def livetime(ttl: float) -> str:
    """HPAY's ``livetime`` for a token TTL: "15mn" for 900 s, else "<n>mn" or "<n>s"."""
    if ttl >= 60 and ttl % 60 == 0:
        return f"{int(ttl // 60)}mn"
    return f"{max(1, math.ceil(ttl))}s"


@dataclass(frozen=True)
class _Token:
    api_key: str
    mode: str
    expires: float


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
        self._payments: dict[str, Payment] = {}
        #: What /getPaymentHistory/ lists per (api_key, mode, statut), made on first use
        #: and kept in step as payments are created or paid (HPAY's index, in effect).
        self._listings: dict[tuple[str, str, str], _Listing] = {}
        self._seq = 0
        #: Base URL of the server ("http://127.0.0.1:PORT"), set once it is bound.
        self.base_url = ""
        if state_file is not None:
            loaded = persistence.load(state_file, self._balances)
            if loaded is not None:
                self._payments, self._balances = loaded.payments, loaded.balances
                self._seq = loaded.seq

    # -- the four endpoints ---------------------------------------------------------

    def get_token(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /getToken/."""
        check.require(body, "api_key", "api_public_key", "api_secret_key", "mode")
        mode = check.mode(body)
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
        check.require(body, "api_key", "public_key", "mode", "amount", "product_name")
        check.require(body, "notify_url", "success_url", "cancel_url", "token")
        mode = check.mode(body)
        account = self._account(body, "public_key")
        self._check_token(body, account, mode)
        amount = check.amount(body["amount"], account.currency)
        product = check.text_field(body, "product_name", check.MAX_PRODUCT_CHARS, required=True)
        description = check.text_field(
            body, "description", check.MAX_DESCRIPTION_CHARS, required=False
        )
        urls = [check.url(body, name) for name in ("notify_url", "success_url", "cancel_url")]
        quantum = currency_quantum(account.currency)
        fees = (amount * account.fee_rate).quantize(quantum, ROUND_HALF_UP)
        with self._lock:
            txid = new_transaction_id(self._payments)
            self._seq += 1
            self._payments[txid] = Payment(
                txid, account.api_key, mode, amount, fees, account.currency, product,
                description, *urls, created=self._clock(), seq=self._seq,
            )  # fmt: skip
            self._relist(self._payments[txid])
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
        check.require(body, "api_key", "public_key", "mode", "token")
        mode = check.mode(body)
        account = self._account(body, "public_key")
        self._check_token(body, account, mode)
        statut = check.statut(body)
        date_from, date_to = check.date_range(body)
        offset, count = check.fetch_limit(body)
        txid = check.optional_text(body, "transaction_id", codes.BAD_FIELD)
        with self._lock:
            if txid:
                one = self._payments.get(txid)
                listing = _Listing([] if one is None else [one], account.api_key, mode, statut)
            else:
                listing = self._listing(account.api_key, mode, statut)
            page = [
                history_entry(p, self.checkout_url(p.transaction_id))
                for p in listing.page(date_from, date_to, offset, count)
            ]
        return {"success": True, "message": "Data Fetched", "error_code": codes.OK, "history": page}

    def collect_balance(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /getCollectBalance/ (no mode: a token of either mode will do)."""
        check.require(body, "api_key", "api_public_key", "token")
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
                self._relist(payment)
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
            or not check.same_secret(body.get(public), account.public_key)
            or (secret and not check.same_secret(body.get("api_secret_key"), account.secret_key))
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

    def _listing(self, api_key: str, mode: str, statut: str) -> _Listing:
        """The history's listing of every payment for these filters (lock held)."""
        key = (api_key, mode, statut)
        listing = self._listings.get(key)
        if listing is None:
            listing = self._listings[key] = _Listing(self._payments.values(), *key)
        return listing

    def _relist(self, payment: Payment) -> None:
        """Keep the listings in step with a payment just created or paid (lock held)."""
        for (api_key, mode, statut), listing in self._listings.items():
            if (api_key, mode) == (payment.api_key, payment.mode):
                listing.discard(payment)
                if not statut or statut == payment.status:
                    listing.add(payment)

    def _snapshot(self, p: Payment) -> PaymentSnapshot:
        account = self._accounts.get(p.api_key)
        company = account.company if account else ""
        return snapshot(p, company, self.checkout_url(p.transaction_id))

    def _save(self) -> None:
        """Write the state file, if any (lock held)."""
        if self._state_file is not None:
            persistence.save(self._state_file, self._payments.values(), self._balances, self._seq)


def _newest_first(p: Payment) -> tuple[float, int]:
    """Sort key of the history's order: newest first (creation time, then creation order)."""
    return -p.created, -p.seq


class _Listing:
    """The payments the history lists for an account, mode and statut ("": any), newest
    first, with each one's UTC day as a negated ordinal (rising along the list), so a
    page of a date range is two bisections and a slice."""

    def __init__(self, payments: Iterable[Payment], api_key: str, mode: str, statut: str) -> None:
        self.payments = sorted(
            (
                p
                for p in payments
                if p.api_key == api_key and p.mode == mode and (not statut or p.status == statut)
            ),
            key=_newest_first,
        )
        self.keys = [_newest_first(p) for p in self.payments]
        self.days = [_day(p) for p in self.payments]

    def page(
        self, date_from: date | None, date_to: date | None, offset: int, count: int
    ) -> list[Payment]:
        """``count`` payments from ``offset`` among those made from ``date_from`` to ``date_to``."""
        start = 0 if date_to is None else bisect_left(self.days, -date_to.toordinal())
        end = (
            len(self.days) if date_from is None else bisect_right(self.days, -date_from.toordinal())
        )
        start += offset
        return self.payments[start : min(end, start + count)]

    def add(self, p: Payment) -> None:
        i = bisect_left(self.keys, _newest_first(p))
        self.keys.insert(i, _newest_first(p))
        self.days.insert(i, _day(p))
        self.payments.insert(i, p)

    def discard(self, p: Payment) -> None:
        i = bisect_left(self.keys, _newest_first(p))
        if i < len(self.payments) and self.payments[i] is p:
            del self.keys[i], self.days[i], self.payments[i]


def _day(p: Payment) -> int:
    """The payment's UTC day (the history's date filters), as a negated ordinal."""
    return -utc(p.created).date().toordinal()
