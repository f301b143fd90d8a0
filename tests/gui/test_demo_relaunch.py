"""The demo works on every start: after a relaunch its profile follows the new emulator."""

from __future__ import annotations

from desktop_app.app import build_services, shutdown
from desktop_app.core.models import MessageStatus
from desktop_app.core.paths import app_paths
from desktop_app.core.secrets import SecretStore
from desktop_app.gui.demo import DEMO_PROFILE_ID, DemoRuntime
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.profile_dialog import ProfileDialog
from desktop_app.gui.sidebar import KeyStatus
from tests.fixtures.qt import loop_settle, run_until
from tests.gui.window_helpers import last_reply, send, wait_reply


def _launch(qloop, memory_keyring) -> MainWindow:
    # What app.py does on a normal start: a fresh process (new session keys), same data folder.
    services = build_services(app_paths().ensure())
    services.secrets = SecretStore(memory_keyring)
    services.demo = DemoRuntime(tokens_per_second=0)
    window = MainWindow(services, link_opener=lambda url: None)
    window.show()
    window.start()
    loop_settle(qloop, window)
    return window


def _quit(qloop, window: MainWindow) -> None:
    qloop.run_until_complete(shutdown(window, window.services))
    window.close()
    window.deleteLater()


def test_demo_chats_after_a_relaunch(qloop, qtbot, memory_keyring) -> None:
    first = _launch(qloop, memory_keyring)
    try:
        first.start_demo()
        run_until(qloop, lambda: not first.tasks.tasks, timeout=10, message="the demo")
        wait_reply(qloop, first)
        assert last_reply(first).status is MessageStatus.COMPLETE
        old_url = first.services.database.get_profile(DEMO_PROFILE_ID).base_url
    finally:
        _quit(qloop, first)

    second = _launch(qloop, memory_keyring)
    try:
        assert second.chat.profile is not None and second.chat.profile.id == DEMO_PROFILE_ID
        assert not second.services.demo.running, "the emulator starts on demand, not at start"
        # Its key is the emulator's of this run: "session", never "missing" or "stored".
        assert second.profiles_panel.key_status[DEMO_PROFILE_ID] is KeyStatus.SESSION
        assert "⏱" in second.sidebar.profile_list.currentItem().text()
        send(second, "Hello again")
        wait_reply(qloop, second)
        reply = last_reply(second)
        assert reply.status is MessageStatus.COMPLETE, second.chat.last_error
        assert "Hello again" in reply.text
        profile = second.services.database.get_profile(DEMO_PROFILE_ID)
        assert profile.base_url == second.services.demo.server.base_url != old_url
        assert memory_keyring.entries == {}, "demo keys never go to the keyring"
    finally:
        _quit(qloop, second)


def test_profile_dialog_says_the_demo_key_is_for_this_session(make_window, qloop, qtbot) -> None:
    window = make_window()
    window.start_demo()
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo")
    wait_reply(qloop, window)
    dialog = ProfileDialog(window.services, window, select_id=DEMO_PROFILE_ID)
    qtbot.addWidget(dialog)
    text = dialog.key_storage.text()
    assert text == "Demo key, kept for this session."
    assert "Stored in" not in text


def test_choosing_the_demo_after_a_relaunch_starts_its_emulator(qloop, qtbot, memory_keyring):
    first = _launch(qloop, memory_keyring)
    try:
        first.start_demo()
        run_until(qloop, lambda: not first.tasks.tasks, timeout=10, message="the demo")
        wait_reply(qloop, first)
    finally:
        _quit(qloop, first)
    second = _launch(qloop, memory_keyring)
    try:
        demo_row = [p.id for p in second.profiles_panel.profiles].index(DEMO_PROFILE_ID)
        second.sidebar.profile_list.setCurrentRow(-1)  # then clicked, as a user would
        second.sidebar.profile_list.setCurrentRow(demo_row)
        run_until(qloop, lambda: not second.tasks.tasks, timeout=10, message="the demo")
        assert second.services.demo.running
        profile = second.services.database.get_profile(DEMO_PROFILE_ID)
        assert profile.base_url == second.services.demo.server.base_url
        assert second.chat.profile == profile
        assert second.profiles_panel.key_status[DEMO_PROFILE_ID] is KeyStatus.SESSION
    finally:
        _quit(qloop, second)
