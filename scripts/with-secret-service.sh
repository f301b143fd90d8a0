#!/usr/bin/env bash
# Run CMD inside a private D-Bus session with an unlocked gnome-keyring Secret Service.
#
#   scripts/with-secret-service.sh CMD [ARGS...]
#
# The keyring lives in a throw-away directory (never the user's real keyrings), is created
# and unlocked with the password "test-password", and the daemon is stopped when CMD ends.
# Exit status: CMD's, or 3 when the Secret Service could not be started.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

if [ -z "${_AGENTSGT_SECRET_SERVICE_SESSION:-}" ]; then
    for tool in dbus-run-session gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$0: $tool is not installed" >&2
            exit 3
        fi
    done
    export _AGENTSGT_SECRET_SERVICE_SESSION=1
    # dbus-run-session starts a fresh session bus, runs us again inside it, and stops the bus.
    exec dbus-run-session -- "$0" "$@"
fi
unset _AGENTSGT_SECRET_SERVICE_SESSION

state_dir="$(mktemp -d "${TMPDIR:-/tmp}/agentsgt-keyring.XXXXXX")"
mkdir -m 700 -p "$state_dir/data" "$state_dir/runtime"
daemon_pid=""

cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill "$daemon_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$daemon_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$state_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Private data and runtime dirs: the keyring file and control socket stay in $state_dir.
# --unlock reads the password from stdin and creates the "login" keyring if it is missing;
# that keyring becomes the default collection keyring's Secret Service backend writes to.
printf '%s' "test-password" | \
    XDG_DATA_HOME="$state_dir/data" XDG_RUNTIME_DIR="$state_dir/runtime" \
    gnome-keyring-daemon --foreground --unlock --components=secrets \
    --control-directory="$state_dir/runtime/keyring" >"$state_dir/daemon.log" 2>&1 &
daemon_pid=$!

# Wait (at most ~10 s) until the daemon owns org.freedesktop.secrets on our bus.
ready=""
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q "boolean true"; then
        ready=1
        break
    fi
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$ready" ]; then
    echo "$0: gnome-keyring-daemon did not start the Secret Service:" >&2
    cat "$state_dir/daemon.log" >&2 || true
    exit 3
fi

# Tells tests they are on a private, throw-away keyring (safe to write to).
export AGENTSGT_PRIVATE_SECRET_SERVICE=1
status=0
"$@" || status=$?
exit "$status"
