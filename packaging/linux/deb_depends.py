"""Print the .deb `Depends:` value for a one-folder build: the packages of the system libraries
its binaries link to but that are not bundled (what dpkg-shlibdeps does, minus version maps).

    python packaging/linux/deb_depends.py packaging/out/dist/agentsgt-desktop

Exits 1 naming any library that no installed package provides: the build must not ship a
package whose dependencies it cannot state.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

# glibc's own libraries: one `libc6 (>= build glibc)` entry covers them.
_GLIBC = re.compile(r"^(libc|libm|libdl|libpthread|librt|libutil|ld-linux[-\w]*)\.so")


def elf_files(root: Path) -> list[Path]:
    """Every regular ELF file under root."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(files: list[Path]) -> set[str]:
    """The DT_NEEDED names of the files (readelf from binutils, which PyInstaller needs too)."""
    names: set[str] = set()
    for start in range(0, len(files), 200):
        output = subprocess.run(
            ["readelf", "-d", *map(str, files[start : start + 200])],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        names.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output))
    return names


def system_paths() -> dict[str, str]:
    """Library name -> path, from the dynamic linker's cache (this machine's architecture)."""
    output = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    arch = "x86-64" if platform.machine() == "x86_64" else platform.machine()
    paths: dict[str, str] = {}
    for line in output.splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (arch in match.group(2) or "," not in match.group(2)):
            paths.setdefault(match.group(1), match.group(3))
    return paths


def package_of(path: str) -> str | None:
    """The installed Debian package that owns `path` (trying the /usr-merged spellings)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for item in list(candidates):
        if item.startswith("/usr/"):
            candidates.add(item[4:])
        else:
            candidates.add("/usr" + item)
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def main(argv: list[str]) -> int:
    root = Path(argv[1])
    bundled = {path.name for path in root.rglob("*")}
    libraries = sorted(name for name in needed(elf_files(root)) if name not in bundled)
    paths = system_paths()
    glibc = platform.libc_ver()[1]
    packages = {f"libc6 (>= {glibc})"} if glibc else {"libc6"}
    missing = []
    for name in libraries:
        if _GLIBC.match(name):
            continue
        package = package_of(paths[name]) if name in paths else None
        if package is None:
            missing.append(name)
        else:
            packages.add(package)
    if missing:
        print(f"no installed package provides: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
