"""The emulator's non-streaming endpoints and auth over loopback: documented shapes and errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

from desktop_app.emulator.agents import DEMO_AGENTS, ORGANIZATION_ID, ORGANIZATION_UUID
from desktop_app.emulator.server import EmulatorServer

PLAIN = DEMO_AGENTS[0]
STRUCTURED = next(agent for agent in DEMO_AGENTS if agent.structured_basic)
UNKNOWN = str(uuid.UUID(int=1))


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": emulator.credentials.authorization()}
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=10) as http:
        yield http


# Every endpoint with the body its 401 must have.
ENDPOINTS = [
    ("POST", f"/agents/chat/{PLAIN.agent_id}", "Unauthorized"),
    ("POST", f"/agents/basic/{PLAIN.agent_id}", {"error": "Unauthorized"}),
    (
        "GET",
        "/agents/check-balance",
        {"success": False, "message": "Organization ID not found in request"},
    ),
    ("GET", "/agents", {"success": False, "error": "Unauthorized"}),
    ("GET", f"/chat-history/agent/{PLAIN.agent_id}", {"success": False, "error": "Unauthorized"}),
    ("GET", "/chat-history/identifier/demo-user", {"success": False, "error": "Unauthorized"}),
    ("GET", f"/consumption/organization/{ORGANIZATION_UUID}/summary", {"error": "Unauthorized"}),
    ("GET", f"/consumption/organization/{ORGANIZATION_UUID}/agents", {"error": "Unauthorized"}),
    ("GET", f"/consumption/agent/{PLAIN.agent_id}/dates", {"error": "Unauthorized"}),
    ("GET", f"/consumption/agent/{PLAIN.agent_id}/models", {"error": "Unauthorized"}),
]
CHAT_BODY = {"messages": [{"role": "user", "content": "hi"}], "message": "hi", "identifier": "u"}


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer pk_wrong:sk_wrong", "Bearer onlyonepart", "Basic abc", "PUBLIC:SECRET"],
)
def test_every_endpoint_rejects_a_missing_or_wrong_key(
    emulator: EmulatorServer, method: str, path: str, body: object, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    with httpx.Client(base_url=emulator.base_url) as http:
        response = http.request(method, path, json=CHAT_BODY, headers=headers)
    assert response.status_code == 401
    assert response.json() == body


def test_right_public_key_with_wrong_secret_is_rejected(emulator: EmulatorServer) -> None:
    headers = {"Authorization": f"Bearer {emulator.credentials.public_key}:sk_wrong"}
    with httpx.Client(base_url=emulator.base_url, headers=headers) as http:
        assert http.get("/agents").status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_every_endpoint_answers_a_good_key(
    client: httpx.Client, method: str, path: str, body: object
) -> None:
    assert client.request(method, path, json=CHAT_BODY).status_code == 200


def test_request_log_masks_the_secret(client: httpx.Client, emulator: EmulatorServer) -> None:
    client.post(
        f"/agents/chat/{PLAIN.agent_id}",
        json={"messages": [{"role": "user", "content": "logged"}]},
        headers={"X-Agent-Identifier": "user-123"},
    )
    logged = emulator.state.requests[-1]
    assert logged.method == "POST" and logged.path == f"/api/v1/agents/chat/{PLAIN.agent_id}"
    assert logged.header("authorization") == f"Bearer {emulator.credentials.public_key}:***"
    assert logged.header("X-Agent-Identifier") == "user-123"
    assert logged.body == {"messages": [{"role": "user", "content": "logged"}]}
    assert emulator.credentials.secret_key not in repr(emulator.state.requests)
    assert emulator.credentials.secret_key not in repr(emulator)


def test_list_agents(client: httpx.Client, emulator: EmulatorServer) -> None:
    body = client.get("/agents").json()
    assert body["success"] is True
    agents = body["data"]
    assert [a["id"] for a in agents] == [a.agent_id for a in DEMO_AGENTS]
    assert len({a["id"] for a in agents}) >= 3
    for agent in agents:
        assert set(agent) == {
            "id",
            "name",
            "description",
            "system_prompt",
            "slug",
            "model",
            "created_at",
            "updated_at",
            "url",
        }
        uuid.UUID(agent["id"])
        assert set(agent["model"]) == {"name", "display_name", "pricing", "context_window"}
        assert set(agent["model"]["pricing"]) == {"input_per_1k_tokens", "output_per_1k_tokens"}
        assert isinstance(agent["model"]["context_window"], int)
        assert agent["url"] == f"{emulator.base_url}/agents/basic/{agent['id']}"
        assert agent["created_at"].endswith("Z")


def test_agent_ids_are_stable_across_servers(emulator_factory) -> None:
    first, second = emulator_factory(), emulator_factory()
    ids = []
    for server in (first, second):
        headers = {"Authorization": server.credentials.authorization()}
        with httpx.Client(base_url=server.base_url, headers=headers) as http:
            ids.append([a["id"] for a in http.get("/agents").json()["data"]])
    assert ids[0] == ids[1]


def test_check_balance_states(client: httpx.Client, emulator: EmulatorServer) -> None:
    assert client.get("/agents/check-balance").json() == {
        "success": True,
        "organizationId": ORGANIZATION_ID,
        "hasCredits": True,
        "hasAssistant": True,
    }
    emulator.state.credits = 0
    assert client.get("/agents/check-balance").json()["hasCredits"] is False
    emulator.state.subscription_active = False
    response = client.get("/agents/check-balance")
    assert response.status_code == 200
    assert response.json() == {
        "success": False,
        "hasCredits": False,
        "hasAssistant": False,
        "message": "No active subscription found for this organization",
    }


def test_check_balance_faults(client: httpx.Client) -> None:
    no_sub = client.get("/agents/check-balance", headers={"X-Emulator-Fault": "no-subscription"})
    assert no_sub.status_code == 200 and no_sub.json()["success"] is False
    no_credits = client.get("/agents/check-balance", headers={"X-Emulator-Fault": "no-credits"})
    assert no_credits.json()["hasCredits"] is False
    error = client.get("/agents/check-balance", headers={"X-Emulator-Fault": "server-error"})
    assert error.status_code == 500
    assert error.json() == {"success": False, "message": "Internal server error"}


def test_send_message_string_reply(client: httpx.Client, emulator: EmulatorServer) -> None:
    body = {"message": "What are your business hours?", "identifier": "user-123"}
    response = client.post(f"/agents/basic/{PLAIN.agent_id}", json=body)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"success", "response"} and data["success"] is True
    assert isinstance(data["response"], str)
    assert "What are your business hours?" in data["response"]
    assert "turn 1" in data["response"]
    again = client.post(f"/agents/basic/{PLAIN.agent_id}", json=body).json()
    assert "turn 2" in again["response"]  # the basic endpoint keeps the conversation
    record = emulator.state.records[-1]
    assert record.identifier == "user-123" and record.channel == "API"


def test_send_message_structured_reply_is_an_object(client: httpx.Client) -> None:
    body = {"message": "I need a quote today!", "identifier": "lead-1"}
    data = client.post(f"/agents/basic/{STRUCTURED.agent_id}", json=body).json()
    assert isinstance(data["response"], dict)
    assert data["response"]["urgency"] == "high"
    assert data["response"]["summary"] == "I need a quote today!"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"message": "hi"},
        {"identifier": "x"},
        {"message": "", "identifier": "x"},
        {"message": "hi", "identifier": ""},
        {"message": 3, "identifier": "x"},
        [],
    ],
)
def test_send_message_requires_message_and_identifier(client: httpx.Client, body: object) -> None:
    response = client.post(f"/agents/basic/{PLAIN.agent_id}", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": "Message and identifier are required"}


def test_send_message_malformed_json(client: httpx.Client) -> None:
    response = client.post(f"/agents/basic/{PLAIN.agent_id}", content=b"{nope")
    assert response.status_code == 400
    assert response.json() == {"error": "Message and identifier are required"}


def test_send_message_unknown_agent(client: httpx.Client) -> None:
    response = client.post(f"/agents/basic/{UNKNOWN}", json={"message": "a", "identifier": "b"})
    assert response.status_code == 404
    assert response.json() == {"error": "Agent not found or unauthorized"}


def test_send_message_402s(client: httpx.Client, emulator: EmulatorServer) -> None:
    body = {"message": "a", "identifier": "b"}
    emulator.state.credits = 0
    response = client.post(f"/agents/basic/{PLAIN.agent_id}", json=body)
    assert (response.status_code, response.json()) == (402, {"error": "No credits remaining"})
    emulator.state.subscription_active = False
    response = client.post(f"/agents/basic/{PLAIN.agent_id}", json=body)
    assert response.json() == {"error": "No active subscription found"}


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"{}",
        b'{"messages": []}',
        b'{"messages": "hi"}',
        b'{"messages": [{"role": "robot", "content": "x"}]}',
        b'{"messages": [{"role": "user", "content": 5}]}',
        b'{"messages": [{"role": "assistant", "content": "only me"}]}',
    ],
)
def test_chat_malformed_body_is_400_bare_string(client: httpx.Client, raw: bytes) -> None:
    response = client.post(f"/agents/chat/{PLAIN.agent_id}", content=raw)
    assert response.status_code == 400
    assert isinstance(response.json(), str) and response.json().startswith("Invalid request body")


def test_chat_unknown_agent_is_404(client: httpx.Client) -> None:
    response = client.post(
        f"/agents/chat/{UNKNOWN}", json={"messages": [{"role": "user", "content": "x"}]}
    )
    assert response.status_code == 404
    assert response.content == b'"Agent not found"'


def test_chat_402_when_credits_run_out(client: httpx.Client, emulator: EmulatorServer) -> None:
    emulator.state.credits = 1
    body = {"messages": [{"role": "user", "content": "spend it"}]}
    assert client.post(f"/agents/chat/{PLAIN.agent_id}", json=body).status_code == 200
    assert emulator.state.credits == 0  # the reply cost more than the one credit left
    response = client.post(f"/agents/chat/{PLAIN.agent_id}", json=body)
    assert (response.status_code, response.content) == (402, b'"No credits remaining"')
    emulator.state.subscription_active = False
    response = client.post(f"/agents/chat/{PLAIN.agent_id}", json=body)
    assert response.content == b'"No active subscription found"'


def test_unknown_route_and_method(client: httpx.Client) -> None:
    assert client.get("/nowhere").status_code == 404
    assert client.get(f"/agents/chat/{PLAIN.agent_id}").status_code == 405


def test_identifier_with_reserved_characters(client: httpx.Client) -> None:
    identifier = "ana maría+test/1@example.com"
    client.post(
        f"/agents/basic/{PLAIN.agent_id}", json={"message": "hola", "identifier": identifier}
    )
    response = client.get(f"/chat-history/identifier/{quote(identifier, safe='')}")
    data = response.json()["data"]
    assert data["identifier"] == identifier
    assert [m["input"] for m in data["messages"]] == ["hola"]


@pytest.mark.parametrize(("method", "path", "unauthorized_body"), ENDPOINTS)
def test_status_faults_use_each_endpoints_error_shape(
    client: httpx.Client, method: str, path: str, unauthorized_body: object
) -> None:
    headers = {"X-Emulator-Fault": "rate-limit", "X-Emulator-Retry-After": "5"}
    response = client.request(method, path, json=CHAT_BODY, headers=headers)
    assert (response.status_code, response.headers["retry-after"]) == (429, "5")
    response = client.request(
        method, path, json=CHAT_BODY, headers={"X-Emulator-Fault": "forbidden"}
    )
    assert response.status_code == 403
    # Same shape as the endpoint's 401, with its own message.
    if isinstance(unauthorized_body, dict):
        assert set(response.json()) == set(unauthorized_body)
    else:
        assert response.json() == "Forbidden"


def test_stream_faults_are_ignored_by_other_endpoints(client: httpx.Client) -> None:
    response = client.get("/agents", headers={"X-Emulator-Fault": "drop"})
    assert response.status_code == 200
    body = {"message": "hi", "identifier": "u"}
    response = client.post(
        f"/agents/basic/{PLAIN.agent_id}", json=body, headers={"X-Emulator-Fault": "stall"}
    )
    assert response.status_code == 200
