#!/usr/bin/env bash
# Run the release workflow's Linux packaging steps on this machine, as the tag build would:
# validate the metadata and lock file, build from a fresh environment made from the lock file
# (hashes required), smoke-test the .deb, build the AppImage, write and check SHA256SUMS.
#   bash packaging/release_dry_run.sh        -> packaging/out/*.tar.gz, *.deb, SHA256SUMS
# appimagetool cannot be fetched here: without APPIMAGETOOL the AppDir is built and run, and the
# AppImage itself is skipped (said plainly). Needs binutils, libpython3.11, desktop-file-utils,
# appstream, gnome-keyring and dbus (.ci/run installs them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/packaging/out"
cd "$ROOT"
ENV_DIR="$(mktemp -d)/build-env"
trap 'rm -rf "$(dirname "$ENV_DIR")"' EXIT

echo "=== 1. metadata and lock file"
bash packaging/validate_metadata.sh
echo "=== 2. build environment from packaging/requirements-release.txt (--require-hashes)"
PYTHON="$(python3 packaging/make_build_env.py "$ENV_DIR" | tail -n1)"
export PYTHON
rm -f "$OUT"/*.tar.gz "$OUT"/*.deb "$OUT"/*.AppImage "$OUT"/SHA256SUMS
echo "=== 3. one-folder build, .tar.gz, .deb"
bash packaging/build_linux.sh
echo "=== 4. smoke test (frozen --self-test)"
bash scripts/with-secret-service.sh bash packaging/smoke_test_linux.sh
echo "=== 5. AppImage"
bash packaging/linux/build_appimage.sh
echo "=== 6. SHA256SUMS"
bash packaging/checksums.sh "$OUT"
ls -l "$OUT"/*.tar.gz "$OUT"/*.deb "$OUT"/SHA256SUMS "$OUT"/*.AppImage 2>/dev/null || true
