"""The AgentsGT API client: streaming chat, the blocking endpoints, typed in and typed out.

One `httpx.AsyncClient` (see `core.http.make_http_client`) is shared by the whole app and passed
in; an `AgentsGTClient` is cheap, holds one profile's base URL, keys and identifier, and never
closes the shared client.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from desktop_app.core import api_types, validation
from desktop_app.core.body_reader import ACCEPT_ENCODING, read_capped, read_prefix
from desktop_app.core.chat_stream import ChatStream
from desktop_app.core.content_types import check_json_type
from desktop_app.core.errors import (
    AgentsGTError,
    DeadlineError,
    InvalidInputError,
    ResponseFormatError,
    parse_retry_after,
    status_error,
)
from desktop_app.core.events import StreamEvent, StreamResult
from desktop_app.core.http import ClientSettings, retry_delay, send_for_headers, transport_error
from desktop_app.core.limits import MAX_ERROR_BODY_BYTES
from desktop_app.core.messages import translate
from desktop_app.core.models import ChatMessage, Credentials, RetryWait

log = logging.getLogger(__name__)

DateLike = datetime | date | str | None
#: Told about each coming retry (to show "trying again in N s"); the wait itself is cancellable.
RetryHook = Callable[[RetryWait], None]
# Headers the caller may not replace through `extra_headers`.
_PROTECTED_HEADERS = frozenset({"authorization", "content-type", "content-length", "host"})


class AgentsGTClient:
    """One profile's view of the AgentsGT API (base URL, keys, identifier) over a shared client."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        credentials: Credentials,
        identifier: str | None = None,
        settings: ClientSettings | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._http = http
        self.base_url = validation.validate_base_url(base_url)
        self._credentials = validation.validate_credentials(credentials)
        self.identifier = (
            validation.validate_identifier(identifier) if identifier is not None else None
        )
        self.settings = settings or ClientSettings()
        self._extra_headers = _check_extra_headers(extra_headers or {})
        self.host = urlsplit(self.base_url).netloc

    def __repr__(self) -> str:
        return (
            f"AgentsGTClient(base_url={self.base_url!r}, "
            f"public_key={self._credentials.public_key!r}, identifier={self.identifier!r})"
        )

    @property
    def public_key(self) -> str:
        """The public half of the key pair (safe to show)."""
        return self._credentials.public_key

    # -- chat ------------------------------------------------------------------------------------

    def stream_chat(
        self,
        agent_id: str,
        messages: Sequence[ChatMessage],
        *,
        identifier: str | None = None,
        on_retry: RetryHook | None = None,
    ) -> ChatStream:
        """Start a streaming reply: `async with client.stream_chat(...) as stream: async for ...`.

        The whole conversation goes in `messages` (oldest first). Entering sends the request
        (retrying a 429 or a failed connection, each retry announced to `on_retry`) and raises
        the typed status error for a non-2xx answer; iterating yields typed events and ends
        normally even when the connection drops (see `ChatStream`).
        """
        agent = _agent_segment(agent_id)
        turns = validation.validate_messages(messages)
        who = validation.validate_identifier(identifier) if identifier else self.identifier
        headers = self._headers(json_body=True)
        headers["Accept"] = "text/event-stream"
        if who:
            headers["X-Agent-Identifier"] = who
        body = _json_bytes({"messages": [turn.to_wire() for turn in turns]})
        url = f"{self.base_url}/agents/chat/{agent}"

        def build() -> httpx.Request:
            return self._http.build_request(
                "POST", url, headers=headers, content=body, timeout=self.settings.request_timeout()
            )

        return ChatStream(lambda: self._send(build, "chat", on_retry), self.settings, self.host)

    async def chat(
        self,
        agent_id: str,
        messages: Sequence[ChatMessage],
        on_event: Callable[[StreamEvent], None] | None = None,
        *,
        identifier: str | None = None,
    ) -> StreamResult:
        """Stream a whole reply, calling `on_event` for each event, and return the result."""
        async with self.stream_chat(agent_id, messages, identifier=identifier) as stream:
            async for event in stream:
                if on_event is not None:
                    on_event(event)
        return stream.result

    async def send_message(
        self, agent_id: str, message: str, identifier: str | None = None
    ) -> api_types.BasicReply:
        """The blocking endpoint: one message in, the whole reply out (string or JSON)."""
        agent = _agent_segment(agent_id)
        text = validation.validate_message_text(message)
        who = identifier if identifier is not None else self.identifier
        if who is None:
            raise InvalidInputError(
                translate(
                    "Client",
                    "A user identifier is required to send a message; set one in the profile.",
                )
            )
        who = validation.validate_identifier(who, for_header=False)
        body = await self._request_json(
            "POST",
            f"/agents/basic/{agent}",
            translate("Client", "send the message"),
            json_body={"message": text, "identifier": who},
        )
        return api_types.parse_basic_reply(body)

    # -- account ---------------------------------------------------------------------------------

    async def list_agents(self) -> list[api_types.Agent]:
        """Every agent of the key's organization."""
        return api_types.parse_agents(
            await self._request_json("GET", "/agents", translate("Client", "list agents"))
        )

    async def check_balance(self) -> api_types.Balance:
        """Whether the organization has a subscription and credits (never raises for neither)."""
        body = await self._request_json(
            "GET", "/agents/check-balance", translate("Client", "check the balance")
        )
        return api_types.parse_balance(body)

    # -- history ---------------------------------------------------------------------------------

    async def history_by_agent(
        self,
        agent_id: str,
        *,
        page: int = 1,
        limit: int = 50,
        thread_id: str | None = None,
        start_date: DateLike = None,
        end_date: DateLike = None,
    ) -> api_types.HistoryPage:
        """One page of an agent's exchanges (each record holds an input and its output)."""
        path = f"/chat-history/agent/{_agent_segment(agent_id)}"
        params = _history_params(page, limit, thread_id, start_date, end_date)
        return await self._history_page(path, params)

    async def history_by_identifier(
        self,
        identifier: str,
        *,
        agent_id: str | None = None,
        page: int = 1,
        limit: int = 50,
        thread_id: str | None = None,
        start_date: DateLike = None,
        end_date: DateLike = None,
    ) -> api_types.HistoryPage:
        """One page of a user's exchanges across all agents (or one agent with `agent_id`)."""
        who = validation.validate_path_value(identifier, validation.PathValue.USER_IDENTIFIER)
        params = _history_params(page, limit, thread_id, start_date, end_date)
        if agent_id is not None:
            params["agent_id"] = validation.validate_agent_id(agent_id)
        return await self._history_page(f"/chat-history/identifier/{quote(who, safe='')}", params)

    async def _history_page(
        self, path: str, params: Mapping[str, str | int]
    ) -> api_types.HistoryPage:
        body = await self._request_json(
            "GET", path, translate("Client", "read the history"), params
        )
        return api_types.parse_history_page(body)

    # -- consumption -----------------------------------------------------------------------------

    async def consumption_summary(
        self, organization_id: str, from_: DateLike = None, to: DateLike = None
    ) -> api_types.ConsumptionSummary:
        """Total credits the organization used in the period."""
        path = f"/consumption/organization/{_org_segment(organization_id)}/summary"
        return api_types.parse_consumption_summary(await self._consumption(path, from_, to))

    async def consumption_by_agent(
        self, organization_id: str, from_: DateLike = None, to: DateLike = None
    ) -> list[api_types.AgentConsumption]:
        """Credits each agent of the organization used in the period."""
        path = f"/consumption/organization/{_org_segment(organization_id)}/agents"
        return api_types.parse_agent_consumption(await self._consumption(path, from_, to))

    async def agent_daily_consumption(
        self, agent_id: str, from_: DateLike = None, to: DateLike = None
    ) -> list[api_types.DailyConsumption]:
        """Credits the agent used per day."""
        path = f"/consumption/agent/{_agent_segment(agent_id)}/dates"
        return api_types.parse_daily_consumption(await self._consumption(path, from_, to))

    async def agent_model_consumption(
        self, agent_id: str, from_: DateLike = None, to: DateLike = None
    ) -> list[api_types.ModelConsumption]:
        """Credits the agent used per model."""
        path = f"/consumption/agent/{_agent_segment(agent_id)}/models"
        return api_types.parse_model_consumption(await self._consumption(path, from_, to))

    async def _consumption(self, path: str, from_: DateLike, to: DateLike) -> Any:
        """The JSON body of a consumption endpoint, asked for the period `from_`..`to`."""
        return await self._request_json(
            "GET", path, translate("Client", "read the consumption"), _period_params(from_, to)
        )

    # -- plumbing --------------------------------------------------------------------------------

    def _headers(self, *, json_body: bool) -> dict[str, str]:
        headers = dict(self._extra_headers)
        headers["Authorization"] = self._credentials.authorization()
        headers["Accept-Encoding"] = ACCEPT_ENCODING
        if json_body:
            headers["Content-Type"] = "application/json"
        return headers

    async def _request_json(
        self,
        method: str,
        path: str,
        what: str,
        params: Mapping[str, str | int] | None = None,
        *,
        json_body: Any = None,
    ) -> Any:
        """Send a non-streaming request (with retries) and return its decoded JSON body.

        The whole of it, retries included, must finish within `settings.json_timeout`; the
        body must be JSON-typed (not a web page) and within `settings.limits.max_json_bytes`.
        """
        headers = self._headers(json_body=json_body is not None)
        headers["Accept"] = "application/json"
        content = _json_bytes(json_body) if json_body is not None else None
        url = self.base_url + path

        def build() -> httpx.Request:
            return self._http.build_request(
                method,
                url,
                headers=headers,
                params=dict(params) if params else None,
                content=content,
                timeout=self.settings.request_timeout(),
            )

        settings = self.settings
        try:
            async with asyncio.timeout(settings.json_timeout):
                response = await self._send(build, what)
                try:
                    check_json_type(response.headers, self.host, what)
                    raw = await read_capped(
                        response, self.host, settings.limits.max_json_bytes, what
                    )
                except httpx.HTTPError as exc:
                    raise transport_error(exc, self.host, settings, streaming=True) from None
                finally:
                    await response.aclose()
        except TimeoutError:
            raise DeadlineError(
                translate(
                    "Client",
                    "{host} did not send its whole answer within {seconds:g} s "
                    "when trying to {what}, so the wait was ended. Try again later.",
                ).format(host=self.host, seconds=settings.json_timeout, what=what),
                seconds=settings.json_timeout,
            ) from None
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise ResponseFormatError(
                translate(
                    "Client",
                    "The server's answer when trying to {what} is not JSON "
                    "(HTTP {status}). Check the API base URL.",
                ).format(what=what, status=response.status_code)
            ) from None

    async def _send(
        self, build: Callable[[], httpx.Request], what: str, on_retry: RetryHook | None = None
    ) -> httpx.Response:
        """Send with retries before any reply starts; return a 2xx response whose body is unread.

        Retries: a connection that could not be made, and 429, up to `max_retries` times, after
        `retry_delay` (backoff that honours Retry-After, capped). A 2xx is never retried (the
        server may already be spending credits on it).
        """
        settings = self.settings
        attempt = 0

        async def wait_to_retry(retry_after: float | None, reason: str) -> bool:
            nonlocal attempt
            if attempt >= settings.max_retries:
                return False
            delay = retry_delay(attempt, settings, retry_after)
            if delay is None:
                return False
            attempt += 1
            log.info("%s: %s, retry %d in %.2f s", what, reason, attempt, delay)
            if on_retry is not None:
                on_retry(RetryWait(attempt + 1, settings.max_retries + 1, delay, reason))
            await asyncio.sleep(delay)
            return True

        while True:
            request = build()
            try:
                response = await send_for_headers(self._http, request, settings, self.host)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if await wait_to_retry(None, "connection-failed"):
                    continue
                raise transport_error(exc, self.host, settings) from None
            except httpx.HTTPError as exc:
                raise transport_error(exc, self.host, settings) from None
            status = response.status_code
            log.debug("%s %s -> HTTP %d", request.method, request.url.path, status)
            if 200 <= status < 300:
                return response
            body = await self._read_error_body(response)
            retry_after = response.headers.get("Retry-After")
            if status == 429 and await wait_to_retry(
                parse_retry_after(retry_after), "rate-limited"
            ):
                continue
            error = status_error(status, body, retry_after)
            log.debug("%s failed: %s", what, error)
            raise error

    async def _read_error_body(self, response: httpx.Response) -> bytes:
        """Up to 64 KiB of an error body; whatever arrived if the read fails, never raising."""
        try:
            return await read_prefix(
                response, self.host, MAX_ERROR_BODY_BYTES, self.settings.idle_timeout
            )
        finally:
            await response.aclose()


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _check_extra_headers(headers: Mapping[str, str]) -> dict[str, str]:
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in _PROTECTED_HEADERS:
            raise InvalidInputError(
                translate(
                    "Client", "The header {name} is set by the client and cannot be changed."
                ).format(name=name)
            )
        if not name.isascii() or not value.isascii() or "\n" in value or "\r" in value:
            raise InvalidInputError(
                translate("Client", "The header {name} must be plain ASCII on one line.").format(
                    name=name
                )
            )
        checked[name] = value
    return checked


