"""Shows a running reply in the transcript: the window's side of core.reply_run.ReplyObserver."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.error_text import ErrorText, retry_wait_text
from desktop_app.core.models import RetryWait
from desktop_app.core.reply_run import ReplyEnd, ReplyObserver
from desktop_app.core.storage.records import SourceRecord, ToolRecord
from desktop_app.gui.transcript import LiveReply


class TranscriptObserver(ReplyObserver):
    """Feeds the live reply; a retry wait is shown as a notice until the first text comes."""

    def __init__(
        self,
        live: LiveReply,
        on_finished: Callable[[ReplyEnd], None],
        show_notice: Callable[[ErrorText], None],
        clear_notice: Callable[[], None],
        on_progress: Callable[[], None] = lambda: None,
    ) -> None:
        """`on_progress` is called whenever anything of the reply arrives (stall watch)."""
        self._live = live
        self._on_progress = on_progress
        self._on_finished = on_finished
        self._show_notice = show_notice
        self._clear_notice = clear_notice
        self._waiting = False

    def text_received(self, delta: str) -> None:
        if self._waiting:
            self._waiting = False
            self._clear_notice()
        self._live.append_text(delta)
        self._on_progress()

    def reasoning_received(self, delta: str) -> None:
        self._live.append_reasoning(delta)
        self._on_progress()

    def tool_changed(self, tool: ToolRecord) -> None:
        self._live.add_tool(tool)
        self._on_progress()

    def source_received(self, source: SourceRecord) -> None:
        self._live.add_source(source)
        self._on_progress()

    def retry_scheduled(self, wait: RetryWait) -> None:
        self._waiting = True
        self._show_notice(retry_wait_text(wait))

    def finished(self, end: ReplyEnd) -> None:
        self._live.finish(end.status, end.problem.sentence if end.problem is not None else None)
        self._on_finished(end)
