"""Translations: the language chosen, Qt's and our catalogues loaded, every string wrapped."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core import messages
from desktop_app.core.error_text import ErrorAction, ErrorText
from desktop_app.core.paths import home_paths
from desktop_app.core.settings import Language, Settings, SettingsStore
from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.gui.error_banner import ErrorBanner
from desktop_app.gui.i18n import (
    AUTONYMS,
    choose_language,
    install_translators,
    translate_core,
    window_locale,
)
from desktop_app.gui.sidebar import ConversationEntry, Sidebar
from desktop_app.gui.transcript.bodies import BodyRenderer
from desktop_app.gui.transcript.styles import palette_for
from desktop_app.gui.usage_chart import format_credits, format_day
from tests.fixtures.languages import back_to_english
from tests.fixtures.qt import run_until
from tests.fixtures.scripts import load_script
from tests.gui.window_helpers import OFFSCREEN_NOISE, add_emulator_profile, send, wait_reply

pytestmark = OFFSCREEN_NOISE

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"


tools = load_script(ROOT / "scripts" / "update_translations.py")


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Translators installed by the test, removed afterwards so later tests run in English."""
    installed: list[QTranslator] = []
    locale = QLocale()
    yield installed
    back_to_english(qapp, locale, installed)


# -- choosing and loading ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "ui_languages", "expected"),
    [
        (Language.SYSTEM, ["es-Latn-MX", "es-MX", "es"], "es"),
        (Language.SYSTEM, ["fr-FR", "fr", "es-ES", "es"], "es"),  # the first one shipped
        (Language.SYSTEM, ["de_DE"], "en"),
        (Language.SYSTEM, ["C"], "en"),
        (Language.SYSTEM, [], "en"),
        (Language.ENGLISH, ["es-ES", "es"], "en"),
        (Language.SPANISH, ["en-US", "en"], "es"),
    ],
)
def test_language_follows_the_setting_then_the_os(
    setting: Language, ui_languages: list[str], expected: str
) -> None:
    assert choose_language(setting, ui_languages) == expected


def test_spanish_installs_qts_own_texts_and_ours(qapp, translators) -> None:
    assert install_translators(qapp, Settings(language=Language.SPANISH)) == "es"
    # Qt's standard buttons come from qtbase_es.qm, found in PySide6's translations folder.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert len(qapp.findChildren(QTranslator)) == 2


def test_english_installs_only_our_catalogue(qapp, translators) -> None:
    assert install_translators(qapp, Settings(language=Language.ENGLISH)) == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert len(qapp.findChildren(QTranslator)) == 1


def test_spanish_writes_numbers_and_dates_in_spanish(qapp, translators) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    install_translators(qapp, Settings(language=Language.SPANISH))
    assert QLocale().language() == QLocale.Language.Spanish
    spin = QDoubleSpinBox()
    spin.setDecimals(1)
    spin.setValue(1.5)
    assert spin.text() == "1,5"
    # The usage chart's figures, its axis and tooltip dates, and the sidebar's "4 dic".
    assert format_credits(0.5) == "0,50"
    assert format_day(date(2026, 12, 4), "ddd dd MMM yyyy") == "vie 04 dic 2026"
    assert format_day(date(2026, 12, 4)) == "4 dic 2026"
    sidebar = Sidebar()
    when = datetime(2025, 12, 4, 12, tzinfo=UTC)
    sidebar.set_conversations([ConversationEntry("c1", "Plan", when)], None)
    assert sidebar.conversation_list.item(0).text() == "Plan\n4 dic"


def test_spanish_reaches_the_words_core_leaves_to_the_window(qapp, translators) -> None:
    """The code bar's "Copy" and the banner's action button are translated by the window."""
    install_translators(qapp, Settings(language=Language.SPANISH))
    piece = BodyRenderer(palette_for(False)).render_piece("m", "```\nx = 1\n```\n", 0)
    assert ">código</span>" in piece.html and ">Copiar</a>" in piece.html
    banner = ErrorBanner()
    banner.show_error(ErrorText("No keyring.", False, ErrorAction.EDIT_KEYS))
    assert banner.action_button.text() == "Editar claves"


def test_english_leaves_the_locale_alone(qapp, translators) -> None:
    mexican = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    QLocale.setDefault(mexican)
    install_translators(qapp, Settings(language=Language.ENGLISH))
    assert QLocale() == mexican


