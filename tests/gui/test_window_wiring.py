"""The window's wired parts: Import, a CLI import seen live, Recently deleted, Ctrl+K, About,
empty states, toolbar icons following the theme."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.core.export import render_json
from desktop_app.core.settings import Theme
from desktop_app.gui.about_dialog import AboutDialog
from desktop_app.gui.empty_state import EXAMPLE_PROMPTS
from desktop_app.gui.import_action import ImportOutcome
from desktop_app.gui.recently_deleted import RecentlyDeletedDialog
from desktop_app.gui.switcher import Switcher
from tests.fixtures.export_samples import sample_document
from tests.fixtures.qt import run_for, run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE, add_emulator_profile, send, wait_reply

pytestmark = OFFSCREEN_NOISE


def _export_file(folder: Path) -> Path:
    file = folder / "export.json"
    file.write_text(render_json(sample_document()), encoding="utf-8")
    return file


def test_file_import_lists_and_opens_the_imported_conversation(
    make_window, qloop, tmp_path
) -> None:
    window = make_window()
    file = _export_file(tmp_path)
    shown: list[ImportOutcome] = []

    async def choose(_parent) -> Path:
        return file

    window.choose_import_file = choose
    window.show_import_outcome = lambda _parent, outcome: shown.append(outcome)
    assert window.actions_.import_.isEnabled()
    window.actions_.import_.trigger()
    run_until(qloop, lambda: shown and not window.tasks.tasks, message="the import")
    assert shown[0].succeeded
    assert window.sidebar.conversation_ids() == ["c-1"]
    assert window.chat.conversation_id == "c-1"
    assert window.sidebar.current_conversation_id() == "c-1"
    assert window.status_label.text() == "Imported 1 conversation."


def test_a_command_line_import_appears_while_the_window_runs(
    make_window, qloop, emulator, tmp_path
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    file = _export_file(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "import", str(file)],
        env=dict(os.environ),  # the same app home (conftest sets it for this test)
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    # The import made a profile of its own: it shows in the sidebar without a restart.
    run_until(
        qloop,
        lambda: len(window.profiles_panel.profiles) == 2,
        timeout=5,
        message="the imported profile in the sidebar",
    )
    imported = next(p for p in window.profiles_panel.profiles if p.display_name != "Support")
    window.sidebar.profile_list.setCurrentRow(
        [p.id for p in window.profiles_panel.profiles].index(imported.id)
    )
    assert window.sidebar.conversation_ids() == ["c-1"]


def test_recently_deleted_restores_the_open_conversation(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "keep me")
    wait_reply(qloop, window)
    conversation_id = window.chat.conversation_id
    assert conversation_id is not None
    window.sidebar.select_conversation(conversation_id)
    assert window.conversation_actions.delete(conversation_id)
    # The open conversation went to the bin: the page says so.
    assert window.conversation_stack.currentWidget() is window.ui.empty_state_area
    assert window.empty_state.title_label.text() == "This conversation is gone"
    window.actions_.recently_deleted.trigger()
    dialog = window.findChild(RecentlyDeletedDialog)
    assert dialog is not None and dialog.selected_id() == conversation_id
    dialog.restore_button.click()
    assert window.sidebar.conversation_ids() == [conversation_id]
    assert window.chat.conversation_id == conversation_id
    assert window.conversation_stack.currentWidget() is window.transcript
    dialog.close()


def test_ctrl_k_filters_agents_and_enter_switches_with_the_composer_focused(
    make_window, qloop, qtbot, emulator
) -> None:
    window = make_window()
    support = add_emulator_profile(window, emulator, name="Support")
    sales = add_emulator_profile(window, emulator, name="Ventas México", agent_index=1)
    window.reload_profiles(select_id=support.id)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = window.findChild(Switcher)
    assert switcher is not None and switcher.isVisible()
    qtbot.keyClicks(switcher.filter, "mexico")
    assert switcher.shown_ids() == [sales.id]
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Return)
    assert window.chat.profile is not None and window.chat.profile.id == sales.id
    assert window.sidebar.current_profile_id() == sales.id
    assert window.focusWidget() is window.composer.editor


def test_help_about_opens(make_window) -> None:
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    window.actions_.about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert str(window.services.paths.data_dir) in [
        label.text() for label in dialog.findChildren(type(dialog.version))
    ]
    assert "Lucide (ISC licence)" in dialog.icons_notice.text()
    dialog.close()


def test_a_new_chat_shows_the_agent_and_an_example_prompt_fills_the_composer(
    make_window, qloop, emulator
) -> None:
    window = make_window()
    # No profile yet: the sidebar lists nothing and no empty state claims a profile.
    assert window.sidebar.no_conversations.isHidden()
    profile = add_emulator_profile(window, emulator)
    assert window.conversation_stack.currentWidget() is window.ui.empty_state_area
    assert window.empty_state.title_label.text() == f"Chat with {profile.agent_name}"
    assert not window.sidebar.no_conversations.isHidden()
    assert window.sidebar.conversation_list.isHidden()
    button = window.empty_state.prompt_buttons[0]
    assert button.text() == EXAMPLE_PROMPTS[0]
    button.click()
    assert window.composer.editor.toPlainText() == EXAMPLE_PROMPTS[0]
    assert window.focusWidget() is window.composer.editor
    window.composer.send_button.click()
    # The first message shows the transcript (and the conversation in the list) at once.
    assert window.conversation_stack.currentWidget() is window.transcript
    assert not window.sidebar.conversation_list.isHidden()
    assert window.sidebar.no_conversations.isHidden()
    wait_reply(qloop, window)


def _icon_colour(icon: QIcon) -> QColor:
    image = icon.pixmap(24, 24).toImage()
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                return colour
    raise AssertionError("the icon draws nothing")


def test_toolbar_icons_follow_the_os_theme(make_window) -> None:
    window = make_window()
    window.services.settings = window.services.settings.replace(theme=Theme.SYSTEM)
    toolbar_actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert toolbar_actions and all(not a.icon().isNull() for a in toolbar_actions)
    follower = window.scheme_follower
    assert follower is not None
    try:
        follower.on_color_scheme_changed(Qt.ColorScheme.Light)
        light = _icon_colour(window.actions_.settings.icon())
        follower.on_color_scheme_changed(Qt.ColorScheme.Dark)
        dark = _icon_colour(window.actions_.settings.icon())
        assert light.lightness() < 100 < dark.lightness()
        assert (
            QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() < 100
        )
    finally:
        follower.on_color_scheme_changed(Qt.ColorScheme.Light)


def test_a_narrow_window_shows_the_toolbar_icons_only(make_window, qloop) -> None:
    window = make_window()
    assert window.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    window.resize(700, 500)
    run_until(qloop, lambda: window.width() <= 720, timeout=5, message="the resize")
    assert window.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
    assert all(a.toolTip() for a in window.toolbar.actions() if not a.isSeparator())
    window.resize(1100, 720)
    run_until(qloop, lambda: window.width() >= 1000, timeout=5, message="the resize")
    assert window.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_a_second_launch_with_demo_opens_the_demo_in_the_running_window(make_window, qloop):
    from desktop_app.app import on_second_launch
    from desktop_app.gui.demo import DEMO_PROFILE_ID

    window = make_window()
    on_second_launch(window, ["--help"])  # nothing acted on (and nothing exits)
    assert window.chat.profile is None
    on_second_launch(window, ["--demo"])
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo")
    assert window.chat.profile is not None and window.chat.profile.id == DEMO_PROFILE_ID
    wait_reply(qloop, window)  # the demo greets a new user with a reply


def test_the_gone_conversation_state_shows_its_lines_whole(make_window, qloop, emulator) -> None:
    window = make_window()
    window.resize(1100, 720)
    add_emulator_profile(window, emulator)
    send(window, "soon gone")
    wait_reply(qloop, window)
    assert window.conversation_actions.delete(window.chat.conversation_id)
    state = window.empty_state
    run_until(qloop, lambda: state.isVisible() and state.width() > 300, message="the state")
    run_for(qloop, 0.2)  # the layout requests the width change posted
    icon, title, text = state.icon_label, state.title_label, state.text_label
    assert (
        title.mapTo(state, title.rect().topLeft()).y()
        >= icon.mapTo(state, icon.rect().bottomLeft()).y()
    )
    for label in (title, text):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
