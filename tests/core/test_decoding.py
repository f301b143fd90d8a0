"""Protocol detection, and the UI message stream decoded to typed events at every split."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.decoding import (
    StreamDecoder,
    protocol_from_headers,
    sniff_protocol,
)
from desktop_app.core.errors import StreamProtocolError
from desktop_app.core.events import (
    Abort,
    DataPart,
    FilePart,
    Finish,
    MessageMetadata,
    MessageStart,
    ModelError,
    Outcome,
    Protocol,
    ReasoningDelta,
    Source,
    StepFinish,
    StreamEvent,
    StreamResult,
    TextDelta,
    ToolActivity,
    ToolPhase,
)
from tests.core.decoding_helpers import (
    assert_every_split_decodes_to,
    assert_random_splits_agree,
    decode_chunks,
    reply_from,
)
from tests.fixtures.splits import every_split, merge_deltas

# The five headers `toUIMessageStreamResponse()` sets (ai-sdk-wire-formats.md, section a).
UI_HEADERS = {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "connection": "keep-alive",
    "x-vercel-ai-ui-message-stream": "v1",
    "x-accel-buffering": "no",
}


def sse(*parts: str) -> bytes:
    """Frames exactly as JsonToSseTransformStream writes them: `data: ` + JSON + two LFs."""
    return b"".join(f"data: {part}\n\n".encode() for part in parts)


def ui(part_type: str, **fields: object) -> str:
    # JSON.stringify leaves non-ASCII as raw UTF-8, so do the same.
    return json.dumps({"type": part_type, **fields}, separators=(",", ":"), ensure_ascii=False)


def decode(chunks: list[bytes], protocol: Protocol | None = Protocol.UI) -> list[StreamEvent]:
    return decode_chunks(chunks, protocol)


def reply(body: bytes, protocol: Protocol | None = Protocol.UI) -> StreamResult:
    return reply_from(body, protocol)


NORMAL = sse(
    ui("start", messageId="msg_1"),
    ui("start-step"),
    ui("text-start", id="t1"),
    ui("text-delta", id="t1", delta="Hola"),
    ui("text-delta", id="t1", delta=", ¿qué tal? 漢字 🎉"),
    ui("text-end", id="t1"),
    ui("finish-step"),
    ui("finish", finishReason="stop"),
    "[DONE]",
)
NORMAL_EVENTS = [
    MessageStart("msg_1"),
    TextDelta("Hola, ¿qué tal? 漢字 🎉", "t1"),
    StepFinish(),
    Finish("stop"),
]
MODEL_ERROR = sse(
    ui("start"),
    ui("text-delta", id="t1", delta="Partial"),
    ui("error", errorText="An error occurred."),
    ui("finish-step"),
    ui("finish", finishReason="error"),
    "[DONE]",
)
ABORT = sse(
    ui("start"), ui("text-delta", id="t1", delta="Cut"), ui("abort", reason="user"), "[DONE]"
)
NO_FINISH = sse(ui("start"), ui("text-delta", id="t1", delta="Stops here"))
DONE_ONLY = sse("[DONE]")
KEEPALIVE = (
    b": stream-open\n\n"
    + sse(ui("text-delta", id="t1", delta="a"))
    + b": keep-alive\n\n"
    + sse(ui("text-delta", id="t1", delta="b"), ui("finish"), "[DONE]")
)


# -- protocol_from_headers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (UI_HEADERS, Protocol.UI),
        ({"Content-Type": "text/event-stream; charset=utf-8"}, Protocol.UI),
        ({"CONTENT-TYPE": "Text/Event-Stream"}, Protocol.UI),
        (
            {"Content-Type": "text/plain; charset=utf-8", "X-Vercel-AI-Data-Stream": "v1"},
            Protocol.DATA,
        ),
        ({"x-vercel-ai-data-stream": "v1"}, Protocol.DATA),
        ({"X-Vercel-AI-UI-Message-Stream": "v1", "content-type": "text/plain"}, Protocol.UI),
        ({"content-type": "text/plain; charset=utf-8"}, None),
        ({"content-type": "application/json"}, None),
        ({}, None),
    ],
)
def test_protocol_from_headers(headers: dict[str, str], expected: Protocol | None) -> None:
    assert protocol_from_headers(headers) == expected


def test_protocol_from_httpx_headers() -> None:
    headers = httpx.Headers({"Content-Type": "text/plain", "X-Vercel-AI-Data-Stream": "v1"})
    assert protocol_from_headers(headers) == Protocol.DATA


# -- sniff_protocol --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (b"", None),
        (b"\xef", None),
        (b"\xef\xbb\xbf", None),
        (b"d", None),
        (b"da", None),
        (b"data", None),
        (b"data:", Protocol.UI),
        (b"data: {", Protocol.UI),
        (b":", Protocol.UI),
        (b": stream-open", Protocol.UI),
        (b"\xef\xbb\xbfdata: x", Protocol.UI),
        (b"d:", None),
        (b'd:{"finishReason"', Protocol.DATA),
        (b"0", None),
        (b"0:", None),
        (b'0:"Hello"', Protocol.DATA),
        (b'f:{"messageId":"m"}', Protocol.DATA),
        (b"2:[", Protocol.DATA),
        (b'\xef\xbb\xbf0:"x', Protocol.DATA),
        (b"3: the third point", Protocol.TEXT),
        (b"1:30 pm works", Protocol.TEXT),
        (b"k:x", Protocol.TEXT),
        (b"l:{", Protocol.TEXT),
        (b"Hello", Protocol.TEXT),
        (b"he", Protocol.TEXT),
        (b"h", None),
        (b"datum", Protocol.TEXT),
        (b"\n", Protocol.TEXT),
        ("¿Qué?".encode(), Protocol.TEXT),
    ],
)
def test_sniff_protocol(prefix: bytes, expected: Protocol | None) -> None:
    assert sniff_protocol(prefix) == expected


# -- the UI message stream -------------------------------------------------------------------


@pytest.mark.parametrize("protocol", [Protocol.UI, None])
def test_normal_reply_at_every_split(protocol: Protocol | None) -> None:
    assert_every_split_decodes_to(NORMAL, NORMAL_EVENTS, protocol)


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_outcome_at_random_splits(data: st.DataObject) -> None:
    assert_random_splits_agree(
        data, (NORMAL, MODEL_ERROR, ABORT, NO_FINISH, DONE_ONLY, KEEPALIVE), Protocol.UI
    )


def test_normal_reply_completes() -> None:
    result = reply(NORMAL)
    assert result.outcome is Outcome.COMPLETED
    assert result.text == "Hola, ¿qué tal? 漢字 🎉"
    assert result.finish_reason == "stop"
    assert result.message_id == "msg_1"
    assert result.protocol is Protocol.UI


def test_model_error_keeps_text_and_error() -> None:
    assert decode([MODEL_ERROR])[2:] == [
        ModelError("An error occurred."),
        StepFinish(),
        Finish("error"),
    ]
    result = reply(MODEL_ERROR)
    assert result.outcome is Outcome.ERROR
    assert result.text == "Partial"
    assert result.error_text == "An error occurred."
    assert result.finish_reason == "error"


def test_abort_then_done() -> None:
    assert decode([ABORT])[2:] == [Abort("user"), Finish(None)]
    result = reply(ABORT)
    assert result.outcome is Outcome.ABORTED
    assert result.abort_reason == "user"
    assert result.text == "Cut"


def test_abort_without_reason() -> None:
    assert decode([sse(ui("abort"), "[DONE]")]) == [Abort(None), Finish(None)]


def test_body_that_stops_with_no_finish_is_incomplete() -> None:
    decoder = StreamDecoder(Protocol.UI)
    events = decoder.feed(NO_FINISH) + decoder.end()
    assert not decoder.finished
    assert events == [MessageStart(), TextDelta("Stops here", "t1")]
    result = reply(NO_FINISH)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "Stops here"


def test_a_half_frame_at_the_end_is_dropped() -> None:
    body = NO_FINISH + b'data: {"type":"text-delta","id":"t1","del'
    assert decode([body]) == [MessageStart(), TextDelta("Stops here", "t1")]


def test_done_only_completes_with_no_text() -> None:
    decoder = StreamDecoder(Protocol.UI)
    assert decoder.feed(DONE_ONLY) == [Finish(None)]
    assert decoder.finished
    result = reply(DONE_ONLY)
    assert (result.outcome, result.text) == (Outcome.COMPLETED, "")


def test_finish_then_done_gives_one_finish() -> None:
    finishes = [event for event in decode([NORMAL]) if isinstance(event, Finish)]
    assert finishes == [Finish("stop")]


def test_keepalive_comments_produce_nothing() -> None:
    assert decode([b": stream-open\n\n: keep-alive\n\n"]) == []
    assert merge_deltas(decode([KEEPALIVE])) == [TextDelta("ab", "t1"), Finish(None)]


def test_data_after_done_is_ignored() -> None:
    decoder = StreamDecoder(Protocol.UI)
    decoder.feed(DONE_ONLY)
    assert decoder.feed(sse(ui("text-delta", id="t1", delta="late"))) == []
    assert decoder.feed(b"data: {not json\n\n") == []
    assert decoder.end() == []


def test_done_in_the_middle_of_a_chunk_stops_there() -> None:
    body = sse(ui("text-delta", id="t1", delta="a"), "[DONE]", ui("text-delta", id="t1", delta="b"))
    assert decode([body]) == [TextDelta("a", "t1"), Finish(None)]


def test_unknown_part_types_are_ignored() -> None:
    body = sse(
        ui("reset-step"),
        ui("custom", kind="x", value={"a": 1}),
        ui("tool-approval-response", approvalId="a1", approved=True),
        ui("reasoning-file", url="data:,x", mediaType="text/plain"),
        ui("text-delta", id="t1", delta="ok", providerMetadata={"x": {"y": 1}}, extra=True),
        ui("finish"),
    )
    assert decode([body]) == [TextDelta("ok", "t1"), Finish(None)]


def test_every_known_part_type() -> None:
    body = sse(
        ui("data-weather", data={"city": "Lima"}, id="w1", transient=True),
        ui("data-status", data="ready"),
        ui("start", messageId="m1", messageMetadata={"model": "x"}),
        ui("start-step"),
        ui("reasoning-start", id="r1"),
        ui("reasoning-delta", id="r1", delta="Think"),
        ui("reasoning-delta", id="r1", delta="ing"),
        ui("reasoning-end", id="r1"),
        ui("reasoning", text="legacy"),
        ui("tool-input-start", toolCallId="c1", toolName="search"),
        ui("tool-input-delta", toolCallId="c1", inputTextDelta='{"q":'),
        ui("tool-input-delta", toolCallId="c1", inputTextDelta='"x"}'),
        ui("tool-input-available", toolCallId="c1", toolName="search", input={"q": "x"}),
        ui("tool-output-available", toolCallId="c1", output={"hits": 3}),
        ui("tool-input-error", toolCallId="c2", toolName="calc", input="1/0", errorText="bad"),
        ui("tool-output-error", toolCallId="c3", errorText="boom"),
        ui("tool-approval-request", approvalId="a1", toolCallId="c4"),
        ui("tool-output-denied", toolCallId="c4"),
        ui("source-url", sourceId="s1", url="https://example.com", title="Ex"),
        ui(
            "source-document",
            sourceId="s2",
            mediaType="application/pdf",
            title="Doc",
            filename="d.pdf",
        ),
        ui("file", url="data:image/png;base64,AAA=", mediaType="image/png"),
        ui("message-metadata", messageMetadata={"tokens": 5}),
        ui("finish-step"),
        ui("finish", finishReason="stop", messageMetadata={"done": True}),
    )
    phase = ToolPhase
    assert decode([body]) == [
        DataPart("weather", {"city": "Lima"}, "w1", transient=True),
        DataPart("status", "ready"),
        MessageStart("m1", {"model": "x"}),
        ReasoningDelta("Thinking", "r1"),
        ReasoningDelta("legacy", None),
        ToolActivity("c1", phase.INPUT_START, tool_name="search"),
        ToolActivity("c1", phase.INPUT_DELTA, input_text_delta='{"q":'),
        ToolActivity("c1", phase.INPUT_DELTA, input_text_delta='"x"}'),
        ToolActivity("c1", phase.INPUT_AVAILABLE, tool_name="search", input={"q": "x"}),
        ToolActivity("c1", phase.OUTPUT_AVAILABLE, output={"hits": 3}),
        ToolActivity("c2", phase.INPUT_ERROR, tool_name="calc", input="1/0", error_text="bad"),
        ToolActivity("c3", phase.OUTPUT_ERROR, error_text="boom"),
        ToolActivity("c4", phase.APPROVAL_REQUEST),
        ToolActivity("c4", phase.OUTPUT_DENIED),
        Source("s1", url="https://example.com", title="Ex"),
        Source("s2", title="Doc", media_type="application/pdf", filename="d.pdf"),
        FilePart("image/png", url="data:image/png;base64,AAA="),
        MessageMetadata({"tokens": 5}),
        StepFinish(),
        MessageMetadata({"done": True}),
        Finish("stop"),
    ]
    result = reply(body)
    assert result.outcome is Outcome.COMPLETED
    assert result.reasoning == "Thinkinglegacy"
    assert result.metadata == {"model": "x", "tokens": 5, "done": True}
    assert result.tools["c1"].input_text == '{"q":"x"}'
    assert result.tools["c1"].output == {"hits": 3}
    assert result.tools["c1"].state is ToolPhase.OUTPUT_AVAILABLE
    assert result.tools["c4"].state is ToolPhase.OUTPUT_DENIED
    assert [source.source_id for source in result.sources] == ["s1", "s2"]
    assert result.files == [FilePart("image/png", url="data:image/png;base64,AAA=")]
    assert result.data == [DataPart("status", "ready")]  # the transient part is live-only


def test_deltas_of_different_parts_stay_apart() -> None:
    body = sse(
        ui("text-delta", id="t1", delta="a"),
        ui("text-delta", id="t2", delta="b"),
        ui("reasoning-delta", id="t2", delta="c"),
        ui("text-delta", id="t2", delta="d"),
    )
    assert decode([body]) == [
        TextDelta("a", "t1"),
        TextDelta("b", "t2"),
        ReasoningDelta("c", "t2"),
        TextDelta("d", "t2"),
    ]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (b'data: {"type":"text-delta"\n\n', "not valid JSON"),
        (b"data: hello\n\n", "not valid JSON"),
        (b"data: \n\n", "not valid JSON"),
        (b"data: [1,2]\n\n", "not an object"),
        (b'data: "text"\n\n', "not an object"),
        (b'data: {"delta":"x"}\n\n', "without a 'type'"),
        (b'data: {"type":7}\n\n', "without a 'type'"),
        (b'data: {"type":"text-delta","id":"t1","delta":3}\n\n', "'text-delta'"),
        (b'data: {"type":"tool-input-start","toolName":"x"}\n\n', "'toolCallId'"),
    ],
)
def test_bad_frames_raise_stream_protocol_error(frame: bytes, message: str) -> None:
    decoder = StreamDecoder(Protocol.UI)
    with pytest.raises(StreamProtocolError, match=message):
        decoder.feed(frame)
    with pytest.raises(StreamProtocolError):
        decoder.end()  # the stream stays undecodable


def test_good_events_before_a_bad_frame_are_handed_over_first() -> None:
    decoder = StreamDecoder(Protocol.UI)
    body = sse(ui("text-delta", id="t1", delta="kept")) + b"data: {oops\n\n"
    assert decoder.feed(body) == [TextDelta("kept", "t1")]
    with pytest.raises(StreamProtocolError, match="not valid JSON"):
        decoder.feed(sse(ui("text-delta", id="t1", delta="more")))
    with pytest.raises(StreamProtocolError):
        decoder.end()


def test_whitespace_around_json_is_accepted() -> None:
    body = b'data:   {"type":"text-delta","id":"t1","delta":"x"}  \n\n'
    assert decode([body]) == [TextDelta("x", "t1")]


def test_sse_events_with_names_and_ids_still_decode() -> None:
    body = b'id: 1\nevent: message\ndata: {"type":"text-delta",\ndata: "id":"t","delta":"y"}\n\n'
    assert decode([body]) == [TextDelta("y", "t")]


def test_crlf_frames_decode() -> None:
    body = NORMAL.replace(b"\n", b"\r\n")
    for chunks in every_split(body, pairs_up_to=0):
        assert merge_deltas(decode(chunks)) == NORMAL_EVENTS


def test_a_one_megabyte_delta() -> None:
    big = "é" * 500_000  # 1 MB of UTF-8
    body = sse(ui("text-delta", id="t1", delta=big), ui("finish"), "[DONE]")
    chunks = [body[index : index + 65536] for index in range(0, len(body), 65536)]
    assert decode(chunks) == [TextDelta(big, "t1"), Finish(None)]


def test_many_deltas_in_one_chunk_become_one_event() -> None:
    body = sse(*[ui("text-delta", id="t1", delta=str(index % 10)) for index in range(5000)])
    (event,) = decode([body])
    assert event == TextDelta("0123456789" * 500, "t1")


def test_emoji_and_cjk_split_inside_characters() -> None:
    text = "🎉漢字👩‍👩‍👧é"
    body = sse(ui("text-delta", id="t1", delta=text), "[DONE]")
    for chunks in every_split(body, pairs_up_to=0):
        assert merge_deltas(decode(chunks)) == [TextDelta(text, "t1"), Finish(None)]
