#!/usr/bin/env python3
"""Set up a fresh machine and run the app or the tests: `python3 scripts/dev.py demo|test`.

Checks the Python first (3.11 or newer, else it says which to install), creates `.venv` next to
the repo (replacing one an older Python made), installs the project into it (with the `test`
extra for `test`), makes sure the system libraries Qt needs are present (on Debian/Ubuntu,
Fedora and Arch it installs them when run as root, otherwise it prints the one command to
run), then starts the demo or runs the whole test suite. Only the standard library is used, in
Python 3.7's syntax, so an older Python still gets far enough to say what to install. Works on
Linux, macOS and Windows.
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
MINIMUM_PYTHON = (3, 11)

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
# The same packages on Fedora (dnf) and Arch (pacman), by their Debian names. Several Debian
# packages are one package there (libxcb holds xcb-shape, -randr and -xkb; xcb-util-wm holds
# icccm; dbus-x11 is part of dbus on Arch).
OTHER_DISTROS = {
    "fedora": {
        "libgl1": "mesa-libGL", "libegl1": "mesa-libEGL", "libxkbcommon0": "libxkbcommon",
        "libfontconfig1": "fontconfig", "libglib2.0-0": "glib2", "libdbus-1-3": "dbus-libs",
        "libxkbcommon-x11-0": "libxkbcommon-x11", "libxcb-cursor0": "xcb-util-cursor",
        "libxcb-icccm4": "xcb-util-wm", "libxcb-keysyms1": "xcb-util-keysyms",
        "libxcb-image0": "xcb-util-image", "libxcb-render-util0": "xcb-util-renderutil",
        "libxcb-shape0": "libxcb", "libxcb-randr0": "libxcb", "libxcb-xkb1": "libxcb",
        "libx11-xcb1": "libX11-xcb", "fonts-noto-color-emoji": "google-noto-color-emoji-fonts",
        "fonts-wqy-microhei": "wqy-microhei-fonts", "gnome-keyring": "gnome-keyring",
        "dbus": "dbus-daemon", "dbus-x11": "dbus-x11", "xvfb": "xorg-x11-server-Xvfb",
        "poppler-utils": "poppler-utils",
    },
    "arch": {
        "libgl1": "libglvnd", "libegl1": "libglvnd", "libxkbcommon0": "libxkbcommon",
        "libfontconfig1": "fontconfig", "libglib2.0-0": "glib2", "libdbus-1-3": "dbus",
        "libxkbcommon-x11-0": "libxkbcommon-x11", "libxcb-cursor0": "xcb-util-cursor",
        "libxcb-icccm4": "xcb-util-wm", "libxcb-keysyms1": "xcb-util-keysyms",
        "libxcb-image0": "xcb-util-image", "libxcb-render-util0": "xcb-util-renderutil",
        "libxcb-shape0": "libxcb", "libxcb-randr0": "libxcb", "libxcb-xkb1": "libxcb",
        "libx11-xcb1": "libx11", "fonts-noto-color-emoji": "noto-fonts-emoji",
        "fonts-wqy-microhei": "wqy-microhei", "gnome-keyring": "gnome-keyring",
        "dbus": "dbus", "dbus-x11": "dbus", "xvfb": "xorg-server-xvfb",
        "poppler-utils": "poppler",
    },
}  # fmt: skip
# How each family installs packages, and how it installs a Python new enough.
INSTALL_COMMANDS = {
    "debian": ["apt-get", "install", "-y", "--no-install-recommends"],
    "fedora": ["dnf", "install", "-y"],
    "arch": ["pacman", "-S", "--needed", "--noconfirm"],
}
PYTHON_HINTS = {
    "debian": "sudo apt-get install python3.11 python3.11-venv  (then: python3.11 scripts/dev.py)",
    "fedora": "sudo dnf install python3.11  (then: python3.11 scripts/dev.py)",
    "arch": "sudo pacman -S python",
    "darwin": "brew install python@3.11, or the installer from python.org",
    "win32": "winget install Python.Python.3.11 (then: py -3.11 scripts\\dev.py)",
    "other": "Python 3.11 or newer from your system's packages or python.org",
}
# A command (or font name) that shows a non-library package is there, where dpkg cannot tell.
PRESENCE = {
    "fonts-noto-color-emoji": "font:Noto Color Emoji",
    "fonts-wqy-microhei": "font:WenQuanYi Micro Hei",
    "gnome-keyring": "gnome-keyring-daemon",
    "dbus": "dbus-daemon",
    "dbus-x11": "dbus-launch",
    "xvfb": "Xvfb",
    "poppler-utils": "pdftoppm",
}


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def distro_family(os_release: str) -> str | None:
    """ "debian", "fedora" or "arch" from the text of /etc/os-release (ID and ID_LIKE)."""
    names = []
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            names += value.strip().strip('"').lower().split()
    for family, members in (
        ("debian", {"debian", "ubuntu"}),
        ("fedora", {"fedora", "rhel", "centos"}),
        ("arch", {"arch", "archlinux", "manjaro"}),
    ):
        if members & set(names):
            return family
    return None


def current_family() -> str | None:
    """This machine's distribution family (None off Linux or for an unknown one)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return distro_family(Path("/etc/os-release").read_text(encoding="utf-8"))
    except OSError:
        return None


