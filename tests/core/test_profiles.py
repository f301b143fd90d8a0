"""Profiles: creation, normalisation, validation sentences, duplicate, replace."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import DEFAULT_BASE_URL
from desktop_app.core.profiles import Profile, duplicate, new_profile, validate_profile
from desktop_app.core.validation import validate_base_url

AGENT = "123e4567-e89b-12d3-a456-426614174000"


def test_new_profile_has_ids_defaults_and_normalised_values():
    profile = new_profile("  Support  ", AGENT.upper(), base_url="https://example.com/api/v1/ ")
    assert profile.display_name == "Support"
    assert profile.agent_id == AGENT
    assert profile.base_url == "https://example.com/api/v1"
    assert profile.created_at.tzinfo is not None
    assert profile.created_at == profile.updated_at
    assert len(profile.id) == 36
    validate_profile(profile)
    assert new_profile("A", AGENT).base_url == DEFAULT_BASE_URL
    assert new_profile("A", AGENT).id != new_profile("A", AGENT).id


def test_profile_is_frozen_and_replace_bumps_updated_at():
    profile = new_profile("Support", AGENT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.display_name = "x"  # type: ignore[misc]
    renamed = profile.replace(display_name="Sales")
    assert renamed.display_name == "Sales"
    assert renamed.id == profile.id
    assert renamed.created_at == profile.created_at
    assert renamed.updated_at >= profile.updated_at
    fixed = datetime(2024, 1, 1, tzinfo=UTC)
    assert profile.replace(updated_at=fixed).updated_at == fixed


def test_duplicate_gets_new_id_copy_name_and_keeps_key_ref():
    profile = new_profile("Support", AGENT, key_ref="pk_abc@agentsgt.com")
    copy = duplicate(profile)
    assert copy.id != profile.id
    assert copy.display_name == "Support (copy)"
    assert copy.key_ref == profile.key_ref
    assert copy.agent_id == profile.agent_id


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"display_name": "   "}, "display name"),
        ({"display_name": "x" * 101}, "too long"),
        ({"agent_id": "not-a-uuid"}, "UUID"),
        ({"agent_id": ""}, "UUID"),
        ({"base_url": "http://agentsgt.com/api/v1"}, "https://"),
        ({"base_url": "ftp://agentsgt.com"}, "https://"),
        ({"base_url": "agentsgt.com/api"}, "https://"),
        ({"base_url": "https://agentsgt.com/api?x=1"}, "'?'"),
        ({"identifier": "user\r\nX-Evil: 1"}, "line breaks"),
        ({"identifier": "u" * 257}, "too long"),
    ],
)
def test_validate_profile_explains_the_first_problem(changes, fragment):
    profile = dataclasses.replace(new_profile("Support", AGENT), **changes)
    with pytest.raises(InvalidInputError) as info:
        validate_profile(profile)
    assert fragment in str(info.value)
    assert str(info.value).endswith(".")


@pytest.mark.parametrize(
    "url",
    [
        "https://agentsgt.com/api/v1",
        "http://127.0.0.1:8123/api/v1",
        "http://localhost:9000/api/v1",
        "http://[::1]:9000/api/v1",
        "http://127.5.0.1/api/v1",
    ],
)
def test_https_or_loopback_http_base_urls_are_accepted(url):
    validate_base_url(url)


def test_profile_never_holds_a_secret_field():
    names = {f.name for f in dataclasses.fields(Profile)}
    assert not names & {"secret_key", "secret", "password", "public_key"}
    assert "key_ref" in names
