"""The one home of input rules (profile and client alike): each failure is a sentence to act on."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.messages import translate
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


class PathValue(StrEnum):
    """A value `validate_path_value` checks (each names itself in its own sentence)."""

    USER_IDENTIFIER = "user identifier"
    THREAD_ID = "thread id"
    ORGANIZATION_ID = "organization id"


class DateBound(StrEnum):
    """A date filter `format_timestamp` reads (each names itself in its own sentence)."""

    START_DATE = "start date"
    END_DATE = "end date"
    PERIOD_START = "start of the period"
    PERIOD_END = "end of the period"


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
        raise InvalidInputError(
            translate("Validation", "The API base URL is empty. Use https://agentsgt.com/api/v1.")
        )
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise InvalidInputError(
            translate(
                "Validation",
                "The API base URL {text!r} is not a valid address. "
                "Use a full address such as https://agentsgt.com/api/v1.",
            ).format(text=text)
        ) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https") or not host:
        raise InvalidInputError(
            translate(
                "Validation",
                "The API base URL {text!r} must start with https:// and name a host, "
                "for example https://agentsgt.com/api/v1.",
            ).format(text=text)
        )
    if parts.username is not None or parts.password is not None:
        raise InvalidInputError(
            translate(
                "Validation",
                "The API base URL must not contain a user name or password; "
                "keys are sent in the Authorization header.",
            )
        )
    if parts.query or parts.fragment:
        raise InvalidInputError(
            translate(
                "Validation",
                "The API base URL {text!r} must not contain '?' or '#' parts. "
                "Use an address such as https://agentsgt.com/api/v1.",
            ).format(text=text)
        )
    if scheme == "http" and not is_loopback_host(host):
        raise InvalidInputError(
            translate(
                "Validation",
                "The API base URL must use https:// for {host}: plain http would send your key "
                "unencrypted, so it is allowed only for this computer (localhost, 127.0.0.1).",
            ).format(host=host)
        )
    return text.rstrip("/")


def validate_agent_id(agent_id: str) -> str:
    """Return the agent id stripped of spaces; it must be a UUID (8-4-4-4-12 hex digits)."""
    text = (agent_id or "").strip()
    if not _UUID_RE.match(text):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise InvalidInputError(
            translate(
                "Validation",
                "The agent ID {shown!r} is not a UUID. Copy it from the agent's page in the "
                "AgentsGT dashboard; it looks like 550e8400-e29b-41d4-a716-446655440000.",
            ).format(shown=shown)
        )
    return text


def validate_message_text(text: str) -> str:
    """Return the message unchanged; it must contain something other than spaces."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError(
            translate("Validation", "The message is empty. Type something to send.")
        )
    return text


