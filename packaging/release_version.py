"""HPOS's one version, as each installer format needs it.

The version is written once, in ``hpos/__init__.py`` (``__version__ = "X.Y.Z"``):
pyproject.toml reads it (setuptools ``dynamic``), so do ``hpos --version``, About,
the self-test and the HPAY user agent. The build reads it here, without importing
the app, and turns it into what each platform accepts:

- Windows' version resource (and so Inno Setup, which reads it back from HPOS.exe)
  holds exactly four numbers below 65536: ``X.Y.Z.0``; the full text (``0.2.0rc1``)
  goes into its ProductVersion/FileVersion strings and the installer's AppVersion;
- macOS's CFBundleShortVersionString/CFBundleVersion allow one to three integers
  only: ``X.Y.Z``.

Accepted versions are a subset of PEP 440: ``X.Y`` or ``X.Y.Z``, optionally followed
by a pre-release ``aN``, ``bN`` or ``rcN`` (``0.2``, ``0.2.0``, ``0.2.0rc1``). No
epochs, ``.post``/``.dev`` or local parts: a release tag ``v<version>`` names one
of these. Used by ``build_installer.spec`` (``packaging/`` on ``sys.path``) and the
tests; pure Python, standard library only.
"""

from __future__ import annotations

import re
from pathlib import Path

#: What ``hpos/__init__.py`` must contain, on one line.
VERSION_LINE = re.compile(r'^__version__ = "([^"]*)"$', re.M)
#: The accepted version texts (see the module docstring).
VERSION_FORMAT = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?(?:(a|b|rc)(\d+))?")
#: Windows keeps each version number in 16 bits.
WINDOWS_MAX_NUMBER = 0xFFFF


class VersionError(ValueError):
    """The version text is not one a release can carry."""


def read_version(root: Path) -> str:
    """The version written in ``root/hpos/__init__.py`` (checked, not imported)."""
    source = root / "hpos" / "__init__.py"
    found = VERSION_LINE.findall(source.read_text("utf-8"))
    if len(found) != 1:
        raise VersionError(f"{source}: expected one line '__version__ = \"X.Y.Z\"'")
    return check_version(found[0])


def check_version(version: str) -> str:
    """``version`` itself when it is an accepted release version, else ``VersionError``."""
    match = VERSION_FORMAT.fullmatch(version)
    if match is None:
        raise VersionError(
            f"version {version!r} is not X.Y, X.Y.Z or either with aN/bN/rcN (e.g. 0.2.0rc1)"
        )
    numbers = [int(match.group(i) or 0) for i in (1, 2, 3, 5)]
    if max(numbers) > WINDOWS_MAX_NUMBER:
        raise VersionError(f"version {version!r}: Windows allows numbers up to 65535")
    return version


def release_numbers(version: str) -> tuple[int, int, int]:
    """``(X, Y, Z)`` of ``version`` (Z = 0 when absent); the pre-release suffix is dropped."""
    match = VERSION_FORMAT.fullmatch(check_version(version))
    assert match is not None  # check_version matched it
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


def windows_version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers of Windows' fixed version resource: ``(X, Y, Z, 0)``."""
    return (*release_numbers(version), 0)


def macos_bundle_version(version: str) -> str:
    """CFBundleShortVersionString / CFBundleVersion: ``"X.Y.Z"``."""
    return ".".join(str(number) for number in release_numbers(version))
