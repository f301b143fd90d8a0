"""The instance registry: live instances are seen, dead ones (even SIGKILLed) are not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.instances import InstanceRegistry


def test_a_lone_instance_sees_no_other(tmp_path: Path) -> None:
    registry = InstanceRegistry(tmp_path)
    try:
        assert registry.others_running() == 0
    finally:
        registry.close()
    assert list((tmp_path / "instances").glob("*.lock")) == []


def test_two_windows_in_one_process_see_each_other(tmp_path: Path) -> None:
    first, second = InstanceRegistry(tmp_path), InstanceRegistry(tmp_path)
    assert first.others_running() == 1 and second.others_running() == 1
    second.close()
    assert first.others_running() == 0
    first.close()


@pytest.mark.skipif(os.name == "nt", reason="uses SIGKILL")
def test_a_live_instance_is_seen_and_a_killed_one_is_cleaned_up(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from desktop_app.core.instances import InstanceRegistry\n"
            "registry = InstanceRegistry(Path(sys.argv[1]))\n"
            "print('ready', flush=True); time.sleep(60)\n",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        registry = InstanceRegistry(tmp_path)
        assert registry.others_running() == 1
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        deadline = time.monotonic() + 5
        while registry.others_running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert registry.others_running() == 0
        names = [path.name for path in (tmp_path / "instances").glob("*.lock")]
        assert len(names) == 1 and names[0].startswith(f"{os.getpid()}-")
        registry.close()
    finally:
        child.kill()
        child.wait()
