"""The shared httpx.AsyncClient, the client's tunables, retry delays and transport-error mapping."""

from __future__ import annotations

import asyncio
import platform
import random
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop_app import __version__
from desktop_app.core.errors import (
    APIConnectionError,
    APITimeoutError,
    ConnectTimeoutError,
    HeaderTimeoutError,
    IdleTimeoutError,
    StreamProtocolError,
)
from desktop_app.core.limits import (
    CONNECT_TIMEOUT_S,
    IDLE_TIMEOUT_S,
    JSON_REQUEST_TIMEOUT_S,
    ReplyLimits,
)
from desktop_app.core.messages import translate


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """How the client waits, retries and reaches the network.

    `proxy`: None uses the system/environment proxy settings when `trust_env` is true; a URL
    forces that proxy. `trust_env=False` ignores HTTP(S)_PROXY, NO_PROXY, SSL_CERT_FILE and
    netrc entirely (a direct connection unless `proxy` is set).

    Deadlines (see core/limits.py for why each default): `idle_timeout` is the longest a reply
    may go without data (keep-alive comments and a line that never ends do not count);
    `header_timeout` (None: `idle_timeout`) bounds the wait for the status line and headers
    once the request is sent, however slowly they trickle in; `reply_timeout` (None: off) bounds
    a whole reply; `json_timeout` bounds a whole JSON request, retries included.
    """

    connect_timeout: float = CONNECT_TIMEOUT_S
    idle_timeout: float = IDLE_TIMEOUT_S
    # Retries happen only before a reply starts (429, connection refused): never after a 2xx
    # body began, since the server may already be spending credits on it.
    max_retries: int = 3
    # Longest wait before a retry. A Retry-After longer than this is not waited out: the
    # request fails at once with the server's wait in its message.
    retry_cap: float = 30.0
    # First backoff step (doubles each attempt, with jitter); a Retry-After is waited at least.
    retry_backoff: float = 1.0
    proxy: str | None = None
    trust_env: bool = True
    header_timeout: float | None = None
    reply_timeout: float | None = None
    json_timeout: float = JSON_REQUEST_TIMEOUT_S
    limits: ReplyLimits = field(default_factory=ReplyLimits)

    def __post_init__(self) -> None:
        timeouts = (self.connect_timeout, self.idle_timeout, self.json_timeout)
        optional = (self.header_timeout, self.reply_timeout)
        if min(timeouts) <= 0 or any(t is not None and t <= 0 for t in optional):
            raise ValueError("timeouts must be positive")
        if self.max_retries < 0 or self.retry_cap < 0 or self.retry_backoff < 0:
            raise ValueError("retry settings must not be negative")

    @property
    def header_deadline(self) -> float:
        """Seconds the status line and headers may take once the request is sent."""
        return self.header_timeout if self.header_timeout is not None else self.idle_timeout

    def request_timeout(self) -> httpx.Timeout:
        """The per-request httpx timeout: connect, then idle for every read and write."""
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.idle_timeout,
            write=self.idle_timeout,
            pool=self.connect_timeout,
        )


def user_agent() -> str:
    """`AgentsGT-Desktop/<version> (<os> <arch>)`."""
    system = platform.system() or "unknown OS"
    machine = platform.machine()
    return f"AgentsGT-Desktop/{__version__} ({system}{' ' + machine if machine else ''})"


