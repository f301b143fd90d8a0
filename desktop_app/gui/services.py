"""The core services the window works with, built by app.py (the composition root)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from desktop_app.core.instances import InstanceRegistry
from desktop_app.core.paths import AppPaths
from desktop_app.core.secrets import SecretStore
from desktop_app.core.settings import ProxyMode, Settings, SettingsStore, UiState, UiStateStore
from desktop_app.core.storage import Database, StreamingWriter
from desktop_app.core.storage.errors import StorageError
from desktop_app.gui.demo import DemoRuntime

if TYPE_CHECKING:
    # httpx costs ~40 ms to import: it loads on the first request, after the window shows.
    import httpx

    from desktop_app.core.http import ClientSettings


def client_settings(settings: Settings, *, max_retries: int | None = None) -> ClientSettings:
    """The HTTP client's tunables from the user's settings.

    `max_retries` None keeps the client's bounded retries (each one announced, so the window
    shows the wait and Stop cancels it).
    """
    from desktop_app.core.http import ClientSettings

    tuned = ClientSettings(
        connect_timeout=settings.connect_timeout,
        idle_timeout=settings.idle_timeout,
        proxy=settings.proxy_url if settings.proxy_mode is ProxyMode.CUSTOM else None,
        trust_env=settings.proxy_mode is ProxyMode.SYSTEM,
    )
    return tuned if max_retries is None else replace(tuned, max_retries=max_retries)


class StorageFaultRelay:
    """Passes the StreamingWriter's failures (reported on its thread) on to one listener.

    app.py gives it to the writer as `on_error` before the window exists; the window then
    listens (and hops to the GUI thread itself).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listener: Callable[[StorageError], None] | None = None

    def listen(self, listener: Callable[[StorageError], None] | None) -> None:
        """Send every later failure to `listener` (None: drop them)."""
        with self._lock:
            self._listener = listener

    def __call__(self, error: StorageError) -> None:
        with self._lock:
            listener = self._listener
        if listener is not None:
            listener(error)


@dataclass(eq=False)
class Services:
    """Everything the GUI needs from the core, owned by app.py and closed by it on quit.

    `http` is the one long-lived AsyncClient; it is replaced (and the old one closed) only when
    the proxy settings change.
    """

    paths: AppPaths
    settings_store: SettingsStore
    ui_state_store: UiStateStore
    database: Database
    writer: StreamingWriter
    secrets: SecretStore
    identifier: str
    settings: Settings
    ui_state: UiState = field(default_factory=UiState)
    http: httpx.AsyncClient | None = None
    #: This process's entry among the instances sharing the data folder (None in some tests).
    instances: InstanceRegistry | None = None
    #: ClientSettings fields used instead of the settings' (e.g. `{"idle_timeout": 0.5}`):
    #: tests and benchmarks need waits shorter than the Settings dialog allows.
    client_overrides: dict[str, Any] = field(default_factory=dict)
    #: The StreamingWriter's `on_error` (app.py wires it); the window listens to it.
    storage_faults: StorageFaultRelay = field(default_factory=StorageFaultRelay)
    #: Why history is kept in a temporary database this session (the user's file could not be
    #: written at start), or None when history is saved normally.
    storage_problem: StorageError | None = None
    #: The demo's in-process emulator, started on demand (stopped by app.shutdown).
    demo: DemoRuntime = field(default_factory=DemoRuntime)

    def client_settings(self, *, max_retries: int | None = None) -> ClientSettings:
        """The AgentsGTClient tunables for a request made now."""
        tuned = client_settings(self.settings, max_retries=max_retries)
        return replace(tuned, **self.client_overrides) if self.client_overrides else tuned

    async def ahttp_client(self) -> httpx.AsyncClient:
        """The shared AsyncClient; the first one is made off the GUI thread.

        Making one imports httpx and loads the TLS trust store (30-60 ms): on the GUI thread
        that stalled the window at the first send, balance check or agents list. If another
        caller made one meanwhile, that one is kept and ours closed.
        """
        if self.http is None:
            import asyncio

            from desktop_app.core.http import make_http_client

            made = await asyncio.to_thread(make_http_client, client_settings(self.settings))
            if self.http is None:
                self.http = made
            else:
                await made.aclose()
        return self.http

    async def apply_settings(self, settings: Settings) -> None:
        """Use new settings; a changed proxy means a new AsyncClient (the old one is closed)."""
        old = self.settings
        self.settings = settings
        proxy_changed = (old.proxy_mode, old.proxy_url) != (settings.proxy_mode, settings.proxy_url)
        timeouts_changed = (old.connect_timeout, old.idle_timeout) != (
            settings.connect_timeout,
            settings.idle_timeout,
        )
        if self.http is not None and (proxy_changed or timeouts_changed):
            previous, self.http = self.http, None
            await previous.aclose()

    async def aclose(self) -> None:
        """Close the AsyncClient."""
        if self.http is not None:
            client, self.http = self.http, None
            await client.aclose()
