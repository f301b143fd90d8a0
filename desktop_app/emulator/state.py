"""The emulator's mutable state (credits, fault queue, request log, records); thread-safe."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from desktop_app.emulator.faults import Endpoint, Fault, parse_fault
from desktop_app.emulator.records import ChatRecord, seed_records

DEFAULT_CREDITS = 10_000
# The request log keeps the newest entries only, so a long demo session stays small.
MAX_LOGGED_REQUESTS = 1000


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request as the server saw it. The secret key in Authorization is masked."""

    method: str
    path: str
    query: str
    headers: tuple[tuple[str, str], ...]
    body: Any  # parsed JSON, the raw text if it was not JSON, or None when empty
    received_at: datetime

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


class StreamOutcome(StrEnum):
    """How a streamed reply ended on the server side."""

    COMPLETED = "completed"  # the whole scripted body went out (cut short by a fault or not)
    DISCONNECTED = "disconnected"  # the client went away first
    DROPPED = "dropped"  # the drop fault cut the connection
    SERVER_STOPPED = "server-stopped"  # the server shut down mid-stream (e.g. a stall)


@dataclass(frozen=True, slots=True)
class StreamLog:
    """A finished stream: which agent, protocol and fault, how it ended, what went out."""

    agent_id: str
    protocol: str
    fault: str | None
    outcome: StreamOutcome
    text: str
    text_deltas: int
    bytes_sent: int


def mask_authorization(value: str) -> str:
    """`Bearer pk:sk` -> `Bearer pk:***`, so logs never hold a secret."""
    scheme, _, token = value.partition(" ")
    public, sep, _secret = token.partition(":")
    if not sep:
        return f"{scheme} ***" if token else scheme
    return f"{scheme} {public}:***"


class EmulatorState:
    """Everything a test may read or steer. All methods are thread-safe."""

    def __init__(
        self,
        *,
        credits: int = DEFAULT_CREDITS,
        subscription_active: bool = True,
        seed_history: bool = True,
    ) -> None:
        self._initial = (credits, subscription_active, seed_history)
        self._cond = threading.Condition()
        self._open_streams = 0  # not reset: streams of an earlier test may still be running
        self.reset()

    def reset(self, *, seed_history: bool | None = None) -> None:
        """Back to the start: credits, subscription, empty queue and logs, seed records."""
        credits, active, seed = self._initial
        with self._cond:
            self._credits = credits
            self._subscription_active = active
            self._faults: deque[tuple[Fault, Endpoint]] = deque()
            self._requests: deque[LoggedRequest] = deque(maxlen=MAX_LOGGED_REQUESTS)
            self._streams: list[StreamLog] = []
            seed_now = seed if seed_history is None else seed_history
            self._records: list[ChatRecord] = seed_records(datetime.now(UTC)) if seed_now else []
            self._cond.notify_all()

    # -- billing -------------------------------------------------------------------------------
    @property
    def credits(self) -> int:
        """Credits left in the demo organization."""
        with self._cond:
            return self._credits

    @credits.setter
    def credits(self, value: int) -> None:
        with self._cond:
            self._credits = max(0, int(value))

    @property
    def subscription_active(self) -> bool:
        """Whether the organization has an active subscription (402 on chats when not)."""
        with self._cond:
            return self._subscription_active

    @subscription_active.setter
    def subscription_active(self, value: bool) -> None:
        with self._cond:
            self._subscription_active = bool(value)

    # -- faults --------------------------------------------------------------------------------
    def queue_faults(
        self, names: Iterable[str | Fault], endpoint: Endpoint = Endpoint.CHAT
    ) -> None:
        """Apply these faults, one each, to the next requests of `endpoint` (default: chat).

        A fault given explicitly on a request (header or `#fault:`) wins and leaves the queue
        untouched. Endpoint.ANY lets the next request of any endpoint take it.
        """
        faults = [name if isinstance(name, Fault) else parse_fault(name) for name in names]
        with self._cond:
            self._faults.extend((fault, endpoint) for fault in faults)

    def take_fault(self, endpoint: Endpoint, *, status_only: bool = False) -> Fault | None:
        """Pop the first queued fault meant for `endpoint` (used by the app).

        With `status_only`, stream faults stay queued (this endpoint could not apply them).
        """
        with self._cond:
            for index, (fault, wanted) in enumerate(self._faults):
                if status_only and not fault.is_status:
                    continue
                if wanted in (endpoint, Endpoint.ANY):
                    del self._faults[index]
                    return fault
            return None

    @property
    def queued_faults(self) -> tuple[Fault, ...]:
        """Faults still waiting in the queue."""
        with self._cond:
            return tuple(fault for fault, _ in self._faults)

    # -- request log ---------------------------------------------------------------------------
    def log_request(self, request: LoggedRequest) -> None:
        """Remember a request (used by the app)."""
        with self._cond:
            self._requests.append(request)
            self._cond.notify_all()

    @property
    def requests(self) -> tuple[LoggedRequest, ...]:
        """Requests received since the last reset (the newest 1000), oldest first."""
        with self._cond:
            return tuple(self._requests)

    # -- streams -------------------------------------------------------------------------------
    def stream_opened(self) -> None:
        """A streamed reply started (used by the app)."""
        with self._cond:
            self._open_streams += 1
            self._cond.notify_all()

    def stream_closed(self, log: StreamLog) -> None:
        """A streamed reply ended (used by the app)."""
        with self._cond:
            self._open_streams -= 1
            self._streams.append(log)
            self._cond.notify_all()

    @property
    def open_streams(self) -> int:
        """Streams being served right now."""
        with self._cond:
            return self._open_streams

    @property
    def streams(self) -> tuple[StreamLog, ...]:
        """Streams that ended since the last reset, in the order they ended."""
        with self._cond:
            return tuple(self._streams)

    # -- records -------------------------------------------------------------------------------
    def add_record(self, record: ChatRecord) -> None:
        """Store an exchange and deduct its credits (used by the app)."""
        with self._cond:
            self._records.append(record)
            self._credits = max(0, self._credits - record.total_credits)
            self._cond.notify_all()

    @property
    def records(self) -> tuple[ChatRecord, ...]:
        """All recorded exchanges (seeded and served), in the order they were stored."""
        with self._cond:
            return tuple(self._records)

    def count_records(self, agent_id: str, thread_id: str) -> int:
        """How many exchanges a thread already has with an agent."""
        with self._cond:
            return sum(
                1 for r in self._records if r.agent_id == agent_id and r.thread_id == thread_id
            )

    # -- waiting -------------------------------------------------------------------------------
    def wait_for(self, predicate: Callable[[EmulatorState], bool], timeout: float = 5.0) -> bool:
        """Block until `predicate(state)` holds (re-checked on every change); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self), timeout=timeout)
