"""The one SQLite connection of a Database: pragmas, locking, transactions, error translation."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core import messages
from desktop_app.core.storage.errors import StorageError, translate

DEFAULT_BUSY_TIMEOUT = 5.0
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14


def connect(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open `path` in autocommit mode (we issue BEGIN ourselves) with the app's pragmas.

    WAL lets the streaming writer's connection and the GUI's connection work on the same file;
    synchronous=NORMAL is durable across app crashes in WAL mode (only an OS crash can lose the
    last commits), and much faster than FULL for the once-a-second streaming writes.
    """
    conn = sqlite3.connect(
        str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000):d}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        # After a big transaction (an import) the -wal file is cut back to this size.
        conn.execute("PRAGMA journal_size_limit = 16777216")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_read_only(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open `path` for reading only (`mode=ro`): nothing is written, not even WAL set-up.

    Reading a WAL database needs its -shm index; in a read-only folder without one SQLite
    cannot make it, so a file with no pending -wal content is then opened as immutable.
    Raises sqlite3.Error (the caller translates it).
    """
    uri = path.resolve().as_uri()
    try:
        return _read_only(f"{uri}?mode=ro", busy_timeout)
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", 0) or 0
        wal = path.with_name(path.name + "-wal")
        if code & 0xFF not in (_SQLITE_READONLY, _SQLITE_CANTOPEN) or _has_content(wal):
            raise
    return _read_only(f"{uri}?mode=ro&immutable=1", busy_timeout)


def _read_only(uri: str, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000):d}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA user_version").fetchone()  # the first read opens the file for real
    except BaseException:
        conn.close()
        raise
    return conn


def _has_content(file: Path) -> bool:
    try:
        return file.stat().st_size > 0
    except OSError:
        return False


class StoreBase:
    """Shared plumbing for the Database's parts: a lock-guarded connection and transactions.

    The connection may be used from any thread (the GUI runs calls through asyncio.to_thread),
    but only one thread at a time: every call takes `_lock`.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._lock = threading.RLock()
        self._depth = 0

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError(messages.translate("Storage", "The history database is closed."))
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """Run reads under the lock; sqlite errors become StorageError."""
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise translate(exc, self._path) from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of writes: everything inside commits together or not at all.

        Nested use joins the outer transaction through a savepoint, so a caller (the importer)
        can wrap many Database calls in one transaction. BEGIN IMMEDIATE takes the write lock
        up front, so a busy database fails here, before any work, with DatabaseLockedError.
        """
        with self._lock:
            conn = self._connection()
            outermost = self._depth == 0
            savepoint = f"sp{self._depth}"
            try:
                conn.execute("BEGIN IMMEDIATE" if outermost else f"SAVEPOINT {savepoint}")
            except sqlite3.Error as exc:
                raise translate(exc, self._path) from exc
            self._depth += 1
            try:
                yield conn
            except BaseException as exc:
                self._depth -= 1
                self._undo(conn, outermost, savepoint)
                if isinstance(exc, sqlite3.Error):
                    raise translate(exc, self._path) from exc
                raise
            self._depth -= 1
            try:
                conn.execute("COMMIT" if outermost else f"RELEASE {savepoint}")
            except sqlite3.Error as exc:
                self._undo(conn, outermost, savepoint)
                raise translate(exc, self._path) from exc

    @staticmethod
    def _undo(conn: sqlite3.Connection, outermost: bool, savepoint: str) -> None:
        try:
            if outermost:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO {savepoint}")
                conn.execute(f"RELEASE {savepoint}")
        except sqlite3.Error:
            # The original error is the one worth reporting; SQLite already rolled back.
            pass
