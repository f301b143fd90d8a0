"""What the client puts on the wire for every endpoint, and how it reads each success body."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import httpx
import pytest

from desktop_app.core.api_types import Balance
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.errors import InvalidInputError, ResponseFormatError
from desktop_app.core.http import make_http_client, user_agent
from desktop_app.core.models import ChatMessage, Credentials, Role
from tests.core.client_helpers import (
    AGENT,
    PUBLIC,
    SECRET,
    UI_HEADERS,
    json_response,
    run,
    ui_stream_bytes,
    with_client,
)

AGENT_JSON = {
    "id": AGENT,
    "name": "Support",
    "description": "Answers questions",
    "system_prompt": "Be nice",
    "slug": "support",
    "model": {
        "name": "gpt-4",
        "display_name": "GPT-4",
        "pricing": {"input_per_1k_tokens": 0.03, "output_per_1k_tokens": 0.06},
        "context_window": 8192,
    },
    "created_at": "2024-01-15T10:30:00Z",
    "updated_at": "2024-01-20T14:45:00.123Z",
    "url": f"https://agentsgt.com/api/v1/agents/basic/{AGENT}",
}
RECORD = {
    "id": "rec-1",
    "agent_id": AGENT,
    "thread_id": "thread_abc123xyz",
    "input": "Hi",
    "output": "Hello!",
    "input_tokens": 8,
    "output_tokens": 15,
    "total_credits": 3,
    "created_at": "2024-01-20T14:30:00Z",
    "channel": "API",
}


def test_chat_request_carries_headers_and_the_whole_conversation() -> None:
    conversation = [
        ChatMessage(Role.USER, "What are your hours?"),
        ChatMessage(Role.ASSISTANT, "9 to 5."),
        ChatMessage(Role.USER, "And on Sunday? ¿Sí? 🙂"),
    ]

    async def use(client: AgentsGTClient):
        return await client.chat(AGENT, conversation)

    result, rec = run(
        with_client(
            lambda r: httpx.Response(200, headers=UI_HEADERS, content=ui_stream_bytes("ok")), use
        )
    )
    request = rec.last
    assert result.text == "ok"
    assert request.method == "POST"
    assert str(request.url) == f"https://agentsgt.test/api/v1/agents/chat/{AGENT}"
    assert request.headers["Authorization"] == f"Bearer {PUBLIC}:{SECRET}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "text/event-stream"
    assert request.headers["X-Agent-Identifier"] == "user-123"
    assert request.headers["User-Agent"] == user_agent()
    assert user_agent().startswith("AgentsGT-Desktop/")
    assert json.loads(request.content) == {
        "messages": [
            {"role": "user", "content": "What are your hours?"},
            {"role": "assistant", "content": "9 to 5."},
            {"role": "user", "content": "And on Sunday? ¿Sí? 🙂"},
        ]
    }


def test_chat_without_identifier_sends_no_identifier_header_and_override_wins() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=UI_HEADERS, content=ui_stream_bytes("x"))

    async def use(client: AgentsGTClient):
        await client.chat(AGENT, [ChatMessage(Role.USER, "hi")])
        await client.chat(AGENT, [ChatMessage(Role.USER, "hi")], identifier="other@x.org")

    _, rec = run(with_client(handler, use, identifier=None))
    assert "X-Agent-Identifier" not in rec.requests[0].headers
    assert rec.requests[1].headers["X-Agent-Identifier"] == "other@x.org"


def test_extra_headers_are_sent_but_cannot_replace_authorization() -> None:
    async def use(client: AgentsGTClient):
        return await client.list_agents()

    _, rec = run(
        with_client(
            lambda r: json_response(200, {"success": True, "data": []}),
            use,
            extra_headers={"X-Emulator-Protocol": "data"},
        )
    )
    assert rec.last.headers["X-Emulator-Protocol"] == "data"
    http = make_http_client()
    with pytest.raises(InvalidInputError, match=r"(?i)authorization"):
        AgentsGTClient(
            http,
            base_url="https://agentsgt.com/api/v1",
            credentials=Credentials("pk", "sk_abcdef"),
            extra_headers={"authorization": "Bearer x:y"},
        )
    run(http.aclose())


def test_invalid_input_is_refused_before_any_request() -> None:
    async def use(client: AgentsGTClient):
        for call in (
            lambda: client.stream_chat("not-a-uuid", [ChatMessage(Role.USER, "hi")]),
            lambda: client.stream_chat(AGENT, [ChatMessage(Role.USER, "  ")]),
            lambda: client.stream_chat(AGENT, []),
        ):
            with pytest.raises(InvalidInputError):
                call()
        with pytest.raises(InvalidInputError, match="page"):
            await client.history_by_agent(AGENT, page=0)
        with pytest.raises(InvalidInputError, match="between 1 and 100"):
            await client.history_by_identifier("u", limit=101)
        with pytest.raises(InvalidInputError, match="empty"):
            await client.send_message(AGENT, "")

    _, rec = run(with_client(lambda r: json_response(500, {}), use))
    assert rec.requests == []
    http = make_http_client()
    with pytest.raises(InvalidInputError, match="unencrypted"):
        AgentsGTClient(
            http, base_url="http://agentsgt.com/api/v1", credentials=Credentials("p", "s")
        )
    run(http.aclose())


def test_send_message_body_identifier_and_structured_reply() -> None:
    replies = iter(
        [
            json_response(200, {"success": True, "response": "Open 9-5."}),
            json_response(200, {"success": True, "response": {"hours": [9, 17], "ok": True}}),
        ]
    )

    async def use(client: AgentsGTClient):
        first = await client.send_message(AGENT, "Hours?")
        second = await client.send_message(AGENT, "As JSON", identifier="José")
        return first, second

    (first, second), rec = run(with_client(lambda r: next(replies), use))
    assert str(rec.requests[0].url).endswith(f"/agents/basic/{AGENT}")
    assert json.loads(rec.requests[0].content) == {"message": "Hours?", "identifier": "user-123"}
    assert json.loads(rec.requests[1].content)["identifier"] == "José"
    assert "X-Agent-Identifier" not in rec.requests[0].headers
    assert first.response == "Open 9-5." and first.text == "Open 9-5."
    assert second.response == {"hours": [9, 17], "ok": True}
    assert json.loads(second.text) == {"hours": [9, 17], "ok": True}


def test_send_message_needs_an_identifier() -> None:
    async def use(client: AgentsGTClient):
        with pytest.raises(InvalidInputError, match="identifier is required"):
            await client.send_message(AGENT, "hi")

    _, rec = run(with_client(lambda r: json_response(200, {}), use, identifier=None))
    assert rec.requests == []


def test_list_agents_parses_every_field() -> None:
    async def use(client: AgentsGTClient):
        return await client.list_agents()

    agents, rec = run(
        with_client(lambda r: json_response(200, {"success": True, "data": [AGENT_JSON]}), use)
    )
    assert rec.last.method == "GET" and rec.last.url.path == "/api/v1/agents"
    (agent,) = agents
    assert agent.id == AGENT and agent.name == "Support" and agent.slug == "support"
    assert agent.model is not None
    assert agent.model.display_name == "GPT-4"
    assert agent.model.input_price_per_1k == 0.03 and agent.model.output_price_per_1k == 0.06
    assert agent.model.context_window == 8192
    assert agent.created_at == datetime(2024, 1, 15, 10, 30, tzinfo=UTC)
    assert agent.updated_at is not None and agent.updated_at.microsecond == 123000


def test_list_agents_tolerates_missing_optional_fields() -> None:
    async def use(client: AgentsGTClient):
        return await client.list_agents()

    agents, _ = run(with_client(lambda r: json_response(200, {"data": [{"id": AGENT}]}), use))
    assert agents[0].name == "" and agents[0].model is None and agents[0].created_at is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"success": True, "organizationId": "org-1", "hasCredits": True, "hasAssistant": True},
            Balance(True, "org-1", True, True, None),
        ),
        (
            {"success": True, "organizationId": "org-1", "hasCredits": False, "hasAssistant": True},
            Balance(True, "org-1", False, True, None),
        ),
        (
            {
                "success": False,
                "hasCredits": False,
                "hasAssistant": False,
                "message": "No active subscription found for this organization",
            },
            Balance(
                False, None, False, False, "No active subscription found for this organization"
            ),
        ),
    ],
)
def test_check_balance_shapes(body: dict, expected: Balance) -> None:
    async def use(client: AgentsGTClient):
        return await client.check_balance()

    balance, rec = run(with_client(lambda r: json_response(200, body), use))
    assert rec.last.url.path == "/api/v1/agents/check-balance"
    assert balance == expected
    assert balance.subscription_active is (body["success"] is True)
    assert balance.can_chat is (body["success"] and body["hasCredits"])


def test_history_by_agent_query_and_parsing() -> None:
    body = {
        "success": True,
        "data": {
            "messages": [RECORD],
            "pagination": {"page": 2, "limit": 10, "total": 11, "has_more": False},
        },
    }

    async def use(client: AgentsGTClient):
        return await client.history_by_agent(
            AGENT,
            page=2,
            limit=10,
            thread_id="thread_abc",
            start_date=date(2024, 1, 1),
            end_date="2024-01-31T23:59:59Z",
        )

    page, rec = run(with_client(lambda r: json_response(200, body), use))
    url = rec.last.url
    assert url.path == f"/api/v1/chat-history/agent/{AGENT}"
    assert dict(url.params) == {
        "page": "2",
        "limit": "10",
        "thread_id": "thread_abc",
        "start_date": "2024-01-01",
        "end_date": "2024-01-31T23:59:59Z",
    }
    (record,) = page.records
    assert record.input == "Hi" and record.output == "Hello!" and record.total_credits == 3
    assert record.thread_id == "thread_abc123xyz" and record.channel == "API"
    assert record.created_at == datetime(2024, 1, 20, 14, 30, tzinfo=UTC)
    assert page.pagination is not None and page.pagination.total == 11
    assert page.has_more is False


def test_history_by_identifier_encodes_the_path_and_tolerates_no_pagination() -> None:
    body = {
        "success": True,
        "data": {"identifier": "user@example.com", "messages": [{**RECORD, "agent_name": "Bot"}]},
    }

    async def use(client: AgentsGTClient):
        a = await client.history_by_identifier("user@example.com", agent_id=AGENT)
        b = await client.history_by_identifier("a b/c?d#e")
        return a, b

    (page, _), rec = run(with_client(lambda r: json_response(200, body), use))
    assert (
        rec.requests[0]
        .url.raw_path.decode()
        .startswith("/api/v1/chat-history/identifier/user%40example.com?")
    )
    assert (
        rec.requests[1]
        .url.raw_path.decode()
        .startswith("/api/v1/chat-history/identifier/a%20b%2Fc%3Fd%23e?")
    )
    assert dict(rec.requests[0].url.params) == {"page": "1", "limit": "50", "agent_id": AGENT}
    assert page.pagination is None and page.has_more is False
    assert page.identifier == "user@example.com"
    assert page.records[0].agent_name == "Bot"


def test_consumption_endpoints() -> None:
    bodies = {
        "/api/v1/consumption/organization/org-1/summary": {
            "data": {
                "organization_id": "org-1",
                "total_consumption": 15420,
                "period": {"from": "2024-01-01T00:00:00Z", "to": None},
            }
        },
        "/api/v1/consumption/organization/org-1/agents": {
            "data": [{"agent_id": AGENT, "name": "Support", "total_credits": 8750}]
        },
        f"/api/v1/consumption/agent/{AGENT}/dates": {
            "data": [{"date": "2024-01-15", "total_credits": 245}]
        },
        f"/api/v1/consumption/agent/{AGENT}/models": {
            "data": [{"model_id": "m-1", "name": "GPT-4", "total_credits": 8420}]
        },
    }

    async def use(client: AgentsGTClient):
        return (
            await client.consumption_summary("org-1", from_="2024-01-01T00:00:00Z"),
            await client.consumption_by_agent("org-1", to=date(2024, 1, 31)),
            await client.agent_daily_consumption(AGENT),
            await client.agent_model_consumption(AGENT),
        )

    (summary, by_agent, daily, models), rec = run(
        with_client(lambda r: json_response(200, bodies[r.url.path]), use)
    )
    assert dict(rec.requests[0].url.params) == {"from": "2024-01-01T00:00:00Z"}
    assert dict(rec.requests[1].url.params) == {"to": "2024-01-31"}
    assert summary.total_consumption == 15420 and summary.period_to is None
    assert by_agent[0].total_credits == 8750 and by_agent[0].name == "Support"
    assert daily[0].date == date(2024, 1, 15) and daily[0].total_credits == 245
    assert models[0].name == "GPT-4" and models[0].model_id == "m-1"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>login page</html>"),
        httpx.Response(200, json={"success": True, "data": {"not": "a list"}}),
        httpx.Response(200, json={"success": True, "data": [{"name": "no id"}]}),
        httpx.Response(200, json={"data": [{"id": AGENT, "created_at": "yesterday"}]}),
    ],
)
def test_malformed_success_bodies_raise_response_format_error(response: httpx.Response) -> None:
    async def use(client: AgentsGTClient):
        with pytest.raises(ResponseFormatError) as caught:
            await client.list_agents()
        return caught.value

    error, _ = run(with_client(lambda r: response, use))
    assert "format" in str(error) or "not JSON" in str(error)


def test_repr_of_client_and_credentials_never_shows_the_secret() -> None:
    async def use(client: AgentsGTClient):
        return repr(client), str(client)

    (text, plain), _ = run(with_client(lambda r: json_response(200, {}), use))
    assert PUBLIC in text
    assert SECRET not in text and SECRET not in plain
