"""User settings: typed, validated, saved atomically, recovered from damage.

UiState and UiStateStore live in core.ui_state and are re-exported here for existing callers.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.json_store import JsonFileStore
from desktop_app.core.messages import translate
from desktop_app.core.ui_state import MAX_DRAFTS, UiState, UiStateStore

__all__ = [
    "CONNECT_TIMEOUT_RANGE",
    "FONT_SIZE_RANGE",
    "IDLE_TIMEOUT_RANGE",
    "MAX_DRAFTS",
    "PROXY_SCHEMES",
    "Language",
    "ProxyMode",
    "SendShortcut",
    "Settings",
    "SettingsStore",
    "Theme",
    "UiState",
    "UiStateStore",
    "default_font_size",
    "validate",
]

SETTINGS_VERSION = 1
FONT_SIZE_RANGE = (8, 32)
CONNECT_TIMEOUT_RANGE = (1.0, 120.0)
IDLE_TIMEOUT_RANGE = (5.0, 600.0)
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Language(StrEnum):
    """The window's language: the OS's (when shipped, else English) or one chosen."""

    SYSTEM = "system"
    ENGLISH = "en"
    SPANISH = "es"


class SendShortcut(StrEnum):
    ENTER = "enter"  # Enter sends, Shift+Enter is a new line
    CTRL_ENTER = "ctrl_enter"  # Ctrl/Cmd+Enter sends, Enter is a new line


class ProxyMode(StrEnum):
    SYSTEM = "system"  # the OS / environment proxy settings
    NONE = "none"  # connect directly
    CUSTOM = "custom"  # `proxy_url`


def default_font_size(platform: str = sys.platform) -> int:
    """The transcript's default point size: what reads as "normal" next to native apps."""
    if platform == "darwin":
        return 13
    if platform == "win32":
        return 10
    return 11


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user can change in the Settings dialog. Always valid once built."""

    theme: Theme = Theme.SYSTEM
    font_size: int = field(default_factory=default_font_size)
    send_shortcut: SendShortcut = SendShortcut.ENTER
    proxy_mode: ProxyMode = ProxyMode.SYSTEM
    proxy_url: str | None = None
    connect_timeout: float = 10.0
    idle_timeout: float = 60.0
    last_profile_id: str | None = None
    #: Opt-in: look at the release feed once a day for a newer version (core.update_check).
    check_for_updates: bool = False
    #: When the feed was last looked at (Unix seconds), so it is read at most once a day.
    last_update_check: float | None = None
    #: Read once at start-up (gui.i18n): a change takes effect at the next start.
    language: Language = Language.SYSTEM

    def __post_init__(self) -> None:
        # Coerce JSON-ish values (strings for enums, ints for floats) so callers may pass them.
        set_ = object.__setattr__
        set_(self, "theme", _enum(Theme, self.theme, "Theme"))
        set_(self, "send_shortcut", _enum(SendShortcut, self.send_shortcut, "Send shortcut"))
        set_(self, "proxy_mode", _enum(ProxyMode, self.proxy_mode, "Proxy mode"))
        set_(self, "font_size", _whole(self.font_size, "Font size", FONT_SIZE_RANGE))
        set_(
            self,
            "connect_timeout",
            _seconds(self.connect_timeout, "Connect timeout", CONNECT_TIMEOUT_RANGE),
        )
        set_(self, "idle_timeout", _seconds(self.idle_timeout, "Idle timeout", IDLE_TIMEOUT_RANGE))
        set_(self, "proxy_url", _proxy_url(self.proxy_url, self.proxy_mode))
        set_(self, "last_profile_id", _optional_id(self.last_profile_id))
        set_(self, "check_for_updates", _flag(self.check_for_updates, "Check for updates"))
        set_(self, "last_update_check", _unix_time(self.last_update_check, "Last update check"))
        set_(self, "language", _enum(Language, self.language, "Language"))

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes` applied; raises InvalidInputError naming a bad field."""
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise InvalidInputError(
                translate("Settings", "There is no setting called {name!r}.").format(
                    name=unknown[0]
                )
            )
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The JSON object saved to settings.json."""
        data: dict[str, Any] = {"version": SETTINGS_VERSION}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = str(value) if isinstance(value, StrEnum) else value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Settings:
        """Build from a saved object: missing keys take defaults, unknown keys are ignored
        (a newer version may have written them); bad values raise InvalidInputError."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def validate(settings: Settings) -> Settings:
    """Check `settings` again (they are checked when built) and return them."""
    return dataclasses.replace(settings)


