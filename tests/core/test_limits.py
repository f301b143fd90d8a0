"""The size limits inside the decoders and the accumulator, and the settings that carry them."""

from __future__ import annotations

import gzip
import zlib

import httpx
import pytest

from desktop_app.core import errors
from desktop_app.core.accumulator import ReplyAccumulator
from desktop_app.core.body_reader import body_chunks
from desktop_app.core.content_types import check_json_type, check_stream_type
from desktop_app.core.decoding import StreamDecoder
from desktop_app.core.events import DataPart, Protocol, ReasoningDelta, Source, TextDelta
from desktop_app.core.http import ClientSettings
from desktop_app.core.limits import ReplyLimits, size_text
from desktop_app.core.sse import SSEDecoder
from tests.core.client_helpers import ScriptedStream, run

LIMIT = 1000


# -- SSE -----------------------------------------------------------------------------------------


def test_an_sse_line_without_end_is_refused_once_past_the_limit() -> None:
    decoder = SSEDecoder(max_line_bytes=LIMIT)
    decoder.feed(b"data: ")
    for _ in range(9):
        assert decoder.feed(b"x" * 100) == []
    with pytest.raises(errors.ResponseTooLargeError, match="line longer than the 1,000 bytes"):
        decoder.feed(b"x" * 100)
    assert not decoder.has_partial_event()  # what it held is dropped, not kept
    with pytest.raises(errors.ResponseTooLargeError):  # and every later call says so again
        decoder.feed(b"\n\n")


def test_an_sse_line_that_ends_too_late_is_refused() -> None:
    decoder = SSEDecoder(max_line_bytes=LIMIT)
    decoder.feed(b"data: " + b"x" * 900)
    with pytest.raises(errors.ResponseTooLargeError):
        decoder.feed(b"x" * 200 + b"\n\n")


def test_events_before_a_long_line_come_first_then_the_error() -> None:
    decoder = SSEDecoder(max_line_bytes=LIMIT)
    assert decoder.feed_data(b"data: one\n\ndata: two\n\n: " + b"c" * 2000) == ["one", "two"]
    with pytest.raises(errors.ResponseTooLargeError):
        decoder.feed_data(b"\n")


def test_an_event_of_many_short_data_lines_is_bounded_too() -> None:
    decoder = SSEDecoder(max_line_bytes=LIMIT)
    with pytest.raises(errors.ResponseTooLargeError):
        for _ in range(100):
            decoder.feed(b"data: " + b"y" * 50 + b"\n")


def test_lines_under_the_limit_decode_as_before() -> None:
    decoder = SSEDecoder(max_line_bytes=LIMIT)
    frame = b"data: " + b"z" * 990 + b"\n\n"
    assert decoder.feed_data(frame * 3) == ["z" * 990] * 3
    assert decoder.feed_data(frame[:500]) == [] and decoder.feed_data(frame[500:]) == ["z" * 990]


# -- data stream ---------------------------------------------------------------------------------


def test_a_data_stream_line_without_end_is_refused_once_past_the_limit() -> None:
    decoder = StreamDecoder(Protocol.DATA, max_line_bytes=LIMIT)
    events = decoder.feed(b'0:"kept"\n0:"' + b"x" * 500)
    assert events == [TextDelta("kept")]
    assert decoder.has_partial_line
    with pytest.raises(errors.ResponseTooLargeError, match="1,000 bytes limit"):
        decoder.feed(b"x" * 600)


def test_a_data_stream_line_too_long_inside_one_chunk_keeps_the_lines_before_it() -> None:
    decoder = StreamDecoder(Protocol.DATA, max_line_bytes=LIMIT)
    events = decoder.feed(b'0:"kept"\n0:"' + b"x" * 2000 + b'"\n0:"lost"\n')
    assert events == [TextDelta("kept")]
    with pytest.raises(errors.ResponseTooLargeError):
        decoder.feed(b'0:"more"\n')


def test_a_data_stream_line_that_ends_too_late_is_refused() -> None:
    decoder = StreamDecoder(Protocol.DATA, max_line_bytes=LIMIT)
    decoder.feed(b'0:"' + b"x" * 900)
    with pytest.raises(errors.ResponseTooLargeError):
        decoder.feed(b"x" * 200 + b'"\n')


def test_a_ui_stream_decoder_passes_its_line_limit_on() -> None:
    decoder = StreamDecoder(Protocol.UI, max_line_bytes=LIMIT)
    with pytest.raises(errors.ResponseTooLargeError):
        decoder.feed(b"data: " + b"x" * 2000)


# -- the accumulator -----------------------------------------------------------------------------


def test_text_reasoning_and_tool_input_share_the_text_limit() -> None:
    accumulator = ReplyAccumulator(max_text_chars=10)
    accumulator.add(TextDelta("abcd"))
    accumulator.add(ReasoningDelta("efg"))
    with pytest.raises(errors.ResponseTooLargeError, match="10-character limit") as caught:
        accumulator.add(TextDelta("hijk"))
    assert caught.value.limit == 10
    assert accumulator.fit(TextDelta("hijk", "p")) == TextDelta("hij", "p")
    assert accumulator.fit(Source("s1")) is None
    assert accumulator.text == "abcd"  # the refused delta was not kept


