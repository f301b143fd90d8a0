"""AgentsGT Desktop: a desktop client for AgentsGT agents."""

from __future__ import annotations

APP_NAME = "AgentsGT Desktop"
APP_ID = "agentsgt-desktop"


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for: importlib.metadata
    # costs ~30 ms, which the window's first paint should not pay.
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("agentsgt-desktop")
        except metadata.PackageNotFoundError:
            version = _version_from_source_tree()
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version_from_source_tree() -> str:
    """pyproject.toml's version, for a checkout that was never installed (one place to bump)."""
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, ValueError, KeyError):
        return "0+unknown"
