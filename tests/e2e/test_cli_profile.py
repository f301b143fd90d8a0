"""`--profile NAME`: the command line reads a saved profile and its keyring key (in-process)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.models import Credentials
from desktop_app.core.paths import app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.secrets import SecretStore, key_ref
from desktop_app.core.storage import Database
from desktop_app.emulator.server import EmulatorServer

AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b02"


@pytest.fixture
def saved_profile(emulator: EmulatorServer, memory_keyring) -> str:
    """A profile named "Support desk" for the emulator, its key pair in the (memory) keyring."""
    keys = Credentials(emulator.credentials.public_key, emulator.credentials.secret_key)
    ref = key_ref(emulator.base_url, keys.public_key)
    SecretStore().set(ref, keys)
    database = Database.open(app_paths().ensure().database_path)
    try:
        database.save_profile(
            new_profile(
                "Support desk",
                AGENT,
                base_url=emulator.base_url,
                identifier="profile-user",
                key_ref=ref,
            )
        )
    finally:
        database.close()
    return "Support desk"


def test_chat_with_a_saved_profile(
    saved_profile: str, emulator: EmulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["chat", "--profile", saved_profile.upper(), "--json", "hi there"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["outcome"] == "completed"
    request = emulator.state.requests[-1]
    assert request.path.endswith(f"/agents/chat/{AGENT}")
    assert request.header("X-Agent-Identifier") == "profile-user"


def test_history_uses_the_profile_agent(
    saved_profile: str, emulator: EmulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["history", "--profile", saved_profile, "--limit", "3"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Page 1" in out or "No messages." in out
    assert emulator.state.requests[-1].path.endswith(f"/chat-history/agent/{AGENT}")


def test_unknown_profile_lists_the_known_ones(
    saved_profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["balance", "--profile", "Sales"]) == 2
    err = capsys.readouterr().err
    assert "no profile named 'Sales'" in err and "Support desk" in err


def test_profile_without_a_saved_key(
    saved_profile: str, memory_keyring, capsys: pytest.CaptureFixture[str]
) -> None:
    memory_keyring.entries.clear()
    assert main(["agents", "--profile", saved_profile]) == 2
    assert "No key is saved for the profile 'Support desk'" in capsys.readouterr().err
