"""Shared test set-up: Qt offscreen, an isolated app home and no OS keyring for every test."""

from __future__ import annotations

import gc
import os

# Before anything imports Qt: no display is needed or wanted in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Collect only on the main (GUI) thread, between tests, as the app does with
    # gui.main_thread_gc: a collection that happens to run on the emulator's or a worker's
    # thread would destroy Qt objects there, which Qt forbids and which can crash.
    gc.disable()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    from desktop_app.gui.main_thread_gc import collect_if_due

    collect_if_due()


pytest_plugins = [
    "tests.fixtures.dirs",
    "tests.fixtures.keyring",
    "tests.fixtures.emulator",
    "tests.fixtures.qt",
]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the app's data/config dirs at a fresh temporary folder, never the real user's."""
    home = tmp_path_factory.mktemp("agentsgt-home")
    monkeypatch.setenv("AGENTSGT_DESKTOP_HOME", str(home))
    monkeypatch.delenv("AGENTSGT_PUBLIC_KEY", raising=False)
    monkeypatch.delenv("AGENTSGT_SECRET_KEY", raising=False)
    # The window in English whatever the developer's locale: a started app (a subprocess)
    # follows the OS language, which Qt reads from LANGUAGE first on Unix.
    monkeypatch.setenv("LANGUAGE", "en")
    return home


@pytest.fixture(autouse=True)
def _keep_away_from_os_keyring(request: pytest.FixtureRequest):
    """No test writes to the developer's real keyring, except the one that sets up its own.

    The Secret Service test runs gnome-keyring under a private D-Bus session of its own; every
    other test gets keyring's fail backend (in this process and its children) unless it asks
    for `memory_keyring`.
    """
    if request.node.get_closest_marker("secret_service") is None:
        request.getfixturevalue("no_os_keyring")
