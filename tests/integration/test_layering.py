"""The layers of HPOS, checked on the real import graph (read with ``ast``; the reading and
the checks are in tests/helpers/imports.py, the rules of HPOS here).

Every runtime import counts: module level and function level, relative ones resolved;
imports under ``if TYPE_CHECKING:`` do not (they never run).

Where each part sits (a part may import the parts listed after its arrow; every part
but util, resources and the sandbox may also read the ``hpos`` package root, which holds
``__version__`` and imports nothing: ``from hpos import __version__``)::

    __main__        -> cli
    cli             -> selftest, demo, sandbox, logging_setup, profile, sales, hpay, util
                       (+ hpos.ui.app, from hpos.cli.main only, inside a function: starting
                       the window; ``hpos`` without the window never loads Qt)
    selftest        -> demo, sandbox, resources, logging_setup, profile, sales, hpay, util
                       (+ Qt and hpos.ui.widgets.qr in hpos.selftest.qt only, see below)
    ui              -> demo, resources, logging_setup, profile, sales, hpay, util
    demo            -> sandbox, logging_setup, profile, sales, hpay, util
    profile         -> hpay, util        (profile and sales never import each other)
    sales           -> hpay, util
    logging_setup   -> hpay, util        (the log file and its redaction; beside profile/sales)
    hpay            -> util
    sandbox         -> util              (the local HPAY emulator: stdlib, util, nothing else)
    util, resources -> nothing           (stdlib-only helpers; the files the app ships)
    hpos (root)     -> nothing

That is ``util <- hpay <- {profile, sales} <- demo <- {cli, ui}`` from the issue, with
``selftest`` between demo and cli (the command line runs it; it checks the sandbox, the
profile, the journal and, in its Qt part, the UI's QR widget) and ``__main__`` on top.

Qt (PySide6, shiboken6) is imported by ``hpos.ui`` only. One exception, narrow:
``hpos.selftest.qt`` imports Qt at its top (it is the self-test's Qt half), and is itself
only ever imported inside a function (``hpos.selftest.runner.default_checks``), which
``hpos.cli.main`` imports inside a function too; so no module outside ``hpos.ui`` loads Qt
when imported: checked statically (following module-level imports) and once for real in
a fresh interpreter.

Inside ``hpos.ui``::

    app        -> mainwindow, features, controller, widgets, shared
    mainwindow -> features, controller, widgets, shared   (wires the features through signals)
    features   -> controller, widgets, shared   (cashier, customer, history, settings,
                                                  receipts, owner, manager: never each other;
                                                  one exception:
                                                  receipts may read hpos.ui.history.rows,
                                                  history's plain row data)
    controller -> widgets, shared
    widgets    -> shared
    shared     -> shared   (the modules at hpos/ui's top but app.py: runner, i18n, language,
                            money, crash, sound, gc_guard; and hpos/ui/__init__.py)

Also: no import cycle anywhere in ``hpos`` (function-level imports count); a
function-level import has a comment on its line or the line above saying why (an import
in a run of imports shares the run's comment); a sub-package's ``__init__.py`` holds its
docstring only; an import of ``hpos.x`` names a module that exists.

What breaks these rules today is listed below (``*_TODAY``), one entry each with its
reason; an entry no longer needed fails ``test_allow_lists_hold_only_what_is_needed``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.imports import (
    Allowed,
    Graph,
    Layers,
    check_cycles,
    check_forbidden,
    check_function_level,
    check_layers,
    check_loaded_at_import,
    check_package_inits,
    check_unresolved,
    scan,
    under,
)

REPO = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6")
#: The one module outside hpos.ui that imports Qt: the self-test's Qt half. It imports Qt
#: at its top (today's code), so the exception is the whole module, and no more: it must
#: itself be imported only inside a function (hpos.selftest.runner.default_checks does), which the
#: "qt at import time" rule checks from every other module outside the UI.
QT_SELFTEST = "hpos.selftest.qt"

# ------------------------------------------------------------------------------- the layers

_PURE = frozenset({"hpos", "util", "hpay"})
MAY_IMPORT: dict[str, frozenset[str]] = {
    "hpos": frozenset(),
    "util": frozenset(),
    "resources": frozenset(),
    "hpay": frozenset({"hpos", "util"}),
    "sandbox": frozenset({"util"}),
    "profile": _PURE,
    "sales": _PURE,
    "logging_setup": _PURE,
    "demo": _PURE | {"profile", "sales", "logging_setup", "sandbox"},
    "ui": _PURE | {"resources", "profile", "sales", "logging_setup", "demo"},
    "selftest": _PURE | {"resources", "profile", "sales", "logging_setup", "demo", "sandbox"},
    "cli": _PURE | {"profile", "sales", "logging_setup", "demo", "sandbox", "selftest"},
    "__main__": frozenset({"hpos", "cli"}),
}

LAYER_EXCEPTIONS = (
    # `hpos` (the CLI) opens the window: the only import of the UI from outside it, inside
    # main() so that the command line starts without Qt (start-up speed, no display needed).
    Allowed(
        "hpos.cli.main",
        "hpos.ui.app",
        "the CLI starts the window; imported inside main() so the CLI never loads Qt",
        function_level_only=True,
    ),
    # The self-test's Qt half paints the cashier's real QR widget (inside check_qr).
    Allowed(
        "hpos.selftest.qt",
        "hpos.ui.widgets.qr",
        "the self-test checks the UI's QR widget, inside its check",
        function_level_only=True,
    ),
)


def layer_of(name: str) -> str | None:
    """``hpos.sales.journal`` -> ``sales``; ``hpos.demo`` -> ``demo``; ``hpos`` -> ``hpos``."""
    parts = name.split(".")
    if parts[0] != "hpos":
        return None
    return parts[1] if len(parts) > 1 else "hpos"


FEATURES = frozenset(
    {"cashier", "customer", "history", "settings", "receipts", "owner", "manager", "catalogue"}
)
UI_MAY_IMPORT: dict[str, frozenset[str]] = {
    "shared": frozenset(),
    "widgets": frozenset({"shared"}),
    "controller": frozenset({"shared", "widgets"}),
    **{feature: frozenset({"shared", "widgets", "controller"}) for feature in FEATURES},
    "mainwindow": frozenset({"shared", "widgets", "controller"}) | FEATURES,
    "app": frozenset({"shared", "widgets", "controller", "mainwindow"}) | FEATURES,
}

UI_EXCEPTIONS = (
    # The one exception: receipts read history's plain row data (HistoryRow,
    # status texts) to print a receipt for a history row.
    Allowed("hpos.ui.receipts", "hpos.ui.history.rows", "receipts read history's row data"),
)


def _ui_part(graph: Graph) -> Callable[[str], str | None]:
    """Top-level modules of hpos/ui are shared; a sub-package is its own part."""

    def part(name: str) -> str | None:
        if not under(name, "hpos.ui"):
            return None
        if name == "hpos.ui.app":
            return "app"
        parts = name.split(".")
        if len(parts) == 2:
            return "shared"
        if len(parts) == 3 and not graph.modules[name].is_package:
            return "shared"
        return parts[2]

    return part


# ------------------------------------------------------------ what breaks the rules today

#: Sub-package __init__.py files that hold more than a docstring (hpos/ is being moved by
#: others now; each is to be emptied, then its entry removed).
PACKAGE_INITS_TODAY: dict[str, str] = {}

#: Function-level imports with no comment saying why (each to get its comment, or to move
#: to the top, then leave this list). One entry per importing module and imported module.
FUNCTION_LEVEL_TODAY: tuple[Allowed, ...] = ()

# ------------------------------------------------------------------------------- the checker


def problems(graph: Graph, used: set[object] | None = None) -> dict[str, list[str]]:
    """Every rule's findings on ``graph`` (an empty list: the rule holds)."""
    outside_ui = [name for name in graph.modules if not under(name, "hpos.ui")]
    return {
        "layers": check_layers(
            graph, Layers("layers", layer_of, MAY_IMPORT, LAYER_EXCEPTIONS), used
        ),
        "ui layers": check_layers(
            graph,
            Layers("ui layers", _ui_part(graph), UI_MAY_IMPORT, UI_EXCEPTIONS),
            used,
        ),
        "qt": check_forbidden(
            graph,
            title="qt",
            forbidden=QT,
            allowed_in=lambda name: under(name, "hpos.ui") or name == QT_SELFTEST,
        ),
        "qt at import time": check_loaded_at_import(
            graph,
            title="qt at import time",
            forbidden=QT,
            starts=[name for name in outside_ui if name != QT_SELFTEST],
        ),
        "cycles": check_cycles(graph),
        "function-level imports": check_function_level(graph, FUNCTION_LEVEL_TODAY, used),
        "package inits": check_package_inits(graph, PACKAGE_INITS_TODAY, used),
        "unknown modules": check_unresolved(graph),
    }