def _label(label: str) -> str:
    """A setting's name in the user's language (looked up only when a value is refused)."""
    names = {
        "Theme": translate("Settings", "Theme"),
        "Send shortcut": translate("Settings", "Send shortcut"),
        "Proxy mode": translate("Settings", "Proxy mode"),
        "Font size": translate("Settings", "Font size"),
        "Connect timeout": translate("Settings", "Connect timeout"),
        "Idle timeout": translate("Settings", "Idle timeout"),
        "Check for updates": translate("Settings", "Check for updates"),
        "Last update check": translate("Settings", "Last update check"),
        "Language": translate("Settings", "Language"),
    }
    return names.get(label, label)


def _enum(kind: type[StrEnum], value: Any, label: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidInputError(
            translate("Settings", "{label} must be one of {allowed} (got {value!r}).").format(
                label=_label(label), allowed=allowed, value=value
            )
        ) from None


def _whole(value: Any, label: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInputError(
            translate(
                "Settings", "{label} must be a whole number from {low} to {high} (got {value!r})."
            ).format(label=_label(label), low=low, high=high, value=value)
        )
    return value


def _seconds(value: Any, label: str, bounds: tuple[float, float]) -> float:
    low, high = bounds
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or not low <= value <= high:
        raise InvalidInputError(
            translate(
                "Settings", "{label} must be between {low:g} and {high:g} seconds (got {value!r})."
            ).format(label=_label(label), low=low, high=high, value=value)
        )
    return float(value)


def _proxy_url(value: Any, mode: ProxyMode) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InvalidInputError(
            translate("Settings", "Proxy URL must be text (got {value!r}).").format(value=value)
        )
    url = (value or "").strip()
    if not url:
        if mode is ProxyMode.CUSTOM:
            raise InvalidInputError(
                translate(
                    "Settings",
                    "Proxy URL is required when the proxy mode is custom, "
                    "e.g. http://proxy.example.com:8080 or socks5://127.0.0.1:1080.",
                )
            )
        return None
    # Checked even when not in use, so switching back to "custom" never meets a bad value.
    schemes = ", ".join(f"{scheme}://" for scheme in PROXY_SCHEMES)
    parts = urlsplit(url)
    if parts.scheme.lower() not in PROXY_SCHEMES:
        raise InvalidInputError(
            translate(
                "Settings", "Proxy URL must start with one of {schemes} (got {url!r})."
            ).format(schemes=schemes, url=url)
        )
    try:
        port = parts.port  # urlsplit only checks the port when asked
    except ValueError:
        port = 0
    if port == 0:
        raise InvalidInputError(
            translate("Settings", "Proxy URL has a bad port number: {url!r}.").format(url=url)
        )
    if not parts.hostname:
        raise InvalidInputError(
            translate(
                "Settings", "Proxy URL must name a host, as in http://host:port (got {url!r})."
            ).format(url=url)
        )
    if parts.password is not None:
        # settings.json is a plain file: a password there would sit unprotected on disk.
        raise InvalidInputError(
            translate(
                "Settings",
                "Proxy URL must not contain a password: it would be saved in plain text.",
            )
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise InvalidInputError(
            translate(
                "Settings",
                "Proxy URL must be only scheme://host:port, with no path or query (got {url!r}).",
            ).format(url=url)
        )
    return url


def _flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(
            translate("Settings", "{label} must be true or false (got {value!r}).").format(
                label=_label(label), value=value
            )
        )
    return value


def _unix_time(value: Any, label: str) -> float | None:
    if value is None:
        return None
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value < 0:
        raise InvalidInputError(
            translate("Settings", "{label} must be a time in Unix seconds (got {value!r}).").format(
                label=_label(label), value=value
            )
        )
    return float(value)


def _optional_id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 200:
        raise InvalidInputError(
            translate(
                "Settings", "Last profile id must be a short text id (got {value!r})."
            ).format(value=value)
        )
    return value


class SettingsStore(JsonFileStore):
    """settings.json: `load()` never fails (see `load_problem`); `save()` is atomic."""

    what = "settings"

    def load(self) -> Settings:
        """The saved settings; defaults when the file is missing, unreadable or invalid."""
        return self._load(Settings.from_json, Settings)

    def save(self, settings: Settings) -> None:
        """Write `settings` atomically (temp file + fsync + os.replace)."""
        self._save(settings.to_json())
