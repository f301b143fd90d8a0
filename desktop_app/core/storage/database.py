"""`Database`: the app's history file (profiles, conversations, messages, search) over SQLite."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from types import TracebackType

from desktop_app.core import messages
from desktop_app.core.storage.backups import backup_database
from desktop_app.core.storage.base import DEFAULT_BUSY_TIMEOUT, connect, connect_read_only
from desktop_app.core.storage.conversations import ConversationStore
from desktop_app.core.storage.errors import (
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    SchemaTooNewError,
    StorageError,
    damaged,
    translate,
)
from desktop_app.core.storage.messages import MessageStore
from desktop_app.core.storage.profile_rows import ProfileStore
from desktop_app.core.storage.schema import SCHEMA_VERSION, apply_migrations, schema_version
from desktop_app.core.storage.search import SearchStore

_SQLITE_MAGIC = b"SQLite format 3\x00"


def read_header_version(path: Path) -> int | None:
    """The user_version in the file header, read without SQLite so nothing is written.

    None for a missing or empty file. Raises DatabaseCorruptError for a non-SQLite file.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DatabaseReadOnlyError(
            messages.translate(
                "Storage", "Cannot read the history database ({path}): {reason}."
            ).format(path=path, reason=exc.strerror or exc)
        ) from exc
    if not header:
        return None
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise damaged(path)
    return int.from_bytes(header[60:64], "big", signed=True)


def find_damage(path: Path) -> DatabaseCorruptError | None:
    """Read the whole history file (read-only) and return the damage SQLite finds in it.

    None when it is sound, missing, or cannot be read just now (opening it will say why).
    Takes about a millisecond per megabyte: run it off the GUI thread.
    """
    try:
        if read_header_version(path) is None:
            return None
    except DatabaseCorruptError as header_damage:
        return header_damage
    except StorageError:
        return None
    try:
        conn = connect_read_only(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        failure = translate(exc, path)
        return failure if isinstance(failure, DatabaseCorruptError) else None
    return None if rows == [("ok",)] else damaged(path)


class Database(ProfileStore, ConversationStore, MessageStore, SearchStore):
    """The history database. Open it with `Database.open(path)`; close it when done.

    Methods are synchronous and quick; the GUI calls them through asyncio.to_thread. Failures
    raise StorageError subclasses with a sentence to show. Use `transaction()` to group calls.
    """

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Database:
        """Open (or create) the database at `path`, migrating it to the current schema.

        Before migrating an existing file it is backed up next to itself. A file from a newer
        app version is refused with SchemaTooNewError and left untouched.
        """
        path = Path(path).expanduser()
        try:
            # Conversations are private: folders we create are for this user only.
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseReadOnlyError(
                messages.translate(
                    "Storage",
                    "Cannot create the folder for the history database ({path}): {reason}. "
                    "Check its permissions.",
                ).format(path=path.parent, reason=exc.strerror or exc)
            ) from exc
        # Refuse a newer schema before SQLite touches the file (opening in WAL mode writes).
        header_version = read_header_version(path)
        if header_version is not None and header_version > SCHEMA_VERSION:
            raise SchemaTooNewError(header_version)
        is_new = header_version is None
        try:
            conn = connect(path, busy_timeout)
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        if is_new and os.name == "posix":
            # SQLite gives its -wal and -shm files the main file's mode, so this covers them.
            with contextlib.suppress(OSError):
                path.chmod(0o600)
        try:
            migrate(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @classmethod
    def open_read_only(
        cls, path: Path | str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> Database:
        """Open an existing history to read it only: works on a read-only file or folder and
        never changes the file. Any write through it fails with DatabaseReadOnlyError.

        A file from an older app version must be updated first, which writes: it is opened
        with `open()` instead (a read-only one then fails with a sentence saying so).
        """
        path = Path(path).expanduser()
        header_version = read_header_version(path)
        if header_version is not None and header_version > SCHEMA_VERSION:
            raise SchemaTooNewError(header_version)
        if header_version is None or header_version < SCHEMA_VERSION:
            return cls.open(path, busy_timeout=busy_timeout)
        try:
            conn = connect_read_only(path, busy_timeout)
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        try:
            version = schema_version(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, path) from exc
        if version != SCHEMA_VERSION:  # the -wal file held a newer (or older) schema
            conn.close()
            if version > SCHEMA_VERSION:
                raise SchemaTooNewError(version)
            return cls.open(path, busy_timeout=busy_timeout)
        return cls(conn, path)

    def close(self) -> None:
        """Close the connection (idempotent). SQLite checkpoints the WAL into the file."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    @property
    def closed(self) -> bool:
        """True once close() has run."""
        return self._conn is None

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check: ["ok"] when the file is sound, else the problems found."""
        with self._reading() as conn:
            return [row[0] for row in conn.execute("PRAGMA integrity_check")]

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<Database {self._path} ({state})>"


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring an open connection's schema up to date, backing up an existing file first."""
    try:
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            # The header check can miss a version still only in the -wal file.
            raise SchemaTooNewError(version)
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            try:
                backup_database(conn, path, version)
            except OSError as exc:
                raise StorageError(
                    messages.translate(
                        "Storage",
                        "Could not back up the history database before updating it "
                        "({reason}); it was not changed. Free some disk space "
                        "or check the folder's permissions.",
                    ).format(reason=exc.strerror or exc)
                ) from exc
        apply_migrations(conn)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
