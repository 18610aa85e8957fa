"""Resolve the release build's dependencies for every OS the release workflow builds on.

For each target (Windows x86_64, macOS arm64, macOS x86_64, Linux glibc 2.34) `uv pip compile`
resolves the project's ``build`` extra under ``packaging/constraints.txt``, binary wheels only,
evaluating every environment marker for that platform (``pip download --platform`` does not:
it would miss e.g. ``colorama; sys_platform == "win32"``). It fails (exit 1) when a target
cannot resolve, when a target needs a package the constraints do not pin (or pin differently),
and when a pin is needed by no target any more. The macOS targets are resolved for the oldest
macOS the app claims (``MACOS_MINIMUM`` of build_installer.spec, its LSMinimumSystemVersion), so a
pin whose wheels need a newer macOS fails here rather than on a shop's older Mac.

Usage: python packaging/resolve_targets.py [--project DIR] [--constraints FILE]
                                           [--macos-minimum X.Y] [-- UV-ARGS...]
(needs uv: ``pip install uv``; UV-ARGS go to every ``uv pip compile``, e.g. ``--offline``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PYTHON_VERSION = "3.11"  # the release workflow's actions/setup-python version
EXTRA = "build"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    """One platform a release is built on: its name and uv's ``--python-platform``."""

    name: str
    platform: str

    @property
    def is_macos(self) -> bool:
        """Whether wheels are chosen for a macOS version (MACOSX_DEPLOYMENT_TARGET)."""
        return self.platform.endswith("-apple-darwin")


TARGETS = (
    Target("Windows x86_64", "x86_64-pc-windows-msvc"),
    Target("macOS arm64", "aarch64-apple-darwin"),
    Target("macOS x86_64", "x86_64-apple-darwin"),
    Target("Linux x86_64 glibc 2.34", "x86_64-manylinux_2_34"),
)


@dataclass(frozen=True)
class Resolution:
    """What ``uv pip compile`` answered for one target: exit code, output, errors."""

    returncode: int
    stdout: str
    stderr: str


Compiler = Callable[[Target], Resolution]

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)\s*(?:;.*)?$")


def normalize(name: str) -> str:
    """A distribution name as PEP 503 compares them (``PySide6_Addons`` -> ``pyside6-addons``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_lines(text: str) -> list[tuple[int, str]]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines


def read_pins(text: str) -> dict[str, str]:
    """The exact pins of a constraints file, by normalized name; ValueError for any other line."""
    pins: dict[str, str] = {}
    for number, line in _requirement_lines(text):
        match = _PIN.match(line)
        if not match or "*" in match.group(2):
            raise ValueError(f"line {number}: {line!r} is not an exact pin (name==version)")
        name = normalize(match.group(1))
        if name in pins:
            raise ValueError(f"line {number}: {match.group(1)} is pinned twice")
        pins[name] = match.group(2)
    return pins


def read_compiled(text: str) -> dict[str, str]:
    """The packages a ``uv pip compile`` output lists, by normalized name, with their versions."""
    packages: dict[str, str] = {}
    for number, line in _requirement_lines(text):
        match = _PIN.match(line)
        if not match:
            raise ValueError(f"line {number} of uv's output is not name==version: {line!r}")
        packages[normalize(match.group(1))] = match.group(2)
    return packages


def unpinned(compiled: str, pins: dict[str, str]) -> list[str]:
    """What a target's compiled requirements need beyond the pins, one sentence each."""
    problems = []
    for name, version in sorted(read_compiled(compiled).items()):
        if name not in pins:
            problems.append(f"needs {name}=={version}, which is not pinned")
        elif pins[name] != version:
            problems.append(f"needs {name}=={version}, but it is pinned to {pins[name]}")
    return problems


def macos_minimum(spec_text: str) -> str:
    """The ``MACOS_MINIMUM = "X.Y"`` of build_installer.spec; ValueError when it has none."""
    match = re.search(r"^MACOS_MINIMUM\s*=\s*[\"']([0-9]+\.[0-9]+)[\"']", spec_text, re.MULTILINE)
    if not match:
        raise ValueError('no MACOS_MINIMUM = "X.Y" line')
    return match.group(1)


