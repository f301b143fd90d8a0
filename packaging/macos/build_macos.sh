#!/usr/bin/env bash
# Build the macOS app bundle and disk image: PyInstaller .app, frozen self-test, hdiutil .dmg.
# Code signing and notarisation run only when their secrets are in the environment:
#   MACOS_SIGN_IDENTITY       "Developer ID Application: ..." (a keychain identity)
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (app-specific password)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/packaging/out"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"
[ -x "$PY" ] || { python3 -m venv .venv; PY="$ROOT/.venv/bin/python"; }
"$PY" -m pip install -q --disable-pip-version-check -e ".[package]"
VERSION="$("$PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
APP="$OUT/dist/AgentsGT Desktop.app"

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/agentsgt-desktop.spec
[ -d "$APP" ] || { echo "no app bundle at $APP" >&2; exit 1; }

QT_QPA_PLATFORM=offscreen AGENTSGT_DESKTOP_HOME="$(mktemp -d)" \
  "$APP/Contents/MacOS/agentsgt-desktop" --self-test --self-test-report "$OUT/self-test.txt"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "== signing with $MACOS_SIGN_IDENTITY"
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
else
  echo "== MACOS_SIGN_IDENTITY not set: the app is not signed (Gatekeeper will warn)"
fi

DMG="$OUT/agentsgt-desktop-$VERSION-macos-$(uname -m).dmg"
STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "AgentsGT Desktop" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
rm -rf "$STAGE"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] \
   && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "== notarising"
  xcrun notarytool submit "$DMG" --apple-id "$MACOS_NOTARY_APPLE_ID" \
    --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD" --wait
  xcrun stapler staple "$DMG"
else
  echo "== notarisation secrets not set: skipping notarisation"
fi
echo "built $DMG ($(du -m "$DMG" | cut -f1) MB)"
