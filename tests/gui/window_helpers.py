"""Helpers for the window tests: a profile for the emulator, typing, waiting for a reply."""

from __future__ import annotations

import pytest

from desktop_app.core.models import Credentials
from desktop_app.core.profiles import Profile, new_profile
from desktop_app.core.secrets import key_ref
from desktop_app.emulator.agents import DEMO_AGENTS
from tests.fixtures.qt import run_until

# The offscreen platform says these whenever a top-level window is shown or raised: harmless.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def add_emulator_profile(
    window, emulator, *, name: str = "Support", agent_index: int = 0
) -> Profile:
    """Save a profile for the emulator with its keys in the (in-memory) keyring; select it."""
    agent = DEMO_AGENTS[agent_index]
    keys = emulator.credentials
    ref = key_ref(emulator.base_url, keys.public_key)
    window.services.secrets.set(ref, Credentials(keys.public_key, keys.secret_key))
    profile = new_profile(
        name, agent.agent_id, base_url=emulator.base_url, agent_name=agent.name, key_ref=ref
    )
    window.services.database.save_profile(profile)
    window.reload_profiles(select_id=profile.id)
    return profile


def send(window, text: str) -> None:
    """Type `text` in the composer and press Send."""
    window.composer.editor.setPlainText(text)
    window.composer.send_button.click()


def wait_reply(loop, window, timeout: float = 15.0) -> None:
    """Run the loop until no reply is streaming (and the window has said so)."""
    run_until(
        loop,
        lambda: not window.chat.streaming and not window.actions_.stop.isEnabled(),
        timeout=timeout,
        message="the reply",
    )


def last_reply(window):
    """The newest assistant message of the open conversation."""
    reply = window.chat.session.last_reply()
    assert reply is not None
    return reply
