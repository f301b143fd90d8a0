#!/usr/bin/env bash
# Put the Developer ID Application certificate into a temporary keychain for codesign.
#   MACOS_CERTIFICATE           the .p12 file, base64-encoded
#   MACOS_CERTIFICATE_PASSWORD  its password
# The keychain lives in $RUNNER_TEMP (or a temp folder) with a random password and is added to
# the search list; the workflow deletes it after the build.
set -euo pipefail
: "${MACOS_CERTIFICATE:?the base64 .p12 is required}"
: "${MACOS_CERTIFICATE_PASSWORD:?the .p12 password is required}"
DIR="${RUNNER_TEMP:-$(mktemp -d)}"
KEYCHAIN="$DIR/signing.keychain-db"
PASSWORD="$(openssl rand -base64 24)"
CERT="$DIR/certificate.p12"
trap 'rm -f "$CERT"' EXIT
printf '%s' "$MACOS_CERTIFICATE" | base64 --decode > "$CERT"
security create-keychain -p "$PASSWORD" "$KEYCHAIN"
security set-keychain-settings -lut 21600 "$KEYCHAIN"
security unlock-keychain -p "$PASSWORD" "$KEYCHAIN"
security import "$CERT" -k "$KEYCHAIN" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "$PASSWORD" "$KEYCHAIN" >/dev/null
# shellcheck disable=SC2046
security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
security find-identity -v -p codesigning "$KEYCHAIN"