def test_parts_stop_at_the_parts_limit() -> None:
    accumulator = ReplyAccumulator(max_parts=3)
    accumulator.add(Source("s1"))
    accumulator.add(DataPart("x", 1, transient=True))  # live-only: not kept, not counted
    accumulator.add(DataPart("x", 2))
    accumulator.add(Source("s2"))
    with pytest.raises(errors.ResponseTooLargeError, match="more than 3 parts"):
        accumulator.add(Source("s3"))
    result = accumulator.result()
    assert [s.source_id for s in result.sources] == ["s1", "s2"] and len(result.data) == 1


def test_an_endless_number_in_a_part_is_a_protocol_error() -> None:
    decoder = StreamDecoder(Protocol.UI)
    with pytest.raises(errors.StreamProtocolError, match="number too long"):
        decoder.feed(b'data: {"type":"data-x","data":' + b"7" * 5000 + b"}\n\n")


# -- settings ------------------------------------------------------------------------------------


def test_limits_and_deadlines_have_sane_defaults_and_refuse_nonsense() -> None:
    settings = ClientSettings()
    assert settings.limits == ReplyLimits()
    assert settings.limits.max_body_bytes == 64 * 1024 * 1024
    assert settings.header_deadline == settings.idle_timeout
    assert settings.reply_timeout is None
    assert ClientSettings(header_timeout=5).header_deadline == 5
    with pytest.raises(ValueError):
        ReplyLimits(max_parts=0)
    for bad in ({"header_timeout": 0}, {"reply_timeout": -1}, {"json_timeout": 0}):
        with pytest.raises(ValueError):
            ClientSettings(**bad)  # type: ignore[arg-type]


def test_sizes_are_named_as_a_person_reads_them() -> None:
    assert size_text(64 * 1024 * 1024) == "64 MB"
    assert size_text(256 * 1024) == "256 KB"
    assert size_text(1000) == "1,000 bytes"


# -- content types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "text/event-stream",
        "Text/Event-Stream; charset=UTF-8",
        "text/plain; charset=utf-8",
        " TEXT/PLAIN ",
        "application/octet-stream",
        "",
    ],
)
def test_stream_types_pass(content_type: str) -> None:
    check_stream_type(httpx.Headers({"content-type": content_type}), "h")


def test_a_marker_header_wins_over_an_odd_content_type() -> None:
    headers = httpx.Headers({"content-type": "application/json", "X-Vercel-AI-Data-Stream": "v1"})
    check_stream_type(headers, "h")


def test_hostile_content_type_text_is_not_echoed_raw() -> None:
    with pytest.raises(errors.NotTheAPIError) as caught:
        check_stream_type(httpx.Headers({"content-type": "evil/\x1b]52;c;x\x07" + "y" * 200}), "h")
    assert "\x1b" not in caught.value.message and len(caught.value.message) < 300


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/problem+json; charset=utf-8", "", "text/plain"],
)
def test_json_types_pass(content_type: str) -> None:
    check_json_type(httpx.Headers({"content-type": content_type}), "h", "list agents")


# -- bounded inflation ---------------------------------------------------------------------------


async def _pieces(response: httpx.Response, step: int) -> list[int]:
    sizes = []
    async for piece in body_chunks(response, "h", step=step):
        sizes.append(len(piece))
    return sizes


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, gzip"])
def test_inflation_never_makes_a_piece_larger_than_its_step(encoding: str) -> None:
    plain = b"0" * (3 * 1024 * 1024)
    body = plain
    for name in [part.strip() for part in encoding.split(",")]:
        body = gzip.compress(body) if name == "gzip" else zlib.compress(body)
    response = httpx.Response(
        200, headers={"content-encoding": encoding}, stream=ScriptedStream([body[:10], body[10:]])
    )
    sizes = run(_pieces(response, 64 * 1024))
    assert sum(sizes) == len(plain)
    assert max(sizes) == 64 * 1024


def test_bytes_after_the_end_of_a_gzip_body_are_ignored_not_kept() -> None:
    body = gzip.compress(b"hello") + b"junk" * 1000
    response = httpx.Response(
        200, headers={"content-encoding": "gzip"}, stream=ScriptedStream([body[:20], body[20:]])
    )
    assert sum(run(_pieces(response, 1024))) == 5


def test_a_corrupt_gzip_body_is_a_protocol_error() -> None:
    response = httpx.Response(
        200, headers={"content-encoding": "gzip"}, stream=ScriptedStream([b"not gzip at all"])
    )
    with pytest.raises(errors.StreamProtocolError, match="could not be decompressed"):
        run(_pieces(response, 1024))
