#!/usr/bin/env python3
"""Set up a fresh machine and run the app or the tests: `python3 scripts/dev.py demo|test`.

Creates `.venv` next to the repo, installs the project into it (with the `test` extra for
`test`), makes sure the system libraries Qt needs are present (on Debian/Ubuntu it installs
them with apt-get when run as root, otherwise it prints the one command to run), then starts the
demo or runs the whole test suite. Only the standard library is used, so it runs before anything
is installed. Works on Linux, macOS and Windows.
"""

from __future__ import annotations

import argparse
import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"

# Debian packages, by purpose. Offscreen Qt (tests) needs the first group; a real window the
# second; emoji/CJK rendering the fonts; the real-keyring test gnome-keyring under a D-Bus session.
QT_OFFSCREEN_DEBS = {
    "libgl1": "GL",
    "libegl1": "EGL",
    "libxkbcommon0": "xkbcommon",
    "libfontconfig1": "fontconfig",
    "libglib2.0-0": "glib-2.0",
    "libdbus-1-3": "dbus-1",
}
QT_WINDOW_DEBS = {
    "libxkbcommon-x11-0": "xkbcommon-x11",
    "libxcb-cursor0": "xcb-cursor",
    "libxcb-icccm4": "xcb-icccm",
    "libxcb-keysyms1": "xcb-keysyms",
    "libxcb-image0": "xcb-image",
    "libxcb-render-util0": "xcb-render-util",
    "libxcb-shape0": "xcb-shape",
    "libxcb-randr0": "xcb-randr",
    "libxcb-xkb1": "xcb-xkb",
    "libx11-xcb1": "X11-xcb",
}
TEST_DEBS = {
    "fonts-noto-color-emoji": None,
    "fonts-wqy-microhei": None,
    "gnome-keyring": None,
    "dbus": None,
    "dbus-x11": None,
    "xvfb": None,
    "poppler-utils": None,
}


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def missing_debs(packages: dict[str, str | None]) -> list[str]:
    """The Debian packages of `packages` whose library (or, for None, the package) is absent."""
    missing = []
    for package, library in packages.items():
        if library is not None:
            if ctypes.util.find_library(library) is None:
                missing.append(package)
        elif shutil.which("dpkg-query"):
            status = subprocess.run(
                ["dpkg-query", "-W", "-f=${Status}", package],
                capture_output=True,
                text=True,
                check=False,
            )
            if "install ok installed" not in status.stdout:
                missing.append(package)
    return missing


def ensure_system_packages(groups: list[dict[str, str | None]]) -> None:
    """On Debian-like Linux, install the missing Qt/font/keyring packages (root) or explain how."""
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    wanted = {name: lib for group in groups for name, lib in group.items()}
    missing = missing_debs(wanted)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        say("These system packages are missing: " + " ".join(missing))
        say("Install them with:  sudo apt-get update && sudo " + " ".join(command))
        raise SystemExit(1)
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*command, "-qq"], check=True, env=env)


def ensure_venv(extra: str | None) -> Path:
    """Create .venv if needed and install the project (editable) with `extra`."""
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError) as error:
            hint = "on Debian/Ubuntu: sudo apt-get install python3-venv"
            message = f"[dev] could not create the virtual environment: {error} ({hint})"
            raise SystemExit(message) from None
    target = f"{ROOT}[{extra}]" if extra else str(ROOT)
    # The editable install follows source changes by itself; only a changed pyproject.toml
    # (dependencies, entry points) or another extra needs pip again.
    stamp = VENV / f".installed-{extra or 'app'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="ascii") == wanted:
        return python
    say(f"installing {target} into {VENV}")
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", target], check=True)
    stamp.write_text(wanted, encoding="ascii")
    return python


def run_demo(args: argparse.Namespace) -> int:
    groups: list[dict[str, str | None]] = [QT_OFFSCREEN_DEBS]
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        groups.append(QT_WINDOW_DEBS)
    ensure_system_packages(groups)
    python = ensure_venv(None)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        say("no display found: running the demo as a streaming chat in this terminal instead")
        message = " ".join(args.rest) or "Hello! What can you do?"
        return subprocess.call([str(python), "-m", "desktop_app", "chat", "--demo", message])
    return subprocess.call([str(python), "-m", "desktop_app", "--demo", *args.rest])


def run_tests(args: argparse.Namespace) -> int:
    ensure_system_packages([QT_OFFSCREEN_DEBS, QT_WINDOW_DEBS, TEST_DEBS])
    python = ensure_venv("test")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    code = subprocess.call([str(python), "-m", "pytest", *args.rest], cwd=ROOT, env=env)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["demo", "test"])
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="passed on to the app or pytest")
    args = parser.parse_args()
    return run_demo(args) if args.command == "demo" else run_tests(args)


if __name__ == "__main__":
    raise SystemExit(main())
