"""The settings dialog's "Test connection": run ``/getToken/`` on the Runner, show the answer.

:class:`ConnectionTest` disables the button, says which host it contacts, runs
:func:`~hpos.ui.settings.jobs.fetch_token` in the background and shows the
company, mode, currency and balances, or HPAY's exact error message. Only the
answer of the latest test is shown.

An answer is about the URL, keys and mode it was asked with: once any of them
changes (:meth:`ConnectionTest.inputs_changed`), the answer is replaced by a grey
"Settings changed since the test: test again." (an answer still on its way is
dropped), and comes back if the fields return to what was tested.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from hpos.hpay.client import ClientConfig
from hpos.hpay.models import Token
from hpos.profile.secret import api_host
from hpos.ui.runner import Runner
from hpos.ui.settings.form import SettingsForm
from hpos.ui.settings.jobs import ClientFactory, error_text, fetch_token, token_text

Guard = Callable[[Callable[[Any], None]], Callable[[Any], None]]
#: What a test depends on: the fields' URL, keys and mode (compared, never shown).
Inputs = Callable[[], tuple[str, ...]]


class ConnectionTest:
    """Tests a client configuration in the background; reports ``(success, text)``."""

    def __init__(
        self,
        form: SettingsForm,
        runner: Runner,
        client_factory: ClientFactory,
        *,
        can_test: Callable[[], bool],
        guard: Guard,
        report: Callable[[bool, str], Any],
        inputs: Inputs = tuple,
    ) -> None:
        self._form = form
        self._runner = runner
        self._client_factory = client_factory
        self._can_test = can_test
        self._guard = guard
        self._report = report
        self._inputs = inputs
        self._seq = 0
        self._running = False
        self._tested: tuple[str, ...] | None = None  # the inputs of the answer shown or awaited
        self._answer: tuple[bool, str] | None = None  # the answer shown (while it applies)
        self.stale = False  # the fields changed since the test

    def start(self, config: ClientConfig) -> None:
        """Ask ``/getToken/`` in the background with this configuration."""
        self._seq += 1
        seq = self._seq
        self._running, self.stale = True, False
        self._tested, self._answer = self._inputs(), None
        factory = self._client_factory
        form = self._form
        form.test_button.setEnabled(False)
        form.test_result.setProperty("role", "note")
        form.restyle(form.test_result)
        form.test_result.setText(
            QCoreApplication.translate("ConnectionTest", "Contacting {host}…").format(
                host=api_host(config.base_url)
            )
        )
        self._runner.submit(
            lambda: fetch_token(factory, config),
            on_done=self._guard(lambda token: self._answered(seq, token, config.mode)),
            on_error=self._guard(lambda exc: self._failed(seq, exc)),
            name="test connection",
        )

    def show(self, ok: bool, text: str) -> None:
        """Show an outcome under the button (green or red) and report it."""
        if not self._running:  # not an answer: about the fields as they are now
            self._tested = self._inputs()
        self._running, self.stale = False, False
        self._answer = (ok, text)
        self._form.test_button.setEnabled(self._can_test())
        self._form.set_role_text(self._form.test_result, text, "ok" if ok else "error")
        self._report(ok, text)

    def inputs_changed(self) -> None:
        """The URL, a key or the mode changed: grey out an answer that no longer applies."""
        if self._tested is None:
            return
        form = self._form
        if self._inputs() == self._tested:
            if self.stale and self._answer is not None:  # back to what was tested
                self.stale = False
                ok, text = self._answer
                form.set_role_text(form.test_result, text, "ok" if ok else "error")
            return
        if self.stale:
            return
        self.stale = True
        if self._running:  # its answer would be about the old fields: dropped
            self._seq += 1
            self._running = False
            form.test_button.setEnabled(self._can_test())
        text = QCoreApplication.translate(
            "ConnectionTest", "Settings changed since the test: test again."
        )
        form.set_role_text(form.test_result, text, "note")

    def _answered(self, seq: int, token: Token, mode: str) -> None:
        if seq == self._seq:
            self.show(True, token_text(token, mode))

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.show(False, error_text(exc))
