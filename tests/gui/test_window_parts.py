"""Tool calls, reasoning and sources read the same live, after reopening, copied and exported."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app.core.export.collect import collect
from desktop_app.core.export.markdown_format import render_markdown
from desktop_app.core.export.text_format import render_text
from desktop_app.core.models import MessageStatus
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE

CODE_HELPER = 2  # a "rich" demo agent: reasoning, one tool call (search_docs) and one source


def _shown(window) -> str:
    return window.transcript.document().toPlainText()


def test_tools_and_sources_are_the_same_live_reopened_copied_and_exported(
    make_window, qloop, emulator
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator, agent_index=CODE_HELPER)
    send(window, "How do I count words?")
    wait_reply(qloop, window)
    reply = last_reply(window)
    assert reply.status is MessageStatus.COMPLETE
    live = _shown(window)
    # The output part names only the call id: it is matched to its call, never a second "tool".
    assert "Tools: search_docs (done)" in live
    assert "running" not in live and "tool (done)" not in live
    assert "Sources: collections — Container datatypes" in live

    conversation_id = window.chat.conversation_id
    window.services.writer.flush(5)
    window.chat.new_chat()
    assert "search_docs" not in _shown(window)
    window.chat.open_conversation(conversation_id)
    reopened = _shown(window)
    assert "Tools: search_docs (done)" in reopened
    assert "Sources: collections — Container datatypes" in reopened

    window.transcript.copy_message(window.chat.session.last_reply().id)
    copied = QApplication.clipboard().text()
    assert "- `search_docs` (done); input: " in copied
    assert "<https://docs.python.org/3/library/collections.html>" in copied

    database = window.services.database
    document = collect(database, [conversation_id])
    markdown = render_markdown(document)
    assert "- `search_docs` (done)" in markdown and "**Sources:**" in markdown
    text = render_text(document)
    assert "Tool: search_docs (done)" in text
    assert "Source: collections — Container datatypes" in text
