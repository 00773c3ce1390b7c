"""The one translation helper, ``_t``: Vietnamese source text, English through Qt Linguist once the ui installs it.

Every module that words something outside a Qt class's ``self.tr`` imports ``_t`` from here, so lupdate
(``-tr-function-alias tr+=_t``, empty context) finds each message, and the same call serves the command line,
which has no Qt and prints the Vietnamese source. The interface calls :func:`use` when it installs a language;
like Qt's own installed translators, that choice is process-wide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str, str, str | None, int], str]
LANGUAGES = ("vi", "en")


def _source(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # What the interface does with no English loaded: the source itself, %n replaced by the count, grouped as
    # the interface groups it (ui/grouped_counts.py).
    from ocop_desktop.formats import count

    return text.replace("%n", count(n)) if n >= 0 else text


@dataclass
class _Current:
    language: str = "vi"
    translate: Translate = _source


_current = _Current()


def use(language: str, translate: Translate | None = None) -> tuple[str, Translate]:
    """From now on, messages go through ``translate`` (``QCoreApplication.translate``) and numbers and dates
    follow ``language``; without ``translate``, the Vietnamese source is printed. Returns what was in use, so a
    test can put it back."""
    previous = (_current.language, _current.translate)
    _current.language = language if language in LANGUAGES else "vi"
    _current.translate = translate or _source
    return previous


def language() -> str:
    """"vi" or "en": what the formats follow, so a figure reads like the words around it."""
    return _current.language


def _t(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface's language; ``n`` >= 0 chooses the plural form and replaces ``%n``."""
    return _current.translate("", text, disambiguation, n)
