"""The conversation list of the chosen profile, kept in step with the conversation shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop_app.core.storage.database import Database
from desktop_app.gui.chat_controller import ChatController
from desktop_app.gui.conversation_actions import ConversationActions
from desktop_app.gui.sidebar import ConversationEntry, Sidebar


class ConversationsPanel(QObject):
    """Lists the chat controller's profile's conversations, the open one selected.

    The controller owns which profile and conversation are open: `refresh()` reads both from
    it, so the highlighted row is always the conversation shown, whatever reordered the list.
    Rename / Export / Delete (with undo) come from its `actions` (a ConversationActions).
    """

    #: The user picked a conversation in the list (id).
    conversation_chosen = Signal(str)
    #: Export of one conversation was asked for from its menu (id).
    export_requested = Signal(str)
    #: The conversation shown went to the bin: the window starts a new chat.
    open_conversation_deleted = Signal()
    #: A sentence to show (a rename or delete failed).
    failed = Signal(str)
    #: The list was filled again.
    refreshed = Signal()

    def __init__(
        self,
        sidebar: Sidebar,
        chat: ChatController,
        database: Callable[[], Database],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sidebar = sidebar
        self.chat = chat
        self._database = database
        # Rename / Export / Delete on the list; its undo bar sits under the list.
        self.actions = ConversationActions(
            sidebar.conversation_list,
            database,
            parent=self,
            defer_viewport=True,  # watched from watch_viewport(), after the first paint
        )
        sidebar.add_below_conversations(self.actions.undo_bar)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.sidebar.conversation_selected.connect(self.conversation_chosen)
        self.actions.renamed.connect(self.refresh)
        self.actions.deleted.connect(self._on_actions_deleted)
        self.actions.restored.connect(self.refresh)
        self.actions.export_requested.connect(self.export_requested)
        self.actions.failed.connect(self.failed)

    def watch_viewport(self) -> None:
        """Take right-clicks on rows (after the window's first paint)."""
        self.actions.watch_viewport()

    def refresh(self) -> None:
        """List the open profile's conversations again, the open one selected (by id)."""
        profile = self.chat.profile
        entries = []
        if profile is not None:
            conversations = self._database().list_conversations(profile.id)
            entries = [ConversationEntry(c.id, c.title, c.updated_at) for c in conversations]
        self.sidebar.set_conversations(entries, self.chat.conversation_id)
        self.refreshed.emit()

    def selected_id(self) -> str | None:
        """The highlighted row's conversation id (what Rename and Delete act on)."""
        return self.actions.current_id()

    def _on_actions_deleted(self, conversation_id: str) -> None:
        if self.chat.conversation_id == conversation_id:
            self.open_conversation_deleted.emit()
        self.refresh()
