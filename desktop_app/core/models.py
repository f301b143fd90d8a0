"""Typed records shared across the core: credentials, chat messages, and the API's resources."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.core.errors import register_secret

DEFAULT_BASE_URL = "https://agentsgt.com/api/v1"


@dataclass(frozen=True, slots=True)
class Credentials:
    """An AgentsGT key pair. The secret never appears in `repr()` or `str()`."""

    public_key: str
    secret_key: str = field(repr=False)

    def __post_init__(self) -> None:
        register_secret(self.secret_key)

    def __repr__(self) -> str:
        return f"Credentials(public_key={self.public_key!r}, secret_key='***')"

    __str__ = __repr__

    def authorization(self) -> str:
        """The Authorization header value: `Bearer pk:sk`."""
        return f"Bearer {self.public_key}:{self.secret_key}"


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One turn of the conversation as the chat endpoint takes it (`{"role", "content"}`)."""

    role: Role
    content: str

    def to_wire(self) -> dict[str, str]:
        return {"role": str(self.role), "content": self.content}


class MessageStatus(StrEnum):
    """Where a stored or displayed message stands."""

    COMPLETE = "complete"
    STREAMING = "streaming"  # being written right now
    STOPPED = "stopped"  # the user pressed Stop; the partial text is kept
    ERROR = "error"  # the model reported an error part, or the request failed
    ABORTED = "aborted"  # the server sent an abort part
    INCOMPLETE = "incomplete"  # the stream ended or dropped without an end marker
    INTERRUPTED = "interrupted"  # the app died while it was streaming (found on the next start)


@dataclass(frozen=True, slots=True)
class RetryWait:
    """A request failed before any reply began and will be sent again after `delay` seconds.

    `attempt` is the number of the coming try (2 for the first retry) of at most `attempts`.
    """

    attempt: int
    attempts: int
    delay: float
    reason: str  # "rate-limited" or "connection-failed"
