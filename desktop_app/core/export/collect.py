"""Gather conversations from the history database into an ExportDocument (profiles, no keys)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from desktop_app import __version__
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.export.schema import (
    ConversationExport,
    ExportDocument,
    ExportedMessage,
    ExportedProfile,
    ExportedUsage,
)
from desktop_app.core.messages import translate
from desktop_app.core.profiles import Profile
from desktop_app.core.storage.records import Conversation, StoredMessage, utc_now


class HistoryReader(Protocol):
    """The part of storage.Database an export reads."""

    def list_conversations(
        self, profile_id: str | None = None, *, deleted: bool = False
    ) -> list[Conversation]: ...

    def get_conversation(self, conversation_id: str) -> Conversation | None: ...

    def get_profile(self, profile_id: str) -> Profile | None: ...

    def messages(self, conversation_id: str) -> list[StoredMessage]: ...


def exported_profile(profile: Profile) -> ExportedProfile:
    """What an export says about a profile: never `key_ref`, never a key."""
    return ExportedProfile(
        display_name=profile.display_name,
        agent_id=profile.agent_id,
        agent_name=profile.agent_name,
        base_url=profile.base_url,
    )


def exported_message(message: StoredMessage) -> ExportedMessage:
    """A stored message as the export schema keeps it."""
    usage = None
    if message.input_tokens is not None or message.output_tokens is not None:
        usage = ExportedUsage(message.input_tokens, message.output_tokens)
    return ExportedMessage(
        id=message.id,
        role=message.role,
        text=message.text,
        reasoning=message.reasoning,
        parts=message.parts,
        status=message.status,
        error_text=message.error_text,
        created_at=message.created_at,
        finished_at=message.finished_at,
        usage=usage,
    )


def conversation_export(
    conversation: Conversation, profile: Profile, messages: Sequence[StoredMessage]
) -> ConversationExport:
    """One conversation with its profile and messages, ready for any export format."""
    return ConversationExport(
        id=conversation.id,
        title=conversation.title,
        profile=exported_profile(profile),
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        server_thread_id=conversation.server_thread_id,
        messages=tuple(exported_message(m) for m in messages),
    )


def collect(
    history: HistoryReader,
    conversation_ids: Sequence[str] | None = None,
    *,
    exported_at: datetime | None = None,
) -> ExportDocument:
    """Read the given conversations (None: every one not in the bin) into an ExportDocument.

    Raises InvalidInputError naming an id that does not exist. Conversations come in the order
    asked for, or for "all" oldest first, so a file reads like a diary.
    """
    if conversation_ids is None:
        found = sorted(history.list_conversations(), key=lambda c: (c.created_at, c.id))
    else:
        found = []
        for conversation_id in dict.fromkeys(conversation_ids):  # drop repeats, keep order
            conversation = history.get_conversation(conversation_id)
            if conversation is None:
                raise InvalidInputError(
                    translate("Export", "There is no conversation with the id {id}.").format(
                        id=conversation_id
                    )
                )
            found.append(conversation)
    profiles: dict[str, Profile] = {}
    exports = []
    for conversation in found:
        profile = profiles.get(conversation.profile_id) or history.get_profile(
            conversation.profile_id
        )
        if profile is None:  # cannot happen with the foreign key, but say so plainly if it does
            raise InvalidInputError(
                translate("Export", "The profile of conversation {id} is missing.").format(
                    id=conversation.id
                )
            )
        profiles[profile.id] = profile
        exports.append(
            conversation_export(conversation, profile, history.messages(conversation.id))
        )
    return ExportDocument(
        conversations=tuple(exports),
        exported_at=exported_at or utc_now(),
        app_version=__version__,
    )
