"""The CLI on every storage fault: a documented exit code and one plain line, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.models import Role
from desktop_app.core.paths import home_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.core.temp_files import LEDGER_DIRNAME
from tests.core.test_temp_files import killed_export, make_old

ROOT = Path(__file__).resolve().parents[2]
AGENT = "123e4567-e89b-12d3-a456-426614174000"
DOCUMENTED = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130}
needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and /dev/full")


def cli(home: Path, *args: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop_app ARGS` on `home`; as root, optionally without root's powers."""
    command = [sys.executable, "-m", "desktop_app", *args]
    if unprivileged and os.name == "posix" and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        # Without its capabilities root is held to file permissions like anyone else.
        command = [setpriv, "--inh-caps=-all", "--bounding-set=-all", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AGENTSGT_DESKTOP_HOME": str(home)}
    done = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=60, env=env, cwd=ROOT
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in DOCUMENTED, (done.returncode, done.stderr)
    return done


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("agentsgt-desktop: ")
    return lines[0]


def seeded_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    paths = home_paths(home)
    with Database.open(paths.database_path) as database:
        profile = database.save_profile(new_profile("Support", AGENT))
        conversation = database.create_conversation(profile.id, "Refund")
        database.add_message(conversation.id, Role.USER, "Where is my refund?")
    return home


READ_COMMANDS = [
    ["conversations"],
    ["search", "refund"],
    ["export", "--all", "--format", "md", "-o", "-"],
]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_a_damaged_history_exits_10_with_one_line(tmp_path: Path, args: list[str]) -> None:
    home = seeded_home(tmp_path)
    database = home_paths(home).database_path
    database.write_bytes(b"this is not a database " * 200)
    done = cli(home, *args)
    assert done.returncode == 10
    assert "is damaged" in one_line(done)


def test_a_history_from_a_newer_version_exits_10(tmp_path: Path) -> None:
    home = seeded_home(tmp_path)
    with sqlite3.connect(home_paths(home).database_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    done = cli(home, "conversations")
    assert done.returncode == 10 and "newer version" in one_line(done)


@needs_posix
def test_read_only_commands_work_on_a_read_only_history(tmp_path: Path) -> None:
    home = seeded_home(tmp_path)
    paths = home_paths(home)
    original = paths.database_path.read_bytes()
    paths.database_path.chmod(0o444)
    paths.data_dir.chmod(0o555)
    try:
        listed = cli(home, "conversations", unprivileged=True)
        found = cli(home, "search", "refund", unprivileged=True)
        exported = cli(home, *READ_COMMANDS[2], unprivileged=True)
        imported = cli(home, "import", str(tmp_path / "missing.json"), unprivileged=True)
    finally:
        paths.data_dir.chmod(0o700)
        paths.database_path.chmod(0o600)
    assert listed.returncode == 0 and "Refund" in listed.stdout, listed.stderr
    assert found.returncode == 0 and "refund" in found.stdout.lower(), found.stderr
    assert exported.returncode == 0 and "Where is my refund?" in exported.stdout, exported.stderr
    assert imported.returncode == 2 and "missing.json" in one_line(imported)
    assert paths.database_path.read_bytes() == original
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["history.sqlite3"]


@needs_posix
def test_writing_into_a_read_only_history_exits_10(tmp_path: Path) -> None:
    home = seeded_home(tmp_path)
    export = tmp_path / "chats.json"
    assert cli(home, "export", "--all", "--format", "json", "-o", str(export)).returncode == 0
    other = tmp_path / "other"
    home_paths(other).data_dir.mkdir(parents=True)
    home_paths(other).data_dir.chmod(0o555)
    try:
        done = cli(other, "import", str(export), unprivileged=True)
    finally:
        home_paths(other).data_dir.chmod(0o700)
    assert done.returncode == 10
    assert "read-only" in one_line(done) and "Check their permissions" in one_line(done)


def test_a_data_folder_that_cannot_be_made_exits_10(tmp_path: Path) -> None:
    home = seeded_home(tmp_path)
    export = tmp_path / "chats.json"
    assert cli(home, "export", "--all", "--format", "json", "-o", str(export)).returncode == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder should be")
    done = cli(blocker / "home", "import", str(export))
    assert done.returncode == 10 and "Cannot create the folder" in one_line(done)


@needs_posix
def test_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    home = seeded_home(tmp_path)
    # Through a link: a writer that replaced its target would replace the link, not the device.
    output = tmp_path / "chats.txt"
    output.symlink_to("/dev/full")
    done = cli(home, "export", "--all", "--format", "txt", "-o", str(output))
    assert done.returncode == 10
    line = one_line(done)
    assert "the disk is full" in line and "I/O error" not in line
    assert Path("/dev/full").is_char_device()


@needs_posix
def test_exporting_into_a_read_only_folder_exits_10(tmp_path: Path) -> None:
    home = seeded_home(tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        done = cli(
            home, "export", "--all", "--format", "md", "-o", str(folder / "c.md"), unprivileged=True
        )
    finally:
        folder.chmod(0o755)
    assert done.returncode == 10 and "read-only" in one_line(done)
    assert list(folder.iterdir()) == []


def test_the_next_export_removes_what_a_killed_export_left(tmp_path: Path, monkeypatch) -> None:
    home = seeded_home(tmp_path)
    monkeypatch.setenv("AGENTSGT_DESKTOP_HOME", str(home))  # the killed writer's ledger
    target = tmp_path / "chats.md"
    temp = killed_export(target)
    make_old(temp, *(home_paths(home).data_dir / LEDGER_DIRNAME).iterdir())
    done = cli(home, "export", "--all", "--format", "md", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert not temp.exists() and target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chats.md", "home"]
