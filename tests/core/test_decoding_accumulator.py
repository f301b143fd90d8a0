"""ReplyAccumulator: the outcome precedence and every field of a StreamResult."""

from __future__ import annotations

import pytest

from desktop_app.core.decoding import ReplyAccumulator
from desktop_app.core.errors import APIConnectionError
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
    TextDelta,
    ToolActivity,
    ToolPhase,
    Usage,
)

TEXT = [TextDelta("Hello, "), TextDelta("world")]


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ([], Outcome.INCOMPLETE),
        ([Finish("stop")], Outcome.COMPLETED),
        ([Abort()], Outcome.ABORTED),
        ([Abort(), Finish(None)], Outcome.ABORTED),
        ([ModelError("boom")], Outcome.ERROR),
        ([ModelError("boom"), Finish("error")], Outcome.ERROR),
        ([ModelError("boom"), Abort("x"), Finish(None)], Outcome.ERROR),
        ([Finish("stop"), Abort()], Outcome.ABORTED),
    ],
)
def test_outcome_precedence_and_text_kept(ending: list[StreamEvent], outcome: Outcome) -> None:
    accumulator = ReplyAccumulator(Protocol.UI)
    accumulator.add_all([*TEXT, *ending])
    result = accumulator.result()
    assert result.outcome is outcome
    assert result.text == "Hello, world"
    assert result.protocol is Protocol.UI


def test_transport_error_is_kept_only_when_incomplete() -> None:
    error = APIConnectionError("The connection dropped.")
    incomplete = ReplyAccumulator()
    incomplete.add_all(TEXT)
    result = incomplete.result(error)
    assert (result.outcome, result.error, result.text) == (
        Outcome.INCOMPLETE,
        error,
        "Hello, world",
    )
    completed = ReplyAccumulator()
    completed.add_all([*TEXT, Finish("stop")])
    assert completed.result(error).error is None
    assert ReplyAccumulator().result().error is None


def test_error_fields() -> None:
    accumulator = ReplyAccumulator()
    accumulator.add_all([ModelError("first"), ModelError("second"), Abort("user")])
    result = accumulator.result()
    assert result.error_text == "first\nsecond"
    assert result.abort_reason == "user"


def test_finish_reason_and_usage() -> None:
    accumulator = ReplyAccumulator()
    accumulator.add_all(
        [
            StepFinish("tool-calls", Usage(10, 2)),
            StepFinish("stop", Usage(15, 4)),
            Finish(None),
        ]
    )
    result = accumulator.result()
    assert result.finish_reason is None
    assert result.usage == Usage(25, 6)  # summed steps when the finish has no usage
    accumulator.add(Finish("stop", Usage(30, 7)))
    result = accumulator.result()
    assert (result.finish_reason, result.usage) == ("stop", Usage(30, 7))


def test_message_id_metadata_tools_sources_files_data() -> None:
    accumulator = ReplyAccumulator()
    accumulator.add_all(
        [
            DataPart("progress", 50, transient=True),
            MessageStart("m1", {"a": 1}),
            MessageStart("m2"),
            MessageMetadata({"b": 2}),
            ReasoningDelta("think"),
            ToolActivity("c1", ToolPhase.INPUT_START, tool_name="search"),
            ToolActivity("c1", ToolPhase.INPUT_DELTA, input_text_delta='{"q":'),
            ToolActivity("c1", ToolPhase.INPUT_DELTA, input_text_delta="1}"),
            ToolActivity("c1", ToolPhase.INPUT_AVAILABLE, input={"q": 1}),
            ToolActivity("c1", ToolPhase.OUTPUT_ERROR, error_text="down"),
            Source("s1", url="https://e.com"),
            FilePart("text/plain", url="data:,hi"),
            DataPart("weather", {"t": 20}, "w1"),
            MessageMetadata({"a": 3}),
        ]
    )
    result = accumulator.result()
    assert result.message_id == "m1"
    assert result.metadata == {"a": 3, "b": 2}
    assert result.reasoning == "think"
    call = result.tools["c1"]
    assert (call.tool_name, call.input_text, call.input) == ("search", '{"q":1}', {"q": 1})
    assert (call.error_text, call.state) == ("down", ToolPhase.OUTPUT_ERROR)
    assert result.sources == [Source("s1", url="https://e.com")]
    assert result.files == [FilePart("text/plain", url="data:,hi")]
    assert result.data == [DataPart("weather", {"t": 20}, "w1")]


def test_results_are_snapshots() -> None:
    accumulator = ReplyAccumulator()
    accumulator.add(ToolActivity("c1", ToolPhase.INPUT_START, tool_name="t"))
    first = accumulator.result()
    accumulator.add_all(
        [TextDelta("more"), ToolActivity("c1", ToolPhase.INPUT_DELTA, input_text_delta="x")]
    )
    assert first.text == "" and first.tools["c1"].input_text == ""
    assert accumulator.text == "more"


def test_many_deltas_join_once() -> None:
    accumulator = ReplyAccumulator()
    accumulator.add_all(TextDelta("x") for _ in range(200_000))
    assert len(accumulator.result().text) == 200_000