def test_the_os_region_is_kept_when_it_speaks_the_language() -> None:
    mexican = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    assert window_locale("es", mexican) == mexican
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert window_locale("es", american).language() == QLocale.Language.Spanish


# Runs app.main() as the user would, with a hook reporting what the started window shows.
_DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QDialogButtonBox
    from desktop_app import app

    async def report(window):
        buttons = window.open_settings().buttons
        print("CANCEL", buttons.button(QDialogButtonBox.StandardButton.Cancel).text())
        return 0

    app.self_test_hook = report
    sys.exit(app.main(["--self-test", "--home", sys.argv[1], "-platform", "offscreen"]))
    """
)


def _started_app_cancel(home: Path, setting: Language, os_language: str) -> str:
    """The Cancel button's text in the real app started with `setting` on an OS in `os_language`."""
    paths = home_paths(home)
    paths.ensure()
    SettingsStore(paths.settings_path).save(Settings(language=setting))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env |= {"LANGUAGE": os_language, "LC_ALL": "", "LC_MESSAGES": ""}
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    shown = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    return shown["CANCEL"]


def test_the_started_app_speaks_the_language_of_its_setting(tmp_path: Path) -> None:
    assert _started_app_cancel(tmp_path, Language.SPANISH, os_language="en") == "Cancelar"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the OS language from LANGUAGE")
def test_the_started_app_follows_the_os_language_by_default(tmp_path: Path) -> None:
    assert _started_app_cancel(tmp_path / "es", Language.SYSTEM, os_language="es_ES:es") == (
        "Cancelar"
    )
    assert _started_app_cancel(tmp_path / "en", Language.SYSTEM, os_language="en") == "Cancel"


# -- the catalogues ------------------------------------------------------------------------------


def _messages(ts: Path) -> list[tuple[str, str, str, bool]]:
    """(context, source, disambiguation, plural) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    message.get("numerus") == "yes",
                )
            )
    return found


def _load(path: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(path)), path
    return translator


@pytest.mark.parametrize("language", tools.LANGUAGES)
def test_each_qm_is_built_from_its_ts(language: str, tmp_path: Path) -> None:
    """The committed .qm says what lrelease makes of the committed .ts (run the script)."""
    tools.release(out=tmp_path)
    committed, rebuilt = _load(tools.qm_path(language)), _load(tools.qm_path(language, tmp_path))
    for context, source, comment, plural in _messages(tools.ts_path(language)):
        for n in (0, 1, 2, 5) if plural else (-1,):
            expected = rebuilt.translate(context, source, comment or None, n)
            assert committed.translate(context, source, comment or None, n) == expected, (
                f"{tools.qm_path(language).name} is out of date: run "
                "scripts/update_translations.py --release"
            )


def test_each_ts_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over today's code finds nothing new or gone (run the script after wrapping)."""
    for language in tools.LANGUAGES:
        shutil.copy(tools.ts_path(language), tmp_path)
    tools.update(folder=tmp_path)
    for language in tools.LANGUAGES:
        in_code = {message[:3] for message in _messages(tools.ts_path(language, tmp_path))}
        committed = {message[:3] for message in _messages(tools.ts_path(language))}
        assert in_code == committed, (
            f"{tools.ts_path(language).name} is out of date: run scripts/update_translations.py"
        )


# -- every visible string goes through the translator --------------------------------------------


