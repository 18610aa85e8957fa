"""The import graph of a package, read from its source with ``ast``, and checks on it.

Used by ``tests/integration/test_layering.py``; the HPOS rules themselves (which
layer may import which, the allowed exceptions) live there, this module only knows
how to read imports and compare them with rules it is given.

What counts as an import: every ``import`` and ``from ... import`` statement that
runs, at any depth (module level, in a function, a class body, a ``try``...);
statements in the body of ``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``) are
left out, since they never run (their ``else:`` branch does run and is counted).
Relative imports are resolved against the importing module.

An import is recorded per imported name: ``from hpos.ui.history import rows`` is an
import of the module ``hpos.ui.history.rows``; ``from hpos.sandbox import
DEMO_ACCOUNT`` is an import of ``hpos.sandbox`` (a name defined in it).
"""

from __future__ import annotations

import ast
import io
import itertools
import re
import tokenize
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: Comment words that are tool pragmas, not a reason for a function-level import.
_PRAGMA = re.compile(
    r"\bnoqa(?::\s*[A-Z]+\d+(?:[\s,]+[A-Z]+\d+)*)?"
    r"|\btype:\s*ignore(?:\[[^\]]*\])?"
    r"|\bpragma:\s*no\s*cover"
    r"|\bpylint:\s*disable=\S+"
    r"|\bfmt:\s*(?:on|off|skip)"
    r"|\bisort:\s*\S+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Module:
    """One module of the package: its dotted name, file and whether it is a package."""

    name: str
    path: Path
    is_package: bool
    source: str
    tree: ast.Module


@dataclass(frozen=True)
class Import:
    """One imported name, as it runs.

    ``target`` is the dotted name of the imported module as resolved (``hpos.ui.app``,
    ``PySide6.QtCore``); ``internal`` says it is a module of the scanned package
    (``target`` is then its exact name). ``comment`` is the text of a comment on the
    statement's lines or on a comment-only line just above it, pragmas removed ("" if none).
    """

    importer: str
    path: Path
    line: int
    target: str
    internal: bool
    function_level: bool
    comment: str

    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def describe(self) -> str:
        kind = "function-level import" if self.function_level else "import"
        return f"{self.importer} ({self.where()}) {kind} of {self.target}"


@dataclass(frozen=True)
class Graph:
    """Every module of a package and every runtime import in it."""

    root: Path
    package: str
    modules: Mapping[str, Module]
    imports: tuple[Import, ...]

    def internal(self) -> list[Import]:
        """Imports of the package's own modules (a module importing itself left out)."""
        return [i for i in self.imports if i.internal and i.target != i.importer]

    def edges(self) -> dict[str, set[str]]:
        graph: dict[str, set[str]] = {name: set() for name in self.modules}
        for imp in self.internal():
            graph[imp.importer].add(imp.target)
        return graph


# ---------------------------------------------------------------------------- reading


def scan(root: Path, package: str) -> Graph:
    """Read every ``.py`` file under ``root/package`` (``root`` is the folder that holds it)."""
    modules: dict[str, Module] = {}
    for path in sorted((root / package).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(path))
        modules[".".join(parts)] = Module(".".join(parts), path, is_package, text, tree)
    imports: list[Import] = []
    for module in modules.values():
        imports.extend(_imports_of(module, modules, root))
    return Graph(root, package, modules, tuple(imports))


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _comments(source: str) -> tuple[dict[int, str], set[int]]:
    """Comment text per line, and the lines that hold nothing but a comment."""
    by_line: dict[int, str] = {}
    alone: set[int] = set()
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            row = tok.start[0]
            by_line[row] = tok.string.lstrip("#").strip()
            if lines[row - 1].strip().startswith("#"):
                alone.add(row)
    return by_line, alone


def _reason(text: str) -> str:
    """A comment's words with tool pragmas (``noqa: ...``, ``type: ignore``) removed."""
    return _PRAGMA.sub("", text).strip(" -:;,")


def _resolve_base(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports_of(module: Module, modules: Mapping[str, Module], root: Path) -> list[Import]:
    comments, alone = _comments(module.source)
    try:
        shown = module.path.relative_to(root)
    except ValueError:  # pragma: no cover - a path outside the root: show it whole
        shown = module.path
    found: list[Import] = []

    source_lines = module.source.splitlines()
    import_ending_at = {
        node.end_lineno or node.lineno: node
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }

    def comment_for(node: ast.stmt) -> str:
        """The comment on the statement's lines, else on the comment-only line right above
        it; an import in a run of imports (blank lines between them allowed) shares the
        comment of the run's first import."""
        end = node.end_lineno or node.lineno
        texts = [comments[row] for row in range(node.lineno, end + 1) if row in comments]
        above = node.lineno - 1
        if above in alone:
            texts.insert(0, comments[above])
        else:
            while above > 0 and not source_lines[above - 1].strip():
                above -= 1
            previous = import_ending_at.get(above)
            if previous is not None and previous is not node:
                texts.insert(0, comment_for(previous))
        return " ".join(t for t in (_reason(t) for t in texts) if t)

    def record(node: ast.Import | ast.ImportFrom, in_function: bool) -> None:
        comment = comment_for(node)
        targets: list[tuple[str, bool]] = []
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.append((alias.name, alias.name in modules))
        else:
            base = _resolve_base(module, node)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in modules:
                    targets.append((sub, True))
                else:
                    targets.append((base, base in modules))
        seen: set[str] = set()
        for target, internal in targets:
            if target in seen:
                continue
            seen.add(target)
            found.append(
                Import(
                    importer=module.name,
                    path=shown,
                    line=node.lineno,
                    target=target,
                    internal=internal,
                    function_level=in_function,
                    comment=comment,
                )
            )

    def visit(nodes: Iterable[ast.AST], in_function: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                record(node, in_function)
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                visit(node.orelse, in_function)  # the body never runs
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(ast.iter_child_nodes(node), True)
            else:
                visit(ast.iter_child_nodes(node), in_function)

    visit(module.tree.body, False)
    return found


# ---------------------------------------------------------------------------- rules


def under(name: str, prefix: str) -> bool:
    """``name`` is ``prefix`` or a module inside it."""
    return name == prefix or name.startswith(prefix + ".")


@dataclass(frozen=True)
class Allowed:
    """One allowed exception to a rule, with the reason it is allowed.

    ``importer`` and ``target`` are module names, or package names standing for every
    module inside (``hpos.ui.receipts``, ``PySide6``); ``function_level_only`` keeps the
    exception to imports made inside a function.
    """

    importer: str
    target: str
    reason: str
    function_level_only: bool = False

    def covers(self, imp: Import) -> bool:
        if self.function_level_only and not imp.function_level:
            return False
        return under(imp.importer, self.importer) and under(imp.target, self.target)


@dataclass(frozen=True)
class Layers:
    """Which part of the package may import which.

    ``part_of(module)`` names the part (layer) a module belongs to, or None when
    these rules do not cover the module (e.g. the UI's inner rules for a module
    outside the UI). ``may_import[part]`` lists the other parts it may import (a
    part may always import itself). A module whose part is not in ``may_import``
    is reported as unplaced.
    """

    title: str
    part_of: Callable[[str], str | None]
    may_import: Mapping[str, frozenset[str]]
    allowed: tuple[Allowed, ...] = ()


def _covered(imp: Import, allowed: Iterable[Allowed], used: set[object] | None) -> bool:
    for entry in allowed:
        if entry.covers(imp):
            if used is not None:
                used.add(entry)
            return True
    return False


def check_layers(graph: Graph, layers: Layers, used: set[object] | None = None) -> list[str]:
    """One line per import of the package's own modules that goes against ``layers``."""
    problems: list[str] = []
    for name in sorted(graph.modules):
        part = layers.part_of(name)
        if part is not None and part not in layers.may_import:
            problems.append(
                f"[{layers.title}] {name} ({graph.modules[name].path.relative_to(graph.root)}) "
                f"is in part {part!r}, which has no place in the layers: add it to the rules"
            )
    for imp in graph.internal():
        source, target = layers.part_of(imp.importer), layers.part_of(imp.target)
        if source is None or target is None or source == target:
            continue
        if source not in layers.may_import or target in layers.may_import[source]:
            continue
        if _covered(imp, layers.allowed, used):
            continue
        problems.append(
            f"[{layers.title}] {imp.describe()}: {source!r} may not import {target!r}"
            f" (it may import {', '.join(sorted(layers.may_import[source])) or 'nothing'})"
        )
    return problems


def check_forbidden(
    graph: Graph,
    *,
    title: str,
    forbidden: Iterable[str],
    allowed_in: Callable[[str], bool],
    allowed: Iterable[Allowed] = (),
    used: set[object] | None = None,
) -> list[str]:
    """Imports of ``forbidden`` top-level packages outside the modules ``allowed_in`` accepts."""
    roots = tuple(forbidden)
    problems = []
    for imp in graph.imports:
        if not any(under(imp.target, root) for root in roots) or allowed_in(imp.importer):
            continue
        if _covered(imp, allowed, used):
            continue
        problems.append(f"[{title}] {imp.describe()}: only the UI may import {'/'.join(roots)}")
    return problems


def check_loaded_at_import(
    graph: Graph,
    *,
    title: str,
    forbidden: Iterable[str],
    starts: Iterable[str],
) -> list[str]:
    """Modules in ``starts`` that load a ``forbidden`` package when imported.

    Follows module-level imports only (what runs when a module is imported),
    through the package's own modules, their parent packages included.
    """
    roots = tuple(forbidden)
    module_level: dict[str, list[Import]] = {name: [] for name in graph.modules}
    for imp in graph.imports:
        if not imp.function_level:
            module_level[imp.importer].append(imp)
    problems = []
    for start in sorted(starts):
        via: dict[str, Import | None] = {start: None}
        queue = deque([start])
        hit: Import | None = None
        while queue and hit is None:
            name = queue.popleft()
            for imp in module_level[name]:
                if any(under(imp.target, root) for root in roots):
                    hit = imp
                    break
                if not imp.internal:
                    continue
                parts = imp.target.split(".")
                for depth in range(1, len(parts) + 1):  # a parent package runs first
                    step = ".".join(parts[:depth])
                    if step in graph.modules and step not in via:
                        via[step] = imp
                        queue.append(step)
        if hit is None:
            continue
        chain = [hit]
        node = hit.importer
        while (step_imp := via[node]) is not None:
            chain.append(step_imp)
            node = step_imp.importer
        steps = " -> ".join(f"{i.target} ({i.where()})" for i in reversed(chain))
        problems.append(f"[{title}] importing {start} loads {hit.target}: {start} -> {steps}")
    return problems


def check_cycles(graph: Graph) -> list[str]:
    """One line per import cycle among the package's modules (function-level imports count)."""
    edges = graph.edges()
    first: dict[tuple[str, str], Import] = {}
    for imp in graph.internal():
        first.setdefault((imp.importer, imp.target), imp)
    problems = []
    for component in _strongly_connected(edges):
        if len(component) < 2:
            continue
        start = min(component)
        path = _shortest_cycle(start, edges, set(component))
        steps = [first[(a, b)] for a, b in itertools.pairwise(path)]
        listed = "\n    ".join(imp.describe() for imp in steps)
        others = sorted(set(component) - set(path))
        more = f"\n    (also in this tangle: {', '.join(others)})" if others else ""
        problems.append(f"[cycle] {' -> '.join(path)}\n    {listed}{more}")
    return problems


def _strongly_connected(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on deep graphs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def _shortest_cycle(start: str, edges: Mapping[str, set[str]], within: set[str]) -> list[str]:
    """The shortest path start -> ... -> start inside one strongly connected component."""
    parent: dict[str, str] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for child in sorted(edges[node] & within):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if child not in seen:
                seen.add(child)
                parent[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover - SCC guarantees one


def check_function_level(
    graph: Graph, allowed: Iterable[Allowed] = (), used: set[object] | None = None
) -> list[str]:
    """Function-level imports with no comment on their line or the line above saying why."""
    problems = []
    for imp in graph.imports:
        if not imp.function_level or imp.comment:
            continue
        if _covered(imp, allowed, used):
            continue
        problems.append(
            f"[function-level import] {imp.describe()} has no comment saying why it is not at"
            " the top (put one on its line or the line above, e.g. '# here: start-up speed')"
        )
    return problems


def check_package_inits(
    graph: Graph, allowed: Iterable[str] = (), used: set[object] | None = None
) -> list[str]:
    """Sub-package ``__init__.py`` files that hold more than a docstring."""
    exempt = set(allowed)
    problems = []
    for name, module in sorted(graph.modules.items()):
        if not module.is_package or name == graph.package:
            continue
        body = module.tree.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]
        if not body:
            continue
        if name in exempt:
            if used is not None:
                used.add(name)
            continue
        first = body[0]
        shown = module.path.relative_to(graph.root)
        what = ast.unparse(first).splitlines()[0]
        problems.append(
            f"[package __init__] {name} ({shown}:{first.lineno}) holds more than a docstring:"
            f" {what!r}; a sub-package's __init__.py holds its docstring only"
            " (no imports, no re-exports, no code)"
        )
    return problems


def check_unresolved(graph: Graph) -> list[str]:
    """Imports of the package's own names that match no module (a stale path after a move)."""
    return [
        f"[unknown module] {imp.describe()}: no such module under {graph.package}/"
        for imp in graph.imports
        if not imp.internal and under(imp.target, graph.package)
    ]