def validate_messages(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """Check a conversation before sending it: at least one turn, the last one non-empty."""
    turns = list(messages)
    if not turns:
        raise InvalidInputError(
            translate("Validation", "There is no message to send. Type something to send.")
        )
    for turn in turns:
        if not isinstance(turn, ChatMessage):
            raise InvalidInputError(
                translate("Validation", "Each turn of the conversation must be a ChatMessage.")
            )
    validate_message_text(turns[-1].content)
    return turns


def validate_credentials(credentials: Credentials) -> Credentials:
    """Both keys must be present and fit in an HTTP header; prefixes and lengths are not checked."""
    if not isinstance(credentials, Credentials):
        raise InvalidInputError(
            translate("Validation", "The API keys are missing. Enter your public and secret key.")
        )
    public, secret = credentials.public_key, credentials.secret_key
    if not public or not public.strip():
        raise InvalidInputError(
            translate("Validation", "The public key is empty. Paste it from Settings → API Keys.")
        )
    if not secret or not secret.strip():
        raise InvalidInputError(
            translate("Validation", "The secret key is empty. Paste it from Settings → API Keys.")
        )
    if not _HEADER_SAFE_RE.match(public) or " " in public or ":" in public:
        raise InvalidInputError(
            translate(
                "Validation",
                "The public key contains spaces, a colon or unusual characters. "
                "Paste it again from Settings → API Keys.",
            )
        )
    if not _HEADER_SAFE_RE.match(secret) or " " in secret:
        # Never echo the secret itself.
        raise InvalidInputError(
            translate(
                "Validation",
                "The secret key contains spaces or unusual characters. "
                "Paste it again from Settings → API Keys.",
            )
        )
    return credentials


def validate_identifier(identifier: str, *, for_header: bool = True) -> str:
    """Return the identifier stripped: non-empty, and plain ASCII when sent as a header."""
    text = (identifier or "").strip() if isinstance(identifier, str) else ""
    if not text:
        raise InvalidInputError(
            translate(
                "Validation",
                "The identifier is empty. Enter an id for this conversation, e.g. your email.",
            )
        )
    if len(text) > MAX_IDENTIFIER:
        raise InvalidInputError(
            translate(
                "Validation", "The identifier is too long: use at most {limit} characters."
            ).format(limit=MAX_IDENTIFIER)
        )
    if for_header and not _HEADER_SAFE_RE.match(text):
        raise InvalidInputError(
            translate(
                "Validation",
                "The identifier is sent as the X-Agent-Identifier header, so it must be plain "
                "ASCII: letters, digits and punctuation, without accents, emoji or line breaks.",
            )
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
        raise InvalidInputError(
            translate("Validation", "Enter a display name for this agent profile.")
        )
    if len(text) > MAX_DISPLAY_NAME:
        raise InvalidInputError(
            translate(
                "Validation", "The display name is too long: use at most {limit} characters."
            ).format(limit=MAX_DISPLAY_NAME)
        )
    return text


def validate_path_value(value: str, what: PathValue) -> str:
    """A value that goes into the URL path (an organization id, an identifier): non-empty."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidInputError(_empty(what))
    return text


def _empty(what: PathValue) -> str:
    # One whole sentence each: a translation's article and word order follow the noun.
    if what == PathValue.USER_IDENTIFIER:
        return translate("Validation", "The user identifier is empty.")
    if what == PathValue.THREAD_ID:
        return translate("Validation", "The thread id is empty.")
    return translate("Validation", "The organization id is empty.")


def validate_page(page: int) -> int:
    """History pages are numbered from 1."""
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        raise InvalidInputError(
            translate("Validation", "The page number must be 1 or more (got {page!r}).").format(
                page=page
            )
        )
    return page


def validate_limit(limit: int) -> int:
    """The API returns at most 100 records per page."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE_LIMIT:
        raise InvalidInputError(
            translate(
                "Validation", "The page size must be between 1 and {most} (got {limit!r})."
            ).format(most=MAX_PAGE_LIMIT, limit=limit)
        )
    return limit


def format_timestamp(value: datetime | date | str | None, what: DateBound) -> str | None:
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
            raise InvalidInputError(_not_iso(what).format(text=text)) from None
        return text
    raise InvalidInputError(_not_a_date(what))


def _not_iso(what: DateBound) -> str:
    if what == DateBound.START_DATE:
        return translate(
            "Validation",
            "The start date {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or "
            "2024-01-31T23:59:59Z.",
        )
    if what == DateBound.END_DATE:
        return translate(
            "Validation",
            "The end date {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or "
            "2024-01-31T23:59:59Z.",
        )
    if what == DateBound.PERIOD_START:
        return translate(
            "Validation",
            "The start of the period {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or "
            "2024-01-31T23:59:59Z.",
        )
    return translate(
        "Validation",
        "The end of the period {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or "
        "2024-01-31T23:59:59Z.",
    )


def _not_a_date(what: DateBound) -> str:
    if what == DateBound.START_DATE:
        return translate(
            "Validation", "The start date must be a date, a datetime or ISO 8601 text."
        )
    if what == DateBound.END_DATE:
        return translate("Validation", "The end date must be a date, a datetime or ISO 8601 text.")
    if what == DateBound.PERIOD_START:
        return translate(
            "Validation", "The start of the period must be a date, a datetime or ISO 8601 text."
        )
    return translate(
        "Validation", "The end of the period must be a date, a datetime or ISO 8601 text."
    )
