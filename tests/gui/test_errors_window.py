"""Every failure the window can meet, shown as an actionable sentence (never a traceback)."""

from __future__ import annotations

import pytest

from desktop_app.core.error_text import ErrorAction
from desktop_app.core.models import MessageStatus
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE


@pytest.mark.parametrize(
    ("fault", "phrase", "action", "retry_visible"),
    [
        ("unauthorized", "key was rejected", ErrorAction.EDIT_KEYS, False),
        ("forbidden", "key was rejected", ErrorAction.EDIT_KEYS, False),
        ("no-subscription", "no active AgentsGT subscription", ErrorAction.CHECK_BALANCE, False),
        ("no-credits", "no credits left", ErrorAction.CHECK_BALANCE, False),
        ("not-found", "agent was not found", ErrorAction.EDIT_PROFILE, False),
        ("server-error", "service failed (HTTP 500)", ErrorAction.RETRY, True),
    ],
)
def test_status_errors_show_a_sentence_and_an_action(
    make_window, qloop, emulator, fault, phrase, action, retry_visible
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, f"Hello #fault:{fault}")
    wait_reply(qloop, window)
    reply = last_reply(window)
    assert reply.status is MessageStatus.ERROR
    assert phrase in (reply.error_text or "")
    banner = window.banner
    assert banner.isVisible() and phrase in banner.label.text()
    assert "Traceback" not in banner.label.text()
    assert banner.error is not None and banner.error.action is action
    assert banner.retry_button.isVisible() is retry_visible
    if action not in (ErrorAction.RETRY, ErrorAction.NONE):
        assert banner.action_button.isVisible()


def test_edit_keys_button_opens_the_profile_dialog(make_window, qloop, emulator) -> None:
    window = make_window()
    profile = add_emulator_profile(window, emulator)
    send(window, "Hi #fault:unauthorized")
    wait_reply(qloop, window)
    window.banner.action_button.click()
    dialog = window.profile_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.display_name.text() == profile.display_name
    dialog.close()


def test_check_balance_button_reports_the_balance(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Hi #fault:no-credits")
    wait_reply(qloop, window)
    window.banner.action_button.click()
    run_until(qloop, lambda: "Balance:" in window.banner.label.text(), message="the balance")


def test_server_error_then_retry_succeeds(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    emulator.state.queue_faults(["server-error"])
    send(window, "Hello")
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.ERROR
    window.banner.retry_button.click()
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.COMPLETE
    assert window.banner.isHidden()
    assert len(window.chat.session.messages) == 2


def test_rate_limit_counts_down_and_retries_by_itself(make_window, qloop, emulator_factory) -> None:
    server = emulator_factory(retry_after=1)
    window = make_window()
    add_emulator_profile(window, server)
    server.state.queue_faults(["rate-limit"])
    send(window, "Hello")
    run_until(qloop, lambda: window.banner.counting_down, message="the countdown")
    assert "trying again in 1 second" in window.banner.label.text()
    run_until(qloop, lambda: not window.banner.counting_down, timeout=5, message="the retry")
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.COMPLETE
    chats = [r for r in server.state.requests if "/agents/chat/" in r.path]
    assert len(chats) == 2


@pytest.mark.parametrize(
    ("fault", "status", "phrase"),
    [
        ("error-part", MessageStatus.ERROR, "The agent reported an error"),
        ("abort", MessageStatus.ABORTED, "stopped the reply"),
        ("drop", MessageStatus.INCOMPLETE, "connection dropped"),
        ("no-finish", MessageStatus.INCOMPLETE, "cut off"),
    ],
)
def test_mid_stream_failures_keep_the_text_and_offer_retry(
    make_window, qloop, emulator, fault, status, phrase
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, f"Hello #fault:{fault}")
    wait_reply(qloop, window)
    reply = last_reply(window)
    assert reply.status is status
    assert phrase in (reply.error_text or "")
    assert window.banner.isVisible() and window.banner.retry_button.isVisible()
    window.services.writer.flush(5)
    stored = window.services.database.messages(window.chat.conversation_id)[-1]
    assert stored.status is status


def test_stall_ends_with_an_idle_timeout(make_window, qloop, emulator) -> None:
    window = make_window()
    window.services.idle_timeout_override = 0.5  # the Settings dialog allows 5 s at least
    add_emulator_profile(window, emulator)
    send(window, "Hello #fault:stall")
    wait_reply(qloop, window, timeout=10)
    reply = last_reply(window)
    assert reply.status is MessageStatus.INCOMPLETE
    assert "sent nothing for" in (reply.error_text or "")
    assert window.banner.retry_button.isVisible()


def test_missing_key_asks_for_keys(make_window, qloop, emulator) -> None:
    window = make_window()
    profile = add_emulator_profile(window, emulator)
    window.services.secrets.delete(profile.key_ref)
    send(window, "Hello")
    wait_reply(qloop, window)
    assert "no key" in window.banner.label.text()
    assert window.banner.error is not None
    assert window.banner.error.action is ErrorAction.EDIT_KEYS
