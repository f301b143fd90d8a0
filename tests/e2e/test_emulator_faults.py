"""Every emulator fault, selected by header, by `#fault:` directive and by the state's queue."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator

import httpx
import pytest

from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.emulator.faults import Endpoint, Fault
from desktop_app.emulator.server import EmulatorServer
from desktop_app.emulator.state import StreamOutcome

AGENT = DEMO_AGENTS[0].agent_id
BODY = {"messages": [{"role": "user", "content": "Hello"}]}


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": emulator.credentials.authorization()}
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=10) as http:
        yield http


def post(client: httpx.Client, fault: str | None = None, protocol: str = "ui", **headers: str):
    if fault:
        headers["X-Emulator-Fault"] = fault
    headers["X-Emulator-Protocol"] = protocol
    return client.post(f"/agents/chat/{AGENT}", json=BODY, headers=headers)


STATUS_CASES = [
    ("no-subscription", 402, "No active subscription found"),
    ("no-credits", 402, "No credits remaining"),
    ("unauthorized", 401, "Unauthorized"),
    ("forbidden", 403, "Forbidden"),
    ("not-found", 404, "Agent not found"),
    ("rate-limit", 429, "Too many requests"),
    ("server-error", 500, "Internal server error"),
]


@pytest.mark.parametrize(("fault", "status", "message"), STATUS_CASES)
def test_status_faults_on_chat_are_bare_json_strings(
    client: httpx.Client, fault: str, status: int, message: str
) -> None:
    response = post(client, fault)
    assert response.status_code == status
    assert response.content == json.dumps(message).encode()
    assert response.headers["content-type"] == "application/json"


def test_rate_limit_sends_retry_after(client: httpx.Client) -> None:
    assert post(client, "rate-limit").headers["retry-after"] == "2"
    response = post(client, "rate-limit", **{"X-Emulator-Retry-After": "7"})
    assert response.headers["retry-after"] == "7"
    response = client.post(
        f"/agents/chat/{AGENT}",
        json={"messages": [{"role": "user", "content": "hi #fault:rate-limit #retry-after:11"}]},
    )
    assert response.status_code == 429 and response.headers["retry-after"] == "11"


def _ui_types(body: bytes) -> list[str]:
    frames = [f for f in body.decode().split("\n\n") if f]
    return [
        "[DONE]" if f == "data: [DONE]" else json.loads(f.removeprefix("data: "))["type"]
        for f in frames
        if f.startswith("data: ")
    ]


def test_error_part_ui(client: httpx.Client) -> None:
    response = post(client, "error-part")
    assert response.status_code == 200
    types = _ui_types(response.content)
    assert "text-delta" in types
    assert types[-4:] == ["error", "finish-step", "finish", "[DONE]"]
    assert b'{"type":"error","errorText":"An error occurred."}' in response.content
    assert b'{"type":"finish","finishReason":"error"}' in response.content
    assert "text-end" not in types


def test_error_part_data(client: httpx.Client) -> None:
    lines = post(client, "error-part", "data").content.decode().splitlines()
    assert lines[-3] == '3:"An error occurred."'
    assert lines[-2].startswith('e:{"finishReason":"error"')
    assert lines[-1].startswith('d:{"finishReason":"error"')
    assert any(line.startswith("0:") for line in lines)


def test_error_part_text_just_stops(client: httpx.Client) -> None:
    full = post(client, None, "text").text
    cut = post(client, "error-part", "text").text
    assert cut and full.startswith(cut) and len(cut) < len(full)


def test_abort_ui(client: httpx.Client) -> None:
    response = post(client, "abort")
    types = _ui_types(response.content)
    assert types[-2:] == ["abort", "[DONE]"]
    assert "finish" not in types and "text-delta" in types


@pytest.mark.parametrize("protocol", ["data", "text"])
def test_abort_data_and_text_just_stop(client: httpx.Client, protocol: str) -> None:
    body = post(client, "abort", protocol).content
    full = post(client, None, protocol).content
    assert body and len(body) < len(full)
    if protocol == "data":
        assert body.decode().splitlines()[-1].startswith("0:")


@pytest.mark.parametrize("protocol", ["ui", "data", "text"])
def test_no_finish_ends_cleanly_without_end_marker(client: httpx.Client, protocol: str) -> None:
    response = post(client, "no-finish", protocol)  # reads the whole body: a clean end
    assert response.status_code == 200
    body = response.content
    assert body
    assert b"[DONE]" not in body and b'"finish"' not in body
    if protocol == "data":
        assert not any(line.startswith(("d:", "e:")) for line in body.decode().splitlines())


@pytest.mark.parametrize("protocol", ["ui", "data", "text"])
def test_drop_cuts_the_connection_mid_body(
    client: httpx.Client,
    emulator: EmulatorServer,
    protocol: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    received = bytearray()
    with (
        pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)),
        client.stream(
            "POST",
            f"/agents/chat/{AGENT}",
            json=BODY,
            headers={"X-Emulator-Fault": "drop", "X-Emulator-Protocol": protocol},
        ) as response,
    ):
        for chunk in response.iter_raw():
            received += chunk
    assert received  # some text arrived before the cut
    assert emulator.state.wait_for(lambda s: len(s.streams) == 1)
    assert emulator.state.streams[0].outcome is StreamOutcome.DROPPED
    # The wanted cut is not reported as a server error.
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_stall_sends_some_text_then_nothing(emulator: EmulatorServer) -> None:
    timeout = httpx.Timeout(10, read=0.3)
    headers = {"Authorization": emulator.credentials.authorization(), "X-Emulator-Fault": "stall"}
    received = bytearray()
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=timeout) as http:
        with (
            pytest.raises(httpx.ReadTimeout),
            http.stream("POST", f"/agents/chat/{AGENT}", json=BODY) as response,
        ):
            for chunk in response.iter_raw():
                received += chunk
        assert emulator.state.open_streams == 1  # the server still holds it open
    assert b"text-delta" in received and b"[DONE]" not in received
    # Closing the client ends the server's side too.
    assert emulator.state.wait_for(lambda s: s.open_streams == 0)
    assert emulator.state.streams[-1].outcome is StreamOutcome.DISCONNECTED


def test_stall_ends_when_the_server_stops(emulator_factory) -> None:
    server = emulator_factory()
    outcome: list[str] = []

    def read() -> None:
        headers = {"Authorization": server.credentials.authorization(), "X-Emulator-Fault": "stall"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as http:
            try:
                with http.stream("POST", f"/agents/chat/{AGENT}", json=BODY) as response:
                    for _ in response.iter_raw():
                        pass
                outcome.append("ended")
            except httpx.HTTPError as exc:
                outcome.append(type(exc).__name__)

    reader = threading.Thread(target=read)
    reader.start()
    assert server.state.wait_for(lambda s: s.open_streams == 1)
    server.stop()
    reader.join(10)
    assert outcome and not reader.is_alive()
    assert server.state.streams[-1].outcome is StreamOutcome.SERVER_STOPPED


def test_keepalive_comments_in_ui(client: httpx.Client) -> None:
    body = post(client, "keepalive").content
    assert body.startswith(b": stream-open\n\ndata: ")
    assert body.count(b": keep-alive\n\n") >= 10
    assert body.endswith(b"data: [DONE]\n\n")
    stripped = body.replace(b": stream-open\n\n", b"").replace(b": keep-alive\n\n", b"")
    assert _same_except_ids(stripped, post(client, None).content)


def _message_id(body: bytes) -> bytes:
    first = json.loads(body.split(b"\n\n")[0].removeprefix(b"data: "))
    return first["messageId"].encode()


def _same_except_ids(a: bytes, b: bytes) -> bool:
    return a.replace(_message_id(a), b"ID") == b.replace(_message_id(b), b"ID")


@pytest.mark.parametrize("protocol", ["ui", "data", "text"])
def test_byte_chunks_arrive_one_byte_at_a_time(client: httpx.Client, protocol: str) -> None:
    headers = {
        "X-Emulator-Fault": "byte-chunks",
        "X-Emulator-Protocol": protocol,
        "X-Emulator-Reply-Tokens": "30",
    }
    with client.stream("POST", f"/agents/chat/{AGENT}", json=BODY, headers=headers) as response:
        chunks = list(response.iter_raw())
    body = b"".join(chunks)
    assert len(chunks) == len(body) > 100
    assert {len(chunk) for chunk in chunks} == {1}
    # Multi-byte characters are split across chunks, yet the whole is valid UTF-8.
    body.decode("utf-8")


def test_slow_start_delays_the_first_byte(client: httpx.Client) -> None:
    headers = {"X-Emulator-Fault": "slow-start", "X-Emulator-Delay": "0.3"}
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            f"/agents/chat/{AGENT}", json=BODY, headers=headers, timeout=httpx.Timeout(5, read=0.1)
        )
    response = client.post(f"/agents/chat/{AGENT}", json=BODY, headers=headers)
    assert response.status_code == 200 and response.content.endswith(b"data: [DONE]\n\n")


def test_fault_directive_in_message_is_applied_and_stripped(
    client: httpx.Client,
    emulator: EmulatorServer,
) -> None:
    body = {"messages": [{"role": "user", "content": "Break it #fault:error-part please"}]}
    response = client.post(
        f"/agents/chat/{AGENT}", json=body, headers={"X-Emulator-Protocol": "data"}
    )
    assert '3:"An error occurred."' in response.text
    assert emulator.state.records[-1].input == "Break it please"


def test_header_beats_directive(client: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": "x #fault:server-error"}]}
    response = client.post(
        f"/agents/chat/{AGENT}", json=body, headers={"X-Emulator-Fault": "forbidden"}
    )
    assert response.status_code == 403


def test_queued_faults_apply_to_the_next_chats_in_order(
    client: httpx.Client,
    emulator: EmulatorServer,
) -> None:
    emulator.state.queue_faults(["rate-limit", Fault.SERVER_ERROR])
    assert client.get("/agents").status_code == 200  # other endpoints leave chat faults alone
    assert post(client).status_code == 429
    assert post(client).status_code == 500
    assert post(client).status_code == 200
    assert emulator.state.queued_faults == ()


def test_queued_fault_for_any_endpoint(client: httpx.Client, emulator: EmulatorServer) -> None:
    emulator.state.queue_faults(["unauthorized"], Endpoint.ANY)
    response = client.get("/agents")
    assert response.status_code == 401
    assert response.json() == {"success": False, "error": "Unauthorized"}
    assert client.get("/agents").status_code == 200


def test_explicit_fault_leaves_the_queue_alone(
    client: httpx.Client, emulator: EmulatorServer
) -> None:
    emulator.state.queue_faults(["forbidden"])
    assert post(client, "server-error").status_code == 500
    assert emulator.state.queued_faults == (Fault.FORBIDDEN,)


@pytest.mark.parametrize(
    ("headers", "needle"),
    [
        ({"X-Emulator-Fault": "nonsense"}, "Unknown emulator fault"),
        ({"X-Emulator-Protocol": "xml"}, "Unknown emulator protocol"),
        ({"X-Emulator-Tokens-Per-Second": "-1"}, "tokens per second"),
        ({"X-Emulator-Reply-Tokens": "zero"}, "reply tokens"),
    ],
)
def test_bad_emulator_headers_are_400(
    client: httpx.Client, headers: dict[str, str], needle: str
) -> None:
    response = client.post(f"/agents/chat/{AGENT}", json=BODY, headers=headers)
    assert response.status_code == 400
    assert needle in response.json()


def test_every_fault_name_is_covered() -> None:
    names = {case[0] for case in STATUS_CASES} | {
        "error-part",
        "abort",
        "no-finish",
        "drop",
        "stall",
        "keepalive",
        "byte-chunks",
        "slow-start",
    }
    assert names == {fault.value for fault in Fault}
