"""The one error tree of the app: every failure the core can report, typed.

    AgentsGTError
    ├── InvalidInputError            bad input caught before anything is sent
    │   └── MissingKeyError          a profile's key pair is nowhere to be found
    ├── APIStatusError               the server answered with an error status
    │   ├── BadRequestError          400
    │   ├── AuthenticationError      401
    │   ├── PaymentRequiredError     402 (.reason: no subscription / no credits / unknown)
    │   ├── PermissionDeniedError    403
    │   ├── NotFoundError            404
    │   ├── RateLimitError           429 (.retry_after seconds, when the server said)
    │   ├── ServerError              5xx
    │   └── UnexpectedStatusError    any other status
    ├── APIConnectionError           no usable connection: DNS, refused, reset, TLS
    │   └── APITimeoutError          a timeout
    │       ├── ConnectTimeoutError  the connection was not made in time
    │       ├── IdleTimeoutError     no reply data arrived for too long while waiting or streaming
    │       │   └── HeaderTimeoutError   the status line and headers did not arrive in time
    │       └── DeadlineError        a whole request (or reply) took longer than its limit
    └── StreamProtocolError          the reply stream could not be decoded
        ├── ResponseTooLargeError    an answer went over a size limit (core/limits.py)
        └── ResponseFormatError      a success body that is not in the documented shape
            └── NotTheAPIError       a 2xx answer of a type the API never sends (an HTML page)

Messages are written for a person to read. No message, `repr` or `str` ever contains a secret
key: `redact()` strips any registered secret from text before it goes into an error.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from desktop_app.core.messages import translate

_SECRETS: set[str] = set()
# Shapes of AgentsGT secret keys and bearer headers, scrubbed even when never registered.
_SECRET_PATTERNS = (
    re.compile(r"sk_[A-Za-z0-9_\-]{4,}"),
    re.compile(r"(Bearer\s+)[^\s\"']+", re.IGNORECASE),
)


def register_secret(secret: str) -> None:
    """Remember a secret so that `redact()` removes it from any text; empty strings are ignored."""
    if secret and len(secret) >= 4:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """Return `text` with every registered secret and anything shaped like a key replaced."""
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, "[redacted]")
    text = _SECRET_PATTERNS[0].sub("sk_[redacted]", text)
    return _SECRET_PATTERNS[1].sub(r"\1[redacted]", text)


class AgentsGTError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str) -> None:
        self.message = redact(message)
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class InvalidInputError(AgentsGTError, ValueError):
    """Input that is rejected before any request is made (bad UUID, non-https URL, empty text)."""


class MissingKeyError(InvalidInputError):
    """A profile's key pair is in neither the keyring nor this session's memory."""


class APIStatusError(AgentsGTError):
    """The server answered with a status other than 2xx."""

    status_code: int = 0

    def __init__(self, message: str, *, status_code: int, server_message: str | None = None):
        super().__init__(message)
        self.status_code = status_code
        self.server_message = redact(server_message) if server_message else None


class BadRequestError(APIStatusError):
    """400: the server refused the request's parameters."""


class AuthenticationError(APIStatusError):
    """401: the key pair is missing, wrong or disabled."""


class PaymentReason(StrEnum):
    NO_SUBSCRIPTION = "no-subscription"
    NO_CREDITS = "no-credits"
    UNKNOWN = "unknown"


