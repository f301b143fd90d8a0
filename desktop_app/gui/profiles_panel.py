"""The saved agent profiles in the sidebar, each with a mark for where its keys are."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.profiles import Profile
from desktop_app.gui.chat_controller import ChatController
from desktop_app.gui.demo import is_demo_profile
from desktop_app.gui.services import Services
from desktop_app.gui.sidebar import KeyStatus, ProfileEntry, Sidebar


class ProfilesPanel(QObject):
    """Keeps the saved profiles and their key status; shows them with the open one selected.

    Which profile is open is the chat controller's: this panel reads it and never keeps a copy.
    """

    #: The user picked a profile in the list.
    profile_chosen = Signal(object)  # Profile

    def __init__(
        self,
        services: Services,
        sidebar: Sidebar,
        chat: ChatController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.sidebar = sidebar
        self.chat = chat
        self.profiles: list[Profile] = []
        self.key_status: dict[str, KeyStatus] = {}
        sidebar.profile_selected.connect(self._on_sidebar_profile_selected)

    def reload(self, select_id: str | None = None) -> Profile | None:
        """Read the profiles again; return the one to show (`select_id`, else the open one,
        else the first; None when there are none) and select it in the list."""
        self.profiles = self.services.database.list_profiles()
        chosen = (
            self.find(select_id) or self.find(self._open_id()) or next(iter(self.profiles), None)
        )
        self.show(chosen.id if chosen is not None else None)
        return chosen

    def show(self, current_id: str | None = None) -> None:
        """Show the list again (the open profile selected unless `current_id` is given)."""
        entries = [
            ProfileEntry(
                p.id, p.display_name, p.agent_name, self.key_status.get(p.id, KeyStatus.UNKNOWN)
            )
            for p in self.profiles
        ]
        self.sidebar.set_profiles(entries, current_id or self._open_id())

    def find(self, profile_id: str | None) -> Profile | None:
        """The saved profile with this id, if any."""
        return next((p for p in self.profiles if p.id == profile_id), None)

    def names(self) -> dict[str, str]:
        """Display names by profile id."""
        return {profile.id: profile.display_name for profile in self.profiles}

    def set_key_status(self, profile_id: str, status: KeyStatus) -> None:
        """Mark where one profile's keys are."""
        self.key_status[profile_id] = status
        self.show()

    async def refresh_key_status(self) -> str | None:
        """Ask the keyring where every profile's keys are; return the keyring's problem."""
        import asyncio

        from desktop_app.gui.profile_controller import key_statuses

        # Both off the GUI thread (resolving the backend imports keyring and may ask D-Bus),
        # both started in this first step (no extra tasks to schedule).
        loop = asyncio.get_running_loop()
        problem_read = loop.run_in_executor(None, self.services.secrets.problem)
        statuses = await key_statuses(self.services, self.profiles)
        # The demo's key is its emulator's, made anew each run and kept for the session only.
        demo = {p.id: KeyStatus.SESSION for p in self.profiles if is_demo_profile(p)}
        self.key_status = statuses | demo
        problem = await problem_read
        self.show()
        return problem

    def _open_id(self) -> str | None:
        return self.chat.profile.id if self.chat.profile is not None else None

    def _on_sidebar_profile_selected(self, profile_id: str) -> None:
        profile = self.find(profile_id)
        if profile is not None:
            self.profile_chosen.emit(profile)
