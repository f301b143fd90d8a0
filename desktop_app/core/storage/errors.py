"""Storage failures as typed errors with sentences a person can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


class StorageError(AgentsGTError):
    """The local history database could not do what was asked."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer app version; it is left untouched."""

    def __init__(self, version: int) -> None:
        super().__init__(
            "This history was written by a newer version of AgentsGT Desktop "
            f"(schema {version}); update the app. Your data has not been changed."
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


def translate(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """Turn an sqlite3 exception into the StorageError subclass that explains it."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    where = f"the history database ({path})"
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return DatabaseLockedError(
            f"{where[0].upper()}{where[1:]} is busy: another program or AgentsGT Desktop window "
            "kept it locked. Nothing was lost; close the other program and try again."
        )
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN) or "readonly" in text:
        return DatabaseReadOnlyError(
            f"Cannot write to {where}: the file or its folder is read-only or not accessible. "
            "Check the permissions of the file and its folder."
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return DatabaseCorruptError(
            f"{where[0].upper()}{where[1:]} is damaged or is not an AgentsGT Desktop history file. "
            "Move it aside (or restore a .bak copy next to it) and start the app again."
        )
    if primary == _SQLITE_FULL or "disk is full" in text:
        return DatabaseFullError(
            f"The disk holding {where} is full; free some space and try again. "
            "The last change was not saved."
        )
    if primary == _SQLITE_IOERR:
        return StorageError(f"The disk reported an error while using {where}: {exc}.")
    return StorageError(f"Could not use {where}: {exc}.")
