"""Import a canonical JSON export into the history database: validate all, then write in one go.

Rules, so importing is safe to repeat:
- The whole file is parsed and validated (schema, sizes, profiles) before anything is written;
  then everything is written in ONE transaction: on any failure nothing changes.
- Conversation ids are kept. A conversation whose id already exists locally is skipped and left
  unchanged, so importing the same export twice adds nothing the second time and never
  overwrites local changes. One in the bin (Recently deleted) is restored instead: its binned
  copy is erased and the imported content written in its place.
- Message ids are local row numbers: imported messages get fresh ones, in the file's order.
  A message exported while it was still streaming is imported as interrupted.
- A conversation attaches to a local profile with the same base URL and agent id; otherwise to
  a new profile without keys named "Imported: <agent name>" (one per agent per import).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import Usage
from desktop_app.core.export.json_format import read_json_file
from desktop_app.core.export.schema import (
    ConversationExport,
    ConversationImportError,
    ExportDocument,
    ExportedProfile,
)
from desktop_app.core.messages import translate
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import (
    MAX_DISPLAY_NAME,
    Profile,
    new_profile,
    normalize_base_url,
    validate_profile,
)
from desktop_app.core.storage.ports import ConversationImporter
from desktop_app.core.storage.records import Conversation, PartRecord, StoredMessage

IMPORTED_PREFIX = "Imported: "


class HistoryWriter(ConversationImporter, Protocol):
    """The part of storage.Database the importer uses (its public API only)."""

    def save_profile(self, profile: Profile) -> Profile: ...

    def get_conversation(self, conversation_id: str) -> Conversation | None: ...

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        text: str,
        *,
        status: MessageStatus = ...,
        reasoning: str = ...,
        parts: tuple[PartRecord, ...] = ...,
        error_text: str | None = ...,
        usage: Usage | None = ...,
        created_at: datetime | None = ...,
        finished_at: datetime | None = ...,
    ) -> StoredMessage: ...

    def touch_conversation(self, conversation_id: str, when: datetime | None = None) -> None: ...

    def erase_conversation(self, conversation_id: str) -> None: ...


@dataclass(frozen=True, slots=True)
class ImportedConversation:
    """A conversation the import added."""

    id: str
    title: str
    message_count: int
    profile_name: str
    #: True when it was in the bin (Recently deleted) and the import brought it back.
    restored: bool = False


@dataclass(frozen=True, slots=True)
class SkippedConversation:
    """A conversation the import left alone because its id already existed here."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did."""

    imported: tuple[ImportedConversation, ...]
    skipped: tuple[SkippedConversation, ...]
    new_profiles: tuple[str, ...]

    def lines(self) -> Iterator[str]:
        """The report as sentences for a person (the CLI prints these)."""
        count = len(self.imported)
        messages = sum(c.message_count for c in self.imported)
        yield (
            f"Imported {count} conversation{'s' if count != 1 else ''} "
            f"({messages} message{'s' if messages != 1 else ''})."
        )
        for conversation in self.imported:
            yield (
                f"  + {conversation.title} ({conversation.message_count} messages, "
                f"profile {conversation.profile_name}) [{conversation.id}]"
            )
            if conversation.restored:
                yield "    (restored from Recently deleted)"
        if self.skipped:
            yield f"Skipped {len(self.skipped)} already present (left unchanged):"
            for skipped in self.skipped:
                yield f"  = {skipped.title} [{skipped.id}]"
        for name in self.new_profiles:
            yield f"Created the profile {name!r} without keys: add its key pair to chat with it."


def _profile_key(base_url: str, agent_id: str) -> tuple[str, str]:
    agent_id = agent_id.strip()
    try:
        agent_id = str(uuid.UUID(agent_id))
    except ValueError:
        agent_id = agent_id.lower()
    return normalize_base_url(base_url).lower(), agent_id


def _new_profile_for(profile: ExportedProfile) -> Profile:
    name = profile.agent_name.strip() or profile.display_name.strip() or profile.agent_id
    display_name = (IMPORTED_PREFIX + " ".join(name.split()))[:MAX_DISPLAY_NAME].strip()
    return new_profile(
        display_name, profile.agent_id, base_url=profile.base_url, agent_name=profile.agent_name
    )


def check_profiles(document: ExportDocument) -> None:
    """Refuse, before any write, a profile that could not be saved if a new one were needed."""
    for index, conversation in enumerate(document.conversations, start=1):
        try:
            validate_profile(_new_profile_for(conversation.profile))
        except InvalidInputError as exc:
            raise ConversationImportError(
                translate("Import", "conversation {index}, profile: {problem}").format(
                    index=index, problem=exc.message
                )
            ) from None


def _clean_title(title: str) -> str | None:
    # Storage refuses a blank title; None lets it use its own "New conversation".
    return " ".join(title.split()) or None


def _write_conversation(
    history: HistoryWriter, conversation: ConversationExport, profile: Profile
) -> None:
    history.create_conversation(
        profile.id,
        _clean_title(conversation.title),
        conversation_id=conversation.id,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        server_thread_id=conversation.server_thread_id,
    )
    for message in conversation.messages:
        status = message.status
        if status is MessageStatus.STREAMING:  # nothing is streaming it here
            status = MessageStatus.INTERRUPTED
        usage = message.usage
        history.add_message(
            conversation.id,
            message.role,
            message.text,
            status=status,
            reasoning=message.reasoning,
            parts=message.parts,
            error_text=message.error_text,
            usage=Usage(usage.input_tokens, usage.output_tokens) if usage else None,
            created_at=message.created_at,
            finished_at=message.finished_at,
        )
    # add_message moves updated_at forward; put back the time the export recorded.
    history.touch_conversation(conversation.id, conversation.updated_at)


def import_document(history: HistoryWriter, document: ExportDocument) -> ImportReport:
    """Write a validated export into the database in one transaction; see the module rules."""
    check_profiles(document)
    imported: list[ImportedConversation] = []
    skipped: list[SkippedConversation] = []
    new_profiles: list[str] = []
    with history.transaction():
        profiles = {_profile_key(p.base_url, p.agent_id): p for p in history.list_profiles()}
        for conversation in document.conversations:
            present = history.get_conversation(conversation.id)
            if present is not None and present.deleted_at is None:
                skipped.append(SkippedConversation(conversation.id, conversation.title))
                continue
            if present is not None:  # in the bin: the import brings it back, as exported
                history.erase_conversation(conversation.id)
            key = _profile_key(conversation.profile.base_url, conversation.profile.agent_id)
            profile = profiles.get(key)
            if profile is None:
                profile = history.save_profile(_new_profile_for(conversation.profile))
                profiles[key] = profile
                new_profiles.append(profile.display_name)
            _write_conversation(history, conversation, profile)
            imported.append(
                ImportedConversation(
                    id=conversation.id,
                    title=_clean_title(conversation.title) or "Untitled",
                    message_count=len(conversation.messages),
                    profile_name=profile.display_name,
                    restored=present is not None,
                )
            )
    return ImportReport(tuple(imported), tuple(skipped), tuple(new_profiles))


def import_file(history: HistoryWriter, path: str | Path) -> ImportReport:
    """Read, validate and import an export file (ConversationImportError if it is refused)."""
    return import_document(history, read_json_file(path))
