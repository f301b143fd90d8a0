#!/usr/bin/env bash
# Make an AppImage from the one-folder build that build_linux.sh left in packaging/out/dist.
# Run in the release workflow only: appimagetool is not packaged in Debian 12 and its runtime is
# downloaded from its project's releases, which the build machines here cannot reach.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/packaging/out"
NAME=agentsgt-desktop
VERSION="$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
APPDIR="$OUT/AppDir"
[ -x "$OUT/dist/$NAME/$NAME" ] || { echo "run packaging/build_linux.sh first" >&2; exit 1; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications"
cp -a "$OUT/dist/$NAME" "$APPDIR/usr/lib/$NAME"
cp "$ROOT/resources/$NAME.desktop" "$APPDIR/$NAME.desktop"
cp "$ROOT/resources/$NAME.desktop" "$APPDIR/usr/share/applications/"
cp "$ROOT/resources/icons/$NAME-256.png" "$APPDIR/$NAME.png"
cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/lib/agentsgt-desktop/agentsgt-desktop" "$@"
APPRUN
chmod +x "$APPDIR/AppRun"

TOOL="$OUT/appimagetool"
if [ ! -x "$TOOL" ]; then
  curl -fsSL -o "$TOOL" \
    "https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-x86_64.AppImage"
  chmod +x "$TOOL"
fi
ARCH=x86_64 "$TOOL" --appimage-extract-and-run "$APPDIR" "$OUT/$NAME-$VERSION-linux-x86_64.AppImage"
