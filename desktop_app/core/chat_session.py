"""One conversation's messages and the turn logic (send, regenerate, edit, retry), with no Qt."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.messages import translate
from desktop_app.core.models import ChatMessage, MessageStatus, Role
from desktop_app.core.storage.records import PartRecord

if TYPE_CHECKING:
    from desktop_app.core.storage.messages import MessageStore
    from desktop_app.core.storage.records import StoredMessage

# Statuses whose text the person saw as a (possibly partial) answer: they go back to the server
# as context on the next turn, so the agent knows what it already said.
_CONTEXT_STATUSES = frozenset(
    {
        MessageStatus.COMPLETE,
        MessageStatus.STOPPED,
        MessageStatus.INCOMPLETE,
        MessageStatus.INTERRUPTED,
        MessageStatus.ABORTED,
        MessageStatus.ERROR,
    }
)


@dataclass(frozen=True, slots=True)
class SessionMessage:
    """A message of the conversation as the window shows it and storage keeps it."""

    id: str
    role: Role
    text: str
    status: MessageStatus = MessageStatus.COMPLETE
    error_text: str | None = None
    reasoning: str = ""
    parts: tuple[PartRecord, ...] = ()  # tool calls and cited sources, in the order they came


@dataclass(frozen=True, slots=True)
class Turn:
    """What one send / regenerate / edit / retry changed, and the request to make.

    `removed` are the messages dropped from the end of the conversation (storage deletes them from
    `truncate_position` on); `user_message` is a new user message to store (None when a reply is
    regenerated for an existing one); `reply` is the empty STREAMING placeholder of the answer.
    """

    removed: tuple[SessionMessage, ...]
    truncate_position: int | None
    user_message: SessionMessage | None
    reply: SessionMessage
    request: tuple[ChatMessage, ...]


def reply_status(
    result: StreamResult | None, *, stopped: bool = False, failed: bool = False
) -> MessageStatus:
    """The status a reply ends with: Stop wins, then a failed request, then the stream's outcome."""
    if stopped:
        return MessageStatus.STOPPED
    if failed or result is None:
        return MessageStatus.ERROR
    return {
        Outcome.COMPLETED: MessageStatus.COMPLETE,
        Outcome.ERROR: MessageStatus.ERROR,
        Outcome.ABORTED: MessageStatus.ABORTED,
        Outcome.INCOMPLETE: MessageStatus.INCOMPLETE,
    }[result.outcome]


class MessageLog(Protocol):
    """Where the conversation's messages are kept: the session adds and cuts through it."""

    def add(self, role: Role, text: str, status: MessageStatus) -> str:
        """Store a new message at the end; return its id."""
        ...

    def delete_from(self, position: int) -> None:
        """Delete the message at `position` (0-based) and every later one."""
        ...


class MemoryLog:
    """A MessageLog that keeps nothing: ids from a counter (a conversation not saved yet)."""

    def __init__(self, new_id: Callable[[], str] | None = None) -> None:
        counter = itertools.count(1)
        self._new_id = new_id or (lambda: f"local-{next(counter)}")

    def add(self, role: Role, text: str, status: MessageStatus) -> str:
        return self._new_id()

    def delete_from(self, position: int) -> None:
        return None


class DatabaseLog:
    """A MessageLog over the history database for one conversation."""

    def __init__(self, store: MessageStore, conversation_id: str) -> None:
        self._store = store
        self.conversation_id = conversation_id

    def add(self, role: Role, text: str, status: MessageStatus) -> str:
        return str(self._store.add_message(self.conversation_id, role, text, status=status).id)

    def delete_from(self, position: int) -> None:
        self._store.delete_messages_from(self.conversation_id, position)


def session_message(stored: StoredMessage) -> SessionMessage:
    """A stored message as the session holds it."""
    return SessionMessage(
        id=str(stored.id),
        role=stored.role,
        text=stored.text,
        status=stored.status,
        error_text=stored.error_text,
        reasoning=stored.reasoning,
        parts=stored.parts,
    )


