"""Paths, the atomic write, bundled resources and the installation identifier."""

# ruff: noqa: F811  (fixtures imported by name, until tests/conftest.py registers them)

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.core import paths as paths_module
from desktop_app.core.identity import installation_identifier, new_identifier
from desktop_app.core.paths import (
    HOME_ENV,
    AppFolderError,
    AppPaths,
    app_paths,
    atomic_write_bytes,
    atomic_write_json,
    home_paths,
    platform_paths,
    resource_path,
    resources_dir,
)
from tests.fixtures.dirs import app_home  # noqa: F401  (until tests/conftest.py registers it)

REPO_ROOT = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"


def test_home_env_puts_every_dir_under_the_root(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "portable"))
    paths = app_paths()
    root = (tmp_path / "portable").resolve()
    for directory in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert directory.parent == root
    assert len(paths.all_dirs()) == 4
    assert paths.database_path.parent == paths.data_dir
    assert paths.settings_path == paths.config_dir / "settings.json"
    assert paths.ui_state_path.parent == paths.data_dir
    assert paths.identity_path.parent == paths.config_dir
    assert paths.log_path.parent == paths.log_dir
    assert not root.exists(), "app_paths() must not create anything by itself"


def test_blank_home_env_means_native_dirs(monkeypatch) -> None:
    monkeypatch.setenv(HOME_ENV, "  ")
    assert app_paths() == platform_paths()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG layout is Linux's")
def test_linux_uses_xdg_dirs_and_the_lower_case_id(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    paths = app_paths()
    assert paths.data_dir == tmp_path / "share" / "agentsgt-desktop"
    assert paths.config_dir == tmp_path / "config" / "agentsgt-desktop"
    assert paths.cache_dir == tmp_path / "cache" / "agentsgt-desktop"
    assert paths.log_dir.is_relative_to(tmp_path / "state" / "agentsgt-desktop")


def test_macos_and_windows_use_the_display_name(monkeypatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert "AgentsGT Desktop" in platform_paths().data_dir.parts


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_ensure_creates_private_dirs_despite_umask(app_home: AppPaths, tmp_path: Path) -> None:
    paths = paths_module.home_paths(tmp_path / "fresh")
    old_umask = os.umask(0o022)
    try:
        paths.ensure()
    finally:
        os.umask(old_umask)
    for directory in paths.all_dirs():
        assert directory.is_dir()
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    paths.config_dir.chmod(0o755)
    paths.ensure()  # idempotent, and tightens a loosened dir
    assert stat.S_IMODE(paths.config_dir.stat().st_mode) == 0o700


def test_app_home_fixture_points_at_a_created_tmp_home(app_home: AppPaths) -> None:
    assert Path(os.environ[HOME_ENV]).resolve() in app_home.data_dir.parents
    assert all(directory.is_dir() for directory in app_home.all_dirs())
    assert app_paths() == app_home


def test_resources_dir_from_a_source_checkout() -> None:
    assert resources_dir() == REPO_ROOT / "resources"
    assert resource_path("icons", "app.svg") == REPO_ROOT / "resources" / "icons" / "app.svg"


def test_resources_dir_when_frozen_by_pyinstaller(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert resource_path("style.qss") == tmp_path / "resources" / "style.qss"


@pytest.mark.parametrize("parts", [("..", "secret"), ("icons/../../x",), ("/etc/passwd",)])
def test_resource_path_stays_inside_resources(parts: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="inside resources"):
        resource_path(*parts)


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "data.json"
    atomic_write_json(target, {"a": 1, "text": "ünïcode"})
    atomic_write_json(target, {"a": 2})
    assert target.read_text(encoding="utf-8") == '{\n  "a": 2\n}\n'
    assert [p.name for p in target.parent.iterdir()] == ["data.json"]
    if POSIX:
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_atomic_write_failing_before_replace_keeps_the_old_file(
    tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "data.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk vanished")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk vanished"):
        atomic_write_bytes(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_a_crash_between_write_and_replace_keeps_the_old_file(tmp_path: Path) -> None:
    """A real process death (os._exit) after the temp file is written, before the rename."""
    target = tmp_path / "settings.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.core import paths\n"
        "os.replace = lambda src, dst: os._exit(9)  # die right before the rename\n"
        "paths.atomic_write_json(Path(sys.argv[1]), {'new': True})\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)], cwd=REPO_ROOT, timeout=30, check=False
    )
    assert result.returncode == 9
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert len(leftovers) == 1, "the crash leaves the complete temp file, never a torn target"
    assert leftovers[0].read_text(encoding="utf-8") == '{\n  "new": true\n}\n'


def test_installation_identifier_is_created_once_and_kept(app_home: AppPaths) -> None:
    first = installation_identifier(app_home)
    assert first.startswith("desktop-") and len(first) == len("desktop-") + 12
    assert app_home.identity_path.read_text(encoding="ascii").strip() == first
    assert installation_identifier(app_home) == first
    assert new_identifier() != first


def test_installation_identifier_differs_per_installation(tmp_path: Path) -> None:
    one = paths_module.home_paths(tmp_path / "one")
    two = paths_module.home_paths(tmp_path / "two")
    assert installation_identifier(one) != installation_identifier(two)


def test_damaged_identifier_file_is_replaced(app_home: AppPaths) -> None:
    app_home.identity_path.write_text("garbage\n", encoding="ascii")
    fresh = installation_identifier(app_home)
    assert fresh.startswith("desktop-")
    assert installation_identifier(app_home) == fresh


def test_concurrent_first_starts_agree_on_one_identifier(app_home: AppPaths) -> None:
    barrier = threading.Barrier(8)
    results: list[str] = []

    def start() -> None:
        barrier.wait()
        results.append(installation_identifier(app_home))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(results) == 8 and len(set(results)) == 1
    assert [p.name for p in app_home.config_dir.iterdir()] == ["installation-id"]


def test_platform_modules_import_neither_qt_nor_keyring() -> None:
    """paths/settings/identity/secrets stay cheap to import: keyring loads only on first use."""
    script = (
        "import sys\n"
        "import desktop_app.core.paths, desktop_app.core.settings\n"
        "import desktop_app.core.identity, desktop_app.core.secrets\n"
        "s = desktop_app.core.secrets.SecretStore()\n"
        "bad = [m for m in ('keyring', 'PySide6', 'qasync') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        timeout=30,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported too early: {result.stdout}"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_ensure_never_makes_a_read_only_folder_writable(app_home: AppPaths) -> None:
    app_home.data_dir.chmod(0o555)
    try:
        app_home.ensure()
        assert stat.S_IMODE(app_home.data_dir.stat().st_mode) == 0o500
    finally:
        app_home.data_dir.chmod(0o700)


def test_a_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(AppFolderError) as info:
        home_paths(blocker / "home").ensure()
    assert str(blocker / "home") in info.value.message and "Traceback" not in info.value.message
