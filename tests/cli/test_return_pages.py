"""``hpos check`` warns in PROD while a payment return page is still HPAY's example address."""

from __future__ import annotations

import json
from pathlib import Path

from hpos.sandbox.accounts import DEMO_ACCOUNT
from tests.helpers.cli import Sandbox

EXAMPLE = "https://hpay.cash/third/..."


def test_prod_check_warns_about_example_return_pages_and_exits_0(cli_sandbox: Sandbox) -> None:
    result = cli_sandbox.hpos("check", HPOS_MODE="PROD")
    assert result.returncode == 0, result.stderr
    assert DEMO_ACCOUNT.company in result.stdout
    warning = result.stderr.strip().splitlines()
    assert len(warning) == 1, result.stderr
    assert warning[0].startswith("Warning: the notify, success and cancel URLs are still HPAY's")
    assert EXAMPLE in warning[0]
    assert "Settings" in warning[0]
    assert "Warning" not in result.stdout  # stdout stays the account's facts only


def test_prod_check_names_only_the_pages_still_on_an_example(cli_sandbox: Sandbox) -> None:
    config = Path(cli_sandbox.env["HPOS_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    own = {
        "notify_url": "https://chez-awa.example/hpay/notify",
        "success_url": "https://www.facebook.com/chezawa",
    }
    (config / "settings.json").write_text(json.dumps(own), encoding="utf-8")
    result = cli_sandbox.hpos("check", HPOS_MODE="PROD")
    assert result.returncode == 0, result.stderr
    assert "Warning: the cancel URL is still HPAY's example address" in result.stderr

    own["cancel_url"] = "https://www.facebook.com/chezawa"
    (config / "settings.json").write_text(json.dumps(own), encoding="utf-8")
    result = cli_sandbox.hpos("check", HPOS_MODE="PROD")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_test_mode_check_says_nothing_about_return_pages(cli_sandbox: Sandbox) -> None:
    result = cli_sandbox.hpos("check")
    assert result.returncode == 0, result.stderr
    assert "hpay.cash/third" not in result.stderr + result.stdout
