"""The UI language: Qt translators, the language in use, dates and numbers for it.

HPOS speaks English (the source language of every ``tr()`` string) and French.
:func:`install_language` picks the language from the setting (``""`` follows
the system locale; anything but French falls back to English), installs HPOS's
own catalogue (``hpos/resources/translations/hpos_<lang>.qm``) and Qt's
``qtbase`` catalogue (standard dialog buttons, file dialogs) on the
application, and sets the default :class:`QLocale`. Installing a translator
makes Qt send ``LanguageChange`` to every widget, whose ``retranslate()``
then re-reads its texts (:class:`Retranslatable` calls it): a language switch at
runtime needs nothing more.

The language in use is kept on the application object (no module state), so
:func:`current_language` is what formatting helpers (``format_money``,
:func:`format_datetime`) follow by default.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from hpos.profile.profile import LANGUAGES
from hpos.resources.paths import resource_path
from hpos.ui.language import DEFAULT_LANGUAGE, current_language
from hpos.ui.language import PROPERTY as _PROPERTY

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Catalogues",
    "Retranslatable",
    "apply_catalogues",
    "current_language",
    "current_locale",
    "format_date",
    "format_datetime",
    "format_number",
    "format_time",
    "install_language",
    "language_name",
    "load_catalogues",
    "resolve_language",
    "system_language",
]

log = logging.getLogger(__name__)

#: objectName of the translators we install, so a switch removes exactly ours.
_TRANSLATOR_NAME = "hpos-translator"
_QT_LANGUAGES = {"en": QLocale.Language.English, "fr": QLocale.Language.French}
#: Each language's name written in itself (for the language chooser).
_NATIVE_NAMES = {"en": "English", "fr": "Français"}


def system_language(system: QLocale | None = None) -> str:
    """The supported language of the system locale (first UI language that is), else English."""
    locale = system if system is not None else QLocale.system()
    for tag in [*locale.uiLanguages(), locale.name()]:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to use for a ``Settings.language`` value ("" = the system's)."""
    code = (setting or "").strip().lower()
    if code in LANGUAGES:
        return code
    if code:
        log.warning("Unknown language %r in settings; using the system language", code)
    return system_language(system)


def language_name(code: str) -> str:
    """A language's own name: "English", "Français"."""
    return _NATIVE_NAMES.get(code, code)


def _locale_for(language: str, system: QLocale) -> QLocale:
    """The system locale when it speaks ``language`` (keeps its country), else a plain one."""
    if system.language() == _QT_LANGUAGES[language]:
        return QLocale(system)
    return QLocale(_QT_LANGUAGES[language])


class _Translator(QTranslator):
    """A translator that keeps the bytes it was loaded from (Qt reads them in place)."""

    def __init__(self, data: bytes, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.setObjectName(_TRANSLATOR_NAME)
        self.data = data


@dataclass(frozen=True)
class Catalogues:
    """A language's compiled catalogues, read from disk (:func:`load_catalogues`)."""

    language: str
    locale: QLocale
    data: tuple[tuple[str, bytes], ...] = ()  # (what, .qm bytes): Qt's, then HPOS's


def load_catalogues(setting: str, *, system: QLocale | None = None) -> Catalogues:
    """Read the ``.qm`` files for ``setting`` (disk I/O: a worker, or before the window)."""
    system = system if system is not None else QLocale.system()
    language = resolve_language(setting, system)
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    paths = [("HPOS", resource_path("translations", f"hpos_{language}.qm"))]
    if language != DEFAULT_LANGUAGE:
        paths.insert(0, ("Qt", qt_dir / f"qtbase_{language}.qm"))
    data: list[tuple[str, bytes]] = []
    for what, path in paths:
        try:
            data.append((what, path.read_bytes()))
        except OSError as exc:
            log.warning("No %s translation at %s (%s): English texts", what, path, exc)
    return Catalogues(language, _locale_for(language, system), tuple(data))


def apply_catalogues(app: QCoreApplication, catalogues: Catalogues) -> str:
    """Swap our translators on ``app`` for these (GUI thread, no disk); returns the language.

    Removing and installing translators makes Qt send ``LanguageChange`` to
    every widget, whose ``retranslate()`` re-reads its texts.
    """
    removed = 0
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
        removed += 1
    QLocale.setDefault(catalogues.locale)
    app.setProperty(_PROPERTY, catalogues.language)
    installed = 0
    for what, data in catalogues.data:
        translator = _Translator(data, app)
        if translator.load(translator.data):
            app.installTranslator(translator)
            installed += 1
        else:
            log.warning("The %s translation for %s is damaged", what, catalogues.language)
            translator.setParent(None)
            translator.deleteLater()
    if not removed and not installed:
        # Nothing changed in Qt's eyes: tell the widgets anyway (formatting follows the language).
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    log.info("UI language: %s", catalogues.language)
    return catalogues.language


def install_language(app: QCoreApplication, setting: str, *, system: QLocale | None = None) -> str:
    """Load and install the language of ``setting`` at once (start-up); returns it.

    Calling it again switches the language at runtime. A running window
    should rather load in the background and apply on the GUI thread
    (:func:`load_catalogues` then :func:`apply_catalogues`).
    """
    return apply_catalogues(app, load_catalogues(setting, system=system))


class Retranslatable:
    """A widget mixin: ``retranslate()`` is called again on every ``LanguageChange``.

    Put it before the Qt class (``class Keypad(Retranslatable, QWidget)``) and give the
    widget a ``retranslate()`` that sets every text it shows; the base class then gets
    the event as before.
    """

    def retranslate(self) -> None:
        """Set every text in the UI language (each widget says its own)."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Re-read the texts when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this mixin


def current_locale(language: str | None = None) -> QLocale:
    """The QLocale to format for ``language`` (default: the language in use)."""
    language = language or current_language()
    default = QLocale()
    if default.language() == _QT_LANGUAGES.get(language):
        return default
    return QLocale(_QT_LANGUAGES.get(language, QLocale.Language.English))


#: Date and time patterns: day and month name, never the ambiguous 03/04.
_DATE_PATTERN = "d MMM yyyy"
_TIME_PATTERNS = {False: "HH:mm", True: "HH:mm:ss"}


def _qdatetime(value: datetime) -> QDateTime:
    local = value.astimezone() if value.tzinfo is not None else value
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
    )


def format_datetime(value: datetime, *, seconds: bool = False, language: str | None = None) -> str:
    """A moment in local time for the language: ``28 Nov 2026 15:17`` / ``28 nov. 2026 15:17``."""
    pattern = f"{_DATE_PATTERN} {_TIME_PATTERNS[seconds]}"
    return current_locale(language).toString(_qdatetime(value), pattern)


def format_time(value: datetime, *, seconds: bool = True, language: str | None = None) -> str:
    """The local time of a moment: ``15:17:42``."""
    local = _qdatetime(value).time()
    return current_locale(language).toString(local, _TIME_PATTERNS[seconds])


def format_date(value: date, *, language: str | None = None) -> str:
    """A day for the language: ``28 Nov 2026`` / ``28 nov. 2026``."""
    qdate = QDate(value.year, value.month, value.day)
    return current_locale(language).toString(qdate, _DATE_PATTERN)


def format_number(value: int | Decimal, *, language: str | None = None) -> str:
    """A plain number with the language's grouping and decimal mark (exact, no float)."""
    # imported on first use: keeps start-up fast (the money formatting loads after the
    # window's first paint)
    from hpos.ui.money import format_decimal

    return format_decimal(Decimal(value), language=language or current_language())
