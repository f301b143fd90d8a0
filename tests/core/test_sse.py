"""The SSE decoder follows the WHATWG event-stream rules however the bytes are chunked."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.sse import ServerSentEvent, SSEDecoder
from tests.fixtures.splits import every_split, one_byte_chunks, random_splits

E = ServerSentEvent


def decode(chunks: list[bytes]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.end())
    return events


def decode_data(chunks: list[bytes]) -> list[str]:
    decoder = SSEDecoder()
    payloads: list[str] = []
    for chunk in chunks:
        payloads.extend(decoder.feed_data(chunk))
    decoder.end()
    return payloads


# (name, body, expected events): each one rule of the spec.
CASES: list[tuple[str, bytes, list[ServerSentEvent]]] = [
    ("lf", b"data: a\n\ndata: b\n\n", [E(data="a"), E(data="b")]),
    ("crlf", b"data: a\r\n\r\ndata: b\r\n\r\n", [E(data="a"), E(data="b")]),
    ("cr", b"data: a\r\rdata: b\r\r", [E(data="a"), E(data="b")]),
    ("mixed line ends", b"data: a\r\ndata: b\rdata: c\n\r\n", [E(data="a\nb\nc")]),
    ("cr then lf is one line end", b"data: a\r\n\ndata: b\n\r\r\n", [E(data="a"), E(data="b")]),
    ("bom skipped", b"\xef\xbb\xbfdata: a\n\n", [E(data="a")]),
    ("only one bom skipped", b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n", [E(data="b")]),
    ("comment ignored", b": keep-alive\n\ndata: a\n: inside\n\n", [E(data="a")]),
    ("comment only", b": stream-open\n\n: keep-alive\n\n", []),
    ("event type", b"event: add\ndata: 1\n\ndata: 2\n\n", [E("add", "1"), E(data="2")]),
    ("empty event type is message", b"event\ndata: 1\n\n", [E(data="1")]),
    ("several data lines", b"data: YHOO\ndata: +2\ndata: 10\n\n", [E(data="YHOO\n+2\n10")]),
    ("no space after colon", b"data:test\n\ndata: test\n\n", [E(data="test"), E(data="test")]),
    ("only one space stripped", b"data:  two\n\n", [E(data=" two")]),
    ("no colon: empty value", b"data\n\ndata\ndata\n\n", [E(data=""), E(data="\n")]),
    ("colon in value kept", b"data: a: b:c\n\n", [E(data="a: b:c")]),
    ("empty data buffer not dispatched", b"event: x\n\nid: 1\n\n\n\n", []),
    ("unterminated event discarded", b"data: a\n\ndata: b\n", [E(data="a")]),
    ("unterminated line discarded", b"data: a\n\ndata: b", [E(data="a")]),
    ("unknown field ignored", b"foo: bar\ndata: a\nDATA: b\n\n", [E(data="a")]),
    ("field name is case-sensitive", b"Data: a\n\n", []),
    (
        "id persists",
        b"id: 1\ndata: a\n\ndata: b\n\n",
        [E(data="a", id="1"), E(data="b", id="1")],
    ),
    (
        "id reset by empty id",
        b"id: 1\ndata: a\n\nid\ndata: b\n\n",
        [E(data="a", id="1"), E(data="b", id="")],
    ),
    ("id only block keeps id", b"id: 7\n\ndata: a\n\n", [E(data="a", id="7")]),
    (
        "id with nul ignored",
        b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n",
        [E(data="a", id="1"), E(data="b", id="1")],
    ),
    (
        "retry digits",
        b"retry: 1500\ndata: a\n\ndata: b\n\n",
        [E(data="a", retry=1500), E(data="b")],
    ),
    (
        "retry not digits ignored",
        b"retry: 15s\ndata: a\n\nretry: -1\nretry: 1.5\nretry\ndata: b\n\n",
        [E(data="a"), E(data="b")],
    ),
    ("retry unicode digits ignored", "retry: ١٢\ndata: a\n\n".encode(), [E(data="a")]),
    ("utf8", "data: héllo ✓ 漢字 🎉\n\n".encode(), [E(data="héllo ✓ 漢字 🎉")]),
    ("invalid utf8 replaced", b"data: a\xffb\n\n", [E(data="a\ufffdb")]),
    ("leading blank lines", b"\n\n\r\ndata: a\n\n", [E(data="a")]),
    (
        "ai sdk frame",
        b'data: {"type":"text-delta","id":"t1","delta":"x"}\n\n',
        [E(data='{"type":"text-delta","id":"t1","delta":"x"}')],
    ),
    (
        "whatwg example",
        b": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\n"
        b"data:  third event\n\n",
        [
            E(data="first event", id="1"),
            E(data="second event", id=""),
            E(data=" third event", id=""),
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_holds_at_every_split(body: bytes, expected: list[ServerSentEvent]) -> None:
    for chunks in every_split(body):
        assert decode(chunks) == expected, chunks
    assert decode(one_byte_chunks(body)) == expected


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_feed_data_matches_feed(body: bytes, expected: list[ServerSentEvent]) -> None:
    want = [event.data for event in expected]
    for chunks in every_split(body, pairs_up_to=0):
        assert decode_data(chunks) == want, chunks


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_rules_hold_at_random_splits(data: st.DataObject) -> None:
    for _, body, expected in CASES:
        assert decode(data.draw(random_splits(body))) == expected


def test_empty_chunks_are_harmless() -> None:
    assert decode([b"", b"data: a", b"", b"\n", b"", b"\n", b""]) == [E(data="a")]


def test_events_are_returned_by_the_chunk_that_completes_them() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n") == []
    assert decoder.feed(b"\ndata: b\n\ndata: c") == [E(data="a"), E(data="b")]
    assert decoder.has_partial_event()
    assert decoder.feed(b"\n\n") == [E(data="c")]
    assert not decoder.has_partial_event()


def test_cr_at_chunk_end_dispatches_at_once() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r\r") == [E(data="a")]
    # The LF that follows pairs with the last CR: it is not another blank line.
    assert decoder.feed(b"\ndata: b\r\n\r\n") == [E(data="b")]


def test_end_discards_a_half_event_and_the_decoder_reports_state() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"id: 9\nretry: 250\ndata: half\n")
    assert decoder.end() == []
    assert decoder.last_event_id == "9"
    assert decoder.retry == 250
    assert not decoder.has_partial_event()


def test_a_one_megabyte_line_in_small_chunks() -> None:
    payload = b"y" * 1_000_000
    body = b"data: " + payload + b"\n\n"
    chunks = [body[index : index + 1000] for index in range(0, len(body), 1000)]
    (event,) = decode(chunks)
    assert len(event.data) == 1_000_000


def test_a_split_inside_every_utf8_sequence() -> None:
    text = "é✓漢🎉" * 3
    body = f"data: {text}\n\n".encode()
    for chunks in every_split(body, pairs_up_to=0):
        assert decode(chunks) == [E(data=text)]


def test_many_frames_in_one_chunk_take_the_fast_path_exactly() -> None:
    frames = b"".join(b"data: %d\n\n" % index for index in range(1000))
    assert decode_data([frames]) == [str(index) for index in range(1000)]
    mixed = frames + b": ping\n\nevent: e\ndata: x\n\n" + frames
    events = decode([mixed[:7000], mixed[7000:]])
    assert len(events) == 2001 and events[1000] == E("e", "x")


# -- a property test against a reference written straight from the spec text ----------------

_REFERENCE_LINE_END = re.compile(r"\r\n|\r|\n")


def reference(body: bytes) -> list[ServerSentEvent]:
    """A slow, obviously-correct WHATWG interpreter of a whole body."""
    text = body.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _REFERENCE_LINE_END.split(text)
    lines.pop()  # the last piece is unterminated: discarded
    events, data, event_type, last_id, retry = [], "", "", None, None
    for line in lines:
        if line == "":
            if data:
                events.append(E(event_type or "message", data[:-1], last_id, retry))
            data, event_type, retry = "", "", None
            continue
        if line.startswith(":"):
            continue
        if ":" in line:
            name, value = line.split(":", 1)
            value = value.removeprefix(" ")
        else:
            name, value = line, ""
        if name == "event":
            event_type = value
        elif name == "data":
            data += value + "\n"
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value and all("0" <= c <= "9" for c in value):
            retry = int(value)
    return events


_NO_LINE_END = st.characters(exclude_characters="\r\n")
_line = st.one_of(
    st.sampled_from(["", ": c", "data", "data:", "event: e", "id", "id: 4", "retry: 9", "x: y"]),
    st.builds(
        # codec="utf-8": a body is UTF-8 bytes, so it cannot hold an unpaired surrogate.
        lambda v: "data: " + v,
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=8),
    ),
    st.builds(lambda v: "data:" + v, st.sampled_from(["{}", " x", "  y", "é🎉"])),
)
_line_end = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"])


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.tuples(_line, _line_end), max_size=20),
    bom=st.booleans(),
    data=st.data(),
)
def test_random_streams_match_the_reference(lines, bom, data) -> None:  # type: ignore[no-untyped-def]
    body = ("\ufeff" if bom else "") + "".join(line + end for line, end in lines)
    raw = body.encode()
    expected = reference(raw)
    assert decode([raw]) == expected
    assert decode(data.draw(random_splits(raw))) == expected


def test_one_frame_per_chunk_keeps_the_stream_state() -> None:
    # A server that flushes every frame hands over chunks that are exactly one frame each.
    decoder = SSEDecoder()
    assert decoder.feed(b"\xef\xbb\xbf") == []
    assert decoder.feed(b"data: a\n\n") == [E(data="a")]
    assert decoder.feed(b"id: 5\n\n") == []
    assert decoder.feed(b"data: b\n\n") == [E(data="b", id="5")]
    assert decoder.feed(b"event: x\n") == []
    assert decoder.feed(b"data: c\n\n") == [E("x", "c", "5")]
    assert decoder.feed(b"data: d\r") == []
    assert decoder.feed(b"\n") == []  # the LF pairs with the CR: not a blank line
    assert decoder.feed(b"data: e\n\n") == [E(data="d\ne", id="5")]
    assert decoder.feed_data(b"data: f\n\n") == ["f"]
