"""The live reply's cost does not grow with the reply: counted, never timed.

A repaint inserts at most a budget of completed blocks, edits only the current chunk frame of
the body, and the end of a reply renders only what was left; a backlog (a flat-out stream)
is shown in slices with the event loop running between them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QTextCursor

from desktop_app.core.markdown_render import split_blocks
from desktop_app.core.models import MessageStatus
from desktop_app.gui.transcript import TranscriptView
from desktop_app.gui.transcript import live as live_module
from desktop_app.gui.transcript.live import CHUNK_CHARS, COMMIT_BUDGET_CHARS
from desktop_app.gui.transcript.throttle import Throttle
from tests.gui.test_transcript_support import lines, reply

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def long_reply(sections: int) -> str:
    """A realistic reply: headings, prose, a list, a table and a code block per section."""
    section = (
        "## Step {n}\n\n"
        "The **service** reads `config.toml`; see [the docs](https://example.com/{n}).\n\n"
        "- install the package\n- create the file\n\n"
        "| Setting | Default |\n|---|---:|\n| workers | {n} |\n\n"
        "```python\nprint('step {n}')\n```\n\n"
    )
    return "".join(section.format(n=n) for n in range(sections))


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


class ChangeLog:
    """Every change Qt reports for the document: (position, characters removed, added)."""

    def __init__(self, view: TranscriptView) -> None:
        self.changes: list[tuple[int, int, int]] = []
        view.document().contentsChange.connect(self._on_change)

    def _on_change(self, position: int, removed: int, added: int) -> None:
        self.changes.append((position, removed, added))

    def take(self) -> list[tuple[int, int, int]]:
        changes, self.changes = self.changes, []
        return changes


def feed_and_repaint(live, text: str, step: int = 40) -> None:
    """Feed `text` in small deltas with a repaint every `step` characters (no timers)."""
    for start in range(0, len(text), step):
        live.append_text(text[start : start + step])
        live._repaint()


def body_blocks_changed(view: TranscriptView, change: tuple[int, int, int]) -> int:
    """How many blocks of the document one reported change spans."""
    position, _removed, added = change
    document = view.document()
    first = document.findBlock(position).blockNumber()
    last = document.findBlock(position + added).blockNumber()
    return last - first + 1


def test_a_repaint_edits_as_much_late_in_a_long_reply_as_early(view, monkeypatch) -> None:
    monkeypatch.setattr(live_module, "CHUNK_CHARS", 3000)  # many chunks from a short text
    text = long_reply(120)  # ~17k characters: many chunk frames
    live = view.start_reply("a1")
    log = ChangeLog(view)
    early_end = 1200
    feed_and_repaint(live, text[:early_end])
    log.take()
    feed_and_repaint(live, text[early_end : early_end + 400])
    early = [body_blocks_changed(view, change) for change in log.take()]
    feed_and_repaint(live, text[early_end + 400 : -400])
    log.take()
    feed_and_repaint(live, text[-400:])
    late = [body_blocks_changed(view, change) for change in log.take()]
    assert live.chunk_count >= 5
    # Same text pattern, same edits: what Qt re-lays out does not grow with the reply.
    assert max(late) <= max(early)
    assert sum(late) <= sum(early) * 1.5


def test_a_repaint_only_changes_the_current_chunk_of_the_body(view, monkeypatch) -> None:
    monkeypatch.setattr(live_module, "CHUNK_CHARS", 3000)  # many chunks from a short text
    text = long_reply(60)
    live = view.start_reply("a1")
    feed_and_repaint(live, text[:-300])
    assert live.chunk_count >= 3
    chunk = live._chunk_frame
    assert chunk is not None
    log = ChangeLog(view)
    feed_and_repaint(live, text[-300:-100])
    changes = log.take()
    assert changes
    for position, _removed, _added in changes:
        assert position >= chunk.firstPosition() - 1, "an earlier, sealed chunk was touched"


def test_chunks_hold_about_chunk_chars_each_and_blocks_are_rendered_once(view) -> None:
    text = long_reply(80)
    live = view.start_reply("a1")
    feed_and_repaint(live, text)
    live.finish(MessageStatus.COMPLETE)
    assert live.settled
    blocks = split_blocks(text)
    longest = max(len(block) for block in blocks)
    assert live.chunk_count <= len(text) // CHUNK_CHARS + 2
    assert live.chunk_count >= len(text) // (CHUNK_CHARS + longest)
    assert live.block_render_counts == Counter(blocks)  # each block once
    assert view.writer.body_write_counts["a1"] == 0, "the body was never rendered whole"


def streamed_view(qtbot, text: str) -> tuple[TranscriptView, object]:
    widget = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    live = widget.start_reply("a1")
    feed_and_repaint(live, text, step=23)
    live.finish(MessageStatus.COMPLETE)
    return widget, live


def test_the_chunked_body_reads_like_the_same_reply_rendered_at_once(qtbot) -> None:
    text = long_reply(40)
    chunked, live = streamed_view(qtbot, text)
    assert live.chunk_count >= 2
    reference = TranscriptView()
    qtbot.addWidget(reference)
    reference.set_messages([reply("a1", text)])
    assert lines(chunked.message_plain_text("a1")) == lines(reference.message_plain_text("a1"))


def test_chunk_frames_add_no_visible_space(qtbot, monkeypatch) -> None:
    text = long_reply(40)
    chunked, live = streamed_view(qtbot, text)
    monkeypatch.setattr(live_module, "CHUNK_CHARS", 10**9)
    whole, one = streamed_view(qtbot, text)
    assert live.chunk_count >= 2 and one.chunk_count == 1
    assert chunked.document().size().height() == pytest.approx(
        whole.document().size().height(), abs=4
    )


def test_the_end_of_a_reply_renders_only_what_was_left(view) -> None:
    text = long_reply(30)
    live = view.start_reply("a1")
    feed_and_repaint(live, text + "A last paragraph, still being writ")
    rendered_before = sum(live.block_render_counts.values())
    parses_before = view.writer.parser.parse_count
    log = ChangeLog(view)
    live.finish(MessageStatus.COMPLETE)
    assert live.settled
    assert sum(live.block_render_counts.values()) == rendered_before + 1  # the last block
    # The last block, the footer and the header: a handful of parses, whatever the length.
    assert view.writer.parser.parse_count - parses_before <= 4
    body = view._entries["a1"].frames.body
    for position, removed, added in log.take():
        # No change covers the body from its start: the header is an edit block of its own.
        assert not (position <= body.firstPosition() and position + added >= body.lastPosition())
        assert removed < 2000 and added < 2000


def test_a_backlog_is_shown_in_budgeted_slices(qtbot, view) -> None:
    text = long_reply(60)  # arrives all at once, as flat out
    live = view.start_reply("a1")
    rendered: list[int] = []
    original = live._commit_slice

    def counted_slice() -> None:
        before = Counter(live.block_render_counts)
        original()
        rendered.append(sum(len(b) * n for b, n in (live.block_render_counts - before).items()))

    live._commit_slice = counted_slice
    live.append_text(text)
    qtbot.waitUntil(lambda: not live._new_blocks, timeout=5000)
    longest = max(len(block) for block in split_blocks(text))
    assert len(rendered) >= len(text) // (COMMIT_BUDGET_CHARS + longest)
    assert max(rendered) < COMMIT_BUDGET_CHARS + longest
    assert live.backlog_slices >= len(rendered) - 1


def test_a_large_backlog_at_finish_settles_in_slices(qtbot, view) -> None:
    text = long_reply(60)
    live = view.start_reply("a1")
    live.append_text(text)
    repaints = live.repaint_count
    live.finish(MessageStatus.COMPLETE)
    assert live.finished
    # The end of the stream (the reply's task) renders nothing itself: the slices run from
    # the event loop, so that task's turn is not a slice longer.
    assert live.repaint_count == repaints
    assert not live.settled, "a backlog many budgets long is not shown in one go"
    assert view.message_markdown("a1") == text  # the text is complete meanwhile
    qtbot.waitUntil(lambda: live.settled, timeout=5000)
    assert live.backlog_slices >= len(text) // (2 * COMMIT_BUDGET_CHARS)
    assert "Step 59" in view.message_plain_text("a1")
    assert view._entries["a1"].live is None
    assert live.block_render_counts == Counter(split_blocks(text))  # each block once


def test_replacing_a_reply_still_being_shown_renders_it_whole(qtbot, view) -> None:
    text = long_reply(60)
    live = view.start_reply("a1")
    live.append_text(text)
    live.finish(MessageStatus.COMPLETE)
    assert not live.settled
    view.update_message(reply("a1", text))
    assert live.finished and live.settled  # cancelled: it paints no more
    assert "Step 59" in view.message_plain_text("a1")
    assert view.writer.body_write_counts["a1"] == 1
    qtbot.wait(30)
    assert view.message_plain_text("a1").count("Step 59") == 1


def test_removing_a_reply_still_being_shown_stops_it(qtbot, view) -> None:
    live = view.start_reply("a1")
    live.append_text(long_reply(60))
    live.finish(MessageStatus.COMPLETE)
    view.remove_messages_from("a1")
    qtbot.wait(30)  # a scheduled slice must not touch the removed message
    assert live.settled
    assert view.conversation_markdown() == ""
    assert QTextCursor(view.document()).document().toPlainText().strip() == ""


def test_hurry_calls_at_once_then_the_interval_applies_again(qtbot, view) -> None:
    calls: list[int] = []
    throttle = Throttle(lambda: calls.append(1), 10_000, view)
    throttle.hurry()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    throttle.trigger()
    assert throttle.pending
    qtbot.wait(30)
    assert calls == [1], "after a hurry, a trigger waits the whole interval again"
    throttle.cancel()


def test_chunk_frames_are_grouped_so_no_frame_gets_many_children(qtbot, view, monkeypatch) -> None:
    monkeypatch.setattr(live_module, "CHUNK_CHARS", 3000)  # many chunks from a short text
    from desktop_app.gui.transcript.live import CHUNKS_PER_GROUP

    text = long_reply(1000)
    live = view.start_reply("a1")
    live.append_text(text)
    live.finish(MessageStatus.COMPLETE)
    qtbot.waitUntil(lambda: live.settled, timeout=30000)
    assert live.chunk_count > 2 * CHUNKS_PER_GROUP  # long enough to need several groups
    body = view._entries["a1"].frames.body
    groups = body.childFrames()
    assert len(groups) == -(-live.chunk_count // CHUNKS_PER_GROUP)
    assert all(len(group.childFrames()) <= CHUNKS_PER_GROUP for group in groups)
    assert sum(len(group.childFrames()) for group in groups) == live.chunk_count
    assert "Step 999" in view.message_plain_text("a1")
