"""The real app started on a history it cannot use comes up anyway, with a dialog that says why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.paths import HOME_ENV, home_paths
from desktop_app.core.temp_files import LEDGER_DIRNAME
from tests.core.test_temp_files import killed_export, make_old
from tests.gui.test_window_storage import _damage_middle_pages

ROOT = Path(__file__).resolve().parents[2]

# Runs app.main() as the user would, with a hook that reports what the started window shows.
_DRIVER = textwrap.dedent(
    """
    import asyncio, sys, time
    from desktop_app import app

    async def report(window):
        deadline = time.monotonic() + 15
        while window.storage_dialog is None or not window.storage_dialog.isVisible():
            if time.monotonic() > deadline:
                print("no dialog")
                return 3
            await asyncio.sleep(0.05)
        print("DIALOG", window.storage_dialog.text())
        print("BANNER", window.storage_banner.label.text())
        print("HISTORY", window.services.database.path)
        return 0

    app.self_test_hook = report
    sys.exit(app.main(["--self-test", "--home", sys.argv[1], "-platform", "offscreen"]))
    """
)


def _start_app(home: Path, *, unprivileged: bool = False) -> dict[str, str]:
    command = [sys.executable, "-c", _DRIVER, str(home)]
    if unprivileged and hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        # Without its capabilities root is held to file permissions like anyone else.
        command = [setpriv, "--inh-caps=-all", "--bounding-set=-all", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def test_the_app_starts_on_a_damaged_history_with_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = home_paths(tmp_path / "home")
    paths.data_dir.mkdir(parents=True)
    damaged = _damage_middle_pages(paths.database_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))  # where the killed export lists it
    leftover = killed_export(tmp_path / "chats.pdf")
    make_old(leftover, *(paths.data_dir / LEDGER_DIRNAME).iterdir())
    shown = _start_app(tmp_path / "home")
    assert not leftover.exists()  # the start removed what the killed export left
    assert "is damaged" in shown["DIALOG"] and str(paths.database_path) in shown["DIALOG"]
    assert "the history file is damaged" in shown["BANNER"]
    assert Path(shown["HISTORY"]) != paths.database_path
    assert paths.database_path.read_bytes() == damaged


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder permissions")
def test_the_app_starts_on_a_read_only_data_folder_with_a_dialog(tmp_path: Path) -> None:
    paths = home_paths(tmp_path / "home")
    for folder in paths.all_dirs():
        folder.mkdir(parents=True)
    paths.data_dir.chmod(0o555)
    try:
        shown = _start_app(tmp_path / "home", unprivileged=True)
    finally:
        paths.data_dir.chmod(0o700)
    assert "read-only" in shown["DIALOG"] and "Check their permissions" in shown["DIALOG"]
    assert "read-only" in shown["BANNER"]
    assert not paths.database_path.exists()
