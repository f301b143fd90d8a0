"""Storage failures as typed errors with sentences a person can act on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop_app.core import messages
from desktop_app.core.errors import AgentsGTError

# Primary SQLite result codes (extended codes carry these in their low byte).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
# Below this much free space an I/O error while writing is taken for a full disk.
_NEARLY_FULL = 1024 * 1024


class StorageError(AgentsGTError):
    """The local history database could not do what was asked."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer app version; it is left untouched."""

    def __init__(self, version: int) -> None:
        super().__init__(
            messages.translate(
                "Storage",
                "This history was written by a newer version of AgentsGT Desktop "
                "(schema {version}); update the app. Your data has not been changed.",
            ).format(version=version)
        )
        self.version = version


class DatabaseLockedError(StorageError):
    """Another connection or program held the database lock for longer than busy_timeout."""


class DatabaseReadOnlyError(StorageError):
    """The database file or its folder cannot be written."""


class DatabaseCorruptError(StorageError):
    """The file is damaged or is not an SQLite database."""


class DatabaseFullError(StorageError):
    """The disk (or the file system quota) is full."""


class RecordNotFoundError(StorageError):
    """A profile, conversation or message that was asked for does not exist."""


def damaged(path: Path | str) -> DatabaseCorruptError:
    """The error for a history file that is damaged or not one of ours."""
    return DatabaseCorruptError(
        messages.translate(
            "Storage",
            "The history database ({path}) is damaged or is not an AgentsGT Desktop history "
            "file. Move it aside (or restore a .bak copy next to it) and start the app again.",
        ).format(path=path)
    )


def disk_is_full(folder: Path) -> bool:
    """True when the file system holding `folder` has (next to) no space left."""
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def translate(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """Turn an sqlite3 exception into the StorageError subclass that explains it.

    (Not the catalogue's `messages.translate`, which this module calls by its module name.)
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return DatabaseLockedError(
            messages.translate(
                "Storage",
                "The history database ({path}) is busy: another program or AgentsGT Desktop "
                "window kept it locked. Nothing was lost; close the other program and try again.",
            ).format(path=path)
        )
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN) or "readonly" in text:
        return DatabaseReadOnlyError(
            messages.translate(
                "Storage",
                "Cannot write to the history database ({path}): the file or its folder is "
                "read-only or not accessible. Check their permissions.",
            ).format(path=path)
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return damaged(path)
    if (
        primary == _SQLITE_FULL
        or "disk is full" in text
        or (primary == _SQLITE_IOERR and disk_is_full(Path(path).parent))
    ):
        # A full disk often surfaces as an I/O error (the -wal or -shm file cannot grow).
        return DatabaseFullError(
            messages.translate(
                "Storage",
                "The disk is full: the last change to the history database ({path}) was not "
                "saved. Free some space and try again.",
            ).format(path=path)
        )
    if primary == _SQLITE_IOERR:
        return StorageError(
            messages.translate(
                "Storage",
                "The disk reported an error while using the history database ({path}): {reason}.",
            ).format(path=path, reason=exc)
        )
    return StorageError(
        messages.translate(
            "Storage", "Could not use the history database ({path}): {reason}."
        ).format(path=path, reason=exc)
    )
