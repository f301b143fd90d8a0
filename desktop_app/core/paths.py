"""Every path the app uses (per-user dirs, portable home, resources) and the one atomic write."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import APP_ID, APP_NAME
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.messages import translate

HOME_ENV = "AGENTSGT_DESKTOP_HOME"
RESOURCES_DIRNAME = "resources"

_DATABASE_FILE = "history.sqlite3"
_SETTINGS_FILE = "settings.json"
_UI_STATE_FILE = "ui-state.json"
_IDENTITY_FILE = "installation-id"
_LOG_FILE = f"{APP_ID}.log"


class AppFolderError(AgentsGTError):
    """One of the app's folders (data, settings, cache, logs) cannot be created."""


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four per-user directories of the app and the well-known files inside them."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def database_path(self) -> Path:
        """The SQLite history database."""
        return self.data_dir / _DATABASE_FILE

    @property
    def settings_path(self) -> Path:
        """The user's settings (JSON, written atomically)."""
        return self.config_dir / _SETTINGS_FILE

    @property
    def ui_state_path(self) -> Path:
        """Window geometry, splitter sizes and drafts: state, not configuration."""
        return self.data_dir / _UI_STATE_FILE

    @property
    def identity_path(self) -> Path:
        """The installation identifier file (see core/identity.py)."""
        return self.config_dir / _IDENTITY_FILE

    @property
    def log_path(self) -> Path:
        """The app's log file."""
        return self.log_dir / _LOG_FILE

    def all_dirs(self) -> tuple[Path, ...]:
        """The distinct directories, in a stable order (on macOS/Windows some coincide)."""
        seen: list[Path] = []
        for path in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            if path not in seen:
                seen.append(path)
        return tuple(seen)

    def ensure(self) -> AppPaths:
        """Create the directories (private to the user on POSIX: 0o700) and return self.

        An existing directory loses its group and other permissions but gains none: one the
        user made read-only stays read-only (the history then says so with a sentence), and
        one that cannot be changed (another owner, a read-only mount) is left as it is.
        Raises AppFolderError when a directory cannot be created.
        """
        for path in self.all_dirs():
            if path.is_dir():
                if os.name == "posix":
                    _make_private(path)
                continue
            try:
                path.mkdir(parents=True, exist_ok=True)
                if os.name == "posix":
                    # mkdir's mode is masked by the umask; chmod makes "private" hold regardless.
                    path.chmod(0o700)
            except OSError as exc:
                raise AppFolderError(
                    translate(
                        "AppFolder",
                        "Cannot create the folder {path}: {reason}. Check the "
                        "permissions of the folder above it, or choose another with {variable}.",
                    ).format(path=path, reason=exc.strerror or exc, variable=HOME_ENV)
                ) from exc
        return self


def _make_private(path: Path) -> None:
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def home_paths(root: Path) -> AppPaths:
    """All four directories under one root: the portable/test layout."""
    root = root.expanduser().resolve()
    return AppPaths(
        data_dir=root / "data",
        config_dir=root / "config",
        cache_dir=root / "cache",
        log_dir=root / "logs",
    )


def platform_paths() -> AppPaths:
    """The native per-user directories for this OS, from platformdirs.

    Linux uses the lower-case id ("~/.config/agentsgt-desktop") as XDG apps do; macOS and
    Windows use the display name ("~/Library/Application Support/AgentsGT Desktop",
    "%LOCALAPPDATA%\\AgentsGT Desktop"). Windows dirs are local, not roaming: the
    installation identifier must stay with this machine.
    """
    import platformdirs  # imported here: only needed once, and keeps `import paths` cheap

    name = APP_NAME if sys.platform in ("win32", "darwin") else APP_ID
    dirs = platformdirs.PlatformDirs(appname=name, appauthor=False, roaming=False)
    return AppPaths(
        data_dir=Path(dirs.user_data_dir),
        config_dir=Path(dirs.user_config_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
    )


def app_paths() -> AppPaths:
    """The app's paths: under $AGENTSGT_DESKTOP_HOME when set (tests, portable), else native.

    Does not create anything; call `.ensure()` before writing.
    """
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return home_paths(Path(home))
    return platform_paths()


def resources_dir() -> Path:
    """The `resources/` directory, from a PyInstaller bundle or a source checkout.

    Frozen: `sys._MEIPASS/resources` (the spec must add `("resources", "resources")` to datas).
    Source: `<repo>/resources`. A `desktop_app/resources` inside the package is also accepted,
    for wheels that ship resources as package data.
    """
    package_dir = Path(__file__).resolve().parent.parent
    checkout = package_dir.parent / RESOURCES_DIRNAME
    candidates = [package_dir / RESOURCES_DIRNAME, checkout]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidates.insert(0, Path(bundle) / RESOURCES_DIRNAME)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    # Nothing found: name the place it should have been, so the error message is useful.
    return candidates[0] if len(candidates) == 3 else checkout


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. `resource_path("icons", "app.svg")`.

    Parts may not climb out of the resources directory.
    """
    if any(".." in Path(part).parts or Path(part).is_absolute() for part in parts):
        raise ValueError(f"A resource path must stay inside resources/: {'/'.join(parts)}")
    return resources_dir().joinpath(*parts)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file whole.

    Writes a temp file in the same directory (same filesystem, so the rename is atomic),
    fsyncs it, then `os.replace`s it over the target and fsyncs the directory (POSIX).
    The temp file is created 0o600, so the result is private to the user; a process killed
    mid-write leaves it listed for `temp_files.remove_stale_temp_files`. A target that is not
    a regular file (a terminal, a pipe, /dev/null) is written to directly: it cannot be
    replaced, and must not be.
    """
    if _is_special(path):
        with path.open("wb") as handle:
            handle.write(data)
        return
    from desktop_app.core.temp_files import sibling_temp_file  # it imports this module

    path.parent.mkdir(parents=True, exist_ok=True)
    with sibling_temp_file(path) as (fd, temp):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    _fsync_dir(path.parent)


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write_json(path: Path, value: Any) -> None:
    """Write `value` as pretty UTF-8 JSON to `path` atomically (see `atomic_write_bytes`)."""
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; Windows cannot open directories, and it is best effort.
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
