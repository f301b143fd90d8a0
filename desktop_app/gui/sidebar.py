"""The left side: saved agent profiles with their key status, and the chosen one's conversations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.empty_state import EmptyState, show_no_conversations
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.icons import Icon

_ID_ROLE = Qt.ItemDataRole.UserRole


class KeyStatus(StrEnum):
    """Where a profile's key pair is."""

    UNKNOWN = "unknown"  # the keyring has not been asked yet (it loads after the first paint)
    STORED = "stored"  # in the OS keyring
    SESSION = "session"  # kept in memory for this session only
    MISSING = "missing"  # no key anywhere: the profile needs its keys


_KEY_MARKS = {
    KeyStatus.UNKNOWN: ("…", QT_TRANSLATE_NOOP("Sidebar", "Checking the keyring")),
    KeyStatus.STORED: ("🔑", QT_TRANSLATE_NOOP("Sidebar", "Key stored in the keyring")),
    KeyStatus.SESSION: ("⏱", QT_TRANSLATE_NOOP("Sidebar", "Key kept for this session only")),
    KeyStatus.MISSING: (
        "⚠",
        QT_TRANSLATE_NOOP("Sidebar", "Key missing: edit the profile to add it"),
    ),
}


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    """One row of the agent picker."""

    profile_id: str
    display_name: str
    agent_name: str
    key_status: KeyStatus


@dataclass(frozen=True, slots=True)
class ConversationEntry:
    """One row of the conversation list."""

    conversation_id: str
    title: str
    updated_at: datetime


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    # QLocale, not strftime: the month's name follows the window's language ("4 dic").
    locale = QLocale()
    if local.date() == today:
        return locale.toString(QTime(local.hour, local.minute), "HH:mm")
    return locale.toString(QDate(local.year, local.month, local.day), "d MMM")


