"""The opt-in update check: read the release feed, say whether a newer release exists."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from packaging.version import InvalidVersion, Version

from desktop_app.core.errors import (
    APITimeoutError,
    ResponseFormatError,
    ResponseTooLargeError,
    UnexpectedStatusError,
)

if TYPE_CHECKING:
    # httpx (~40 ms) loads when a check runs: the window asks `check_due` first.
    import httpx

    from desktop_app.core.settings import Settings

#: The release feed. The release workflow publishes it with every release:
#: {"releases": [{"version": "0.2.0", "url": "https://.../releases/v0.2.0"}, ...]}
FEED_URL: Final = "https://agentsgt.com/desktop/releases.json"
#: At most one check a day, whether it succeeded or not.
CHECK_INTERVAL_SECONDS: Final = 24 * 60 * 60
#: A feed is a few hundred bytes; anything near this is not our feed.
MAX_FEED_BYTES: Final = 64 * 1024
#: The whole check (connect, headers, body) ends by then, however slowly bytes trickle in.
FEED_DEADLINE_SECONDS: Final = 15.0
_MAX_URL_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class Update:
    """A newer release: its version and the page to read about and download it."""

    version: str
    url: str


def check_due(settings: Settings, now: float) -> bool:
    """True when the user opted in and the last check is a day old (or in the future: the
    clock was turned back, and a check must not wait for it to catch up)."""
    if not settings.check_for_updates:
        return False
    last = settings.last_update_check
    return last is None or last > now or now - last >= CHECK_INTERVAL_SECONDS


def newest_update(feed: bytes, current_version: str) -> Update | None:
    """The newest final release in `feed` above `current_version` (PEP 440 ordering), if any.

    Pre-releases and development releases are ignored, and so are entries whose version or
    URL is unusable; raises ResponseFormatError when the feed is not the documented shape.
    """
    try:
        data = json.loads(feed)
    except (UnicodeDecodeError, ValueError):
        raise ResponseFormatError("The release feed is not JSON.") from None
    releases = data.get("releases") if isinstance(data, dict) else None
    if not isinstance(releases, list):
        raise ResponseFormatError('The release feed has no "releases" list.')
    current = Version(current_version)
    best: tuple[Version, str] | None = None
    for entry in releases:
        release = _release(entry)
        if release is not None and release[0] > current and (best is None or release > best):
            best = release
    return None if best is None else Update(str(best[0]), best[1])


def _release(entry: Any) -> tuple[Version, str] | None:
    if not isinstance(entry, dict):
        return None
    version, url = entry.get("version"), entry.get("url")
    if not isinstance(version, str) or not isinstance(url, str):
        return None
    try:
        parsed = Version(version)
    except InvalidVersion:
        return None
    if parsed.is_prerelease or parsed.is_devrelease:
        return None
    # The notice opens this link in the browser: only a plain https page will do.
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or len(url) > _MAX_URL_LENGTH:
        return None
    return parsed, url


async def read_feed(
    client: httpx.AsyncClient,
    url: str = FEED_URL,
    *,
    max_bytes: int = MAX_FEED_BYTES,
    deadline: float = FEED_DEADLINE_SECONDS,
) -> bytes:
    """GET the feed with the app's shared client: at most `max_bytes`, within `deadline` s.

    Raises APITimeoutError, APIConnectionError, UnexpectedStatusError or ResponseFormatError
    (too large); only reads, never follows a redirect (the shared client does not).
    """
    import httpx

    from desktop_app.core.body_reader import read_capped
    from desktop_app.core.http import ClientSettings, transport_error

    host = urlsplit(url).hostname or url
    try:
        async with asyncio.timeout(deadline):
            # Asked uncompressed; one that compresses anyway is held to the limit once decoded.
            headers = {"Accept": "application/json", "Accept-Encoding": "identity"}
            async with client.stream("GET", url, headers=headers) as reply:
                if reply.status_code != 200:
                    raise UnexpectedStatusError(
                        f"The release feed at {host} answered {reply.status_code}.",
                        status_code=reply.status_code,
                    )
                declared = reply.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(host, max_bytes)
                try:
                    # The client's bounded reader: a compressed answer is inflated in steps,
                    # never whole (httpx's own decoding inflates each chunk without a bound).
                    return await read_capped(reply, host, max_bytes, "read the release feed")
                except ResponseTooLargeError:
                    raise _too_large(host, max_bytes) from None
    except TimeoutError:
        raise APITimeoutError(
            f"The release feed at {host} did not arrive within {deadline:g} s."
        ) from None
    except httpx.HTTPError as error:
        settings = ClientSettings(connect_timeout=deadline, idle_timeout=deadline)
        raise transport_error(error, host, settings) from None


def _too_large(host: str, max_bytes: int) -> ResponseFormatError:
    return ResponseFormatError(f"The release feed at {host} is larger than {max_bytes} bytes.")


async def check_for_update(
    client: httpx.AsyncClient,
    current_version: str,
    *,
    url: str = FEED_URL,
    max_bytes: int = MAX_FEED_BYTES,
    deadline: float = FEED_DEADLINE_SECONDS,
) -> Update | None:
    """The newer release the feed offers, or None; it is never downloaded or run."""
    feed = await read_feed(client, url, max_bytes=max_bytes, deadline=deadline)
    return newest_update(feed, current_version)
