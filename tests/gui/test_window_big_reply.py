"""A reply of any size: a 1 MB single line is saved whole and shown in bounded pieces."""

from __future__ import annotations

from desktop_app.core.markdown_render import MAX_BLOCK_CHARS
from desktop_app.core.models import MessageStatus
from tests.fixtures.qt import run_until
from tests.fixtures.scripted_server import ScriptedReplyServer
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE

ONE_LINE = "word " * 200_000  # 1,000,000 characters, no line break


def _deltas(text: str, size: int) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text), size)]


def test_a_one_megabyte_single_line_reply_is_saved_and_shown(make_window, qloop) -> None:
    window = make_window()
    with ScriptedReplyServer(_deltas(ONE_LINE, 2000), per_write=25) as server:
        add_emulator_profile(window, server)
        send(window, "Write one very long line")
        wait_reply(qloop, window, timeout=60)

    reply = last_reply(window)
    assert reply.status is MessageStatus.COMPLETE and reply.text == ONE_LINE
    # Saved before it was shown: the history has it whole as soon as the reply ended.
    window.services.writer.flush(5)
    stored = window.services.database.messages(window.chat.conversation_id)[-1]
    assert (stored.status, len(stored.text)) == (MessageStatus.COMPLETE, len(ONE_LINE))

    entry = window.transcript._entries[reply.id]
    if entry.live is not None:  # still showing its last slices: let them in
        live = entry.live
        run_until(qloop, lambda: live.settled, timeout=60, message="the reply to be shown")
        # Never one piece larger than a block: each was laid out in a bounded time.
        assert max(len(block) for block in live.block_render_counts) <= MAX_BLOCK_CHARS
    shown = window.transcript.message_plain_text(reply.id)
    assert shown.split() == ONE_LINE.split()
