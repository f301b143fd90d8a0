#!/usr/bin/env bash
# Build the macOS app bundle and disk image: PyInstaller .app, frozen self-test, hdiutil .dmg.
# The bundle is for this machine's architecture (arm64 or x86_64: the release builds each on
# its own runner) and needs macOS 13 or later, as PySide6 6.11 does.
# Code signing and notarisation run only when their secrets are in the environment:
#   MACOS_SIGN_IDENTITY       "Developer ID Application: ..." (in a keychain on the search list:
#                             packaging/macos/import_certificate.sh puts it there on CI)
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (app-specific password)
# Uses $PYTHON as it is (the release build makes one from the lock file), else .venv with the
# `package` extra.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/packaging/out"
cd "$ROOT"
if [ -n "${PYTHON:-}" ]; then
  PY="$PYTHON"
else
  PY="$ROOT/.venv/bin/python"
  [ -x "$PY" ] || python3 -m venv .venv
  "$PY" -m pip install -q --disable-pip-version-check -e ".[package]"
fi
VERSION="$("$PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
APP="$OUT/dist/AgentsGT Desktop.app"

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/agentsgt-desktop.spec
[ -d "$APP" ] || { echo "no app bundle at $APP" >&2; exit 1; }

self_test() {
  QT_QPA_PLATFORM=offscreen AGENTSGT_DESKTOP_HOME="$(mktemp -d)" \
    "$APP/Contents/MacOS/agentsgt-desktop" --self-test --self-test-report "$OUT/self-test.txt"
}
self_test

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "== signing with $MACOS_SIGN_IDENTITY"
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
  echo "== frozen --self-test again, signed (the hardened runtime can refuse what ran before)"
  self_test
else
  echo "== MACOS_SIGN_IDENTITY not set: the app is not signed (Gatekeeper will warn)"
fi

DMG="$OUT/agentsgt-desktop-$VERSION-macos-$(uname -m).dmg"
STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
# hdiutil fails now and then with "Resource busy" while Spotlight or XProtect looks at the
# staged files: try again a few times before giving up.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "AgentsGT Desktop" -srcfolder "$STAGE" -ov -format UDZO "$DMG" \
       2>"$OUT/hdiutil.err"; then
    break
  fi
  cat "$OUT/hdiutil.err" >&2
  if ! grep -q "Resource busy" "$OUT/hdiutil.err" || [ "$attempt" = 5 ]; then
    echo "hdiutil create failed" >&2
    exit 1
  fi
  echo "== hdiutil: resource busy, trying again ($attempt)"
  sleep $((attempt * 5))
done
rm -rf "$STAGE" "$OUT/hdiutil.err"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] \
   && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "== notarising"
  xcrun notarytool submit "$DMG" --apple-id "$MACOS_NOTARY_APPLE_ID" \
    --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD" --wait
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
else
  echo "== notarisation secrets not set: skipping notarisation"
fi
echo "built $DMG ($(du -m "$DMG" | cut -f1) MB)"
