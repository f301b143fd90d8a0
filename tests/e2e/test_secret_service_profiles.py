"""On a real gnome-keyring Secret Service, a profile the dialog refuses leaves no keyring item.

Re-runs itself inside scripts/with-secret-service.sh (see tests/e2e/secret_service_run.py), so
the user's own keyring is never touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.secrets import SERVICE, SecretStore
from desktop_app.emulator.agents import DEMO_AGENTS
from tests.e2e.secret_service_run import INSIDE, rerun_inside
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = [pytest.mark.secret_service, pytest.mark.timeout(120), OFFSCREEN_NOISE]


def _our_items() -> list[str]:
    """The usernames of every item the app has in the Secret Service, read over D-Bus."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        items = collection.search_items({"service": SERVICE})
        return sorted(item.get_attributes()["username"] for item in items)
    finally:
        connection.close()


def test_a_refused_profile_leaves_no_secret_service_item(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if not INSIDE:
        rerun_inside(__file__, "test_a_refused_profile_leaves_no_secret_service_item", tmp_path)
        return
    # The window fixtures are only wanted inside, on the private session bus.
    make_window = request.getfixturevalue("make_window")
    qloop = request.getfixturevalue("qloop")
    emulator = request.getfixturevalue("emulator")
    from keyring.backends import SecretService

    window = make_window()
    # The Secret Service backend itself: the window's warm-up thread may be importing keyring's
    # backends meanwhile, which a discovery by keyring_backends.native_backend() would race.
    window.services.secrets = SecretStore(SecretService.Keyring())
    assert window.services.secrets.available(), window.services.secrets.problem()
    dialog = window.open_profiles(new=True)
    dialog.display_name.setText("Helpdesk")
    dialog.base_url.setText(emulator.base_url)
    dialog.public_key.setText(emulator.credentials.public_key)
    dialog.secret_key.setText(emulator.credentials.secret_key)
    dialog.agent.setEditText(DEMO_AGENTS[0].agent_id)
    assert _our_items() == []
    refusals = [
        (dialog.display_name, "x" * 101, "too long"),
        (dialog.identifier, "josé@example.com", "plain ASCII"),
        (dialog.identifier, "line\nbreak", "plain ASCII"),
    ]
    for field, value, sentence in refusals:
        field.setText(value)
        dialog.save_button.click()
        run_until(qloop, lambda: not dialog.controller.busy, message="the refused save")
        assert sentence in dialog.status.text()
        assert _our_items() == []
        field.setText("Helpdesk" if field is dialog.display_name else "")
    assert window.services.database.list_profiles() == []
    # The same form with a plain identifier stores exactly one item (removed again here).
    dialog.identifier.setText("jose@example.com")
    dialog.save_button.click()
    run_until(qloop, lambda: not dialog.controller.busy, message="the save")
    [profile] = window.services.database.list_profiles()
    assert _our_items() == [profile.key_ref]
    window.services.secrets.delete(profile.key_ref)
    assert _our_items() == []
