"""Consistent copies of the history database taken before a migration; the newest few are kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

KEEP_BACKUPS = 3


def backup_path(db_path: Path, version: int, when: datetime | None = None) -> Path:
    """`history.sqlite3.bak-<version>-<UTC timestamp>` next to the database."""
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return db_path.with_name(f"{db_path.name}.bak-{version}-{stamp}")


def list_backups(db_path: Path) -> list[Path]:
    """The backups of `db_path`, oldest first (by the timestamp in the name)."""
    found = [p for p in db_path.parent.glob(f"{db_path.name}.bak-*-*") if p.is_file()]
    return sorted(found, key=lambda p: (p.name.rsplit("-", 1)[-1], p.name))


def backup_database(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """Copy the open database with SQLite's online backup API (WAL content included).

    A file copy of a WAL database could miss committed pages still in the -wal file, so the
    backup goes through SQLite. Older backups beyond KEEP_BACKUPS are removed afterwards.
    """
    target = backup_path(db_path, version)
    partial = target.with_name(target.name + ".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    # Only a complete copy gets the real name: a crash never leaves a half backup that looks good.
    partial.replace(target)
    prune_backups(db_path)
    return target


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Delete all but the newest `keep` backups of `db_path`."""
    for old in list_backups(db_path)[:-keep] if keep else list_backups(db_path):
        old.unlink(missing_ok=True)
