"""The ai 4 data stream (`CODE:JSON` lines) decoded to typed events, split anywhere."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.decoding import (
    StreamDecoder,
    protocol_from_headers,
)
from desktop_app.core.errors import StreamProtocolError
from desktop_app.core.events import (
    DataPart,
    FilePart,
    Finish,
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
    Usage,
)
from tests.core.decoding_helpers import (
    assert_every_split_decodes_to,
    assert_random_splits_agree,
    decode_chunks,
    reply_from,
)
from tests.fixtures.splits import every_split, merge_deltas

# The headers `toDataStreamResponse()` sets (ai-sdk-wire-formats.md, section b), as written.
DATA_HEADERS = {"Content-Type": "text/plain; charset=utf-8", "X-Vercel-AI-Data-Stream": "v1"}


def part(code: str, value: object) -> bytes:
    """One line as formatDataStreamPart writes it: CODE + ':' + JSON.stringify(value) + LF."""
    return f"{code}:{json.dumps(value, separators=(',', ':'), ensure_ascii=False)}\n".encode()


def decode(chunks: list[bytes], protocol: Protocol | None = Protocol.DATA) -> list[StreamEvent]:
    return decode_chunks(chunks, protocol)


def reply(body: bytes, protocol: Protocol | None = Protocol.DATA) -> StreamResult:
    return reply_from(body, protocol)


USAGE = {"promptTokens": 12, "completionTokens": 5}
NORMAL = b"".join(
    [
        part("f", {"messageId": "msg-1"}),
        part("0", "Hola"),
        part("0", ", mundo 漢字 🎉"),
        part("e", {"finishReason": "stop", "usage": USAGE, "isContinued": False}),
        part("d", {"finishReason": "stop", "usage": USAGE}),
    ]
)
NORMAL_EVENTS = [
    MessageStart("msg-1"),
    TextDelta("Hola, mundo 漢字 🎉"),
    StepFinish("stop", Usage(12, 5)),
    Finish("stop", Usage(12, 5)),
]
MODEL_ERROR = b"".join(
    [
        part("f", {"messageId": "msg-2"}),
        part("0", "Half"),
        part("3", "An error occurred."),
        part("e", {"finishReason": "error", "isContinued": False}),
        part("d", {"finishReason": "error"}),
    ]
)
NO_FINISH = part("f", {"messageId": "m"}) + part("0", "Stops")
D_ONLY = part("d", {"finishReason": "stop", "usage": {"promptTokens": 1, "completionTokens": 0}})


def test_headers_select_the_data_stream() -> None:
    assert protocol_from_headers(DATA_HEADERS) is Protocol.DATA


@pytest.mark.parametrize("protocol", [Protocol.DATA, None])
def test_normal_reply_at_every_split(protocol: Protocol | None) -> None:
    assert_every_split_decodes_to(NORMAL, NORMAL_EVENTS, protocol)


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_outcome_at_random_splits(data: st.DataObject) -> None:
    assert_random_splits_agree(data, (NORMAL, MODEL_ERROR, NO_FINISH, D_ONLY), Protocol.DATA)


def test_normal_reply_completes_with_usage() -> None:
    result = reply(NORMAL)
    assert result.outcome is Outcome.COMPLETED
    assert result.text == "Hola, mundo 漢字 🎉"
    assert result.finish_reason == "stop"
    assert result.usage == Usage(input_tokens=12, output_tokens=5)
    assert result.message_id == "msg-1"


def test_model_error() -> None:
    assert decode([MODEL_ERROR])[2] == ModelError("An error occurred.")
    result = reply(MODEL_ERROR)
    assert (result.outcome, result.text) == (Outcome.ERROR, "Half")
    assert result.error_text == "An error occurred."
    assert result.finish_reason == "error"


def test_lines_that_just_stop_are_incomplete() -> None:
    decoder = StreamDecoder(Protocol.DATA)
    decoder.feed(NO_FINISH)
    decoder.end()
    assert not decoder.finished
    result = reply(NO_FINISH)
    assert (result.outcome, result.text) == (Outcome.INCOMPLETE, "Stops")


def test_d_only_completes() -> None:
    decoder = StreamDecoder(Protocol.DATA)
    assert decoder.feed(D_ONLY) == [Finish("stop", Usage(1, 0))]
    assert decoder.finished
    assert reply(D_ONLY).outcome is Outcome.COMPLETED


def test_lines_after_d_are_ignored() -> None:
    body = D_ONLY + part("0", "late") + b"not a part\n"
    assert decode([body]) == [Finish("stop", Usage(1, 0))]


def test_crlf_lines_are_tolerated() -> None:
    body = NORMAL.replace(b"\n", b"\r\n")
    for chunks in every_split(body, pairs_up_to=0):
        assert merge_deltas(decode(chunks)) == NORMAL_EVENTS


def test_a_last_line_without_its_lf() -> None:
    whole = part("0", "x") + part("d", {"finishReason": "stop"}).rstrip(b"\n")
    assert decode([whole]) == [TextDelta("x"), Finish("stop")]
    cut = part("0", "x") + b'0:"trunc'
    assert decode([cut]) == [TextDelta("x")]


def test_every_code() -> None:
    body = b"".join(
        [
            part("f", {"messageId": "m1"}),
            part("2", [{"weather": "sunny"}]),
            part("8", [{"note": 1}]),
            part("g", "Think"),
            part("g", "ing"),
            part("i", {"data": "redacted"}),
            part("j", {"signature": "sig"}),
            part("b", {"toolCallId": "c1", "toolName": "search"}),
            part("c", {"toolCallId": "c1", "argsTextDelta": '{"q":"x"}'}),
            part("9", {"toolCallId": "c1", "toolName": "search", "args": {"q": "x"}}),
            part("a", {"toolCallId": "c1", "result": {"hits": 2}}),
            part("h", {"sourceType": "url", "id": "s1", "url": "https://e.com", "title": "E"}),
            part("k", {"data": "AAA=", "mimeType": "image/png"}),
            part("1", "an old code"),
            part("z", {"unknown": True}),
            part("0", "Answer"),
            part("e", {"finishReason": "stop", "isContinued": False}),
            part("d", {"finishReason": "stop", "usage": {"promptTokens": None}}),
        ]
    )
    assert decode([body]) == [
        MessageStart("m1"),
        DataPart("data", [{"weather": "sunny"}]),
        DataPart("annotations", [{"note": 1}]),
        ReasoningDelta("Thinking"),
        ToolActivity("c1", ToolPhase.INPUT_START, tool_name="search"),
        ToolActivity("c1", ToolPhase.INPUT_DELTA, input_text_delta='{"q":"x"}'),
        ToolActivity("c1", ToolPhase.INPUT_AVAILABLE, tool_name="search", input={"q": "x"}),
        ToolActivity("c1", ToolPhase.OUTPUT_AVAILABLE, output={"hits": 2}),
        Source("s1", url="https://e.com", title="E"),
        FilePart("image/png", data_base64="AAA="),
        TextDelta("Answer"),
        StepFinish("stop"),
        Finish("stop"),
    ]
    result = reply(body)
    assert result.reasoning == "Thinking"
    assert result.tools["c1"].input == {"q": "x"}
    assert result.tools["c1"].input_text == '{"q":"x"}'
    assert result.files == [FilePart("image/png", data_base64="AAA=")]
    assert result.usage is None  # NaN usage arrives as null


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'0:"unterminated\n', "not valid JSON"),
        (b"0:hello\n", "not valid JSON"),
        (b"no separator here\n", "no 'CODE:' prefix"),
        (b"0:42\n", "not text"),
        (b'd:"stop"\n', "not an object"),
        (b'9:{"toolName":"x"}\n', "'toolCallId'"),
    ],
)
def test_bad_lines_raise_stream_protocol_error(body: bytes, message: str) -> None:
    decoder = StreamDecoder(Protocol.DATA)
    with pytest.raises(StreamProtocolError, match=message):
        decoder.feed(body)


def test_text_before_a_bad_line_is_kept() -> None:
    decoder = StreamDecoder(Protocol.DATA)
    assert decoder.feed(part("0", "kept") + b"0:{bad\n") == [TextDelta("kept")]
    with pytest.raises(StreamProtocolError):
        decoder.end()


def test_a_one_megabyte_delta() -> None:
    big = "漢" * 350_000
    body = part("0", big) + D_ONLY
    chunks = [body[index : index + 4096] for index in range(0, len(body), 4096)]
    assert decode(chunks) == [TextDelta(big), Finish("stop", Usage(1, 0))]


def test_escaped_newlines_stay_inside_one_part() -> None:
    body = part("0", "line 1\nline 2\r\n") + D_ONLY
    assert decode([body])[0] == TextDelta("line 1\nline 2\r\n")
