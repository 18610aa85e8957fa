"""``hpos`` when the till itself fails, or HPAY's history cannot be read: in-process runs of
``main`` against the sandbox over loopback.

- The journal cannot be written *before* the payment request (disk full, a data
  folder that cannot be written, a damaged journal): exit 2, one line naming the
  file or folder, nothing sent to HPAY.
- It fails *while* the request is out: exit 5, "outcome unknown — do not charge
  again", and ``hpos resume`` finds the payment afterwards.
- ``hpos status`` of an open sale when HPAY's history cannot be read, whatever the
  fault: the last known state, marked so, and exit 4 (never exit 0).

Never "unexpected …": every run checks it. Each test ends with no false PAID and no
payment held by two sales (:func:`~tests.helpers.cli.assert_no_false_paid`).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from hpos.cli import sales_commands
from hpos.cli.main import main
from hpos.profile.keystore import KeyStore
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.lock import ProfileLock
from hpos.sales.states import SaleState
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.control import control_view
from hpos.sandbox.faults import KINDS
from hpos.sandbox.server import SandboxServer
from tests.helpers.cli import assert_no_false_paid
from tests.helpers.keyring import MemoryKeyring

DISK_FULL = "database or disk is full"
#: Seconds one HPAY call may take in these tests (a fault that never answers ends then).
DEADLINE = 1.5


class Till:
    """``hpos`` run in this process on one profile, against the sandbox."""

    def __init__(self, server: SandboxServer, profile: Path, capsys: Any) -> None:
        self.server = server
        self.profile = profile
        self.capsys = capsys
        self.env = {
            "HPOS_API_URL": server.url,
            "HPOS_API_KEY": DEMO_ACCOUNT.api_key,
            "HPOS_PUBLIC_KEY": DEMO_ACCOUNT.public_key,
            "HPOS_SECRET_KEY": DEMO_ACCOUNT.secret_key,
            "HPOS_MODE": "TEST",
        }

    @property
    def journal(self) -> Path:
        return self.profile / "data" / JOURNAL_FILE

    def hpos(self, *argv: str) -> tuple[int, str, str]:
        """Run ``hpos ARGV``: (exit code, stdout, stderr); never a traceback or "unexpected"."""
        self.capsys.readouterr()
        code = main(
            [*argv, "--config-dir", str(self.profile)],
            env=self.env,
            keystore=KeyStore(backend=MemoryKeyring()),
        )
        out, err = self.capsys.readouterr()
        assert "unexpected" not in err, err
        assert "Traceback" not in out + err
        return code, out, err

    def payments(self) -> list[dict[str, Any]]:
        return [control_view(p) for p in self.server.payments()]

    def check_invariant(self) -> None:
        assert_no_false_paid(self.payments(), [self.journal] if self.journal.exists() else [])


@pytest.fixture
def till(sandbox: SandboxServer, tmp_path: Path, capsys: Any) -> Till:
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "settings.json").write_text(json.dumps({"deadline": DEADLINE}), encoding="utf-8")
    return Till(sandbox, profile, capsys)


def field(text: str, label: str) -> str:
    match = re.search(rf"^{label}:\s+(.+)$", text, re.MULTILINE)
    assert match, f"no {label!r} in:\n{text}"
    return match.group(1).strip()


def failing_write(monkeypatch: pytest.MonkeyPatch, method: str, when: Callable[..., bool]) -> None:
    """Make ``Journal.<method>`` fail as a full disk does, inside the journal's own write
    transaction (so the journal turns SQLite's error into its JournalError), when
    ``when(*args)`` is true."""
    real = getattr(Journal, method)

    def write(self: Journal, *args: Any, **kwargs: Any) -> Any:
        if when(*args):
            with self._write():
                raise sqlite3.OperationalError(DISK_FULL)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Journal, method, write)


# -- the journal fails while the request is out ---------------------------------------------


@pytest.mark.parametrize("lost", ["answer", "every write"])
def test_disk_full_during_the_request_exits_5_and_resume_finds_the_payment(
    till: Till, monkeypatch: pytest.MonkeyPatch, lost: str
) -> None:
    after_request = {SaleState.AWAITING}
    if lost == "every write":  # not even the UNKNOWN mark: the sale stays REQUESTING
        after_request.add(SaleState.UNKNOWN)
    failing_write(monkeypatch, "transition", lambda _id, target: target in after_request)

    code, out, err = till.hpos("charge", "1000")
    assert code == 5, (out, err)
    assert err.count("\n") == 1, "one line"
    assert "outcome unknown — do not charge again" in err
    assert DISK_FULL in err
    assert str(till.journal) in err
    assert "hpos resume" in err
    [made] = till.payments()  # the request did leave: the payment exists

    monkeypatch.undo()  # the disk has room again
    till.server.mark_paid(made["transaction_id"])
    code, out, err = till.hpos("resume", "--timeout", "30")
    assert code == 0, (out, err)
    assert re.search(rf"TILL1-000001\s+PAID\s+{made['transaction_id']}", out), out
    till.check_invariant()


# -- the journal cannot be written before the request --------------------------------------


@pytest.mark.parametrize("step", ["create_sale", "requesting"])
def test_disk_full_before_the_request_sends_nothing(
    till: Till, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    if step == "create_sale":
        failing_write(monkeypatch, "create_sale", lambda: True)
    else:
        failing_write(monkeypatch, "transition", lambda _id, t: t is SaleState.REQUESTING)
    code, out, err = till.hpos("charge", "1000")
    assert code == 2, (out, err)
    assert err.count("\n") == 1
    assert DISK_FULL in err
    assert str(till.journal) in err
    assert "Nothing was sent to HPAY" in err
    assert till.payments() == []

    monkeypatch.undo()
    code, out, _ = till.hpos("resume", "--timeout", "5")
    if step == "requesting":  # the sale was written, never sent: it fails, safe to retry
        assert code == 0
        assert re.search(r"TILL1-000001\s+FAILED\s+-", out), out
        assert "nothing was charged" in out
    else:
        assert "No open sales." in out
    assert till.payments() == []
    till.check_invariant()


def test_a_data_folder_that_cannot_be_written_sends_nothing(till: Till) -> None:
    data = till.profile / "data"
    data.write_text("not a folder")  # works as root too, where permissions do not
    code, _, err = till.hpos("charge", "1000")
    assert code == 2
    assert err.count("\n") == 1
    assert str(data) in err
    assert "Nothing was sent to HPAY" in err
    assert till.payments() == []
    for argv in (["status", "TILL1-000001"], ["sales"], ["journal"], ["resume"], ["report"]):
        code, _, err = till.hpos(*argv)
        assert code == 2, (argv, err)
        assert str(data) in err, (argv, err)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_data_folder_sends_nothing(till: Till) -> None:
    assert till.hpos("charge", "1000")[0] == 0
    data = till.profile / "data"
    data.chmod(0o500)
    for name in (f"{JOURNAL_FILE}-wal", f"{JOURNAL_FILE}-shm"):
        assert not (data / name).exists()
    try:
        code, _, err = till.hpos("charge", "1000")
    finally:
        data.chmod(0o700)
    assert code == 2, err
    assert str(data) in err
    assert len(till.payments()) == 1
    till.check_invariant()


def test_a_damaged_journal_sends_nothing(till: Till) -> None:
    assert till.hpos("charge", "1000")[0] == 0
    with closing(sqlite3.connect(till.journal)) as db:
        db.execute("DROP TABLE events")
        db.commit()
    code, _, err = till.hpos("charge", "1000")
    assert code == 2
    assert err.count("\n") == 1
    assert "damaged" in err
    assert str(till.journal) in err
    assert "Nothing was sent to HPAY" in err
    assert len(till.payments()) == 1
    code, _, err = till.hpos("status", "TILL1-000001")
    assert code == 2
    assert "damaged" in err


# -- status when HPAY's history cannot be read ---------------------------------------------

#: Every fault kind, made to outlast the call's deadline where it is a delay.
HISTORY_FAULTS = [
    (kind, DEADLINE + 3 if kind in ("latency", "no_answer") else None) for kind in KINDS
]


@pytest.mark.parametrize(("kind", "seconds"), HISTORY_FAULTS, ids=[k for k, _ in HISTORY_FAULTS])
def test_status_with_the_history_down_is_the_last_known_state_and_exit_4(
    till: Till, kind: str, seconds: float | None
) -> None:
    code, out, _ = till.hpos("charge", "1000")
    assert code == 0
    till.server.add_fault("/getPaymentHistory/", kind, seconds=seconds)
    code, out, err = till.hpos("status", "TILL1-000001")
    assert code == 4, (kind, out, err)
    state = field(out, "State")
    assert state.startswith("AWAITING (last known, not refreshed: "), state
    assert "last known" in err
    assert err.startswith("hpos: error: sale TILL1-000001 could not be refreshed")

    till.server.clear_faults()
    code, out, err = till.hpos("status", "TILL1-000001")
    assert code == 0, err
    assert field(out, "State") == "AWAITING"
    till.check_invariant()


def test_status_names_the_failure_of_an_unknown_sale(till: Till) -> None:
    till.server.add_fault("/payment/", "reset", times=1)
    assert till.hpos("charge", "1000")[0] == 5
    till.server.add_fault("/getPaymentHistory/", "http_502")
    code, out, _ = till.hpos("status", "TILL1-000001")
    assert code == 4
    assert field(out, "State") == (
        "UNKNOWN (last known, not refreshed: HPAY's server failed (HTTP 502))"
    )
    till.check_invariant()


def test_status_beside_another_hpos_says_when_hpay_cannot_be_asked(till: Till) -> None:
    code, out, _ = till.hpos("charge", "1000")
    assert code == 0
    with ProfileLock(till.profile / "data"):  # "another HPOS" holds the profile
        code, out, _ = till.hpos("status", "TILL1-000001")
        assert code == 0
        assert field(out, "At HPAY") == "UNPAID"
        assert "Another HPOS holds this profile" in out
        till.server.add_fault("/getPaymentHistory/", "http_500")
        code, out, err = till.hpos("status", "TILL1-000001")
    assert code == 4
    assert field(out, "State").startswith("AWAITING (last known, not refreshed: ")
    assert "Another HPOS holds this profile" in out
    assert "last known" in err
    till.check_invariant()


# -- the journal's notice -------------------------------------------------------------------


def test_a_notice_is_said_once_per_command_until_acknowledged(till: Till) -> None:
    assert till.hpos("charge", "1000")[0] == 0
    till.journal.unlink()
    code, _, err = till.hpos("charge", "1000")
    assert code == 0
    assert err.count("hpos: warning:") == 1
    code, _, err = till.hpos("status", "TILL1-000002")  # opens the journal twice
    assert code == 0
    assert err.count("hpos: warning:") == 1, err
    code, out, err = till.hpos("journal", "--acknowledge")
    assert code == 0
    assert "missing" in out
    assert "acknowledged" in out
    assert err == ""
    code, out, err = till.hpos("journal", "--acknowledge")
    assert "Nothing to acknowledge." in out
    assert field(out, "Notice") == "none"
    assert field(out, "Sales") == "1"
    assert err == ""
    till.check_invariant()


def test_journal_command_on_a_fresh_profile(till: Till) -> None:
    code, out, err = till.hpos("journal")
    assert code == 0
    assert field(out, "Journal") == str(till.journal)
    assert re.fullmatch(r"[0-9A-Z]{8}", field(out, "Journal id"))
    assert field(out, "Sales") == "0"
    assert field(out, "Notice") == "none"
    assert err == ""


# -- charge when HPAY answered with an error ------------------------------------------------


def test_answered_error_with_the_history_down_stays_unknown_then_resume_settles_it(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sales_commands, "ANSWERED_SETTLE", 1.0)  # not the real 15 s
    till.server.add_fault("/payment/", "http_502", times=1)
    till.server.add_fault("/getPaymentHistory/", "http_500")
    code, out, err = till.hpos("charge", "1000")
    assert code == 5, (out, err)
    assert "HPAY answered with an error (HTTP 502)" in err
    assert "could not be searched (HPAY's server failed (HTTP 500))" in err
    assert "do not charge again" in err
    assert "hpos resume" in err

    till.server.clear_faults()
    code, out, err = till.hpos("resume", "--timeout", "15")
    assert code == 0, (out, err)
    assert re.search(r"TILL1-000001\s+FAILED\s+-", out), out
    assert "safe to try again" in out
    assert till.payments() == []
    till.check_invariant()


def test_charge_wait_after_an_answered_error_ends_failed_exit_4(till: Till) -> None:
    till.server.add_fault("/payment/", "http_502", times=1)
    code, out, err = till.hpos("charge", "1000", "--wait", "--timeout", "30")
    assert code == 4, (out, err)
    assert "nothing was charged, it is safe to try again" in err
    assert "Waiting for payment" not in out, "settled before any wait"
    assert till.payments() == []
    till.check_invariant()
