"""Languages: choosing one, switching at runtime on the real window, the catalogue, formats."""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from hpos.hpay.errors import ApiRefused, NetworkError
from hpos.profile.profile import Profile, replace_settings
from hpos.sales.states import SaleState
from hpos.ui import i18n
from hpos.ui.cashier.amount import AmountEntry
from hpos.ui.cashier.result import problem_wording
from hpos.ui.controller.sale import error_text
from hpos.ui.i18n import (
    Catalogues,
    apply_catalogues,
    current_language,
    format_date,
    format_datetime,
    format_number,
    install_language,
    load_catalogues,
    resolve_language,
    system_language,
)
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.money import format_money
from tests.helpers.profiles import make_profile
from tests.helpers.window import ready

ROOT = Path(__file__).resolve().parents[2]
WAIT = 15_000
NB, NNB = "\u00a0", "\u202f"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """Every test starts and ends in English, whatever it switched to; the default
    locale other tests see is put back as it was."""
    saved = QLocale()
    install_language(qapp, "en")
    yield qapp
    install_language(qapp, "en")
    QLocale.setDefault(saved)


# -- which language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("", "fr_CA", "fr"),
        ("", "fr_SN", "fr"),
        ("", "en_CA", "en"),
        ("", "de_DE", "en"),  # a language HPOS does not speak: English
        ("", "C", "en"),
        ("en", "fr_FR", "en"),  # the setting wins over the system
        ("fr", "en_US", "fr"),
        ("FR", "en_US", "fr"),
        ("xx", "fr_FR", "fr"),  # an unknown setting falls back to the system
    ],
)
def test_language_follows_the_setting_then_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


def test_system_language_of_an_unknown_locale_is_english() -> None:
    assert system_language(QLocale(QLocale.Language.Japanese)) == "en"
    assert system_language(QLocale("fr_BE")) == "fr"


def test_installing_french_translates_hpos_and_qt_dialogs(english: QApplication) -> None:
    assert install_language(english, "fr") == "fr"
    assert current_language() == "fr"
    assert QCoreApplication.translate("EntryPage", "Charge") == "Encaisser"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Annuler", "Qt's own catalogue is installed too"
    assert QLocale().language() == QLocale.Language.French
    assert install_language(english, "en") == "en"
    assert QCoreApplication.translate("EntryPage", "Charge") == "Charge"
    assert QLocale().language() == QLocale.Language.English


def test_system_setting_on_a_french_system(english: QApplication) -> None:
    assert install_language(english, "", system=QLocale("fr_CA")) == "fr"
    assert QLocale().name() == "fr_CA", "the system's country is kept"
    assert QCoreApplication.translate("PaidPage", "New sale") == "Nouvelle vente"


def test_missing_catalogue_leaves_english_and_says_so(
    english: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with caplog.at_level(logging.WARNING, logger="hpos.ui.i18n"):
        catalogues = load_catalogues("fr")
    assert [what for what, _ in catalogues.data] == ["Qt"]
    assert "No HPOS translation" in caplog.text
    assert apply_catalogues(english, catalogues) == "fr"
    assert QCoreApplication.translate("EntryPage", "Charge") == "Charge"  # English, no crash


def test_damaged_catalogue_is_skipped(english: QApplication, caplog: Any) -> None:
    broken = Catalogues("fr", QLocale("fr_FR"), (("HPOS", b"not a qm file"),))
    with caplog.at_level(logging.WARNING, logger="hpos.ui.i18n"):
        assert apply_catalogues(english, broken) == "fr"
    assert "damaged" in caplog.text
    assert QCoreApplication.translate("EntryPage", "Charge") == "Charge"


# -- formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "en", "fr"),
    [
        (Decimal(14900), "XOF", f"14,900{NB}FCFA", f"14{NNB}900{NB}FCFA"),
        (Decimal(2500000), "XAF", f"2,500,000{NB}FCFA", f"2{NNB}500{NNB}000{NB}FCFA"),
        (Decimal("12.5"), "CAD", "$12.50", f"12,50{NB}$"),
        (Decimal("1234.56"), "EUR", "€1,234.56", f"1{NNB}234,56{NB}€"),
        (Decimal("0.99"), "USD", "US$0.99", f"0,99{NB}${NB}US"),
    ],
)
def test_money_follows_the_language_in_use(
    english: QApplication, amount: Decimal, currency: str, en: str, fr: str
) -> None:
    assert format_money(amount, currency) == en
    install_language(english, "fr")
    assert format_money(amount, currency) == fr
    assert format_money(amount, currency, "en") == en, "an explicit language wins"


