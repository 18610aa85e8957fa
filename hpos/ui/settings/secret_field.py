"""The settings dialog's secret key field, bound to the API host typed above it.

:class:`SecretField` follows the API URL field: when the host changes, a secret
shown for the old host is emptied so that the secret of the new host is asked
for (and put back if the old host returns before anything is typed); the note
under the field (:func:`~hpos.ui.settings.secret.secret_note`) says where the
secret is or will be kept. With ``HPOS_SECRET_KEY`` set the field is left
alone: the environment's secret takes precedence. The eye button shows or hides
the typed secret. Nothing here touches the keyring: the dialog's background jobs
(:mod:`hpos.ui.settings.jobs`) do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hpos.profile.secret import ENV_SECRET_KEY, SOURCE_ENV, api_host
from hpos.ui.settings.form import SettingsForm
from hpos.ui.settings.jobs import Loaded
from hpos.ui.settings.secret import StoredSecret, secret_action, secret_note


class SecretField:
    """The secret edit of ``form``, its note and its eye button; quiet until ``is_loaded()``."""

    def __init__(
        self, form: SettingsForm, env: Mapping[str, str], *, is_loaded: Callable[[], bool]
    ) -> None:
        self._form = form
        self._env = env
        self._is_loaded = is_loaded
        #: The secret found when the dialog opened.
        self.stored = StoredSecret()
        self._cleared = False  # emptied because the host changed
        form.reveal_button.toggled.connect(form.show_reveal)
        form.api_url_edit.textChanged.connect(self._host_changed)
        form.secret_edit.textChanged.connect(self._secret_changed)

    def load(self, loaded: Loaded) -> None:
        """Remember the secret the background load found (the form shows it, unless from env)."""
        self.stored = StoredSecret(
            value=loaded.secret,
            source=loaded.source,
            host=api_host(loaded.settings.api_url),
            no_keyring=loaded.no_keyring,
            keyring_problem=loaded.keyring_problem,
        )
        self._cleared = False

    def typed(self) -> str:
        """The secret in the field, stripped."""
        return self._form.secret_edit.text().strip()

    def for_test(self) -> str:
        """The typed secret, else the environment's when ``HPOS_SECRET_KEY`` is set."""
        secret = self.typed()
        if not secret and self.stored.source == SOURCE_ENV:
            secret = self._env.get(ENV_SECRET_KEY, "").strip()
        return secret

    def action(self, api_url: str) -> str:
        """What saving does with the secret: ``"store"``, ``"delete"`` or ``""``."""
        return secret_action(self.stored, api_host(api_url), self.typed())

    def update_note(self) -> None:
        """Say under the field where the secret of the typed host is or will be kept."""
        host = api_host(self._form.api_url_edit.text().strip())
        text, role = secret_note(self.stored, host, self.typed())
        self._form.set_role_text(self._form.secret_note, text, role)

    def _host_changed(self, text: str) -> None:
        """The secret is bound to the host: a new host needs its own secret."""
        stored = self.stored
        if not self._is_loaded() or stored.source == SOURCE_ENV:
            return
        host = api_host(text.strip())
        edit = self._form.secret_edit
        if host != stored.host:
            if stored.value and edit.text().strip() == stored.value:
                edit.clear()
                self._cleared = True
        elif self._cleared and not edit.text():
            edit.setText(stored.value)
            self._cleared = False
        self.update_note()

    def _secret_changed(self, _text: str) -> None:
        if self._is_loaded():
            self.update_note()
