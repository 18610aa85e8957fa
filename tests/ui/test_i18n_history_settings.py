"""The history and the settings dialog follow a language switch at runtime.

A small French catalogue is compiled here with Qt's own ``lrelease`` (so the
test does not depend on how far the shipped catalogue is), installed on the
application like any translator, then removed: every widget gets
``LanguageChange`` both times and must re-read its texts — the history's column
titles, statuses, filters and summary, the details dialog, and the settings
dialog's group titles, field titles, accessible names and validation messages.
"""

from __future__ import annotations

import gc
import importlib.util
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile
from hpos.ui.history.details import DetailsDialog
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import (
    COL_AMOUNT,
    COL_STATUS,
    SOURCE_HPAY,
    HistoryQuery,
    HistoryRow,
)
from hpos.ui.history.totals import summary_text
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog
from hpos.ui.settings.fields import PROD_QUESTION, check_http_url, prod_question
from tests.helpers.keyring import MemoryKeyring

WAIT = 10_000

#: (context, English source, French) — the texts this test looks at.
FRENCH = [
    ("HistoryRows", "Amount", "Montant"),
    ("HistoryRows", "Status", "Statut"),
    ("HistoryRows", "PAID", "PAYÉ"),
    ("HistoryRows", "UNPAID", "NON PAYÉ"),
    ("HistoryRows", "No payments shown.", "Aucun paiement affiché."),
    (
        "HistoryRows",
        "The start date is after the end date.",
        "La date de début est après la date de fin.",
    ),
    ("HistoryPane", "S&tatus", "S&tatut"),
    ("HistoryPane", "All", "Tous"),
    ("HistoryPane", "From", "Du"),
    ("HistoryPane", "&Refresh", "&Actualiser"),
    ("HistoryPane", "Search transaction, product, sale…", "Chercher transaction, produit, vente…"),
    ("HistoryPane", "Waiting for the HPAY connection…", "En attente de la connexion HPAY…"),
    (
        "HistoryTable",
        "TEST mode: no real money moved.",
        "Mode TEST : aucun argent réel n’a circulé.",
    ),
    ("DetailsDialog", "Amount", "Montant"),
    ("DetailsDialog", "{field}:", "{field} :"),
    ("DetailsDialog", "Payment {name}", "Paiement {name}"),
    ("DetailsDialog", "&Copy link", "&Copier le lien"),
    ("DetailsDialog", "HPAY history", "Historique HPAY"),
    ("SettingsForm", "Connection", "Connexion"),
    ("SettingsForm", "Till name", "Nom de la caisse"),
    ("SettingsForm", "Show", "Afficher"),
    ("SettingsForm", "Show the secret key", "Afficher la clé secrète"),
    ("SettingsForm", "Never", "Jamais"),
    ("SettingsForm", "{field}: error", "{field} : erreur"),
    ("SettingsDialog", "HPOS settings", "Réglages HPOS"),
    (
        "SettingsFields",
        "1 to 32 letters, digits, - or _ (e.g. TILL1).",
        "1 à 32 lettres, chiffres, - ou _ (ex. CAISSE1).",
    ),
    ("SettingsFields", "notify URL", "URL de notification"),
    ("SettingsFields", "The {name} has no host name.", "L’{name} n’a pas de nom d’hôte."),
    (
        "SettingsFields",
        "Switch to PROD mode?\n\nIn PROD, payments are real: customers' cards are charged "
        "and real money moves.",
        "Passer en mode PROD ?\n\nEn PROD, les paiements sont réels.",
    ),
    (
        "SettingsSecret",
        "Enter the API base URL, then the secret key.",
        "Saisissez l’URL de base de l’API, puis la clé secrète.",
    ),
]


def lrelease() -> str:
    spec = importlib.util.find_spec("PySide6")
    for folder in spec.submodule_search_locations or [] if spec else []:
        tool = Path(folder) / "lrelease"
        if tool.is_file():
            return str(tool)
    pytest.fail("Qt's lrelease is not in the PySide6 wheel")


