"""Profiles and keys: the async work behind the Profiles dialog (keyring, API calls, storage)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core import errors
from desktop_app.core.api_types import Agent, Balance
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.client_factory import client_for_profile, client_for_url
from desktop_app.core.error_text import describe_error
from desktop_app.core.errors import MissingKeyError
from desktop_app.core.models import Credentials
from desktop_app.core.profiles import Profile, new_profile, ready_to_save, validate_profile
from desktop_app.core.secrets import KeyLocation, key_ref
from desktop_app.gui.services import Services
from desktop_app.gui.sidebar import KeyStatus

_LOCATION_STATUS = {
    KeyLocation.KEYRING: KeyStatus.STORED,
    KeyLocation.SESSION: KeyStatus.SESSION,
    KeyLocation.MISSING: KeyStatus.MISSING,
}


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """What "Test connection" found."""

    balance: Balance
    agent: Agent | None

    def sentence(self) -> str:
        """A summary a person reads."""
        if not self.balance.subscription_active:
            billing = QCoreApplication.translate("ProfileController", "no active subscription")
        elif self.balance.has_credits:
            billing = QCoreApplication.translate(
                "ProfileController", "subscription active, credits available"
            )
        else:
            billing = QCoreApplication.translate(
                "ProfileController", "subscription active, but no credits left"
            )
        if self.agent:
            agent = QCoreApplication.translate("ProfileController", "Agent: {name}.").format(
                name=self.agent.name
            )
        else:
            agent = QCoreApplication.translate("ProfileController", "The agent ID was not found.")
        return QCoreApplication.translate(
            "ProfileController", "Connected. {agent} Billing: {billing}."
        ).format(agent=agent, billing=billing)


class ProfileController(QObject):
    """Runs one profile operation at a time as an asyncio task (kept in `task`).

    Results and failures come back as signals; a failure carries the ErrorText sentence.
    """

    agents_loaded = Signal(list)  # list[Agent]
    connection_tested = Signal(object)  # ConnectionReport
    profile_saved = Signal(object)  # Profile
    profiles_imported = Signal(list)  # list[Profile]
    profile_deleted = Signal(str)
    operation_failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.task: asyncio.Task[Any] | None = None

    @property
    def busy(self) -> bool:
        """True while an operation runs."""
        return self.task is not None and not self.task.done()

    def _run(self, work: Awaitable[Any], on_success: Callable[[Any], None]) -> bool:
        if self.busy:
            return False

        async def runner() -> None:
            self.busy_changed.emit(True)
            try:
                result = await work
            except errors.AgentsGTError as error:
                self.operation_failed.emit(describe_error(error).sentence)
            else:
                on_success(result)
            finally:
                self.busy_changed.emit(False)

        self.task = asyncio.ensure_future(runner())
        return True

    def cancel(self) -> None:
        """Cancel the running operation (the dialog closed)."""
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _client(self, base_url: str, credentials: Credentials | str) -> AgentsGTClient:
        """A client for typed keys, or for the keys saved under a key_ref (read off-thread)."""
        if isinstance(credentials, str):
            stored = await asyncio.to_thread(self.services.secrets.get, credentials)
            if stored is None:
                raise errors.InvalidInputError(
                    QCoreApplication.translate(
                        "ProfileController", "Enter the public key and the secret key."
                    )
                )
            credentials = stored
        return client_for_url(
            await self.services.ahttp_client(),
            base_url,
            credentials,
            self.services.client_settings(max_retries=1),
        )

    # -- operations ------------------------------------------------------------------------------

    def load_agents(self, base_url: str, credentials: Credentials | str) -> bool:
        """GET /agents with the entered keys (or a key_ref's saved keys)."""

        async def work() -> list[Agent]:
            return await (await self._client(base_url, credentials)).list_agents()

        return self._run(work(), self.agents_loaded.emit)

    def test_connection(self, base_url: str, credentials: Credentials | str, agent_id: str) -> bool:
        """check-balance, then find the agent's name in GET /agents."""

        async def work() -> ConnectionReport:
            client = await self._client(base_url, credentials)
            balance = await client.check_balance()
            agents = await client.list_agents()
            wanted = agent_id.strip().lower()
            agent = next((a for a in agents if a.id.lower() == wanted), None)
            return ConnectionReport(balance, agent)

        return self._run(work(), self.connection_tested.emit)

    def save(
        self, profile: Profile, credentials: Credentials | None, *, session_only: bool = False
    ) -> bool:
        """Validate, put the keys in the keyring (or session memory), then save the profile.

        A refused profile or key pair writes nothing: no keyring entry is left without a profile.
        """

        async def work() -> Profile:
            ready = ready_to_save(profile, credentials)
            if credentials is not None:
                await self._store_ref(ready.key_ref, credentials, session_only)
            return self.services.database.save_profile(ready)

        return self._run(work(), self.profile_saved.emit)

    def import_all(
        self,
        base_url: str,
        credentials: Credentials | str,
        identifier: str,
        *,
        session_only: bool = False,
    ) -> bool:
        """One profile per agent the key pair can see; all are validated before any write."""

        async def work() -> list[Profile]:
            agents = await (await self._client(base_url, credentials)).list_agents()
            if not agents:
                raise errors.InvalidInputError(
                    QCoreApplication.translate(
                        "ProfileController", "This key pair sees no agents to import."
                    )
                )
            if isinstance(credentials, str):
                ref, typed = credentials, None
            else:
                ref, typed = key_ref(base_url, credentials.public_key), credentials
            existing = {(p.base_url, p.agent_id) for p in self.services.database.list_profiles()}
            candidates = [profile_for_agent(agent, base_url, identifier, ref) for agent in agents]
            new = [p for p in candidates if (p.base_url, p.agent_id) not in existing]
            for profile in new:
                validate_profile(profile)
            # Stored only for a profile that will use them: never an entry nothing points at.
            if new and typed is not None:
                await self._store_ref(ref, typed, session_only)
            return [self.services.database.save_profile(profile) for profile in new]

        return self._run(work(), self.profiles_imported.emit)

    def delete(self, profile: Profile) -> bool:
        """Delete the profile (and its conversations); its key goes when no profile uses it."""

        async def work() -> str:
            self.services.database.delete_profile(profile.id)
            still_used = any(
                p.key_ref == profile.key_ref for p in self.services.database.list_profiles()
            )
            if profile.key_ref and not still_used:
                await asyncio.to_thread(self.services.secrets.delete, profile.key_ref)
            return profile.id

        return self._run(work(), self.profile_deleted.emit)

    async def _store_ref(self, ref: str, credentials: Credentials, session_only: bool) -> None:
        await asyncio.to_thread(
            self.services.secrets.set, ref, credentials, session_only=session_only
        )


def profile_for_agent(agent: Agent, base_url: str, identifier: str, ref: str) -> Profile:
    """A new profile for one agent listed by GET /agents."""
    return new_profile(
        agent.name or "Agent",
        agent.id,
        base_url=base_url,
        agent_name=agent.name,
        agent_description=agent.description,
        model_name=(agent.model.display_name or agent.model.name) if agent.model else "",
        identifier=identifier,
        key_ref=ref,
    )


async def key_statuses(services: Services, profiles: Sequence[Profile]) -> dict[str, KeyStatus]:
    """Where each profile's key is (reads the keyring off the GUI thread)."""

    def read() -> dict[str, KeyStatus]:
        statuses: dict[str, KeyStatus] = {}
        for profile in profiles:
            if not profile.key_ref:
                statuses[profile.id] = KeyStatus.MISSING
                continue
            try:
                location = services.secrets.location(profile.key_ref)
            except errors.AgentsGTError:
                location = KeyLocation.MISSING
            statuses[profile.id] = _LOCATION_STATUS[location]
        return statuses

    return await asyncio.to_thread(read)


async def balance_report(services: Services, profile: Profile) -> str:
    """Check the balance with a profile's saved keys and say what it means."""
    credentials = await asyncio.to_thread(services.secrets.get, profile.key_ref)
    if credentials is None:
        raise MissingKeyError(
            QCoreApplication.translate(
                "ProfileController", "This profile has no key: edit the profile's keys."
            )
        )
    client = client_for_profile(
        await services.ahttp_client(),
        profile,
        credentials,
        services.client_settings(max_retries=1),
    )
    balance = await client.check_balance()
    if not balance.subscription_active:
        return QCoreApplication.translate(
            "ProfileController", "Balance: your organization has no active subscription."
        )
    if not balance.has_credits:
        return QCoreApplication.translate(
            "ProfileController", "Balance: the subscription is active but no credits are left."
        )
    return QCoreApplication.translate(
        "ProfileController", "Balance: the subscription is active and credits are available."
    )
