"""Rename, export and delete (with undo) for the sidebar's conversations; open the data folder."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QMenu, QWidget

from desktop_app.core.error_text import describe_error, storage_reason
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.paths import AppPaths
from desktop_app.core.storage import Conversation, Database, StorageError
from desktop_app.core.storage import errors as storage_errors
from desktop_app.core.storage.conversations import MAX_TITLE
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.undo_bar import UndoBar

log = logging.getLogger(__name__)

# The sidebar keeps each conversation's id under this role (sidebar._ID_ROLE).
ID_ROLE = Qt.ItemDataRole.UserRole
PURGE_AFTER_DAYS = 30
_BAR_TITLE_CHARS = 40

_IO_ERRORS = (
    storage_errors.DatabaseReadOnlyError,
    storage_errors.DatabaseLockedError,
    storage_errors.DatabaseFullError,
    storage_errors.DatabaseCorruptError,
)


def clean_title(text: str) -> str:
    """The title storage would keep: runs of spaces collapsed, trimmed, cut at its limit."""
    return " ".join(text.split())[:MAX_TITLE]


#: A whole sentence per action (a translation cannot build one from a participle).
_FAILURES = {
    "renamed": QT_TRANSLATE_NOOP(
        "ConversationActions", "The conversation could not be renamed: {reason}."
    ),
    "deleted": QT_TRANSLATE_NOOP(
        "ConversationActions", "The conversation could not be deleted: {reason}."
    ),
    "restored": QT_TRANSLATE_NOOP(
        "ConversationActions", "The conversation could not be restored: {reason}."
    ),
    "listed": QT_TRANSLATE_NOOP(
        "ConversationActions", "The conversations could not be listed: {reason}."
    ),
}


def failure_sentence(done: str, error: AgentsGTError) -> str:
    """One sentence for a failed conversation action, e.g. done="renamed"."""
    if isinstance(error, _IO_ERRORS):
        template = QCoreApplication.translate("ConversationActions", _FAILURES[done])
        return template.format(reason=storage_reason(error))
    return describe_error(error).sentence


def deleted_message(titles: list[str]) -> str:
    """The undo bar's text for the conversations deleted since it appeared."""
    if len(titles) == 1:
        title = titles[0]
        if len(title) > _BAR_TITLE_CHARS:
            title = title[: _BAR_TITLE_CHARS - 1].rstrip() + "…"
        return QCoreApplication.translate(
            "ConversationActions", "Conversation “{title}” deleted."
        ).format(title=title)
    # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
    return ConversationActions.tr("%n conversation(s) deleted.", "", len(titles))  # type: ignore[arg-type]


