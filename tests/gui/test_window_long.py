"""Long conversations in the real window: newest page first, older on scroll-up, search hits."""

from __future__ import annotations

import pytest

from desktop_app.core.models import MessageStatus, Role
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE, add_emulator_profile, send, wait_reply

pytestmark = OFFSCREEN_NOISE

MESSAGES = 400
PAGE = 20
FAR_POSITION = 10  # more than NEAR_HIT (300) before the newest page (positions 380-399)
NEAR_POSITION = 250


def _text(position: int) -> str:
    # A few paragraphs each, so one page is taller than the window.
    body = "\n\n".join(f"Paragraph {n} of message {position}." for n in range(4))
    return f"{body}\n\nmarker{position}word"


@pytest.fixture
def long_window(make_window, emulator):
    """A window with a 400-message conversation open, pages of 20."""
    window = make_window()
    profile = add_emulator_profile(window, emulator)
    database = window.services.database
    conversation = database.create_conversation(profile.id, "Long one")
    with database.transaction():
        for position in range(MESSAGES):
            role = Role.USER if position % 2 == 0 else Role.ASSISTANT
            database.add_message(conversation.id, role, _text(position))
    window.chat.pages.first_page = PAGE
    window.chat.pages.older_page = PAGE
    window.conversations.refresh()
    window.chat.open_conversation(conversation.id)
    return window


def _ids(window) -> dict[int, str]:
    database = window.services.database
    return {m.position: str(m.id) for m in database.messages(window.chat.conversation_id)}


def _choose_search_result(qloop, window, word: str) -> None:
    dialog = window.open_search()
    dialog.query_edit.setText(word)
    run_until(qloop, lambda: dialog.hits() and not dialog.searching, message="search results")
    dialog.results.setCurrentRow(0)
    assert dialog.choose_current()


def _scroll(window, where: str) -> None:
    bar = window.transcript.browser.verticalScrollBar()
    bar.setValue(bar.minimum() if where == "top" else bar.maximum())


def test_open_shows_the_newest_page_and_scrolling_up_loads_older(long_window, qloop) -> None:
    window = long_window
    ids = _ids(window)
    assert len(window.chat.session.messages) == MESSAGES  # the session has every message
    assert window.transcript.message_count() == PAGE
    assert window.transcript.has_message(ids[MESSAGES - 1])
    assert not window.transcript.has_message(ids[MESSAGES - PAGE - 1])
    _scroll(window, "top")
    run_until(qloop, lambda: window.transcript.message_count() >= 2 * PAGE, message="older page")
    assert window.transcript.has_message(ids[MESSAGES - 2 * PAGE])
    assert window.transcript.has_message(ids[MESSAGES - 1])
    assert window.far_page_bar.isHidden()


def test_far_search_hit_opens_around_it_then_newer_pages_and_jump_to_latest(
    long_window, qloop
) -> None:
    window = long_window
    ids = _ids(window)
    window.actions_.new_chat.trigger()  # the hit's conversation is opened again from search
    _choose_search_result(qloop, window, f"marker{FAR_POSITION}word")
    transcript = window.transcript
    assert transcript.has_message(ids[FAR_POSITION])
    assert not transcript.has_message(ids[MESSAGES - 1])
    assert transcript.message_count() == PAGE
    assert not window.far_page_bar.isHidden()
    # The hit is pointed out: its matched text is selected (so Find goes on from there).
    assert transcript.browser.textCursor().selectedText() == f"marker{FAR_POSITION}word"
    newest_before = max(p for p, i in ids.items() if transcript.has_message(i))
    _scroll(window, "bottom")
    run_until(
        qloop,
        lambda: transcript.has_message(ids[newest_before + PAGE]),
        message="a newer page on scrolling down",
    )
    assert transcript.has_message(ids[FAR_POSITION])  # added below, nothing replaced
    window.jump_latest_button.click()
    assert window.far_page_bar.isHidden()
    assert transcript.message_count() == PAGE
    assert transcript.has_message(ids[MESSAGES - 1])


def test_near_search_hit_in_the_open_conversation_prepends_and_scrolls(long_window, qloop) -> None:
    window = long_window
    ids = _ids(window)
    _choose_search_result(qloop, window, f"marker{NEAR_POSITION}word")
    transcript = window.transcript
    # Everything from just before the hit to the end is shown; no page jump.
    assert transcript.has_message(ids[NEAR_POSITION])
    assert transcript.has_message(ids[MESSAGES - 1])
    assert transcript.message_count() > MESSAGES - NEAR_POSITION - 1
    assert window.far_page_bar.isHidden()
    assert transcript.browser.textCursor().selectedText() == f"marker{NEAR_POSITION}word"
    assert not transcript.following  # the reader is at the hit, not at the end


def test_sending_while_a_far_page_is_shown_jumps_to_the_latest(long_window, qloop) -> None:
    window = long_window
    ids = _ids(window)
    _choose_search_result(qloop, window, f"marker{FAR_POSITION}word")
    assert not window.far_page_bar.isHidden()
    send(window, "A new question at the end")
    wait_reply(qloop, window)
    assert window.far_page_bar.isHidden()
    transcript = window.transcript
    assert not transcript.has_message(ids[FAR_POSITION])
    assert transcript.has_message(ids[MESSAGES - 1])
    reply = window.chat.session.last_reply()
    assert reply is not None and reply.status is MessageStatus.COMPLETE
    assert transcript.message_plain_text(reply.id).strip()
    stored = window.services.database.messages(window.chat.conversation_id)
    assert len(stored) == MESSAGES + 2 and stored[-2].text == "A new question at the end"


def test_editing_a_message_before_the_shown_page_shows_the_new_end(long_window, qloop) -> None:
    window = long_window
    ids = _ids(window)
    _choose_search_result(qloop, window, f"marker{FAR_POSITION}word")
    edited = ids[FAR_POSITION]  # an even position: the person's own message
    window.start_edit(edited)
    window.composer.editor.setPlainText("Edited far back")
    window.composer.send_button.click()
    wait_reply(qloop, window)
    transcript = window.transcript
    session = window.chat.session.messages
    assert len(session) == FAR_POSITION + 2
    assert session[-2].text == "Edited far back" and session[-2].role is Role.USER
    # The transcript shows the conversation's new end, and nothing that was cut away.
    assert transcript.has_message(session[-1].id) and transcript.has_message(session[-2].id)
    # (Text, not ids: storage may give the new messages the ids of the ones cut away.)
    shown = transcript.document().toPlainText()
    assert f"marker{FAR_POSITION + 1}word" not in shown and f"marker{MESSAGES - 1}word" not in shown
    assert transcript.message_count() == len(session)
    assert window.far_page_bar.isHidden()
    stored = window.services.database.messages(window.chat.conversation_id)
    assert [m.text for m in stored][-2] == "Edited far back" and len(stored) == FAR_POSITION + 2
