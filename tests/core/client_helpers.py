"""Helpers for the client unit tests: a recording MockTransport and scripted response bodies."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from desktop_app.core.client import AgentsGTClient
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import Credentials

T = TypeVar("T")

AGENT = "550e8400-e29b-41d4-a716-446655440000"
BASE = "https://agentsgt.test/api/v1"
PUBLIC = "pk_unit_public"
SECRET = "sk_unit_TOPSECRET_0123456789"
# Fast settings: no real waiting between retries.
FAST = ClientSettings(retry_backoff=0.0, retry_cap=0.05, idle_timeout=5.0, connect_timeout=2.0)

Handler = Callable[[httpx.Request], httpx.Response]


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one coroutine on a fresh event loop (no pytest-asyncio here)."""
    return asyncio.run(coro)


@dataclass
class Recorder:
    """A MockTransport that answers with `handler` and keeps every request it saw."""

    handler: Handler
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


async def with_client(
    handler: Handler,
    use: Callable[[AgentsGTClient], Coroutine[Any, Any, T]],
    *,
    settings: ClientSettings = FAST,
    identifier: str | None = "user-123",
    extra_headers: dict[str, str] | None = None,
) -> tuple[T, Recorder]:
    """Build the shared http client over a recording MockTransport, run `use`, close it."""
    recorder = Recorder(handler)
    http = make_http_client(settings, transport=httpx.MockTransport(recorder))
    try:
        client = AgentsGTClient(
            http,
            base_url=BASE,
            credentials=Credentials(PUBLIC, SECRET),
            identifier=identifier,
            settings=settings,
            extra_headers=extra_headers,
        )
        return await use(client), recorder
    finally:
        await http.aclose()


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """A JSON response."""
    return httpx.Response(status, json=body, headers=headers)


def ui_stream_bytes(*deltas: str, end: bool = True) -> bytes:
    """A UI message stream (SSE) carrying `deltas`, finished normally when `end`."""
    frames = [{"type": "start"}, {"type": "text-start", "id": "t"}]
    frames += [{"type": "text-delta", "id": "t", "delta": d} for d in deltas]
    if end:
        frames += [{"type": "text-end", "id": "t"}, {"type": "finish", "finishReason": "stop"}]
    body = b"".join(b"data: " + json.dumps(f).encode() + b"\n\n" for f in frames)
    return body + (b"data: [DONE]\n\n" if end else b"")


UI_HEADERS = {"content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1"}


class ScriptedStream(httpx.AsyncByteStream):
    """A response body that yields chunks, then optionally raises or stalls; records closing."""

    def __init__(
        self,
        chunks: Iterable[bytes],
        *,
        then_raise: Exception | None = None,
        then_stall: bool = False,
    ) -> None:
        self.chunks = list(chunks)
        self.then_raise = then_raise
        self.then_stall = then_stall
        self.was_closed = False
        self.yielded = 0

    async def __aiter__(self):  # type: ignore[override]
        for chunk in self.chunks:
            self.yielded += 1
            yield chunk
        if self.then_raise is not None:
            raise self.then_raise
        if self.then_stall:
            await asyncio.sleep(3600)

    async def aclose(self) -> None:
        self.was_closed = True
