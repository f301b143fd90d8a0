"""Temp files of a writer killed mid-write are found and removed later, and nothing else is."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desktop_app.core.paths import AppPaths, atomic_write_bytes
from desktop_app.core.temp_files import (
    LEDGER_DIRNAME,
    STALE_AFTER_SECONDS,
    remove_stale_temp_files,
)

ROOT = Path(__file__).resolve().parents[2]

# A writer killed in the middle: os._exit skips every cleanup, as SIGKILL would.
_KILLED_WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from desktop_app.core.temp_files import sibling_temp_file
    with sibling_temp_file(Path(sys.argv[1])) as (fd, temp):
        os.write(fd, b"half an export")
        print(temp, flush=True)
        os._exit(9)
    """
)


def killed_export(target: Path) -> Path:
    """Run a writer that dies mid-write on `target`; return the temp file it left."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(target)],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert done.returncode == 9, done.stderr
    return Path(done.stdout.strip())


def make_old(*files: Path) -> None:
    old = time.time() - 2 * STALE_AFTER_SECONDS
    for file in files:
        os.utime(file, (old, old))


def test_a_killed_writers_temp_file_goes_once_it_is_stale(app_home: AppPaths, tmp_path) -> None:
    target = tmp_path / "exports" / "chats.md"
    target.parent.mkdir()
    temp = killed_export(target)
    assert temp.parent == target.parent and temp.read_bytes() == b"half an export"
    assert not target.exists()
    ledger = app_home.data_dir / LEDGER_DIRNAME
    assert len(list(ledger.iterdir())) == 1
    # Young: its writer may still be at work (in another process).
    assert remove_stale_temp_files(app_home) == []
    assert temp.exists()
    assert remove_stale_temp_files(app_home, now=time.time() + 2 * STALE_AFTER_SECONDS) == [temp]
    assert not temp.exists() and list(ledger.iterdir()) == []


def test_only_our_own_listed_temp_files_are_removed(app_home: AppPaths, tmp_path) -> None:
    foreign = tmp_path / ".chats.md.0123456789abcdef.tmp"  # looks like ours, is not listed
    foreign.write_text("someone else's")
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")
    ledger = app_home.data_dir / LEDGER_DIRNAME
    ledger.mkdir(parents=True)
    (ledger / "feedfacefeedface").write_text(str(victim))  # a listing that names another file
    make_old(foreign, victim, ledger / "feedfacefeedface")
    assert remove_stale_temp_files(app_home) == []
    assert foreign.exists() and victim.read_text() == "keep me"


def test_a_finished_write_leaves_nothing_behind(app_home: AppPaths, tmp_path) -> None:
    target = tmp_path / "out" / "settings.json"
    atomic_write_bytes(target, b"{}")
    atomic_write_bytes(target, b"[]")
    assert target.read_bytes() == b"[]"
    assert [p.name for p in target.parent.iterdir()] == ["settings.json"]
    assert list((app_home.data_dir / LEDGER_DIRNAME).iterdir()) == []


def test_removal_never_fails_on_a_missing_or_unreadable_ledger(tmp_path) -> None:
    from desktop_app.core.paths import home_paths

    assert remove_stale_temp_files(home_paths(tmp_path / "nowhere")) == []
