"""Recorded chat exchanges: the record type, thread ids, seed history, and JSON forms."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_app.emulator.agents import DEMO_AGENTS, DemoAgent
from desktop_app.emulator.content import count_tokens


@dataclass(frozen=True, slots=True)
class ChatRecord:
    """One exchange (a user input and the agent's output) as the history endpoints return it."""

    record_id: str
    agent_id: str
    agent_name: str
    model_id: str
    identifier: str | None
    thread_id: str
    input: str
    output: str
    input_tokens: int
    output_tokens: int
    total_credits: int
    created_at: datetime
    channel: str = "API"

    def to_json(self, *, with_agent_name: bool = False) -> dict[str, Any]:
        """The history message object (4.5), plus `agent_name` for the identifier endpoint."""
        body: dict[str, Any] = {
            "id": self.record_id,
            "agent_id": self.agent_id,
            "thread_id": self.thread_id,
            "input": self.input,
            "output": self.output,
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "total_credits": self.total_credits,
            "created_at": iso(self.created_at),
            "channel": self.channel,
        }
        if with_agent_name:
            body["agent_name"] = self.agent_name
        return body


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and `Z`, like JavaScript's Date.toISOString()."""
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def thread_id_for(identifier: str | None, agent_id: str, conversation_start: str) -> str:
    """A stable `thread_<hex>` for one conversation: identifier + agent + its first user message."""
    key = f"{identifier or ''}\x1f{agent_id}\x1f{conversation_start}".encode()
    return "thread_" + hashlib.sha256(key).hexdigest()[:16]


def new_record_id() -> str:
    """A fresh record UUID."""
    return str(uuid.uuid4())


_SEED_EXCHANGES = (
    # (agent index, identifier, channel, days ago, hours ago, input, output)
    (
        0,
        "demo-user",
        "API",
        9,
        3,
        "Hi! What can you do?",
        "Hello 👋🏽 I can answer questions, draft texts and explain code. Ask me anything.",
    ),
    (
        0,
        "demo-user",
        "API",
        9,
        2,
        "Summarize the benefits of unit tests in one line.",
        "They catch regressions early, document intent and make refactoring safe.",
    ),
    (
        1,
        "user@example.com",
        "WEB",
        6,
        5,
        "What are your business hours?",
        "We are open Mon–Fri 08:00–20:00 and Saturday 09:00–18:00; Sunday we are closed.",
    ),
    (
        1,
        "user@example.com",
        "WEB",
        6,
        4,
        "Where is my order A-1042?",
        "Your order **A-1042** has shipped and should arrive in 2 días.",
    ),
    (
        2,
        "demo-user",
        "API",
        3,
        7,
        "How do I read a file in Python?",
        "Use `Path('notes.txt').read_text(encoding='utf-8')` from `pathlib`.",
    ),
    (
        4,
        "demo-user",
        "API",
        1,
        2,
        "Best time to visit 浅草寺?",
        "Early morning (before 09:00) is calm; in the evening the temple is lit up. ¡Disfruta!",
    ),
)


def seed_records(now: datetime) -> list[ChatRecord]:
    """A few past exchanges so the demo's history and consumption screens are not empty."""
    records: list[ChatRecord] = []
    for index, (agent_i, identifier, channel, days, hours, text, answer) in enumerate(
        _SEED_EXCHANGES
    ):
        agent: DemoAgent = DEMO_AGENTS[agent_i]
        first = next(
            (s[5] for s in _SEED_EXCHANGES if s[0] == agent_i and s[1] == identifier), text
        )
        input_tokens, output_tokens = count_tokens(text), count_tokens(answer)
        records.append(
            ChatRecord(
                record_id=str(uuid.UUID(int=0xDE0 + index, version=4)),
                agent_id=agent.agent_id,
                agent_name=agent.name,
                model_id=agent.model.model_id,
                identifier=identifier,
                thread_id=thread_id_for(identifier, agent.agent_id, first),
                input=text,
                output=answer,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                total_credits=agent.model.credits_for(input_tokens, output_tokens),
                created_at=(now - timedelta(days=days, hours=hours)).replace(microsecond=0),
                channel=channel,
            )
        )
    return records
