"""The window's chat controller: owns the streaming task, feeds the transcript, saves history."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.core import errors
from desktop_app.core.chat_session import ChatSession, SessionMessage, Turn, session_message
from desktop_app.core.error_text import (
    ErrorText,
    describe_error,
    history_not_saved,
    is_expected,
)
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile
from desktop_app.core.storage import propose_title
from desktop_app.core.storage.errors import StorageError
from desktop_app.gui.conversation_pages import ConversationPages, SavingLog, message_view
from desktop_app.gui.services import Services

if TYPE_CHECKING:
    # asyncio loads after the first paint (app.py), with the qasync loop.
    import asyncio

    from desktop_app.core.client import AgentsGTClient
    from desktop_app.core.reply_run import ReplyEnd
    from desktop_app.gui.transcript import TranscriptView

log = logging.getLogger(__name__)


#: Languages whose Pygments lexers the warm-up loads (the ones replies use most).
_WARM_LEXERS = ("python", "json", "javascript", "bash")


def prepare_first_reply(pygments_styles: Iterable[str]) -> None:
    """Import and build what the first send and the first shown reply need. Blocking.

    For a worker thread after the first paint: httpx and the API client (~100 ms to import),
    markdown-it, and Pygments' formatters and common lexers (loaded on first use). Done on the
    GUI thread at the first send and the first code block, they were stalls of 50-150 ms.
    """
    import anyio._backends._asyncio  # noqa: F401 (httpcore loads these at the first request)
    import h11  # noqa: F401

    from desktop_app.core import client  # noqa: F401 (httpx comes with it)
    from desktop_app.core.markdown_render import MarkdownRenderer
    from desktop_app.gui.transcript.highlight import make_highlighter

    sample = "".join(f"```{language}\nx = 1\n```\n\n" for language in _WARM_LEXERS)
    for style in pygments_styles:
        MarkdownRenderer(make_highlighter(style)).render(f"# T\n\n| a |\n|---|\n| b |\n\n{sample}")


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
    reply_progressed = Signal()  # something of the streaming reply arrived

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
        self.task: asyncio.Task[ReplyEnd] | None = None
        self.last_error: ErrorText | None = None
        self._extra_headers = extra_headers
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
                self.notice_posted.emit(
                    self.tr("A reply is still being written: wait, or press Stop.")
                )
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
            self._show_error(ErrorText(self.tr("Choose or add an agent first."), False))
            return False
        if self.streaming:
            self.notice_posted.emit(self.tr("A reply is still being written: wait, or press Stop."))
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
        profile = self.profile
        # asyncio comes with these: loaded at the first send, never before the first paint.
        import asyncio

        from desktop_app.core.reply_run import ReplyRun
        from desktop_app.gui.reply_observer import TranscriptObserver

        run = ReplyRun(
            self.session,
            turn,
            lambda: self.client_for(profile),
            profile.agent_id,
            observer=TranscriptObserver(
                live,
                self._reply_ended,
                self._show_error,
                self._clear_error,
                self.reply_progressed.emit,
            ),
            saver=self.services.writer,
        )

        self.task = asyncio.ensure_future(run.run())
        # Said once the task is over, so `streaming` is already False for the listeners.
        self.task.add_done_callback(self._on_task_done)
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

        from desktop_app.core.client_factory import client_for_profile
        from desktop_app.gui.demo import ensure_demo_profile, is_demo_profile

        if is_demo_profile(profile):
            # The demo's emulator starts on demand; its URL and key change on every run.
            profile = await ensure_demo_profile(self.services, self.services.demo)
        credentials = await asyncio.to_thread(self.services.secrets.get, profile.key_ref)
        if credentials is None:
            raise errors.MissingKeyError(
                self.tr("The profile {name!r} has no key: edit the profile's keys.").format(
                    name=profile.display_name
                )
            )
        return client_for_profile(
            await self.services.ahttp_client(),
            profile,
            credentials,
            self.services.client_settings(),
            self._extra_headers(profile),
        )

    def _reply_ended(self, end: ReplyEnd) -> None:
        """A reply ended (already saved and in the session): refresh the list, say what failed.

        The history writer moves the conversation up in the transaction that saves the reply's
        end; touching it here as well waited on that transaction (34 ms on the GUI thread after
        a 1 MB reply).
        """
        self.reply_finished.emit(end.reply_id, end.status.value)
        self.conversations_changed.emit()
        if end.problem is not None and (end.failure is None or is_expected(end.failure)):
            self._show_error(end.problem)
        elif self.last_error is not None:
            self._clear_error()  # a retry wait shown earlier is over

    def _on_task_done(self, task: asyncio.Task[ReplyEnd]) -> None:
        if task is self.task:
            self.streaming_changed.emit(False)

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
