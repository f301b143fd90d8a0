"""Window geometry, splitter sizes and unsent drafts: state the app keeps, not configuration."""

from __future__ import annotations

import base64
import binascii
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from desktop_app.core.json_store import JsonFileStore

MAX_DRAFTS = 200


@dataclass(frozen=True, slots=True)
class UiState:
    """Window geometry (base64 of Qt's saveGeometry/saveState), splitter sizes by splitter
    name, and the unsent draft of each conversation by conversation id."""

    window_geometry: str | None = None
    window_state: str | None = None
    splitters: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    drafts: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read-only copies: a frozen record must not change under the caller's feet.
        object.__setattr__(self, "splitters", MappingProxyType(dict(self.splitters)))
        object.__setattr__(self, "drafts", MappingProxyType(dict(self.drafts)))

    def draft(self, conversation_id: str) -> str:
        """The unsent text of a conversation ("" when none)."""
        return self.drafts.get(conversation_id, "")

    def with_draft(self, conversation_id: str, text: str) -> UiState:
        """A copy where the conversation's draft is `text` (blank text removes it).

        The most recently edited drafts are kept, up to MAX_DRAFTS.
        """
        drafts = {key: value for key, value in self.drafts.items() if key != conversation_id}
        if text.strip():
            drafts[conversation_id] = text
        while len(drafts) > MAX_DRAFTS:
            del drafts[next(iter(drafts))]
        return dataclasses.replace(self, drafts=drafts)

    def splitter(self, name: str) -> tuple[int, ...]:
        """The saved sizes of splitter `name` (empty when none)."""
        return self.splitters.get(name, ())

    def with_splitter(self, name: str, sizes: tuple[int, ...] | list[int]) -> UiState:
        """A copy with splitter `name`'s sizes set."""
        return dataclasses.replace(self, splitters={**self.splitters, name: tuple(sizes)})

    def with_geometry(self, geometry: bytes | None, state: bytes | None = None) -> UiState:
        """A copy with the window's saveGeometry()/saveState() bytes (stored as base64)."""
        return dataclasses.replace(self, window_geometry=_b64(geometry), window_state=_b64(state))

    def geometry_bytes(self) -> bytes | None:
        """The saved geometry as bytes for restoreGeometry(), or None."""
        return _unb64(self.window_geometry)

    def state_bytes(self) -> bytes | None:
        """The saved window state as bytes for restoreState(), or None."""
        return _unb64(self.window_state)

    def to_json(self) -> dict[str, Any]:
        """The JSON object saved to ui-state.json."""
        return {
            "version": 1,
            "window_geometry": self.window_geometry,
            "window_state": self.window_state,
            "splitters": {name: list(sizes) for name, sizes in self.splitters.items()},
            "drafts": dict(self.drafts),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UiState:
        """Build from a saved object, dropping any piece that is not the right shape:
        UI state is a convenience, and one odd value should not cost the rest."""
        splitters = data.get("splitters")
        drafts = data.get("drafts")
        return cls(
            window_geometry=_valid_b64(data.get("window_geometry")),
            window_state=_valid_b64(data.get("window_state")),
            splitters={
                name: tuple(sizes)
                for name, sizes in (splitters.items() if isinstance(splitters, dict) else ())
                if isinstance(sizes, list)
                and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in sizes)
            },
            drafts={
                key: text
                for key, text in (drafts.items() if isinstance(drafts, dict) else ())
                if isinstance(text, str) and text.strip()
            },
        )


def _b64(data: bytes | None) -> str | None:
    return base64.b64encode(bytes(data)).decode("ascii") if data else None


def _unb64(text: str | None) -> bytes | None:
    return base64.b64decode(text) if text else None


def _valid_b64(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return value


class UiStateStore(JsonFileStore):
    """ui-state.json (geometry, splitters, drafts), with the same atomic save."""

    what = "window state"

    def load(self) -> UiState:
        """The saved UI state; an empty one when missing or damaged."""
        return self._load(UiState.from_json, UiState)

    def save(self, state: UiState) -> None:
        """Write `state` atomically."""
        self._save(state.to_json())
