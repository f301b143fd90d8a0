"""The look: tinted icons, the composer card, empty states, following the OS colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.paths import resource_path
from desktop_app.gui.composer import ComposerPanel
from desktop_app.gui.empty_state import (
    EXAMPLE_PROMPTS,
    EmptyState,
    show_missing_conversation,
    show_new_chat,
    show_no_conversations,
)
from desktop_app.gui.icons import Icon, themed_icon, tinted_pixmap
from desktop_app.gui.theme import SchemeFollower, apply_theme, style_sheet

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _opaque_colours(image) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("icon", list(Icon))
def test_every_icon_is_bundled_and_draws_in_the_colour_asked_for(qapp, icon) -> None:
    assert resource_path("icons", "ui", f"{icon.value}.svg").is_file()
    image = tinted_pixmap(icon, "#d02090", 24).toImage()
    # Its shape (some pixels fully drawn, some left clear), all of it in that colour.
    assert _opaque_colours(image) == {"#d02090"}
    assert image.pixelColor(0, 0).alpha() == 0 or icon is Icon.STOP


def test_icons_are_cached_per_colour_and_size(qapp) -> None:
    first = tinted_pixmap(Icon.COPY, "#112233", 16)
    assert tinted_pixmap(Icon.COPY, "#112233", 16) is first
    assert tinted_pixmap(Icon.COPY, "#445566", 16) is not first
    assert tinted_pixmap(Icon.COPY, "#112233", 32).width() == 32


def test_themed_icons_take_the_light_and_the_dark_palettes_colour(qapp) -> None:
    for mode in ("dark", "light"):
        apply_theme(qapp, mode)
        colour = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
        image = themed_icon(Icon.SETTINGS).pixmap(24, 24).toImage()
        assert _opaque_colours(image) == {colour}
    assert apply_theme(qapp, "dark") is True  # the two colours differ, so both were checked
    dark = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    apply_theme(qapp, "light")
    assert QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name() != dark


def test_the_licence_and_the_source_ship_next_to_the_icons() -> None:
    folder = resource_path("icons", "ui")
    assert "ISC License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "lucide-static" in (folder / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def composer(qtbot) -> ComposerPanel:
    panel = ComposerPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 120)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_send_is_a_round_icon_button_inside_the_card_and_sends(qtbot, composer) -> None:
    card = composer.card
    assert composer.editor.parent() is card and composer.send_button.parent() is card
    inside = card.rect()
    button = composer.send_button.geometry()
    assert inside.contains(button)
    # At the bottom right of the card: right of the text, in its lower half.
    assert button.left() > composer.editor.geometry().right()
    assert button.center().y() > inside.center().y()
    # Its icon is drawn after the first paint, not during it.
    qtbot.waitUntil(lambda: composer.send_button.icon_shown is Icon.SEND)
    with qtbot.waitSignal(composer.send_button.clicked):
        qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    composer.editor.setPlainText("hello")
    with qtbot.waitSignal(composer.editor.submitted):
        qtbot.keyClick(composer.editor, Qt.Key.Key_Return)


def test_the_round_button_is_stop_while_a_reply_streams(qtbot, composer) -> None:
    composer.set_streaming(True)
    assert composer.streaming
    assert composer.stop_button.isVisible() and not composer.send_button.isVisible()
    assert composer.stop_button.geometry() == composer.send_button.geometry() or (
        composer.card.rect().contains(composer.stop_button.geometry())
    )
    with qtbot.waitSignal(composer.stop_button.clicked):
        qtbot.mouseClick(composer.stop_button, Qt.MouseButton.LeftButton)
    composer.set_streaming(False)
    assert composer.send_button.isVisible() and not composer.stop_button.isVisible()
    assert not composer.stop_button.isEnabled()


def test_the_card_border_shows_the_editors_focus(qtbot, composer) -> None:
    def border_colour() -> QColor:
        image = composer.card.grab().toImage()
        return image.pixelColor(image.width() // 2, 0)

    def distance(one: QColor, other: QColor) -> int:
        return sum(abs(a - b) for a, b in zip(one.getRgb()[:3], other.getRgb()[:3], strict=True))

    highlight = composer.palette().color(QPalette.ColorRole.Highlight)
    other = QWidget(composer)
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    other.show()
    composer.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    unfocused = border_colour()
    composer.editor.setFocus()
    qtbot.waitUntil(composer.editor.hasFocus)
    focused = border_colour()
    assert distance(focused, highlight) < 8 < distance(unfocused, highlight)


def test_empty_states_show_their_text_and_buttons(qtbot) -> None:
    state = EmptyState(Icon.AGENT)
    qtbot.addWidget(state)
    state.show()
    show_new_chat(state, "Python Code Helper")
    assert state.title_label.text() == "Chat with Python Code Helper"
    assert [b.text() for b in state.prompt_buttons] == list(EXAMPLE_PROMPTS)
    assert not state.button.isVisible()
    with qtbot.waitSignal(state.prompt_chosen) as chosen:
        state.prompt_buttons[0].click()
    assert chosen.args == [EXAMPLE_PROMPTS[0]]
    assert not state.icon_label.pixmap().isNull()

    show_no_conversations(state, "Support bot")
    assert "Support bot" in state.title_label.text() and not state.prompt_buttons
    assert state.button.isVisible() and state.button.text() == "New chat"
    with qtbot.waitSignal(state.action_triggered):
        state.button.click()

    show_missing_conversation(state)
    assert state.title_label.text() == "This conversation is gone"
    assert "deleted" in state.text_label.text()


def test_the_theme_follows_the_os_scheme_only_when_set_to_system(qapp) -> None:
    mode = ["system"]
    restyled: list[bool] = []
    follower = SchemeFollower(qapp, lambda: mode[0], restyled.append)
    hints = QGuiApplication.styleHints()
    dark_window = QColor("#1f2125")
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert restyled == [True]
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == dark_window
        follower.on_color_scheme_changed(Qt.ColorScheme.Light)
        assert restyled == [True, False]
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window) != dark_window
        mode[0] = "light"  # a chosen theme stays
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert restyled == [True, False]
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window) != dark_window
    finally:
        hints.colorSchemeChanged.disconnect(follower.on_color_scheme_changed)
        apply_theme(qapp, "light")


def test_the_style_sheet_makes_the_sidebar_lists_borderless_in_both_themes(qtbot) -> None:
    for dark in (False, True):
        sheet = style_sheet(dark)
        lists = sheet[sheet.index("QListWidget#profileList, QListWidget#conversationList {") :]
        assert lists.split("}", 1)[0].count("border: none") == 1
        assert "QLabel#sidebarHeading" in sheet and "QFrame#composerCard" not in sheet
        widget = QWidget()  # Qt logs a warning (a failure here) for a sheet it cannot parse
        qtbot.addWidget(widget)
        widget.setStyleSheet(sheet)
        widget.show()
        qtbot.waitExposed(widget)


def test_the_editor_grows_with_its_text_up_to_a_limit(qtbot, composer) -> None:
    empty = composer.editor.height()
    composer.editor.setPlainText("\n".join(["line"] * 4))
    qtbot.waitUntil(lambda: composer.editor.height() > empty)
    four = composer.editor.height()
    composer.editor.setPlainText("\n".join(["line"] * 40))
    qtbot.waitUntil(lambda: composer.editor.height() > four)
    capped = composer.editor.height()
    composer.editor.setPlainText("\n".join(["line"] * 80))
    QApplication.processEvents()
    assert composer.editor.height() == capped
    composer.editor.clear()
    qtbot.waitUntil(lambda: composer.editor.height() == empty)


def test_reply_headings_and_role_labels_are_in_proportion(qtbot) -> None:
    from desktop_app.gui.transcript import TranscriptView
    from desktop_app.gui.transcript.styles import LIGHT
    from tests.gui.test_transcript_support import reply

    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_messages([reply("a1", "# Big title\n\n## Smaller\n\nSome text.")])
    text_size = view.document().defaultFont().pointSizeF()
    sizes: dict[str, tuple[float, str]] = {}
    block = view.document().begin()
    while block.isValid():
        if block.text().strip():
            char_format = next(iter(block)).fragment().charFormat()
            sizes[block.text().strip()] = (
                char_format.font().pointSizeF(),
                char_format.foreground().color().name(),
            )
        block = block.next()
    assert sizes["Big title"][0] <= text_size * 1.25
    assert sizes["Smaller"][0] <= text_size
    role_size, role_colour = sizes["Agent"]
    assert role_size < text_size and role_colour == LIGHT.muted
