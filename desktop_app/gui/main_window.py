"""The main window: agents and conversations on the left, transcript and composer on the right."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core import errors
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import Profile
from desktop_app.core.settings import Settings
from desktop_app.gui.actions import WindowActions, create_actions
from desktop_app.gui.chat_controller import ChatController, prepare_first_reply
from desktop_app.gui.composer import ComposerPanel
from desktop_app.gui.demo import DemoRuntime
from desktop_app.gui.error_banner import ErrorBanner
from desktop_app.gui.error_text import ErrorAction, ErrorText, history_not_saved
from desktop_app.gui.link_guard import LinkGuard
from desktop_app.gui.services import Services
from desktop_app.gui.sidebar import ConversationEntry, KeyStatus, ProfileEntry, Sidebar
from desktop_app.gui.theme import apply_theme, style_sheet
from desktop_app.gui.transcript import TranscriptView
from desktop_app.gui.welcome import WelcomePane
from desktop_app.gui.window_tasks import WindowTasks

if TYPE_CHECKING:
    # Dialogs and the API client load when first used, so the window paints sooner.
    from desktop_app.core.storage.errors import StorageError
    from desktop_app.gui.profile_dialog import ProfileDialog
    from desktop_app.gui.search_dialog import SearchDialog
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog
    from desktop_app.gui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

_SPLITTER = "main"


class MainWindow(QMainWindow):
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
    ) -> None:
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
        #: The warm-up `start()` runs after the first paint (benchmarks wait for it).
        self.warm_up: asyncio.Task[None] | None = None
        self._build()
        self.actions_ = create_actions(self)
        self._build_menus(self.actions_)
        self.chat = ChatController(services, self.transcript, self)
        self.tasks = WindowTasks(self)
        self.links = LinkGuard(self, link_opener)
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

    def _build(self) -> None:
        self.sidebar = Sidebar(self)
        self.transcript = TranscriptView(self)
        self.transcript.setAccessibleName("Conversation")
        self.header = QLabel(self)
        self.header.setObjectName("sidebarHeading")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setAccessibleName("Current agent")
        self.find_bar = QLineEdit(self)
        self.find_bar.setPlaceholderText("Find in conversation (Enter: next, Shift+Enter: back)")
        self.find_bar.setAccessibleName("Find in conversation")
        self.find_bar.setClearButtonEnabled(True)
        self.find_bar.hide()
        self.banner = ErrorBanner(self)
        # Problems with where history and keys are kept get banners of their own, above the
        # pages (the welcome page too): a chat error, or its clearing, must not hide them.
        self.storage_banner = ErrorBanner(self)
        self.storage_banner.setAccessibleName("History problem")
        self.keyring_banner = ErrorBanner(self)
        self.keyring_banner.setAccessibleName("Keyring problem")
        self.far_page_label = QLabel("Showing messages around the search result.", self)
        self.far_page_label.setObjectName("statusLabel")
        self.jump_latest_button = QPushButton("Jump to latest", self)
        self.jump_latest_button.setAccessibleName("Jump to the latest messages")
        far_row = QHBoxLayout()
        far_row.setContentsMargins(10, 0, 10, 0)
        far_row.addWidget(self.far_page_label, 1)
        far_row.addWidget(self.jump_latest_button)
        self.far_page_bar = QWidget(self)
        self.far_page_bar.setLayout(far_row)
        self.far_page_bar.hide()
        self.edit_notice = QLabel("Editing your message: send to resend from there.", self)
        self.edit_notice.setObjectName("statusLabel")
        self.cancel_edit_button = QPushButton("Cancel edit", self)
        self.cancel_edit_button.setAccessibleName("Cancel edit")
        edit_row = QHBoxLayout()
        edit_row.setContentsMargins(10, 0, 10, 0)
        edit_row.addWidget(self.edit_notice, 1)
        edit_row.addWidget(self.cancel_edit_button)
        self.edit_row = QWidget(self)
        self.edit_row.setLayout(edit_row)
        self.edit_row.hide()
        self.composer = ComposerPanel(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setAccessibleName("Status")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        chat = QWidget(self)
        chat_layout = QVBoxLayout(chat)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.setSpacing(4)
        header_row = QHBoxLayout()
        header_row.setContentsMargins(10, 4, 10, 0)
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.status_label)
        chat_layout.addLayout(header_row)
        chat_layout.addWidget(self.find_bar)
        chat_layout.addWidget(self.far_page_bar)
        chat_layout.addWidget(self.transcript, 1)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(10, 0, 10, 0)
        banner_row.addWidget(self.banner)
        chat_layout.addLayout(banner_row)
        chat_layout.addWidget(self.edit_row)
        chat_layout.addWidget(self.composer)

        self.welcome = WelcomePane(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(chat)
        self.chat_page = chat
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 840])
        self.splitter.setChildrenCollapsible(False)
        # The history banner spans the window: it matters on the welcome page too.
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # Hidden, they take no room.
        central_layout.addWidget(self.storage_banner)
        central_layout.addWidget(self.keyring_banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self, a: WindowActions) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        for action in (a.new_chat, a.export):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = menus.addMenu("&Edit")
        for action in (a.copy_last_reply, a.copy_conversation, a.find, a.search):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(a.settings)
        chat_menu = menus.addMenu("&Chat")
        for action in (a.stop, a.regenerate, a.switch_agent):
            chat_menu.addAction(action)
        agents_menu = menus.addMenu("&Agents")
        agents_menu.addAction(a.profiles)
        agents_menu.addAction(a.server_history)
        agents_menu.addAction(a.demo)
        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (a.new_chat, a.stop, a.regenerate, a.copy_last_reply, a.export):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(a.profiles)
        toolbar.addAction(a.settings)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _connect_signals(self) -> None:
        a = self.actions_
        a.new_chat.triggered.connect(self._on_new_chat_triggered)
        a.stop.triggered.connect(self._on_stop_triggered)
        a.regenerate.triggered.connect(self._on_regenerate_triggered)
        a.copy_last_reply.triggered.connect(self._on_copy_last_reply_triggered)
        a.copy_conversation.triggered.connect(self._on_copy_conversation_triggered)
        a.export.triggered.connect(self._on_export_triggered)
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
        if demo:
            self.start_demo()
        self.started.emit()

    async def _warm_up(self) -> None:
        # What the first send and the first reply need, loaded now on a worker thread: on the
        # GUI thread at the first send it stalled the window (see prepare_first_reply).
        from desktop_app.gui.transcript.styles import palette_for

        styles = [palette_for(dark).pygments_style for dark in (False, True)]
        await asyncio.to_thread(prepare_first_reply, styles)

    async def _refresh_key_status(self) -> None:
        from desktop_app.gui.profile_controller import key_statuses

        # Both off the GUI thread (resolving the backend imports keyring and may ask D-Bus),
        # both started in this first step (no extra tasks to schedule).
        loop = asyncio.get_running_loop()
        problem_read = loop.run_in_executor(None, self.services.secrets.problem)
        self.key_status = await key_statuses(self.services, self.profiles)
        problem = await problem_read
        if problem:
            sentence = f"Keys can't be saved in a keyring: {problem.rstrip('.')}."
            if "session only" not in problem:  # the problem may offer it already
                sentence += " You can still use keys for this session only."
            self.keyring_banner.show_error(ErrorText(sentence, False, ErrorAction.EDIT_KEYS))
        self._show_profiles()

    # -- profiles & conversations ----------------------------------------------------------------

    def _reload_profiles(self, select_id: str | None = None) -> None:
        self.profiles = self.services.database.list_profiles()
        ids = {profile.id for profile in self.profiles}
        current = select_id if select_id in ids else None
        if current is None and self.chat.profile is not None and self.chat.profile.id in ids:
            current = self.chat.profile.id
        if current is None and self.profiles:
            current = self.profiles[0].id
        self._show_profiles(current)
        self.actions_.new_chat.setEnabled(bool(self.profiles))
        self.actions_.server_history.setEnabled(bool(self.profiles))
        if not self.profiles:
            self.chat.set_profile(None)
            self.pages.setCurrentWidget(self.welcome)
            self.header.clear()
            self.sidebar.set_conversations([], None)
            return
        self.pages.setCurrentWidget(self.chat_page)
        profile = next(p for p in self.profiles if p.id == current)
        if self.chat.profile is None or self.chat.profile != profile:
            self._use_profile(profile)

    def _show_profiles(self, current: str | None = None) -> None:
        if current is None and self.chat.profile is not None:
            current = self.chat.profile.id
        entries = [
            ProfileEntry(
                p.id, p.display_name, p.agent_name, self.key_status.get(p.id, KeyStatus.UNKNOWN)
            )
            for p in self.profiles
        ]
        self.sidebar.set_profiles(entries, current)

    def _use_profile(self, profile: Profile) -> None:
        self._save_draft()
        same = self.chat.profile is not None and self.chat.profile.id == profile.id
        conversation_id = self.chat.conversation_id if same else None
        self.chat.profile = profile
        parts = (profile.display_name, profile.agent_name, profile.model_name)
        self.header.setText(" · ".join(part for part in parts if part))
        if not same:
            self.chat.set_profile(profile)
            conversations = self.services.database.list_conversations(profile.id)
            if conversations:
                self.chat.open_conversation(conversations[0].id)
        elif conversation_id is None:
            self._reload_conversations()
        if self.services.settings.last_profile_id != profile.id:
            self._save_settings(self.services.settings.replace(last_profile_id=profile.id))

    def _reload_conversations(self) -> None:
        if self.chat.profile is None:
            self.sidebar.set_conversations([], None)
            return
        conversations = self.services.database.list_conversations(self.chat.profile.id)
        entries = [ConversationEntry(c.id, c.title, c.updated_at) for c in conversations]
        self.sidebar.set_conversations(entries, self.chat.conversation_id)

    def _on_sidebar_profile_selected(self, profile_id: str) -> None:
        profile = next((p for p in self.profiles if p.id == profile_id), None)
        if profile is not None:
            self._use_profile(profile)

    def _on_sidebar_conversation_selected(self, conversation_id: str) -> None:
        self._save_draft()
        self.chat.open_conversation(conversation_id)

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

    def _on_export_triggered(self) -> None:
        # With no conversation open the dialog still exports the others (or everything).
        from desktop_app.gui.export_dialog import start_export

        start_export(self, self.services, self.chat.conversation_id)

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

    def open_profiles(self, *, new: bool = False, focus_keys: bool = False) -> ProfileDialog:
        """Open the Profiles & keys dialog (window-modal, non-blocking)."""
        from desktop_app.gui.profile_dialog import ProfileDialog

        if self.profile_dialog is not None:
            self.profile_dialog.close()
        current = "" if new else (self.chat.profile.id if self.chat.profile else None)
        dialog = ProfileDialog(self.services, self, select_id=current, focus_keys=focus_keys)
        dialog.profiles_changed.connect(self._on_profile_dialog_profiles_changed)
        self.profile_dialog = dialog
        dialog.open()
        return dialog

    def _on_profile_dialog_profiles_changed(self, profile_id: str) -> None:
        self.chat.profile = None if profile_id else self.chat.profile
        self._reload_profiles(select_id=profile_id or None)
        self.tasks.run(self._refresh_key_status())

    def open_search(self) -> SearchDialog:
        """Open the search over every saved conversation (non-modal)."""
        from desktop_app.gui.search_dialog import SearchDialog

        names = {profile.id: profile.display_name for profile in self.profiles}
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.services.database, self, profile_names=names)
            self.search_dialog.result_chosen.connect(self._on_search_dialog_result_chosen)
        self.search_dialog.set_profile_names(names)
        self.search_dialog.start()
        return self.search_dialog

    def _on_search_dialog_result_chosen(
        self, conversation_id: str, message_id: str, query: str
    ) -> None:
        if self._open_conversation_anywhere(conversation_id):
            self.chat.show_message(message_id, highlight_text=query or None)

    def _open_conversation_anywhere(self, conversation_id: str) -> bool:
        """Open a conversation of any profile (switching to it); False if it is gone."""
        try:
            conversation = self.services.database.get_conversation(conversation_id)
        except errors.AgentsGTError as error:
            self.banner.show_error(ErrorText(error.message, False))
            return False
        if conversation is None:
            return False
        profile = next((p for p in self.profiles if p.id == conversation.profile_id), None)
        if profile is None:
            return False
        if self.chat.profile is None or self.chat.profile.id != profile.id:
            self._show_profiles(profile.id)
            self._use_profile(profile)
        self._save_draft()
        self.chat.open_conversation(conversation_id)
        return self.chat.conversation_id == conversation_id

    def _on_jump_latest_button_clicked(self) -> None:
        self.chat.pages.show_latest()

    def _on_storage_error_reported(self, error: StorageError) -> None:
        self.storage_banner.show_error(history_not_saved(error))

    def open_server_history(self) -> ServerHistoryDialog | None:
        """Open the server history and usage of the current profile (non-modal)."""
        profile = self.chat.profile
        if profile is None:
            self.status_label.setText("Choose or add an agent first.")
            return None
        from desktop_app.gui.server_history_dialog import ServerHistoryDialog

        if self.server_history_dialog is not None:
            self.server_history_dialog.close()
            self.server_history_dialog.deleteLater()
        dialog = ServerHistoryDialog(
            self.services.database, profile, lambda: self.chat.client_for(profile), self
        )
        dialog.thread_imported.connect(self._on_server_history_dialog_thread_imported)
        self.server_history_dialog = dialog
        dialog.show()
        return dialog

    def _on_server_history_dialog_thread_imported(self, conversation_id: str) -> None:
        self._reload_conversations()
        self._open_conversation_anywhere(conversation_id)

    def open_settings(self) -> SettingsDialog:
        """Open the Settings dialog (window-modal, non-blocking)."""
        from desktop_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self)
        dialog.settings_accepted.connect(self._on_settings_dialog_settings_accepted)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _on_settings_dialog_settings_accepted(self, settings: Settings) -> None:
        self._save_settings(settings)
        self._apply_settings(settings)

    @staticmethod
    def _apply_theme(settings: Settings) -> bool:
        app = QApplication.instance()
        return apply_theme(app, settings.theme.value) if isinstance(app, QApplication) else False

    def _apply_settings(self, settings: Settings, *, dark: bool | None = None) -> None:
        if dark is None:
            dark = self._apply_theme(settings)
        sheet = style_sheet(dark, QApplication.font().pointSizeF())
        for widget in self._styled_widgets():
            widget.setStyleSheet(sheet)
        self.transcript.set_theme(dark)
        self.transcript.set_font_point_size(settings.font_size)
        self.composer.editor.set_send_shortcut(settings.send_shortcut.value)

    def _styled_widgets(self) -> tuple[QWidget, ...]:
        """Widgets that take the window's style sheet (never an ancestor of the transcript)."""
        return (
            self.sidebar,
            self.welcome,
            self.banner,
            self.storage_banner,
            self.keyring_banner,
            self.composer,
            self.edit_row,
            self.header,
            self.status_label,
        )

    def _save_settings(self, settings: Settings) -> None:
        previous = self.services.settings
        self.tasks.run(self.services.apply_settings(settings))
        if previous == settings:
            return
        self.tasks.save_in_background(self.services.settings_store.save, settings)

    # -- demo --------------------------------------------------------------------------------------

    def start_demo(self) -> None:
        """Start the in-process emulator and switch to the demo profile."""
        self.status_label.setText("Starting the demo agent…")
        self.tasks.run(self._start_demo())

    async def _start_demo(self) -> None:
        from desktop_app.gui.demo import prepare_demo_profile

        profile = await prepare_demo_profile(self.services, self.demo)
        self.chat.profile = None
        self._reload_profiles(select_id=profile.id)
        self.key_status[profile.id] = KeyStatus.SESSION
        self._show_profiles(profile.id)
        self.announce(f"Demo agent ready: {profile.agent_name}. Say hello!")
        self.composer.editor.setFocus()
        if self.chat.conversation_id is None and not self.services.database.list_conversations(
            profile.id
        ):
            # A first look at the demo shows a reply streaming in, not an empty page.
            from desktop_app.gui.demo import DEMO_GREETING

            self.chat.send(DEMO_GREETING)

    # -- drafts and window state -----------------------------------------------------------------

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

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.services.storage_faults.listen(None)
        self.chat.stop()
        self._draft_timer.stop()
        self.save_ui_state()
        self.tasks.flush_io()
        self.closed.emit()
        super().closeEvent(event)
