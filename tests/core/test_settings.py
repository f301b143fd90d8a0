"""Settings and UI state: validation, atomic save, recovery from a damaged file."""

# ruff: noqa: F811  (fixtures imported by name, until tests/conftest.py registers them)

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import (
    MAX_DRAFTS,
    Language,
    ProxyMode,
    SendShortcut,
    Settings,
    SettingsStore,
    Theme,
    UiState,
    UiStateStore,
    default_font_size,
    validate,
)
from tests.fixtures.dirs import app_home  # noqa: F401  (until tests/conftest.py registers it)


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".bad-*"))


# --- the Settings record -------------------------------------------------------------------


def test_defaults_are_sensible() -> None:
    settings = Settings()
    assert settings.theme is Theme.SYSTEM
    assert settings.send_shortcut is SendShortcut.ENTER
    assert settings.proxy_mode is ProxyMode.SYSTEM and settings.proxy_url is None
    assert settings.font_size == default_font_size()
    assert (settings.connect_timeout, settings.idle_timeout) == (10.0, 60.0)
    assert settings.last_profile_id is None
    assert settings.language is Language.SYSTEM


@pytest.mark.parametrize(("platform", "size"), [("darwin", 13), ("win32", 10), ("linux", 11)])
def test_default_font_size_suits_the_platform(platform: str, size: int) -> None:
    assert default_font_size(platform) == size


def test_language_is_kept_through_json() -> None:
    saved = Settings().replace(language="es").to_json()
    assert saved["language"] == "es"
    assert Settings.from_json(saved).language is Language.SPANISH


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().font_size = 20  # type: ignore[misc]


def test_replace_accepts_strings_for_enums_and_ints_for_seconds() -> None:
    changed = Settings().replace(theme="dark", send_shortcut="ctrl_enter", connect_timeout=5)
    assert changed.theme is Theme.DARK
    assert changed.send_shortcut is SendShortcut.CTRL_ENTER
    assert changed.connect_timeout == 5.0 and isinstance(changed.connect_timeout, float)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"font_size": 7}, "Font size must be a whole number from 8 to 32 (got 7)."),
        ({"font_size": 33}, "Font size must be a whole number from 8 to 32 (got 33)."),
        ({"font_size": 11.5}, "Font size must be a whole number from 8 to 32"),
        ({"font_size": True}, "Font size must be a whole number from 8 to 32"),
        ({"font_size": "12"}, "Font size must be a whole number from 8 to 32"),
        ({"connect_timeout": 0.5}, "Connect timeout must be between 1 and 120 seconds (got 0.5)."),
        ({"connect_timeout": float("inf")}, "Connect timeout must be between 1 and 120 seconds"),
        ({"idle_timeout": 601}, "Idle timeout must be between 5 and 600 seconds (got 601)."),
        ({"idle_timeout": float("nan")}, "Idle timeout must be between 5 and 600 seconds"),
        ({"theme": "blue"}, "Theme must be one of system, light, dark (got 'blue')."),
        ({"send_shortcut": "shift"}, "Send shortcut must be one of enter, ctrl_enter"),
        ({"proxy_mode": "auto"}, "Proxy mode must be one of system, none, custom"),
        ({"language": "fr"}, "Language must be one of system, en, es (got 'fr')."),
        ({"proxy_mode": "custom"}, "Proxy URL is required when the proxy mode is custom"),
        ({"proxy_mode": "custom", "proxy_url": "   "}, "Proxy URL is required"),
        ({"proxy_url": "ftp://proxy:21"}, "Proxy URL must start with one of http://, https://"),
        ({"proxy_url": "proxy.example.com:8080"}, "Proxy URL must start with one of"),
        ({"proxy_url": "http://:8080"}, "Proxy URL must name a host"),
        ({"proxy_url": "http://proxy:99999"}, "Proxy URL has a bad port number"),
        ({"proxy_url": "http://proxy:8080/path"}, "no path or query"),
        ({"proxy_url": "http://me:hunter2@proxy:8080"}, "must not contain a password"),
        ({"proxy_url": 8080}, "Proxy URL must be text"),
        ({"last_profile_id": 12}, "Last profile id must be a short text id"),
        ({"colour": "red"}, "There is no setting called 'colour'."),
    ],
)
def test_invalid_values_are_refused_with_a_sentence(changes: dict, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Settings().replace(**changes)
    assert message in caught.value.message


def test_password_in_a_proxy_url_never_reaches_the_message() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Settings().replace(proxy_url="http://me:hunter2@proxy:8080")
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://proxy.example.com:8080",
        "https://proxy",
        "socks5://127.0.0.1:1080",
        "SOCKS5H://[::1]:1080/",
        "http://user@proxy:3128",
    ],
)
def test_good_proxy_urls_are_accepted(url: str) -> None:
    settings = Settings(proxy_mode=ProxyMode.CUSTOM, proxy_url=f"  {url} ")
    assert settings.proxy_url == url


