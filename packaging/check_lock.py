"""Check the release lock file against pyproject.toml: `python packaging/check_lock.py`.

packaging/requirements-release.txt (written by packaging/update_lock.sh) must pin, with hashes,
a version inside pyproject's bounds for every dependency of the app and of its `package` extra
on Python 3.11 for Linux, macOS and Windows, and name no package index (pip's own settings
say where packages come from). Prints each problem and exits 1 when there is one.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements-release.txt"
#: The release build's interpreter on each runner (actions/setup-python, "3.11").
ENVIRONMENTS = {
    system: {
        "python_version": "3.11",
        "python_full_version": "3.11.9",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "sys_platform": system,
        "platform_system": name,
        "os_name": "nt" if system == "win32" else "posix",
    }
    for system, name in (("linux", "Linux"), ("darwin", "Darwin"), ("win32", "Windows"))
}
_OPTION = re.compile(r"^\s*--?[a-z]", re.IGNORECASE)


def locked_entries(text: str) -> tuple[list[tuple[Requirement, list[str]]], list[str]]:
    """The lock's requirements with their hashes, and the problems found reading it."""
    entries: list[tuple[Requirement, list[str]]] = []
    problems: list[str] = []
    logical = re.sub(r"\\\n", " ", text)
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if "://" in line or _OPTION.match(line):
            problems.append(f"the lock file must name no index, host or option: {line[:80]}")
            continue
        requirement, *options = re.split(r"\s+(?=--hash=)", line)
        hashes = [option.removeprefix("--hash=") for option in options]
        try:
            parsed = Requirement(requirement)
        except InvalidRequirement as error:
            problems.append(f"not a requirement: {requirement!r} ({error})")
            continue
        if not hashes or not all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes):
            problems.append(f"{parsed.name} has no sha256 hash")
        pins = [spec for spec in parsed.specifier if spec.operator == "=="]
        if len(pins) != 1 or len(parsed.specifier) != 1:
            problems.append(f"{parsed.name} is not pinned to one version with ==")
        entries.append((parsed, hashes))
    return entries, problems


def wanted(pyproject: dict) -> list[Requirement]:
    """The app's dependencies and those of its `package` extra (what the release installs)."""
    project = pyproject["project"]
    names = [*project["dependencies"], *project["optional-dependencies"]["package"]]
    return [Requirement(name) for name in names]


def problems(pyproject: dict, lock_text: str) -> list[str]:
    """Everything wrong with `lock_text` as the release lock of `pyproject` (empty: fine)."""
    entries, found = locked_entries(lock_text)
    for system, environment in ENVIRONMENTS.items():
        pinned: dict[str, Version] = {}
        for requirement, _hashes in entries:
            marker = requirement.marker or Marker("python_version >= '0'")
            if marker.evaluate(environment):
                name = canonicalize_name(requirement.name)
                if name in pinned:
                    found.append(f"{requirement.name} is pinned twice for {system}")
                pinned[name] = Version(next(iter(requirement.specifier)).version)
        for requirement in wanted(pyproject):
            if requirement.marker is not None and not requirement.marker.evaluate(environment):
                continue
            version = pinned.get(canonicalize_name(requirement.name))
            if version is None:
                found.append(f"{requirement.name} is not in the lock file for {system}")
            elif not requirement.specifier.contains(version, prereleases=True):
                found.append(
                    f"{requirement.name} {version} is outside pyproject's "
                    f"{requirement.specifier} ({system})"
                )
    return found


def main() -> int:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = problems(pyproject, LOCK.read_text(encoding="utf-8"))
    for problem in found:
        print(f"lock file: {problem}", file=sys.stderr)
    if not found:
        print(f"lock file ok: {LOCK.relative_to(ROOT)} agrees with pyproject.toml")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
