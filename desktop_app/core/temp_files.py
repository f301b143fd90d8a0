"""Temp files written beside their target, listed so that a killed writer's are removed later."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.paths import AppPaths

#: The folder (in the data dir) listing the temp files being written, one small file each.
LEDGER_DIRNAME = "pending-writes"
#: A temp file untouched for this long belongs to a writer that was killed.
STALE_AFTER_SECONDS = 60.0
_SUFFIX = ".tmp"


def _ledger() -> Path:
    from desktop_app.core.paths import app_paths  # paths imports this module

    return app_paths().data_dir / LEDGER_DIRNAME


def _temp_name(target: Path, token: str) -> Path:
    return target.with_name(f".{target.name}.{token}{_SUFFIX}")


@contextlib.contextmanager
def sibling_temp_file(target: Path) -> Iterator[tuple[int, Path]]:
    """A new temp file (0o600) beside `target`, as an open descriptor and its path.

    Beside: on the same file system, so renaming it over `target` is atomic. Its path is
    listed in the ledger first, so if the process is killed before it is renamed or removed,
    `remove_stale_temp_files` finds it at the next start. Leaving the block removes the
    listing, and the temp file unless the caller renamed it. The descriptor is the caller's.
    """
    token = os.urandom(8).hex()  # not `secrets`: it loads hashlib (OpenSSL) at start
    temp = _temp_name(target, token)
    entry = _ledger() / token
    listed = _list(entry, temp)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            yield fd, temp
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
    finally:
        if listed:
            with contextlib.suppress(OSError):
                entry.unlink()


def _list(entry: Path, temp: Path) -> bool:
    # Best effort: an unwritable data folder must not stop an export to a writable place.
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        entry.write_text(str(temp), encoding="utf-8")
    except OSError:
        return False
    return True


def remove_stale_temp_files(paths: AppPaths, *, now: float | None = None) -> list[Path]:
    """Delete the temp files listed in the ledger that a killed writer left behind.

    Only files we listed, whose name is the one we gave them, and that nobody has touched
    for STALE_AFTER_SECONDS (a writer in another process may still be busy) go. Returns what
    was removed. Never raises: a read-only folder just keeps its leftovers.
    """
    ledger = paths.data_dir / LEDGER_DIRNAME
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(ledger.iterdir())
    except OSError:
        return removed
    for entry in entries:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            temp = Path(entry.read_text(encoding="utf-8"))
            if not temp.name.startswith(".") or not temp.name.endswith(f".{entry.name}{_SUFFIX}"):
                continue  # not a listing of ours: leave it and whatever it names alone
            if temp.exists():
                if now - temp.stat().st_mtime < STALE_AFTER_SECONDS:
                    continue
                temp.unlink()
                removed.append(temp)
            elif now - entry.stat().st_mtime < STALE_AFTER_SECONDS:
                continue  # its writer is about to create the file
            entry.unlink()
    return removed