def test_blank_proxy_url_outside_custom_mode_is_none() -> None:
    assert Settings(proxy_mode=ProxyMode.NONE, proxy_url="").proxy_url is None


def test_validate_rechecks_and_returns_the_settings() -> None:
    settings = Settings(font_size=14)
    assert validate(settings) == settings


def test_from_json_ignores_unknown_keys_and_fills_missing_ones() -> None:
    loaded = Settings.from_json({"version": 7, "theme": "light", "future_option": [1, 2]})
    assert loaded == Settings(theme=Theme.LIGHT)


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    theme=st.sampled_from(Theme),
    font_size=st.integers(8, 32),
    shortcut=st.sampled_from(SendShortcut),
    connect=st.floats(1, 120),
    idle=st.floats(5, 600),
    profile=st.none() | st.text(min_size=1, max_size=40),
)
def test_any_valid_settings_survive_a_json_round_trip(
    theme, font_size, shortcut, connect, idle, profile
) -> None:
    settings = Settings(
        theme=theme,
        font_size=font_size,
        send_shortcut=shortcut,
        connect_timeout=connect,
        idle_timeout=idle,
        last_profile_id=profile,
    )
    assert Settings.from_json(json.loads(json.dumps(settings.to_json()))) == settings


# --- SettingsStore ---------------------------------------------------------------------------


def test_missing_file_gives_defaults_and_no_problem(app_home: AppPaths) -> None:
    store = SettingsStore(app_home.settings_path)
    assert store.load() == Settings()
    assert store.load_problem is None


def test_save_then_load_round_trips(app_home: AppPaths) -> None:
    store = SettingsStore(app_home.settings_path)
    settings = Settings(
        theme=Theme.DARK,
        font_size=15,
        proxy_mode="custom",
        proxy_url="socks5://127.0.0.1:9050",
        last_profile_id="p-1",
    )
    store.save(settings)
    saved = json.loads(app_home.settings_path.read_text(encoding="utf-8"))
    assert saved["version"] == 1 and saved["theme"] == "dark"
    assert SettingsStore(app_home.settings_path).load() == settings


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"theme": "dark", ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2, 3]", "it does not hold a JSON object"),
        (b'{"font_size": 99}', "Font size must be a whole number from 8 to 32 (got 99)"),
        (b'{"proxy_mode": "custom"}', "Proxy URL is required"),
    ],
)
def test_damaged_file_gives_defaults_keeps_a_backup_and_explains(
    app_home: AppPaths, content: bytes, reason: str
) -> None:
    path = app_home.settings_path
    path.write_bytes(content)
    store = SettingsStore(path)
    assert store.load() == Settings()
    (backup,) = backups(path)
    assert backup.read_bytes() == content
    assert not path.exists()
    assert store.load_problem is not None
    assert reason in store.load_problem
    assert backup.name in store.load_problem
    # The next save writes a fresh file and the next load is clean again.
    store.save(Settings(font_size=12))
    assert store.load() == Settings(font_size=12) and store.load_problem is None


