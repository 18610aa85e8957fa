"""The journal's seal: how a lost, emptied, replaced or rolled-back journal is noticed.

The seal is a small JSON file kept in the profile's *config* folder, apart from
the journal (in the data folder), and rewritten after each new sale::

    {"journal_id": "7KQ3M9XW", "journal": "/…/journal.sqlite3", "counters": {"TILL1": 42}}

When the journal opens, :func:`compare` tells what happened to it since:

- ``missing``: the journal file is gone (a new, empty one is being created);
- ``empty``: the file is there but has zero bytes (SQLite would take it as new);
- ``replaced``: the file holds another journal (its id differs);
- ``rolled_back``: the same journal, but older than the last sale the seal saw
  (restored from a copy).

Each is said in one line to the person (CLI) and a banner (window) until
acknowledged, never taken silently as a fresh start. Numbering goes on after the
highest sale number the seal saw, and references differ anyway: a new journal
draws a new journal id. A seal that lists no sale says nothing (nothing was lost).
No seal (first start, or a profile from before seals) is written afresh.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from hpos.util.atomic import write_atomic

log = logging.getLogger(__name__)

SEAL_FILE = "journal-seal.json"


@dataclass(frozen=True)
class Seal:
    """What the profile last knew of its journal."""

    journal_id: str
    journal: str
    counters: dict[str, int] = field(default_factory=dict)

    @property
    def had_sales(self) -> bool:
        """Did the sealed journal hold any sale?"""
        return any(n > 0 for n in self.counters.values())


@dataclass(frozen=True)
class JournalNotice:
    """Something happened to the journal that a person must know."""

    kind: str  # "missing" | "empty" | "replaced" | "rolled_back"
    message: str  # one line, English (front ends translate by ``kind``)
    at: str  # ISO UTC, when it was noticed


def read_seal(path: Path) -> Seal | None:
    """The seal at ``path``; None when there is none or it cannot be read (logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        counters = {str(k): int(v) for k, v in dict(data.get("counters", {})).items()}
        return Seal(str(data["journal_id"]), str(data.get("journal", "")), counters)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("journal seal %s unreadable (%s); writing a new one", path, exc)
        return None


def write_seal(path: Path, seal: Seal) -> bool:
    """Write the seal atomically; False (logged) when the folder is not writable."""
    data = {"journal_id": seal.journal_id, "journal": seal.journal, "counters": seal.counters}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, sort_keys=True))
    except OSError as exc:
        log.warning("journal seal %s not written: %s", path, exc)
        return False
    return True


def file_state(path: Path) -> str:
    """The journal file before it opens: "missing", "empty" or "present"."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "present"  # let the open say what is wrong
    return "empty" if size == 0 else "present"


def compare(
    seal: Seal | None,
    before: str,
    journal_id: str,
    counters: dict[str, int],
    path: Path,
    at: str,
) -> JournalNotice | None:
    """What happened to the journal since the seal, or None when nothing worth saying."""
    if seal is None or not seal.had_sales:
        return None
    lost = sum(seal.counters.values())
    if seal.journal_id != journal_id:
        if before == "missing":
            what = f"The sales journal {path} is missing"
            kind = "missing"
        elif before == "empty":
            what = f"The sales journal {path} was emptied (zero bytes)"
            kind = "empty"
        else:
            what = f"The sales journal {path} was replaced by another one"
            kind = "replaced"
        text = (
            f"{what}: this profile had made {lost} sale(s). They are not in this journal;"
            " HPAY's history still has their payments. New sales continue the numbering."
        )
        return JournalNotice(kind, text, at)
    behind = {t: n for t, n in seal.counters.items() if counters.get(t, 0) < n}
    if behind:
        till, last = max(behind.items(), key=lambda kv: kv[1])
        text = (
            f"The sales journal {path} is older than the last sale this profile made"
            f" ({till} sale {last}): it was restored from a copy. Later sales are not in it;"
            " HPAY's history still has their payments. New sales continue the numbering."
        )
        return JournalNotice("rolled_back", text, at)
    return None
