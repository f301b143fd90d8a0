"""The main window: agents and conversations on the left, transcript and composer on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_app import APP_NAME
from desktop_app.core import errors
from desktop_app.core.error_text import ErrorAction, ErrorText, history_not_saved
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile
from desktop_app.core.settings import Settings
from desktop_app.gui.actions import (
    CommandState,
    action_icons,
    create_actions,
    update_action_states,
)
from desktop_app.gui.chat_controller import ChatController, prepare_first_reply
from desktop_app.gui.conversation_actions import open_data_folder, purge_old_deleted
from desktop_app.gui.conversations_panel import ConversationsPanel
from desktop_app.gui.demo import is_demo_profile
from desktop_app.gui.empty_state import show_missing_conversation, show_new_chat
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.icons import Icon, themed_icon
from desktop_app.gui.link_guard import LinkGuard
from desktop_app.gui.profiles_panel import ProfilesPanel
from desktop_app.gui.services import Services
from desktop_app.gui.sidebar import KeyStatus
from desktop_app.gui.stall_watch import StallWatch
from desktop_app.gui.theme import SchemeFollower, apply_theme, style_sheet
from desktop_app.gui.window_dialogs import (
    open_profile_dialog,
    open_search_dialog,
    open_server_history_dialog,
    open_settings_dialog,
    show_storage_problem,
)
from desktop_app.gui.window_layout import WindowWidgets, build_menus, fit_toolbar
from desktop_app.gui.window_state import NEW_CHAT_DRAFT, WindowStateKeeper
from desktop_app.gui.window_tasks import WindowTasks

if TYPE_CHECKING:
    # asyncio loads after the first paint (app.py), with the qasync loop.
    import asyncio

    # Dialogs and the API client load when first used, so the window paints sooner.
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.errors import AgentsGTError
    from desktop_app.core.storage.errors import StorageError
    from desktop_app.gui.about_dialog import AboutDialog
    from desktop_app.gui.history_watcher import HistoryWatcher
    from desktop_app.gui.import_action import ChooseFile, ShowOutcome
    from desktop_app.gui.profile_dialog import ProfileDialog
    from desktop_app.gui.recently_deleted import RecentlyDeletedDialog
    from desktop_app.gui.search_dialog import SearchDialog
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog
    from desktop_app.gui.settings_dialog import SettingsDialog
    from desktop_app.gui.switcher import Switcher
    from desktop_app.gui.toast import Toast
    from desktop_app.gui.update_notice import UpdateWatcher

#: The status line while a streaming reply has sent nothing for a while.
WAITING_TEXT = QT_TRANSLATE_NOOP("MainWindow", "Waiting for the agent…")


class MainWindow(QMainWindow):
    """The product's window. `start()` runs after the first paint (keyring, demo, history).

    Made of parts wired in `_connect_signals`: the ChatController (`chat`, the one owner of
    the open profile and conversation), the ProfilesPanel (`profiles_panel`), the
    ConversationsPanel (`conversations`), the WindowStateKeeper (`state`), the StallWatch
    (`stall_watch`) and the dialogs' functions in window_dialogs.
    """

    started = Signal()
    closed = Signal()
    #: Emitted on the StreamingWriter's thread; queued to the GUI thread by Qt.
    storage_error_reported = Signal(object)

    def __init__(
        self,
        services: Services,
        *,
        link_opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
        loop_ready: bool = True,
    ) -> None:
        """`loop_ready=False`: the asyncio loop comes later (app.py makes it after the first
        paint); background work asked for until `tasks.loop_started()` waits for it."""
        super().__init__()
        self.services = services
        self.demo = services.demo
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.resize(1100, 720)
        # The palette before the widgets exist: applied later it re-polishes every one of them.
        self._dark = _apply_theme(services.settings)
        self.editing_message_id: str | None = None
        self.toast: Toast | None = None
        self.profile_dialog: ProfileDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.server_history_dialog: ServerHistoryDialog | None = None
        #: Why the history is a temporary one this session (shown once the window is up).
        self.storage_dialog: QMessageBox | None = None
        self.update_watcher: UpdateWatcher | None = None
        #: Reloads the lists when another process (the CLI, another window) changed the history.
        self.history_watcher: HistoryWatcher | None = None
        #: Follows the OS's light/dark switch while the theme setting is "system".
        self.scheme_follower: SchemeFollower | None = None
        #: File → Import…'s file chooser and outcome box (None: the real dialogs); tests set them.
        self.choose_import_file: ChooseFile | None = None
        self.show_import_outcome: ShowOutcome | None = None
        #: True once `start()` ran: icons and empty states are drawn after the first paint only.
        self._started = False
        #: True once the toolbar has its icons (a narrow window may then hide their text).
        self._icons_set = False
        #: The conversation that was open when it went to the bin (its empty state is shown).
        self._missing_conversation_id: str | None = None
        #: What the empty states show now (set again only when it changes).
        self._empty_shown: tuple[str, ...] = ()
        #: The warm-up `start()` runs after the first paint (benchmarks wait for it).
        self.warm_up: asyncio.Task[None] | None = None
        ui = WindowWidgets(self)
        self.ui = ui
        # The widgets tests and other parts reach for, by their old names.
        self.sidebar = ui.sidebar
        self.transcript = ui.transcript
        self.empty_state = ui.empty_state
        self.conversation_stack = ui.conversation_stack
        self.header = ui.header
        self.find_bar = ui.find_bar
        self.banner = ui.banner
        self.storage_banner = ui.storage_banner
        self.keyring_banner = ui.keyring_banner
        self.far_page_bar = ui.far_page_bar
        self.jump_latest_button = ui.jump_latest_button
        self.edit_row = ui.edit_row
        self.cancel_edit_button = ui.cancel_edit_button
        self.composer = ui.composer
        self.status_label = ui.status_label
        self.welcome = ui.welcome
        self.pages = ui.pages
        self.chat_page = ui.chat_page
        self.splitter = ui.splitter
        self.actions_ = create_actions(self)
        self.toolbar = build_menus(self, self.actions_)
        self.chat = ChatController(services, self.transcript, self)
        self.tasks = WindowTasks(self, loop_ready=loop_ready)
        self.links = LinkGuard(self, link_opener)
        self.link_opener = link_opener
        self.profiles_panel = ProfilesPanel(services, self.sidebar, self.chat, self)
        self.conversations = ConversationsPanel(
            self.sidebar, self.chat, lambda: self.services.database, self
        )
        self.conversation_actions = self.conversations.actions
        self.state = WindowStateKeeper(
            self, self.splitter, services, self.tasks, self._current_draft
        )
        self.stall_watch = StallWatch(self)
        self._connect_signals()
        services.storage_faults.listen(self.storage_error_reported.emit)
        if services.storage_problem is not None:
            self.storage_banner.show_error(history_not_saved(services.storage_problem))
        self._apply_settings(services.settings, dark=self._dark)
        self.state.restore()
        self.reload_profiles(select_id=services.settings.last_profile_id)
        self.update_actions()

    # -- wiring ------------------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        a = self.actions_
        a.new_chat.triggered.connect(self._on_new_chat_triggered)
        a.stop.triggered.connect(self._on_stop_triggered)
        a.escape.activated.connect(self._on_escape_activated)
        a.regenerate.triggered.connect(self.chat.regenerate)
        a.copy_last_reply.triggered.connect(self._on_copy_last_reply_triggered)
        a.copy_conversation.triggered.connect(self._on_copy_conversation_triggered)
        a.export.triggered.connect(self._on_export_triggered)
        a.import_.triggered.connect(self.start_import)
        a.recently_deleted.triggered.connect(self.open_recently_deleted)
        a.about.triggered.connect(self.open_about)
        a.open_data_folder.triggered.connect(self._on_open_data_folder_triggered)
        a.find.triggered.connect(self._on_find_triggered)
        a.search.triggered.connect(self.open_search)
        a.server_history.triggered.connect(self.open_server_history)
        a.switch_agent.triggered.connect(self.open_switcher)
        a.profiles.triggered.connect(lambda: self.open_profiles())
        a.settings.triggered.connect(self.open_settings)
        a.demo.triggered.connect(self.start_demo)
        a.quit.triggered.connect(self.close)
        # The sidebar's two panels.
        self.profiles_panel.profile_chosen.connect(self._on_profile_chosen)
        self.conversations.conversation_chosen.connect(self._on_conversation_chosen)
        self.conversations.open_conversation_deleted.connect(self._on_open_conversation_deleted)
        self.conversations.export_requested.connect(self._start_export)
        self.conversations.failed.connect(self._show_sentence)
        self.conversations.refreshed.connect(self.update_actions)
        self.conversations.refreshed.connect(self._update_empty_states)
        self.conversation_actions.restored.connect(self._on_conversation_restored)
        self.sidebar.new_chat_requested.connect(self._on_new_chat_triggered)
        self.sidebar.no_conversations.action_triggered.connect(self._on_new_chat_triggered)
        self.empty_state.prompt_chosen.connect(self._on_empty_state_prompt_chosen)
        self.empty_state.action_triggered.connect(self._on_new_chat_triggered)
        self.sidebar.manage_profiles_requested.connect(lambda: self.open_profiles())
        self.welcome.add_agent_requested.connect(lambda: self.open_profiles(new=True))
        self.welcome.demo_requested.connect(self.start_demo)
        # The composer, find bar, edit row and banners.
        self.composer.editor.submitted.connect(self._on_composer_submitted)
        self.composer.editor.textChanged.connect(self.state.draft_changed)
        self.composer.send_button.clicked.connect(self._on_composer_submitted)
        self.composer.stop_button.clicked.connect(self._on_stop_triggered)
        self.cancel_edit_button.clicked.connect(self._cancel_edit)
        self.find_bar.closed.connect(self.composer.editor.setFocus)
        self.chat.conversation_opened.connect(self._on_shown_messages_changed)
        self.chat.reply_finished.connect(self._on_shown_messages_changed)
        self.transcript.copied.connect(self._on_transcript_copied)
        self.banner.retry_requested.connect(self.chat.retry)
        self.banner.action_requested.connect(self._on_banner_action_requested)
        self.keyring_banner.action_requested.connect(self._on_banner_action_requested)
        self.storage_error_reported.connect(self._on_storage_error_reported)
        self.jump_latest_button.clicked.connect(self.chat.pages.show_latest)
        # The transcript and the chat controller.
        self.transcript.scrolled_to_top.connect(self.chat.pages.load_older)
        self.transcript.scrolled_to_bottom.connect(self.chat.pages.load_newer)
        self.transcript.retry_requested.connect(self.chat.retry)
        self.transcript.edit_requested.connect(self.start_edit)
        self.transcript.link_activated.connect(self.links.request_open)
        self.chat.pages.far_page_shown.connect(self.far_page_bar.setVisible)
        self.chat.storage_failed.connect(self.storage_banner.show_error)
        self.chat.streaming_changed.connect(self._on_chat_streaming_changed)
        self.chat.reply_progressed.connect(self.stall_watch.progress)
        self.chat.reply_finished.connect(self._on_chat_reply_finished)
        self.chat.error_raised.connect(self.banner.show_error)
        self.chat.error_cleared.connect(self.banner.clear)
        self.chat.conversations_changed.connect(self.conversations.refresh)
        self.chat.conversation_opened.connect(self._on_chat_conversation_opened)
        self.chat.notice_posted.connect(self.status_label.setText)
        self.stall_watch.stalled_changed.connect(self._on_stall_watch_stalled_changed)
        self.tasks.failed.connect(self.banner.show_error)
        self.splitter.splitterMoved.connect(lambda *_: self.state.save_soon())

    # -- start-up (after the first paint) --------------------------------------------------------

    def start(self, *, demo: bool = False) -> None:
        """Work that may be slow: mark interrupted replies, read key status (keyring), demo."""
        import asyncio

        # Another window on the same history may be streaming right now: only a lone instance
        # may call what is still "streaming" interrupted.
        instances = self.services.instances
        alone = instances is None or instances.others_running() == 0
        interrupted = self.services.database.mark_interrupted() if alone else []
        if interrupted:
            # The open conversation may show one of them: reload it with the new status.
            if self.chat.conversation_id is not None:
                conversation_id, self.chat.conversation_id = self.chat.conversation_id, None
                self.chat.open_conversation(conversation_id)
            count = len(interrupted)
            self.status_label.setText(
                self.tr("%n reply(ies) interrupted when the app closed: use Retry.", "", count)
            )
        self.tasks.run(self._refresh_key_status())
        self.warm_up = self.tasks.run(self._warm_up())
        self.conversations.watch_viewport()
        from desktop_app.gui.update_notice import watch_for_updates  # opt-in, at most daily

        self.update_watcher = watch_for_updates(
            self, self.services, self.tasks, self.link_opener, self.save_settings
        )
        # Conversations deleted more than 30 days ago go for good (off the GUI thread).
        self.tasks.run(asyncio.to_thread(purge_old_deleted, self.services.database))
        from desktop_app.gui.history_watcher import HistoryWatcher

        self.history_watcher = HistoryWatcher(
            self.services.database, self, wait_while=lambda: self.chat.streaming
        )
        self.history_watcher.changed.connect(self._on_history_watcher_changed)
        self.history_watcher.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scheme_follower = SchemeFollower(
                app, lambda: self.services.settings.theme.value, self._restyle, parent=self
            )
        self._started = True
        self._update_empty_states()
        if demo:
            self.start_demo()
        if self.services.storage_problem is not None:
            self.show_storage_problem(self.services.storage_problem)
        self.started.emit()

    async def _warm_up(self) -> None:
        # What the first send and the first reply need, loaded now on a worker thread: on the
        # GUI thread at the first send it stalled the window (see prepare_first_reply).
        import asyncio

        from desktop_app.gui.transcript.styles import palette_for

        styles = [palette_for(dark).pygments_style for dark in (False, True)]
        await asyncio.to_thread(prepare_first_reply, styles)
        # Drawn once the window is up: QtSvg loads with the first icon.
        self._set_icons()

    def stop_watching(self) -> None:
        """Stop polling the history (before it is closed)."""
        if self.history_watcher is not None:
            self.history_watcher.stop()

    async def _refresh_key_status(self) -> None:
        problem = await self.profiles_panel.refresh_key_status()
        if problem:
            # `problem` is core's English sentence: it is checked, and shown, as it is.
            sentence = self.tr("Keys can't be saved in a keyring: {problem}.").format(
                problem=problem.rstrip(".")
            )
            if "session only" not in problem:  # the problem may offer it already
                sentence += " " + self.tr("You can still use keys for this session only.")
            self.keyring_banner.show_error(ErrorText(sentence, False, ErrorAction.EDIT_KEYS))

    # -- state shown -------------------------------------------------------------------------------

    def update_actions(self) -> None:
        """Enable each command only when there is something for it to act on."""
        session = self.chat.session
        reply = session.last_reply()
        update_action_states(
            self.actions_,
            CommandState(
                has_profile=self.chat.profile is not None,
                has_saved_conversations=self.chat.conversation_id is not None
                or bool(self.sidebar.conversation_ids()),
                has_messages=bool(session.messages),
                has_reply=reply is not None and bool(reply.text),
                streaming=self.chat.streaming,
            ),
        )

    def _update_empty_states(self) -> None:
        """Show the chat page's and the sidebar's empty states when there is nothing to list."""
        if not self._started:
            return  # their icons are drawn when shown: never before the first paint
        profile = self.chat.profile
        name = (profile.agent_name or profile.display_name) if profile is not None else ""
        if self._missing_conversation_id is not None:
            page: tuple[str, ...] = ("missing",)
        elif profile is not None and not self.chat.session.messages and not self.chat.streaming:
            page = ("new chat", name)
        else:
            page = ()
        no_conversations = (
            profile is not None
            and self.chat.conversation_id is None
            and not self.sidebar.conversation_ids()
        )
        if page and page != self._empty_shown:
            if page[0] == "missing":
                show_missing_conversation(self.empty_state)
            else:
                show_new_chat(self.empty_state, name)
        self._empty_shown = page
        self.conversation_stack.setCurrentWidget(
            self.ui.empty_state_area if page else self.transcript
        )
        self.sidebar.show_no_conversations(name if no_conversations else None)

    def _on_empty_state_prompt_chosen(self, text: str) -> None:
        self.composer.editor.setPlainText(text)
        self.composer.editor.setFocus()

    def _set_icons(self) -> None:
        for action, icon in action_icons(self.actions_):
            action.setIcon(themed_icon(icon))
        self.sidebar.new_chat_button.setIcon(themed_icon(Icon.NEW_CHAT))
        self._icons_set = True
        fit_toolbar(self.toolbar, self.width(), has_icons=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        fit_toolbar(self.toolbar, event.size().width(), has_icons=self._icons_set)

    def announce(self, sentence: str) -> None:
        """Show `sentence` in the status label and tell screen readers once."""
        self.status_label.setText(sentence)
        # Imported here: QAccessible's enums cost ~1 ms, before the first paint otherwise.
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.status_label, QAccessible.Event.NameChanged)
            )

    def _on_chat_streaming_changed(self, streaming: bool) -> None:
        self.composer.set_streaming(streaming)
        self.stall_watch.watch(streaming)
        if streaming:
            self.status_label.setText(self.tr("Writing…"))
        self._update_empty_states()
        self.update_actions()

    def _on_stall_watch_stalled_changed(self, stalled: bool) -> None:
        if stalled:
            self.status_label.setText(self.tr(WAITING_TEXT))
        elif self.status_label.text() == self.tr(WAITING_TEXT):
            self.status_label.setText(self.tr("Writing…") if self.chat.streaming else "")

    def _on_chat_reply_finished(self, message_id: str, status: str) -> None:
        sentence = {
            MessageStatus.COMPLETE.value: self.tr("Reply finished."),
            MessageStatus.STOPPED.value: self.tr("Reply stopped."),
        }.get(status, self.tr("The reply did not finish."))
        self.announce(sentence)
        self.update_actions()

    def _show_sentence(self, sentence: str) -> None:
        self.banner.show_error(ErrorText(sentence, False))

    def _on_storage_error_reported(self, error: StorageError) -> None:
        self.storage_banner.show_error(history_not_saved(error))

    # -- profiles & conversations ----------------------------------------------------------------

    def reload_profiles(self, select_id: str | None = None) -> None:
        """Read the saved profiles again and open `select_id` (else the open one, or the first)."""
        profile = self.profiles_panel.reload(select_id)
        if profile is None:
            self.chat.set_profile(None)
            self.pages.setCurrentWidget(self.welcome)
            self.header.clear()
            self.conversations.refresh()
        else:
            self.pages.setCurrentWidget(self.chat_page)
            if self.chat.profile != profile:
                self._use_profile(profile)
        self.update_actions()

    def _use_profile(self, profile: Profile) -> None:
        self.state.save_draft()
        same = self.chat.profile is not None and self.chat.profile.id == profile.id
        parts = (profile.display_name, profile.agent_name, profile.model_name)
        self.header.setText(" · ".join(part for part in parts if part))
        if same:
            self.chat.profile = profile  # the same profile, edited
            self.conversations.refresh()
        else:
            self.status_label.clear()  # what was said was about the other profile
            self.chat.set_profile(profile)
            conversations = self.services.database.list_conversations(profile.id)
            if conversations:
                self.chat.open_conversation(conversations[0].id)
            self.profiles_panel.show()
        if self.services.settings.last_profile_id != profile.id:
            self.save_settings(self.services.settings.replace(last_profile_id=profile.id))
        self.update_actions()

    def _on_profile_chosen(self, profile: Profile) -> None:
        self._use_profile(profile)
        if is_demo_profile(profile):
            # After a relaunch the saved demo points at the last run's emulator: start this
            # run's now, so the first message need not wait for it.
            self.tasks.run(self._ready_demo())

    async def _ready_demo(self) -> None:
        from desktop_app.gui.demo import ensure_demo_profile

        profile = await ensure_demo_profile(self.services, self.demo)
        if self.chat.profile is not None and self.chat.profile.id == profile.id:
            self.chat.profile = profile  # the same profile at this run's address
        self.profiles_panel.reload()
        self.profiles_panel.set_key_status(profile.id, KeyStatus.SESSION)

    def _reload_lists(self) -> None:
        """Read the profiles and the open profile's conversations again (selection kept)."""
        self.reload_profiles()
        self.conversations.refresh()

    def _on_history_watcher_changed(self) -> None:
        self._reload_lists()
        conversation_id = self.chat.conversation_id
        if conversation_id is None:
            return
        try:
            conversation = self.services.database.get_conversation(conversation_id)
        except errors.AgentsGTError:
            return  # the history's problem is reported where it is next used
        if conversation is None or conversation.deleted_at is not None:
            self._on_open_conversation_deleted()

    def _on_open_conversation_deleted(self) -> None:
        gone = self.chat.conversation_id
        self._on_new_chat_triggered()
        self._missing_conversation_id = gone
        self._update_empty_states()

    def _on_conversation_restored(self, conversation_id: str) -> None:
        self.conversations.refresh()
        if conversation_id == self._missing_conversation_id:
            self.open_conversation_anywhere(conversation_id)

    def _on_conversation_chosen(self, conversation_id: str) -> None:
        self.state.save_draft()
        self.chat.open_conversation(conversation_id)

    def _on_chat_conversation_opened(self, conversation_id: str) -> None:
        self._missing_conversation_id = None
        self._cancel_edit()
        self.status_label.clear()  # what was said was about the conversation shown before
        self.conversations.refresh()
        self.composer.editor.blockSignals(True)
        self.composer.editor.setPlainText(self.state.draft(conversation_id or None))
        self.composer.editor.blockSignals(False)
        if self.chat.interrupted_replies():
            self.banner.show_error(
                ErrorText(
                    "A reply here was interrupted when the app closed.", True, ErrorAction.RETRY
                )
            )
        self._update_empty_states()
        self.update_actions()

    def open_conversation_anywhere(self, conversation_id: str) -> bool:
        """Open a conversation of any profile (switching to it); False if it is gone."""
        try:
            conversation = self.services.database.get_conversation(conversation_id)
        except errors.AgentsGTError as error:
            self.banner.show_error(ErrorText(error.message, False))
            return False
        if conversation is None:
            return False
        profile = self.profiles_panel.find(conversation.profile_id)
        if profile is None:
            return False
        if self.chat.profile is None or self.chat.profile.id != profile.id:
            self._use_profile(profile)
        self.state.save_draft()
        self.chat.open_conversation(conversation_id)
        return self.chat.conversation_id == conversation_id

    # -- the demo ----------------------------------------------------------------------------------

    def start_demo(self) -> None:
        """Start the in-process emulator and switch to the demo profile."""
        self.status_label.setText(self.tr("Starting the demo agent…"))
        self.tasks.run(self._start_demo())

    async def _start_demo(self) -> None:
        from desktop_app.gui.demo import ensure_demo_profile

        profile = await ensure_demo_profile(self.services, self.demo)
        self.chat.profile = None
        self.reload_profiles(select_id=profile.id)
        self.profiles_panel.set_key_status(profile.id, KeyStatus.SESSION)
        self.announce(
            self.tr("Demo agent ready: {agent}. Say hello!").format(agent=profile.agent_name)
        )
        self.composer.editor.setFocus()
        if self.chat.conversation_id is None and not self.services.database.list_conversations(
            profile.id
        ):
            # A first look at the demo shows a reply streaming in, not an empty page.
            from desktop_app.gui.demo import DEMO_GREETING

            self.chat.send(DEMO_GREETING)

    # -- sending and editing -----------------------------------------------------------------------

    def _current_draft(self) -> tuple[str, str] | None:
        if self.editing_message_id is not None:
            return None  # the composer holds a sent message being edited, not a draft
        return self.chat.conversation_id or NEW_CHAT_DRAFT, self.composer.editor.toPlainText()

    def _on_composer_submitted(self) -> None:
        text = self.composer.editor.toPlainText()
        if not text.strip():
            return
        draft_key = self.chat.conversation_id or NEW_CHAT_DRAFT
        if self.editing_message_id is not None:
            sent = self.chat.edit(self.editing_message_id, text)
        else:
            sent = self.chat.send(text)
        if sent:
            self._cancel_edit()
            self.composer.editor.clear()
            self.state.store_draft(draft_key, "")

    def start_edit(self, message_id: str) -> None:
        """Put one of the user's messages in the composer, to send again from there."""
        try:
            message = self.chat.session.message(message_id)
        except errors.InvalidInputError:
            return
        if message.role is not Role.USER:
            return
        self.editing_message_id = message_id
        self.edit_row.show()
        self.composer.editor.setPlainText(message.text)
        self.composer.editor.setFocus()

    def _cancel_edit(self) -> None:
        if self.editing_message_id is not None:
            self.editing_message_id = None
            self.composer.editor.clear()
        self.edit_row.hide()

    def _on_stop_triggered(self) -> None:
        if self.chat.streaming:
            self.chat.stop()
        else:
            self._on_escape_activated()

    def _on_escape_activated(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.editing_message_id is not None:
            self._cancel_edit()

    # -- errors ------------------------------------------------------------------------------------

    def _on_banner_action_requested(self, action: str) -> None:
        if action == ErrorAction.EDIT_KEYS.value:
            self.open_profiles(focus_keys=True)
        elif action == ErrorAction.EDIT_PROFILE.value:
            self.open_profiles()
        elif action == ErrorAction.CHECK_BALANCE.value:
            self.tasks.run(self._check_balance())
        elif action == ErrorAction.OPEN_SETTINGS.value:
            self.open_settings()

    async def _check_balance(self) -> None:
        profile = self.chat.profile
        if profile is None:
            return
        self.status_label.setText(self.tr("Checking the balance…"))
        from desktop_app.gui.profile_controller import balance_report

        report = await balance_report(self.services, profile)
        self.banner.show_error(ErrorText(report, False))
        self.announce(report)

    # -- other commands --------------------------------------------------------------------------

    def _on_new_chat_triggered(self) -> None:
        self.state.save_draft()
        if self.chat.profile is None:
            self.open_profiles(new=True)
            return
        self.chat.new_chat()
        self.composer.editor.setFocus()

    def _on_copy_last_reply_triggered(self) -> None:
        self.chat.copy_last_reply()  # the transcript says "copied" (_on_transcript_copied)

    def _on_copy_conversation_triggered(self) -> None:
        self.transcript.copy_conversation()

    def _on_transcript_copied(self, kind: str) -> None:
        sentence = {
            "code": self.tr("Code copied"),
            "message": self.tr("Message copied"),
            "conversation": self.tr("Conversation copied"),
        }.get(kind, self.tr("Copied"))
        if self.toast is None:  # made on first use: nothing of it loads before the first paint
            from desktop_app.gui.toast import Toast

            self.toast = Toast(self.transcript)
        self.toast.show_message(sentence)
        self.announce(self.tr("{notice}.").format(notice=sentence))

    def _on_find_triggered(self) -> None:
        self.find_bar.open()

    def _on_shown_messages_changed(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.refresh()  # the count and the matches follow what is shown

    def _on_open_data_folder_triggered(self) -> None:
        # The history's folder: the temporary one when the user's history could not be opened.
        folder = self.services.database.path.parent
        if not open_data_folder(folder, self.link_opener):
            self.banner.show_error(
                ErrorText(
                    self.tr("Could not open the folder {folder}.").format(folder=folder), False
                )
            )

    # -- dialogs -----------------------------------------------------------------------------------

    def show_storage_problem(self, problem: AgentsGTError) -> QMessageBox:
        """Say why the history could not be opened and that this session's is temporary."""
        self.storage_dialog = show_storage_problem(self, problem, self.close)
        return self.storage_dialog

    def _on_export_triggered(self) -> None:
        self._start_export(self.chat.conversation_id)

    def _start_export(self, conversation_id: str | None) -> None:
        from desktop_app.gui.export_dialog import start_export

        start_export(self, self.services, conversation_id, announce=self.announce)

    def open_profiles(self, *, new: bool = False, focus_keys: bool = False) -> ProfileDialog:
        """Open the Profiles & keys dialog (window-modal, non-blocking)."""
        if self.profile_dialog is not None:
            self.profile_dialog.close()
        current = "" if new else (self.chat.profile.id if self.chat.profile else None)
        dialog = open_profile_dialog(self, self.services, select_id=current, focus_keys=focus_keys)
        dialog.profiles_changed.connect(self._on_profile_dialog_profiles_changed)
        self.profile_dialog = dialog
        return dialog

    def _on_profile_dialog_profiles_changed(self, profile_id: str) -> None:
        if profile_id:
            self.chat.profile = None  # saved or edited: open it afresh
        self.reload_profiles(select_id=profile_id or None)
        self.tasks.run(self._refresh_key_status())

    def start_import(self) -> None:
        """File → Import…: choose a JSON export and import it (off the GUI thread)."""
        self.tasks.run(self._import())

    async def _import(self) -> None:
        from desktop_app.gui.import_action import (
            ask_for_json_file,
            import_conversations,
            show_outcome,
        )

        outcome = await import_conversations(
            self,
            self.services,
            choose_file=self.choose_import_file or ask_for_json_file,
            show=self.show_import_outcome or show_outcome,
        )
        if outcome is None:
            return
        if outcome.report is not None:
            self._reload_lists()
            if outcome.report.imported:
                self.open_conversation_anywhere(outcome.report.imported[0].id)
        self.announce(outcome.sentence)

    def open_recently_deleted(self) -> RecentlyDeletedDialog:
        """File → Recently deleted…: the bin, with Restore and Delete forever."""
        from desktop_app.gui.recently_deleted import open_recently_deleted

        return open_recently_deleted(self, self.services.database, self._on_conversation_restored)

    def open_about(self) -> AboutDialog:
        """Help → About: version, licences and the app's folders."""
        from desktop_app.gui.about_dialog import open_about

        return open_about(self, self.services.paths)

    def open_switcher(self) -> Switcher:
        """Ctrl+K: type to find an agent, Enter switches to it."""
        from desktop_app.gui.switcher import open_switcher

        current = self.chat.profile.id if self.chat.profile is not None else None
        switcher = open_switcher(self, self.profiles_panel.profiles, current)
        switcher.picked.connect(self._on_switcher_picked)
        return switcher

    def _on_switcher_picked(self, profile_id: str) -> None:
        profile = self.profiles_panel.find(profile_id)
        if profile is not None and (
            self.chat.profile is None or self.chat.profile.id != profile_id
        ):
            self._on_profile_chosen(profile)
        self.composer.editor.setFocus()

    def open_search(self) -> SearchDialog:
        """Open the search over every saved conversation (non-modal)."""
        first = self.search_dialog is None
        dialog = open_search_dialog(
            self, self.services.database, self.profiles_panel.names(), self.search_dialog
        )
        if first:
            dialog.result_chosen.connect(self._on_search_dialog_result_chosen)
        self.search_dialog = dialog
        return dialog

    def _on_search_dialog_result_chosen(
        self, conversation_id: str, message_id: str, query: str
    ) -> None:
        if self.open_conversation_anywhere(conversation_id):
            self.chat.show_message(message_id, highlight_text=query or None)

    def open_server_history(self) -> ServerHistoryDialog | None:
        """Open the server history and usage of the current profile (non-modal)."""
        profile = self.chat.profile
        if profile is None:
            self.status_label.setText(self.tr("Choose or add an agent first."))
            return None
        if self.server_history_dialog is not None:
            self.server_history_dialog.close()
            self.server_history_dialog.deleteLater()
        dialog = open_server_history_dialog(
            self, self.services.database, profile, self.chat.client_for
        )
        dialog.thread_imported.connect(self._on_server_history_dialog_thread_imported)
        self.server_history_dialog = dialog
        return dialog

    def _on_server_history_dialog_thread_imported(self, conversation_id: str) -> None:
        self.conversations.refresh()
        self.open_conversation_anywhere(conversation_id)

    def open_settings(self) -> SettingsDialog:
        """Open the Settings dialog (window-modal, non-blocking)."""
        dialog = open_settings_dialog(self, self.services.settings)
        dialog.settings_accepted.connect(self._on_settings_dialog_settings_accepted)
        self.settings_dialog = dialog
        return dialog

    def _on_settings_dialog_settings_accepted(self, settings: Settings) -> None:
        self.use_settings(settings)

    def use_settings(self, settings: Settings) -> None:
        """Apply `settings` to the window now (theme, fonts, shortcuts) and save them."""
        self.save_settings(settings)
        self._apply_settings(settings)

    # -- settings ---------------------------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        """Use `settings` from now on and save them (off the GUI thread)."""
        previous = self.services.settings
        self.tasks.run(self.services.apply_settings(settings))
        if previous == settings:
            return
        self.tasks.save_in_background(self.services.settings_store.save, settings)

    def _apply_settings(self, settings: Settings, *, dark: bool | None = None) -> None:
        if dark is None:
            dark = _apply_theme(settings)
        sheet = style_sheet(dark, QApplication.font().pointSizeF())
        for widget in self._styled_widgets():
            widget.setStyleSheet(sheet)
        self.transcript.set_theme(dark)
        self.transcript.set_font_point_size(settings.font_size)
        self.composer.editor.set_send_shortcut(settings.send_shortcut.value)
        if self._icons_set:
            self._set_icons()  # in the new palette's colours

    def _restyle(self, dark: bool) -> None:
        # The OS switched light/dark (the app's palette is already the new one).
        self._apply_settings(self.services.settings, dark=dark)

    def _styled_widgets(self) -> tuple[QWidget, ...]:
        """Widgets that take the window's style sheet (never an ancestor of the transcript)."""
        return (
            self.toolbar,
            self.sidebar,
            self.welcome,
            self.empty_state,
            self.banner,
            self.storage_banner,
            self.keyring_banner,
            self.composer,
            self.edit_row,
            self.header,
            self.status_label,
        )

    # -- closing -----------------------------------------------------------------------------------

    def save_ui_state(self) -> None:
        """Write geometry, splitter sizes and the draft now (on close)."""
        self.state.save_now()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.services.storage_faults.listen(None)
        self.stop_watching()
        self.chat.stop()
        self.state.save_now()
        self.tasks.flush_io()
        self.closed.emit()
        super().closeEvent(event)


def _apply_theme(settings: Settings) -> bool:
    app = QApplication.instance()
    return apply_theme(app, settings.theme.value) if isinstance(app, QApplication) else False