RULES = (
    "layers",
    "ui layers",
    "qt",
    "qt at import time",
    "cycles",
    "function-level imports",
    "package inits",
    "unknown modules",
)


def _fail_with(found: list[str], rule: str) -> None:
    if found:
        pytest.fail(
            f"{len(found)} import(s) break the rule {rule!r} (see tests/integration/"
            "test_layering.py's docstring):\n" + "\n".join(found),
            pytrace=False,
        )


# ------------------------------------------------------------------------ the real package


@pytest.fixture(scope="module")
def real() -> Graph:
    return scan(REPO, "hpos")


@pytest.mark.parametrize("rule", RULES)
def test_hpos_keeps_the_rule(real: Graph, rule: str) -> None:
    _fail_with(problems(real)[rule], rule)


def test_allow_lists_hold_only_what_is_needed(real: Graph) -> None:
    used: set[object] = set()
    problems(real, used)
    stale = [
        f"{entry.importer} -> {entry.target} ({entry.reason})"
        for entry in (*LAYER_EXCEPTIONS, *UI_EXCEPTIONS, *FUNCTION_LEVEL_TODAY)
        if entry not in used
    ] + [f"{name} ({why})" for name, why in PACKAGE_INITS_TODAY.items() if name not in used]
    assert not stale, "allow-list entries no longer needed: remove them:\n" + "\n".join(stale)


