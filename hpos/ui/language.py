"""The UI language in use: one dynamic property of the application, nothing else.

:mod:`hpos.ui.i18n` sets it when it installs a language; anything that formats
for the language in use reads it with :func:`current_language` (``amount`` among
them, which :mod:`hpos.ui.i18n` itself uses: so this lives apart, and neither
imports the other back).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hpos.profile.profile import LANGUAGES

#: The language of the source strings, and the fallback for any other locale.
DEFAULT_LANGUAGE = "en"
#: Where the language in use is kept (a dynamic property of the application).
PROPERTY = "hposLanguage"


def current_language() -> str:
    """The language in use ("en" or "fr"); English before a language was installed."""
    app = QCoreApplication.instance()
    value = app.property(PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE
