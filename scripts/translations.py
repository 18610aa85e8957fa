"""Collect the UI strings into the catalogues and compile them (Qt's own tools).

    python scripts/translations.py          # update and compile the catalogues
    python scripts/translations.py --check  # only check; exit 1 on any problem

The first runs ``lupdate`` over ``hpos/ui/**/*.py`` into
``resources/translations/hpos_<lang>.ts``, fills the English catalogue (each
text is its own translation) and compiles both with ``lrelease`` into
``hpos/resources/translations/hpos_<lang>.qm``. ``--check`` fails when a UI
string is missing or unfinished in French, a translation loses a
``{placeholder}``, or a committed ``.qm`` is older than its ``.ts``.

``pyside6-lupdate`` reads ``self.tr("...")`` and
``QCoreApplication.translate("Context", "...")`` calls in the Python sources.
The ``.ts`` files are the sources (translated by hand in French; English is the
source language, so its catalogue repeats each source text); the ``.qm`` files
are what the app loads and are committed so that a checkout runs without Qt's
tools. ``--check`` never writes into the repository: it updates a temporary copy.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "hpos" / "ui"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "hpos" / "resources" / "translations"
LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def qt_tool(name: str) -> str:
    """Path of ``lupdate``/``lrelease`` from the PySide6 wheel (or ``pyside6-<name>`` on PATH)."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"Qt's {name} not found (install PySide6)")
    return found


def source_files() -> list[Path]:
    """Every Python file of the UI, in a stable order."""
    return sorted(SOURCES.rglob("*.py"))


def ts_path(language: str, folder: Path = TS_DIR) -> Path:
    """The catalogue of one language."""
    return folder / f"hpos_{language}.ts"


def lupdate(ts_file: Path, language: str) -> None:
    """Add the strings of the sources to ``ts_file``, drop the ones no source uses any more."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    cmd = [
        qt_tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        *files,
        "-ts",
        str(ts_file),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True)  # noqa: S603 - fixed tool, our own arguments


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile one catalogue."""
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    cmd = [qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(cmd, cwd=ROOT, check=True)  # noqa: S603 - fixed tool, our own arguments


def messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) of every message of a catalogue."""
    tree = ET.parse(ts_file)  # noqa: S314 - our own file
    return [
        (ctx.findtext("name", ""), msg)
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    ]


def fill_source_language(ts_file: Path) -> int:
    """English catalogue: every unfinished message translates to its own source text."""
    tree = ET.parse(ts_file)  # noqa: S314 - our own file
    filled = 0
    for msg in tree.getroot().iter("message"):
        translation = msg.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or ""):
            translation.text = msg.findtext("source", "")
            translation.attrib.pop("type", None)
            filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts_file.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
            encoding="utf-8",
        )
    return filled


def problems(ts_file: Path) -> list[str]:
    """What keeps a catalogue from being complete: unfinished, empty, placeholders changed."""
    found: list[str] = []
    for context, msg in messages(ts_file):
        source = msg.findtext("source", "")
        translation = msg.find("translation")
        text = "" if translation is None else (translation.text or "")
        where = f"{context}: {source!r}"
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            found.append(f"unfinished {where}")
        elif not text.strip():
            found.append(f"empty {where}")
        elif sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
            found.append(f"placeholders differ {where} -> {text!r}")
    return found


def build() -> int:
    """Update both catalogues from the sources and compile them."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts_file = ts_path(language)
        lupdate(ts_file, language)
        if language == SOURCE_LANGUAGE:
            fill_source_language(ts_file)
        lrelease(ts_file, QM_DIR / f"hpos_{language}.qm")
        todo = problems(ts_file)
        print(f"{ts_file.relative_to(ROOT)}: {len(messages(ts_file))} strings, {len(todo)} to do")
        for line in todo:
            print(f"  {line}")
    return 0


def check() -> int:
    """Re-run lupdate on copies; report strings missing from French and stale .qm files."""
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.is_file():
                failures.append(f"missing catalogue {committed.relative_to(ROOT)}")
                continue
            copy = ts_path(language, folder)
            shutil.copyfile(committed, copy)
            lupdate(copy, language)
            if language != SOURCE_LANGUAGE:  # English falls back to the source text anyway
                failures += [f"{language}: {line}" for line in problems(copy)]
            compiled = folder / f"hpos_{language}.qm"
            lrelease(committed, compiled)
            shipped = QM_DIR / f"hpos_{language}.qm"
            if not shipped.is_file() or shipped.read_bytes() != compiled.read_bytes():
                failures.append(f"{language}: {shipped.relative_to(ROOT)} is stale: run the script")
    for line in failures:
        print(line)
    print(f"{len(failures)} problem(s)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