def test_two_damaged_files_in_the_same_second_get_distinct_backups(app_home: AppPaths) -> None:
    path = app_home.settings_path
    store = SettingsStore(path)
    for content in (b"{", b"}"):
        path.write_bytes(content)
        store.load()
    assert sorted(b.read_bytes() for b in backups(path)) == [b"{", b"}"]


def test_unreadable_settings_give_defaults_without_moving_anything(app_home: AppPaths) -> None:
    app_home.settings_path.mkdir()  # a directory where the file should be: reading fails
    store = SettingsStore(app_home.settings_path)
    assert store.load() == Settings()
    assert store.load_problem is not None and "could not be read" in store.load_problem
    assert backups(app_home.settings_path) == []


def test_failed_save_keeps_the_previous_settings(app_home: AppPaths, monkeypatch) -> None:
    store = SettingsStore(app_home.settings_path)
    store.save(Settings(font_size=20))

    def crash(src: str, dst: str) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.save(Settings(font_size=9))
    monkeypatch.undo()
    assert store.load() == Settings(font_size=20)
    assert list(app_home.config_dir.iterdir()) == [app_home.settings_path]


# --- UiState -------------------------------------------------------------------------------


def test_drafts_are_kept_per_conversation() -> None:
    state = UiState().with_draft("c1", "hello").with_draft("c2", "other")
    assert state.draft("c1") == "hello" and state.draft("c2") == "other"
    assert state.draft("nope") == ""
    cleared = state.with_draft("c1", "   ")
    assert cleared.draft("c1") == "" and "c1" not in cleared.drafts
    assert state.draft("c1") == "hello", "frozen: the original is unchanged"


def test_drafts_keep_only_the_most_recently_edited() -> None:
    state = UiState()
    for index in range(MAX_DRAFTS + 5):
        state = state.with_draft(f"c{index}", "text")
    assert len(state.drafts) == MAX_DRAFTS
    assert state.draft("c0") == "" and state.draft(f"c{MAX_DRAFTS + 4}") == "text"


def test_mappings_are_read_only() -> None:
    state = UiState(drafts={"c": "x"}, splitters={"main": (1, 2)})
    with pytest.raises(TypeError):
        state.drafts["c"] = "y"  # type: ignore[index]
    with pytest.raises(TypeError):
        state.splitters["main"] = (3,)  # type: ignore[index]


def test_ui_state_round_trips_through_the_store(app_home: AppPaths) -> None:
    geometry = bytes(range(256))
    state = (
        UiState()
        .with_geometry(geometry, b"\x00state")
        .with_splitter("main", [250, 750])
        .with_draft("conv-1", "half-written 👋 message")
    )
    store = UiStateStore(app_home.ui_state_path)
    store.save(state)
    loaded = UiStateStore(app_home.ui_state_path).load()
    assert loaded == state
    assert loaded.geometry_bytes() == geometry and loaded.state_bytes() == b"\x00state"
    assert loaded.splitter("main") == (250, 750) and loaded.splitter("other") == ()


def test_odd_pieces_of_ui_state_are_dropped_not_fatal(app_home: AppPaths) -> None:
    app_home.ui_state_path.write_text(
        json.dumps(
            {
                "window_geometry": "not base64!!",
                "splitters": {"main": [100, -1], "side": [1, 2], "bad": "x"},
                "drafts": {"c1": "keep", "c2": 5, "c3": ""},
            }
        ),
        encoding="utf-8",
    )
    store = UiStateStore(app_home.ui_state_path)
    state = store.load()
    assert state.window_geometry is None
    assert dict(state.splitters) == {"side": (1, 2)}
    assert dict(state.drafts) == {"c1": "keep"}
    assert store.load_problem is None


def test_corrupt_ui_state_gives_an_empty_state_and_a_backup(app_home: AppPaths) -> None:
    app_home.ui_state_path.write_bytes(b"\x00\x01")
    store = UiStateStore(app_home.ui_state_path)
    assert store.load() == UiState()
    assert len(backups(app_home.ui_state_path)) == 1
    assert store.load_problem is not None and "window state" in store.load_problem
