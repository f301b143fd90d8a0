"""Typed records: exact time round trips, parts JSON (and damaged JSON), parts from a stream."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.events import Source, StreamResult, ToolCall, ToolPhase
from desktop_app.core.storage import SourceRecord, ToolRecord, parts_from_result
from desktop_app.core.storage.records import (
    from_db_time,
    parts_from_json,
    parts_to_json,
    to_db_time,
)
from desktop_app.core.storage.search import split_highlights


@given(
    st.datetimes(
        min_value=datetime(1971, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5)), UTC]),
    )
)
def test_times_round_trip_exactly_as_utc(value):
    back = from_db_time(to_db_time(value))
    assert back == value
    assert back.tzinfo is UTC


def test_naive_times_are_taken_as_utc():
    assert from_db_time(to_db_time(datetime(2024, 5, 1, 12))) == datetime(
        2024, 5, 1, 12, tzinfo=UTC
    )
    assert from_db_time(None) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@given(
    tool_input=json_values,
    tool_output=json_values,
    title=st.none() | st.text(),
)
def test_parts_round_trip(tool_input, tool_output, title):
    parts = (
        ToolRecord("call-1", "search", "output-available", tool_input, tool_output, None),
        SourceRecord("s-1", url="https://example.com/ü", title=title, media_type="text/html"),
        ToolRecord("call-2", None, "output-error", error_text="boom"),
    )
    assert parts_from_json(parts_to_json(parts)) == parts


def test_damaged_or_unknown_parts_are_skipped():
    assert parts_from_json(None) == ()
    assert parts_from_json("") == ()
    assert parts_from_json("{not json") == ()
    assert parts_from_json('{"type": "tool"}') == ()
    stored = '[{"type": "future-kind"}, 3, {"type": "tool"}, {"type": "source", "source_id": "a"}]'
    assert parts_from_json(stored) == (SourceRecord("a"),)


def test_odd_tool_output_is_stored_as_text_rather_than_failing():
    odd = ToolRecord("c", "t", output={"when": datetime(2024, 1, 1, tzinfo=UTC)})
    (back,) = parts_from_json(parts_to_json([odd]))
    assert back.output == {"when": "2024-01-01 00:00:00+00:00"}


def test_parts_from_a_stream_result():
    result = StreamResult(text="answer")
    result.tools["t1"] = ToolCall(
        "t1", "weather", input={"city": "Lima"}, output={"c": 21}, state=ToolPhase.OUTPUT_AVAILABLE
    )
    result.tools["t2"] = ToolCall(
        "t2", "lookup", input_text='{"q": "par', state=ToolPhase.INPUT_DELTA
    )
    result.sources.append(Source("s1", url="https://example.com", title="Example"))
    assert parts_from_result(result) == (
        ToolRecord("t1", "weather", "output-available", {"city": "Lima"}, {"c": 21}),
        ToolRecord("t2", "lookup", "input-delta", '{"q": "par'),
        SourceRecord("s1", url="https://example.com", title="Example"),
    )


def test_split_highlights_gives_plain_text_and_spans():
    assert split_highlights("a \x02bc\x03 d \x02e\x03") == ("a bc d e", ((2, 4), (7, 8)))
    assert split_highlights("plain") == ("plain", ())
    assert split_highlights("stray \x03end") == ("stray end", ())
