"""The transcript: a conversation shown in one text view, with a cheaply streamed live reply."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.gui.transcript.live import LiveReply
    from desktop_app.gui.transcript.types import MessageView
    from desktop_app.gui.transcript.view import TranscriptView

__all__ = ["LiveReply", "MessageView", "TranscriptView"]

# Each name loads its module on first use (PEP 562): importing one piece of the package (the
# small `types` module, say) must not load the view, the live reply and Markdown with it.
_HOMES = {
    "LiveReply": "live",
    "MessageView": "types",
    "TranscriptView": "view",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
