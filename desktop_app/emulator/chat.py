"""The two chat endpoints: streaming `/agents/chat/{id}` and blocking `/agents/basic/{id}`."""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.responses import JSONResponse

from desktop_app.emulator.agents import DemoAgent, find_agent
from desktop_app.emulator.config import EmulatorConfig
from desktop_app.emulator.content import (
    compose_reply,
    count_tokens,
    exact_deltas,
    extract_lead,
    json_compact,
    reply_text,
)
from desktop_app.emulator.faults import (
    NO_CREDITS_MESSAGE,
    NO_SUBSCRIPTION_MESSAGE,
    Endpoint,
    ErrorReply,
    Fault,
    error_reply,
    not_found,
    parse_directives,
    status_fault_reply,
)
from desktop_app.emulator.options import RequestOptions, options_from_directives
from desktop_app.emulator.records import ChatRecord, new_record_id, thread_id_for
from desktop_app.emulator.state import EmulatorState, StreamLog
from desktop_app.emulator.streaming import ScriptedStream, StreamSummary
from desktop_app.emulator.wire import RESPONSE_HEADERS, encode_reply

_ROLES = frozenset({"user", "assistant", "system", "tool", "data"})


class BadRequest(ValueError):
    """The request body is malformed; the message is the 400 body's text."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of the conversation the client sent."""

    role: str
    text: str


def error_response(reply: ErrorReply) -> JSONResponse:
    """A JSON error response (JSON.stringify-style bytes, as every AgentsGT body)."""
    return JSONResponse(reply.body, status_code=reply.status, headers=dict(reply.headers))


def _message_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    parts = message.get("parts", content)  # v5 `parts`, or a content array of parts
    if isinstance(parts, list):
        texts = [
            part["text"]
            for part in parts
            if isinstance(part, dict)
            and part.get("type") == "text"
            and isinstance(part.get("text"), str)
        ]
        return "".join(texts)
    raise BadRequest("Invalid request body: each message needs a string `content` or `parts`")


def parse_chat_body(raw: bytes) -> tuple[Turn, ...]:
    """The conversation from an AI SDK body (`content` strings or v5 `parts`)."""
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        raise BadRequest("Invalid request body: not valid JSON") from None
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list) or not messages:
        raise BadRequest("Invalid request body: `messages` must be a non-empty array")
    turns: list[Turn] = []
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in _ROLES:
            raise BadRequest("Invalid request body: each message needs a valid `role`")
        turns.append(Turn(str(message["role"]), _message_text(message)))
    if not any(turn.role == "user" for turn in turns):
        raise BadRequest("Invalid request body: no user message")
    return tuple(turns)


def _answering_agent(
    state: EmulatorState, agent_id: str, endpoint: Endpoint
) -> DemoAgent | JSONResponse:
    """The agent that answers, or the error response once faults are out of the way: no such
    agent (404), no subscription or no credits (402)."""
    agent = find_agent(agent_id)
    if agent is None:
        return error_response(not_found(endpoint))
    if not state.subscription_active:
        return error_response(error_reply(endpoint, 402, NO_SUBSCRIPTION_MESSAGE))
    if state.credits <= 0:
        return error_response(error_reply(endpoint, 402, NO_CREDITS_MESSAGE))
    return agent


def _select_fault(
    state: EmulatorState, endpoint: Endpoint, options: RequestOptions, *, status_only: bool
) -> Fault | None:
    fault = options.fault
    if fault is not None and status_only and not fault.is_status:
        fault = None
    return fault if fault is not None else state.take_fault(endpoint, status_only=status_only)


def _retry_after(options: RequestOptions, config: EmulatorConfig) -> int:
    """The Retry-After seconds of a fault answer: the request's own, else the emulator's."""
    return options.retry_after if options.retry_after is not None else config.retry_after


def _now() -> datetime:
    return datetime.now(UTC)


