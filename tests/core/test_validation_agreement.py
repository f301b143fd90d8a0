"""A profile that saves is a profile the API client accepts: one rule set, one sentence each."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterator

import httpx
import pytest

from desktop_app.core.client import AgentsGTClient
from desktop_app.core.client_factory import client_for_profile
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.http import ClientSettings
from desktop_app.core.models import Credentials
from desktop_app.core.profiles import Profile, new_profile, validate_profile

AGENT = "123e4567-e89b-12d3-a456-426614174000"
KEYS = Credentials("pk_agree_public", "sk_agree_SECRET_0123")

# (field, value, None when accepted else a fragment of the one sentence both must give)
CASES: list[tuple[str, str, str | None]] = [
    # RFC 6761: every *.localhost name is this computer, so plain http is as safe as 127.0.0.1.
    ("base_url", "http://dev.localhost:8000/api/v1", None),
    ("base_url", "http://ip6-localhost:8000/api/v1", None),
    ("base_url", "http://127.0.0.1:8123/api/v1/", None),
    ("base_url", "http://[::1]:9000/api/v1", None),
    ("base_url", "https://agentsgt.com/api/v1", None),
    ("base_url", "https://user:pass@agentsgt.com/api/v1", "user name or password"),
    ("base_url", "https://user@agentsgt.com/api/v1", "user name or password"),
    ("base_url", "https://agentsgt.com:notaport/api/v1", "not a valid address"),
    ("base_url", "http://localhost.evil.com/api/v1", "unencrypted"),
    ("base_url", "http://agentsgt.com/api/v1", "must use https://"),
    ("base_url", "ftp://agentsgt.com/api/v1", "must start with https://"),
    ("base_url", "https://agentsgt.com/api/v1?x=1", "'?'"),
    ("base_url", "https:///api/v1", "name a host"),
    ("base_url", "", "empty"),
    # The identifier travels in the X-Agent-Identifier header: printable ASCII on one line.
    ("identifier", "josé@example.com", "sent as the X-Agent-Identifier header"),
    ("identifier", "support 😀", "plain ASCII"),
    ("identifier", "user\r\nX-Evil: 1", "line breaks"),
    ("identifier", "tab\there", "plain ASCII"),
    ("identifier", "u" * 257, "too long"),
    ("identifier", "u" * 256, None),
    ("identifier", "  user@example.com  ", None),
    ("identifier", "user-123", None),
]


@pytest.fixture
def http() -> Iterator[httpx.AsyncClient]:
    client = httpx.AsyncClient()
    try:
        yield client
    finally:
        asyncio.run(client.aclose())


def _outcome(check: Callable[[], object]) -> str | None:
    try:
        check()
    except InvalidInputError as error:
        return error.message
    return None


def _profile(field: str, value: str) -> Profile:
    return dataclasses.replace(new_profile("Support", AGENT), **{field: value})


@pytest.mark.parametrize(("field", "value", "refusal"), CASES, ids=lambda v: repr(v)[:40])
def test_profile_and_client_accept_and_refuse_the_same(
    http: httpx.AsyncClient, field: str, value: str, refusal: str | None
) -> None:
    profile = _profile(field, value)
    saved = _outcome(lambda: validate_profile(profile))
    direct = _outcome(
        lambda: AgentsGTClient(
            http,
            base_url=profile.base_url,
            credentials=KEYS,
            identifier=profile.identifier or None,
        )
    )
    built = _outcome(lambda: client_for_profile(http, profile, KEYS, ClientSettings()))
    assert saved == direct == built, (saved, direct, built)
    if refusal is None:
        assert saved is None
    else:
        assert saved is not None and refusal in saved
        assert saved.endswith(".")


def test_the_identifier_sentence_says_why_it_must_be_ascii() -> None:
    sentence = _outcome(lambda: validate_profile(_profile("identifier", "josé@example.com")))
    assert sentence == (
        "The identifier is sent as the X-Agent-Identifier header, so it must be plain ASCII: "
        "letters, digits and punctuation, without accents, emoji or line breaks."
    )


def test_a_blank_profile_identifier_sends_no_header(http: httpx.AsyncClient) -> None:
    for blank in ("", "   "):
        profile = _profile("identifier", blank)
        validate_profile(profile)
        assert client_for_profile(http, profile, KEYS, ClientSettings()).identifier is None


def test_agent_ids_follow_the_clients_rule() -> None:
    # uuid.UUID alone would take these, but the client refuses them in the request path.
    for odd in ("{" + AGENT + "}", "urn:uuid:" + AGENT, AGENT.replace("-", "")):
        sentence = _outcome(lambda odd=odd: validate_profile(_profile("agent_id", odd)))
        assert sentence is not None and "not a UUID" in sentence
    assert _outcome(lambda: validate_profile(_profile("agent_id", AGENT.upper()))) is None
