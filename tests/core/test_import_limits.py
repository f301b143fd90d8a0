"""What `import` refuses before reading too much: devices, pipes, folders, huge files, numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.export import json_format, read_json_file
from desktop_app.core.export.schema import ConversationImportError
from desktop_app.core.paths import HOME_ENV

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs /dev and FIFOs")


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    with pytest.raises(ConversationImportError, match="is not a regular file"):
        read_json_file(device)


@posix_only
@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    with pytest.raises(ConversationImportError, match="is not a regular file"):
        read_json_file(fifo)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConversationImportError, match="is a folder"):
        read_json_file(tmp_path)


def test_an_oversized_file_is_refused_naming_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)  # sparse: nothing is written
    with pytest.raises(ConversationImportError, match=r"the limit is 200 MB"):
        read_json_file(big)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_larger_than_its_size_says_is_read_only_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # /proc files are regular files that report a size of 0 but hold more.
    monkeypatch.setattr(json_format, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(ConversationImportError, match=r"\(101 bytes; the limit is 100 bytes\)"):
        read_json_file("/proc/self/status")


def test_a_5000_digit_integer_gets_a_sentence() -> None:
    text = '{"format": "agentsgt-desktop.conversations", "version": ' + "1" * 5000 + "}"
    with pytest.raises(ConversationImportError, match="a number 5,000 digits long"):
        json_format.parse_json(text)


def test_a_number_too_large_for_a_float_gets_a_sentence() -> None:
    with pytest.raises(ConversationImportError, match="number too large"):
        json_format.parse_json('{"version": 1' + "0" * 400 + ".5}")


@posix_only
def test_the_cli_exits_2_with_one_line_for_each(tmp_path: Path) -> None:
    digits = tmp_path / "digits.json"
    digits.write_text(json.dumps({"format": "x"})[:-1] + ', "n": ' + "9" * 5000 + "}")
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{HOME_ENV: str(tmp_path / "home")})
    for path, expected in [("/dev/zero", "not a regular file"), (digits, "5,000 digits long")]:
        done = subprocess.run(
            [sys.executable, "-m", "desktop_app", "import", str(path)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], done.stderr
    assert not (tmp_path / "home" / "data" / "history.sqlite3").exists()
