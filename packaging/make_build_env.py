"""Make the release build's Python environment from the lock file, hashes required.

    python packaging/make_build_env.py DIR     -> prints DIR's python, ready for PYTHON=...

A fresh virtual environment with exactly packaging/requirements-release.txt (the app's
dependencies and PyInstaller, every file checked against its sha256): the build never picks up
whatever a test run or a newer upload put on the machine. Only the standard library is used.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements-release.txt"


def python_in(env: Path) -> Path:
    """The interpreter of the virtual environment at `env`."""
    if sys.platform == "win32":
        return env / "Scripts" / "python.exe"
    return env / "bin" / "python"


def main(argv: list[str]) -> int:
    env = Path(argv[1]).resolve()
    venv.EnvBuilder(with_pip=True, clear=True).create(env)
    python = python_in(env)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    subprocess.run([str(python), "-m", "pip", "check"], check=True, stdout=subprocess.DEVNULL)
    print(python)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
