"""Where Export CSV, Save as PDF and the Print dialog's "print to file" start (issue 14,
point 13): the platform's Documents folder (home when there is none), then the folder used
last with this profile, remembered across restarts; file names say what the file is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, replace_settings
from hpos.ui import folders as folders_module
from hpos.ui.folders import STATE_FILE, FolderMemory
from hpos.ui.history.pane import HistoryPane
from hpos.ui.receipts.actions import ReceiptActions
from hpos.ui.runner import Runner
from tests.helpers.keyring import MemoryKeyring
from tests.ui.receipts.test_receipts import receipt

WAIT = 15_000
RECEIPT_NAME = "receipt-TILL1-000042.pdf"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's Documents folder, here a folder of the test's."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(kind)

    monkeypatch.setattr(folders_module.QStandardPaths, "writableLocation", location)
    return folder


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), env={})
    profile.save(replace_settings(profile.settings, shop_name="Boutique Awa", till_name="TILL1"))
    return profile


@pytest.fixture
def runner(window: QMainWindow) -> Iterator[Runner]:
    run = Runner(workers=2, parent=window)
    yield run
    run.shutdown()


class SaveAsks:
    """QFileDialog.getSaveFileName, patched: records where it started, answers ``answer``."""

    def __init__(self, answer: Path) -> None:
        self.answer = answer
        self.started: list[Path] = []

    def __call__(self, _parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        self.started.append(Path(start))
        return str(self.answer), "CSV files (*.csv)"


def remembered(profile: Profile) -> str | None:
    path = profile.config_dir / STATE_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("last_folder")


def test_csv_export_starts_in_documents_then_in_the_folder_used_last(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    documents: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    asks = SaveAsks(exports / "day.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", asks)
    memory = FolderMemory(runner)
    pane = HistoryPane(
        runner, client=None, journal=None, folders=memory, config_dir=profile.config_dir
    )
    qtbot.addWidget(pane)
    pane.export_csv()
    qtbot.waitUntil(lambda: len(asks.started) == 1, timeout=WAIT)
    [first] = asks.started
    assert first.parent == documents  # not the process's current folder
    assert first.name == f"hpos-history-{QDate.currentDate().toString('yyyy-MM-dd')}.csv"
    qtbot.waitUntil(lambda: remembered(profile) == str(exports), timeout=WAIT)

    pane.export_csv()  # the same session: at once, in the folder used last
    assert asks.started[1].parent == exports

    # a restart: a new window reads the profile's remembered folder
    again = HistoryPane(
        runner,
        client=None,
        journal=None,
        folders=FolderMemory(runner),
        config_dir=profile.config_dir,
    )
    qtbot.addWidget(again)
    again.export_csv()
    qtbot.waitUntil(lambda: len(asks.started) == 3, timeout=WAIT)
    assert asks.started[2].parent == exports


def test_a_remembered_folder_that_is_gone_falls_back_to_documents_then_home(
    qtbot: QtBot, runner: Runner, profile: Profile, tmp_path: Path, documents: Path
) -> None:
    gone = tmp_path / "usb-stick"
    (profile.config_dir / STATE_FILE).write_text(json.dumps({"last_folder": str(gone)}))
    seen: list[Path] = []
    FolderMemory(runner).ask(profile.config_dir, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    assert seen == [documents]
    documents.rmdir()  # no Documents folder at all: home
    seen.clear()
    FolderMemory(runner).ask(profile.config_dir, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    assert seen == [Path.home()]


def test_save_as_pdf_and_print_to_file_start_in_documents_and_remember_the_folder(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    window: QMainWindow,
    documents: Path,
    tmp_path: Path,
) -> None:
    actions = ReceiptActions(profile, runner, parent=window, native_dialogs=False)
    done: list[str] = []
    actions.done.connect(done.append)

    actions.save_pdf(receipt())
    qtbot.waitUntil(lambda: actions.file_dialog is not None, timeout=WAIT)
    dialog = actions.file_dialog
    assert [Path(p) for p in dialog.selectedFiles()] == [documents / RECEIPT_NAME]
    pdfs = tmp_path / "receipts"
    pdfs.mkdir()
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(pdfs / "r.pdf"))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert (pdfs / "r.pdf").exists()
    qtbot.waitUntil(lambda: remembered(profile) == str(pdfs), timeout=WAIT)

    # the Print dialog's "print to file" offers the same folder, never ~/print.pdf
    actions.print_receipt(receipt())
    qtbot.waitUntil(lambda: actions.print_dialog is not None, timeout=WAIT)
    print_dialog = actions.print_dialog
    field = print_dialog.findChild(QLineEdit, "filename")
    assert field is not None
    assert Path(field.text()) == pdfs / RECEIPT_NAME
    printed = tmp_path / "printed"
    printed.mkdir()
    field.setText(str(printed / "copy.pdf"))
    print_dialog.accept()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=WAIT)
    assert (printed / "copy.pdf").exists()
    qtbot.waitUntil(lambda: remembered(profile) == str(printed), timeout=WAIT)

    # a restart: the next receipt's dialogs start where the last file went
    later = ReceiptActions(profile, runner, parent=window, native_dialogs=False)
    later.save_pdf(receipt())
    qtbot.waitUntil(lambda: later.file_dialog is not None, timeout=WAIT)
    assert [Path(p) for p in later.file_dialog.selectedFiles()] == [printed / RECEIPT_NAME]
    later.file_dialog.close()
