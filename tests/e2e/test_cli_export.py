"""The export and import commands, run as real processes against a real history database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core.export import ExportFormat
from desktop_app.core.models import Credentials
from desktop_app.core.paths import HOME_ENV, app_paths
from desktop_app.core.secrets import SecretStore, key_ref
from desktop_app.core.storage import Database
from tests.fixtures.export_samples import (
    BASE_URL,
    HOSTILE,
    fill_database,
    sample_conversation,
    save_profile,
)
from tests.fixtures.keyring import MemoryKeyring

PUBLIC_KEY = "pk_e2e_0123456789abcdef0123456789abcdef"
SECRET_KEY = "sk_e2e_fedcba9876543210fedcba9876543210fedcba9876543210abcd"

# Runs the commands exactly as the app's parser does, whether or not desktop_app.cli lists them.
_RUNNER = """
import argparse, sys
from desktop_app.commands import export, import_
parser = argparse.ArgumentParser(prog="agentsgt-desktop")
commands = parser.add_subparsers(dest="command", required=True)
export.register(commands)
import_.register(commands)
args = parser.parse_args(sys.argv[1:])
sys.exit(args.run(args))
"""


def command_line() -> list[str]:
    """`python -m desktop_app` when the CLI registers export/import, else the same modules."""
    try:
        from desktop_app import cli
    except ImportError:
        return [sys.executable, "-c", _RUNNER]
    if "desktop_app.commands.export" in getattr(cli, "COMMAND_MODULES", ()):
        return [sys.executable, "-m", "desktop_app"]
    return [sys.executable, "-c", _RUNNER]


def run(*args: str, home: Path | None = None, display: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if home is not None:
        env[HOME_ENV] = str(home)
    if not display:
        # Prove that the PDF export picks the offscreen platform by itself.
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2]), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [*command_line(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def history() -> list[str]:
    """A history in the test's app home: a profile whose keys sit in a keyring, two chats."""
    store = SecretStore(MemoryKeyring())
    ref = key_ref(BASE_URL, PUBLIC_KEY)
    store.set(ref, Credentials(PUBLIC_KEY, SECRET_KEY))
    with Database.open(app_paths().database_path) as database:
        profile = save_profile(database, key_ref=ref)
        first = fill_database(database, profile, sample_conversation())
        second = fill_database(
            database, profile, replace(sample_conversation(), title="Refund policy")
        )
    return [first, second]


def readable_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix != ".pdf":
        return data.decode("utf-8")
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        return data.decode("latin-1")
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFKC", result.stdout.decode("utf-8")) + data.decode("latin-1")


def test_export_all_in_every_format_without_any_key(history: list[str], tmp_path: Path):
    for export_format in ExportFormat:
        path = tmp_path / f"all{export_format.suffix}"
        result = run(
            "export", "--all", "--format", export_format.value, "-o", str(path), display=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Exported 2 conversations (10 messages) to ")
        text = readable_text(path)
        assert "Refund policy" in text and "Opening hours" in text
        assert "What are your opening hours?" in text
        for forbidden in (SECRET_KEY, PUBLIC_KEY, "Bearer"):
            assert forbidden not in text, f"{forbidden[:6]}... in {path.name}"


def test_export_one_conversation_to_stdout(history: list[str]):
    result = run("export", "--conversation", history[1], "--format", "md", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Refund policy\n")
    assert HOSTILE in result.stdout


def test_export_a_selection(history: list[str], tmp_path: Path):
    path = tmp_path / "two.json"
    args = ["--conversation", history[1], "--conversation", history[0]]
    result = run("export", *args, "--format", "json", "-o", str(path))
    assert result.returncode == 0, result.stderr
    ids = [c["id"] for c in json.loads(path.read_text(encoding="utf-8"))["conversations"]]
    assert ids == [history[1], history[0]]


def test_export_failures_exit_2_with_a_sentence(history: list[str], tmp_path: Path):
    missing = run("export", "--conversation", "nope", "--format", "txt", "-o", str(tmp_path / "x"))
    assert missing.returncode == 2
    assert "There is no conversation with the id nope." in missing.stderr
    assert "Traceback" not in missing.stderr
    both = run("export", "--all", "--conversation", "x", "--format", "txt", "-o", "-")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    pdf = run("export", "--all", "--format", "pdf", "-o", "-")
    assert pdf.returncode == 2 and "A PDF cannot be written to the terminal" in pdf.stderr
    folder = run("export", "--all", "--format", "txt", "-o", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr


def test_export_with_no_history_yet(tmp_path: Path):
    result = run("export", "--all", "--format", "json", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert "There is no conversation history yet" in result.stderr
    assert not app_paths().database_path.exists()  # export never creates a database


def test_import_into_another_home_then_again(history: list[str], tmp_path: Path):
    export_path = tmp_path / "chats.json"
    assert run("export", "--all", "--format", "json", "-o", str(export_path)).returncode == 0
    other_home = tmp_path / "other-home"
    first = run("import", str(export_path), home=other_home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Imported 2 conversations (10 messages).")
    assert "Created the profile 'Imported: Helper' without keys" in first.stdout
    again = run("import", str(export_path), home=other_home)
    assert again.returncode == 0
    assert "Imported 0 conversations" in again.stdout
    assert "Skipped 2 already present" in again.stdout
    with Database.open(other_home / "data" / "history.sqlite3") as database:
        assert sorted(c.id for c in database.list_conversations()) == sorted(history)
        assert [p.key_ref for p in database.list_profiles()] == [""]


def test_import_of_a_bad_file_changes_nothing(history: list[str], tmp_path: Path):
    export_path = tmp_path / "chats.json"
    assert run("export", "--all", "--format", "json", "-o", str(export_path)).returncode == 0
    data = json.loads(export_path.read_text(encoding="utf-8"))
    data["conversations"][1]["messages"][3]["role"] = "robot"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    other_home = tmp_path / "other-home"
    result = run("import", str(bad), home=other_home)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "agentsgt-desktop: conversation 2, message 4: 'role' must be one of user, "
        "assistant, system, not 'robot'"
    )
    assert not (other_home / "data" / "history.sqlite3").exists()
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(export_path.read_bytes()[:500])
    result = run("import", str(truncated))
    assert result.returncode == 2 and "looks truncated" in result.stderr


def test_the_cli_format_choices_are_the_export_formats():
    from desktop_app.commands.export import FORMAT_CHOICES

    assert tuple(f.value for f in ExportFormat) == FORMAT_CHOICES
