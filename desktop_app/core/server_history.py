"""Server-side chat history: group AgentsGT records into threads and import a thread locally."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any, Protocol

from desktop_app.core.api_types import HistoryPage, HistoryRecord, Pagination
from desktop_app.core.events import Usage
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile, normalize_base_url
from desktop_app.core.storage.conversations import propose_title
from desktop_app.core.storage.ports import ConversationImporter
from desktop_app.core.storage.records import Conversation, StoredMessage

#: Prefix of the thread key given to a record the server sent without a thread id.
LONE_RECORD_PREFIX = "record:"
#: The API's largest page; fetching a whole thread uses it.
MAX_PAGE_SIZE = 100
#: A thread longer than this many pages is cut (a runaway server must not loop forever).
MAX_THREAD_PAGES = 50
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ServerThread:
    """The exchanges of one server thread, oldest first, with a few totals for display."""

    thread_id: str
    records: tuple[HistoryRecord, ...]

    @property
    def title(self) -> str:
        """A title made from the first question (as a local conversation would get)."""
        return propose_title(self.records[0].input) if self.records else "(empty thread)"

    @property
    def first_at(self) -> datetime | None:
        """When the thread's first exchange happened (None when the server gave no times)."""
        return next((r.created_at for r in self.records if r.created_at is not None), None)

    @property
    def last_at(self) -> datetime | None:
        """When the thread's latest exchange happened."""
        times = [r.created_at for r in self.records if r.created_at is not None]
        return max(times, key=_sort_time) if times else None

    @property
    def agent_id(self) -> str | None:
        """The agent of the thread (from its first record that names one)."""
        return next((r.agent_id for r in self.records if r.agent_id), None)

    @property
    def agent_name(self) -> str | None:
        """The agent's name, when the server sent it (the identifier endpoint does)."""
        return next((r.agent_name for r in self.records if r.agent_name), None)

    @property
    def total_credits(self) -> float:
        """Credits the thread's exchanges on this page cost."""
        return sum(r.total_credits or 0 for r in self.records)

    @property
    def is_real_thread(self) -> bool:
        """False for a record that came with no thread id (it cannot be fetched by thread)."""
        return not self.thread_id.startswith(LONE_RECORD_PREFIX)


@dataclass(frozen=True, slots=True)
class ThreadImport:
    """What importing a thread did: the local conversation, and how many exchanges it added."""

    conversation_id: str
    title: str
    created: bool
    added: int
    already_present: int

    def sentence(self) -> str:
        """A one-line report for the person who pressed Import."""
        if self.created:
            plural = "exchange" if self.added == 1 else "exchanges"
            return f"Imported “{self.title}” ({self.added} {plural})."
        if self.added:
            plural = "exchange" if self.added == 1 else "exchanges"
            return f"“{self.title}” was already imported; added {self.added} new {plural}."
        return f"“{self.title}” was already imported and is up to date."


class ThreadStore(ConversationImporter, Protocol):
    """The part of storage.Database an import uses (its public API only)."""

    def list_conversations(
        self, profile_id: str | None = None, *, deleted: bool = False
    ) -> list[Conversation]: ...

    def restore_conversation(self, conversation_id: str) -> Conversation: ...

    def messages(self, conversation_id: str) -> list[StoredMessage]: ...

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        text: str,
        *,
        status: MessageStatus = ...,
        usage: Usage | None = ...,
        created_at: datetime | None = ...,
    ) -> Any: ...


class HistorySource(Protocol):
    """Fetches one page of a thread (an AgentsGTClient call bound to agent or identifier)."""

    async def __call__(self, *, page: int, limit: int, thread_id: str) -> HistoryPage: ...


def _sort_time(moment: datetime | None) -> datetime:
    if moment is None:
        return _EPOCH
    # Naive times from a server are UTC; comparing naive with aware would raise.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def thread_key(record: HistoryRecord) -> str:
    """The thread a record belongs to; a record with no thread id is a thread of its own."""
    return record.thread_id or f"{LONE_RECORD_PREFIX}{record.id}"


def group_by_thread(records: Iterable[HistoryRecord]) -> list[ServerThread]:
    """Group records by thread: records oldest first, threads with the latest activity first.

    Records with equal times keep the server's relative order reversed (the server lists
    newest first), and a record repeated on two pages (ids equal) is kept once.
    """
    groups: dict[str, list[tuple[int, HistoryRecord]]] = {}
    seen: set[str] = set()
    for index, record in enumerate(records):
        if record.id in seen:
            continue
        seen.add(record.id)
        groups.setdefault(thread_key(record), []).append((index, record))
    threads = []
    for key, items in groups.items():
        # The server sends newest first: a later index is older when the times are equal.
        items.sort(key=lambda item: (_sort_time(item[1].created_at), -item[0]))
        threads.append(ServerThread(key, tuple(record for _, record in items)))
    threads.sort(key=lambda t: _sort_time(t.last_at), reverse=True)
    return threads


