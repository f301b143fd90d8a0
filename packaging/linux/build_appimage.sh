#!/usr/bin/env bash
# Make an AppImage from the one-folder build that build_linux.sh left in packaging/out/dist.
#   APPIMAGETOOL=/path/to/appimagetool bash packaging/linux/build_appimage.sh
# The AppDir carries what the .deb leaves to its Depends but a desktop may lack: the xcb
# utility libraries and libxkbcommon-x11 that Qt's X11 platform plugin links to (copied from
# this build machine, found with ldd on the plugin), so the AppImage starts on a system with
# only the X11 basics. glibc, libX11/libxcb, GL, fontconfig and D-Bus still come from the system.
# appimagetool is not packaged in Debian: the release workflow downloads it and passes
# APPIMAGETOOL. Without one, the AppDir is built and checked and the AppImage step is skipped,
# saying so (exit 0), unless AGENTSGT_REQUIRE_APPIMAGE=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/packaging/out"
NAME=agentsgt-desktop
cd "$ROOT"
VERSION="$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
APPDIR="$OUT/AppDir"
[ -x "$OUT/dist/$NAME/$NAME" ] || { echo "run packaging/build_linux.sh first" >&2; exit 1; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib/xcb" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo" \
  "$APPDIR/usr/share/icons/hicolor/256x256/apps"
cp -a "$OUT/dist/$NAME" "$APPDIR/usr/lib/$NAME"
install -m 0644 "resources/$NAME.desktop" "$APPDIR/$NAME.desktop"
install -m 0644 "resources/$NAME.desktop" "$APPDIR/usr/share/applications/$NAME.desktop"
install -m 0644 resources/com.agentsgt.desktop.metainfo.xml \
  "$APPDIR/usr/share/metainfo/com.agentsgt.desktop.metainfo.xml"
install -m 0644 "resources/icons/$NAME-256.png" "$APPDIR/$NAME.png"
install -m 0644 "resources/icons/$NAME-256.png" "$APPDIR/usr/share/icons/hicolor/256x256/apps/$NAME.png"

echo "== xcb libraries for Qt's X11 plugin"
PLUGIN="$(find "$APPDIR/usr/lib/$NAME" -name libqxcb.so | head -n1)"
[ -n "$PLUGIN" ] || { echo "no libqxcb.so in the build" >&2; exit 1; }
# ldd lists the whole dependency tree; keep the xcb utility libraries (not libxcb.so.1 itself,
# which every X11 system has) and the X11 keyboard glue.
ldd "$PLUGIN" "$(dirname "$PLUGIN")/../../lib/libQt6XcbQpa.so.6" \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3}' \
  | grep -E '/(libxcb-[a-z0-9-]+|libxkbcommon-x11|libX11-xcb)\.so' | sort -u \
  | while read -r lib; do
      cp -L "$lib" "$APPDIR/usr/lib/xcb/$(basename "$lib")"
      echo "  $(basename "$lib")"
    done
missing="$(ldd "$PLUGIN" | grep 'not found' || true)"
[ -z "$missing" ] || { echo "libqxcb.so lacks: $missing" >&2; exit 1; }

cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# The bundled xcb libraries come after any the user set, before the system's.
HERE="$(dirname "$(readlink -f "$0")")"
LD_LIBRARY_PATH="$HERE/usr/lib/xcb${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
exec "$HERE/usr/lib/agentsgt-desktop/agentsgt-desktop" "$@"
APPRUN
chmod 0755 "$APPDIR/AppRun"

echo "== AppDir check: the frozen app runs from it"
got="$(QT_QPA_PLATFORM=offscreen "$APPDIR/AppRun" --version)"
[ "$got" = "$NAME $VERSION" ] || { echo "AppRun --version said '$got'" >&2; exit 1; }

TOOL="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
IMAGE="$OUT/$NAME-$VERSION-linux-x86_64.AppImage"
if [ -z "$TOOL" ]; then
  if [ "${AGENTSGT_REQUIRE_APPIMAGE:-}" = "1" ]; then
    echo "no appimagetool (set APPIMAGETOOL)" >&2
    exit 1
  fi
  echo "== AppImage SKIPPED: appimagetool is not available here (the release workflow downloads"
  echo "   it); the AppDir is ready at $APPDIR"
  exit 0
fi
rm -f "$IMAGE"
ARCH=x86_64 "$TOOL" --appimage-extract-and-run --no-appstream "$APPDIR" "$IMAGE"
echo "== AppImage --version"
"$IMAGE" --appimage-extract-and-run --version
echo "built $IMAGE ($(du -m "$IMAGE" | cut -f1) MB)"
