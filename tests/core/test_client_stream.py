"""ChatStream over MockTransport: events, outcomes, idle timeout, drops, early exit, bad bytes."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Finish, Outcome, Protocol, TextDelta
from desktop_app.core.http import ClientSettings
from desktop_app.core.models import ChatMessage, Role
from tests.core.client_helpers import (
    AGENT,
    UI_HEADERS,
    ScriptedStream,
    run,
    ui_stream_bytes,
    with_client,
)

HELLO = [ChatMessage(Role.USER, "hello")]
SHORT_IDLE = ClientSettings(idle_timeout=0.2, retry_backoff=0.0)


def test_events_are_typed_and_the_result_accumulates() -> None:
    body = ui_stream_bytes("Hel", "lo ", "wörld 🙂")

    async def use(client: AgentsGTClient):
        seen = []
        async with client.stream_chat(AGENT, HELLO) as stream:
            assert stream.status_code == 200
            async for event in stream:
                seen.append(event)
        return seen, stream.result, stream.protocol

    (seen, result, protocol), _ = run(
        with_client(lambda r: httpx.Response(200, headers=UI_HEADERS, content=body), use)
    )
    # The decoder may merge the deltas of one chunk; their text is what counts.
    assert "".join(e.text for e in seen if isinstance(e, TextDelta)) == "Hello wörld 🙂"
    assert any(isinstance(e, Finish) for e in seen)
    assert protocol is Protocol.UI and result.protocol is Protocol.UI
    assert result.text == "Hello wörld 🙂"
    assert result.outcome is Outcome.COMPLETED and result.finish_reason == "stop"
    assert result.error is None


def test_protocol_is_sniffed_when_headers_say_nothing() -> None:
    bodies = {
        "data": b'0:"Hi "\n0:"there"\ne:{"finishReason":"stop"}\nd:{"finishReason":"stop"}\n',
        "text": "Plain ✓ text".encode(),
    }

    async def use(client: AgentsGTClient):
        results = {}
        for name in bodies:
            results[name] = await client.chat(AGENT, [ChatMessage(Role.USER, name)])
        return results

    def handler(request: httpx.Request) -> httpx.Response:
        name = request.content.decode().split('"content":"')[1].split('"')[0]
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=bodies[name])

    results, _ = run(with_client(handler, use))
    assert results["data"].protocol is Protocol.DATA and results["data"].text == "Hi there"
    assert results["data"].outcome is Outcome.COMPLETED
    assert results["text"].protocol is Protocol.TEXT and results["text"].text == "Plain ✓ text"
    assert results["text"].outcome is Outcome.COMPLETED


def test_drop_mid_stream_keeps_the_text_and_reports_incomplete() -> None:
    stream = ScriptedStream(
        [ui_stream_bytes("one ", "two ", end=False)[:-5], b"", b""],
        then_raise=httpx.RemoteProtocolError("incomplete chunked read"),
    )

    result, _ = run(
        with_client(
            lambda r: httpx.Response(200, headers=UI_HEADERS, stream=stream),
            lambda client: client.chat(AGENT, HELLO),
        )
    )
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "one "  # the half-received second frame is not shown
    assert isinstance(result.error, errors.APIConnectionError)
    assert "lost while the reply was streaming" in str(result.error)


def test_idle_timeout_ends_a_stalled_stream_with_the_text_so_far() -> None:
    stream = ScriptedStream([ui_stream_bytes("partial", end=False)], then_stall=True)

    result, _ = run(
        with_client(
            lambda r: httpx.Response(200, headers=UI_HEADERS, stream=stream),
            lambda client: client.chat(AGENT, HELLO),
            settings=SHORT_IDLE,
        )
    )
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "partial"
    assert isinstance(result.error, errors.IdleTimeoutError)
    assert result.error.seconds == 0.2
    assert stream.was_closed


def test_leaving_the_block_early_closes_the_response() -> None:
    frames = ui_stream_bytes("a", "b", "c", end=False).split(b"\n\n")
    stream = ScriptedStream([frame + b"\n\n" for frame in frames if frame], then_stall=True)

    async def use(client: AgentsGTClient):
        async with client.stream_chat(AGENT, HELLO) as chat:
            async for event in chat:
                if isinstance(event, TextDelta):
                    break
        return chat.result

    result, _ = run(
        with_client(lambda r: httpx.Response(200, headers=UI_HEADERS, stream=stream), use)
    )
    assert stream.was_closed
    assert result.text == "a"  # only what was handed out
    assert result.outcome is Outcome.INCOMPLETE


def test_cancelling_the_task_closes_the_response() -> None:
    stream = ScriptedStream([ui_stream_bytes("a", end=False)], then_stall=True)
    got_text = asyncio.Event

    async def use(client: AgentsGTClient):
        started = got_text()

        async def consume() -> None:
            async with client.stream_chat(AGENT, HELLO) as chat:
                async for event in chat:
                    if isinstance(event, TextDelta):
                        started.set()

        task = asyncio.create_task(consume())
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(with_client(lambda r: httpx.Response(200, headers=UI_HEADERS, stream=stream), use))
    assert stream.was_closed


def test_undecodable_stream_ends_incomplete_with_a_protocol_error() -> None:
    body = ui_stream_bytes("fine ", end=False) + b"data: {not json}\n\n" + ui_stream_bytes("x")

    result, _ = run(
        with_client(
            lambda r: httpx.Response(200, headers=UI_HEADERS, content=body),
            lambda client: client.chat(AGENT, HELLO),
        )
    )
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "fine "
    assert isinstance(result.error, errors.StreamProtocolError)


def test_on_event_sees_every_event_in_order() -> None:
    seen: list[str] = []

    def on_event(event) -> None:
        if isinstance(event, TextDelta):
            seen.append(event.text)

    result, _ = run(
        with_client(
            lambda r: httpx.Response(200, headers=UI_HEADERS, content=ui_stream_bytes("x", "y")),
            lambda client: client.chat(AGENT, HELLO, on_event),
        )
    )
    assert "".join(seen) == "xy" and result.text == "xy"


def test_result_before_entering_is_an_error() -> None:
    async def use(client: AgentsGTClient):
        stream = client.stream_chat(AGENT, HELLO)
        with pytest.raises(RuntimeError, match="async with"):
            _ = stream.result

    _, rec = run(with_client(lambda r: httpx.Response(500), use))
    assert rec.requests == []