async def stream_chat(
    *,
    config: EmulatorConfig,
    state: EmulatorState,
    stopping: asyncio.Event,
    agent_id: str,
    identifier: str | None,
    raw: bytes,
    header_options: RequestOptions,
) -> JSONResponse | ScriptedStream:
    """Answer `POST /agents/chat/{agent_id}` (auth already checked)."""
    try:
        turns = parse_chat_body(raw)
        last_user = next(turn for turn in reversed(turns) if turn.role == "user")
        directives = parse_directives(last_user.text)
        options = header_options.merged_over(options_from_directives(directives))
    except ValueError as exc:
        return error_response(error_reply(Endpoint.CHAT, 400, str(exc)))
    fault = _select_fault(state, Endpoint.CHAT, options, status_only=False)
    retry_after = _retry_after(options, config)
    if fault is not None and fault.is_status:
        return error_response(status_fault_reply(fault, Endpoint.CHAT, retry_after))
    agent = _answering_agent(state, agent_id, Endpoint.CHAT)
    if isinstance(agent, JSONResponse):
        return agent

    user_turns = [turn for turn in turns if turn.role == "user"]
    script = compose_reply(agent, directives.text, len(user_turns))
    if options.reply_tokens is not None:
        script = exact_deltas(script, options.reply_tokens)
    prompt_tokens = count_tokens(agent.system_prompt) + sum(count_tokens(t.text) for t in turns)
    protocol = options.protocol or config.protocol
    thread_id = thread_id_for(identifier, agent.agent_id, parse_directives(user_turns[0].text).text)

    def on_close(summary: StreamSummary) -> None:
        state.add_record(
            _record(
                agent,
                identifier,
                thread_id,
                directives.text,
                summary.text,
                prompt_tokens,
                summary.text_deltas,
            )
        )
        state.stream_closed(
            StreamLog(
                agent_id=agent.agent_id,
                protocol=protocol.value,
                fault=fault.value if fault else None,
                outcome=summary.outcome,
                text=summary.text,
                text_deltas=summary.text_deltas,
                bytes_sent=summary.bytes_sent,
            )
        )

    steps = encode_reply(
        script,
        protocol,
        fault=fault,
        message_id=f"msg-{uuid.uuid4().hex[:24]}",
        prompt_tokens=prompt_tokens,
    )
    tps = options.tokens_per_second
    state.stream_opened()
    return ScriptedStream(
        steps,
        headers=RESPONSE_HEADERS[protocol],
        tokens_per_second=config.tokens_per_second if tps is None else tps,
        byte_chunks=fault is Fault.BYTE_CHUNKS,
        start_delay=(options.delay if options.delay is not None else config.slow_start_seconds)
        if fault is Fault.SLOW_START
        else 0.0,
        stall_seconds=config.stall_seconds,
        flush_bytes=config.flush_bytes,
        stopping=stopping,
        on_close=on_close,
    )


def _record(
    agent: DemoAgent,
    identifier: str | None,
    thread_id: str,
    user_text: str,
    output: str,
    input_tokens: int,
    output_tokens: int,
) -> ChatRecord:
    return ChatRecord(
        record_id=new_record_id(),
        agent_id=agent.agent_id,
        agent_name=agent.name,
        model_id=agent.model.model_id,
        identifier=identifier,
        thread_id=thread_id,
        input=user_text,
        output=output,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_credits=agent.model.credits_for(input_tokens, output_tokens),
        created_at=_now(),
    )


def send_message(
    *,
    config: EmulatorConfig,
    state: EmulatorState,
    agent_id: str,
    raw: bytes,
    header_options: RequestOptions,
) -> JSONResponse:
    """Answer `POST /agents/basic/{agent_id}` (auth already checked)."""
    required = error_reply(Endpoint.BASIC, 400, "Message and identifier are required")
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        return error_response(required)
    message = body.get("message") if isinstance(body, dict) else None
    identifier = body.get("identifier") if isinstance(body, dict) else None
    if not isinstance(message, str) or not message.strip():
        return error_response(required)
    if not isinstance(identifier, str) or not identifier.strip():
        return error_response(required)
    directives = parse_directives(message)
    try:
        options = header_options.merged_over(options_from_directives(directives))
    except ValueError as exc:
        return error_response(error_reply(Endpoint.BASIC, 400, str(exc)))
    fault = _select_fault(state, Endpoint.BASIC, options, status_only=True)
    if fault is not None:
        retry_after = _retry_after(options, config)
        return error_response(status_fault_reply(fault, Endpoint.BASIC, retry_after))
    agent = _answering_agent(state, agent_id, Endpoint.BASIC)
    if isinstance(agent, JSONResponse):
        return agent

    # The basic endpoint keeps the conversation on the server: one thread per identifier + agent.
    thread_id = thread_id_for(identifier, agent.agent_id, "basic")
    turn = state.count_records(agent.agent_id, thread_id) + 1
    response: Any
    if agent.structured_basic:
        response = extract_lead(directives.text, turn)
        output = json_compact(response)
    else:
        response = output = reply_text(agent, directives.text, turn)
    input_tokens = count_tokens(agent.system_prompt) + count_tokens(directives.text)
    state.add_record(
        _record(
            agent,
            identifier,
            thread_id,
            directives.text,
            output,
            input_tokens,
            count_tokens(output),
        )
    )
    return JSONResponse({"success": True, "response": response})