def page_count(pagination: Pagination | None) -> int | None:
    """How many pages the result has (total / limit rounded up), or None when unknown."""
    if pagination is None or pagination.total is None or pagination.limit <= 0:
        return None
    return max(1, math.ceil(pagination.total / pagination.limit))


async def fetch_thread(source: HistorySource, thread_id: str) -> ServerThread:
    """Every record of one thread, across as many pages as the server has (up to a cap)."""
    records: list[HistoryRecord] = []
    for page_number in range(1, MAX_THREAD_PAGES + 1):
        page = await source(page=page_number, limit=MAX_PAGE_SIZE, thread_id=thread_id)
        records.extend(r for r in page.records if r.thread_id == thread_id)
        if not page.has_more or not page.records:
            break
    threads = group_by_thread(records)
    return threads[0] if threads else ServerThread(thread_id, ())


def profile_for_thread(
    thread: ServerThread, preferred: Profile, profiles: Sequence[Profile]
) -> Profile | None:
    """The local profile a thread belongs with: `preferred` when the agent matches (or is
    unknown), else another profile for the same agent at the same base URL, else None."""
    agent = (thread.agent_id or "").lower()
    if not agent or agent == preferred.agent_id.lower():
        return preferred
    base = normalize_base_url(preferred.base_url)
    for profile in profiles:
        if profile.agent_id.lower() == agent and normalize_base_url(profile.base_url) == base:
            return profile
    return None


def find_imported(store: ThreadStore, profile_id: str, thread_id: str) -> Conversation | None:
    """The local conversation holding this server thread (also one in the bin), or None."""
    for deleted in (False, True):
        for conversation in store.list_conversations(profile_id, deleted=deleted):
            if conversation.server_thread_id == thread_id:
                return conversation
    return None


def _exchanges(messages: Sequence[StoredMessage]) -> Counter[tuple[str, str]]:
    """(question, answer) pairs already in a conversation: a user message and the reply after."""
    pairs: Counter[tuple[str, str]] = Counter()
    for before, after in pairwise(messages):
        if before.role is Role.USER and after.role is Role.ASSISTANT:
            pairs[(before.text, after.text)] += 1
    return pairs


def import_thread(store: ThreadStore, profile_id: str, thread: ServerThread) -> ThreadImport:
    """Make (or bring up to date) the local conversation for a server thread, in ONE transaction.

    The conversation's `server_thread_id` identifies it, so importing twice never duplicates.
    Exchanges already present (same question and answer, counted with repeats) are skipped;
    new ones are appended at the end. A conversation in the bin is restored.
    """
    if not thread.records:
        raise ValueError("A thread with no records cannot be imported.")
    with store.transaction():
        existing = find_imported(store, profile_id, thread.thread_id)
        if existing is None:
            conversation = store.create_conversation(
                profile_id,
                thread.title,
                created_at=_sort_time(thread.first_at) if thread.first_at else None,
                server_thread_id=thread.thread_id,
            )
            present: Counter[tuple[str, str]] = Counter()
        else:
            conversation = existing
            if existing.deleted_at is not None:
                conversation = store.restore_conversation(existing.id)
            present = _exchanges(store.messages(existing.id))
        added = skipped = 0
        for record in thread.records:
            key = (record.input, record.output)
            if present[key] > 0:
                present[key] -= 1
                skipped += 1
                continue
            _add_exchange(store, conversation.id, record)
            added += 1
    return ThreadImport(conversation.id, conversation.title, existing is None, added, skipped)


def _add_exchange(store: ThreadStore, conversation_id: str, record: HistoryRecord) -> None:
    when = _sort_time(record.created_at) if record.created_at is not None else None
    store.add_message(conversation_id, Role.USER, record.input, created_at=when)
    usage = None
    if record.input_tokens is not None or record.output_tokens is not None:
        usage = Usage(record.input_tokens, record.output_tokens)
    store.add_message(
        conversation_id,
        Role.ASSISTANT,
        record.output,
        status=MessageStatus.COMPLETE,
        usage=usage,
        created_at=when,
    )
