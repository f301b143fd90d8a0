#!/usr/bin/env bash
# The checks the release workflow and .ci/run both run before building: the .desktop file
# (desktop-file-validate, package desktop-file-utils), the AppStream metainfo (appstreamcli,
# package appstream) and the lock file against pyproject.toml (packaging/check_lock.py).
#   bash packaging/validate_metadata.sh        (PYTHON: an interpreter with `packaging`)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"
echo "== desktop-file-validate"
desktop-file-validate resources/agentsgt-desktop.desktop
echo "== appstreamcli validate"
appstreamcli validate --no-net resources/com.agentsgt.desktop.metainfo.xml
echo "== lock file"
"$PY" packaging/check_lock.py
