"""The one home of input rules (profile and client alike): each failure is a sentence to act on."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import urlsplit

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import ChatMessage, Credentials

_UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
# Header values must be printable ASCII: httpx encodes them as ASCII, and a line break would
# let a value smuggle in another header.
_HEADER_SAFE_RE = re.compile(r"^[\x20-\x7e]+$")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
MAX_PAGE_LIMIT = 100
MAX_DISPLAY_NAME = 100
MAX_IDENTIFIER = 256


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the localhost names, where plain http cannot be sniffed."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str) -> str:
    """Return the API base URL without a trailing slash; https is required except on loopback."""
    text = (url or "").strip()
    if not text:
        raise InvalidInputError("The API base URL is empty. Use https://agentsgt.com/api/v1.")
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise InvalidInputError(
            f"The API base URL {text!r} is not a valid address. "
            "Use a full address such as https://agentsgt.com/api/v1."
        ) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https") or not host:
        raise InvalidInputError(
            f"The API base URL {text!r} must start with https:// and name a host, "
            "for example https://agentsgt.com/api/v1."
        )
    if parts.username is not None or parts.password is not None:
        raise InvalidInputError(
            "The API base URL must not contain a user name or password; "
            "keys are sent in the Authorization header."
        )
    if parts.query or parts.fragment:
        raise InvalidInputError(
            f"The API base URL {text!r} must not contain '?' or '#' parts. "
            "Use an address such as https://agentsgt.com/api/v1."
        )
    if scheme == "http" and not is_loopback_host(host):
        raise InvalidInputError(
            f"The API base URL must use https:// for {host}: plain http would send your key "
            "unencrypted, so it is allowed only for this computer (localhost, 127.0.0.1)."
        )
    return text.rstrip("/")


def validate_agent_id(agent_id: str) -> str:
    """Return the agent id stripped of spaces; it must be a UUID (8-4-4-4-12 hex digits)."""
    text = (agent_id or "").strip()
    if not _UUID_RE.match(text):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise InvalidInputError(
            f"The agent ID {shown!r} is not a UUID. Copy it from the agent's page in the AgentsGT "
            "dashboard; it looks like 550e8400-e29b-41d4-a716-446655440000."
        )
    return text


def validate_message_text(text: str) -> str:
    """Return the message unchanged; it must contain something other than spaces."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError("The message is empty. Type something to send.")
    return text


def validate_messages(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """Check a conversation before sending it: at least one turn, the last one non-empty."""
    turns = list(messages)
    if not turns:
        raise InvalidInputError("There is no message to send. Type something to send.")
    for turn in turns:
        if not isinstance(turn, ChatMessage):
            raise InvalidInputError("Each turn of the conversation must be a ChatMessage.")
    validate_message_text(turns[-1].content)
    return turns


def validate_credentials(credentials: Credentials) -> Credentials:
    """Both keys must be present and fit in an HTTP header; prefixes and lengths are not checked."""
    if not isinstance(credentials, Credentials):
        raise InvalidInputError("The API keys are missing. Enter your public and secret key.")
    public, secret = credentials.public_key, credentials.secret_key
    if not public or not public.strip():
        raise InvalidInputError("The public key is empty. Paste it from Settings → API Keys.")
    if not secret or not secret.strip():
        raise InvalidInputError("The secret key is empty. Paste it from Settings → API Keys.")
    if not _HEADER_SAFE_RE.match(public) or " " in public or ":" in public:
        raise InvalidInputError(
            "The public key contains spaces, a colon or unusual characters. "
            "Paste it again from Settings → API Keys."
        )
    if not _HEADER_SAFE_RE.match(secret) or " " in secret:
        # Never echo the secret itself.
        raise InvalidInputError(
            "The secret key contains spaces or unusual characters. "
            "Paste it again from Settings → API Keys."
        )
    return credentials


def validate_identifier(identifier: str, *, for_header: bool = True) -> str:
    """Return the identifier stripped: non-empty, and plain ASCII when sent as a header."""
    text = (identifier or "").strip() if isinstance(identifier, str) else ""
    if not text:
        raise InvalidInputError(
            "The identifier is empty. Enter an id for this conversation, e.g. your email."
        )
    if len(text) > MAX_IDENTIFIER:
        raise InvalidInputError(
            f"The identifier is too long: use at most {MAX_IDENTIFIER} characters."
        )
    if for_header and not _HEADER_SAFE_RE.match(text):
        raise InvalidInputError(
            "The identifier is sent as the X-Agent-Identifier header, so it must be plain ASCII: "
            "letters, digits and punctuation, without accents, emoji or line breaks."
        )
    return text


def profile_identifier(identifier: str) -> str | None:
    """What a profile's identifier sends: None when blank (no header), else the checked header."""
    if not identifier.strip():
        return None
    return validate_identifier(identifier)


def validate_display_name(name: str) -> str:
    """Return a profile's display name stripped: non-empty, at most MAX_DISPLAY_NAME characters."""
    text = name.strip()
    if not text:
        raise InvalidInputError("Enter a display name for this agent profile.")
    if len(text) > MAX_DISPLAY_NAME:
        raise InvalidInputError(
            f"The display name is too long: use at most {MAX_DISPLAY_NAME} characters."
        )
    return text


def validate_path_value(value: str, what: str) -> str:
    """A value that goes into the URL path (an organization id, an identifier): non-empty."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidInputError(f"The {what} is empty.")
    return text


def validate_page(page: int) -> int:
    """History pages are numbered from 1."""
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        raise InvalidInputError(f"The page number must be 1 or more (got {page!r}).")
    return page


def validate_limit(limit: int) -> int:
    """The API returns at most 100 records per page."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE_LIMIT:
        raise InvalidInputError(
            f"The page size must be between 1 and {MAX_PAGE_LIMIT} (got {limit!r})."
        )
    return limit


def format_timestamp(value: datetime | date | str | None, what: str) -> str | None:
    """Turn a date filter into the ISO 8601 text the API takes; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise InvalidInputError(
                f"The {what} {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or "
                "2024-01-31T23:59:59Z."
            ) from None
        return text
    raise InvalidInputError(f"The {what} must be a date, a datetime or ISO 8601 text.")