class PaymentRequiredError(APIStatusError):
    """402: the organisation has no active subscription, or no credits left."""

    def __init__(self, message: str, *, status_code: int = 402, server_message: str | None = None):
        super().__init__(message, status_code=status_code, server_message=server_message)
        self.reason = payment_reason(server_message or "")


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but may not do this (plan level, allowed domains, ...)."""


class NotFoundError(APIStatusError):
    """404: the agent (or other resource) does not exist for this key."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` is the server's wait in seconds, when given."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 429,
        server_message: str | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(message, status_code=status_code, server_message=server_message)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: the service failed."""


class UnexpectedStatusError(APIStatusError):
    """A status the API does not document."""


class APIConnectionError(AgentsGTError):
    """The request could not reach the server, or the connection broke before a reply began."""


class APITimeoutError(APIConnectionError):
    """A timeout."""


class ConnectTimeoutError(APITimeoutError):
    """The connection was not established within the connect timeout."""


class IdleTimeoutError(APITimeoutError):
    """No reply data arrived for `seconds` while waiting for or streaming a reply."""

    def __init__(self, message: str, *, seconds: float):
        super().__init__(message)
        self.seconds = seconds


class HeaderTimeoutError(IdleTimeoutError):
    """The status line and headers did not all arrive within `seconds` of sending the request."""


class DeadlineError(APITimeoutError):
    """A whole JSON request, or a whole reply, took longer than its `seconds`."""

    def __init__(self, message: str, *, seconds: float):
        super().__init__(message)
        self.seconds = seconds


class StreamProtocolError(AgentsGTError):
    """The reply stream could not be decoded (bad UTF-8 in a frame, bad JSON in a part)."""


class ResponseTooLargeError(StreamProtocolError):
    """An answer went over one of the size limits of core/limits.py (`limit`, in its unit)."""

    def __init__(self, message: str, *, limit: int):
        super().__init__(message)
        self.limit = limit


class ResponseFormatError(StreamProtocolError):
    """A 2xx answer whose body is not JSON or lacks a field the documented shape requires."""


class NotTheAPIError(ResponseFormatError):
    """A 2xx answer whose Content-Type the API never sends (a web page, a captive portal)."""

    def __init__(self, message: str, *, content_type: str):
        super().__init__(message)
        self.content_type = content_type


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def _summary(cls: type[APIStatusError]) -> str:
    """What a status means, in a few words (translated when the error is built)."""
    if cls is BadRequestError:
        return translate("Errors", "The server rejected the request")
    if cls is AuthenticationError:
        return translate("Errors", "The key was rejected")
    if cls is PaymentRequiredError:
        return translate("Errors", "Payment required")
    if cls is PermissionDeniedError:
        return translate("Errors", "The key is not allowed to do this")
    if cls is NotFoundError:
        return translate("Errors", "Not found")
    if cls is RateLimitError:
        return translate("Errors", "Too many requests")
    if cls is ServerError:
        return translate("Errors", "The AgentsGT service failed")
    return translate("Errors", "Unexpected answer from the server")


def payment_reason(server_message: str) -> PaymentReason:
    """Tell "no active subscription" from "no credits" in a 402 body's message."""
    lowered = server_message.lower()
    if "subscription" in lowered:
        return PaymentReason.NO_SUBSCRIPTION
    if "credit" in lowered:
        return PaymentReason.NO_CREDITS
    return PaymentReason.UNKNOWN


def error_body_message(body: bytes | str) -> str | None:
    """Read the human message out of any error body shape the API uses.

    Accepts plain text, a JSON string literal, `{"error": ...}`, `{"message": ...}` and
    `{"success": false, "message"|"error": ...}`. Returns None for an empty body.
    """
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    text = body.strip()
    if not text:
        return None
    try:
        value: Any = json.loads(text)
    except ValueError:
        return text[:500]
    if isinstance(value, str):
        return value[:500] or None
    if isinstance(value, dict):
        for key in ("error", "message", "detail"):
            inner = value.get(key)
            if isinstance(inner, str) and inner:
                return inner[:500]
            if isinstance(inner, dict) and isinstance(inner.get("message"), str):
                return inner["message"][:500]
    return text[:500]


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        # Imported here: email.utils costs a few ms at start-up and only HTTP dates need it.
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, min(seconds, 24 * 3600.0))


def status_error(
    status_code: int, body: bytes | str, retry_after: str | None = None
) -> APIStatusError:
    """Build the typed error for an HTTP error status and its body (the one status table)."""
    server_message = error_body_message(body)
    if status_code in _STATUS_ERRORS:
        cls = _STATUS_ERRORS[status_code]
    elif 500 <= status_code < 600:
        cls = ServerError
    else:
        cls = UnexpectedStatusError
    # The summary is ours (translated), the status and the server's words are data.
    message = f"{_summary(cls)} (HTTP {status_code})"
    if server_message:
        message += f": {server_message}"
    if cls is RateLimitError:
        return RateLimitError(
            message,
            status_code=status_code,
            server_message=server_message,
            retry_after=parse_retry_after(retry_after),
        )
    return cls(message, status_code=status_code, server_message=server_message)
