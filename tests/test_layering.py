"""The layers below the UI never import Qt: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

PURE_MODULES = [
    "hpos.hpay.client",
    "hpos.hpay.errors",
    "hpos.hpay.livetime",
    "hpos.hpay.models",
    "hpos.hpay.money",
    "hpos.hpay.redact",
    "hpos.hpay.tokens",
    "hpos.hpay.transport",
    "hpos.hpay.urls",
    "hpos.hpay.wire",
    "hpos.sandbox",
    "hpos.profile.profile",
    "hpos.profile.keystore",
    "hpos.cli.main",
    "hpos.logging_setup",
    "hpos.sales.journal",
    "hpos.sales.receipt",
    "hpos.sales.recovery",
    "hpos.sales.reconcile",
    "hpos.sales.report",
    "hpos.sales.report_check",
    "hpos.sales.service",
    "hpos.sales.watcher",
    "hpos.selftest",
]


def test_pure_layers_do_not_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
        "sys.exit(1 if qt else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, f"Qt imported: {result.stdout} {result.stderr}"