def _history_params(
    page: int, limit: int, thread_id: str | None, start_date: DateLike, end_date: DateLike
) -> dict[str, str | int]:
    params: dict[str, str | int] = {
        "page": validation.validate_page(page),
        "limit": validation.validate_limit(limit),
    }
    if thread_id is not None:
        params["thread_id"] = validation.validate_path_value(
            thread_id, validation.PathValue.THREAD_ID
        )
    start = validation.format_timestamp(start_date, validation.DateBound.START_DATE)
    end = validation.format_timestamp(end_date, validation.DateBound.END_DATE)
    if start is not None:
        params["start_date"] = start
    if end is not None:
        params["end_date"] = end
    return params


def _period_params(from_: DateLike, to: DateLike) -> dict[str, str | int]:
    params: dict[str, str | int] = {}
    start = validation.format_timestamp(from_, validation.DateBound.PERIOD_START)
    end = validation.format_timestamp(to, validation.DateBound.PERIOD_END)
    if start is not None:
        params["from"] = start
    if end is not None:
        params["to"] = end
    return params


def _org_segment(organization_id: str) -> str:
    return quote(
        validation.validate_path_value(organization_id, validation.PathValue.ORGANIZATION_ID),
        safe="",
    )


def _agent_segment(agent_id: str) -> str:
    return quote(validation.validate_agent_id(agent_id), safe="")


__all__ = ["AgentsGTClient", "AgentsGTError", "ChatStream", "ClientSettings"]
