"""Which app instances are running on this data folder, so only a lone instance does recovery.

Every running instance holds an exclusive OS lock on its own file
`instances/<pid>-<random>.lock` in the data folder. The lock dies with the process (even on
SIGKILL), so a file that someone else can lock belongs to a dead instance. On start, the
replies still marked "streaming" are interrupted only if no other instance is alive: a second
window must not mark the first window's live reply as interrupted. Works with fcntl (POSIX)
and msvcrt (Windows).
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from typing import IO

# sys.platform rather than os.name: mypy narrows on it, so msvcrt's Windows-only names check.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class InstanceRegistry:
    """This process's entry among the running instances that share `data_dir`."""

    def __init__(self, data_dir: Path) -> None:
        self._dir = data_dir / "instances"
        self._dir.mkdir(parents=True, exist_ok=True)
        # The pid tells a person whose file it is; the suffix lets one process hold two entries.
        self._path = self._dir / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.lock"
        self._handle: IO[bytes] | None = open(self._path, "a+b")  # noqa: SIM115 (held open)
        if not _try_lock(self._handle):
            raise OSError(f"cannot lock {self._path}")

    def others_running(self) -> int:
        """How many other live instances use the same data folder (stale files are removed)."""
        return _count_alive(self._dir, self._path)

    def close(self) -> None:
        """Leave the registry (the OS also does this when the process dies)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._path.unlink(missing_ok=True)


def any_running(data_dir: Path) -> bool:
    """True when a live instance uses `data_dir` (without registering this process)."""
    folder = data_dir / "instances"
    return folder.is_dir() and _count_alive(folder, None) > 0


def _count_alive(folder: Path, own: Path | None) -> int:
    alive = 0
    for path in folder.glob("*.lock"):
        if path == own:
            continue
        try:
            with open(path, "a+b") as handle:
                if not _try_lock(handle):
                    alive += 1
                    continue
            path.unlink(missing_ok=True)  # its process is gone
        except OSError:
            alive += 1  # cannot tell: assume it is alive, which is the safe side
    return alive
