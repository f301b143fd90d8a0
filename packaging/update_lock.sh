#!/usr/bin/env bash
# Regenerate packaging/requirements-release.txt, the hashed lock file the release build and
# .ci/run's package step install from (`pip install --require-hashes`). One file for Linux,
# macOS and Windows (uv's --universal adds the platform markers), the app plus PyInstaller.
# uv runs from a throw-away virtual environment; nothing is installed into the project's.
#   bash packaging/update_lock.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$(mktemp -d)"
trap 'rm -rf "$TOOLS"' EXIT
python3 -m venv "$TOOLS/venv"
"$TOOLS/venv/bin/python" -m pip install -q --disable-pip-version-check "uv>=0.13,<0.14"
cd "$ROOT"
"$TOOLS/venv/bin/uv" pip compile pyproject.toml --extra package --universal \
  --python-version 3.11 --generate-hashes --no-emit-index-url --quiet \
  --custom-compile-command "bash packaging/update_lock.sh" \
  -o packaging/requirements-release.txt
