"""`agentsgt-desktop --self-test` from source, as a subprocess through the frozen app's launcher.

With a real keyring (gnome-keyring on a private D-Bus session, scripts/with-secret-service.sh)
the self-test streams a demo reply into the offscreen window and passes; with keyring's fail
backend it fails and says why. Both runs go at once: each takes a few seconds of waiting.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.self_test import Check, SelfTestResult, split_report_flag

REPO_ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = REPO_ROOT / "packaging" / "launcher.py"
SCRIPT = REPO_ROOT / "scripts" / "with-secret-service.sh"
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "dbus-send")
MISSING_TOOLS = [tool for tool in TOOLS if shutil.which(tool) is None]

OK_LINE = re.compile(
    r"^self-test ok: reply \d+ chars via ui in \d+\.\d s; keyring Secret Service[^;]*; "
    r"resources ok; database ok$"
)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env.update(
        PYTHONPATH=str(REPO_ROOT),
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path),  # the self-test's home and the keyring's state land here
        PYTHONDONTWRITEBYTECODE="1",
        **extra,
    )
    return env


def _start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("self-test")]


@pytest.mark.secret_service
@pytest.mark.slow
@pytest.mark.skipif(bool(MISSING_TOOLS), reason=f"needs {', '.join(MISSING_TOOLS)}")
def test_self_test_passes_with_a_keyring_and_fails_clearly_without(
    tmp_path: Path, _isolated_home: Path
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "fail").mkdir()
    report = tmp_path / "report" / "self-test.txt"
    python = [sys.executable, str(LAUNCHER), "--self-test"]
    with_keyring = _start(
        ["bash", str(SCRIPT), *python, "--self-test-report", str(report)], _env(tmp_path / "ok")
    )
    without = _start(
        python,
        _env(tmp_path / "fail", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
    )
    out_ok, err_ok = with_keyring.communicate(timeout=110)
    out_fail, err_fail = without.communicate(timeout=110)

    assert with_keyring.returncode == 0, err_ok
    [line] = _lines(out_ok)
    assert OK_LINE.match(line), line
    assert report.read_text(encoding="utf-8") == line + "\n"
    assert "Traceback" not in err_ok

    assert without.returncode == 1, out_fail + err_fail
    assert _lines(out_fail) == []
    [failure] = _lines(err_fail)
    assert failure.startswith("self-test FAILED: keyring: No keyring service is running"), failure
    # The other checks still ran and passed: the one failure is named, not a crash.
    assert re.search(r"; reply \d+ chars via ui in [\d.]+ s; resources ok; database ok$", failure)
    assert "Traceback" not in err_fail

    # The self-test works in a throw-away home: the user's own data dirs stay untouched.
    assert list(_isolated_home.iterdir()) == []


def test_report_flag_is_taken_out_in_both_spellings() -> None:
    assert split_report_flag(["--self-test", "--self-test-report", "a.txt", "-x"]) == (
        ["--self-test", "-x"],
        Path("a.txt"),
    )
    assert split_report_flag(["--self-test-report=b.txt", "--self-test"]) == (
        ["--self-test"],
        Path("b.txt"),
    )
    assert split_report_flag(["--self-test"]) == (["--self-test"], None)
    with pytest.raises(ValueError, match="needs a file name"):
        split_report_flag(["--self-test", "--self-test-report"])


def test_summary_names_failures_first_and_keeps_the_passed_details() -> None:
    passed = Check("database", True, "database ok")
    failed = Check("keyring", False, "No keyring service is running.")
    assert SelfTestResult((passed,)).summary() == "self-test ok: database ok"
    assert SelfTestResult((passed, failed)).summary() == (
        "self-test FAILED: keyring: No keyring service is running; database ok"
    )
    assert not SelfTestResult(()).ok
    assert SelfTestResult(()).summary() == "self-test FAILED: no check ran"
