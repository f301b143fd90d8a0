"""The emulator's ASGI application: routes under /api/v1, auth, request log, simple endpoints."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from desktop_app.emulator import history
from desktop_app.emulator.agents import DEMO_AGENTS, ORGANIZATION_ID, ORGANIZATION_UUID, find_agent
from desktop_app.emulator.chat import error_response, send_message, stream_chat
from desktop_app.emulator.config import EmulatorConfig
from desktop_app.emulator.faults import (
    Endpoint,
    Fault,
    error_reply,
    not_found,
    status_fault_reply,
    unauthorized,
)
from desktop_app.emulator.options import RequestOptions, options_from_headers
from desktop_app.emulator.state import EmulatorState, LoggedRequest, mask_authorization

API_PREFIX = "/api/v1"
_NO_SUBSCRIPTION_BALANCE = "No active subscription found for this organization"

Handler = Callable[[Request, bytes, RequestOptions, Fault | None], Awaitable[Any]]


class EmulatorApp:
    """The ASGI app. `stopping` ends long-lived streams (stall, slow start) when set."""

    def __init__(self, config: EmulatorConfig, state: EmulatorState) -> None:
        self.config = config
        self.state = state
        self.stopping = asyncio.Event()
        self._expected = config.authorization().encode("utf-8")
        # (path, endpoint family, handler, method): every route goes through _route's checks.
        table: tuple[tuple[str, Endpoint, Handler, str], ...] = (
            ("/agents/chat/{agent_id}", Endpoint.CHAT, self._chat, "POST"),
            ("/agents/basic/{agent_id}", Endpoint.BASIC, self._basic, "POST"),
            ("/agents/check-balance", Endpoint.BALANCE, self._balance, "GET"),
            ("/agents", Endpoint.AGENTS, self._agents, "GET"),
            ("/chat-history/agent/{agent_id}", Endpoint.HISTORY, self._history_by_agent, "GET"),
            (
                "/chat-history/identifier/{identifier:path}",
                Endpoint.HISTORY,
                self._history_by_identifier,
                "GET",
            ),
            (
                "/consumption/organization/{organization_id}/summary",
                Endpoint.CONSUMPTION,
                self._org_summary,
                "GET",
            ),
            (
                "/consumption/organization/{organization_id}/agents",
                Endpoint.CONSUMPTION,
                self._org_agents,
                "GET",
            ),
            ("/consumption/agent/{agent_id}/dates", Endpoint.CONSUMPTION, self._agent_dates, "GET"),
            (
                "/consumption/agent/{agent_id}/models",
                Endpoint.CONSUMPTION,
                self._agent_models,
                "GET",
            ),
        )
        routes = [
            Route(path, self._route(endpoint, handler), methods=[method])
            for path, endpoint, handler, method in table
        ]
        self._asgi = Starlette(
            routes=[Mount(API_PREFIX, routes=routes)],
            exception_handlers={HTTPException: self._http_exception},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._asgi(scope, receive, send)

    def begin_shutdown(self) -> None:
        """End stalled or delayed streams; call on the server's event loop."""
        self.stopping.set()

    # -- plumbing ------------------------------------------------------------------------------
    @staticmethod
    async def _http_exception(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = "Method not allowed" if status == 405 else "Not found"
        return JSONResponse({"success": False, "error": message}, status_code=status)

    def _log(self, request: Request, raw: bytes) -> None:
        headers = tuple(
            (key, mask_authorization(value) if key.lower() == "authorization" else value)
            for key, value in request.headers.items()
        )
        body: Any
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
        self.state.log_request(
            LoggedRequest(
                method=request.method,
                path=request.url.path,
                query=request.url.query,
                headers=headers,
                body=body,
                received_at=datetime.now(UTC),
            )
        )

    def _authorized(self, request: Request) -> bool:
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(f"Bearer {token}".encode(), self._expected)

    def _route(self, endpoint: Endpoint, handler: Handler) -> Callable[[Request], Awaitable[Any]]:
        async def serve(request: Request) -> Any:
            raw = await request.body()
            self._log(request, raw)
            if not self._authorized(request):
                return error_response(unauthorized(endpoint))
            try:
                options = options_from_headers(request.headers)
            except ValueError as exc:
                return error_response(error_reply(endpoint, 400, str(exc)))
            fault: Fault | None = None
            if endpoint not in (Endpoint.CHAT, Endpoint.BASIC):  # those read directives too
                fault = options.fault if options.fault and options.fault.is_status else None
                fault = fault or self.state.take_fault(endpoint, status_only=True)
                balance_fault = fault in (Fault.NO_SUBSCRIPTION, Fault.NO_CREDITS)
                if fault is not None and not (endpoint is Endpoint.BALANCE and balance_fault):
                    retry_after = options.retry_after
                    retry = self.config.retry_after if retry_after is None else retry_after
                    return error_response(status_fault_reply(fault, endpoint, retry))
            return await handler(request, raw, options, fault)

        return serve

    def _base_url(self, request: Request) -> str:
        return f"{request.url.scheme}://{request.url.netloc}{API_PREFIX}"

    # -- endpoints -----------------------------------------------------------------------------
    async def _chat(self, request: Request, raw: bytes, options: RequestOptions, _: Any) -> Any:
        return await stream_chat(
            config=self.config,
            state=self.state,
            stopping=self.stopping,
            agent_id=request.path_params["agent_id"],
            identifier=request.headers.get("x-agent-identifier") or None,
            raw=raw,
            header_options=options,
        )

    async def _basic(self, request: Request, raw: bytes, options: RequestOptions, _: Any) -> Any:
        return send_message(
            config=self.config,
            state=self.state,
            agent_id=request.path_params["agent_id"],
            raw=raw,
            header_options=options,
        )

    async def _balance(
        self, request: Request, raw: bytes, options: Any, fault: Fault | None
    ) -> Any:
        if fault is Fault.NO_SUBSCRIPTION or not self.state.subscription_active:
            return JSONResponse(
                {
                    "success": False,
                    "hasCredits": False,
                    "hasAssistant": False,
                    "message": _NO_SUBSCRIPTION_BALANCE,
                }
            )
        has_credits = self.state.credits > 0 and fault is not Fault.NO_CREDITS
        return JSONResponse(
            {
                "success": True,
                "organizationId": ORGANIZATION_ID,
                "hasCredits": has_credits,
                "hasAssistant": True,
            }
        )

    async def _agents(self, request: Request, raw: bytes, options: Any, fault: Any) -> Any:
        base_url = self._base_url(request)
        return JSONResponse({"success": True, "data": [a.to_json(base_url) for a in DEMO_AGENTS]})

    async def _history_by_agent(
        self, request: Request, raw: bytes, options: Any, fault: Any
    ) -> Any:
        agent = find_agent(request.path_params["agent_id"])
        if agent is None:
            return error_response(not_found(Endpoint.HISTORY))
        try:
            query = history.parse_history_query(request.query_params)
        except history.QueryError as exc:
            return error_response(error_reply(Endpoint.HISTORY, 400, str(exc)))
        records = [r for r in self.state.records if r.agent_id == agent.agent_id]
        page = history.select(records, query)
        messages = [record.to_json() for record in page.records]
        return JSONResponse(
            {"success": True, "data": {"messages": messages, "pagination": page.pagination()}}
        )

    async def _history_by_identifier(
        self, request: Request, raw: bytes, options: Any, fault: Any
    ) -> Any:
        identifier = request.path_params["identifier"]
        try:
            query = history.parse_history_query(request.query_params)
        except history.QueryError as exc:
            return error_response(error_reply(Endpoint.HISTORY, 400, str(exc)))
        records = [r for r in self.state.records if r.identifier == identifier]
        page = history.select(records, query)
        messages = [record.to_json(with_agent_name=True) for record in page.records]
        data = {"identifier": identifier, "messages": messages, "pagination": page.pagination()}
        return JSONResponse({"success": True, "data": data})

    def _period_or_error(self, request: Request) -> history.Period | Response:
        try:
            return history.parse_period(request.query_params)
        except history.QueryError as exc:
            return error_response(error_reply(Endpoint.CONSUMPTION, 400, str(exc)))

    @staticmethod
    def _own_organization(organization_id: str) -> bool:
        bare = organization_id.strip().lower().removeprefix("org-")
        return bare == ORGANIZATION_UUID

    async def _org_summary(self, request: Request, raw: bytes, options: Any, fault: Any) -> Any:
        if not self._own_organization(request.path_params["organization_id"]):
            return error_response(error_reply(Endpoint.CONSUMPTION, 404, "Organization not found"))
        period = self._period_or_error(request)
        if isinstance(period, Response):
            return period
        total = history.total_credits(history.in_period(self.state.records, period))
        data = {
            "organization_id": ORGANIZATION_UUID,
            "total_consumption": total,
            "period": period.to_json(),
        }
        return JSONResponse({"data": data})

    async def _org_agents(self, request: Request, raw: bytes, options: Any, fault: Any) -> Any:
        if not self._own_organization(request.path_params["organization_id"]):
            return error_response(error_reply(Endpoint.CONSUMPTION, 404, "Organization not found"))
        period = self._period_or_error(request)
        if isinstance(period, Response):
            return period
        rows = history.credits_by_agent(history.in_period(self.state.records, period))
        return JSONResponse({"data": rows})

    def _agent_records(self, request: Request) -> tuple[list[Any], Response | None]:
        agent = find_agent(request.path_params["agent_id"])
        if agent is None:
            return [], error_response(not_found(Endpoint.CONSUMPTION))
        period = self._period_or_error(request)
        if isinstance(period, Response):
            return [], period
        records = [r for r in self.state.records if r.agent_id == agent.agent_id]
        return history.in_period(records, period), None

    async def _agent_dates(self, request: Request, raw: bytes, options: Any, fault: Any) -> Any:
        records, problem = self._agent_records(request)
        return problem or JSONResponse({"data": history.credits_by_date(records)})

    async def _agent_models(self, request: Request, raw: bytes, options: Any, fault: Any) -> Any:
        records, problem = self._agent_records(request)
        return problem or JSONResponse({"data": history.credits_by_model(records)})
