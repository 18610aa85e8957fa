"""A stand-in translator for tests of a language switch at runtime."""

from __future__ import annotations

from PySide6.QtCore import QTranslator


class Marking(QTranslator):
    """A translator that marks every text of some contexts (stands for any language)."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"«{source}»" if context in self.contexts else None  # None: not ours

    def isEmpty(self) -> bool:
        return False
