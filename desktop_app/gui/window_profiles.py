"""The window's agent and conversation side: profiles, key status, the sidebar, the demo."""

from __future__ import annotations

from desktop_app.core import errors
from desktop_app.core.error_text import ErrorAction, ErrorText
from desktop_app.core.profiles import Profile
from desktop_app.gui.conversation_actions import open_data_folder
from desktop_app.gui.sidebar import ConversationEntry, KeyStatus, ProfileEntry


class WindowProfiles:
    """Keeps the sidebar, current profile and conversations in step; mixed into MainWindow."""

    async def _refresh_key_status(self) -> None:
        import asyncio

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

    # -- conversation actions (rename, delete + undo, export) ----------------------------------

    def _on_conversation_actions_renamed(self, conversation_id: str, title: str) -> None:
        self._reload_conversations()

    def _on_conversation_actions_deleted(self, conversation_id: str) -> None:
        if self.chat.conversation_id == conversation_id:
            self._on_new_chat_triggered()  # the open chat went to the bin: start afresh
        self._reload_conversations()

    def _on_conversation_actions_restored(self, conversation_id: str) -> None:
        self._reload_conversations()

    def _on_conversation_actions_export_requested(self, conversation_id: str) -> None:
        from desktop_app.gui.export_dialog import start_export

        start_export(self, self.services, conversation_id)

    def _on_conversation_actions_failed(self, sentence: str) -> None:
        self.banner.show_error(ErrorText(sentence, False))

    def _on_open_data_folder_triggered(self) -> None:
        # The history's folder: the temporary one when the user's history could not be opened.
        folder = self.services.database.path.parent
        if not open_data_folder(folder, self.link_opener):
            self.banner.show_error(ErrorText(f"Could not open the folder {folder}.", False))
