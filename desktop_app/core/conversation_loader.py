"""Open a long conversation newest-first: the last page at once, older pages on scroll-up.

A search hit far back is opened as a page around it instead; newer pages then follow as the
reader scrolls down, so the window never has to hold everything between the hit and the end.
"""

from __future__ import annotations

from typing import Protocol

from desktop_app.core.storage.records import StoredMessage

#: Messages shown when a conversation opens: enough to fill a tall window several times over,
#: few enough to render in well under the 500 ms first-paint budget.
FIRST_PAGE = 50
#: Messages added each time the reader reaches the top (or, below a search hit, the bottom).
OLDER_PAGE = 50
#: A search hit at most this many messages before the loaded page is reached by loading
#: everything in between; further back, the window opens a page around the hit instead.
NEAR_HIT = 300


class MessageReader(Protocol):
    """The part of storage.Database the loader reads."""

    def messages(
        self,
        conversation_id: str,
        *,
        limit: int | None = None,
        before_position: int | None = None,
        from_position: int | None = None,
    ) -> list[StoredMessage]: ...

    def count_messages(self, conversation_id: str) -> int: ...


class ConversationLoader:
    """Pages through one conversation from the end backwards (positions are kept in order).

    The window shows `newest()` when the conversation opens and adds `older()` in front when
    the reader scrolls to the top, until `has_older` is False. The chat session still gets
    every message (it sends the whole conversation each turn): that list is cheap; rendering
    it all is what is not.
    """

    def __init__(
        self,
        reader: MessageReader,
        conversation_id: str,
        *,
        first_page: int = FIRST_PAGE,
        older_page: int = OLDER_PAGE,
    ) -> None:
        if first_page < 1 or older_page < 1:
            raise ValueError("page sizes must be at least 1")
        self._reader = reader
        self.conversation_id = conversation_id
        self._first_page = first_page
        self._older_page = older_page
        self._oldest_position: int | None = None
        self._newest_position: int | None = None
        self._has_older = True
        self._has_newer = False
        self.loaded = 0

    @property
    def has_older(self) -> bool:
        """True while messages before the loaded ones remain."""
        return self._has_older

    @property
    def has_newer(self) -> bool:
        """True when a page around a search hit is shown and messages after it remain."""
        return self._has_newer

    def newest(self) -> list[StoredMessage]:
        """The last page of the conversation, oldest first (starts the paging again)."""
        self._oldest_position, self._has_older, self._has_newer, self.loaded = None, True, False, 0
        page = self._take(self._first_page)
        self._newest_position = page[-1].position if page else None
        return page

    def is_near(self, position: int) -> bool:
        """Whether a message at `position` is loaded or close enough to load everything to it."""
        return self._oldest_position is not None and (position >= self._oldest_position - NEAR_HIT)

    def around(self, position: int) -> list[StoredMessage]:
        """A page centred on `position`, oldest first (starts the paging again from there).

        Older pages then come from `older()`, newer ones from `newer()` until `has_newer` is
        False, when what is loaded reaches the end of the conversation.
        """
        start = max(0, position - self._first_page // 2)
        page = self._reader.messages(
            self.conversation_id, limit=self._first_page, from_position=start
        )
        self.loaded = len(page)
        self._oldest_position = page[0].position if page else None
        self._newest_position = page[-1].position if page else None
        self._has_older = bool(page) and page[0].position > 0
        self._has_newer = self._exists_after(self._newest_position)
        return page

    def newer(self) -> list[StoredMessage]:
        """The page just after what is loaded, oldest first; [] at the end of the conversation."""
        if self._newest_position is None or not self._has_newer:
            return []
        page = self._reader.messages(
            self.conversation_id, limit=self._older_page, from_position=self._newest_position + 1
        )
        if page:
            self._newest_position = page[-1].position
            self.loaded += len(page)
        self._has_newer = self._exists_after(self._newest_position)
        return page

    def _exists_after(self, position: int | None) -> bool:
        if position is None:
            return False
        return bool(
            self._reader.messages(self.conversation_id, limit=1, from_position=position + 1)
        )

    def older(self) -> list[StoredMessage]:
        """The page just before what is loaded, oldest first; [] when the start was reached."""
        if not self._has_older:
            return []
        if self._oldest_position is None:
            return self.newest()
        return self._take(self._older_page)

    def older_through(self, position: int, context: int = 5) -> list[StoredMessage]:
        """Older messages down to `position` (and `context` before it), oldest first.

        For opening a search result that lies before the loaded page: [] when it is loaded.
        Call `newest()` first.
        """
        if self._oldest_position is None:
            if self._has_older:
                raise RuntimeError("call newest() before older_through()")
            return []  # the conversation is empty
        if not self._has_older or position >= self._oldest_position:
            return []
        return self._take(self._oldest_position - max(0, position - context))

    def _take(self, limit: int) -> list[StoredMessage]:
        page = self._reader.messages(
            self.conversation_id, limit=limit, before_position=self._oldest_position
        )
        if page:
            self._oldest_position = page[0].position
            self.loaded += len(page)
        # A short page means the start was reached; so does position 0.
        self._has_older = len(page) == limit and page[0].position > 0
        return page
