"""The main window: agents and conversations on the left, transcript and composer on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
)

from desktop_app import APP_NAME
from desktop_app.core import errors
from desktop_app.core.error_text import ErrorAction, ErrorText, history_not_saved
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile
from desktop_app.gui.actions import create_actions
from desktop_app.gui.chat_controller import ChatController, prepare_first_reply
from desktop_app.gui.conversation_actions import purge_old_deleted
from desktop_app.gui.demo import DemoRuntime
from desktop_app.gui.link_guard import LinkGuard
from desktop_app.gui.services import Services
from desktop_app.gui.sidebar import KeyStatus
from desktop_app.gui.window_dialogs import WindowDialogs
from desktop_app.gui.window_layout import WindowLayout
from desktop_app.gui.window_profiles import WindowProfiles
from desktop_app.gui.window_state import WindowState
from desktop_app.gui.window_tasks import WindowTasks

if TYPE_CHECKING:
    # asyncio loads after the first paint (app.py), with the qasync loop.
    import asyncio

    # Dialogs and the API client load when first used, so the window paints sooner.
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.storage.errors import StorageError
    from desktop_app.gui.profile_dialog import ProfileDialog
    from desktop_app.gui.search_dialog import SearchDialog
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog
    from desktop_app.gui.settings_dialog import SettingsDialog


class MainWindow(WindowLayout, WindowDialogs, WindowProfiles, WindowState, QMainWindow):
    """The product's window. `start()` runs after the first paint (keyring, demo, history)."""

    started = Signal()
    closed = Signal()
    #: Emitted on the StreamingWriter's thread; queued to the GUI thread by Qt.
    storage_error_reported = Signal(object)

    def __init__(
        self,
        services: Services,
        *,
        demo: DemoRuntime | None = None,
        link_opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
        loop_ready: bool = True,
    ) -> None:
        """`loop_ready=False`: the asyncio loop comes later (app.py makes it after the first
        paint); background work asked for until `tasks.loop_started()` waits for it."""
        super().__init__()
        self.services = services
        self.demo = demo or DemoRuntime()
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.resize(1100, 720)
        # The palette before the widgets exist: applied later it re-polishes every one of them.
        self._dark = self._apply_theme(services.settings)
        self.profiles: list[Profile] = []
        self.key_status: dict[str, KeyStatus] = {}
        self.editing_message_id: str | None = None
        self.profile_dialog: ProfileDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.server_history_dialog: ServerHistoryDialog | None = None
        #: Why the history is a temporary one this session (shown once the window is up).
        self.storage_dialog: QMessageBox | None = None
        #: The warm-up `start()` runs after the first paint (benchmarks wait for it).
        self.warm_up: asyncio.Task[None] | None = None
        self._build()
        self.actions_ = create_actions(self)
        self._build_menus(self.actions_)
        self.chat = ChatController(services, self.transcript, self)
        self.tasks = WindowTasks(self, loop_ready=loop_ready)
        self.links = LinkGuard(self, link_opener)
        self.link_opener = link_opener
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(800)
        self._connect_signals()
        services.storage_faults.listen(self.storage_error_reported.emit)
        if services.storage_problem is not None:
            self.storage_banner.show_error(history_not_saved(services.storage_problem))
        self._apply_settings(services.settings, dark=self._dark)
        self._restore_ui_state()
        self._set_streaming(False)
        self._reload_profiles(select_id=services.settings.last_profile_id)

    # -- building ------------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        a = self.actions_
        a.new_chat.triggered.connect(self._on_new_chat_triggered)
        a.stop.triggered.connect(self._on_stop_triggered)
        a.regenerate.triggered.connect(self._on_regenerate_triggered)
        a.copy_last_reply.triggered.connect(self._on_copy_last_reply_triggered)
        a.copy_conversation.triggered.connect(self._on_copy_conversation_triggered)
        a.export.triggered.connect(self._on_export_triggered)
        a.open_data_folder.triggered.connect(self._on_open_data_folder_triggered)
        ca = self.conversation_actions
        ca.renamed.connect(self._on_conversation_actions_renamed)
        ca.deleted.connect(self._on_conversation_actions_deleted)
        ca.restored.connect(self._on_conversation_actions_restored)
        ca.export_requested.connect(self._on_conversation_actions_export_requested)
        ca.failed.connect(self._on_conversation_actions_failed)
        a.find.triggered.connect(self._on_find_triggered)
        a.search.triggered.connect(self.open_search)
        a.server_history.triggered.connect(self.open_server_history)
        a.switch_agent.triggered.connect(self._on_switch_agent_triggered)
        a.profiles.triggered.connect(lambda: self.open_profiles())
        a.settings.triggered.connect(self.open_settings)
        a.demo.triggered.connect(self.start_demo)
        a.quit.triggered.connect(self.close)
        self.sidebar.profile_selected.connect(self._on_sidebar_profile_selected)
        self.sidebar.conversation_selected.connect(self._on_sidebar_conversation_selected)
        self.sidebar.new_chat_requested.connect(self._on_new_chat_triggered)
        self.sidebar.manage_profiles_requested.connect(lambda: self.open_profiles())
        self.welcome.add_agent_requested.connect(lambda: self.open_profiles(new=True))
        self.welcome.demo_requested.connect(self.start_demo)
        self.composer.editor.submitted.connect(self._on_composer_submitted)
        self.composer.editor.textChanged.connect(self._draft_timer.start)
        self.composer.send_button.clicked.connect(self._on_composer_submitted)
        self.composer.stop_button.clicked.connect(self._on_stop_triggered)
        self.cancel_edit_button.clicked.connect(self._cancel_edit)
        self.find_bar.returnPressed.connect(self._on_find_bar_return_pressed)
        self.banner.retry_requested.connect(self._on_banner_retry_requested)
        self.banner.action_requested.connect(self._on_banner_action_requested)
        self.keyring_banner.action_requested.connect(self._on_banner_action_requested)
        self.storage_error_reported.connect(self._on_storage_error_reported)
        self.jump_latest_button.clicked.connect(self._on_jump_latest_button_clicked)
        self.transcript.scrolled_to_top.connect(self.chat.pages.load_older)
        self.transcript.scrolled_to_bottom.connect(self.chat.pages.load_newer)
        self.chat.pages.far_page_shown.connect(self.far_page_bar.setVisible)
        self.chat.storage_failed.connect(self.storage_banner.show_error)
        self.transcript.retry_requested.connect(self._on_transcript_retry_requested)
        self.transcript.edit_requested.connect(self._on_transcript_edit_requested)
        self.transcript.link_activated.connect(self.links.request_open)
        self.chat.streaming_changed.connect(self._set_streaming)
        self.chat.reply_finished.connect(self._on_chat_reply_finished)
        self.chat.error_raised.connect(self._on_chat_error_raised)
        self.chat.error_cleared.connect(self.banner.clear)
        self.chat.conversations_changed.connect(self._reload_conversations)
        self.chat.conversation_opened.connect(self._on_chat_conversation_opened)
        self.chat.notice_posted.connect(self.status_label.setText)
        self.tasks.failed.connect(self._on_chat_error_raised)
        self._draft_timer.timeout.connect(self._save_draft)
        self.splitter.splitterMoved.connect(lambda *_: self._save_ui_state_soon())

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
            count = len(interrupted)
            self.status_label.setText(
                f"{count} reply was interrupted when the app closed: use Retry on it."
                if count == 1
                else f"{count} replies were interrupted when the app closed: use Retry on them."
            )
            # The open conversation may show one of them: reload it with the new status.
            if self.chat.conversation_id is not None:
                conversation_id, self.chat.conversation_id = self.chat.conversation_id, None
                self.chat.open_conversation(conversation_id)
        self.tasks.run(self._refresh_key_status())
        self.warm_up = self.tasks.run(self._warm_up())
        self.conversation_actions.watch_viewport()
        from desktop_app.gui.update_notice import watch_for_updates  # opt-in, at most daily

        self.update_watcher = watch_for_updates(self)
        # Conversations deleted more than 30 days ago go for good (off the GUI thread).
        self.tasks.run(asyncio.to_thread(purge_old_deleted, self.services.database))
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

    # -- profiles & conversations ----------------------------------------------------------------

    def _on_chat_conversation_opened(self, conversation_id: str) -> None:
        self._cancel_edit()
        self._reload_conversations()
        self.composer.editor.blockSignals(True)
        self.composer.editor.setPlainText(self.services.ui_state.draft(conversation_id or "new"))
        self.composer.editor.blockSignals(False)
        interrupted = self.chat.interrupted_replies()
        if interrupted:
            self.banner.show_error(
                ErrorText(
                    "A reply here was interrupted when the app closed.", True, ErrorAction.RETRY
                )
            )

    # -- sending -----------------------------------------------------------------------------------

    def _on_composer_submitted(self) -> None:
        text = self.composer.editor.toPlainText()
        if not text.strip():
            return
        draft_key = self.chat.conversation_id or "new"
        if self.editing_message_id is not None:
            sent = self.chat.edit(self.editing_message_id, text)
        else:
            sent = self.chat.send(text)
        if sent:
            self._cancel_edit()
            self.composer.editor.clear()
            self._store_draft(draft_key, "")

    def _on_stop_triggered(self) -> None:
        if self.chat.streaming:
            self.chat.stop()
        elif self.find_bar.isVisible():
            self.find_bar.hide()
        elif self.editing_message_id is not None:
            self._cancel_edit()

    def _on_regenerate_triggered(self) -> None:
        self.chat.regenerate()

    def _on_transcript_retry_requested(self, message_id: str) -> None:
        self.chat.retry(message_id)

    def _on_transcript_edit_requested(self, message_id: str) -> None:
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

    def _set_streaming(self, streaming: bool) -> None:
        self.composer.set_streaming(streaming)
        self.actions_.stop.setEnabled(True)  # Esc also closes the find bar / cancels an edit
        self.actions_.regenerate.setEnabled(not streaming)
        if streaming:
            self.status_label.setText("Writing…")

    def _on_chat_reply_finished(self, message_id: str, status: str) -> None:
        sentence = {
            MessageStatus.COMPLETE.value: "Reply finished.",
            MessageStatus.STOPPED.value: "Reply stopped.",
        }.get(status, "The reply did not finish.")
        self.announce(sentence)

    def announce(self, sentence: str) -> None:
        """Show `sentence` in the status label and tell screen readers once."""
        self.status_label.setText(sentence)
        # Imported here: QAccessible's enums cost ~1 ms, before the first paint otherwise.
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.status_label, QAccessible.Event.NameChanged)
            )

    # -- errors ----------------------------------------------------------------------------------

    def _on_chat_error_raised(self, error: ErrorText) -> None:
        self.banner.show_error(error)

    def _on_banner_retry_requested(self) -> None:
        self.chat.retry()

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
        self.status_label.setText("Checking the balance…")
        from desktop_app.gui.profile_controller import balance_report

        report = await balance_report(self.services, profile)
        self.banner.show_error(ErrorText(report, False))
        self.announce(report)

    # -- other commands --------------------------------------------------------------------------

    def _on_new_chat_triggered(self) -> None:
        self._save_draft()
        if self.chat.profile is None:
            self.open_profiles(new=True)
            return
        self.chat.new_chat()
        self.composer.editor.setFocus()

    def _on_copy_last_reply_triggered(self) -> None:
        if self.chat.copy_last_reply():
            self.announce("Reply copied.")

    def _on_copy_conversation_triggered(self) -> None:
        QGuiApplication.clipboard().setText(self.transcript.conversation_markdown())
        self.announce("Conversation copied.")

    def _on_find_triggered(self) -> None:
        self.find_bar.show()
        self.find_bar.setFocus()
        self.find_bar.selectAll()

    def _on_find_bar_return_pressed(self) -> None:
        backward = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        found = self.transcript.find(self.find_bar.text(), backward=backward)
        self.status_label.setText("" if found else "Not found.")

    def _on_switch_agent_triggered(self) -> None:
        self.sidebar.profile_list.setFocus()

    def _on_jump_latest_button_clicked(self) -> None:
        self.chat.pages.show_latest()

    def _on_storage_error_reported(self, error: StorageError) -> None:
        self.storage_banner.show_error(history_not_saved(error))

    # -- demo --------------------------------------------------------------------------------------

    # -- drafts and window state -----------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.services.storage_faults.listen(None)
        self.chat.stop()
        self._draft_timer.stop()
        self.save_ui_state()
        self.tasks.flush_io()
        self.closed.emit()
        super().closeEvent(event)
