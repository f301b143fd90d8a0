"""Failures a person can meet: a locked database, a read-only folder or file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database, DatabaseLockedError

AGENT = "123e4567-e89b-12d3-a456-426614174000"
REPO = Path(__file__).resolve().parents[2]


def test_locked_database_gives_a_clear_error_and_loses_nothing(tmp_path):
    path = tmp_path / "history.sqlite3"
    db = Database.open(path, busy_timeout=0.2)
    profile = db.save_profile(new_profile("Support", AGENT))
    conv = db.create_conversation(profile.id, "Kept")
    db.add_message(conv.id, Role.USER, "before the lock")

    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(DatabaseLockedError) as info:
            db.add_message(conv.id, Role.USER, "during the lock")
        message = str(info.value)
        assert "busy" in message and "another program" in message
        assert "try again" in message
        # Reads still work in WAL mode while someone else writes.
        assert [m.text for m in db.messages(conv.id)] == ["before the lock"]
    finally:
        other.execute("ROLLBACK")
        other.close()

    db.add_message(conv.id, Role.USER, "after the lock")
    assert [m.text for m in db.messages(conv.id)] == ["before the lock", "after the lock"]
    assert db.integrity_check() == ["ok"]
    db.close()


def test_open_while_another_process_migrates_waits_then_fails_clearly(tmp_path):
    path = tmp_path / "history.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE placeholder (x)")
    try:
        with pytest.raises(DatabaseLockedError):
            Database.open(path, busy_timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    Database.open(path).close()


# The read-only cases run in a child process: as root (CI containers) file permissions are
# ignored unless the child drops its capabilities, which setpriv does.
_CHILD = textwrap.dedent(
    """
    import json, sys
    from desktop_app.core.models import Role
    from desktop_app.core.storage import Database, StorageError
    results = {}
    for name, path in json.loads(sys.argv[1]).items():
        try:
            db = Database.open(path)
            try:
                conv = db.list_conversations()[0]
                db.add_message(conv.id, Role.USER, "write attempt")
                results[name] = ["ok", ""]
            finally:
                db.close()
        except StorageError as exc:
            results[name] = [type(exc).__name__, str(exc)]
    print(json.dumps(results))
    """
)


def _run_unprivileged(cases: dict[str, str]) -> dict[str, list[str]]:
    command = [sys.executable, "-c", _CHILD, json.dumps(cases)]
    # Root ignores file permissions: drop its capabilities for the child (POSIX only).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--inh-caps=-all", "--bounding-set=-all", *command]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _seed(path: Path) -> None:
    with Database.open(path) as db:
        profile = db.save_profile(new_profile("Support", AGENT))
        conv = db.create_conversation(profile.id, "Kept")
        db.add_message(conv.id, Role.USER, "precious")


@pytest.mark.skipif(
    sys.platform == "win32", reason="a folder's POSIX mode bits do not make it read-only on Windows"
)
def test_read_only_folder_and_file_give_plain_errors(tmp_path):
    locked_dir = tmp_path / "locked"
    locked_dir.mkdir()
    existing_dir = tmp_path / "existing"
    _seed(existing_dir / "history.sqlite3")
    ro_file_dir = tmp_path / "ro-file"
    _seed(ro_file_dir / "history.sqlite3")
    (ro_file_dir / "history.sqlite3").chmod(0o444)
    locked_dir.chmod(0o555)
    existing_dir.chmod(0o555)
    try:
        results = _run_unprivileged(
            {
                "new_in_locked_dir": str(locked_dir / "history.sqlite3"),
                "missing_sub_folder": str(locked_dir / "sub" / "history.sqlite3"),
                "existing_in_locked_dir": str(existing_dir / "history.sqlite3"),
                "read_only_file": str(ro_file_dir / "history.sqlite3"),
            }
        )
    finally:
        locked_dir.chmod(0o755)
        existing_dir.chmod(0o755)
        (ro_file_dir / "history.sqlite3").chmod(0o644)
    for name, (kind, message) in results.items():
        assert kind == "DatabaseReadOnlyError", (name, kind, message)
        assert "read-only" in message or "permissions" in message, (name, message)
    for folder in (existing_dir, ro_file_dir):
        with Database.open(folder / "history.sqlite3") as db:
            assert [m.text for m in db.messages(db.list_conversations()[0].id)] == ["precious"]


def test_a_full_disk_is_reported_and_earlier_data_survives(tmp_path):
    from desktop_app.core.storage import DatabaseFullError

    with Database.open(tmp_path / "history.sqlite3") as db:
        profile = db.save_profile(new_profile("Support", AGENT))
        conv = db.create_conversation(profile.id, "Kept")
        db.add_message(conv.id, Role.USER, "small")
        conn = db._connection()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite reports SQLITE_FULL when the file may not grow: the same path as a full disk.
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DatabaseFullError) as info:
            db.add_message(conv.id, Role.ASSISTANT, "x" * 200_000)
        assert "full" in str(info.value) and "not saved" in str(info.value)
        assert [m.text for m in db.messages(conv.id)] == ["small"]
        assert db.integrity_check() == ["ok"]


@pytest.mark.parametrize(
    ("code", "text", "kind"),
    [
        (5, "database is locked", "DatabaseLockedError"),
        (6, "database table is locked", "DatabaseLockedError"),
        (8, "attempt to write a readonly database", "DatabaseReadOnlyError"),
        (14, "unable to open database file", "DatabaseReadOnlyError"),
        (11, "database disk image is malformed", "DatabaseCorruptError"),
        (26, "file is not a database", "DatabaseCorruptError"),
        (13, "database or disk is full", "DatabaseFullError"),
        (10 | (3 << 8), "disk I/O error", "StorageError"),
        (1, "no such table: x", "StorageError"),
    ],
)
def test_every_sqlite_failure_maps_to_a_sentence(code, text, kind):
    from desktop_app.core.storage.errors import translate

    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    error = translate(exc, "/data/history.sqlite3")
    assert type(error).__name__ == kind
    assert error.message.endswith(".")
    assert "/data/history.sqlite3" in error.message


def test_an_io_error_on_a_full_disk_says_the_disk_is_full(monkeypatch):
    from desktop_app.core.error_text import describe_error
    from desktop_app.core.storage import DatabaseFullError
    from desktop_app.core.storage.errors import translate

    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 10 | (3 << 8)  # SQLITE_IOERR_WRITE: what a full disk often gives
    full = shutil.disk_usage("/")._replace(free=4096)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: full)
    error = translate(exc, "/data/history.sqlite3")
    assert isinstance(error, DatabaseFullError)
    sentence = describe_error(error).sentence
    assert sentence.startswith("The disk is full") and "I/O" not in sentence


def test_sqlite_full_reads_the_disk_is_full_in_both_front_ends(tmp_path, capsys):
    from desktop_app.commands.common import describe_failure, fail
    from desktop_app.core.error_text import describe_error
    from desktop_app.core.storage import DatabaseFullError

    with Database.open(tmp_path / "history.sqlite3") as db:
        conv = db.create_conversation(db.save_profile(new_profile("Support", AGENT)).id, "t")
        conn = db._connection()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(DatabaseFullError) as info:
            db.add_message(conv.id, Role.USER, "x" * 200_000)
    assert "The disk is full" in describe_error(info.value).sentence
    assert fail(*describe_failure(info.value)) == 10
    line = capsys.readouterr().err
    assert line.startswith("agentsgt-desktop: The disk is full") and line.count("\n") == 1


def test_a_read_only_open_reads_and_never_writes(tmp_path):
    from desktop_app.core.storage import DatabaseReadOnlyError

    path = tmp_path / "history.sqlite3"
    _seed(path)
    before = path.read_bytes()
    with Database.open_read_only(path) as db:
        conv = db.list_conversations()[0]
        assert [m.text for m in db.messages(conv.id)] == ["precious"]
        with pytest.raises(DatabaseReadOnlyError):
            db.add_message(conv.id, Role.USER, "write attempt")
        with pytest.raises(DatabaseReadOnlyError):
            db.save_profile(new_profile("Sales", AGENT))
    assert path.read_bytes() == before


def test_a_read_only_open_of_an_older_history_updates_it_first(tmp_path):
    from desktop_app.core.storage.schema import SCHEMA_VERSION, apply_migrations

    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path, isolation_level=None) as conn:
        apply_migrations(conn, target=1)
    with Database.open_read_only(path) as db:
        assert db.list_conversations() == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_find_damage_reads_the_whole_file(tmp_path):
    from desktop_app.core.storage import DatabaseCorruptError
    from desktop_app.core.storage.database import find_damage

    path = tmp_path / "history.sqlite3"
    assert find_damage(path) is None  # nothing yet
    with Database.open(path) as db:
        conv = db.create_conversation(db.save_profile(new_profile("Support", AGENT)).id, "t")
        for number in range(300):
            db.add_message(conv.id, Role.USER, f"message {number} " * 40)
    assert find_damage(path) is None
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2
    data[middle * page : (middle + 2) * page] = b"\xa5" * (2 * page)
    path.write_bytes(bytes(data))
    with Database.open(path) as db:
        assert db.list_profiles()  # the pages read first are fine
    assert isinstance(find_damage(path), DatabaseCorruptError)
    path.write_bytes(b"not a database at all" * 10)
    assert isinstance(find_damage(path), DatabaseCorruptError)