def make_http_client(
    settings: ClientSettings | None = None, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """Build the one long-lived AsyncClient the app keeps; the caller closes it on quit.

    `transport` is a test seam (httpx.MockTransport); the app leaves it None.
    """
    settings = settings or ClientSettings()
    return httpx.AsyncClient(
        timeout=settings.request_timeout(),
        proxy=settings.proxy or None,
        trust_env=settings.trust_env,
        headers={"User-Agent": user_agent()},
        follow_redirects=False,  # a redirect could carry the Authorization header elsewhere
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        transport=transport,
    )


async def send_for_headers(
    http: httpx.AsyncClient, request: httpx.Request, settings: ClientSettings, host: str
) -> httpx.Response:
    """Send `request` and return once its status line and headers are in (body unread).

    The per-read timeouts alone let a server that sends one header byte at a time keep us
    forever, so the headers get one deadline: `settings.header_deadline` from the moment the
    request has been written (httpcore's documented `trace` hook says when). Until then the
    connect and write timeouts apply; a transport without the hook gets connect_timeout +
    header_deadline from the start.
    """
    loop = asyncio.get_running_loop()
    seconds = settings.header_deadline
    try:
        async with asyncio.timeout(settings.connect_timeout + seconds) as deadline:

            async def trace(event: str, info: dict[str, Any]) -> None:
                if event.endswith(".send_request_headers.started"):
                    deadline.reschedule(None)  # uploading: the write timeout watches it
                elif event.endswith(".receive_response_headers.started"):
                    deadline.reschedule(loop.time() + seconds)

            request.extensions["trace"] = trace
            return await http.send(request, stream=True)
    except TimeoutError:
        raise HeaderTimeoutError(
            translate(
                "Connection",
                "{host} did not send the status line and headers of its answer within "
                "{seconds:g} s of the request, so the wait was ended. Try again later.",
            ).format(host=host, seconds=seconds),
            seconds=seconds,
        ) from None


def retry_delay(attempt: int, settings: ClientSettings, retry_after: float | None) -> float | None:
    """Seconds to wait before retry number `attempt` (0-based), or None not to retry at all.

    Exponential backoff with jitter, never shorter than the server's Retry-After and never
    longer than `retry_cap`; a Retry-After beyond the cap means no retry (None).
    """
    if retry_after is not None and retry_after > settings.retry_cap:
        return None
    # Jitter spreads out clients that failed together.
    backoff = settings.retry_backoff * (2**attempt) * (0.5 + random.random() / 2)
    return min(max(backoff, retry_after or 0.0), settings.retry_cap)


def transport_error(
    exc: Exception, host: str, settings: ClientSettings, *, streaming: bool = False
) -> APIConnectionError | StreamProtocolError:
    """Map an httpx exception to the app's error tree, naming the host and never a key."""
    if isinstance(exc, httpx.ConnectTimeout):
        return ConnectTimeoutError(
            translate(
                "Connection",
                "Could not connect to {host} within {seconds:g} s. "
                "Check your network connection, proxy and the API base URL.",
            ).format(host=host, seconds=settings.connect_timeout)
        )
    if isinstance(exc, httpx.ReadTimeout | TimeoutError):
        return IdleTimeoutError(
            translate(
                "Connection",
                "{host} sent nothing for {seconds:g} s, so the wait was ended. Try again later.",
            ).format(host=host, seconds=settings.idle_timeout),
            seconds=settings.idle_timeout,
        )
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            translate("Connection", "The request to {host} timed out. Try again later.").format(
                host=host
            )
        )
    if isinstance(exc, httpx.ProxyError):
        return APIConnectionError(
            translate(
                "Connection",
                "The proxy refused the connection to {host} ({reason}). Check your proxy settings.",
            ).format(host=host, reason=_reason(exc))
        )
    if isinstance(exc, httpx.ConnectError):
        reason = _reason(exc)
        lowered = reason.lower()
        if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
            return APIConnectionError(
                translate(
                    "Connection",
                    "Could not make a secure connection to {host} ({reason}). "
                    "Check the address, the system clock and any proxy that inspects traffic.",
                ).format(host=host, reason=reason)
            )
        if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
            return APIConnectionError(
                translate(
                    "Connection",
                    "Could not find the server {host} ({reason}). "
                    "Check the API base URL and your network connection.",
                ).format(host=host, reason=reason)
            )
        return APIConnectionError(
            translate(
                "Connection",
                "Could not connect to {host} ({reason}). "
                "Check the API base URL and your network connection.",
            ).format(host=host, reason=reason)
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        lost = (
            translate(
                "Connection",
                "The connection to {host} was lost while the reply was streaming. "
                "Check your network and try again.",
            )
            if streaming
            else translate(
                "Connection",
                "The connection to {host} was lost before it answered. "
                "Check your network and try again.",
            )
        )
        return APIConnectionError(lost.format(host=host))
    if isinstance(exc, httpx.DecodingError):
        return StreamProtocolError(
            translate(
                "Connection", "The answer from {host} could not be decoded ({reason})."
            ).format(host=host, reason=_reason(exc))
        )
    return APIConnectionError(
        translate(
            "Connection",
            "The request to {host} failed ({reason}). Check your network and try again.",
        ).format(host=host, reason=_reason(exc))
    )


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
