"""Storage faults in the window: a locked history during a chat; unwritable or damaged at start."""

from __future__ import annotations

import shutil
import sqlite3
import threading

import pytest

from desktop_app.app import (
    HistoryCheck,
    build_services,
    discard_services,
    open_services,
    shutdown,
)
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.paths import app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.secrets import SecretStore
from desktop_app.core.storage import Database, StreamingWriter
from desktop_app.core.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    SchemaTooNewError,
)
from desktop_app.gui.main_window import MainWindow
from tests.fixtures.qt import loop_settle, run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = [
    OFFSCREEN_NOISE,
    # The controller logs each failed save (expected here).
    pytest.mark.qt_log_ignore("history not saved"),
]

HISTORY_NOT_SAVED = "History can't be saved"
AGENT = "123e4567-e89b-12d3-a456-426614174000"


def _use_quick_failing_storage(window) -> None:
    """Reopen the window's history with a 50 ms busy timeout (a lock fails fast, not in 5 s)."""
    services = window.services
    path = services.database.path
    services.writer.close()
    services.database.close()
    services.database = Database.open(path, busy_timeout=0.05)
    services.writer = StreamingWriter(
        path, interval=0.05, busy_timeout=0.05, on_error=services.storage_faults
    )


def _hold_write_lock(path) -> sqlite3.Connection:
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    return other


