"""Full-text search over message text (FTS5, bm25 ranking, highlighted snippets)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from desktop_app.core.models import Role
from desktop_app.core.storage.base import StoreBase
from desktop_app.core.storage.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    from_db_time,
)

SNIPPET_TOKENS = 16
MAX_TERMS = 16
# Queries matching more messages than this rank only the newest this many (see search()).
RANK_WINDOW = 5000
# Message hits read per conversation wanted, to find that many different conversations.
HITS_PER_CONVERSATION = 10
_WORD = re.compile(r"\w", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def build_match_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 MATCH expression, or None if nothing to find.

    Every whitespace-separated term becomes a quoted prefix phrase ("term"*), so FTS syntax
    characters (quotes, -, *, :, parentheses, AND/OR/NOT/NEAR) are just text and never raise.
    Terms must all match (implicit AND). Terms with no letter or digit are dropped: the
    tokenizer would turn them into nothing.
    """
    # SQLite reads the expression as a C string: a NUL would cut it inside a quoted term.
    text = _CONTROL.sub(" ", text)
    terms = [term for term in text.split() if _WORD.search(term)][:MAX_TERMS]
    if not terms:
        return None
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def strip_highlights(snippet: str) -> str:
    """The snippet without the highlight markers (for plain-text output)."""
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def split_highlights(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain snippet and the (start, end) character spans that were highlighted."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, None
    for piece in re.split(f"([{HIGHLIGHT_START}{HIGHLIGHT_END}])", snippet):
        if piece == HIGHLIGHT_START:
            start = length
        elif piece == HIGHLIGHT_END:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), tuple(spans)


@dataclass(frozen=True, slots=True)
class ConversationHits:
    """A conversation that matched: its best message (snippet without Markdown markers) and
    how many of its messages matched."""

    best: SearchHit
    match_count: int


class SearchStore(StoreBase):
    """Search across the messages of every (not deleted) conversation."""

    def search(
        self, query: str, *, profile_id: str | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Messages matching every term of `query`, best first (bm25).

        Hits in conversations in the bin are left out. An empty or symbol-only query gives [].
        When more than RANK_WINDOW messages match, only the newest RANK_WINDOW are ranked:
        ranking costs time per match, and such a vague query is about recent talk anyway.
        """
        match = build_match_query(query)
        if match is None or limit <= 0:
            return []
        scope = "c.deleted_at IS NULL"
        scope_params: list[Any] = []
        if profile_id is not None:
            scope += " AND c.profile_id = ?"
            scope_params.append(profile_id)
        joins = (
            "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
            "JOIN conversations c ON c.id = m.conversation_id"
        )
        with self._reading() as conn:
            # Walking the matches newest first is cheap (doclists are in rowid order).
            row = conn.execute(
                f"SELECT messages_fts.rowid {joins} WHERE messages_fts MATCH ? AND {scope} "
                "ORDER BY messages_fts.rowid DESC LIMIT 1 OFFSET ?",
                (match, *scope_params, RANK_WINDOW - 1),
            ).fetchone()
            oldest_ranked = row[0] if row else 0
            # ORDER BY rank is done inside FTS5, so snippet() runs only for the rows returned.
            rows = conn.execute(
                "SELECT m.id, m.conversation_id, c.title, c.profile_id, m.position, m.role, "
                "snippet(messages_fts, 0, ?, ?, '…', ?), m.created_at, messages_fts.rank "
                f"{joins} WHERE messages_fts MATCH ? AND messages_fts.rowid >= ? AND {scope} "
                "ORDER BY messages_fts.rank LIMIT ?",
                (
                    HIGHLIGHT_START,
                    HIGHLIGHT_END,
                    SNIPPET_TOKENS,
                    match,
                    oldest_ranked,
                    *scope_params,
                    limit,
                ),
            ).fetchall()
        hits = []
        for row in rows:
            created = from_db_time(row[7])
            assert created is not None  # NOT NULL column
            hits.append(
                SearchHit(
                    message_id=row[0],
                    conversation_id=row[1],
                    conversation_title=row[2],
                    profile_id=row[3],
                    position=row[4],
                    role=Role(row[5]),
                    snippet=row[6],
                    created_at=created,
                    rank=row[8],
                )
            )
        return hits

    def search_conversations(
        self, query: str, *, profile_id: str | None = None, limit: int = 50
    ) -> list[ConversationHits]:
        """Conversations with a message matching every term of `query`, best first.

        Each comes with its best-ranked message, whose snippet is plain text (a reply's
        Markdown markers removed; what a person typed is kept), and its number of matches.
        """
        if limit <= 0:
            return []
        best: dict[str, SearchHit] = {}
        for hit in self.search(query, profile_id=profile_id, limit=limit * HITS_PER_CONVERSATION):
            best.setdefault(hit.conversation_id, hit)  # hits come best first
            if len(best) == limit:
                break
        if not best:
            return []
        counts = self._match_counts(query, list(best))
        return [
            ConversationHits(_plain_snippet(hit), counts.get(conversation_id, 1))
            for conversation_id, hit in best.items()
        ]

    def _match_counts(self, query: str, conversation_ids: list[str]) -> dict[str, int]:
        """How many messages of each conversation match `query`."""
        match = build_match_query(query)
        if match is None:
            return {}
        marks = ",".join("?" * len(conversation_ids))
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT m.conversation_id, count(*) FROM messages_fts "
                "JOIN messages m ON m.id = messages_fts.rowid "
                f"WHERE messages_fts MATCH ? AND m.conversation_id IN ({marks}) "
                "GROUP BY m.conversation_id",
                (match, *conversation_ids),
            ).fetchall()
        return {row[0]: int(row[1]) for row in rows}


def _plain_snippet(hit: SearchHit) -> SearchHit:
    """The hit with a reply's snippet stripped of Markdown markers (replies are Markdown)."""
    # Loaded on first search: the history is opened before the window's first paint, and
    # this module compiles its patterns at import.
    from desktop_app.core.markdown_text import strip_markdown_markers

    if hit.role is not Role.ASSISTANT:
        return hit
    return replace(hit, snippet=strip_markdown_markers(hit.snippet))
