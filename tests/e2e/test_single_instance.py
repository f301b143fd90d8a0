"""A second launch on the same data folder raises the running window and exits at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.core.paths import home_paths
from desktop_app.gui.single_instance import SingleInstance, hand_over, server_name

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("AGENTSGT_DESKTOP_HOME", None)  # --home says where
    return env


def _wait_for(predicate, timeout: float, what: str, child: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert child.poll() is None, f"the first window quit: {child.communicate()[1]}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_second_launch_hands_over_and_exits(tmp_path: Path) -> None:
    home = tmp_path / "home"
    log = home_paths(home).log_dir / "agentsgt-desktop.log"
    command = [sys.executable, "-m", "desktop_app", "--home", str(home)]
    first = subprocess.Popen(
        command,
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The version line is written once the window has painted (and listens).
        _wait_for(lambda: log.exists() and "version" in log.read_text(), 60, "the window", first)
        second = subprocess.run(
            [*command, "--demo"],
            cwd=ROOT,
            env=_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "Traceback" not in second.stderr
        _wait_for(
            lambda: "a second launch handed over 3 argument(s)" in log.read_text(),
            10,
            "the first window to hear of it",
            first,
        )
        text = log.read_text()
        assert "already open on this data folder" in text
        assert text.count("version") == 1, "the second launch never opened a window"
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_two_data_folders_never_share_a_server(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert server_name(one) != server_name(two)
    assert server_name(one) == server_name(one / ".." / "one")


def test_the_listener_receives_the_arguments(qapp, qtbot, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    listener = SingleInstance(name)
    assert listener.listen()
    try:
        received: list[list[str]] = []
        listener.activated.connect(received.append)
        # The client side runs in this thread: its blocking waits let the server's events run.
        assert hand_over(name, ["--demo", "é"])
        qtbot.waitUntil(lambda: received == [["--demo", "é"]], timeout=5000)
    finally:
        listener.close()
    QCoreApplication.processEvents()
    assert not hand_over(name, [])  # nobody listens any more
