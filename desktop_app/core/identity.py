"""A stable random id for this installation: the default `X-Agent-Identifier`."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import uuid

from desktop_app.core.paths import AppPaths

PREFIX = "desktop-"
_VALID = re.compile(r"desktop-[0-9a-f]{12}")


def new_identifier() -> str:
    """A fresh identifier, e.g. `desktop-3f9c0a12b4de` (random, says nothing about the user)."""
    return PREFIX + uuid.uuid4().hex[:12]


def installation_identifier(paths: AppPaths) -> str:
    """The installation's identifier, created on first call and stored in the config dir.

    Two processes starting at once agree on one id: the first to publish its file wins
    (a hard link never overwrites) and the other reads the winner's. A damaged file is
    replaced by a new id.
    """
    path = paths.identity_path
    existing = _read(path)
    if existing:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate = new_identifier()
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((candidate + "\n").encode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            winner = _read(path)
            if winner:
                return winner
            os.replace(tmp_name, path)  # the file there is damaged: replace it
        except OSError:  # filesystems without hard links (FAT, some network shares)
            os.replace(tmp_name, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    return candidate


def _read(path: os.PathLike[str]) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            text = handle.read(100).strip()
    except OSError:
        return None
    return text if _VALID.fullmatch(text) else None
