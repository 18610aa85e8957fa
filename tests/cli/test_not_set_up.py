"""Every ``hpos`` command on a profile that is not set up for HPAY: exit 2, "not set up".

Three profiles that cannot reach HPAY: an empty one (never configured), one whose
settings are saved but whose secret key is not in the keyring, and one on a machine
with no keyring at all. Each command that needs HPAY says "HPOS is not set up for
HPAY in <folder>: <what is missing>" on one stderr line and exits 2 (a setup error,
never 4, the network's code); the commands that only read the journal or set the
profile up work as usual. The list of commands is the parser's own, so a new command
must be classed here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from keyring.backends.fail import Keyring as NoKeyring

from hpos.cli.args import build_parser
from hpos.cli.main import main
from hpos.profile.keystore import KeyStore
from tests.helpers.keyring import MemoryKeyring

#: The commands that talk to HPAY, with the arguments they need.
NEEDS_HPAY = {
    "check": [],
    "balance": [],
    "history": [],
    "charge": ["14900"],
    "status": ["TILL1-000001"],
    "resume": ["--timeout", "1"],
    "report": [],
}
#: The commands that work without HPAY, and what they print.
#: (`catalogue import` into an empty catalogue asks HPAY for the account's currency: its
#: "not set up" case is in tests/cli/test_catalogue.py.)
LOCAL = {"sales": ["--date", "2025-11-08"], "journal": [], "catalogue": ["list"]}
#: Not run here: `hpos sandbox` serves until stopped (it never reads the profile's HPAY
#: settings); `hpos configure` is how a profile gets set up (its own tests).
NOT_RUN = {"sandbox", "configure"}

SECRET_HINT = "no HPAY secret key configured. Set HPOS_SECRET_KEY or run `hpos configure`."


def commands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_command_is_classed() -> None:
    assert commands() == set(NEEDS_HPAY) | set(LOCAL) | NOT_RUN


def no_client(config: Any) -> Any:
    raise AssertionError("no HPAY client is made for a profile that is not set up")


def profile(kind: str, folder: Path) -> KeyStore:
    """Make the profile ``kind`` in ``folder``; return the keystore the commands will see."""
    if kind == "empty":
        return KeyStore(backend=MemoryKeyring())
    store = KeyStore(backend=MemoryKeyring())
    code = main(
        [
            "--config-dir", str(folder), "configure", "--api-url", "https://api.example.com",
            "--api-key", "ak.test", "--public-key", "pk.test",
        ],
        env={}, keystore=store, client_factory=no_client,
    )  # fmt: skip
    assert code == 0, "settings saved, no secret given"
    return store if kind == "no secret" else KeyStore(backend=NoKeyring())


MISSING = {
    "empty": "no HPAY API URL configured. Set HPOS_API_URL or run `hpos configure`.",
    "no secret": SECRET_HINT,
    "no keyring": "no system keyring is available; set HPOS_SECRET_KEY or install a keyring",
}


@pytest.mark.parametrize("kind", ["empty", "no secret", "no keyring"])
@pytest.mark.parametrize("command", sorted(NEEDS_HPAY))
def test_commands_that_need_hpay_exit_2_saying_not_set_up(
    kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "profile"
    store = profile(kind, folder)
    capsys.readouterr()
    argv = ["--config-dir", str(folder), command, *NEEDS_HPAY[command]]
    code = main(argv, env={}, keystore=store, client_factory=no_client)
    out, err = capsys.readouterr()
    assert code == 2, err
    assert err.count("\n") == 1, "one line"
    assert err.startswith(f"hpos: error: HPOS is not set up for HPAY in {folder.absolute()}: ")
    assert MISSING[kind] in err
    assert "Traceback" not in err + out
    if command == "report":  # the till's own figures still print, marked as not checked
        assert out.startswith("Day report ")
        assert "The report above is this till's journal only, not checked against HPAY." in err


@pytest.mark.parametrize("kind", ["empty", "no secret", "no keyring"])
def test_local_commands_still_work(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "profile"
    store = profile(kind, folder)
    capsys.readouterr()
    for command, args in LOCAL.items():
        argv = ["--config-dir", str(folder), command, *args]
        assert main(argv, env={}, keystore=store, client_factory=no_client) == 0, command
    out, err = capsys.readouterr()
    assert "No sales on 2025-11-08." in out
    assert "Journal id:" in out
    assert "The catalogue is empty" in out
    assert not err
