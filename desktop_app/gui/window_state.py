"""The window's drafts, geometry and splitter sizes, saved in the UI state."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop_app.gui.services import Services
from desktop_app.gui.window_tasks import WindowTasks

log = logging.getLogger(__name__)

_SPLITTER = "main"
#: The key of the draft of a chat not saved yet.
NEW_CHAT_DRAFT = "new"

#: The draft to keep now, as (conversation id or NEW_CHAT_DRAFT, text); None: keep nothing.
DraftSource = Callable[[], tuple[str, str] | None]


class WindowStateKeeper(QObject):
    """Saves and restores one window's drafts (one per conversation), geometry and splitter.

    `draft_changed()` (the composer's text changed) saves the draft a moment later, off the
    GUI thread; `save_now()` writes everything at once (on close).
    """

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        services: Services,
        tasks: WindowTasks,
        current_draft: DraftSource,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._services = services
        self._tasks = tasks
        self._current_draft = current_draft
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(800)
        self._timer.timeout.connect(self.save_draft)

    def draft_changed(self) -> None:
        """The composer's text changed: save the draft soon."""
        self._timer.start()

    def draft(self, conversation_id: str | None) -> str:
        """The saved draft of a conversation (None: of the new chat)."""
        return self._services.ui_state.draft(conversation_id or NEW_CHAT_DRAFT)

    def save_draft(self) -> None:
        """Keep the composer's text as the draft of the conversation it was typed for."""
        current = self._current_draft()
        if current is not None:
            self.store_draft(*current)

    def store_draft(self, key: str, text: str) -> None:
        """Keep `text` as the draft under `key` (a conversation id or NEW_CHAT_DRAFT)."""
        state = self._services.ui_state
        if state.draft(key) == text or (not text.strip() and not state.draft(key)):
            return
        self._services.ui_state = state.with_draft(key, text)
        self.save_soon()

    def save_soon(self) -> None:
        """Save the UI state (with the splitter's sizes now) on the window's I/O thread."""
        state = self._services.ui_state.with_splitter(_SPLITTER, self._splitter.sizes())
        self._services.ui_state = state
        self._tasks.save_in_background(self._services.ui_state_store.save, state)

    def restore(self) -> None:
        """Put the window and splitter back as they were saved."""
        state = self._services.ui_state
        geometry = state.geometry_bytes()
        if geometry:
            self._window.restoreGeometry(QByteArray(geometry))
        window_state = state.state_bytes()
        if window_state:
            self._window.restoreState(QByteArray(window_state))
        sizes = state.splitter(_SPLITTER)
        if len(sizes) == 2 and all(sizes):
            self._splitter.setSizes(list(sizes))

    def save_now(self) -> None:
        """Write geometry, splitter sizes and the draft now (on close)."""
        self._timer.stop()
        self.save_draft()
        window = self._window
        state = self._services.ui_state.with_geometry(
            bytes(window.saveGeometry().data()), bytes(window.saveState().data())
        ).with_splitter(_SPLITTER, self._splitter.sizes())
        self._services.ui_state = state
        try:
            self._services.ui_state_store.save(state)
        except OSError as error:
            log.warning("could not save the window state: %s", error)
