"""GUI tests run with the app's English catalogue installed, as the started app does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.gui.i18n import SOURCE_LANGUAGE, qm_path


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp: QApplication) -> Iterator[QTranslator]:
    """English plural forms ("1 credit", "2 credits") come from our English catalogue.

    Not parented to the application: tests that count or remove the app's own translators
    (test_translations) leave this one alone.
    """
    translator = QTranslator()
    assert translator.load(str(qm_path(SOURCE_LANGUAGE)))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
