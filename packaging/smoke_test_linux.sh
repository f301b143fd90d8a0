#!/usr/bin/env bash
# Smoke-test the built .deb: unpack it into a temporary root (no dpkg -i, no root needed),
# check the files a desktop expects, that every bundled binary finds its libraries, and run the
# frozen app's --self-test offscreen (twice: with the keyring, and with none to see it refuse).
#   bash scripts/with-secret-service.sh bash packaging/smoke_test_linux.sh [file.deb]
# With AGENTSGT_SMOKE_INSTALL=1 (as root, on a throw-away machine) it also installs the package
# with apt-get, runs /usr/bin/agentsgt-desktop --self-test and removes the package again.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEB="${1:-$(ls -t "$ROOT"/packaging/out/*.deb | head -n1)}"
NAME=agentsgt-desktop
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

echo "== unpacking $(basename "$DEB")"
dpkg-deb -x "$DEB" "$TMP/root"
dpkg-deb -f "$DEB" Package Version Architecture
VERSION="$(python3 -c 'import sys,tomllib;print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
[ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] || fail "the package version is not pyproject's $VERSION"
dpkg-deb -f "$DEB" Depends | grep -q "libc6" || fail "the package declares no dependencies"

APP="$TMP/root/opt/$NAME"
for path in "opt/$NAME/$NAME" "usr/bin/$NAME" "usr/share/applications/$NAME.desktop" \
            "usr/share/icons/hicolor/256x256/apps/$NAME.png" \
            "usr/share/icons/hicolor/scalable/apps/$NAME.svg" \
            "usr/share/metainfo/com.agentsgt.desktop.metainfo.xml" \
            "usr/share/doc/$NAME/copyright" "usr/share/doc/$NAME/changelog.gz"; do
  [ -e "$TMP/root/$path" ] || fail "missing from the package: /$path"
done
grep -q "^exec /opt/$NAME/$NAME \"\$@\"" "$TMP/root/usr/bin/$NAME" \
  || fail "/usr/bin/$NAME does not start /opt/$NAME/$NAME"
grep -q "^Exec=$NAME" "$TMP/root/usr/share/applications/$NAME.desktop" \
  || fail "the .desktop file does not start $NAME"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$TMP/root/usr/share/applications/$NAME.desktop"
fi
if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net "$TMP/root/usr/share/metainfo/com.agentsgt.desktop.metainfo.xml"
fi
zcat "$TMP/root/usr/share/doc/$NAME/changelog.gz" | head -n1 | grep -q "^$NAME ($VERSION) " \
  || fail "the changelog's first entry is not $VERSION"
if find "$TMP/root" -path '*keyrings/alt*' | grep -q .; then
  fail "keyrings.alt must never be shipped"
fi
if find "$APP" -name '*gtk*' -o -name 'libgdk*' -o -name 'libQt6Qml*' -o -name 'libQt6Quick*' \
   | grep -q .; then
  fail "GTK or Qt Quick files were bundled: $(find "$APP" -name '*gtk*' -o -name 'libQt6Q*' | head -3)"
fi

echo "== every bundled binary finds its libraries"
missing="$(find "$APP" -type f \( -name '*.so*' -o -name "$NAME" \) -print0 \
  | xargs -0 -n 50 ldd 2>/dev/null | grep 'not found' | sort -u || true)"
[ -z "$missing" ] || fail "libraries not found (missing from Depends or the bundle): $missing"

echo "== frozen --version"
got="$("$APP/$NAME" --version)"
[ "$got" = "$NAME $VERSION" ] || fail "--version said '$got', expected '$NAME $VERSION'"

echo "== frozen --self-test (offscreen)"
export QT_QPA_PLATFORM=offscreen
REPORT="$ROOT/packaging/out/self-test.txt"
timeout 120 "$APP/$NAME" --self-test --self-test-report "$REPORT"
grep -q "^self-test ok: " "$REPORT" || fail "the report file does not say ok"

echo "== frozen --self-test without a keyring (must fail, saying why)"
status=0
PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
  timeout 120 "$APP/$NAME" --self-test >"$TMP/out.txt" 2>"$TMP/err.txt" || status=$?
[ "$status" -ne 0 ] || fail "the self-test passed without a keyring"
grep -q "^self-test FAILED: keyring: No keyring" "$TMP/err.txt" \
  || fail "no plain keyring reason: $(cat "$TMP/err.txt")"
echo "refused as expected: $(grep '^self-test' "$TMP/err.txt" | cut -c1-110)..."

if [ "${AGENTSGT_SMOKE_INSTALL:-}" = "1" ]; then
  echo "== apt-get install (AGENTSGT_SMOKE_INSTALL=1)"
  cp "$DEB" "$TMP/pkg.deb"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$TMP/pkg.deb" >/dev/null
  [ "$(command -v "$NAME")" = "/usr/bin/$NAME" ] || fail "$NAME is not on PATH as /usr/bin/$NAME"
  for path in "/opt/$NAME/$NAME" "/usr/share/applications/$NAME.desktop" \
              "/usr/share/icons/hicolor/48x48/apps/$NAME.png"; do
    [ -e "$path" ] || fail "not installed: $path"
  done
  timeout 120 "/usr/bin/$NAME" --self-test
  apt-get remove -y -q "$NAME" >/dev/null
  [ ! -e "/opt/$NAME" ] || fail "/opt/$NAME is left behind after removal"
fi
echo "smoke test passed"
