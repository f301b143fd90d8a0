"""Fault names, per-endpoint error bodies, and `#name:value` directives in user messages.

Error body choices (the docs leave several open):
- chat (`/agents/chat/{id}`): a bare JSON string with `Content-Type: application/json`, as the docs
  show for 401/404/500. 402 (undocumented body) uses the send-message texts as bare strings:
  `"No active subscription found"` or `"No credits remaining"`. 400 is
  `"Invalid request body: ..."`, 403 `"Forbidden"`, 429 `"Too many requests"` (with
  `Retry-After: <seconds>`).
- send message (`/agents/basic/{id}`): `{"error": "..."}`, no `success`.
- check-balance: `{"success": false, "message": "..."}`; its 401 message is the documented
  "Organization ID not found in request". The no-subscription / no-credits faults give the
  documented HTTP 200 bodies rather than a 402.
- list agents and chat history (error sections cut off in the docs): the intro's nominal envelope
  `{"success": false, "error": "..."}`.
- consumption (metrics return `{"data": ...}` with no `success`): `{"error": "..."}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Fault(StrEnum):
    """Every fault the emulator can inject (header `X-Emulator-Fault`, `#fault:` or the queue)."""

    NO_SUBSCRIPTION = "no-subscription"
    NO_CREDITS = "no-credits"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not-found"
    RATE_LIMIT = "rate-limit"
    SERVER_ERROR = "server-error"
    ERROR_PART = "error-part"
    ABORT = "abort"
    NO_FINISH = "no-finish"
    DROP = "drop"
    STALL = "stall"
    KEEPALIVE = "keepalive"
    BYTE_CHUNKS = "byte-chunks"
    SLOW_START = "slow-start"

    @property
    def is_status(self) -> bool:
        """True for faults answered with an error status before any body is streamed."""
        return self in _STATUS


_STATUS = {
    Fault.NO_SUBSCRIPTION: 402,
    Fault.NO_CREDITS: 402,
    Fault.UNAUTHORIZED: 401,
    Fault.FORBIDDEN: 403,
    Fault.NOT_FOUND: 404,
    Fault.RATE_LIMIT: 429,
    Fault.SERVER_ERROR: 500,
}


class Endpoint(StrEnum):
    """Endpoint families; each has its own error body shape. ANY is only for queued faults."""

    CHAT = "chat"
    BASIC = "basic"
    BALANCE = "balance"
    AGENTS = "agents"
    HISTORY = "history"
    CONSUMPTION = "consumption"
    ANY = "any"


NO_SUBSCRIPTION_MESSAGE = "No active subscription found"
NO_CREDITS_MESSAGE = "No credits remaining"


@dataclass(frozen=True, slots=True)
class ErrorReply:
    """An error response: status, JSON body, extra headers."""

    status: int
    body: Any
    headers: tuple[tuple[str, str], ...] = ()


def error_reply(endpoint: Endpoint, status: int, message: str) -> ErrorReply:
    """The error response for `status` in `endpoint`'s own body shape."""
    if endpoint is Endpoint.CHAT:
        body: Any = message
    elif endpoint in (Endpoint.BASIC, Endpoint.CONSUMPTION):
        body = {"error": message}
    elif endpoint is Endpoint.BALANCE:
        body = {"success": False, "message": message}
    else:
        body = {"success": False, "error": message}
    return ErrorReply(status, body)


def unauthorized(endpoint: Endpoint) -> ErrorReply:
    """401 for a missing or wrong key, in the endpoint's documented wording."""
    if endpoint is Endpoint.BALANCE:
        return error_reply(endpoint, 401, "Organization ID not found in request")
    return error_reply(endpoint, 401, "Unauthorized")


def not_found(endpoint: Endpoint) -> ErrorReply:
    """404 for an unknown agent, in the endpoint's documented wording."""
    if endpoint is Endpoint.CHAT:
        return error_reply(endpoint, 404, "Agent not found")
    if endpoint in (Endpoint.BASIC, Endpoint.BALANCE):
        return error_reply(endpoint, 404, "Agent not found or unauthorized")
    return error_reply(endpoint, 404, "Agent not found")


def status_fault_reply(fault: Fault, endpoint: Endpoint, retry_after: int) -> ErrorReply:
    """The response a status fault produces on this endpoint."""
    if fault is Fault.UNAUTHORIZED:
        return unauthorized(endpoint)
    if fault is Fault.NOT_FOUND:
        return not_found(endpoint)
    if fault is Fault.NO_SUBSCRIPTION:
        return error_reply(endpoint, 402, NO_SUBSCRIPTION_MESSAGE)
    if fault is Fault.NO_CREDITS:
        return error_reply(endpoint, 402, NO_CREDITS_MESSAGE)
    if fault is Fault.FORBIDDEN:
        return error_reply(endpoint, 403, "Forbidden")
    if fault is Fault.RATE_LIMIT:
        reply = error_reply(endpoint, 429, "Too many requests")
        return ErrorReply(reply.status, reply.body, (("Retry-After", str(retry_after)),))
    if fault is Fault.SERVER_ERROR:
        return error_reply(endpoint, 500, "Internal server error")
    raise ValueError(f"{fault} is not a status fault")


def parse_fault(name: str) -> Fault:
    """The fault called `name`; ValueError naming the valid ones otherwise."""
    try:
        return Fault(name.strip().lower())
    except ValueError:
        valid = ", ".join(f.value for f in Fault)
        raise ValueError(f"Unknown emulator fault {name!r} (valid: {valid})") from None


_DIRECTIVE = re.compile(
    r"(?<!\S)#(fault|protocol|tokens|tps|retry-after|delay):([^\s#]+)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Directives:
    """Emulator directives found in a user message, and the message without them."""

    text: str
    fault: str | None = None
    protocol: str | None = None
    tokens: str | None = None
    tps: str | None = None
    retry_after: str | None = None
    delay: str | None = None


def parse_directives(text: str) -> Directives:
    """Pull `#fault:`, `#protocol:`, `#tokens:`, `#tps:`, `#retry-after:`, `#delay:` out of text.

    Values are returned raw; the caller validates them like the matching headers.
    """
    found: dict[str, str] = {}
    for match in _DIRECTIVE.finditer(text):
        found[match.group(1).lower().replace("-", "_")] = match.group(2)
    if not found:
        return Directives(text=text)
    cleaned = _DIRECTIVE.sub("", text)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned).strip()
    return Directives(text=cleaned, **found)
