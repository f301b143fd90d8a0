"""Which part of a long conversation the transcript shows; a message log that survives faults."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop_app.core import errors
from desktop_app.core.chat_session import DatabaseLog, SessionMessage, session_message
from desktop_app.core.conversation_loader import FIRST_PAGE, OLDER_PAGE, ConversationLoader
from desktop_app.core.error_text import describe_error
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage import Database
from desktop_app.core.storage.errors import StorageError
from desktop_app.core.storage.records import StoredMessage
from desktop_app.gui.transcript import MessageView, TranscriptView


def message_view(message: SessionMessage) -> MessageView:
    """How the transcript shows a session message."""
    return MessageView(
        message_id=message.id,
        role=message.role,
        text=message.text,
        status=message.status,
        error_text=message.error_text,
        reasoning=message.reasoning,
    )


class SavingLog:
    """The conversation's DatabaseLog, except that a storage failure loses nothing on screen.

    A message that cannot be stored gets a local id ("unsaved-N") and stays in the session and
    the transcript; the failure goes to `on_error` (the window's banner). Once one is missing,
    storage positions no longer match the session's, so cuts are made from the first *stored*
    message at or after the session position.
    """

    def __init__(
        self,
        database: Database,
        conversation_id: str,
        on_error: Callable[[StorageError], None],
        ids_from: Callable[[int], list[str]],
        *,
        lost: bool = False,
    ) -> None:
        self._inner = DatabaseLog(database, conversation_id)
        self._database = database
        self._on_error = on_error
        self._ids_from = ids_from
        self._local = itertools.count(1)
        #: True once a message of this conversation could not be stored.
        self.lost = lost

    def add(self, role: Role, text: str, status: MessageStatus) -> str:
        """Store a message; on a storage failure report it and hand out a local id."""
        try:
            return self._inner.add(role, text, status)
        except StorageError as error:
            self.lost = True
            self._on_error(error)
            return f"unsaved-{next(self._local)}"

    def delete_from(self, position: int) -> None:
        """Cut storage back to match the session (reporting, not raising, a failure)."""
        try:
            stored = self._stored_position(position) if self.lost else position
            if stored is not None:
                self._inner.delete_from(stored)
        except StorageError as error:
            self._on_error(error)

    def _stored_position(self, position: int) -> int | None:
        for message_id in self._ids_from(position):
            if message_id.isdigit():
                stored = self._database.get_message(int(message_id))
                if stored is not None:
                    return stored.position
        return None


class ConversationPages(QObject):
    """Pages the open conversation into the transcript (a ConversationLoader per conversation).

    The newest page when a conversation opens, older pages as the reader reaches the top; a
    page around a far search hit (`far_page_shown(True)`), then newer pages as the reader
    reaches the bottom, until the end is reached or `show_latest()` jumps there. From storage
    come the pages; the session's copy of each message is shown (it may be newer, or unsaved).
    """

    far_page_shown = Signal(bool)  # True: a page around a search hit, not the latest, is shown
    failed = Signal(object)  # ErrorText: storage could not be read

    def __init__(
        self,
        database: Callable[[], Database],
        transcript: TranscriptView,
        session_messages: Callable[[], tuple[SessionMessage, ...]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.transcript = transcript
        self._session_messages = session_messages
        self.loader: ConversationLoader | None = None
        #: Page sizes for the next conversation opened (tests use small ones).
        self.first_page = FIRST_PAGE
        self.older_page = OLDER_PAGE
        #: True while a page around a search hit is shown instead of the latest messages.
        self.showing_far_page = False

    def reset(self, conversation_id: str | None) -> None:
        """Page `conversation_id` from now on (None: a new chat, nothing to page)."""
        self.loader = (
            None
            if conversation_id is None
            else ConversationLoader(
                self._database(),
                conversation_id,
                first_page=self.first_page,
                older_page=self.older_page,
            )
        )
        self._set_far_page(False)

    def show_latest(self) -> None:
        """Show the newest page of the open conversation ("Jump to latest")."""
        if self.loader is None:
            return
        try:
            page = self.loader.newest()
        except errors.AgentsGTError as error:
            self.failed.emit(describe_error(error))
            return
        # From the page's first message on, the session is the truth: it also holds what
        # could not be stored, and the reply being written.
        messages = self._session_messages()
        start = self._session_index(page[0].id) if page else 0
        self.transcript.set_messages([message_view(m) for m in messages[start or 0 :]])
        self._set_far_page(False)

    def load_older(self) -> None:
        """Add the page before the shown messages (the reader reached the top)."""
        if self.loader is None or not self.loader.has_older:
            return
        try:
            page = self.loader.older()
        except errors.AgentsGTError as error:
            self.failed.emit(describe_error(error))
            return
        self.transcript.prepend_messages(self._views(page))

    def load_newer(self) -> None:
        """Add the page after the shown ones, below a search hit (the reader reached the end)."""
        if self.loader is None or not self.showing_far_page:
            return
        try:
            page = self.loader.newer()
        except errors.AgentsGTError as error:
            self.failed.emit(describe_error(error))
            return
        views = self._views(page)
        if not self.loader.has_newer:
            # The end of what is stored: add the session's own tail too (unsaved messages).
            last = views[-1].message_id if views else None
            index = self._session_index(int(last)) if last and last.isdigit() else None
            if index is not None:
                views += [message_view(m) for m in self._session_messages()[index + 1 :]]
            self._set_far_page(False)
        self.transcript.append_messages(views)

    def bring_into_view(self, message_id: str, *, may_replace: bool) -> bool:
        """Make a stored message of the open conversation shown; True if it is shown now.

        Not far before the shown page: everything down to it is added above. Further back
        (only when `may_replace`): a page around it replaces the transcript.
        """
        if self.transcript.has_message(message_id):
            return True
        if self.loader is None or not message_id.isdigit():
            return False
        try:
            stored = self._database().get_message(int(message_id))
            if stored is None or stored.conversation_id != self.loader.conversation_id:
                return False
            if self.loader.is_near(stored.position):
                self.transcript.prepend_messages(
                    self._views(self.loader.older_through(stored.position))
                )
            elif may_replace:
                self.transcript.set_messages(self._views(self.loader.around(stored.position)))
                self._set_far_page(self.loader.has_newer)
        except errors.AgentsGTError as error:
            self.failed.emit(describe_error(error))
            return False
        return self.transcript.has_message(message_id)

    def _views(self, page: list[StoredMessage]) -> list[MessageView]:
        # The session's copy when it has one (it may be newer than what storage holds).
        by_id = {message.id: message for message in self._session_messages()}
        return [
            message_view(by_id.get(str(stored.id)) or session_message(stored)) for stored in page
        ]

    def _session_index(self, stored_id: int) -> int | None:
        wanted = str(stored_id)
        for index, message in enumerate(self._session_messages()):
            if message.id == wanted:
                return index
        return None

    def _set_far_page(self, far: bool) -> None:
        if far != self.showing_far_page:
            self.showing_far_page = far
            self.far_page_shown.emit(far)
