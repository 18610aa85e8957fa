"""What holds sales is the owner's only, and typed text reaches HPAY and CSV as plain text.

POSIX modes after a real sale (journal, SQLite's files, seal, log, lock: 0600; the data and
log folders: 0700), files an older HPOS left world-readable tightened at the next start,
rotated logs owner-only; a product name with escape sequences, bidi overrides and
zero-width characters arrives at the sandbox cleaned; CSV cells are cleaned and guarded.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from hpos.cli.main import main
from hpos.logging_setup import install_file_logging
from hpos.profile.keystore import KeyStore
from hpos.sales.reference import clean_typed
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from hpos.util.csvcell import guard_formula
from tests.helpers.keyring import MemoryKeyring

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
NASTY = "Caf\x1b[31mé\x1b[0m \u202eRTL\u202c\u200b na\u2066me\u2069\x07\tok\nx\x00"


def _charge(sandbox: SandboxServer, profile: Path, product: str) -> int:
    env = {
        "HPOS_CONFIG_DIR": str(profile),
        "HPOS_API_URL": sandbox.url,
        "HPOS_API_KEY": DEMO_ACCOUNT.api_key,
        "HPOS_PUBLIC_KEY": DEMO_ACCOUNT.public_key,
        "HPOS_SECRET_KEY": DEMO_ACCOUNT.secret_key,
        "HPOS_MODE": "TEST",
    }
    keys = KeyStore(backend=MemoryKeyring())
    return main(["charge", "14900", "--product", product], env=env, keystore=keys)


def _modes(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): stat.S_IMODE(p.lstat().st_mode) for p in sorted(root.rglob("*"))
    }


@posix_only
def test_every_file_of_a_sale_is_the_owners_only(sandbox: SandboxServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    assert _charge(sandbox, profile, "Coffee") == 0
    modes = _modes(profile)
    names = set(modes)
    assert {"data", "data/journal.sqlite3", "logs", "logs/hpos.log"} <= names
    assert any(name.endswith(".seal") or "seal" in name for name in names), names
    for name, mode in modes.items():
        expected = 0o700 if (profile / name).is_dir() else 0o600
        assert mode == expected, f"{name} is {mode:o}"


@posix_only
def test_files_left_readable_are_tightened_at_start(sandbox: SandboxServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    assert _charge(sandbox, profile, "Coffee") == 0
    for path in profile.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (profile / "data" / "journal.sqlite3-wal").write_bytes(b"")  # as SQLite leaves it
    (profile / "data" / "journal.sqlite3-wal").chmod(0o644)
    assert _charge(sandbox, profile, "Tea") == 0
    for name, mode in _modes(profile).items():
        if name in ("data", "logs") or name.startswith(("data/", "logs/")):
            expected = 0o700 if (profile / name).is_dir() else 0o600
            assert mode == expected, f"{name} is {mode:o}"


@posix_only
def test_rotated_logs_are_the_owners_only(tmp_path: Path) -> None:
    installed = install_file_logging(tmp_path / "logs", max_bytes=2000, backup_count=2)
    try:
        for n in range(200):
            logging.getLogger("hpos.test").info("line %d of a sale log", n)
    finally:
        installed.close()
    files = sorted((tmp_path / "logs").iterdir())
    assert [f.name for f in files] == ["hpos.log", "hpos.log.1", "hpos.log.2"]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


def test_a_nasty_product_name_reaches_hpay_cleaned(sandbox: SandboxServer, tmp_path: Path) -> None:
    assert _charge(sandbox, tmp_path / "profile", NASTY) == 0
    payment = sandbox.payments()[-1]
    assert payment.product == "Café RTL name ok x"
    assert "\x1b" not in payment.description


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("\x1b[1;31mSALE\x1b[0m", "SALE"),
        ("\x1b]0;pwned\x07Bread", "Bread"),
        ("abc\u202edcba", "abcdcba"),
        ("zero\u200bwidth\u200d\ufeff", "zerowidth"),
        ("line1\r\nline2\u2028three", "line1 line2 three"),
        ("Crème brûlée 🍮 日本", "Crème brûlée 🍮 日本"),
    ],
)
def test_clean_typed(typed: str, sent: str) -> None:
    assert clean_typed(typed) == sent


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "' =1+1"),
        ("\r-1", "' -1"),
        ("  =1", "'  =1"),
        ("\x1b[31m=1", "'=1"),
        ("\u202e=cmd", "'=cmd"),
        ("Bread\x00 \u200bfresh", "Bread  fresh"),
        ("Café", "Café"),
    ],
)
def test_csv_cells_are_plain_and_guarded(text: str, cell: str) -> None:
    assert guard_formula(text) == cell
