"""Re-run one test inside scripts/with-secret-service.sh: a private D-Bus and a throw-away keyring.

A test marked `secret_service` calls `rerun_inside` when INSIDE is false; the script sets
AGENTSGT_PRIVATE_SECRET_SERVICE=1, so the re-run does the real checks against gnome-keyring and
the user's own keyring is never touched. Skipped where the tools are missing (macOS, Windows).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "with-secret-service.sh"
INSIDE = os.environ.get("AGENTSGT_PRIVATE_SECRET_SERVICE") == "1"
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "dbus-send")
MISSING_TOOLS = [tool for tool in TOOLS if shutil.which(tool) is None]


def rerun_inside(test_file: str, test_name: str, tmp_path: Path) -> None:
    """Run `test_file::test_name` under the script; fail unless it passed and left nothing."""
    if MISSING_TOOLS:
        pytest.skip(
            f"needs {', '.join(MISSING_TOOLS)} (Linux with gnome-keyring and dbus installed)"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env["TMPDIR"] = str(tmp_path)  # the script's keyring state dir lands here
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    test_id = f"{Path(test_file).resolve().relative_to(REPO_ROOT)}::{test_name}"
    command = [str(SCRIPT), sys.executable, "-m", "pytest", test_id, "-q", "--timeout=60"]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # one process group: a timeout can stop every piece of it
    )
    try:
        output, _ = process.communicate(timeout=100)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        output, _ = process.communicate()
        pytest.fail(f"the Secret Service run hung:\n{output}")
    assert process.returncode == 0, output
    assert re.search(r"\b1 passed\b", output), output
    assert "skipped" not in output, output
    # The script stopped its gnome-keyring-daemon and removed its keyring files.
    leftovers = [
        proc.info["pid"]
        for proc in psutil.process_iter(["pid", "cmdline"])
        if str(tmp_path) in " ".join(proc.info["cmdline"] or [])
    ]
    assert leftovers == [], "a daemon outlived the run"
    assert list(tmp_path.glob("agentsgt-keyring.*")) == [], "the keyring state dir was left"


def _kill_tree(process: subprocess.Popen[str]) -> None:
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if hasattr(os, "killpg"):  # the script runs only on Linux; the test skips elsewhere
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
