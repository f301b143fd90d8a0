"""AgentsGT Desktop: a desktop client for AgentsGT agents."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("agentsgt-desktop")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "AgentsGT Desktop"
APP_ID = "agentsgt-desktop"
