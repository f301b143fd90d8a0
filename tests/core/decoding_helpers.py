"""Shared by the decoding tests: decode whole bodies, and check that any split decodes the same."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st

from desktop_app.core.decoding import ReplyAccumulator, StreamDecoder
from desktop_app.core.events import Protocol, StreamEvent, StreamResult
from tests.fixtures.splits import every_split, merge_deltas, one_byte_chunks, random_splits


def decode_chunks(chunks: list[bytes], protocol: Protocol | None) -> list[StreamEvent]:
    """Every event a fresh decoder gives for `chunks`, then for the end of the body."""
    decoder = StreamDecoder(protocol)
    events: list[StreamEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.end())
    return events


def reply_from(body: bytes, protocol: Protocol | None) -> StreamResult:
    """The StreamResult of a whole body."""
    accumulator = ReplyAccumulator(protocol)
    accumulator.add_all(decode_chunks([body], protocol))
    return accumulator.result()


def assert_every_split_decodes_to(
    body: bytes, expected: list[StreamEvent], protocol: Protocol | None
) -> None:
    """Cut once at every boundary, then byte by byte: the merged events are `expected`."""
    for chunks in every_split(body, pairs_up_to=0):
        assert merge_deltas(decode_chunks(chunks, protocol)) == expected, chunks
    assert merge_deltas(decode_chunks(one_byte_chunks(body), protocol)) == expected


def assert_random_splits_agree(
    data: st.DataObject, bodies: Iterable[bytes], protocol: Protocol
) -> None:
    """Each body cut at random decodes as it does whole, in `protocol` and when sniffed."""
    for body in bodies:
        expected = merge_deltas(decode_chunks([body], protocol))
        assert merge_deltas(decode_chunks(data.draw(random_splits(body)), protocol)) == expected
        assert merge_deltas(decode_chunks(data.draw(random_splits(body)), None)) == expected
