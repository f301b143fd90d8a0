"""The window's drafts, geometry and splitter sizes, saved in the UI state."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray

log = logging.getLogger(__name__)

_SPLITTER = "main"


class WindowState:
    """Saves and restores drafts and window geometry; mixed into MainWindow."""

    def _save_draft(self) -> None:
        if self.editing_message_id is not None:
            return
        self._store_draft(self.chat.conversation_id or "new", self.composer.editor.toPlainText())

    def _store_draft(self, key: str, text: str) -> None:
        state = self.services.ui_state
        if state.draft(key) == text or (not text.strip() and not state.draft(key)):
            return
        self.services.ui_state = state.with_draft(key, text)
        self._save_ui_state_soon()

    def _save_ui_state_soon(self) -> None:
        state = self.services.ui_state.with_splitter(_SPLITTER, self.splitter.sizes())
        self.services.ui_state = state
        self.tasks.save_in_background(self.services.ui_state_store.save, state)

    def _restore_ui_state(self) -> None:
        state = self.services.ui_state
        geometry = state.geometry_bytes()
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        window_state = state.state_bytes()
        if window_state:
            self.restoreState(QByteArray(window_state))
        sizes = state.splitter(_SPLITTER)
        if len(sizes) == 2 and all(sizes):
            self.splitter.setSizes(list(sizes))

    def save_ui_state(self) -> None:
        """Write geometry, splitter sizes and the draft now (on close)."""
        self._save_draft()
        state = self.services.ui_state.with_geometry(
            bytes(self.saveGeometry().data()), bytes(self.saveState().data())
        ).with_splitter(_SPLITTER, self.splitter.sizes())
        self.services.ui_state = state
        try:
            self.services.ui_state_store.save(state)
        except OSError as error:
            log.warning("could not save the window state: %s", error)