def test_a_locked_history_during_a_chat_loses_nothing(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Saved before the lock")
    wait_reply(qloop, window)
    conversation_id = window.chat.conversation_id
    _use_quick_failing_storage(window)
    window.chat.conversation_id = None
    window.chat.open_conversation(conversation_id)
    before = [m.text for m in window.services.database.messages(conversation_id)]
    lock = _hold_write_lock(window.services.database.path)
    try:
        send(window, "Sent during the lock")
        wait_reply(qloop, window)
        # The banner says so; the message and the streamed reply are in the window anyway.
        assert window.storage_banner.isVisible()
        assert HISTORY_NOT_SAVED in window.storage_banner.label.text()
        assert "locked" in window.storage_banner.label.text()
        reply = last_reply(window)
        assert reply.status is MessageStatus.COMPLETE and reply.text
        shown = window.transcript.document().toPlainText()
        assert "Sent during the lock" in shown
        assert window.transcript.message_plain_text(reply.id).strip()
        assert window.chat.session.messages[-2].text == "Sent during the lock"
        assert not window.banner.isVisible()  # the chat itself did not fail
    finally:
        lock.rollback()
        lock.close()
    # The fault cleared: what was stored before is intact, and new messages are saved again.
    stored = [m.text for m in window.services.database.messages(conversation_id)]
    assert stored == before
    send(window, "Saved after the lock")
    wait_reply(qloop, window)
    window.services.writer.flush(5)
    stored = window.services.database.messages(conversation_id)
    assert [m.text for m in stored][: len(before)] == before
    assert stored[-2].text == "Saved after the lock"
    assert stored[-1].status is MessageStatus.COMPLETE and stored[-1].text
    assert len(window.chat.session.messages) == len(before) + 4  # the unsaved pair is kept


def test_a_new_chat_whose_conversation_cannot_be_created_still_streams(
    make_window, qloop, emulator
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    window.actions_.new_chat.trigger()
    _use_quick_failing_storage(window)
    lock = _hold_write_lock(window.services.database.path)
    try:
        send(window, "Nothing can be saved")
        wait_reply(qloop, window)
        assert window.storage_banner.isVisible()
        assert window.chat.conversation_id is None
        assert last_reply(window).status is MessageStatus.COMPLETE
        assert "Nothing can be saved" in window.transcript.document().toPlainText()
    finally:
        lock.rollback()
        lock.close()


def test_the_streaming_writer_failing_shows_the_banner(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "A reply to save")
    wait_reply(qloop, window)
    _use_quick_failing_storage(window)
    reply_id = int(last_reply(window).id)
    writer = window.services.writer
    lock = _hold_write_lock(window.services.database.path)
    try:
        writer.begin(reply_id)
        writer.update(reply_id, "grown text")  # written on the writer's thread: it fails
        run_until(qloop, window.storage_banner.isVisible, message="the history banner")
        assert HISTORY_NOT_SAVED in window.storage_banner.label.text()
        assert isinstance(writer.last_error, DatabaseLockedError)
    finally:
        lock.rollback()
        lock.close()
    assert writer.flush(5)  # retried once the lock is gone
    assert window.services.database.get_message(reply_id).text == "grown text"


def test_the_relay_hops_to_the_gui_thread(make_window, qloop) -> None:
    window = make_window()
    worker = threading.Thread(
        target=window.services.storage_faults, args=(DatabaseLockedError("busy"),)
    )
    worker.start()
    worker.join()
    run_until(qloop, window.storage_banner.isVisible, message="the history banner")


@pytest.fixture
def unwritable_history():
    """The app's history path is a folder: SQLite cannot open it (read-only, even for root)."""
    paths = app_paths().ensure()
    paths.database_path.mkdir(parents=True)
    return paths


def _start_window(services, memory_keyring):
    services.secrets = SecretStore(memory_keyring)
    window = MainWindow(services, link_opener=lambda url: None)
    window.show()
    window.start()
    return window


def _close_window(qloop, window, temporary) -> None:
    qloop.run_until_complete(shutdown(window, window.services))
    window.close()
    window.deleteLater()
    shutil.rmtree(temporary, ignore_errors=True)


def test_start_with_an_unwritable_history_offers_a_temporary_one(
    unwritable_history, qloop, qtbot, memory_keyring, emulator
) -> None:
    paths = unwritable_history
    services, temporary = open_services(paths)
    assert temporary is not None and services.storage_problem is not None
    window = _start_window(services, memory_keyring)
    loop_settle(qloop, window)
    try:
        assert window.storage_dialog is not None and window.storage_dialog.isVisible()
        assert "Cannot read the history database" in window.storage_dialog.text()
        assert window.storage_banner.isVisible()
        text = window.storage_banner.label.text()
        assert text.startswith(HISTORY_NOT_SAVED) and "export them to keep them" in text
        window.storage_dialog.defaultButton().click()  # keep working
        assert window.isVisible()
        add_emulator_profile(window, emulator)
        send(window, "Kept for this session")
        wait_reply(qloop, window)
        assert last_reply(window).status is MessageStatus.COMPLETE
        assert window.services.database.messages(window.chat.conversation_id)
        assert paths.database_path.is_dir() and not any(paths.database_path.iterdir())
    finally:
        _close_window(qloop, window, temporary)


def _damage_middle_pages(path) -> bytes:
    """A history with many pages, some in the middle overwritten (as a bad disk sector does)."""
    with Database.open(path) as database:
        profile = database.save_profile(new_profile("Support", AGENT))
        conversation = database.create_conversation(profile.id, "Long")
        for number in range(300):
            database.add_message(conversation.id, Role.USER, f"message {number} " * 40)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2
    data[middle * page : (middle + 3) * page] = bytes(range(256)) * (3 * page // 256)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_history_still_opens_the_window_with_a_dialog(
    qloop, qtbot, memory_keyring
) -> None:
    paths = app_paths().ensure()
    damaged = _damage_middle_pages(paths.database_path)
    with Database.open(paths.database_path) as database:
        assert database.list_profiles()  # the first read works: only a full check sees it
    services, temporary = open_services(paths, HistoryCheck(paths))
    assert isinstance(services.storage_problem, DatabaseCorruptError)
    window = _start_window(services, memory_keyring)
    loop_settle(qloop, window)
    try:
        dialog = window.storage_dialog
        assert dialog is not None and dialog.isVisible()
        assert "is damaged" in dialog.text() and "temporary history" in dialog.informativeText()
        assert "the history file is damaged" in window.storage_banner.label.text()
        quit_button = next(b for b in dialog.buttons() if b.text() == "Quit")
        quit_button.click()
        assert not window.isVisible()
    finally:
        _close_window(qloop, window, temporary)
    assert paths.database_path.read_bytes() == damaged  # never written to


def test_a_file_that_is_not_a_history_opens_a_temporary_one(tmp_path) -> None:
    paths = app_paths().ensure()
    paths.database_path.write_bytes(b"not a database " * 100)
    services, temporary = open_services(paths, HistoryCheck(paths))
    try:
        assert isinstance(services.storage_problem, DatabaseCorruptError)
        assert services.database.path.parent == temporary
    finally:
        discard_services(services)
        shutil.rmtree(temporary, ignore_errors=True)


def test_a_newer_history_is_replaced_for_the_session_and_touched_not(
    unwritable_history, tmp_path
) -> None:
    paths = unwritable_history
    paths.database_path.rmdir()
    with sqlite3.connect(paths.database_path) as conn:
        conn.execute("PRAGMA user_version = 9999")
    original = paths.database_path.read_bytes()
    services, temporary = open_services(paths, HistoryCheck(paths))
    try:
        assert isinstance(services.storage_problem, SchemaTooNewError)
    finally:
        discard_services(services)
        shutil.rmtree(temporary, ignore_errors=True)
    with pytest.raises(SchemaTooNewError):
        build_services(paths)
    assert paths.database_path.read_bytes() == original