def compile_catalogue(folder: Path) -> Path:
    contexts: dict[str, list[tuple[str, str]]] = {}
    for context, source, french in FRENCH:
        contexts.setdefault(context, []).append((source, french))
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<TS version="2.1" language="fr_FR">']
    for context, messages in contexts.items():
        parts.append(f"<context><name>{context}</name>")
        for source, french in messages:
            parts.append(
                f"<message><source>{escape(source)}</source>"
                f"<translation>{escape(french)}</translation></message>"
            )
        parts.append("</context>")
    parts.append("</TS>")
    ts = folder / "c2_fr.ts"
    ts.write_text("\n".join(parts), encoding="utf-8")
    qm = folder / "c2_fr.qm"
    subprocess.run(
        [lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return qm


def deliver_language_change() -> None:
    """QApplication posts LanguageChange to the windows: deliver it now."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


class Language:
    """Switches the application to the test catalogue and back (both send LanguageChange)."""

    def __init__(self, qm: Path) -> None:
        self.translator = QTranslator()
        assert self.translator.load(str(qm))
        self.installed = False

    def french(self, *, deliver: bool = True) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        assert app.installTranslator(self.translator)
        self.installed = True
        if deliver:
            deliver_language_change()

    def english(self) -> None:
        app = QCoreApplication.instance()
        if self.installed and app is not None:
            app.removeTranslator(self.translator)
            deliver_language_change()
        self.installed = False


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_catalogue(tmp_path_factory.mktemp("c2-i18n"))


@pytest.fixture
def language(qapp: QApplication, catalogue: Path) -> Iterator[Language]:
    lang = Language(catalogue)
    yield lang
    lang.english()
    gc.collect()


def header(pane: HistoryPane, column: int) -> str:
    return str(pane.view.model().headerData(column, Qt.Orientation.Horizontal))


# -- history ---------------------------------------------------------------------------------


def test_history_titles_filters_and_messages_follow_the_language(
    qtbot: QtBot, runner: Runner, language: Language
) -> None:
    pane = HistoryPane(runner, client=None, journal=None)
    qtbot.addWidget(pane)
    titles_changed: list[tuple[int, int]] = []
    pane.view.model().headerDataChanged.connect(
        lambda _o, first, last: titles_changed.append((first, last))
    )
    assert header(pane, COL_AMOUNT) == "Amount"
    assert pane.status_filter_label.text() == "S&tatus"
    assert pane.message_label.text() == "Waiting for the HPAY connection…"

    language.french()
    assert titles_changed  # the view is told to fetch the titles again
    assert header(pane, COL_AMOUNT) == "Montant"
    assert header(pane, COL_STATUS) == "Statut"
    assert (
        pane.view.horizontalHeader().model().headerData(COL_AMOUNT, Qt.Orientation.Horizontal)
        == "Montant"
    )
    assert pane.status_filter_label.text() == "S&tatut"
    assert [pane.status_combo.itemText(i) for i in range(3)] == ["Tous", "PAYÉ", "NON PAYÉ"]
    assert pane.from_check.text() == "Du"
    assert pane.refresh_button.text() == "&Actualiser"
    assert pane.search_edit.placeholderText() == "Chercher transaction, produit, vente…"
    assert pane.summary_label.text() == "Aucun paiement affiché."
    assert pane.message_label.text() == "En attente de la connexion HPAY…"
    # the data the filters carry does not change with the language
    assert pane.status_combo.itemData(1) == "PAID"
    assert HistoryQuery(status="PAID").problem() is None

    language.english()
    assert header(pane, COL_AMOUNT) == "Amount"
    assert pane.refresh_button.text() == "&Refresh"
    assert pane.summary_label.text() == "No payments shown."
    assert pane.message_label.text() == "Waiting for the HPAY connection…"


def test_history_cells_show_translated_statuses_but_keep_the_codes(
    qtbot: QtBot, client: HpayClient, runner: Runner, language: Language
) -> None:
    client.create_payment(Decimal(1500), "Coffee")
    pane = HistoryPane(runner, client=client, journal=None)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.model.loaded and not pane.model.is_loading, timeout=WAIT)
    proxy = pane.view.model()
    assert proxy.rowCount() == 1
    status = proxy.index(0, COL_STATUS)
    assert status.data() == "UNPAID"

    language.french()
    assert status.data() == "NON PAYÉ"
    assert pane.shown_rows()[0].status == "UNPAID"  # sorting, filtering and CSV keep the code
    language.english()
    assert status.data() == "UNPAID"


def test_summary_and_query_problems_are_translated_when_made(language: Language) -> None:
    language.french()
    assert summary_text([]) == "Aucun paiement affiché."
    problem = HistoryQuery(
        source=SOURCE_HPAY,
        date_from=datetime(2026, 2, 2, tzinfo=UTC).date(),
        date_to=datetime(2026, 2, 1, tzinfo=UTC).date(),
    ).problem()
    assert problem == "La date de début est après la date de fin."


def a_row() -> HistoryRow:
    return HistoryRow(
        date=datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC),
        transaction_id="ceXefesOpl",
        product="Carte cadeau",
        amount=Decimal("7000.00"),
        fees=Decimal("700.00"),
        currency="XOF",
        status="PAID",
        mode="TEST",
        description="TILL1-000042 Achat",
        link="",
        sale_number="TILL1-000042",
        source=SOURCE_HPAY,
    )


def form_title(dialog: DetailsDialog, value_widget: object) -> str:
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is not None and field.widget() is value_widget and label is not None:
                widget = label.widget()
                assert isinstance(widget, QLabel)
                return widget.text()
    raise AssertionError("no such field")


def test_details_dialog_follows_the_language(qtbot: QtBot, language: Language) -> None:
    dialog = DetailsDialog(a_row())
    qtbot.addWidget(dialog)
    amount = dialog._fields["Amount"]
    assert form_title(dialog, amount) == "Amount:"
    assert dialog.value("Source") == "HPAY history"
    assert dialog.value("Status") == "PAID"
    assert dialog.copy_button.text() == "&Copy link"

    language.french()
    assert form_title(dialog, amount) == "Montant :"
    assert dialog.windowTitle() == "Paiement ceXefesOpl"
    assert dialog.value("Source") == "Historique HPAY"  # looked up by the English name
    assert dialog.value("Status") == "PAYÉ"
    assert dialog.copy_button.text() == "&Copier le lien"
    assert "Amount" in dialog.labels()

    language.english()
    assert form_title(dialog, amount) == "Amount:"
    assert dialog.value("Status") == "PAID"


# -- settings ---------------------------------------------------------------------------------


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), {})


def test_settings_labels_names_and_errors_follow_the_language(
    qtbot: QtBot, runner: Runner, profile: Profile, language: Language
) -> None:
    dialog = SettingsDialog(profile, runner, confirm=lambda _q: True, inform=lambda _m: None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    form = dialog._form
    dialog.till_name_edit.setText("no spaces allowed")
    assert dialog.field_error("till_name") == "1 to 32 letters, digits, - or _ (e.g. TILL1)."
    assert form._groups["connection"].title() == "Connection"
    assert form._titles["till_name"].text() == "Till name"
    assert dialog.reveal_button.text() == "Show"
    assert dialog.secret_note.text() == "Enter the API base URL, then the secret key."

    language.french()
    assert dialog.windowTitle() == "Réglages HPOS"
    assert form._groups["connection"].title() == "Connexion"
    assert form._titles["till_name"].text() == "Nom de la caisse"
    assert dialog.till_name_edit.accessibleName() == "Nom de la caisse"
    assert form._error_labels["till_name"][1].accessibleName() == "Nom de la caisse : erreur"
    assert dialog.reveal_button.text() == "Afficher"
    assert dialog.reveal_button.accessibleName() == "Afficher la clé secrète"
    dialog.auto_return_spin.setValue(0)
    assert dialog.auto_return_spin.text() == "Jamais"
    # messages already shown are said again in French
    assert dialog.field_error("till_name") == "1 à 32 lettres, chiffres, - ou _ (ex. CAISSE1)."
    assert form._error_labels["till_name"][1].text() == dialog.field_error("till_name")
    assert dialog.secret_note.text() == "Saisissez l’URL de base de l’API, puis la clé secrète."
    assert not dialog.ok_button.isEnabled()  # still invalid: nothing else changed

    language.english()
    assert form._groups["connection"].title() == "Connection"
    assert dialog.field_error("till_name") == "1 to 32 letters, digits, - or _ (e.g. TILL1)."
    assert dialog.secret_note.text() == "Enter the API base URL, then the secret key."


def test_settings_messages_made_outside_widgets_are_translated(language: Language) -> None:
    assert prod_question() == PROD_QUESTION
    assert check_http_url("https://", "notify") == "The notify URL has no host name."
    language.french()
    assert prod_question().startswith("Passer en mode PROD ?")
    assert check_http_url("https://", "notify") == "L’URL de notification n’a pas de nom d’hôte."


def test_settings_errors_are_not_cut_after_a_switch_in_a_narrow_dialog(
    qtbot: QtBot, runner: Runner, profile: Profile, language: Language
) -> None:
    dialog = SettingsDialog(profile, runner, confirm=lambda _q: True, inform=lambda _m: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    dialog.resize(776, 560)
    qtbot.wait(100)
    dialog.till_name_edit.setText("bad name")
    dialog.notify_edit.setText("https://")
    error = dialog._form._error_labels["notify_url"][1]
    qtbot.waitUntil(lambda: error.isVisible() and error.text() != "", timeout=WAIT)
    qtbot.wait(100)  # laid out in English: one line

    language.french(deliver=False)  # LanguageChange arrives through the event loop
    qtbot.waitUntil(lambda: error.text() == "L’URL de notification n’a pas de nom d’hôte.")
    qtbot.wait(100)  # the form lays out again once every text is in
    assert error.height() >= error.heightForWidth(error.width()), "the French text is cut"
    assert error.heightForWidth(error.width()) > error.fontMetrics().height()  # it wraps
