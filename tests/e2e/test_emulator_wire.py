"""The emulator's streaming chat over real loopback: exact headers, framing and end sequences."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.emulator.server import EmulatorServer

PLAIN = DEMO_AGENTS[0]  # text only
RICH = DEMO_AGENTS[1]  # reasoning + tool call + source


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": emulator.credentials.authorization()}
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=10) as http:
        yield http


def chat(
    client: httpx.Client,
    text: str = "Hello",
    *,
    agent_id: str = PLAIN.agent_id,
    protocol: str | None = None,
    messages: list[dict[str, Any]] | None = None,
    **headers: str,
) -> httpx.Response:
    if protocol:
        headers["X-Emulator-Protocol"] = protocol
    body = {"messages": messages or [{"role": "user", "content": text}]}
    return client.post(f"/agents/chat/{agent_id}", json=body, headers=headers)


def js_stringify(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def ui_frames(body: bytes) -> list[str]:
    """Split a UI stream into its `data:` values, checking the framing on the way."""
    assert body.endswith(b"\n\n")
    frames = body.decode("utf-8").split("\n\n")[:-1]
    values = []
    for frame in frames:
        assert "\n" not in frame and "\r" not in frame
        assert frame.startswith("data: "), frame
        values.append(frame[len("data: ") :])
    return values


def ui_chunks(body: bytes) -> list[dict[str, Any]]:
    values = ui_frames(body)
    assert values[-1] == "[DONE]"
    chunks = [json.loads(value) for value in values[:-1]]
    # Byte-faithful to JSON.stringify: no spaces, raw UTF-8.
    assert [js_stringify(chunk) for chunk in chunks] == values[:-1]
    return chunks


def data_parts(body: bytes) -> list[tuple[str, Any]]:
    assert body.endswith(b"\n")
    parts = []
    for line in body.decode("utf-8").split("\n")[:-1]:
        code, _, value = line.partition(":")
        assert len(code) == 1 and code in "0123456789abcdefghijk"
        parsed = json.loads(value)
        assert js_stringify(parsed) == value
        parts.append((code, parsed))
    return parts


def test_ui_headers_are_exactly_the_sdk_five(client: httpx.Client) -> None:
    response = chat(client, protocol="ui")
    assert response.status_code == 200
    names = [name for name, _ in response.headers.raw]
    expected = [
        (b"content-type", b"text/event-stream"),
        (b"cache-control", b"no-cache"),
        (b"connection", b"keep-alive"),
        (b"x-vercel-ai-ui-message-stream", b"v1"),
        (b"x-accel-buffering", b"no"),
    ]
    for pair in expected:
        assert pair in response.headers.raw
    assert set(names) - {name for name, _ in expected} == {b"date", b"Transfer-Encoding"}


def test_data_headers_keep_their_mixed_case(client: httpx.Client) -> None:
    response = chat(client, protocol="data")
    raw = response.headers.raw
    assert (b"Content-Type", b"text/plain; charset=utf-8") in raw
    assert (b"X-Vercel-AI-Data-Stream", b"v1") in raw
    assert {n for n, _ in raw} == {
        b"Content-Type",
        b"X-Vercel-AI-Data-Stream",
        b"date",
        b"Transfer-Encoding",
    }


def test_text_headers_are_content_type_only(client: httpx.Client) -> None:
    response = chat(client, protocol="text")
    raw = response.headers.raw
    assert (b"content-type", b"text/plain; charset=utf-8") in raw
    assert {n for n, _ in raw} == {b"content-type", b"date", b"Transfer-Encoding"}


def test_ui_normal_sequence(client: httpx.Client) -> None:
    chunks = ui_chunks(chat(client, "Tell me something", protocol="ui").content)
    types = [chunk["type"] for chunk in chunks]
    deltas = types.count("text-delta")
    assert deltas > 50
    assert types == [
        "start",
        "start-step",
        "text-start",
        *["text-delta"] * deltas,
        "text-end",
        "finish-step",
        "finish",
    ]
    assert chunks[0]["messageId"].startswith("msg-")
    assert chunks[-1] == {"type": "finish", "finishReason": "stop"}
    text_ids = {chunk["id"] for chunk in chunks if chunk["type"].startswith("text-")}
    assert text_ids == {"txt-0"}


def test_ui_rich_agent_sends_reasoning_tool_and_source_in_a_first_step(
    client: httpx.Client,
) -> None:
    chunks = ui_chunks(chat(client, "Where is my order?", agent_id=RICH.agent_id).content)
    types = [chunk["type"] for chunk in chunks]
    for kind in (
        "reasoning-start",
        "reasoning-delta",
        "reasoning-end",
        "tool-input-start",
        "tool-input-delta",
        "tool-input-available",
        "tool-output-available",
        "source-url",
    ):
        assert kind in types
    assert types.count("start-step") == 2 and types.count("finish-step") == 2
    # The answer is the text of step 2.
    assert types.index("text-start") > types.index("finish-step")
    tool_input = "".join(c["inputTextDelta"] for c in chunks if c["type"] == "tool-input-delta")
    available = next(c for c in chunks if c["type"] == "tool-input-available")
    assert json.loads(tool_input) == available["input"]
    source = next(c for c in chunks if c["type"] == "source-url")
    assert source["url"].startswith("https://") and source["sourceId"]


def test_data_normal_sequence(client: httpx.Client) -> None:
    parts = data_parts(chat(client, "Hi", protocol="data").content)
    codes = [code for code, _ in parts]
    deltas = codes.count("0")
    assert codes == ["f", *["0"] * deltas, "e", "d"]
    assert set(parts[0][1]) == {"messageId"}
    e_value, d_value = parts[-2][1], parts[-1][1]
    assert e_value["finishReason"] == "stop" and e_value["isContinued"] is False
    assert d_value["finishReason"] == "stop"
    assert d_value["usage"]["completionTokens"] == deltas
    assert d_value["usage"]["promptTokens"] > 0


def test_data_rich_agent_uses_reasoning_tool_and_source_codes(client: httpx.Client) -> None:
    parts = data_parts(chat(client, "Order?", agent_id=RICH.agent_id, protocol="data").content)
    codes = [code for code, _ in parts]
    for code in "gbc9ah":
        assert code in codes
    assert codes.count("f") == 2 and codes[-2:] == ["e", "d"]
    tool_call = dict(parts)["9"]
    assert set(tool_call) == {"toolCallId", "toolName", "args"}


def test_text_stream_is_the_raw_answer(client: httpx.Client) -> None:
    body = chat(client, "Hi there", protocol="text").content
    ui_text = "".join(
        chunk["delta"]
        for chunk in ui_chunks(chat(client, "Hi there", protocol="ui").content)
        if chunk["type"] == "text-delta"
    )
    assert body.decode("utf-8") == ui_text


def test_same_text_in_every_protocol(client: httpx.Client) -> None:
    ui_text = "".join(
        c["delta"] for c in ui_chunks(chat(client, "Same?").content) if c["type"] == "text-delta"
    )
    data_text = "".join(
        v for c, v in data_parts(chat(client, "Same?", protocol="data").content) if c == "0"
    )
    assert ui_text == data_text


def test_reply_is_realistic_markdown_with_non_ascii(client: httpx.Client) -> None:
    for agent in DEMO_AGENTS:
        body = chat(client, "Show me everything", agent_id=agent.agent_id, protocol="text").content
        text = body.decode("utf-8")
        assert "#" in text and ("\n- " in text or "\n1. " in text)
        assert "|---|" in text, agent.name
        assert "```python\n" in text, agent.name
        assert "](https://" in text, agent.name
        assert "`" in text.replace("```", "")
        assert "👋🏽" in text, agent.name
        assert any(word in text for word in ("é", "ß", "日本語"))
    # Non-ASCII goes out as raw UTF-8 in JSON, never as \u escapes.
    ui = chat(client, "Café?").content
    assert "👋🏽".encode() in ui and b"\\u" not in ui


def test_reply_quotes_the_last_message_and_counts_turns(client: httpx.Client) -> None:
    messages = [
        {"role": "user", "content": "First question"},
        {"role": "assistant", "content": "First answer"},
        {"role": "user", "content": "Second question"},
        {"role": "assistant", "content": "Second answer"},
        {"role": "user", "content": "What about the Straße in 東京?"},
    ]
    text = chat(client, messages=messages, protocol="text").content.decode()
    assert "What about the Straße in 東京?" in text
    assert "This is turn 3 of our conversation" in text


def test_v5_parts_messages_are_accepted(client: httpx.Client) -> None:
    messages = [
        {"id": "m1", "role": "user", "parts": [{"type": "text", "text": "Parts work"}]},
    ]
    response = chat(client, messages=messages, protocol="text")
    assert response.status_code == 200
    assert "Parts work" in response.text


def test_tokens_are_small_deltas(client: httpx.Client) -> None:
    chunks = ui_chunks(chat(client, "Hello").content)
    deltas = [c["delta"] for c in chunks if c["type"] == "text-delta"]
    assert max(len(d.strip()) for d in deltas) <= 6


@pytest.mark.parametrize("protocol", ["ui", "data", "text"])
def test_reply_tokens_header_gives_exactly_n_deltas(
    client: httpx.Client,
    emulator: EmulatorServer,
    protocol: str,
) -> None:
    response = chat(client, protocol=protocol, **{"X-Emulator-Reply-Tokens": "777"})
    if protocol == "ui":
        types = [c["type"] for c in ui_chunks(response.content)]
        assert types.count("text-delta") == 777
    elif protocol == "data":
        assert [code for code, _ in data_parts(response.content)].count("0") == 777
    else:
        assert response.text == emulator.state.streams[-1].text
    assert emulator.state.streams[-1].text_deltas == 777


def test_directives_choose_protocol_and_tokens_and_are_not_echoed(client: httpx.Client) -> None:
    response = chat(client, "Plain please #protocol:text #tokens:40")
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "#protocol" not in response.text and "#tokens" not in response.text
    assert response.text.startswith("## Here is what I found")  # the first 40 deltas of the reply
    response = chat(client, "Data please #protocol:data")
    assert response.headers["x-vercel-ai-data-stream"] == "v1"
    assert "Data please" in "".join(v for c, v in data_parts(response.content) if c == "0")


def test_server_default_protocol(emulator_factory) -> None:
    server = emulator_factory(protocol="data")
    with httpx.Client(base_url=server.base_url) as http:
        response = http.post(
            f"/agents/chat/{PLAIN.agent_id}",
            json={"messages": [{"role": "user", "content": "x"}]},
            headers={"Authorization": server.credentials.authorization()},
        )
    assert response.headers["x-vercel-ai-data-stream"] == "v1"
    assert response.content.endswith(b"\n") and b"\nd:" in response.content


def test_tokens_per_second_paces_the_stream(client: httpx.Client) -> None:
    # 20 tokens at 200/s: chunks arrive one by one, not as one block.
    headers = {"X-Emulator-Tokens-Per-Second": "200", "X-Emulator-Reply-Tokens": "20"}
    with client.stream(
        "POST",
        f"/agents/chat/{PLAIN.agent_id}",
        json={"messages": [{"role": "user", "content": "slow"}]},
        headers={**headers, "X-Emulator-Protocol": "text"},
    ) as response:
        chunks = list(response.iter_raw())
    assert len(chunks) >= 10
