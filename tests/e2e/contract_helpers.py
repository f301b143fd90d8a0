"""Helpers for the client contract tests: a real client bound to a real emulator."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from desktop_app.core.client import AgentsGTClient
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import ChatMessage, Credentials, Role
from desktop_app.emulator.server import EmulatorServer

T = TypeVar("T")

FIRST_AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"
HELLO = (ChatMessage(Role.USER, "hello"),)
# No waiting between retries, and a short idle timeout so a stall ends quickly.
FAST = ClientSettings(retry_backoff=0.0, retry_cap=0.05, idle_timeout=0.5, connect_timeout=5.0)


def credentials(server: EmulatorServer) -> Credentials:
    """The emulator's key pair as the app's Credentials."""
    return Credentials(server.credentials.public_key, server.credentials.secret_key)


def against(
    server: EmulatorServer,
    use: Callable[[AgentsGTClient], Coroutine[Any, Any, T]],
    *,
    headers: dict[str, str] | None = None,
    settings: ClientSettings = FAST,
    identifier: str | None = "contract-user",
) -> T:
    """Run `use(client)` on a fresh event loop with a client for `server`; close everything."""

    async def main() -> T:
        async with make_http_client(settings) as http:
            client = AgentsGTClient(
                http,
                base_url=server.base_url,
                credentials=credentials(server),
                identifier=identifier,
                settings=settings,
                extra_headers=headers,
            )
            return await use(client)

    return asyncio.run(main())