def label(target: Target, macos: str) -> str:
    """How a target is named in the report: its name, platform, OS floor, Python."""
    floor = f", macOS {macos}+" if target.is_macos else ""
    return f"{target.name} ({target.platform}{floor}, Python {PYTHON_VERSION}, wheels only)"


def uv_command() -> list[str] | None:
    """How to run uv: the one installed beside this Python, else the one on PATH."""
    try:
        from uv import find_uv_bin  # optional: only uv installed by pip has it
    except ImportError:
        found = shutil.which("uv")
        return [found] if found else None
    return [find_uv_bin()]


def uv_compiler(
    uv: Sequence[str], project: Path, constraints: Path, macos: str, extra_args: Sequence[str]
) -> Compiler:
    """A compiler that runs ``uv pip compile`` of the project's build extra for a target."""

    def compile_target(target: Target) -> Resolution:
        command = [
            *uv, "pip", "compile", str(project / "pyproject.toml"), "--extra", EXTRA,
            "--constraints", str(constraints), "--python-platform", target.platform,
            "--python-version", PYTHON_VERSION, "--only-binary", ":all:",
            "--no-header", "--no-annotate", "--no-config", "--quiet", *extra_args,
        ]  # fmt: skip
        env = dict(os.environ)
        if target.is_macos:
            env["MACOSX_DEPLOYMENT_TARGET"] = macos
        done = subprocess.run(  # noqa: S603 - uv's path and our own arguments
            command, capture_output=True, text=True, check=False, env=env
        )
        return Resolution(done.returncode, done.stdout, done.stderr)

    return compile_target


def check_targets(
    pins: dict[str, str], compiler: Compiler, macos: str, out: Callable[[str], None]
) -> int:
    """Resolve every target and report it; 0 when all resolve within the pins, else 1."""
    failed = 0
    used: set[str] = set()
    for target in TARGETS:
        name = label(target, macos)
        result = compiler(target)
        if result.returncode != 0:
            failed += 1
            out(f"FAIL {name}: does not resolve under the constraints:")
            out(result.stderr.strip() or result.stdout.strip() or f"uv exit {result.returncode}")
            continue
        try:
            packages = read_compiled(result.stdout)
        except ValueError as error:
            failed += 1
            out(f"FAIL {name}: {error}")
            continue
        used.update(packages)
        problems = unpinned(result.stdout, pins)
        failed += bool(problems)
        for problem in problems:
            out(f"FAIL {name} {problem}")
        if not problems:
            out(f"ok   {name}: {len(packages)} packages, all pinned")
    stale = sorted(set(pins) - used)
    if stale and not failed:  # only when every target resolved: else "used" is incomplete
        failed += 1
        out(f"FAIL pinned but needed by no target (remove them): {', '.join(stale)}")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None, compiler: Compiler | None = None) -> int:
    """Command line: resolve every target; print one line per target and each problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="folder of pyproject.toml")
    parser.add_argument("--constraints", type=Path, default=None, help="the pins to check")
    parser.add_argument(
        "--macos-minimum", help="oldest macOS (X.Y); default: MACOS_MINIMUM of build_installer.spec"
    )
    parser.add_argument("uv_args", nargs="*", help="more options for uv pip compile (after --)")
    args = parser.parse_args(argv)
    constraints = args.constraints or args.project / "packaging" / "constraints.txt"
    try:
        pins = read_pins(constraints.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{constraints}: {error}", file=sys.stderr)
        return 2
    spec = ROOT / "build_installer.spec"
    try:
        macos = args.macos_minimum or macos_minimum(spec.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{spec}: {error}", file=sys.stderr)
        return 2
    if compiler is None:
        uv = uv_command()
        if uv is None:
            print("uv is not installed: pip install uv", file=sys.stderr)
            return 2
        compiler = uv_compiler(uv, args.project, constraints, macos, args.uv_args)
    status = check_targets(pins, compiler, macos, print)
    if status:
        print(f"add or fix the pins above in {constraints}, then rebuild and self-test")
    else:
        print(f"all {len(TARGETS)} targets resolve within {constraints} ({len(pins)} pins)")
    return status


if __name__ == "__main__":
    sys.exit(main())
