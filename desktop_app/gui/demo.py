"""Demo mode: the emulator runs in-process on loopback and a demo profile points at it."""

from __future__ import annotations

import logging

from desktop_app.core.models import Credentials
from desktop_app.core.profiles import Profile, new_profile
from desktop_app.core.secrets import key_ref

log = logging.getLogger(__name__)

#: Sent once when the demo opens on an empty history, so a new user sees a reply stream in.
DEMO_GREETING = "Hello! What can you do? Show me a table and some code."
# Stable, so the demo's conversations from earlier runs stay attached to the same profile.
DEMO_PROFILE_ID = "de300000-0000-4000-8000-000000000001"
DEMO_DISPLAY_NAME = "Demo agent"


class DemoRuntime:
    """Owns the in-process EmulatorServer (its own thread, an ephemeral loopback port)."""

    def __init__(self, tokens_per_second: float | None = None) -> None:
        self._tokens_per_second = tokens_per_second
        self.server = None

    @property
    def running(self) -> bool:
        """True once started and until stopped."""
        return self.server is not None

    def start(self):  # -> EmulatorServer; blocking (a fraction of a second): call via to_thread
        """Start the emulator and return it (idempotent)."""
        if self.server is None:
            # Imported here: the emulator (uvicorn, starlette) is only loaded for the demo.
            from desktop_app.emulator.server import EmulatorServer

            options = {"host": "127.0.0.1", "port": 0}
            if self._tokens_per_second is not None:
                options["tokens_per_second"] = self._tokens_per_second
            self.server = EmulatorServer(**options).start()
            log.info("demo emulator listening at %s", self.server.base_url)
        return self.server

    def stop(self) -> None:
        """Stop the emulator (idempotent)."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()

    def credentials(self) -> Credentials:
        """The emulator's key pair (kept for this session only, never in the keyring)."""
        assert self.server is not None, "start() first"
        keys = self.server.credentials
        return Credentials(keys.public_key, keys.secret_key)


def demo_profile(
    base_url: str,
    public_key: str,
    *,
    agent_id: str,
    agent_name: str,
    agent_description: str = "",
    model_name: str = "",
    identifier: str = "",
    existing: Profile | None = None,
) -> Profile:
    """The demo profile for an emulator at `base_url` (its port changes on every run)."""
    ref = key_ref(base_url, public_key)
    if existing is not None:
        return existing.replace(
            base_url=base_url,
            agent_id=agent_id,
            agent_name=agent_name,
            agent_description=agent_description,
            model_name=model_name,
            key_ref=ref,
        )
    profile = new_profile(
        DEMO_DISPLAY_NAME,
        agent_id,
        base_url=base_url,
        agent_name=agent_name,
        agent_description=agent_description,
        model_name=model_name,
        identifier=identifier,
        key_ref=ref,
    )
    return profile.replace(id=DEMO_PROFILE_ID)


def is_demo_profile(profile: Profile) -> bool:
    """True for the demo profile (its URL and key are only valid while its emulator runs)."""
    return profile.id == DEMO_PROFILE_ID


async def ensure_demo_profile(services, runtime: DemoRuntime) -> Profile:
    """The demo profile ready to chat: the emulator started on demand, the profile pointing at
    its URL of this run, its session key set. Cheap once done (no request is made again).

    A relaunch leaves the saved demo profile at the previous run's port with no key (keys of
    the demo are never saved): call this before the demo is used (selected, or a message sent).
    """
    import asyncio

    saved = services.database.get_profile(DEMO_PROFILE_ID)
    server = runtime.server
    if server is not None and saved is not None:
        ready = (
            saved.base_url == server.base_url
            and (await asyncio.to_thread(services.secrets.get, saved.key_ref))
            == runtime.credentials()
        )
        if ready:
            return saved
    return await prepare_demo_profile(services, runtime)


async def prepare_demo_profile(services, runtime: DemoRuntime) -> Profile:
    """Start the emulator (off the GUI thread), then save the demo profile pointing at it.

    The emulator's keys are kept in memory for this session only: never in the keyring or a
    file. The agent is the first one the emulator's own GET /agents lists.
    """
    import asyncio

    from desktop_app.core.client_factory import client_for_url

    server = await asyncio.to_thread(runtime.start)
    credentials = runtime.credentials()
    client = client_for_url(
        await services.ahttp_client(), server.base_url, credentials, services.client_settings()
    )
    agents = await client.list_agents()
    agent = agents[0]
    existing = services.database.get_profile(DEMO_PROFILE_ID)
    profile = demo_profile(
        server.base_url,
        credentials.public_key,
        agent_id=agent.id,
        agent_name=agent.name,
        agent_description=agent.description,
        model_name=(agent.model.display_name or agent.model.name) if agent.model else "",
        identifier=services.identifier,
        existing=existing,
    )
    services.secrets.set(profile.key_ref, credentials, session_only=True)
    return services.database.save_profile(profile)
