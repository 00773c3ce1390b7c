"""Interface language: Vietnamese first (the source strings), English through Qt Linguist files.

``make`` builds the ``.qm`` files from the committed ``.ts`` sources into resources/translations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ocop_desktop import i18n
from ocop_desktop.paths import resources_dir
from ocop_desktop.ui.grouped_counts import GroupedCounts

LANGUAGES = i18n.LANGUAGES


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Vietnamese: the app's own sources need nothing, but Qt's standard words (OK, Huỷ, Mở...) come
    from ``qt_vi`` (PySide6 ships no Vietnamese). English: ``ocop_en``. Returns what was installed."""
    language = language if language in LANGUAGES else "vi"
    i18n.use(language, QCoreApplication.translate)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates))
    installed = []
    for name in (("qt_vi",) if language == "vi" else ("ocop_en",)):
        translator = QTranslator(app)
        if translator.load(name, str(translations_dir())):
            app.installTranslator(translator)
            installed.append(translator)
    # Installed last, so asked first: the counts in messages grouped by the locale set above.
    grouped = GroupedCounts(app, installed[0] if language == "en" and installed else None)
    app.installTranslator(grouped)
    return [*installed, grouped]