class ChatSession:
    """The messages of one conversation, oldest first, and the rules for building each turn.

    Each turn sends the WHOLE conversation: every user message and every assistant reply that has
    text (partial replies included, since the person saw them), ending with the newest user text.
    """

    def __init__(
        self,
        messages: Iterable[SessionMessage] = (),
        *,
        log: MessageLog | None = None,
    ) -> None:
        self._messages: list[SessionMessage] = list(messages)
        #: Every change goes through the log first, so memory never runs ahead of storage.
        self.log: MessageLog = log or MemoryLog()

    @property
    def messages(self) -> tuple[SessionMessage, ...]:
        """All messages, oldest first."""
        return tuple(self._messages)

    @property
    def streaming_reply(self) -> SessionMessage | None:
        """The reply being written right now, if any."""
        if self._messages and self._messages[-1].status is MessageStatus.STREAMING:
            return self._messages[-1]
        return None

    def message(self, message_id: str) -> SessionMessage:
        """The message with this id (InvalidInputError when it is not in the conversation)."""
        return self._messages[self._index(message_id)]

    def position(self, message_id: str) -> int:
        """The 0-based position of a message in the conversation."""
        return self._index(message_id)

    def last_reply(self) -> SessionMessage | None:
        """The newest assistant message, if any."""
        for message in reversed(self._messages):
            if message.role is Role.ASSISTANT:
                return message
        return None

    def history(self) -> tuple[ChatMessage, ...]:
        """The conversation as the chat endpoint takes it (what the next turn would send)."""
        wire: list[ChatMessage] = []
        for message in self._messages:
            if message.role is Role.USER:
                wire.append(ChatMessage(Role.USER, message.text))
            elif message.text and message.status in _CONTEXT_STATUSES:
                wire.append(ChatMessage(message.role, message.text))
        return tuple(wire)

    # -- turns ---------------------------------------------------------------------------------

    def send(self, text: str) -> Turn:
        """Add a user message and an empty reply after it."""
        self._refuse_while_streaming()
        if not text.strip():
            raise InvalidInputError(translate("ChatSession", "Type a message first."))
        user = self._add(Role.USER, text)
        return self._open_reply(removed=(), truncate_position=None, user=user)

    def regenerate(self) -> Turn:
        """Drop everything after the last user message and answer it again."""
        self._refuse_while_streaming()
        for index in range(len(self._messages) - 1, -1, -1):
            if self._messages[index].role is Role.USER:
                return self._resend_from(index)
        raise InvalidInputError(translate("ChatSession", "There is no message to answer yet."))

    def retry(self, message_id: str) -> Turn:
        """Try a reply again (or resend a user message): the conversation is cut back to it."""
        self._refuse_while_streaming()
        index = self._index(message_id)
        while index >= 0 and self._messages[index].role is not Role.USER:
            index -= 1
        if index < 0:
            raise InvalidInputError(
                translate("ChatSession", "There is no message to answer before this reply.")
            )
        return self._resend_from(index)

    def edit(self, message_id: str, text: str) -> Turn:
        """Replace a user message's text, drop everything after it, and send again from there."""
        self._refuse_while_streaming()
        if not text.strip():
            raise InvalidInputError(translate("ChatSession", "The edited message is empty."))
        index = self._index(message_id)
        if self._messages[index].role is not Role.USER:
            raise InvalidInputError(
                translate("ChatSession", "Only your own messages can be edited.")
            )
        removed = tuple(self._messages[index:])
        self.log.delete_from(index)
        del self._messages[index:]
        user = self._add(Role.USER, text)
        return self._open_reply(removed=removed, truncate_position=index, user=user)

    # -- the streaming reply ---------------------------------------------------------------------

    def finish_reply(
        self,
        reply_id: str,
        status: MessageStatus,
        *,
        text: str | None = None,
        reasoning: str | None = None,
        parts: tuple[PartRecord, ...] | None = None,
        error_text: str | None = None,
    ) -> SessionMessage:
        """Close the reply with its final status, keeping whatever text arrived."""
        index = self._index(reply_id)
        current = self._messages[index]
        finished = replace(
            current,
            status=status,
            text=current.text if text is None else text,
            reasoning=current.reasoning if reasoning is None else reasoning,
            parts=current.parts if parts is None else parts,
            error_text=error_text,
        )
        self._messages[index] = finished
        return finished

    # -- helpers ---------------------------------------------------------------------------------

    def _resend_from(self, user_index: int) -> Turn:
        removed = tuple(self._messages[user_index + 1 :])
        if removed:
            self.log.delete_from(user_index + 1)
        del self._messages[user_index + 1 :]
        return self._open_reply(
            removed=removed,
            truncate_position=user_index + 1 if removed else None,
            user=None,
        )

    def _open_reply(
        self,
        *,
        removed: tuple[SessionMessage, ...],
        truncate_position: int | None,
        user: SessionMessage | None,
    ) -> Turn:
        request = self.history()
        reply = self._add(Role.ASSISTANT, "", MessageStatus.STREAMING)
        return Turn(removed, truncate_position, user, reply, request)

    def _add(
        self, role: Role, text: str, status: MessageStatus = MessageStatus.COMPLETE
    ) -> SessionMessage:
        message = SessionMessage(self.log.add(role, text, status), role, text, status)
        self._messages.append(message)
        return message

    def _refuse_while_streaming(self) -> None:
        if self.streaming_reply is not None:
            raise InvalidInputError(
                translate("ChatSession", "Wait for the reply to finish, or press Stop.")
            )

    def _index(self, message_id: str) -> int:
        for index, message in enumerate(self._messages):
            if message.id == message_id:
                return index
        raise InvalidInputError(
            translate("ChatSession", "That message is no longer in this conversation.")
        )