class ConversationActions(QObject):
    """Context menu (right click, Menu key, Shift+F10), F2 rename in place, Delete with undo.

    The window reloads its list on `renamed`, `deleted` and `restored`, shows `failed`
    sentences in its banner, opens the export dialog on `export_requested`, and places
    `undo_bar` in a layout.
    """

    renamed = Signal(str, str)  # conversation id, new title
    deleted = Signal(str)
    restored = Signal(str)
    export_requested = Signal(str)
    failed = Signal(str)  # a sentence to show

    def __init__(
        self,
        list_widget: QListWidget,
        database: Database | Callable[[], Database],
        *,
        undo_bar: UndoBar | None = None,
        parent: QObject | None = None,
        defer_viewport: bool = False,
    ) -> None:
        """`defer_viewport=True`: right-clicks on rows work once `watch_viewport()` is called."""
        super().__init__(parent or list_widget)
        self.list_widget = list_widget
        # A callable lets the window hand over `lambda: services.database` (reopened on faults).
        self._database = database
        self.undo_bar = undo_bar or UndoBar(list_widget.parentWidget())
        self.menu = QMenu(list_widget)
        self.menu.setAccessibleName(self.tr("Conversation actions"))
        self.rename_action = self.menu.addAction(self.tr("Rename…"))
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.export_action = self.menu.addAction(self.tr("Export…"))
        self.menu.addSeparator()
        self.delete_action = self.menu.addAction(self.tr("Delete"))
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action in (self.rename_action, self.delete_action):
            # Shown as a hint only: the keys are handled on the list itself (see eventFilter).
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setShortcutVisibleInContextMenu(True)
        #: The in-place title editor while a rename is open.
        self.editor: QLineEdit | None = None
        self._editing_id: str | None = None
        self._menu_target: str | None = None
        #: (id, title) deleted since the undo bar appeared, oldest first.
        self._pending: list[tuple[str, str]] = []
        self._defer_viewport = defer_viewport
        self._watching_viewport = False
        self._connect_signals()

    def watch_viewport(self) -> None:
        """Take right-clicks on the list's rows (the window calls this after its first paint:
        the first `viewport()` call makes PySide set up every QWidget type, ~8 ms)."""
        if not self._watching_viewport:
            self._watching_viewport = True
            self.list_widget.viewport().installEventFilter(self)

    def _connect_signals(self) -> None:
        self.list_widget.installEventFilter(self)
        if not self._defer_viewport:
            self.watch_viewport()
        self.rename_action.triggered.connect(self._on_rename_action_triggered)
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.menu.aboutToHide.connect(self._on_menu_about_to_hide)
        self.undo_bar.undo_requested.connect(self.undo)
        self.undo_bar.dismissed.connect(self._on_undo_bar_dismissed)
        # The window refills the list (clear + add) on most changes: keep the editor on its row.
        self.list_widget.model().modelReset.connect(self._on_model_reset)
        self.list_widget.verticalScrollBar().valueChanged.connect(self._place_editor)

    # -- public ------------------------------------------------------------------------------------

    @property
    def database(self) -> Database:
        """The history the actions change."""
        return self._database() if callable(self._database) else self._database

    def current_id(self) -> str | None:
        """The id of the list's current conversation."""
        item = self.list_widget.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def show_menu(self, conversation_id: str, global_pos: QPoint) -> None:
        """Pop the context menu up for one conversation (non-modal)."""
        self._menu_target = conversation_id
        self.menu.popup(global_pos)

    def start_rename(self, conversation_id: str) -> None:
        """Open the in-place title editor on the conversation's row."""
        conversation = self._get(conversation_id, "renamed")
        if conversation is None or self._item(conversation_id) is None:
            return
        self.cancel_rename()
        editor = QLineEdit(self.list_widget.viewport())
        editor.setAccessibleName(self.tr("Conversation title"))
        editor.setMaxLength(MAX_TITLE)
        editor.setText(conversation.title)
        editor.selectAll()
        editor.installEventFilter(self)
        editor.editingFinished.connect(self._on_editor_editing_finished)
        self.editor, self._editing_id = editor, conversation_id
        self._place_editor()
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish_rename(self, save: bool = True) -> None:
        """Close the editor, saving its text when `save` (Enter, focus leaving) or not (Esc)."""
        editor, conversation_id = self.editor, self._editing_id
        if editor is None or conversation_id is None:
            return
        # Cleared first: hiding the focused editor fires editingFinished again.
        self.editor, self._editing_id = None, None
        text = editor.text()
        had_focus = editor.hasFocus()
        editor.hide()
        editor.deleteLater()
        if had_focus:
            self.list_widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if save:
            self.rename(conversation_id, text)

    def cancel_rename(self) -> None:
        """Close the editor without saving."""
        self.finish_rename(save=False)

    def rename(self, conversation_id: str, text: str) -> bool:
        """Save a new title; blank or unchanged ones are ignored. True when saved."""
        title = clean_title(text)
        conversation = self._get(conversation_id, "renamed")
        if not title or conversation is None or title == conversation.title:
            return False
        try:
            saved = self.database.rename_conversation(conversation_id, title)
        except AgentsGTError as exc:
            self.failed.emit(failure_sentence("renamed", exc))
            return False
        self.renamed.emit(conversation_id, saved.title)
        return True

    def delete(self, conversation_id: str) -> bool:
        """Move the conversation to the bin and offer Undo. True when deleted."""
        conversation = self._get(conversation_id, "deleted")
        if conversation is None:
            return False
        if self._editing_id == conversation_id:
            self.cancel_rename()
        try:
            self.database.delete_conversation(conversation_id)
        except AgentsGTError as exc:
            self.failed.emit(failure_sentence("deleted", exc))
            return False
        self._pending.append((conversation_id, conversation.title))
        self.deleted.emit(conversation_id)
        titles = [title for _id, title in self._pending]
        self.undo_bar.show_message(deleted_message(titles), tooltip="\n".join(titles))
        return True

    def undo(self) -> list[str]:
        """Restore every conversation deleted since the undo bar appeared (latest first)."""
        pending, self._pending = self._pending, []
        self.undo_bar.dismiss()
        restored: list[str] = []
        for conversation_id, _title in reversed(pending):
            try:
                self.database.restore_conversation(conversation_id)
            except AgentsGTError as exc:
                self.failed.emit(failure_sentence("restored", exc))
                continue
            restored.append(conversation_id)
            self.restored.emit(conversation_id)
        return restored

    # -- helpers -----------------------------------------------------------------------------------

    def _get(self, conversation_id: str, done: str) -> Conversation | None:
        try:
            conversation = self.database.get_conversation(conversation_id)
        except AgentsGTError as exc:
            self.failed.emit(failure_sentence(done, exc))
            return None
        if conversation is None:
            self.failed.emit(self.tr("That conversation no longer exists."))
        return conversation

    def _item(self, conversation_id: str) -> QListWidgetItem | None:
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            if item.data(ID_ROLE) == conversation_id:
                return item
        return None

    def _place_editor(self) -> None:
        if self.editor is None or self._editing_id is None:
            return
        item = self._item(self._editing_id)
        if item is None:  # the row went away (its conversation was deleted elsewhere)
            self.cancel_rename()
            return
        rect = self.list_widget.visualItemRect(item)
        height = max(self.editor.sizeHint().height(), 0)
        self.editor.setGeometry(rect.x(), rect.y(), rect.width(), min(height, rect.height()))

    def _menu_point(self, item: QListWidgetItem) -> QPoint:
        rect = self.list_widget.visualItemRect(item)
        return self.list_widget.viewport().mapToGlobal(rect.bottomLeft())

    def _target(self) -> str | None:
        return self._menu_target or self.current_id()

    # -- events ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.editor and isinstance(event, QKeyEvent):
            if event.key() != Qt.Key.Key_Escape:
                return False
            if kind == QEvent.Type.ShortcutOverride:
                # Esc is also the window's Stop shortcut: while renaming, it cancels the rename.
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress:
                self.cancel_rename()
                return True
            return False
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(watched, event)
        if watched is self.list_widget and kind == QEvent.Type.KeyPress:
            return isinstance(event, QKeyEvent) and self._key_pressed(event)
        return super().eventFilter(watched, event)

    def _context_menu(self, watched: QObject, event: QContextMenuEvent) -> bool:
        if event.reason() == QContextMenuEvent.Reason.Mouse and isinstance(watched, QWidget):
            viewport = self.list_widget.viewport()
            item = self.list_widget.itemAt(viewport.mapFrom(watched, event.pos()))
            point = event.globalPos()
        else:
            item = self.list_widget.currentItem()
            point = self._menu_point(item) if item is not None else QPoint()
        if item is None:
            return False
        self.show_menu(item.data(ID_ROLE), point)
        return True

    def _key_pressed(self, event: QKeyEvent) -> bool:
        conversation_id = self.current_id()
        if conversation_id is None:
            return False
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_F2 and plain:
            self.start_rename(conversation_id)
        elif (key == Qt.Key.Key_Delete and plain) or event.matches(QKeySequence.StandardKey.Delete):
            self.delete(conversation_id)
        elif key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
        ):
            item = self.list_widget.currentItem()
            if item is not None:
                self.show_menu(conversation_id, self._menu_point(item))
        else:
            return False
        return True

    # -- slots -------------------------------------------------------------------------------------

    def _on_rename_action_triggered(self) -> None:
        target = self._target()
        if target is not None:
            self.start_rename(target)

    def _on_export_action_triggered(self) -> None:
        target = self._target()
        if target is not None:
            self.export_requested.emit(target)

    def _on_delete_action_triggered(self) -> None:
        target = self._target()
        if target is not None:
            self.delete(target)

    def _on_menu_about_to_hide(self) -> None:
        # The chosen action triggers right after the menu hides: forget the target after that.
        QTimer.singleShot(0, self, self._forget_menu_target)

    def _forget_menu_target(self) -> None:
        if not self.menu.isVisible():
            self._menu_target = None

    def _on_undo_bar_dismissed(self) -> None:
        # They stay in the bin until purge_old_deleted erases them.
        self._pending = []

    def _on_editor_editing_finished(self) -> None:
        self.finish_rename(save=True)

    def _on_model_reset(self) -> None:
        # clear() resets the model before the rows come back: look for the row once they have.
        if self.editor is not None:
            QTimer.singleShot(0, self, self._place_editor)


def purge_old_deleted(database: Database, days: int = PURGE_AFTER_DAYS) -> int:
    """Erase conversations that have been in the bin for more than `days`; how many went.

    Storage trouble is logged, not raised: purging is housekeeping and must not stop the app.
    """
    try:
        return database.purge_deleted(older_than=timedelta(days=days))
    except StorageError as exc:
        log.warning("could not purge deleted conversations: %s", exc)
        return 0


def open_data_folder(
    paths: AppPaths | Path, opener: Callable[[QUrl], object] = QDesktopServices.openUrl
) -> bool:
    """Open the folder holding the history in the file manager (created if missing).

    `paths` may also be the folder itself (e.g. `database.path.parent` for a temporary history).
    True when the opener accepted it (an opener returning None counts as success).
    """
    folder = paths if isinstance(paths, Path) else paths.data_dir
    try:
        # Private like every folder the app makes (the history is personal).
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("could not create the data folder: %s", exc)
        return False
    result = opener(QUrl.fromLocalFile(str(folder)))
    return result is None or bool(result)
