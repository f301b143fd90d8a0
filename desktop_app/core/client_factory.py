"""The one place an AgentsGTClient is built: for a saved profile, or for a bare base URL."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from desktop_app.core import validation
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.http import ClientSettings
from desktop_app.core.models import Credentials
from desktop_app.core.profiles import Profile


def client_for_profile(
    http: httpx.AsyncClient,
    profile: Profile,
    credentials: Credentials,
    settings: ClientSettings,
    extra_headers: Mapping[str, str] | None = None,
) -> AgentsGTClient:
    """A client for `profile` with its key pair; a blank identifier sends no header."""
    return client_for_url(
        http,
        profile.base_url,
        credentials,
        settings,
        identifier=validation.profile_identifier(profile.identifier),
        extra_headers=extra_headers,
    )


def client_for_url(
    http: httpx.AsyncClient,
    base_url: str,
    credentials: Credentials,
    settings: ClientSettings,
    *,
    identifier: str | None = None,
    extra_headers: Mapping[str, str] | None = None,
) -> AgentsGTClient:
    """A client for a base URL and key pair not (yet) saved as a profile: the CLI, the dialog."""
    return AgentsGTClient(
        http,
        base_url=base_url,
        credentials=credentials,
        identifier=identifier,
        settings=settings,
        extra_headers=extra_headers,
    )
