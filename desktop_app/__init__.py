"""AgentsGT Desktop: a desktop client for AgentsGT agents."""

from __future__ import annotations

APP_NAME = "AgentsGT Desktop"
APP_ID = "agentsgt-desktop"
_FALLBACK_VERSION = "0.1.0"  # a source tree that was never installed


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for: importlib.metadata
    # costs ~30 ms, which the window's first paint should not pay.
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("agentsgt-desktop")
        except metadata.PackageNotFoundError:
            version = _FALLBACK_VERSION
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
