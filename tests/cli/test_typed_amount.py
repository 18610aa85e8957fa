"""``hpos charge AMOUNT`` as a shop runs it (a process, on a ``hpos sandbox`` process): the
typed-amount rule's refusals are one stderr line with the reason, exit 2, and no sale.

The whole table of texts, run through the CLI and the window's entry side by side, is in
``tests/ui/cashier/test_typed_amount.py``.
"""

from __future__ import annotations

from tests.helpers.cli import Sandbox


def test_charge_refuses_what_the_keypad_refuses(cli_sandbox: Sandbox) -> None:
    refused = {
        "99999999999999": "This amount is too large: the maximum is 1,000,000,000 XOF.",
        "1500000000": "This amount is too large: the maximum is 1,000,000,000 XOF.",
        "12,50": "XOF has no decimals: type whole francs.",
        "0": "The amount must be greater than zero.",
        "12a": "'12a' is not an amount: type digits such as 14900.",
    }
    for text, reason in refused.items():
        result = cli_sandbox.hpos("charge", text)
        assert (result.returncode, result.stdout) == (2, ""), text
        assert result.stderr == f"hpos: error: {reason}\n"
    assert "No sales on" in cli_sandbox.hpos("sales").stdout, "nothing was charged"
    accepted = cli_sandbox.hpos("charge", "1000000000")  # the maximum exactly
    assert accepted.returncode == 0, accepted.stderr
    assert "1000000000 XOF" in accepted.stdout.replace(",", "")
