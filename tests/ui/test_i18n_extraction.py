"""Every UI text reaches lupdate: no literal passed through a wrapper lupdate cannot see.

``pyside6-lupdate`` extracts only literal ``self.tr("...")``,
``QCoreApplication.translate("Context", "...")`` and ``QT_TRANSLATE_NOOP`` calls.
A helper such as ``def _tr(text): return QCoreApplication.translate("Ctx", text)``
called with a literal hides that literal from the catalogue: the French never
loads and the completeness check cannot notice. This test reads the UI sources'
syntax trees and names each such call (and each f-string or concatenation given
to a translate call), so the mistake is caught when it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hpos.ui

UI = Path(hpos.ui.__file__).resolve().parent


def _is_translate(call: ast.Call) -> bool:
    """``translate("Context", ...)`` (a literal context: not QPainter.translate) or ``tr(...)``."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "tr":
        return True
    first = call.args[0] if call.args else None
    return name == "translate" and isinstance(first, ast.Constant) and isinstance(first.value, str)


def _source_arg(call: ast.Call) -> ast.expr | None:
    """The source text argument of a translate/tr call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    index = 1 if name == "translate" else 0
    return call.args[index] if len(call.args) > index else None


def _wrappers(tree: ast.Module) -> set[str]:
    """Functions of the module that hand one of their parameters to translate/tr."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = {a.arg for a in node.args.args + node.args.kwonlyargs}
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and _is_translate(call):
                arg = _source_arg(call)
                if isinstance(arg, ast.Name) and arg.id in params:
                    found.add(node.name)
    return found


def _marked(tree: ast.Module) -> set[str]:
    """Literals the module marks with QT_TRANSLATE_NOOP / QT_TR_NOOP (extracted)."""
    marked: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
            "QT_TRANSLATE_NOOP",
            "QT_TR_NOOP",
        ):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    marked.add(arg.value)
    return marked


def hidden_texts(path: Path) -> list[str]:
    """``file:line text`` of each UI text lupdate cannot extract from ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrappers, marked = _wrappers(tree), _marked(tree)
    where = path.relative_to(UI.parent.parent) if path.is_relative_to(UI) else path.name
    problems: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if _is_translate(node):
            arg = _source_arg(node)
            if isinstance(arg, ast.JoinedStr | ast.BinOp):
                problems.append(f"{where}:{node.lineno} {ast.unparse(arg)[:60]}")
        elif name in wrappers and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if arg.value not in marked:
                    problems.append(f"{where}:{node.lineno} {name}({arg.value[:50]!r})")
            elif isinstance(arg, ast.JoinedStr | ast.BinOp):
                problems.append(f"{where}:{node.lineno} {name}({ast.unparse(arg)[:50]})")
    return problems


def test_every_ui_text_is_a_literal_lupdate_extracts() -> None:
    problems = [p for path in sorted(UI.rglob("*.py")) for p in hidden_texts(path)]
    assert problems == [], "texts lupdate cannot see (use a literal translate call):\n" + "\n".join(
        problems
    )


def test_the_check_sees_a_wrapper_called_with_a_literal(tmp_path: Path) -> None:
    sample = tmp_path / "_sample_for_test.py"  # never in the source tree others read
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Ctx', text)\n"
        "OK = QT_TRANSLATE_NOOP('Ctx', 'Marked')\n"
        "a = _tr('Hidden text')\n"
        "b = _tr('Marked')\n"
        "c = QCoreApplication.translate('Ctx', f'{a} joined')\n",
        encoding="utf-8",
    )
    problems = hidden_texts(sample)
    assert len(problems) == 2
    assert "Hidden text" in problems[0]
    assert "joined" in problems[1]
