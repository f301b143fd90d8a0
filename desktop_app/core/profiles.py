"""Saved agent profiles: which agent, at which URL, as whom, and where the key is kept."""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.core import validation
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.messages import translate
from desktop_app.core.models import DEFAULT_BASE_URL, Credentials
from desktop_app.core.secrets import key_ref

# The importer trims imported names to it; the rule itself lives in core.validation.
MAX_DISPLAY_NAME = validation.MAX_DISPLAY_NAME


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


def validate_profile(profile: Profile) -> None:
    """Raise InvalidInputError with one sentence for the first problem found in `profile`.

    The rules are core.validation's, the same the API client applies, so a profile that saves
    is a profile the client accepts.
    """
    validation.validate_display_name(profile.display_name)
    validation.validate_agent_id(profile.agent_id)
    validation.validate_base_url(profile.base_url)
    validation.profile_identifier(profile.identifier)
    if profile.created_at.tzinfo is None or profile.updated_at.tzinfo is None:
        raise InvalidInputError(translate("Profiles", "Profile timestamps must carry a time zone."))


def ready_to_save(profile: Profile, credentials: Credentials | None) -> Profile:
    """`profile` naming the keyring entry for `credentials`, once both passed validation.

    Called before anything is stored, so a refused profile or key pair leaves no keyring entry
    behind. With no credentials the profile keeps the keys it already has (it must have some).
    """
    validate_profile(profile)
    if credentials is None:
        if not profile.key_ref:
            raise InvalidInputError(
                translate("Profiles", "Enter the public key and the secret key.")
            )
        return profile
    validation.validate_credentials(credentials)
    return profile.replace(key_ref=key_ref(profile.base_url, credentials.public_key))
