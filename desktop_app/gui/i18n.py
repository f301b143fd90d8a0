"""Translations: choose the window's language and install Qt's and our translators for it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core import messages
from desktop_app.core.paths import resource_path
from desktop_app.core.settings import Language, Settings

__all__ = [
    "AUTONYMS",
    "QT_TRANSLATE_NOOP",
    "SHIPPED",
    "SOURCE_LANGUAGE",
    "choose_language",
    "install_translators",
    "qm_path",
    "translate_core",
    "window_locale",
]

log = logging.getLogger(__name__)

#: The language the strings are written in (in the code, wrapped in tr()).
SOURCE_LANGUAGE = "en"
#: Every language with a resources/i18n/agentsgt_desktop_<lang>.ts/.qm pair.
SHIPPED = tuple(language.value for language in Language if language is not Language.SYSTEM)
#: Each shipped language by its own name: what its speakers look for, so never translated.
AUTONYMS = {"en": "English", "es": "Español"}
#: Marks a string of a module-level table for lupdate (returned as it is; translate it when
#: shown). Typed here: PySide's stub says it returns object.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
#: Our catalogues' file name, before "_<lang>.qm".
CATALOGUE = "agentsgt_desktop"


def choose_language(setting: Language, ui_languages: Sequence[str]) -> str:
    """The setting's language, or the first shipped one the OS prefers, else English.

    `ui_languages` is QLocale.system().uiLanguages(): the user's languages, most wanted first
    (e.g. "es-ES", "es"; "C" when the OS names none).
    """
    if setting is not Language.SYSTEM:
        return setting.value
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SHIPPED:
            return code
    return SOURCE_LANGUAGE


def qm_path(language: str) -> Path:
    """Our compiled catalogue for `language` (English has one too: its plural forms)."""
    return resource_path("i18n") / f"{CATALOGUE}_{language}.qm"


def install_translators(app: QCoreApplication, settings: Settings) -> str:
    """Install the translators of the language chosen; return that language's code.

    Call before any widget is built: a text is translated when it is set. A language other
    than English also becomes the default QLocale. Loading a .qm maps
    the file (well under a millisecond each). A missing file is logged and skipped: the window
    then shows the English source strings, never fails to start.
    """
    language = choose_language(settings.language, QLocale.system().uiLanguages())
    # Our English catalogue holds only plural forms ("1 credit" / "2 credits").
    _install(app, f"{CATALOGUE}_{language}", str(qm_path(language).parent))
    # The core's sentences (errors, validation) from now on: through the same catalogues.
    messages.install(translate_core)
    if language != SOURCE_LANGUAGE:
        # Qt's own texts: standard buttons, file dialogs, context menus of text fields.
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _install(app, f"qtbase_{language}", qt_folder)
        # Numbers and dates (spin boxes, the usage chart, the sidebar) follow the language
        # too; the OS's own region is kept when it speaks it (es_MX stays Mexican).
        QLocale.setDefault(window_locale(language, QLocale.system()))
    return language


def translate_core(context: str, text: str, n: int = -1) -> str:
    """The core's catalogue hook (core/messages.py): Qt's translators, `%n` filled for n >= 0."""
    return QCoreApplication.translate(context, text, None, n)


def window_locale(language: str, system: QLocale) -> QLocale:
    """The locale for numbers and dates in `language`: the OS's when it speaks that language."""
    wanted = QLocale(language)
    return system if system.language() == wanted.language() else wanted


def _install(app: QCoreApplication, name: str, folder: str) -> None:
    translator = QTranslator()
    if not translator.load(name, folder):
        log.warning("no translation %s in %s", name, folder)
        return
    # Owned by the application: the translator lives as long as it is installed.
    translator.setParent(app)
    app.installTranslator(translator)