def test_typed_amount_uses_the_language_mark(english: QApplication) -> None:
    entry = AmountEntry("CAD")
    entry.type_text("1234.5")
    assert entry.display() == "$1,234.5"
    install_language(english, "fr")
    assert entry.display() == f"1{NNB}234,5{NB}$"
    assert entry.value == Decimal("1234.50")


def test_dates_and_numbers_follow_the_language(english: QApplication) -> None:
    moment = datetime(2026, 3, 4, 12, 5, 9, tzinfo=UTC)
    local = moment.astimezone()
    assert format_datetime(moment).startswith(f"{local.day} Mar 2026")
    assert format_date(date(2026, 3, 4)) == "4 Mar 2026"
    assert format_number(Decimal("12345.5")) == "12,345.5"
    install_language(english, "fr")
    assert format_date(date(2026, 3, 4)) == "4 mars 2026"
    assert format_datetime(moment, seconds=True).endswith(local.strftime("%H:%M:%S"))
    assert format_number(Decimal("12345.5")) == f"12{NNB}345,5"


def test_errors_and_problem_pages_are_said_in_french(english: QApplication) -> None:
    install_language(english, "fr")
    text = error_text(NetworkError("Cannot reach HPAY: connection refused."))
    assert text == f"HPAY est injoignable{NB}: Cannot reach HPAY: connection refused."
    refused = error_text(ApiRefused("Payment refused: amount too small.", error_code=7))
    assert refused.startswith("Refus de HPAY")
    wording = problem_wording(SaleState.EXPIRED, 15)
    assert wording.title == "Lien de paiement expiré"
    assert "15 minutes" in wording.body
    assert problem_wording(SaleState.FAILED, 15).primary_text == "Réessayer"


# -- the catalogue -----------------------------------------------------------------------