def python_problem(version: tuple, family: str | None, platform: str) -> str | None:
    """Why `version` cannot run the app, with the line that installs one that can (or None)."""
    if tuple(version[:2]) >= MINIMUM_PYTHON:
        return None
    where = family or (platform if platform in PYTHON_HINTS else "other")
    return "AgentsGT Desktop needs Python {}.{} or newer; this is {}. Install one: {}".format(
        MINIMUM_PYTHON[0], MINIMUM_PYTHON[1], ".".join(map(str, version[:3])), PYTHON_HINTS[where]
    )


def venv_version(pyvenv_cfg: str) -> tuple | None:
    """The Python version a virtual environment was made with, from its pyvenv.cfg."""
    for line in pyvenv_cfg.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            try:
                return tuple(int(part) for part in value.strip().split(".")[:3])
            except ValueError:
                return None
    return None


def venv_is_stale(pyvenv_cfg: str) -> bool:
    """True when the .venv with this pyvenv.cfg was made by a Python older than the minimum
    (or by one that did not say which it was)."""
    made_with = venv_version(pyvenv_cfg)
    return made_with is None or made_with[:2] < MINIMUM_PYTHON


def package_names(debian: list[str], family: str) -> list[str]:
    """The Debian package names in `family`'s own names (each once, in order)."""
    names = debian if family == "debian" else [OTHER_DISTROS[family][p] for p in debian]
    return list(dict.fromkeys(names))


def install_command(debian: list[str], family: str) -> list[str]:
    """The command that installs the packages `debian` names, on `family`."""
    return [*INSTALL_COMMANDS[family], *package_names(debian, family)]


def _present(probe: str) -> bool:
    if probe.startswith("font:"):
        if not shutil.which("fc-list"):
            return False
        fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
        return probe[5:].lower() in fonts.lower()
    return shutil.which(probe) is not None


def missing_debs(packages: dict[str, str | None], family: str = "debian") -> list[str]:
    """The Debian packages of `packages` whose library (or, for None, the package) is absent."""
    missing = []
    for package, library in packages.items():
        if library is not None:
            if ctypes.util.find_library(library) is None:
                missing.append(package)
        elif family != "debian":
            if not _present(PRESENCE[package]):
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
    """On Debian/Ubuntu, Fedora or Arch, install the missing Qt/font/keyring packages (as root)
    or print the one command that does."""
    family = current_family()
    if family is None or not shutil.which(INSTALL_COMMANDS[family][0]):
        return
    wanted = {name: lib for group in groups for name, lib in group.items()}
    missing = missing_debs(wanted, family)
    if not missing:
        return
    command = install_command(missing, family)
    if os.geteuid() != 0:
        refresh = "sudo apt-get update && " if family == "debian" else ""
        say("These system packages are missing: " + " ".join(package_names(missing, family)))
        say("Install them with:  " + refresh + "sudo " + " ".join(command))
        raise SystemExit(1)
    say("installing system packages: " + " ".join(package_names(missing, family)))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if family == "debian":
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        command.append("-qq")
    subprocess.run(command, check=True, env=env)


def ensure_venv(extra: str | None) -> Path:
    """Create .venv if needed and install the project (editable) with `extra`."""
    python = venv_python()
    cfg = _read(VENV / "pyvenv.cfg")
    if python.exists() and venv_is_stale(cfg):
        # An older Python's .venv (a run before the version check existed) is broken for the
        # app: start again rather than reuse it.
        made_with = ".".join(map(str, venv_version(cfg) or ())) or "an unknown Python"
        say(f"removing {VENV}: it was made by {made_with}, and 3.11 or newer is needed")
        shutil.rmtree(VENV)
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


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


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
    problem = python_problem(tuple(sys.version_info), current_family(), sys.platform)
    if problem is not None:
        print("[dev] " + problem, file=sys.stderr)
        return 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["demo", "test"])
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="passed on to the app or pytest")
    args = parser.parse_args()
    return run_demo(args) if args.command == "demo" else run_tests(args)


if __name__ == "__main__":
    raise SystemExit(main())
