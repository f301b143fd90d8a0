"""A profile or key pair the dialog refuses writes nothing: no keyring entry, no profile row."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from desktop_app.core.secrets import SecretStore, key_ref
from desktop_app.emulator.agents import DEMO_AGENTS
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

ASCII_SENTENCE = "sent as the X-Agent-Identifier header, so it must be plain ASCII"


def _idle(loop, dialog) -> None:
    run_until(loop, lambda: not dialog.controller.busy, message="the profile operation")


def _fill(dialog, emulator, *, identifier: str = "user-123") -> None:
    dialog.display_name.setText("Helpdesk")
    dialog.base_url.setText(emulator.base_url)
    dialog.public_key.setText(emulator.credentials.public_key)
    dialog.secret_key.setText(emulator.credentials.secret_key)
    dialog.agent.setEditText(DEMO_AGENTS[0].agent_id)
    dialog.identifier.setText(identifier)


def _save(loop, dialog) -> None:
    dialog.save_button.click()
    _idle(loop, dialog)


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [("agent", "not-a-uuid", "not a UUID"), ("display_name", "x" * 101, "too long")],
)
def test_a_refused_profile_leaves_no_orphan_keyring_entry(
    make_window, qloop, emulator, memory_keyring, field, value, sentence
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    if field == "agent":
        dialog.agent.setEditText(value)
    else:
        dialog.display_name.setText(value)
    _save(qloop, dialog)
    assert sentence in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.services.database.list_profiles() == []


def test_a_non_ascii_identifier_is_refused_before_the_keyring_is_written(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator, identifier="josé@example.com")
    _save(qloop, dialog)
    assert ASCII_SENTENCE in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.services.database.list_profiles() == []
    # Fixed, the same form saves: the key pair and the profile both arrive.
    dialog.identifier.setText("jose@example.com")
    _save(qloop, dialog)
    assert "Saved" in dialog.status.text()
    assert len(memory_keyring.entries) == 1
    assert [p.identifier for p in window.services.database.list_profiles()] == ["jose@example.com"]


def test_a_base_url_with_a_password_is_refused_and_nothing_is_stored(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.base_url.setText(emulator.base_url.replace("http://", "http://user:pass@"))
    _save(qloop, dialog)
    assert "must not contain a user name or password" in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.services.database.list_profiles() == []


def test_keys_the_client_would_refuse_are_refused_at_save(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    dialog.secret_key.setText("sk_with a_space_inside")
    _save(qloop, dialog)
    assert "secret key contains spaces" in dialog.status.text()
    assert "a_space_inside" not in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.services.database.list_profiles() == []


def test_editing_into_an_invalid_profile_leaves_no_new_entry(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator)
    _save(qloop, dialog)
    saved = window.services.database.list_profiles()
    before = dict(memory_keyring.entries)
    # New keys (a new keyring entry) together with an identifier the client would refuse.
    dialog.public_key.setText("pk_rotated_public")
    dialog.secret_key.setText("sk_rotated_secret")
    dialog.identifier.setText("José")
    _save(qloop, dialog)
    assert ASCII_SENTENCE in dialog.status.text()
    assert memory_keyring.entries == before
    assert window.services.database.list_profiles() == saved


def test_session_only_keys_are_not_kept_for_a_refused_profile(make_window, qloop, emulator) -> None:
    window = make_window()
    window.services.secrets = SecretStore(fail.Keyring())
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator, identifier="josé@example.com")
    _save(qloop, dialog)
    assert ASCII_SENTENCE in dialog.status.text()
    # Without a keyring, get() of a missing entry raises: the store's repr counts its entries.
    assert "session_entries=0" in repr(window.services.secrets)
    dialog.identifier.setText("jose@example.com")
    _save(qloop, dialog)
    ref = key_ref(emulator.base_url, emulator.credentials.public_key)
    assert window.services.secrets.get(ref).secret_key == emulator.credentials.secret_key
    assert "session_entries=1" in repr(window.services.secrets)


def test_import_all_with_a_refused_identifier_stores_no_key(
    make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    _fill(dialog, emulator, identifier="josé@example.com")
    dialog.import_button.click()
    _idle(qloop, dialog)
    assert ASCII_SENTENCE in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.services.database.list_profiles() == []