class Sidebar(QWidget):
    """self.tr("New chat") on top, then the profiles, then the open profile's conversations."""

    profile_selected = Signal(str)
    conversation_selected = Signal(str)
    new_chat_requested = Signal()
    manage_profiles_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(200)
        self.new_chat_button = QPushButton(self.tr("New chat"), self)
        self.new_chat_button.setObjectName("newChatButton")
        self.new_chat_button.setAccessibleName(self.tr("New chat"))
        agents_heading = QLabel(self.tr("Agents"), self)
        agents_heading.setObjectName("sidebarHeading")
        self.manage_button = QPushButton(self.tr("Manage…"), self)
        self.manage_button.setObjectName("headingButton")
        self.manage_button.setAccessibleName(self.tr("Manage agent profiles"))
        self.manage_button.setFlat(True)
        heading_row = QHBoxLayout()
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.addWidget(agents_heading, 1)
        heading_row.addWidget(self.manage_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.profile_list = QListWidget(self)
        self.profile_list.setObjectName("profileList")
        self.profile_list.setAccessibleName(self.tr("Agent profiles"))
        self.no_profiles_label = QLabel(self.tr("No agents yet — add one or try the demo."), self)
        self.no_profiles_label.setObjectName("statusLabel")
        self.no_profiles_label.setWordWrap(True)
        self.no_profiles_label.setAccessibleName(self.tr("No agents yet"))
        chats_heading = QLabel(self.tr("Conversations"), self)
        chats_heading.setObjectName("sidebarHeading")
        self.conversation_list = QListWidget(self)
        self.conversation_list.setObjectName("conversationList")
        self.conversation_list.setAccessibleName(self.tr("Conversations"))
        for listing in (self.profile_list, self.conversation_list):
            listing.setTextElideMode(Qt.TextElideMode.ElideRight)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setUniformItemSizes(True)
        # Shown by the window (after its first paint: the icon is drawn when shown).
        self.no_conversations = EmptyState(Icon.HISTORY, self)
        self.no_conversations.setObjectName("compactEmptyState")  # a smaller title
        self.no_conversations.setAccessibleName(self.tr("No conversations yet"))
        self.no_conversations.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(4)
        layout.addWidget(self.new_chat_button)
        layout.addSpacing(4)
        layout.addLayout(heading_row)
        layout.addWidget(self.profile_list)
        layout.addWidget(self.no_profiles_label)
        layout.addSpacing(4)
        layout.addWidget(chats_heading)
        layout.addWidget(self.conversation_list, 1)
        layout.addWidget(self.no_conversations, 1)
        self._layout = layout
        self._updating = False
        self._connect_signals()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_profile_list()

    def _fit_profile_list(self) -> None:
        # As tall as its rows, up to 40% of the sidebar: the Agents list grows with the window
        # and the conversations keep the rest.
        rows = self.profile_list.count()
        row_height = self.profile_list.sizeHintForRow(0) if rows else 0
        wanted = rows * (row_height + 2) + 2 * self.profile_list.frameWidth() + 4
        self.profile_list.setFixedHeight(max(48, min(wanted, int(self.height() * 0.4))))

    def _connect_signals(self) -> None:
        self.profile_list.currentItemChanged.connect(self._on_profile_list_current_item_changed)
        self.conversation_list.currentItemChanged.connect(
            self._on_conversation_list_current_item_changed
        )
        self.new_chat_button.clicked.connect(self.new_chat_requested)
        self.manage_button.clicked.connect(self.manage_profiles_requested)

    # -- profiles --------------------------------------------------------------------------------

    def set_profiles(self, entries: Sequence[ProfileEntry], current_id: str | None) -> None:
        """Show `entries`, selecting `current_id` without emitting `profile_selected`."""
        self._updating = True
        try:
            self.profile_list.clear()
            for entry in entries:
                mark, english = _KEY_MARKS[entry.key_status]
                meaning = self.tr(english)
                second = entry.agent_name or self.tr("Agent")
                item = QListWidgetItem(f"{entry.display_name}\n{second}  {mark}")
                item.setData(_ID_ROLE, entry.profile_id)
                item.setToolTip(f"{entry.display_name} — {second}\n{meaning}")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.display_name}, {meaning}")
                self.profile_list.addItem(item)
                if entry.profile_id == current_id:
                    self.profile_list.setCurrentItem(item)
            # An empty list says what to do instead of showing nothing; no agent, no chat.
            self.profile_list.setVisible(bool(entries))
            self.no_profiles_label.setVisible(not entries)
            self.new_chat_button.setEnabled(bool(entries))
        finally:
            self._updating = False
        self._fit_profile_list()

    def current_profile_id(self) -> str | None:
        """The selected profile's id."""
        item = self.profile_list.currentItem()
        return item.data(_ID_ROLE) if item else None

    # -- conversations ---------------------------------------------------------------------------

    def set_conversations(
        self, entries: Sequence[ConversationEntry], current_id: str | None
    ) -> None:
        """Show `entries` (already newest first), selecting `current_id` silently."""
        self._updating = True
        try:
            self.conversation_list.clear()
            current: QListWidgetItem | None = None
            for entry in entries:
                item = QListWidgetItem(f"{entry.title}\n{_when(entry.updated_at)}")
                item.setData(_ID_ROLE, entry.conversation_id)
                item.setToolTip(entry.title)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.title)
                self.conversation_list.addItem(item)
                if entry.conversation_id == current_id:
                    current = item
            # No row for a new chat: none may stay highlighted for Rename / Delete to act on.
            self.conversation_list.setCurrentRow(
                -1 if current is None else self.conversation_list.row(current)
            )
        finally:
            self._updating = False

    def add_below_conversations(self, widget: QWidget) -> None:
        """Place `widget` under the conversation list (the undo bar)."""
        self._layout.addWidget(widget)

    def show_no_conversations(self, agent_name: str | None) -> None:
        """Say the open profile has no conversations yet (None: the list is shown instead)."""
        if agent_name is not None:
            show_no_conversations(self.no_conversations, agent_name)
        self.conversation_list.setVisible(agent_name is None)
        self.no_conversations.setVisible(agent_name is not None)

    def current_conversation_id(self) -> str | None:
        """The highlighted conversation's id."""
        item = self.conversation_list.currentItem()
        return item.data(_ID_ROLE) if item else None

    def conversation_ids(self) -> list[str]:
        """The listed conversations' ids, top first."""
        return [
            self.conversation_list.item(row).data(_ID_ROLE)
            for row in range(self.conversation_list.count())
        ]

    def select_conversation(self, conversation_id: str | None) -> None:
        """Select a conversation as if clicked (None clears the selection)."""
        if conversation_id is None:
            self.conversation_list.setCurrentRow(-1)
            return
        for row in range(self.conversation_list.count()):
            item = self.conversation_list.item(row)
            if item.data(_ID_ROLE) == conversation_id:
                self.conversation_list.setCurrentItem(item)
                return

    def _on_profile_list_current_item_changed(self, current: QListWidgetItem | None) -> None:
        if current is not None and not self._updating:
            self.profile_selected.emit(current.data(_ID_ROLE))

    def _on_conversation_list_current_item_changed(self, current: QListWidgetItem | None) -> None:
        if current is not None and not self._updating:
            self.conversation_selected.emit(current.data(_ID_ROLE))
