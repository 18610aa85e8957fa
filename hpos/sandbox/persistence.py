"""The optional state file: payments and balances saved atomically, loaded at start.

The file is JSON ``{"version": 1, "seq", "balances": {api_key: [main, profit]},
"payments": [Payment fields...]}`` with amounts as strings. It is written to a
temp file, fsynced, then ``os.replace``-d over the old one
(:func:`~hpos.util.atomic.write_atomic`). Tokens are never
saved. An unreadable file is moved aside (``<name>.corrupt-<epoch>``) and the
sandbox starts empty.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from hpos.sandbox.payments import Payment
from hpos.sandbox.validation import MODES, STATUSES
from hpos.util.atomic import write_atomic

log = logging.getLogger("hpos.sandbox")

#: Per account (by API key): (main_balance, profit_balance).
Balances = dict[str, tuple[Decimal, Decimal]]


@dataclass(frozen=True)
class Loaded:
    """What a state file held: payments (in creation order), balances, the last sequence."""

    payments: dict[str, Payment]
    balances: Balances
    seq: int


def save(path: Path, payments: Iterable[Payment], balances: Balances, seq: int) -> None:
    """Write the state file atomically."""
    records = []
    for p in payments:
        record = asdict(p)
        record.update(amount=str(p.amount), fees=str(p.fees))
        records.append(record)
    texts = {k: [str(m), str(p)] for k, (m, p) in balances.items()}
    data = {"version": 1, "seq": seq, "balances": texts, "payments": records}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False), fsync=True)


def load(path: Path, balances: Mapping[str, tuple[Decimal, Decimal]]) -> Loaded | None:
    """Read the state file; None when there is none or it was unreadable (moved aside).

    ``balances`` are the starting ones: the file overrides those of known
    accounts only.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        payments = {}
        for record in data["payments"]:
            p = Payment(**record)
            p = replace(p, amount=Decimal(p.amount), fees=Decimal(p.fees))
            if p.status not in STATUSES or p.mode not in MODES:
                raise ValueError(f"bad payment record {p.transaction_id!r}")
            payments[p.transaction_id] = p
        merged = dict(balances)
        for key, (main, profit) in data["balances"].items():
            if key in merged:
                merged[key] = (Decimal(main), Decimal(profit))
        seq = int(data["seq"])
    except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        os.replace(path, aside)
        log.warning("sandbox state file unreadable (%s); moved aside to %s", exc, aside)
        return None
    loaded = Loaded(
        payments=dict(sorted(payments.items(), key=lambda item: item[1].seq)),
        balances=merged,
        seq=max([seq, *(p.seq for p in payments.values())]),
    )
    log.info("sandbox state loaded: %d payment(s) from %s", len(payments), path)
    return loaded
