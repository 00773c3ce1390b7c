"""Counts in messages grouped like every other figure: "2.055 thay đổi chưa gửi", "2,055 unsent changes".

Qt writes a message's ``%n`` as a bare 2055 and only ``%Ln`` in the default locale's way. Rather than every
message (and its translation) spelling ``%Ln``, this translator, consulted before the others, hands Qt each
counted message with ``%Ln``: the source text in Vietnamese, the English file's translation in English.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator


class GroupedCounts(QTranslator):
    def __init__(self, parent: QObject, words: QTranslator | None = None):
        super().__init__(parent)
        self._words = words  # the language's own messages; none for the Vietnamese sources

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        if n < 0 or "%n" not in source_text:
            return None  # not ours: Qt asks the next translator (Qt's own dialogs' words among them)
        found = self._words.translate(context, source_text, disambiguation, n) if self._words is not None else ""
        return (found or source_text).replace("%n", "%Ln")

    def isEmpty(self) -> bool:
        return False
