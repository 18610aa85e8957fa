"""packaging/windows/hpos.iss, read as Inno Setup reads it (no ISCC on Linux; issue 17).

Its version comes from the built HPOS.exe, whose version resource the spec writes
(test_version.py runs the spec for Windows): the script holds no number of its own.
"""

from __future__ import annotations

import re

from tests.packaging.spec_harness import ROOT

ISS = ROOT / "packaging" / "windows" / "hpos.iss"


def _script() -> tuple[dict[str, str], list[str], dict[str, list[str]]]:
    """(the [Setup] directives, the preprocessor lines, every other section's entries)."""
    setup: dict[str, str] = {}
    preprocessor: list[str] = []
    sections: dict[str, list[str]] = {}
    section = ""
    for raw in ISS.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            preprocessor.append(line)
        elif line.startswith("["):
            section = line.strip("[]")
            sections.setdefault(section, [])
        elif section == "Setup":
            key, _, value = line.partition("=")
            setup[key] = value
        else:
            sections[section].append(line)
    return setup, preprocessor, sections


def _params(entry: str) -> dict[str, str]:
    """``Type: x; Name: "y"`` -> ``{"Type": "x", "Name": "y"}``."""
    return {
        key.strip(): value.strip().strip('"')
        for key, _, value in (part.partition(":") for part in entry.split(";"))
    }


def test_an_upgrade_starts_from_an_empty_internal_folder_and_keeps_the_profile() -> None:
    """Before: old package metadata and stale Qt plugins stayed next to the new ones."""
    setup, _pre, sections = _script()
    deleted = [_params(entry) for entry in sections["InstallDelete"]]
    assert deleted == [{"Type": "filesandordirs", "Name": "{app}\\_internal"}]
    # What is cleared is inside the install folder, per user under Programs; the shop's
    # profile (platformdirs: %LOCALAPPDATA%\HPOS) is elsewhere and no section names it.
    assert setup["DefaultDirName"] == "{autopf}\\HPOS"
    assert setup["PrivilegesRequired"] == "lowest"
    assert "UninstallDelete" not in sections
    assert "{localappdata}" not in ISS.read_text("utf-8")
    # _internal comes back whole from the build folder, right after.
    files = [_params(entry) for entry in sections["Files"]]
    assert files == [
        {
            "Source": "{#SourceDir}\\*",
            "DestDir": "{app}",
            "Flags": "ignoreversion recursesubdirs createallsubdirs",
        }
    ]


def test_windows_older_than_10_1809_is_refused() -> None:
    """Qt 6.11 needs Windows 10 1809 (10.0.17763); before: MinVersion=10.0."""
    setup, _pre, _sections = _script()
    assert setup["MinVersion"] == "10.0.17763"


def test_the_version_is_read_from_the_built_exe() -> None:
    """Windows' four numbers and the text version (0.2.0rc1) both come from HPOS.exe."""
    setup, preprocessor, _sections = _script()
    defines = {
        match["name"]: match["value"]
        for line in preprocessor
        if (match := re.fullmatch(r"#\s*define (?P<name>\w+) (?P<value>.+)", line))
    }
    assert defines["AppExe"] == 'AddBackslash(SourcePath) + SourceDir + "\\HPOS.exe"'
    assert defines["SourceDir"] == '"..\\..\\dist\\HPOS"'
    assert defines["AppNumericVersion"] == "GetVersionNumbersString(AppExe)"
    assert defines["BuiltVersion"] == "GetFileProductVersionString(AppExe)"
    assert defines["AppVersion"] == "BuiltVersion"
    assert "#elif AppVersion != BuiltVersion" in preprocessor  # a /DAppVersion must agree
    assert setup["VersionInfoVersion"] == setup["VersionInfoProductVersion"]
    assert setup["VersionInfoVersion"] == "{#AppNumericVersion}"
    assert setup["AppVersion"] == setup["VersionInfoTextVersion"] == "{#AppVersion}"
    assert setup["OutputBaseFilename"] == "HPOS-{#AppVersion}-windows-x64-setup"
    code = [line for line in ISS.read_text("utf-8").splitlines() if not line.startswith(";")]
    numbers = re.findall(r"\d+\.\d+(?:\.\d+)*", "\n".join(code))
    assert numbers == ["10.0.17763"], "a version written in hpos.iss (MinVersion only)"
