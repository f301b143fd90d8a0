"""scripts/dev.py's pure parts: the Python check, the .venv check, and each distribution's
package names and install line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


dev = load_script(ROOT / "scripts" / "dev.py")


@pytest.mark.parametrize(
    ("family", "platform", "hint"),
    [
        ("debian", "linux", "sudo apt-get install python3.11 python3.11-venv"),
        ("fedora", "linux", "sudo dnf install python3.11"),
        ("arch", "linux", "sudo pacman -S python"),
        (None, "darwin", "brew install python@3.11"),
        (None, "win32", "winget install Python.Python.3.11"),
        (None, "linux", "Python 3.11 or newer from your system's packages"),
    ],
)
def test_too_old_a_python_is_named_with_the_line_that_installs_a_new_one(
    family: str | None, platform: str, hint: str
) -> None:
    problem = dev.python_problem((3, 10, 12, "final", 0), family, platform)
    assert problem is not None
    assert "needs Python 3.11 or newer; this is 3.10.12" in problem and hint in problem


def test_a_new_enough_python_passes() -> None:
    assert dev.python_problem((3, 11, 0), "debian", "linux") is None
    assert dev.python_problem((3, 13, 1), None, "win32") is None
    assert dev.python_problem(tuple(sys.version_info), None, sys.platform) is None


def test_venv_version_is_read_from_pyvenv_cfg() -> None:
    cfg = "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.10.12\n"
    assert dev.venv_version(cfg) == (3, 10, 12)
    assert dev.venv_version("home = /usr/bin\nversion_info = 3.12.1.final.0\n") == (3, 12, 1)
    assert dev.venv_version("home = /usr/bin\n") is None
    assert dev.venv_version("") is None
    assert dev.venv_is_stale(cfg) and dev.venv_is_stale("")
    assert not dev.venv_is_stale("version = 3.11.7\n")


@pytest.mark.parametrize(
    ("os_release", "family"),
    [
        ('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', "debian"),
        ("ID=ubuntu\nID_LIKE=debian\n", "debian"),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"),
        ("ID=fedora\nVERSION_ID=41\n", "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
        ("ID=arch\n", "arch"),
        ("ID=manjaro\nID_LIKE=arch\n", "arch"),
        ('ID=opensuse-tumbleweed\nID_LIKE="opensuse suse"\n', None),
        ("", None),
    ],
)
def test_distro_family_from_os_release(os_release: str, family: str | None) -> None:
    assert dev.distro_family(os_release) == family


def test_every_debian_package_has_a_fedora_and_an_arch_name() -> None:
    debian = [*dev.QT_OFFSCREEN_DEBS, *dev.QT_WINDOW_DEBS, *dev.TEST_DEBS]
    for family in ("fedora", "arch"):
        assert set(dev.OTHER_DISTROS[family]) == set(debian), family
    # What is not a library is found by a command or a font name off Debian.
    assert {name for name, lib in dev.TEST_DEBS.items() if lib is None} == set(dev.PRESENCE)


def test_install_lines_use_each_distros_names() -> None:
    window = list(dev.QT_WINDOW_DEBS)
    assert dev.install_command(window, "fedora") == [
        "dnf", "install", "-y", "libxkbcommon-x11", "xcb-util-cursor", "xcb-util-wm",
        "xcb-util-keysyms", "xcb-util-image", "xcb-util-renderutil", "libxcb", "libX11-xcb",
    ]  # fmt: skip
    assert dev.install_command(window, "arch") == [
        "pacman", "-S", "--needed", "--noconfirm", "libxkbcommon-x11", "xcb-util-cursor",
        "xcb-util-wm", "xcb-util-keysyms", "xcb-util-image", "xcb-util-renderutil", "libxcb",
        "libx11",
    ]  # fmt: skip
    assert dev.install_command(["libxcb-cursor0", "xvfb"], "debian") == [
        "apt-get", "install", "-y", "--no-install-recommends", "libxcb-cursor0", "xvfb",
    ]  # fmt: skip


def test_script_refuses_an_old_python_before_touching_dot_venv(tmp_path: Path) -> None:
    """Run the real script under a Python that reports 3.10: it stops with the install line
    and creates nothing."""
    copy = tmp_path / "scripts" / "dev.py"
    copy.parent.mkdir()
    copy.write_text((ROOT / "scripts" / "dev.py").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shim = (
        "import runpy, sys\n"
        "class V(tuple):\n"
        "    major, minor, micro = 3, 10, 12\n"
        "sys.version_info = V((3, 10, 12, 'final', 0))\n"
        f"sys.argv = [{str(copy)!r}, 'test']\n"
        f"runpy.run_path({str(copy)!r}, run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", shim], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "needs Python 3.11 or newer; this is 3.10.12. Install one:" in done.stderr
    assert not (tmp_path / ".venv").exists()
