"""Plain text replies: incremental UTF-8, a clean end as success, a cut character as failure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.decoding import ReplyAccumulator, StreamDecoder, protocol_from_headers
from desktop_app.core.events import Finish, Outcome, Protocol, StreamEvent, TextDelta
from tests.core.decoding_helpers import decode_chunks
from tests.fixtures.splits import every_split, one_byte_chunks, random_splits

TEXT_HEADERS = {"content-type": "text/plain; charset=utf-8"}
TEXT = "Hola, ¿qué tal? 漢字 🎉 👩‍👩‍👧"


def run(chunks: list[bytes], protocol: Protocol | None = Protocol.TEXT) -> list[StreamEvent]:
    return decode_chunks(chunks, protocol)


def text_of(events: list[StreamEvent]) -> str:
    return "".join(event.text for event in events if isinstance(event, TextDelta))


def test_plain_text_headers_leave_the_protocol_to_sniffing() -> None:
    assert protocol_from_headers(TEXT_HEADERS) is None


def test_every_split_gives_the_same_text_and_a_finish() -> None:
    body = TEXT.encode()
    for protocol in (Protocol.TEXT, None):
        for chunks in every_split(body, pairs_up_to=0):
            events = run(chunks, protocol)
            assert text_of(events) == TEXT
            assert events[-1] == Finish(None)
        assert text_of(run(one_byte_chunks(body), protocol)) == TEXT


def test_a_split_character_waits_for_its_rest() -> None:
    decoder = StreamDecoder(Protocol.TEXT)
    emoji = "🎉".encode()
    assert decoder.feed(b"a" + emoji[:2]) == [TextDelta("a")]
    assert decoder.feed(emoji[2:3]) == []
    assert decoder.feed(emoji[3:]) == [TextDelta("🎉")]
    assert decoder.end() == [Finish(None)]
    assert decoder.finished


def test_a_body_that_stops_mid_emoji_is_incomplete() -> None:
    body = "Partial answer 👩‍👧".encode()[:-2]  # the recorded failure: cut inside a code point
    decoder = StreamDecoder(Protocol.TEXT)
    events = decoder.feed(body) + decoder.end()
    assert Finish(None) not in events
    assert not decoder.finished
    accumulator = ReplyAccumulator(Protocol.TEXT)
    accumulator.add_all(events)
    error = ConnectionError("gone")
    result = accumulator.result(error)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "Partial answer 👩\u200d"
    assert result.error is error


def test_a_text_reply_that_looks_like_a_data_stream_line() -> None:
    for body in (b"3: the third point\n4: the fourth", b"1:30 pm suits me"):
        events = run([body], None)
        assert text_of(events) == body.decode()
        assert events[-1] == Finish(None)


def test_a_very_short_body_too_short_to_sniff_is_text() -> None:
    decoder = StreamDecoder()
    assert decoder.feed(b"d") == []
    assert decoder.protocol is None
    assert decoder.end() == [TextDelta("d"), Finish(None)]
    assert decoder.protocol is Protocol.TEXT


def test_an_empty_body_is_undecided_and_incomplete() -> None:
    decoder = StreamDecoder()
    assert decoder.end() == []
    assert decoder.protocol is None and not decoder.finished


def test_an_empty_text_body_is_a_clean_end() -> None:
    assert run([], Protocol.TEXT) == [Finish(None)]


def test_a_leading_bom_is_dropped_and_bad_bytes_replaced() -> None:
    assert text_of(run([b"\xef\xbb", b"\xbfhi\xff!"])) == "hi\ufffd!"


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40), data=st.data())
def test_any_text_at_random_splits(text: str, data: st.DataObject) -> None:
    body = text.encode()
    events = run(data.draw(random_splits(body)))
    assert text_of(events) == text.removeprefix("\ufeff")
    assert events[-1] == Finish(None)


def test_end_is_final() -> None:
    decoder = StreamDecoder(Protocol.TEXT)
    decoder.feed(b"hi")
    assert decoder.end() == [Finish(None)]
    assert decoder.end() == []
    assert decoder.feed(b"more") == []
