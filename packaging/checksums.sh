#!/usr/bin/env bash
# Write DIR/SHA256SUMS for the release files in DIR and check it (`sha256sum -c`).
#   bash packaging/checksums.sh packaging/out
set -euo pipefail
cd "$1"
shopt -s nullglob
files=(*.tar.gz *.deb *.AppImage *.dmg *-setup.exe)
[ "${#files[@]}" -gt 0 ] || { echo "no release files in $1" >&2; exit 1; }
sha256sum "${files[@]}" > SHA256SUMS
sha256sum -c SHA256SUMS
