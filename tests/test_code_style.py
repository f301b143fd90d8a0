"""The code stays as DESIGN.md asks: ruff-clean and ruff-formatted, and core type-checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint_and_format_are_clean() -> None:
    lint = _run("ruff", "check", "--no-cache", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = _run("ruff", "format", "--no-cache", "--check", ".")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


def test_core_type_checks() -> None:
    result = _run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr
