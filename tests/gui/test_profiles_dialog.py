"""Profiles & keys: create, edit, duplicate, delete, import, test; keys only in the keyring."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app.core.secrets import SecretStore
from desktop_app.emulator.agents import DEMO_AGENTS
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def _idle(loop, dialog) -> None:
    run_until(loop, lambda: not dialog.controller.busy, message="the profile operation")


def _fill(dialog, emulator, name: str = "Helpdesk") -> None:
    dialog.display_name.setText(name)
    dialog.base_url.setText(emulator.base_url)
    dialog.public_key.setText(emulator.credentials.public_key)
    dialog.secret_key.setText(emulator.credentials.secret_key)


def _save_new_profile(window, loop, emulator):
    """Create a profile for the first demo agent through the dialog; return the dialog."""
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.agent.setEditText(DEMO_AGENTS[0].agent_id)
    dialog.save_button.click()
    _idle(loop, dialog)
    return dialog


def _files_contain(root, needle: str) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            hits.append(str(path))
    return hits


def test_first_launch_shows_welcome_then_add_an_agent(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    window.welcome.add_button.click()
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.identifier.text() == window.services.identifier  # the installation id
    _fill(dialog, emulator)
    dialog.load_agents_button.click()
    _idle(qloop, dialog)
    assert dialog.agent.count() == len(DEMO_AGENTS)
    dialog.agent.setCurrentIndex(1)
    dialog.save_button.click()
    _idle(qloop, dialog)
    assert "Saved" in dialog.status.text()
    profiles = window.services.database.list_profiles()
    assert len(profiles) == 1
    profile = profiles[0]
    assert profile.agent_id == DEMO_AGENTS[1].agent_id
    assert profile.agent_name == DEMO_AGENTS[1].name
    assert window.pages.currentWidget() is window.chat_page
    assert window.sidebar.current_profile_id() == profile.id
    # The key pair is in the keyring, and nowhere on disk.
    secret = emulator.credentials.secret_key
    assert any(secret in value for value in memory_keyring.entries.values())
    window.services.writer.flush(5)
    assert _files_contain(window.services.paths.data_dir.parent, secret) == []
    assert "Stored in" in dialog.key_storage.text()


def test_edit_keeps_the_saved_key_and_duplicate_shares_it(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = _save_new_profile(window, qloop, emulator)
    original = window.services.database.list_profiles()[0]
    # Edit: rename without retyping the secret key.
    dialog.display_name.setText("Renamed")
    assert dialog.secret_key.text() == ""
    dialog.save_button.click()
    _idle(qloop, dialog)
    renamed = window.services.database.get_profile(original.id)
    assert renamed.display_name == "Renamed" and renamed.key_ref == original.key_ref
    # Duplicate: a second profile on the same keyring entry.
    dialog.duplicate_button.click()
    _idle(qloop, dialog)
    profiles = window.services.database.list_profiles()
    assert sorted(p.display_name for p in profiles) == ["Renamed", "Renamed (copy)"]
    assert {p.key_ref for p in profiles} == {original.key_ref}
    assert len(memory_keyring.entries) == 1


def test_delete_asks_first_and_removes_the_key_with_the_last_profile(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = _save_new_profile(window, qloop, emulator)
    dialog.duplicate_button.click()
    _idle(qloop, dialog)
    assert len(window.services.database.list_profiles()) == 2
    for remaining in (1, 0):
        dialog.delete_button.click()
        box = dialog.confirm_box
        assert box.isVisible()
        box.done(QMessageBox.StandardButton.Yes.value)
        _idle(qloop, dialog)
        assert len(window.services.database.list_profiles()) == remaining
        assert len(memory_keyring.entries) == remaining  # kept while a profile still uses it
    assert window.pages.currentWidget() is window.welcome


def test_test_connection_reports_balance_and_agent(make_window, qloop, emulator) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.agent.setEditText(DEMO_AGENTS[2].agent_id)
    dialog.test_button.click()
    _idle(qloop, dialog)
    text = dialog.status.text()
    assert f"Agent: {DEMO_AGENTS[2].name}" in text
    assert "credits available" in text
    emulator.state.subscription_active = False
    dialog.test_button.click()
    _idle(qloop, dialog)
    assert "no active subscription" in dialog.status.text()


def test_wrong_keys_are_explained(make_window, qloop, emulator) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.secret_key.setText("sk_wrong_secret_value")
    dialog.load_agents_button.click()
    _idle(qloop, dialog)
    assert "key was rejected" in dialog.status.text()
    assert "sk_wrong_secret_value" not in dialog.status.text()


def test_import_all_agents_makes_one_profile_each(make_window, qloop, emulator) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.import_button.click()
    _idle(qloop, dialog)
    profiles = window.services.database.list_profiles()
    assert sorted(p.agent_id for p in profiles) == sorted(a.agent_id for a in DEMO_AGENTS)
    assert len({p.key_ref for p in profiles}) == 1
    assert window.sidebar.profile_list.count() == len(DEMO_AGENTS)
    dialog.import_button.click()
    _idle(qloop, dialog)
    assert len(window.services.database.list_profiles()) == len(DEMO_AGENTS)  # no duplicates


def test_no_keyring_offers_this_session_only(make_window, qloop, emulator) -> None:
    from keyring.backends import fail

    window = make_window()
    window.services.secrets = SecretStore(fail.Keyring())
    dialog = window.open_profiles(new=True)
    assert dialog.session_only.isChecked() and not dialog.session_only.isEnabled()
    assert "session" in dialog.session_only.text()
    _fill(dialog, emulator)
    dialog.agent.setEditText(DEMO_AGENTS[0].agent_id)
    dialog.save_button.click()
    _idle(qloop, dialog)
    profile = window.services.database.list_profiles()[0]
    assert window.services.secrets.get(profile.key_ref) is not None  # in memory
    window.services.writer.flush(5)
    secret = emulator.credentials.secret_key
    assert _files_contain(window.services.paths.data_dir.parent, secret) == []


def test_profile_picker_marks_key_status(make_window, qloop, emulator) -> None:
    window = make_window()
    _save_new_profile(window, qloop, emulator)
    run_until(qloop, lambda: not window.tasks.tasks, message="key status")
    item = window.sidebar.profile_list.item(0)
    assert "🔑" in item.text()
    profile = window.services.database.list_profiles()[0]
    window.services.secrets.delete(profile.key_ref)
    window.open_profiles().profiles_changed.emit(profile.id)  # the dialog saved it
    run_until(qloop, lambda: not window.tasks.tasks, message="key status")
    assert "⚠" in window.sidebar.profile_list.item(0).text()
