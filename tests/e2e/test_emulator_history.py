"""Chats served by the emulator show up in history and consumption, with pages and filters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from desktop_app.emulator.agents import DEMO_AGENTS, ORGANIZATION_UUID
from desktop_app.emulator.server import EmulatorServer
from desktop_app.emulator.state import DEFAULT_CREDITS

PLAIN, RICH = DEMO_AGENTS[0], DEMO_AGENTS[1]


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": emulator.credentials.authorization()}
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=10) as http:
        yield http


def stream(client: httpx.Client, agent_id: str, texts: list[str], identifier: str | None) -> str:
    """Send a conversation whose user turns are `texts`; return the reply text."""
    messages = []
    for index, text in enumerate(texts):
        messages.append({"role": "user", "content": text})
        if index < len(texts) - 1:
            messages.append({"role": "assistant", "content": f"answer {index}"})
    headers = {"X-Emulator-Protocol": "text"}
    if identifier:
        headers["X-Agent-Identifier"] = identifier
    response = client.post(f"/agents/chat/{agent_id}", json={"messages": messages}, headers=headers)
    assert response.status_code == 200
    return response.text


def test_streamed_chat_is_recorded(client: httpx.Client, emulator: EmulatorServer) -> None:
    reply = stream(client, PLAIN.agent_id, ["What is new?"], "alice")
    body = client.get("/chat-history/identifier/alice").json()
    assert body["success"] is True
    data = body["data"]
    assert data["identifier"] == "alice"
    assert data["pagination"] == {"page": 1, "limit": 50, "total": 1, "has_more": False}
    [message] = data["messages"]
    assert set(message) == {
        "id",
        "agent_id",
        "thread_id",
        "input",
        "output",
        "input_tokens",
        "output_tokens",
        "total_credits",
        "created_at",
        "channel",
        "agent_name",
    }
    assert message["input"] == "What is new?"
    assert message["output"] == reply
    assert message["agent_id"] == PLAIN.agent_id and message["agent_name"] == PLAIN.name
    assert message["channel"] == "API"
    assert message["thread_id"].startswith("thread_")
    assert message["output_tokens"] > 50 and message["input_tokens"] > 0
    expected = PLAIN.model.credits_for(message["input_tokens"], message["output_tokens"])
    assert message["total_credits"] == expected
    created = datetime.fromisoformat(message["created_at"].replace("Z", "+00:00"))
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=1)
    assert emulator.state.credits == DEFAULT_CREDITS - expected


def test_history_by_agent_has_no_agent_name(client: httpx.Client) -> None:
    stream(client, RICH.agent_id, ["Where is order A-1042?"], "bob")
    data = client.get(f"/chat-history/agent/{RICH.agent_id}").json()["data"]
    assert set(data) == {"messages", "pagination"}
    assert data["messages"][0]["input"] == "Where is order A-1042?"
    assert all("agent_name" not in m for m in data["messages"])
    assert all(m["agent_id"] == RICH.agent_id for m in data["messages"])


def test_threads_follow_the_conversation(client: httpx.Client) -> None:
    stream(client, PLAIN.agent_id, ["Plan a trip"], "carol")
    stream(client, PLAIN.agent_id, ["Plan a trip", "To Tokyo"], "carol")
    stream(client, PLAIN.agent_id, ["Something else"], "carol")
    messages = client.get("/chat-history/identifier/carol").json()["data"]["messages"]
    # Newest first.
    assert [m["input"] for m in messages] == ["Something else", "To Tokyo", "Plan a trip"]
    threads = [m["thread_id"] for m in messages]
    assert threads[1] == threads[2] != threads[0]
    only = client.get("/chat-history/identifier/carol", params={"thread_id": threads[1]}).json()
    assert [m["input"] for m in only["data"]["messages"]] == ["To Tokyo", "Plan a trip"]
    assert "This is turn 2 of our conversation" in messages[1]["output"]


def test_pagination(client: httpx.Client) -> None:
    for index in range(7):
        client.post(
            f"/agents/basic/{PLAIN.agent_id}", json={"message": f"m{index}", "identifier": "dave"}
        )
    pages = [
        client.get("/chat-history/identifier/dave", params={"page": p, "limit": 3}).json()["data"]
        for p in (1, 2, 3, 4)
    ]
    inputs = [[m["input"] for m in page["messages"]] for page in pages]
    assert inputs == [["m6", "m5", "m4"], ["m3", "m2", "m1"], ["m0"], []]
    assert [page["pagination"]["has_more"] for page in pages] == [True, True, False, False]
    assert {page["pagination"]["total"] for page in pages} == {7}
    assert pages[1]["pagination"] == {"page": 2, "limit": 3, "total": 7, "has_more": True}
    big = client.get("/chat-history/identifier/dave", params={"limit": 100}).json()["data"]
    assert len(big["messages"]) == 7


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 101},
        {"limit": 0},
        {"limit": "ten"},
        {"page": 0},
        {"page": -1},
        {"page": "x"},
        {"start_date": "yesterday"},
        {"end_date": "2024-13-45"},
    ],
)
def test_bad_query_is_400(client: httpx.Client, params: dict[str, object]) -> None:
    for path in ("/chat-history/identifier/x", f"/chat-history/agent/{PLAIN.agent_id}"):
        response = client.get(path, params=params)
        assert response.status_code == 400
        body = response.json()
        assert body["success"] is False and body["error"]


def test_date_filters_use_the_seeded_past(client: httpx.Client) -> None:
    stream(client, PLAIN.agent_id, ["today's question"], "demo-user")
    everything = client.get("/chat-history/identifier/demo-user").json()["data"]["messages"]
    assert len(everything) >= 4  # seeded records from earlier days, plus today's
    dates = [m["created_at"] for m in everything]
    assert dates == sorted(dates, reverse=True)
    today = datetime.now(UTC).date().isoformat()
    recent = client.get("/chat-history/identifier/demo-user", params={"start_date": today}).json()
    assert [m["input"] for m in recent["data"]["messages"]] == ["today's question"]
    week_ago = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    older = client.get("/chat-history/identifier/demo-user", params={"end_date": week_ago}).json()
    assert "today's question" not in [m["input"] for m in older["data"]["messages"]]
    assert len(older["data"]["messages"]) == len(everything) - 2  # the 1-day-old seed and today's


def test_agent_filter_on_identifier_history(client: httpx.Client) -> None:
    stream(client, PLAIN.agent_id, ["one"], "erin")
    stream(client, RICH.agent_id, ["two"], "erin")
    response = client.get("/chat-history/identifier/erin", params={"agent_id": RICH.agent_id})
    assert [m["input"] for m in response.json()["data"]["messages"]] == ["two"]


def test_chat_without_identifier_is_recorded_for_the_agent_only(
    client: httpx.Client, emulator: EmulatorServer
) -> None:
    stream(client, PLAIN.agent_id, ["anonymous"], None)
    by_agent = client.get(f"/chat-history/agent/{PLAIN.agent_id}").json()["data"]["messages"]
    assert by_agent[0]["input"] == "anonymous"
    assert emulator.state.records[-1].identifier is None


def test_unknown_agent_history_is_404(client: httpx.Client) -> None:
    response = client.get("/chat-history/agent/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"success": False, "error": "Agent not found"}


def test_consumption_sums_match_the_records(client: httpx.Client, emulator: EmulatorServer) -> None:
    stream(client, PLAIN.agent_id, ["a"], "f")
    stream(client, RICH.agent_id, ["b"], "f")
    client.post(f"/agents/basic/{RICH.agent_id}", json={"message": "c", "identifier": "f"})
    records = emulator.state.records
    total = sum(r.total_credits for r in records)
    summary = client.get(f"/consumption/organization/org-{ORGANIZATION_UUID}/summary").json()
    assert summary == {
        "data": {
            "organization_id": ORGANIZATION_UUID,
            "total_consumption": total,
            "period": {"from": None, "to": None},
        }
    }
    assert emulator.state.credits == DEFAULT_CREDITS - sum(
        r.total_credits for r in records if r.created_at > datetime.now(UTC) - timedelta(hours=1)
    )
    agents = client.get(f"/consumption/organization/{ORGANIZATION_UUID}/agents").json()["data"]
    per_agent = Counter()
    for record in records:
        per_agent[record.agent_id] += record.total_credits
    assert {row["agent_id"]: row["total_credits"] for row in agents} == {
        a.agent_id: per_agent[a.agent_id] for a in DEMO_AGENTS
    }
    assert {row["name"] for row in agents} == {a.name for a in DEMO_AGENTS}
    credits = [row["total_credits"] for row in agents]
    assert credits == sorted(credits, reverse=True)

    dates = client.get(f"/consumption/agent/{RICH.agent_id}/dates").json()["data"]
    assert sum(row["total_credits"] for row in dates) == per_agent[RICH.agent_id]
    assert [row["date"] for row in dates] == sorted(row["date"] for row in dates)
    assert dates[-1]["date"] == datetime.now(UTC).date().isoformat()
    models = client.get(f"/consumption/agent/{RICH.agent_id}/models").json()["data"]
    assert models == [
        {
            "model_id": RICH.model.model_id,
            "name": RICH.model.display_name,
            "total_credits": per_agent[RICH.agent_id],
        }
    ]


def test_consumption_period(client: httpx.Client, emulator: EmulatorServer) -> None:
    stream(client, PLAIN.agent_id, ["now"], "g")
    today = datetime.now(UTC).date().isoformat()
    params = {"from": today, "to": today}
    summary = client.get(
        f"/consumption/organization/{ORGANIZATION_UUID}/summary", params=params
    ).json()["data"]
    assert summary["period"] == {"from": today, "to": today}
    assert summary["total_consumption"] == emulator.state.records[-1].total_credits
    old = client.get(
        f"/consumption/agent/{PLAIN.agent_id}/dates", params={"to": "2000-01-01T00:00:00Z"}
    )
    assert old.json() == {"data": []}


@pytest.mark.parametrize(
    "organization",
    [f"org-{ORGANIZATION_UUID}", ORGANIZATION_UUID, ORGANIZATION_UUID.upper()],
)
def test_both_organization_id_forms_are_accepted(client: httpx.Client, organization: str) -> None:
    response = client.get(f"/consumption/organization/{organization}/summary")
    assert response.status_code == 200


def test_other_organization_and_bad_values(client: httpx.Client) -> None:
    other = "org-11111111-2222-3333-4444-555555555555"
    response = client.get(f"/consumption/organization/{other}/agents")
    assert (response.status_code, response.json()) == (404, {"error": "Organization not found"})
    response = client.get("/consumption/agent/00000000-0000-0000-0000-000000000000/models")
    assert (response.status_code, response.json()) == (404, {"error": "Agent not found"})
    response = client.get(
        f"/consumption/organization/{ORGANIZATION_UUID}/summary", params={"from": "soon"}
    )
    assert response.status_code == 400 and "from" in response.json()["error"]


def test_reset_without_seeds(client: httpx.Client, emulator: EmulatorServer) -> None:
    emulator.state.reset(seed_history=False)
    summary = client.get(f"/consumption/organization/{ORGANIZATION_UUID}/summary").json()
    assert summary["data"]["total_consumption"] == 0
    assert client.get("/chat-history/identifier/demo-user").json()["data"]["messages"] == []
