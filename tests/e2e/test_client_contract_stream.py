"""The real client against the real emulator: every protocol, every stream fault, cancellation."""

from __future__ import annotations

import asyncio

import pytest

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Outcome, Protocol, StreamResult, TextDelta
from desktop_app.core.http import ClientSettings
from desktop_app.core.models import ChatMessage, Role
from desktop_app.emulator.server import EmulatorServer
from desktop_app.emulator.state import StreamOutcome
from tests.e2e.contract_helpers import FIRST_AGENT, HELLO, against

PROTOCOLS = ["ui", "data", "text"]


def _chat(server: EmulatorServer, protocol: str, fault: str | None = None) -> StreamResult:
    # A slow start shorter than the idle timeout (the server's default is 2 s).
    headers = {"X-Emulator-Protocol": protocol, "X-Emulator-Delay": "0.2"}
    if fault:
        headers["X-Emulator-Fault"] = fault

    async def use(client: AgentsGTClient) -> StreamResult:
        return await client.chat(FIRST_AGENT, HELLO)

    return against(server, use, headers=headers)


def _full_text(server: EmulatorServer) -> str:
    """What the server sent in its last stream (logged when the server side has ended)."""
    assert server.state.wait_for(lambda state: state.open_streams == 0, 5.0)
    return server.state.streams[-1].text


def _last_stream_outcome(server: EmulatorServer) -> StreamOutcome:
    assert server.state.wait_for(lambda state: state.open_streams == 0, 5.0)
    return server.state.streams[-1].outcome


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_completed_reply_in_every_protocol(emulator: EmulatorServer, protocol: str) -> None:
    result = _chat(emulator, protocol)
    assert result.outcome is Outcome.COMPLETED
    assert result.protocol is Protocol(protocol)
    assert result.text == _full_text(emulator) and "hello" in result.text
    assert result.error is None
    if protocol != "text":  # a plain text stream carries no finish reason
        assert result.finish_reason == "stop"


def test_protocol_is_detected_without_any_header_from_us(emulator_factory) -> None:
    for protocol in PROTOCOLS:
        server = emulator_factory(protocol=protocol)
        result = against(server, lambda client: client.chat(FIRST_AGENT, HELLO))
        assert result.protocol is Protocol(protocol)
        assert result.outcome is Outcome.COMPLETED


@pytest.mark.parametrize("protocol", ["ui", "data"])
def test_error_part_keeps_text_and_reports_the_error(emulator: EmulatorServer, protocol) -> None:
    result = _chat(emulator, protocol, "error-part")
    assert result.outcome is Outcome.ERROR
    assert result.error_text == "An error occurred."
    assert result.text and result.text == _full_text(emulator)


def test_abort_part_in_the_ui_stream(emulator: EmulatorServer) -> None:
    result = _chat(emulator, "ui", "abort")
    assert result.outcome is Outcome.ABORTED
    assert result.text == _full_text(emulator)


@pytest.mark.parametrize(
    ("protocol", "fault", "outcome"),
    [
        ("ui", "no-finish", Outcome.INCOMPLETE),
        ("data", "no-finish", Outcome.INCOMPLETE),
        ("data", "abort", Outcome.INCOMPLETE),  # ai@4 has no abort part: the lines just stop
        # Plain text has no error signal: a body that ends cleanly is all there is.
        ("text", "no-finish", Outcome.COMPLETED),
        ("text", "error-part", Outcome.COMPLETED),
    ],
)
def test_streams_that_just_stop(emulator: EmulatorServer, protocol, fault, outcome) -> None:
    result = _chat(emulator, protocol, fault)
    assert result.outcome is outcome
    assert result.error is None
    assert result.text and result.text == _full_text(emulator)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_drop_is_incomplete_with_a_connection_error(emulator: EmulatorServer, protocol) -> None:
    result = _chat(emulator, protocol, "drop")
    assert result.outcome is Outcome.INCOMPLETE
    assert isinstance(result.error, errors.APIConnectionError)
    assert result.text and _full_text(emulator).startswith(result.text)
    assert _last_stream_outcome(emulator) is StreamOutcome.DROPPED


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_stall_ends_by_idle_timeout_keeping_the_text(emulator: EmulatorServer, protocol) -> None:
    result = _chat(emulator, protocol, "stall")
    assert result.outcome is Outcome.INCOMPLETE
    assert isinstance(result.error, errors.IdleTimeoutError)
    assert result.error.seconds == 0.5
    assert result.text
    # Our side closed the connection: the emulator sees the stalled stream end.
    assert _last_stream_outcome(emulator) is StreamOutcome.DISCONNECTED


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("fault", ["keepalive", "byte-chunks", "slow-start"])
def test_harmless_faults_decode_identically(emulator: EmulatorServer, protocol, fault) -> None:
    plain = _chat(emulator, protocol)
    faulty = _chat(emulator, protocol, fault)
    assert faulty.outcome is Outcome.COMPLETED
    assert faulty.text == plain.text
    assert faulty.finish_reason == plain.finish_reason


def test_slow_start_longer_than_idle_timeout_is_an_idle_timeout(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient):
        with pytest.raises(errors.IdleTimeoutError):
            await client.chat(FIRST_AGENT, HELLO)

    settings = ClientSettings(idle_timeout=0.3, retry_backoff=0.0)
    headers = {"X-Emulator-Fault": "slow-start", "X-Emulator-Delay": "3"}
    against(emulator, use, headers=headers, settings=settings)


def test_multi_turn_conversation_reaches_the_server(emulator: EmulatorServer) -> None:
    turns = [
        ChatMessage(Role.USER, "first question"),
        ChatMessage(Role.ASSISTANT, "first answer"),
        ChatMessage(Role.USER, "second question"),
    ]
    result = against(emulator, lambda client: client.chat(FIRST_AGENT, turns))
    request = emulator.state.requests[-1]
    assert request.body == {"messages": [turn.to_wire() for turn in turns]}
    assert request.header("X-Agent-Identifier") == "contract-user"
    assert request.header("Accept") == "text/event-stream"
    assert (request.header("User-Agent") or "").startswith("AgentsGT-Desktop/")
    assert "turn 2" in result.text  # the emulator counted both user turns


def test_cancelling_the_task_closes_the_connection(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient) -> str:
        got_text = asyncio.Event()
        seen: list[str] = []

        async def consume() -> None:
            async with client.stream_chat(FIRST_AGENT, HELLO) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta):
                        seen.append(event.text)
                        got_text.set()

        task = asyncio.create_task(consume())
        await got_text.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return "".join(seen)

    # Stall: the server would stay silent for an hour; only our closing can end it.
    text = against(emulator, use, headers={"X-Emulator-Fault": "stall"}, settings=ClientSettings())
    assert text
    assert _last_stream_outcome(emulator) is StreamOutcome.DISCONNECTED


def test_leaving_the_block_early_closes_the_connection(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient) -> StreamResult:
        async with client.stream_chat(FIRST_AGENT, HELLO) as stream:
            async for event in stream:
                if isinstance(event, TextDelta):
                    break
        return stream.result

    # Slow enough that the reply is still streaming when we leave.
    result = against(emulator, use, headers={"X-Emulator-Tokens-Per-Second": "20"})
    assert result.outcome is Outcome.INCOMPLETE and result.text
    assert _last_stream_outcome(emulator) is StreamOutcome.DISCONNECTED
