"""Conversation actions on a real Sidebar and history: rename, delete + undo, data folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.models import Role
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.gui.conversation_actions import (
    ConversationActions,
    open_data_folder,
    purge_old_deleted,
)
from desktop_app.gui.sidebar import ConversationEntry, Sidebar
from desktop_app.gui.undo_bar import UndoBar

# The offscreen platform says these whenever a window or a popup menu is shown: harmless.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

AGENT = "123e4567-e89b-12d3-a456-426614174000"


class Harness:
    """A sidebar + actions wired as the window wires them (the list reloads on every change)."""

    def __init__(self, qtbot, database: Database, profile_id: str) -> None:
        self.database = database
        self.profile_id = profile_id
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.sidebar = Sidebar(self.host)
        self.actions = ConversationActions(self.sidebar.conversation_list, database)
        layout = QVBoxLayout(self.host)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.actions.undo_bar)
        self.events: list[tuple] = []
        self.actions.renamed.connect(lambda cid, title: self._changed("renamed", cid, title))
        self.actions.deleted.connect(lambda cid: self._changed("deleted", cid))
        self.actions.restored.connect(lambda cid: self._changed("restored", cid))
        self.actions.export_requested.connect(lambda cid: self.events.append(("export", cid)))
        self.actions.failed.connect(lambda sentence: self.events.append(("failed", sentence)))
        self.reload()
        self.host.show()

    @property
    def list(self):
        return self.sidebar.conversation_list

    def reload(self) -> None:
        rows = self.database.list_conversations(self.profile_id)
        current = self.actions.current_id()
        entries = [ConversationEntry(c.id, c.title, c.updated_at) for c in rows]
        self.sidebar.set_conversations(entries, current)

    def select(self, conversation_id: str) -> None:
        self.sidebar.select_conversation(conversation_id)
        self.list.setFocus()

    def _changed(self, *event) -> None:
        self.events.append(event)
        self.reload()


@pytest.fixture
def paths() -> AppPaths:
    return app_paths().ensure()


@pytest.fixture
def database(paths: AppPaths) -> Iterator[Database]:
    db = Database.open(paths.database_path)
    yield db
    db.close()


@pytest.fixture
def profile_id(database: Database) -> str:
    return database.save_profile(new_profile("Support", AGENT)).id


@pytest.fixture
def chats(database: Database, profile_id: str) -> list[str]:
    """Three conversations, "Third" on top; "Second" holds two messages."""
    ids = []
    for title in ("First", "Second", "Third"):
        conversation = database.create_conversation(profile_id, title)
        ids.append(conversation.id)
        if title == "Second":
            database.add_message(conversation.id, Role.USER, "Hello there")
            database.add_message(conversation.id, Role.ASSISTANT, "General Kenobi")
        database.touch_conversation(conversation.id)
    return ids


@pytest.fixture
def ui(qtbot, database: Database, profile_id: str, chats: list[str]) -> Harness:
    return Harness(qtbot, database, profile_id)


def _in_bin(database: Database, conversation_id: str) -> bool:
    conversation = database.get_conversation(conversation_id)
    assert conversation is not None
    return conversation.deleted_at is not None


def _title(database: Database, conversation_id: str) -> str:
    conversation = database.get_conversation(conversation_id)
    assert conversation is not None
    return conversation.title


# -- rename ----------------------------------------------------------------------------------------


def test_f2_renames_in_place_and_saves(qtbot, ui: Harness, chats: list[str]) -> None:
    ui.select(chats[1])
    qtbot.keyClick(ui.list, Qt.Key.Key_F2)
    editor = ui.actions.editor
    assert editor is not None and editor.isVisible()
    assert editor.text() == "Second"  # the title alone, not the row's second line
    assert editor.accessibleName() == "Conversation title"
    editor.setText("   Plans   for\tMonday  ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ui.actions.editor is None
    assert _title(ui.database, chats[1]) == "Plans for Monday"
    assert ("renamed", chats[1], "Plans for Monday") in ui.events
    row = ui.sidebar.conversation_ids().index(chats[1])
    assert ui.list.item(row).text().startswith("Plans for Monday")


@pytest.mark.parametrize("text", ["", "   ", " Second "])
def test_blank_or_unchanged_titles_are_ignored(qtbot, ui: Harness, chats, text) -> None:
    ui.select(chats[1])
    ui.actions.start_rename(chats[1])
    assert ui.actions.editor is not None
    ui.actions.editor.setText(text)
    qtbot.keyClick(ui.actions.editor, Qt.Key.Key_Return)
    assert ui.actions.editor is None
    assert _title(ui.database, chats[1]) == "Second"
    assert ui.events == []


def test_escape_cancels_and_long_titles_are_cut(qtbot, ui: Harness, chats) -> None:
    ui.actions.start_rename(chats[0])
    editor = ui.actions.editor
    assert editor is not None
    editor.setText("Never saved")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert ui.actions.editor is None
    assert _title(ui.database, chats[0]) == "First"
    assert ui.actions.rename(chats[0], "x" * 500)
    assert _title(ui.database, chats[0]) == "x" * 200


def test_escape_in_the_editor_beats_a_window_escape_shortcut(qtbot, ui: Harness, chats) -> None:
    stops: list[bool] = []
    stop = QAction("Stop", ui.host)
    stop.setShortcut(QKeySequence("Esc"))  # as the window's Stop action
    stop.triggered.connect(lambda: stops.append(True))
    ui.host.addAction(stop)
    ui.host.activateWindow()
    ui.select(chats[0])
    qtbot.keyClick(ui.list, Qt.Key.Key_Escape)
    assert stops == [True]  # the shortcut is live outside the editor
    ui.actions.start_rename(chats[0])
    assert ui.actions.editor is not None
    qtbot.keyClick(ui.actions.editor, Qt.Key.Key_Escape)
    assert ui.actions.editor is None
    assert stops == [True]


def test_context_menu_by_keyboard_offers_rename_export_delete(qtbot, ui: Harness, chats) -> None:
    ui.select(chats[2])
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(ui.list, event)
    menu = ui.actions.menu
    assert menu.isVisible()
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels == ["Rename…", "Export…", "Delete"]
    ui.actions.export_action.trigger()
    assert ("export", chats[2]) in ui.events
    ui.actions.rename_action.trigger()
    assert ui.actions.editor is not None and ui.actions.editor.text() == "Third"
    menu.hide()


def test_right_click_targets_the_row_under_the_pointer(qtbot, ui: Harness, chats) -> None:
    ui.select(chats[2])  # the top row is current; the click is on the bottom one ("First")
    viewport = ui.list.viewport()
    row = ui.sidebar.conversation_ids().index(chats[0])
    point = ui.list.visualItemRect(ui.list.item(row)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert ui.actions.menu.isVisible()
    ui.actions.delete_action.trigger()
    ui.actions.menu.hide()
    assert _in_bin(ui.database, chats[0])
    assert not _in_bin(ui.database, chats[2])


def test_menu_key_opens_the_menu(qtbot, ui: Harness, chats) -> None:
    ui.select(chats[1])
    qtbot.keyClick(ui.list, Qt.Key.Key_Menu)
    assert ui.actions.menu.isVisible()
    ui.actions.menu.hide()


def test_a_storage_error_during_rename_emits_a_sentence(
    qtbot, paths: AppPaths, database: Database, profile_id: str, chats
) -> None:
    # A history that fails fast when another program holds the write lock.
    quick = Database.open(paths.database_path, busy_timeout=0.05)
    other = sqlite3.connect(str(paths.database_path), isolation_level=None)
    try:
        ui = Harness(qtbot, quick, profile_id)
        other.execute("BEGIN IMMEDIATE")
        assert not ui.actions.rename(chats[0], "Locked out")
        other.execute("ROLLBACK")
    finally:
        other.close()
        quick.close()
    assert ui.events == [
        (
            "failed",
            "The conversation could not be renamed: another program is keeping the history "
            "file locked.",
        )
    ]
    assert _title(database, chats[0]) == "First"


# -- delete and undo -------------------------------------------------------------------------------


def test_delete_key_deletes_and_undo_restores_with_messages(qtbot, ui: Harness, chats) -> None:
    ui.select(chats[1])
    qtbot.keyClick(ui.list, Qt.Key.Key_Delete)
    assert _in_bin(ui.database, chats[1])
    assert chats[1] not in ui.sidebar.conversation_ids()
    assert ("deleted", chats[1]) in ui.events
    bar = ui.actions.undo_bar
    assert bar.isVisible()
    assert bar.label.text() == "Conversation “Second” deleted."
    assert bar.undo_button.accessibleName() == "Undo"
    assert bar.close_button.accessibleName() == "Dismiss"
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert ("restored", chats[1]) in ui.events
    assert chats[1] in ui.sidebar.conversation_ids()
    assert not _in_bin(ui.database, chats[1]) and _title(ui.database, chats[1]) == "Second"
    texts = [m.text for m in ui.database.messages(chats[1])]
    assert texts == ["Hello there", "General Kenobi"]


def test_several_deletions_are_undone_together(qtbot, ui: Harness, chats) -> None:
    ui.actions.delete(chats[0])
    ui.actions.delete(chats[2])
    assert ui.actions.undo_bar.label.text() == "2 conversations deleted."
    assert ui.sidebar.conversation_ids() == [chats[1]]
    assert ui.actions.undo() == [chats[2], chats[0]]
    assert set(ui.sidebar.conversation_ids()) == set(chats)


def test_dismissing_the_bar_keeps_them_deleted_until_purged(qtbot, ui: Harness, chats) -> None:
    ui.actions.delete(chats[0])
    qtbot.mouseClick(ui.actions.undo_bar.close_button, Qt.MouseButton.LeftButton)
    assert not ui.actions.undo_bar.isVisible()
    assert ui.actions.undo() == []  # nothing left to undo
    assert _in_bin(ui.database, chats[0])
    assert purge_old_deleted(ui.database) == 0  # only 30 days after
    assert purge_old_deleted(ui.database, days=0) == 1
    assert ui.database.get_conversation(chats[0]) is None


def test_the_undo_bar_hides_after_its_timeout(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    other = QLineEdit(host)  # the focus stays where the person was typing, as in the window
    bar = UndoBar(host, timeout_ms=30)
    layout = QVBoxLayout(host)
    layout.addWidget(other)
    layout.addWidget(bar)
    host.move(600, 600)  # away from the pointer: hovering the bar would pause the countdown
    host.show()
    other.setFocus()
    with qtbot.waitSignal(bar.dismissed, timeout=5000):
        bar.show_message("Conversation “x” deleted.")
        assert bar.isVisible() and bar.counting_down
    assert not bar.isVisible()


def test_the_undo_bar_waits_while_its_button_has_focus(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    bar = UndoBar(host, timeout_ms=30)
    QVBoxLayout(host).addWidget(bar)
    host.move(600, 600)
    host.show()
    bar.show_message("Conversation “x” deleted.")
    bar.undo_button.setFocus()
    QApplication.sendEvent(bar.undo_button, QFocusEvent(QEvent.Type.FocusIn))
    assert not bar.counting_down


def test_deleting_a_conversation_being_renamed_closes_the_editor(qtbot, ui: Harness, chats):
    ui.actions.start_rename(chats[1])
    ui.actions.delete(chats[1])
    assert ui.actions.editor is None
    assert _title(ui.database, chats[1]) == "Second"


# -- data folder -----------------------------------------------------------------------------------


def test_open_data_folder_creates_it_and_opens_a_file_url(tmp_path) -> None:
    from desktop_app.core.paths import home_paths

    paths = home_paths(tmp_path / "fresh")
    opened: list[QUrl] = []
    assert open_data_folder(paths, opener=opened.append)
    assert paths.data_dir.is_dir()
    (url,) = opened
    assert url.scheme() == "file"
    assert url.toLocalFile() == str(paths.data_dir)
    assert paths.database_path.parent == paths.data_dir  # the history lives there
    assert not open_data_folder(paths, opener=lambda url: False)


def test_open_data_folder_also_takes_the_folder_itself(tmp_path) -> None:
    folder = tmp_path / "temporary-history"
    opened: list[QUrl] = []
    assert open_data_folder(folder, opener=opened.append)
    assert folder.is_dir() and opened[0].toLocalFile() == str(folder)
