#!/usr/bin/env bash
# Build the Linux packages: the one-folder PyInstaller build, a .tar.gz of it, and a .deb that
# installs to /opt/agentsgt-desktop with a launcher in /usr/bin, a .desktop file, icons, AppStream
# metainfo, and /usr/share/doc/agentsgt-desktop/{copyright,changelog.gz}.
#   bash packaging/build_linux.sh            -> packaging/out/*.tar.gz, *.deb
# Uses .venv (made by `python3 scripts/dev.py test` or `demo`), adding the `package` extra, or
# the interpreter in $PYTHON as it is when PyInstaller and the app's dependencies import there
# (the release build passes one made from the lock file by packaging/make_build_env.py).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/packaging/out"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"

if [ ! -x "$PY" ]; then
  python3 -m venv "$ROOT/.venv"
  PY="$ROOT/.venv/bin/python"
fi
# The project's own dependencies and PyInstaller: installed only when missing, so a prepared
# environment (PYTHON=/path/to/venv/bin/python) is used as it is.
if ! "$PY" -c 'import PyInstaller, PySide6, qasync, httpx, keyring, uvicorn' 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check -e ".[package]"
fi

VERSION="$("$PY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture 2>/dev/null || uname -m)"
NAME=agentsgt-desktop
rm -rf "$OUT/build" "$OUT/dist" "$OUT/deb-root"
mkdir -p "$OUT"

echo "== PyInstaller one-folder build ($VERSION, $ARCH)"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/agentsgt-desktop.spec
APPDIR="$OUT/dist/$NAME"
[ -x "$APPDIR/$NAME" ] || { echo "build failed: $APPDIR/$NAME missing" >&2; exit 1; }

echo "== tar.gz"
TARBALL="$OUT/$NAME-$VERSION-linux-$ARCH.tar.gz"
tar -C "$OUT/dist" -czf "$TARBALL" "$NAME"

echo "== .deb"
DEBROOT="$OUT/deb-root"
mkdir -p "$DEBROOT/DEBIAN" "$DEBROOT/opt" "$DEBROOT/usr/bin" "$DEBROOT/usr/share/applications"
cp -a "$APPDIR" "$DEBROOT/opt/$NAME"
cat > "$DEBROOT/usr/bin/$NAME" <<LAUNCHER
#!/bin/sh
exec /opt/$NAME/$NAME "\$@"
LAUNCHER
chmod 0755 "$DEBROOT/usr/bin/$NAME"
install -m 0644 resources/$NAME.desktop "$DEBROOT/usr/share/applications/$NAME.desktop"
install -D -m 0644 resources/com.agentsgt.desktop.metainfo.xml \
  "$DEBROOT/usr/share/metainfo/com.agentsgt.desktop.metainfo.xml"
"$PY" packaging/linux/deb_docs.py "$DEBROOT/usr/share/doc/$NAME"
for size in 16 24 32 48 64 128 256 512; do
  dir="$DEBROOT/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "resources/icons/$NAME-$size.png" "$dir/$NAME.png"
done
mkdir -p "$DEBROOT/usr/share/icons/hicolor/scalable/apps"
install -m 0644 "resources/icons/$NAME.svg" "$DEBROOT/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
INSTALLED_KB="$(du -sk "$DEBROOT" | cut -f1)"
# The system libraries the build links to but does not bundle (the spec leaves the desktop's
# own X11/Wayland/GL/fontconfig/glib/D-Bus/libstdc++ to the system), as package names.
DEPENDS="$("$PY" packaging/linux/deb_depends.py "$APPDIR")"
cat > "$DEBROOT/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: AgentsGT Desktop team <desktop@agentsgt.com>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: gnome-keyring | kwalletmanager, fonts-noto-color-emoji
Section: net
Priority: optional
Homepage: https://agentsgt.com
Description: Desktop client for AgentsGT AI agents
 Keep several agent profiles (keys in the OS keyring), chat with replies
 streaming in, and search, copy and export your conversations.
CONTROL
cat > "$DEBROOT/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q /usr/share/icons/hicolor || true; fi
POSTINST
chmod 0755 "$DEBROOT/DEBIAN/postinst"
DEB="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$DEBROOT" "$DEB" >/dev/null

echo "== sizes"
echo "one-folder build: $(du -sm "$APPDIR" | cut -f1) MB"
echo "tar.gz:           $(du -m "$TARBALL" | cut -f1) MB  ($TARBALL)"
echo "deb:              $(du -m "$DEB" | cut -f1) MB  ($DEB)"
