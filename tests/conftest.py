"""Shared test set-up: Qt offscreen, an isolated app home for every test, shared fixtures."""

from __future__ import annotations

import os

# Before anything imports Qt: no display is needed or wanted in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

pytest_plugins: list[str] = []


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the app's data/config dirs at a fresh temporary folder, never the real user's."""
    home = tmp_path_factory.mktemp("agentsgt-home")
    monkeypatch.setenv("AGENTSGT_DESKTOP_HOME", str(home))
    monkeypatch.delenv("AGENTSGT_PUBLIC_KEY", raising=False)
    monkeypatch.delenv("AGENTSGT_SECRET_KEY", raising=False)
    return home