class MarkingTranslator(QTranslator):
    """Translates every string to ⟦string⟧: what is shown unmarked was never translated."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


# The innermost marked text: a translation may hold another ("{credits} from …" with "6 credits").
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
# Not words to translate: links, folders and files, e-mail addresses, versions.
_NOT_WORDS = re.compile(r"\w+://\S+|(?:[~\w.-]*[/\\])+[\w.-]*|\S+@\S+|\bv?\d+(?:\.\d+)+\S*")
# Two letters or more: a word (a lone letter is a key name, as in "Ctrl+N").
_WORD = re.compile(r"[^\W\d_]{2,}")


def _unwrapped(text: str, data: set[str]) -> bool:
    """Whether `text` shows a word that did not go through the translator (data aside)."""
    rest = text.replace("&&", "&").replace("&", "")
    while _MARKED.search(rest):
        rest = _MARKED.sub(" ", rest)
    for value in sorted(data, key=len, reverse=True):
        rest = rest.replace(value, " ")
    return bool(_WORD.search(_NOT_WORDS.sub(" ", rest)))


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText or not QtGui.Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _owner(widget: QObject) -> str:
    """The nearest class of ours holding `widget`: where its strings are written."""
    node: QObject | None = widget
    while node is not None:
        module = type(node).__module__
        if module.startswith("desktop_app."):
            return module.removeprefix("desktop_app.")
        node = node.parent()
    return "?"


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield "action text", action.text()
    yield "action tooltip", action.toolTip()
    yield "action status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu title", menu.title()
        for child in menu.actions():
            yield from _action_texts(child)


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(kind, text) of every string `widget` shows or tells a screen reader."""
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    for action in widget.actions():
        yield from _action_texts(action)
    if isinstance(widget, QLabel):
        yield "label", _plain(widget)
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group title", widget.title()
    elif isinstance(widget, QMenu):
        yield "menu title", widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
            yield "tab tooltip", widget.tabToolTip(index)
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            yield "combo item", widget.itemText(index)
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        yield "unit", f"{widget.prefix()} {widget.suffix()}"
    if isinstance(widget, QAbstractSpinBox):
        yield "special value", widget.specialValueText()
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        model = widget.model()
        for section in range(widget.count()):
            value = model.headerData(section, widget.orientation(), Qt.ItemDataRole.DisplayRole)
            yield "header", str(value) if isinstance(value, str) else ""
    elif isinstance(widget, QAbstractItemView):
        pass  # rows are data (profiles, conversations, agents, search results)


def vars_of(record: object) -> list[object]:
    """The field values of a dataclass record."""
    return [getattr(record, field.name) for field in dataclasses.fields(record)]


def unwrapped_strings(roots: list[QWidget], data: set[str]) -> list[str]:
    """Each string shown without translation, once, as `owner: kind: text`."""
    found: dict[str, None] = {}
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            for kind, text in _texts(widget):
                if text.strip() and _unwrapped(text, data):
                    found[f"{_owner(widget)}: {kind}: {text.strip()!r}"] = None
    return list(found)


def test_every_visible_string_is_translatable(
    qapp, qloop, make_window, emulator, translators
) -> None:
    from desktop_app.gui.about_dialog import open_about
    from desktop_app.gui.export_dialog import start_export
    from desktop_app.gui.recently_deleted import open_recently_deleted
    from desktop_app.gui.switcher import open_switcher

    marker = MarkingTranslator(qapp)
    translators.append(marker)
    assert QCoreApplication.installTranslator(marker)
    messages.install(translate_core)  # as install_translators does: the core's sentences too
    # An empty window first (welcome, empty states), then one with a profile and a reply.
    bare = make_window()
    window = make_window()
    profile = add_emulator_profile(window, emulator, name="Support desk")
    send(window, "Hello there")
    wait_reply(qloop, window)
    # A sentence of the core's error table in the banner (the error kept with the reply).
    send(window, "Again #fault:unauthorized")
    wait_reply(qloop, window)
    assert window.banner.isVisible() and window.banner.label.text().startswith(OPEN)
    services = window.services
    # What the user typed or named and what the agent said is data, not interface.
    data = {APP_NAME, *AUTONYMS.values(), "Hello there", "Again #fault:unauthorized"}
    for record in [profile, *DEMO_AGENTS, *(agent.model for agent in DEMO_AGENTS)]:
        data |= {value for value in vars_of(record) if isinstance(value, str) and value}
    data |= {conversation.title for conversation in services.database.list_conversations()}
    reply = window.chat.session.last_reply()
    data |= {line for line in (reply.text if reply else "").splitlines() if line}
    found = unwrapped_strings([bare, window], data)
    history = window.open_server_history()
    assert history is not None
    # Its lists and usage chart, loaded from the emulator, say what they found.
    run_until(qloop, lambda: not history.busy, message="the server history")
    found += unwrapped_strings([history], data)
    # Each dialog is looked at as it opens (a popup closes itself when it loses focus).
    openers: list[Callable[[], QWidget]] = [
        window.open_settings,
        window.open_profiles,
        window.open_search,
        lambda: open_about(window, services.paths),
        lambda: open_switcher(window, services.database.list_profiles(), profile.id),
        lambda: open_recently_deleted(window, services.database, lambda _id: None),
        lambda: start_export(window, services, window.chat.conversation_id),
    ]
    for open_dialog in openers:
        found += unwrapped_strings([open_dialog()], data)
    found = list(dict.fromkeys(found))
    print(f"\n{len(found)} strings shown without tr():")
    for line in sorted(found):
        print("  " + line)
    assert not found, f"{len(found)} strings shown without tr() (listed above)"
