"""Saved agent profiles: which agent, at which URL, as whom, and where the key is kept."""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import DEFAULT_BASE_URL

MAX_DISPLAY_NAME = 100
MAX_IDENTIFIER = 256
_LOOPBACK_HOSTS = {"localhost", "localhost.localdomain"}


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """One saved agent. The secret key is never here: `key_ref` names its keyring entry."""

    id: str
    display_name: str
    base_url: str = DEFAULT_BASE_URL
    agent_id: str
    agent_name: str = ""
    agent_description: str = ""
    model_name: str = ""
    identifier: str = ""  # sent as X-Agent-Identifier; empty means the header is not sent
    key_ref: str = ""  # username of the keyring entry (see core.secrets.key_ref)
    created_at: datetime = field(default_factory=_now)
    updated_at: datetime = field(default_factory=_now)

    def replace(self, **changes: Any) -> Profile:
        """A copy with `changes` applied and `updated_at` set to now (unless given)."""
        changes.setdefault("updated_at", _now())
        return dataclasses.replace(self, **changes)


def normalize_base_url(url: str) -> str:
    """Trim spaces and trailing slashes so equal URLs compare equal."""
    return url.strip().rstrip("/")


def new_profile(
    display_name: str,
    agent_id: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    agent_name: str = "",
    agent_description: str = "",
    model_name: str = "",
    identifier: str = "",
    key_ref: str = "",
) -> Profile:
    """A new profile with a fresh id and timestamps; values are trimmed but not yet validated."""
    now = _now()
    agent_id = agent_id.strip()
    # Canonical lower-case form when it parses; otherwise validate_profile explains the problem.
    with contextlib.suppress(ValueError):
        agent_id = str(uuid.UUID(agent_id))
    return Profile(
        id=str(uuid.uuid4()),
        display_name=display_name.strip(),
        base_url=normalize_base_url(base_url),
        agent_id=agent_id,
        agent_name=agent_name.strip(),
        agent_description=agent_description.strip(),
        model_name=model_name.strip(),
        identifier=identifier.strip(),
        key_ref=key_ref,
        created_at=now,
        updated_at=now,
    )


def duplicate(profile: Profile) -> Profile:
    """A copy with a new id, " (copy)" after the name, and new timestamps.

    It keeps `key_ref`: keyring entries belong to a key pair, so the copy uses the same key.
    """
    now = _now()
    return dataclasses.replace(
        profile,
        id=str(uuid.uuid4()),
        display_name=f"{profile.display_name} (copy)",
        created_at=now,
        updated_at=now,
    )


def validate_base_url(url: str) -> None:
    """Raise InvalidInputError unless `url` is https, or plain http to this computer."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise InvalidInputError(
            "The base URL must be a web address starting with https://, "
            "like https://agentsgt.com/api/v1."
        )
    if parts.scheme == "http" and not _is_loopback(host):
        raise InvalidInputError(
            "The base URL must use https://; plain http:// is allowed only for this computer "
            "(localhost or 127.0.0.1), because the key would travel unencrypted."
        )
    if parts.query or parts.fragment:
        raise InvalidInputError("The base URL cannot contain '?' or '#' parts.")


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_profile(profile: Profile) -> None:
    """Raise InvalidInputError with one sentence for the first problem found in `profile`."""
    name = profile.display_name.strip()
    if not name:
        raise InvalidInputError("Enter a display name for this agent profile.")
    if len(name) > MAX_DISPLAY_NAME:
        raise InvalidInputError(
            f"The display name is too long: use at most {MAX_DISPLAY_NAME} characters."
        )
    try:
        uuid.UUID(profile.agent_id)
    except ValueError:
        raise InvalidInputError(
            "The agent ID must be a UUID, like 123e4567-e89b-12d3-a456-426614174000 "
            "(copy it from the agent's page in the AgentsGT dashboard)."
        ) from None
    validate_base_url(profile.base_url)
    if len(profile.identifier) > MAX_IDENTIFIER:
        raise InvalidInputError(
            f"The identifier is too long: use at most {MAX_IDENTIFIER} characters."
        )
    # It travels as an HTTP header value: control characters would break or smuggle headers.
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in profile.identifier):
        raise InvalidInputError("The identifier cannot contain line breaks or control characters.")
    if profile.created_at.tzinfo is None or profile.updated_at.tzinfo is None:
        raise InvalidInputError("Profile timestamps must carry a time zone.")
