#!/usr/bin/env bash
# Smoke-test the built .deb: unpack it into a temporary root (no dpkg -i, no root needed),
# check the files a desktop expects, and run the frozen app's --self-test offscreen.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEB="${1:-$(ls -t "$ROOT"/packaging/out/*.deb | head -n1)}"
NAME=agentsgt-desktop
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== unpacking $(basename "$DEB")"
dpkg-deb -x "$DEB" "$TMP/root"
dpkg-deb -f "$DEB" Package Version Architecture
for path in "opt/$NAME/$NAME" "usr/bin/$NAME" "usr/share/applications/$NAME.desktop" \
            "usr/share/icons/hicolor/256x256/apps/$NAME.png" \
            "usr/share/icons/hicolor/scalable/apps/$NAME.svg"; do
  [ -e "$TMP/root/$path" ] || { echo "missing from the package: /$path" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$TMP/root/usr/share/applications/$NAME.desktop"
fi
if find "$TMP/root" -path '*keyrings/alt*' | grep -q .; then
  echo "keyrings.alt must never be shipped" >&2; exit 1
fi

echo "== frozen --self-test (offscreen)"
export QT_QPA_PLATFORM=offscreen
export AGENTSGT_DESKTOP_HOME="$TMP/home"
timeout 120 "$TMP/root/opt/$NAME/$NAME" --self-test
echo "smoke test passed"
