"""The window's chat controller: owns the streaming task, feeds the transcript, saves history."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.core import errors
from desktop_app.core.chat_session import (
    ChatSession,
    SessionMessage,
    Turn,
    reply_status,
    session_message,
)
from desktop_app.core.error_text import (
    ErrorText,
    describe_error,
    describe_outcome,
    history_not_saved,
    is_expected,
)
from desktop_app.core.events import (
    Finish,
    ReasoningDelta,
    Source,
    StreamResult,
    TextDelta,
    ToolActivity,
    ToolPhase,
)
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile
from desktop_app.core.storage import parts_from_result, propose_title
from desktop_app.core.storage.errors import StorageError
from desktop_app.gui.conversation_pages import ConversationPages, SavingLog, message_view
from desktop_app.gui.services import Services
from desktop_app.gui.transcript.types import SourceLink, ToolSummary

if TYPE_CHECKING:
    # asyncio loads after the first paint (app.py), with the qasync loop.
    import asyncio

    from desktop_app.core.client import AgentsGTClient
    from desktop_app.gui.transcript import LiveReply, TranscriptView

log = logging.getLogger(__name__)

# How often the streaming reply's snapshot is handed to the StreamingWriter. The writer itself
# writes at most once a second; handing it the whole text per token would copy O(n²) bytes.
_SNAPSHOT_INTERVAL = 0.25
# Longest run of stream events handled without letting the Qt event loop run.
_YIELD_INTERVAL = 0.015

_TOOL_STATES = {
    ToolPhase.INPUT_START: "preparing",
    ToolPhase.INPUT_DELTA: "preparing",
    ToolPhase.INPUT_AVAILABLE: "running",
    ToolPhase.INPUT_ERROR: "failed",
    ToolPhase.OUTPUT_AVAILABLE: "done",
    ToolPhase.OUTPUT_ERROR: "failed",
    ToolPhase.APPROVAL_REQUEST: "waiting for approval",
    ToolPhase.OUTPUT_DENIED: "denied",
}


#: Languages whose Pygments lexers the warm-up loads (the ones replies use most).
_WARM_LEXERS = ("python", "json", "javascript", "bash")


def prepare_first_reply(pygments_styles: Iterable[str]) -> None:
    """Import and build what the first send and the first shown reply need. Blocking.

    For a worker thread after the first paint: httpx and the API client (~100 ms to import),
    markdown-it, and Pygments' formatters and common lexers (loaded on first use). Done on the
    GUI thread at the first send and the first code block, they were stalls of 50-150 ms.
    """
    from desktop_app.core import client  # noqa: F401 (httpx comes with it)
    from desktop_app.core.markdown_render import MarkdownRenderer
    from desktop_app.gui.transcript.highlight import make_highlighter

    sample = "".join(f"```{language}\nx = 1\n```\n\n" for language in _WARM_LEXERS)
    for style in pygments_styles:
        MarkdownRenderer(make_highlighter(style)).render(f"# T\n\n| a |\n|---|\n| b |\n\n{sample}")


def _preview(value: object, limit: int = 200) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChatController(QObject):
    """One conversation at a time with one profile; at most one reply streams at once.

    The running reply is an asyncio task kept in `task`, so Stop cancels it at once; the partial
    text is kept and marked "stopped". Expected failures become an ErrorText (`error_raised`);
    anything else propagates to sys.excepthook (the crash dialog).
    """

    streaming_changed = Signal(bool)
    reply_finished = Signal(str, str)  # message id, MessageStatus value
    error_raised = Signal(object)  # ErrorText
    error_cleared = Signal()
    conversations_changed = Signal()
    conversation_opened = Signal(str)  # conversation id, "" for a new chat not saved yet
    notice_posted = Signal(str)
    storage_failed = Signal(object)  # ErrorText: history could not be saved (chat goes on)

    def __init__(
        self,
        services: Services,
        transcript: TranscriptView,
        parent: QObject | None = None,
        *,
        extra_headers: Callable[[Profile], dict[str, str] | None] = lambda profile: None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.transcript = transcript
        self.profile: Profile | None = None
        self.conversation_id: str | None = None
        self.session = ChatSession()
        self.task: asyncio.Task[None] | None = None
        self.last_error: ErrorText | None = None
        self._extra_headers = extra_headers
        self._stopping = False
        #: What part of the open conversation the transcript shows (a long one is paged).
        self.pages = ConversationPages(
            lambda: self.services.database, transcript, lambda: self.session.messages, self
        )
        self.pages.failed.connect(self._show_error)

    # -- state -----------------------------------------------------------------------------------

    @property
    def streaming(self) -> bool:
        """True while a reply task runs."""
        return self.task is not None and not self.task.done()

    def set_profile(self, profile: Profile | None) -> None:
        """Chat with `profile` from now on (the open conversation is left)."""
        self.stop()
        self.profile = profile
        self.new_chat()

    def new_chat(self) -> None:
        """Start an empty conversation (saved when its first message is sent)."""
        self.stop()
        self.conversation_id = None
        self.session = ChatSession()
        self.pages.reset(None)
        self.transcript.clear()
        self._clear_error()
        self.conversation_opened.emit("")

    def open_conversation(self, conversation_id: str) -> None:
        """Show a saved conversation; a reply still streaming elsewhere is stopped first.

        The session gets every message (each turn sends them all, and the list is cheap); the
        transcript shows only the newest page, older ones come as the reader scrolls up.
        """
        if conversation_id == self.conversation_id:
            return
        self.stop()
        database = self.services.database
        try:
            stored = database.messages(conversation_id)
        except errors.AgentsGTError as error:
            self._show_error(describe_error(error))
            return
        self.conversation_id = conversation_id
        self.session = ChatSession(
            [session_message(message) for message in stored],
            log=self._saving_log(conversation_id),
        )
        self.pages.reset(conversation_id)
        self.pages.show_latest()
        self._clear_error()
        self.conversation_opened.emit(conversation_id)

    def show_message(self, message_id: str, highlight_text: str | None = None) -> bool:
        """Bring a message of the open conversation into view (a search hit); True if shown.

        A far one replaces the transcript with a page around it, except while a reply streams
        (that would take the live reply with it).
        """
        if not self.pages.bring_into_view(message_id, may_replace=not self.streaming):
            if self.streaming:
                self.notice_posted.emit("A reply is still being written: wait, or press Stop.")
            return False
        return self.transcript.scroll_to_message(message_id, highlight_text=highlight_text)

    # -- storage faults --------------------------------------------------------------------------

    def _saving_log(self, conversation_id: str, *, lost: bool = False) -> SavingLog:
        return SavingLog(
            self.services.database,
            conversation_id,
            self.report_storage_error,
            lambda position: [message.id for message in self.session.messages[position:]],
            lost=lost,
        )

    def report_storage_error(self, error: StorageError) -> None:
        """History could not be saved: say so; the conversation goes on in the window."""
        log.warning("history not saved: %s", error)
        self.storage_failed.emit(history_not_saved(error))

    # -- commands --------------------------------------------------------------------------------

    def send(self, text: str) -> bool:
        """Send a new user message; False (with a notice) when it cannot be sent now."""
        return self._start(lambda: self.session.send(text), first_text=text)

    def regenerate(self) -> bool:
        """Write the last reply again."""
        return self._start(self.session.regenerate)

    def retry(self, message_id: str | None = None) -> bool:
        """Try a failed reply again (the newest reply when no id is given)."""
        if message_id is None:
            last = self.session.last_reply()
            if last is None:
                return self._start(self.session.regenerate)
            message_id = last.id
        target = message_id
        return self._start(lambda: self.session.retry(target))

    def edit(self, message_id: str, text: str) -> bool:
        """Replace a user message's text and send the conversation again from there."""
        return self._start(lambda: self.session.edit(message_id, text))

    def stop(self) -> None:
        """Cancel the running reply at once; its partial text is kept as "stopped"."""
        if self.streaming and self.task is not None:
            self._stopping = True
            self.task.cancel()

    async def wait_idle(self) -> None:
        """Wait until no reply is streaming (for quitting and tests)."""
        import asyncio

        task = self.task
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)

    # -- the reply task --------------------------------------------------------------------------

    def _start(self, make_turn: Callable[[], Turn], first_text: str | None = None) -> bool:
        if self.profile is None:
            self._show_error(ErrorText("Choose or add an agent first.", False))
            return False
        if self.streaming:
            self.notice_posted.emit("A reply is still being written: wait, or press Stop.")
            return False
        if self.pages.showing_far_page:
            self.pages.show_latest()  # the reply goes at the end: show the end first
        try:
            self._ensure_conversation(first_text)
            turn = make_turn()
        except errors.AgentsGTError as error:
            self._show_error(describe_error(error))
            return False
        self._clear_error()
        if turn.removed and not self.transcript.has_message(turn.removed[0].id):
            # The cut starts before the shown page: show the new end (it has the turn's
            # user message and reply placeholder already).
            self.pages.show_latest()
        elif turn.removed:
            self.transcript.remove_messages_from(turn.removed[0].id)
        if turn.user_message is not None:
            self.transcript.append_message(message_view(turn.user_message))
        live = self.transcript.start_reply(turn.reply.id)
        self.conversations_changed.emit()
        import asyncio

        self.task = asyncio.ensure_future(self._stream_reply(self.profile, turn, live))
        self.streaming_changed.emit(True)
        return True

    def _ensure_conversation(self, first_text: str | None) -> None:
        if self.conversation_id is not None or self.profile is None:
            return
        title = propose_title(first_text) if first_text and first_text.strip() else None
        try:
            conversation = self.services.database.create_conversation(self.profile.id, title)
        except StorageError as error:
            # The chat goes on unsaved (local ids); the next send tries to save it again.
            self.report_storage_error(error)
            return
        self.conversation_id = conversation.id
        self.pages.reset(conversation.id)
        # What is shown is the (empty) end: older pages come from there.
        if self.pages.loader is not None:
            self.pages.loader.newest()
        # Messages so far (usually none) were never stored: positions differ if there are some.
        self.session.log = self._saving_log(conversation.id, lost=bool(self.session.messages))
        self.conversation_opened.emit(conversation.id)

    async def client_for(self, profile: Profile) -> AgentsGTClient:
        """An API client for `profile` with its saved keys (MissingKeyError without them)."""
        # Imported on the first send (httpx is slow to import), never before the first paint;
        # the window's warm-up has normally imported it by then, off the GUI thread.
        import asyncio

        from desktop_app.core.client import AgentsGTClient

        credentials = await asyncio.to_thread(self.services.secrets.get, profile.key_ref)
        if credentials is None:
            raise errors.MissingKeyError(
                f"The profile {profile.display_name!r} has no key: edit the profile's keys."
            )
        return AgentsGTClient(
            await self.services.ahttp_client(),
            base_url=profile.base_url,
            credentials=credentials,
            identifier=profile.identifier or None,
            settings=self.services.client_settings(),
            extra_headers=self._extra_headers(profile),
        )

    async def _stream_reply(self, profile: Profile, turn: Turn, live: LiveReply) -> None:
        import asyncio

        reply_id = turn.reply.id
        # None when the reply could not be stored (a storage fault): it is then kept in memory.
        stored_id = int(reply_id) if reply_id.isdigit() else None
        writer = self.services.writer
        if stored_id is not None:
            writer.begin(stored_id)
        text: list[str] = []
        reasoning: list[str] = []
        result: StreamResult | None = None
        failure: BaseException | None = None
        stopped = False
        next_snapshot = time.monotonic() + _SNAPSHOT_INTERVAL
        next_yield = time.monotonic() + _YIELD_INTERVAL
        try:
            client = await self.client_for(profile)
            async with client.stream_chat(profile.agent_id, turn.request) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta):
                        text.append(event.text)
                        live.append_text(event.text)
                    elif isinstance(event, ReasoningDelta):
                        reasoning.append(event.text)
                        live.append_reasoning(event.text)
                    elif isinstance(event, ToolActivity):
                        if event.phase not in (ToolPhase.INPUT_START, ToolPhase.INPUT_DELTA):
                            live.add_tool(self._tool_summary(event))
                    elif isinstance(event, Source) and event.url:
                        live.add_source(SourceLink(event.title or event.url, event.url))
                    elif isinstance(event, Finish):
                        pass
                    now = time.monotonic()
                    if now >= next_snapshot and stored_id is not None:
                        next_snapshot = now + _SNAPSHOT_INTERVAL
                        writer.update(stored_id, "".join(text), "".join(reasoning))
                    if now >= next_yield:
                        # A fast stream always has bytes ready, so reading never waits and
                        # Qt would get no turn: give it one (repaints, input) every ~15 ms.
                        await asyncio.sleep(0.001)
                        next_yield = time.monotonic() + _YIELD_INTERVAL
            result = stream.result
        except asyncio.CancelledError:
            stopped = True
        except Exception as error:  # sorted below: expected ones are shown, others re-raised
            failure = error
        finally:
            self._finish_reply(live, reply_id, text, reasoning, result, failure, stopped)
        if failure is not None and not is_expected(failure):
            raise failure

    def _finish_reply(
        self,
        live: LiveReply,
        reply_id: str,
        text: list[str],
        reasoning: list[str],
        result: StreamResult | None,
        failure: BaseException | None,
        stopped: bool,
    ) -> None:
        stopped = stopped or self._stopping
        self._stopping = False
        final_text = result.text if result is not None and result.text else "".join(text)
        final_reasoning = "".join(reasoning)
        status = reply_status(result, stopped=stopped, failed=failure is not None)
        problem: ErrorText | None = None
        if stopped:
            problem = None
        elif failure is not None:
            problem = describe_error(failure)
        elif result is not None:
            problem = describe_outcome(result)
        error_text = problem.sentence if problem is not None else None
        self.session.update_reply(reply_id, final_text, final_reasoning)
        self.session.finish_reply(reply_id, status, error_text=error_text)
        live.finish(status, error_text)
        if reply_id.isdigit():
            writer = self.services.writer
            parts = parts_from_result(result) if result is not None else None
            writer.update(int(reply_id), final_text, final_reasoning, parts)
            writer.finish(int(reply_id), status, error_text, result.usage if result else None)
        if self.conversation_id is not None:
            with contextlib.suppress(errors.AgentsGTError):
                self.services.database.touch_conversation(self.conversation_id)
        self.streaming_changed.emit(False)
        self.reply_finished.emit(reply_id, status.value)
        self.conversations_changed.emit()
        if problem is not None and (failure is None or is_expected(failure)):
            self._show_error(problem)

    @staticmethod
    def _tool_summary(event: ToolActivity) -> ToolSummary:
        output = event.output if event.output is not None else event.error_text
        return ToolSummary(
            name=event.tool_name or "tool",
            state=_TOOL_STATES.get(event.phase, str(event.phase)),
            input_preview=_preview(event.input) if event.input is not None else "",
            output_preview=_preview(output) if output is not None else "",
        )

    # -- other calls -----------------------------------------------------------------------------

    def copy_last_reply(self) -> bool:
        """Put the newest reply on the clipboard; False when there is none."""
        reply = self.session.last_reply()
        if reply is None or not reply.text:
            return False
        self.transcript.copy_message(reply.id)
        return True

    def interrupted_replies(self) -> list[SessionMessage]:
        """Replies of the open conversation the app could not finish last time."""
        return [
            message
            for message in self.session.messages
            if message.role is Role.ASSISTANT and message.status is MessageStatus.INTERRUPTED
        ]

    def _show_error(self, error: ErrorText) -> None:
        self.last_error = error
        self.error_raised.emit(error)

    def _clear_error(self) -> None:
        if self.last_error is not None:
            self.last_error = None
            self.error_cleared.emit()