def test_every_ui_string_is_in_the_french_catalogue() -> None:
    """Re-running lupdate on the sources finds no string missing or unfinished in French,
    no translation that lost a {placeholder}, and the shipped .qm files are up to date."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_string_has_its_context() -> None:
    """A string lupdate found without a context came through something it cannot read
    (``tr = QCoreApplication.translate; tr("Ctx", "text")`` reads as the source "Ctx"):
    it would never be translated."""
    for name in ("hpos_en.ts", "hpos_fr.ts"):
        path = ROOT / "resources" / "translations" / name
        root = ElementTree.parse(path).getroot()  # noqa: S314 - our own file
        nameless = [
            message.findtext("source")
            for context in root.iter("context")
            if not (context.findtext("name") or "").strip()
            for message in context.iter("message")
        ]
        assert nameless == [], name


def _script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_check_catches_a_new_string_without_french(tmp_path: Path) -> None:
    script = _script()
    widget = tmp_path / "new_widget.py"
    widget.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'QCoreApplication.translate("NewWidget", "A brand new text")\n',
        encoding="utf-8",
    )
    catalogue = tmp_path / "hpos_fr.ts"
    shutil.copyfile(ROOT / "resources" / "translations" / "hpos_fr.ts", catalogue)
    files = [str(p) for p in script.source_files()] + [str(widget)]
    cmd = [script.qt_tool("lupdate"), "-silent", "-no-obsolete", *files, "-ts", str(catalogue)]
    subprocess.run(cmd, check=True, timeout=120, cwd=ROOT)
    assert script.problems(catalogue) == ["unfinished NewWidget: 'A brand new text'"]


def test_the_check_catches_empty_and_placeholder_mistakes(tmp_path: Path) -> None:
    catalogue = tmp_path / "bad.ts"
    catalogue.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">'
        "<context><name>X</name>"
        "<message><source>Sale {number}</source><translation>Vente {numero}</translation></message>"
        "<message><source>Empty</source><translation> </translation></message>"
        "<message><source>Fine {n}</source><translation>Bien {n}</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    assert _script().problems(catalogue) == [
        "placeholders differ X: 'Sale {number}' -> 'Vente {numero}'",
        "empty X: 'Empty'",
    ]


# -- the real window ------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, english: QApplication, tmp_path: Path, sandbox: Any) -> Iterator[Any]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    yield win
    win.close()


def texts(win: MainWindow) -> dict[str, str]:
    """The main labels a cashier sees."""
    menus = [a.text() for a in win.menuBar().actions()]
    return {
        "menus": " ".join(menus),
        "tabs": f"{win._tabs.tabText(0)} / {win._tabs.tabText(1)}",
        "charge": win.cashier.entry_page.charge_button.text(),
        "banner": win._test_banner.text(),
        "status": win.cashier.entry_page.status_label.text(),
        "amount": win.cashier.entry_page.amount_display.text(),
        "keypad": win.cashier.entry_page.keypad.button("clear").accessibleName(),
    }


def test_language_switches_at_runtime_on_the_real_window(
    qtbot: QtBot, window: MainWindow, english: QApplication
) -> None:
    ready(qtbot, window)
    qtbot.keyClicks(window.cashier, "14900")
    before = texts(window)
    assert before["menus"] == "&File &View &Owner &Help"
    assert before["tabs"] == "Cashier / History (F2)"
    assert before["charge"] == "Charge"
    assert before["banner"].startswith("TEST MODE")
    assert before["amount"] == f"14,900{NB}FCFA"

    install_language(english, "fr")
    qtbot.waitUntil(lambda: window.cashier.entry_page.charge_button.text() == "Encaisser")
    french = texts(window)
    assert french["menus"] == "&Fichier &Affichage &Gérant Aid&e"
    assert french["tabs"] == "Caisse / Historique (F2)"
    assert french["banner"].startswith("MODE TEST")
    assert french["status"] == "MODE TEST · Prêt · montants en XOF"
    assert french["amount"] == f"14{NNB}900{NB}FCFA", "the typed amount is kept, re-formatted"
    assert french["keypad"] == "Effacer le montant"

    install_language(english, "en")
    qtbot.waitUntil(lambda: window.cashier.entry_page.charge_button.text() == "Charge")
    assert texts(window) == before


def test_saving_a_new_language_switches_the_window(
    qtbot: QtBot, window: MainWindow, english: QApplication
) -> None:
    ready(qtbot, window)
    profile: Profile = window.profile
    settings = replace_settings(profile.settings, language="fr")
    profile.save(settings)
    window._settings_saved(settings)  # what the settings dialog's "saved" signal calls
    qtbot.waitUntil(lambda: current_language() == "fr", timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            window.cashier is not None
            and window.cashier.entry_page.charge_button.text() == "Encaisser"
        ),
        timeout=WAIT,
    )
    assert window._tabs.tabText(0) == "Caisse"
    assert window.menuBar().actions()[0].text() == "&Fichier"


def test_the_paid_page_in_french(
    qtbot: QtBot, window: MainWindow, english: QApplication, sandbox: Any
) -> None:
    install_language(english, "fr")
    ready(qtbot, window)
    qtbot.keyClicks(window.cashier, "2500")
    window.cashier.charge()
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    page = window.cashier.payment_page
    assert page.title_label.text() == "Scannez pour payer"
    assert page.amount_label.text() == f"2{NNB}500{NB}FCFA"
    assert page.time_left_label.text().startswith("Temps restant")
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)
    assert window.cashier.paid_page.title_label.text() == "✔ PAYÉ"
    assert window.cashier.paid_page.new_sale_button.text() == "Nouvelle vente"
    install_language(english, "en")
    qtbot.waitUntil(lambda: window.cashier.paid_page.title_label.text() == "✔ PAID")
    assert window.cashier.paid_page.amount_label.text() == f"2,500{NB}FCFA"
