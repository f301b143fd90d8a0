"""Input checks run before any request: what passes, and the sentence for what does not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import ChatMessage, Credentials, Role
from desktop_app.core.validation import (
    format_timestamp,
    is_loopback_host,
    validate_agent_id,
    validate_base_url,
    validate_credentials,
    validate_identifier,
    validate_limit,
    validate_message_text,
    validate_messages,
    validate_page,
)

AGENT = "550e8400-e29b-41d4-a716-446655440000"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://agentsgt.com/api/v1", "https://agentsgt.com/api/v1"),
        ("  https://agentsgt.com/api/v1/ ", "https://agentsgt.com/api/v1"),
        ("HTTPS://example.org:8443/x", "HTTPS://example.org:8443/x"),
        ("http://127.0.0.1:8000/api/v1", "http://127.0.0.1:8000/api/v1"),
        ("http://127.5.6.7/api/v1", "http://127.5.6.7/api/v1"),
        ("http://[::1]:9000/api/v1", "http://[::1]:9000/api/v1"),
        ("http://localhost:9000/api/v1", "http://localhost:9000/api/v1"),
    ],
)
def test_good_base_urls(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "empty"),
        ("agentsgt.com/api/v1", "https://"),
        ("ftp://agentsgt.com", "https://"),
        ("http://agentsgt.com/api/v1", "unencrypted"),
        ("http://10.0.0.5/api/v1", "unencrypted"),
        ("http://localhost.evil.com/api", "unencrypted"),
        ("https://user:pw@agentsgt.com/api/v1", "user name or password"),
        ("https://agentsgt.com/api/v1?x=1", "'?'"),
        ("https://agentsgt.com:notaport/api", "not a valid address"),
        ("https:///api/v1", "name a host"),
    ],
)
def test_bad_base_urls_say_what_to_do(url: str, words: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        validate_base_url(url)
    assert words in str(caught.value)


def test_loopback_hosts() -> None:
    assert is_loopback_host("127.0.0.1")
    assert is_loopback_host("::1")
    assert is_loopback_host("[::1]")
    assert is_loopback_host("LOCALHOST")
    assert not is_loopback_host("128.0.0.1")
    assert not is_loopback_host("agentsgt.com")


def test_agent_id_must_be_a_uuid() -> None:
    assert validate_agent_id(f" {AGENT} ") == AGENT
    assert validate_agent_id(AGENT.upper()) == AGENT.upper()
    for bad in ("", "abc", AGENT.replace("-", ""), "{" + AGENT + "}", AGENT + "0"):
        with pytest.raises(InvalidInputError, match="not a UUID"):
            validate_agent_id(bad)


def test_messages_must_not_be_blank() -> None:
    assert validate_message_text("  hi ") == "  hi "
    for bad in ("", "   ", "\n\t"):
        with pytest.raises(InvalidInputError, match="empty"):
            validate_message_text(bad)
    with pytest.raises(InvalidInputError):
        validate_messages([])
    with pytest.raises(InvalidInputError):
        validate_messages([ChatMessage(Role.USER, "ok"), ChatMessage(Role.USER, " ")])
    turns = [ChatMessage(Role.USER, "a"), ChatMessage(Role.ASSISTANT, "b")]
    assert validate_messages([*turns, ChatMessage(Role.USER, "c")])[-1].content == "c"


def test_credentials_need_both_keys_but_no_prefix() -> None:
    good = Credentials("anything", "whatever-secret")
    assert validate_credentials(good) is good
    with pytest.raises(InvalidInputError, match="public key is empty"):
        validate_credentials(Credentials("", "sk_x"))
    with pytest.raises(InvalidInputError, match="secret key is empty"):
        validate_credentials(Credentials("pk_x", " "))
    with pytest.raises(InvalidInputError, match="public key"):
        validate_credentials(Credentials("pk:x", "sk_x"))


def test_bad_secret_is_never_echoed() -> None:
    with pytest.raises(InvalidInputError) as caught:
        validate_credentials(Credentials("pk_x", "sk_line\nbreak-secret"))
    assert "break-secret" not in str(caught.value)


def test_identifier_rules() -> None:
    assert validate_identifier(" user@example.com ") == "user@example.com"
    with pytest.raises(InvalidInputError, match="empty"):
        validate_identifier("  ")
    with pytest.raises(InvalidInputError, match="ASCII"):
        validate_identifier("José")
    with pytest.raises(InvalidInputError, match="ASCII"):
        validate_identifier("a\r\nX-Evil: 1")
    assert validate_identifier("José", for_header=False) == "José"


def test_page_and_limit_bounds() -> None:
    assert validate_page(1) == 1
    assert validate_limit(1) == 1 and validate_limit(100) == 100
    for bad_page in (0, -1, True, 1.5):
        with pytest.raises(InvalidInputError, match="page number"):
            validate_page(bad_page)  # type: ignore[arg-type]
    for bad_limit in (0, 101, False):
        with pytest.raises(InvalidInputError, match="between 1 and 100"):
            validate_limit(bad_limit)


def test_timestamps() -> None:
    assert format_timestamp(None, "x") is None
    assert format_timestamp(date(2024, 1, 31), "x") == "2024-01-31"
    when = datetime(2024, 1, 31, 23, 59, 59, tzinfo=UTC)
    assert format_timestamp(when, "x") == "2024-01-31T23:59:59+00:00"
    assert format_timestamp("2024-01-31T23:59:59Z", "x") == "2024-01-31T23:59:59Z"
    with pytest.raises(InvalidInputError, match="start date"):
        format_timestamp("last tuesday", "start date")