def test_no_module_outside_the_ui_loads_qt_when_imported(real: Graph) -> None:
    """The static check, confirmed for real: import them all in a fresh interpreter."""
    names = sorted(
        name for name in real.modules if not under(name, "hpos.ui") and name != QT_SELFTEST
    )
    code = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {names!r}:
            importlib.import_module(name)
        qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})
        print(','.join(qt))
        sys.exit(1 if qt else 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, f"Qt imported: {result.stdout} {result.stderr}"


# ------------------------------------------------- the checker on small made-up packages

DOC = '"""A package."""\n'

#: A small package laid out like hpos that keeps every rule (each case below breaks one).
CLEAN_TREE: dict[str, str] = {
    "hpos/__init__.py": '"""HPOS."""\n\n__version__ = "0.0"\n',
    "hpos/__main__.py": "from hpos.cli.main import main\n",
    "hpos/util/__init__.py": DOC,
    "hpos/util/atomic.py": "import os\n",
    "hpos/util/csvcell.py": "from decimal import Decimal\n",
    "hpos/resources/__init__.py": DOC,
    "hpos/hpay/__init__.py": DOC,
    "hpos/hpay/client.py": (
        "import requests\n\nfrom hpos import __version__\nfrom hpos.util.atomic import write\n"
    ),
    "hpos/hpay/redact.py": "import logging\n",
    "hpos/profile/__init__.py": DOC,
    "hpos/profile/profile.py": "from hpos.hpay.client import ClientConfig\n",
    "hpos/sales/__init__.py": DOC,
    "hpos/sales/model.py": "from hpos.hpay import client\n",
    "hpos/sales/journal.py": "from .model import Sale\n",
    "hpos/logging_setup.py": "from hpos.hpay.redact import Redactor\n",
    "hpos/sandbox/__init__.py": DOC,
    "hpos/sandbox/server.py": "import http.server\n\nfrom hpos.util.atomic import write\n",
    "hpos/demo.py": """\
        from hpos.profile.profile import Profile
        from hpos.sales import model


        def start():
            from hpos.sandbox.server import Server  # only the demo needs it
        """,
    "hpos/selftest/__init__.py": DOC,
    "hpos/selftest/run.py": """\
        def checks():
            from hpos.selftest import basic, qt  # here: Qt loads only when the checks run
        """,
    "hpos/selftest/basic.py": "import hpos\nfrom hpos.sandbox.server import Server\n",
    "hpos/selftest/qt.py": """\
        from PySide6.QtWidgets import QApplication


        def check_qr():
            from hpos.ui.widgets.qr import QrWidget  # here: the UI's widget, in its check only
        """,
    "hpos/cli/__init__.py": DOC,
    "hpos/cli/main.py": """\
        from hpos.cli import commands
        from hpos.logging_setup import install


        def main():
            from hpos.selftest.run import checks  # Qt and the sandbox: imported only here
            from hpos.ui.app import run_app  # the window: Qt is imported only here
        """,
    "hpos/cli/commands.py": "from hpos import demo\nfrom hpos.sandbox.server import Server\n",
    "hpos/ui/__init__.py": DOC,
    "hpos/ui/i18n.py": "from PySide6.QtCore import QLocale\n",
    "hpos/ui/runner.py": "from PySide6.QtCore import QObject\n\nfrom . import i18n\n",
    "hpos/ui/app.py": "from hpos import demo\nfrom hpos.ui.mainwindow.window import MainWindow\n",
    "hpos/ui/widgets/__init__.py": DOC,
    "hpos/ui/widgets/qr.py": "from PySide6.QtWidgets import QWidget\n\nfrom ..i18n import tr\n",
    "hpos/ui/controller/__init__.py": DOC,
    "hpos/ui/controller/sale.py": (
        "from hpos.sales.model import Sale\nfrom hpos.ui.runner import Runner\n"
        "from hpos.ui.widgets.qr import QrWidget\n"
    ),
    **{f"hpos/ui/{feature}/__init__.py": DOC for feature in sorted(FEATURES)},
    **{
        f"hpos/ui/{feature}/screen.py": "from hpos.ui.controller.sale import SaleController\n"
        for feature in sorted(FEATURES)
    },
    "hpos/ui/history/rows.py": "from hpos.ui.i18n import tr\n",
    "hpos/ui/history/pane.py": "from .rows import HistoryRow\n",
    "hpos/ui/receipts/actions.py": """\
        from typing import TYPE_CHECKING

        from hpos.ui.history.rows import HistoryRow

        if TYPE_CHECKING:
            from hpos.ui.history.pane import HistoryPane
        """,
    "hpos/ui/mainwindow/__init__.py": DOC,
    "hpos/ui/mainwindow/about.py": "import hpos\n",
    "hpos/ui/mainwindow/window.py": """\
        from hpos.ui.cashier.screen import Screen
        from hpos.ui.history import screen

        from .about import About
        """,
}


def make_tree(root: Path, changes: dict[str, str]) -> Graph:
    """CLEAN_TREE with ``changes`` (path -> new text) written under ``root``, scanned."""
    for rel, text in {**CLEAN_TREE, **changes}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return scan(root, "hpos")


def test_the_clean_tree_keeps_every_rule(tmp_path: Path) -> None:
    assert problems(make_tree(tmp_path, {})) == {rule: [] for rule in RULES}


BAD = [
    # -- layers
    pytest.param(
        {"hpos/sales/model.py": "from hpos.hpay import client\nimport hpos.profile.profile\n"},
        "layers",
        [
            "hpos.sales.model (hpos/sales/model.py:2) import of hpos.profile.profile",
            "'sales' may not import 'profile'",
        ],
        id="sales imports profile",
    ),
    pytest.param(
        {"hpos/profile/profile.py": "from ..sales.model import Sale\n"},
        "layers",
        [
            "hpos.profile.profile (hpos/profile/profile.py:1) import of hpos.sales.model",
            "'profile' may not import 'sales'",
        ],
        id="profile imports sales (relative)",
    ),
    pytest.param(
        {"hpos/hpay/client.py": "def f():\n    from hpos import demo  # here: lazily\n"},
        "layers",
        [
            "hpos.hpay.client (hpos/hpay/client.py:2) function-level import of hpos.demo",
            "'hpay' may not import 'demo'",
        ],
        id="hpay imports demo in a function",
    ),
    pytest.param(
        {"hpos/sandbox/server.py": "from hpos.hpay.client import HpayClient\n"},
        "layers",
        ["hpos.sandbox.server (hpos/sandbox/server.py:1) import of hpos.hpay.client"],
        id="sandbox imports hpay",
    ),
    pytest.param(
        {"hpos/util/atomic.py": "from hpos import __version__\n"},
        "layers",
        ["hpos.util.atomic (hpos/util/atomic.py:1) import of hpos", "'util' may not import"],
        id="util imports hpos",
    ),
    pytest.param(
        {"hpos/demo.py": "from hpos.ui import i18n\n"},
        "layers",
        ["hpos.demo (hpos/demo.py:1) import of hpos.ui.i18n", "'demo' may not import 'ui'"],
        id="demo imports ui",
    ),
    pytest.param(
        {"hpos/cli/main.py": "from hpos.ui.app import run_app\n"},
        "layers",
        ["hpos.cli.main (hpos/cli/main.py:1) import of hpos.ui.app", "'cli' may not import 'ui'"],
        id="cli imports ui at its top",
    ),
    pytest.param(
        {"hpos/cli/commands.py": "def f():\n    from hpos.ui.app import run_app  # the window\n"},
        "layers",
        ["hpos.cli.commands (hpos/cli/commands.py:2) function-level import of hpos.ui.app"],
        id="another cli module imports ui",
    ),
    pytest.param(
        {"hpos/extra/__init__.py": DOC},
        "layers",
        ["hpos.extra (hpos/extra/__init__.py) is in part 'extra', which has no place"],
        id="a new package with no place",
    ),
    # -- Qt
    pytest.param(
        {"hpos/hpay/client.py": "from PySide6.QtCore import QObject\n"},
        "qt",
        [
            "hpos.hpay.client (hpos/hpay/client.py:1) import of PySide6.QtCore",
            "only the UI may import PySide6/shiboken6",
        ],
        id="Qt in hpay",
    ),
    pytest.param(
        {"hpos/sales/model.py": "def f():\n    import shiboken6  # here: why not\n"},
        "qt",
        ["hpos.sales.model (hpos/sales/model.py:2) function-level import of shiboken6"],
        id="shiboken in sales in a function",
    ),
    pytest.param(
        {"hpos/selftest/basic.py": "from PySide6 import QtCore\n"},
        "qt",
        ["hpos.selftest.basic (hpos/selftest/basic.py:1) import of PySide6"],
        id="Qt in the self-test outside its Qt part",
    ),
    pytest.param(
        {"hpos/selftest/run.py": "from hpos.selftest import qt\n"},
        "qt at import time",
        [
            "importing hpos.selftest.run loads PySide6.QtWidgets: hpos.selftest.run"
            " -> hpos.selftest.qt (hpos/selftest/run.py:1)"
            " -> PySide6.QtWidgets (hpos/selftest/qt.py:1)"
        ],
        id="the self-test's Qt part loaded at import",
    ),
    # -- inside the UI
    pytest.param(
        {"hpos/ui/cashier/screen.py": "from hpos.ui.settings.screen import Screen\n"},
        "ui layers",
        [
            "hpos.ui.cashier.screen (hpos/ui/cashier/screen.py:1) import of"
            " hpos.ui.settings.screen",
            "'cashier' may not import 'settings'",
        ],
        id="a feature imports another",
    ),
    pytest.param(
        {"hpos/ui/receipts/actions.py": "from hpos.ui.history.pane import HistoryPane\n"},
        "ui layers",
        ["hpos.ui.receipts.actions (hpos/ui/receipts/actions.py:1) import of hpos.ui.history.pane"],
        id="receipts import more of history than its rows",
    ),
    pytest.param(
        {
            "hpos/ui/receipts/actions.py": """\
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    pass
                else:
                    from hpos.ui.history.pane import HistoryPane
                """
        },
        "ui layers",
        ["hpos.ui.receipts.actions (hpos/ui/receipts/actions.py:6) import of hpos.ui.history.pane"],
        id="the else of TYPE_CHECKING runs",
    ),
    pytest.param(
        {"hpos/ui/widgets/qr.py": "from hpos.ui.controller.sale import SaleController\n"},
        "ui layers",
        ["'widgets' may not import 'controller'"],
        id="widgets import the controller",
    ),
    pytest.param(
        {"hpos/ui/runner.py": "from hpos.ui.widgets.qr import QrWidget\n"},
        "ui layers",
        ["hpos.ui.runner (hpos/ui/runner.py:1)", "'shared' may not import 'widgets'"],
        id="a shared module imports widgets",
    ),
    pytest.param(
        {"hpos/ui/history/screen.py": "from hpos.ui.mainwindow.window import MainWindow\n"},
        "ui layers",
        ["'history' may not import 'mainwindow'"],
        id="a feature imports the main window",
    ),
    pytest.param(
        {
            "hpos/ui/receipts/render.py": "from hpos.ui.widgets.qr import QrWidget\n",
            "hpos/ui/owner/closing_files.py": """\
                def print_blocks():
                    # imported on first use: painting loads only when printing
                    from hpos.ui.receipts.render import render_blocks
                """,
        },
        "ui layers",
        [
            "hpos.ui.owner.closing_files (hpos/ui/owner/closing_files.py:3)",
            "function-level import of hpos.ui.receipts.render",
            "'owner' may not import 'receipts'",
        ],
        id="a feature prints with another's painting, even lazily",
    ),
    pytest.param(
        {"hpos/ui/mainwindow/about.py": "from hpos.ui.app import run_app\n"},
        "ui layers",
        ["'mainwindow' may not import 'app'"],
        id="the main window imports app",
    ),
    pytest.param(
        {"hpos/ui/extras/__init__.py": DOC},
        "ui layers",
        ["hpos.ui.extras (hpos/ui/extras/__init__.py) is in part 'extras', which has no place"],
        id="a new ui package with no place",
    ),
    # -- cycles
    pytest.param(
        {
            "hpos/util/atomic.py": "def f():\n    from hpos.util import csvcell  # lazily\n",
            "hpos/util/csvcell.py": "from hpos.util.atomic import f\n",
        },
        "cycles",
        [
            "hpos.util.atomic -> hpos.util.csvcell -> hpos.util.atomic",
            "hpos.util.atomic (hpos/util/atomic.py:2) function-level import of hpos.util.csvcell",
            "hpos.util.csvcell (hpos/util/csvcell.py:1) import of hpos.util.atomic",
        ],
        id="a cycle hidden in a function",
    ),
    pytest.param(
        {"hpos/ui/i18n.py": "from hpos.ui.widgets import qr\n"},
        "cycles",
        ["hpos.ui.i18n -> hpos.ui.widgets.qr -> hpos.ui.i18n"],
        id="a cycle across ui parts",
    ),
    # -- function-level imports
    pytest.param(
        {"hpos/sales/model.py": "def f():\n    import json\n"},
        "function-level imports",
        ["hpos.sales.model (hpos/sales/model.py:2) function-level import of json has no comment"],
        id="an uncommented function-level import",
    ),
    pytest.param(
        {"hpos/sales/model.py": "def f():\n    import json  # noqa: PLC0415\n"},
        "function-level imports",
        ["hpos.sales.model (hpos/sales/model.py:2) function-level import of json has no comment"],
        id="a lint pragma is no reason",
    ),
    pytest.param(
        {"hpos/sales/model.py": "def f():\n    y = 1  # one\n    import json\n"},
        "function-level imports",
        ["hpos.sales.model (hpos/sales/model.py:3) function-level import of json has no comment"],
        id="a comment on another statement is no reason",
    ),
    # -- package inits
    pytest.param(
        {"hpos/sales/__init__.py": '"""Sales."""\n\nfrom hpos.sales.model import Sale\n'},
        "package inits",
        [
            "hpos.sales (hpos/sales/__init__.py:3) holds more than a docstring:"
            " 'from hpos.sales.model import Sale'"
        ],
        id="a sub-package re-exports",
    ),
    pytest.param(
        {"hpos/ui/history/__init__.py": '"""History."""\n\nCOLUMNS = 3\n'},
        "package inits",
        ["hpos.ui.history (hpos/ui/history/__init__.py:3) holds more than a docstring"],
        id="a sub-package init holds code",
    ),
    # -- unknown modules
    pytest.param(
        {"hpos/demo.py": "from hpos.settings import Profile\n"},
        "unknown modules",
        ["hpos.demo (hpos/demo.py:1) import of hpos.settings: no such module under hpos/"],
        id="an import of a module that moved",
    ),
]


@pytest.mark.parametrize(("changes", "rule", "expected"), BAD)
def test_a_bad_import_is_reported(
    tmp_path: Path, changes: dict[str, str], rule: str, expected: list[str]
) -> None:
    found = problems(make_tree(tmp_path, changes))[rule]
    assert any(all(part in line for part in expected) for line in found), (
        f"{rule!r} did not report {expected}; it said:\n" + "\n".join(found)
    )


GOOD = [
    pytest.param(
        {"hpos/sales/model.py": "def f():\n    # here: for the export only\n    import json\n"},
        id="the comment on the line above",
    ),
    pytest.param(
        {
            "hpos/sales/model.py": """\
                def f():
                    import json  # here: only for the export (start-up speed)

                    from hpos.hpay import client
                """
        },
        id="a run of imports shares its comment",
    ),
    pytest.param(
        {
            "hpos/sales/model.py": """\
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from hpos.profile.profile import Profile
                """
        },
        id="TYPE_CHECKING imports do not count",
    ),
    pytest.param(
        {
            "hpos/sales/model.py": """\
                import typing

                if typing.TYPE_CHECKING:
                    import hpos.profile.profile
                """
        },
        id="typing.TYPE_CHECKING imports do not count",
    ),
    pytest.param(
        {
            "hpos/ui/receipts/actions.py": """\
                def f():
                    from hpos.ui.history.rows import status_text  # when a receipt is made
                """
        },
        id="receipts read history's rows",
    ),
    pytest.param(
        {
            "hpos/ui/widgets/paint.py": "from PySide6.QtGui import QPainter\n",
            "hpos/ui/owner/closing_files.py": """\
                def print_blocks():
                    # imported on first use: painting loads only when printing
                    from hpos.ui.widgets.paint import render_blocks
                """,
        },
        id="a feature prints with the shared painting",
    ),
]


@pytest.mark.parametrize("changes", GOOD)
def test_an_allowed_import_is_not_reported(tmp_path: Path, changes: dict[str, str]) -> None:
    assert problems(make_tree(tmp_path, changes)) == {rule: [] for rule in RULES}
