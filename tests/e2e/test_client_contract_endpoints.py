"""The real client against the real emulator: every non-streaming endpoint and status fault."""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Outcome
from desktop_app.core.http import ClientSettings
from desktop_app.core.models import ChatMessage, Credentials, Role
from desktop_app.emulator.agents import ORGANIZATION_ID
from desktop_app.emulator.faults import Endpoint
from desktop_app.emulator.server import EmulatorServer
from tests.e2e.contract_helpers import FAST, FIRST_AGENT, HELLO, against

EMAIL = "user+tag@example.com"


def test_list_agents(emulator: EmulatorServer) -> None:
    agents = against(emulator, lambda client: client.list_agents())
    assert len(agents) >= 2 and agents[0].id == FIRST_AGENT
    for agent in agents:
        assert agent.name and agent.model is not None and agent.model.name
        assert agent.model.input_price_per_1k is not None and agent.model.context_window
        assert agent.created_at is not None and agent.created_at.tzinfo is not None
        assert agent.url and agent.url.endswith(f"/agents/basic/{agent.id}")


def test_check_balance_shapes(emulator_factory) -> None:
    normal = against(emulator_factory(), lambda client: client.check_balance())
    assert normal.success and normal.has_credits and normal.subscription_active
    assert normal.organization_id == ORGANIZATION_ID
    broke = against(emulator_factory(credits=0), lambda client: client.check_balance())
    assert broke.success and not broke.has_credits and not broke.can_chat
    lapsed = against(
        emulator_factory(subscription_active=False), lambda client: client.check_balance()
    )
    assert lapsed.success is False and not lapsed.subscription_active
    assert lapsed.message and "subscription" in lapsed.message.lower()


def test_send_message_string_and_structured(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient):
        agents = await client.list_agents()
        structured = next(a for a in agents if a.name == "Lead Extractor")
        text = await client.send_message(FIRST_AGENT, "hello there")
        data = await client.send_message(structured.id, "Jane Doe, jane@example.com, ACME")
        return text, data

    text, data = against(emulator, use)
    assert isinstance(text.response, str) and "hello there" in text.response
    assert isinstance(data.response, dict | list)
    body = emulator.state.requests[-1].body
    assert body["identifier"] == "contract-user" and body["message"].startswith("Jane")


def test_history_by_agent_pages(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient):
        first = await client.history_by_agent(FIRST_AGENT, page=1, limit=1)
        everything = await client.history_by_agent(FIRST_AGENT, limit=100)
        return first, everything

    first, everything = against(emulator, use)
    assert len(first.records) == 1
    assert first.pagination is not None and first.pagination.limit == 1
    assert first.has_more is (len(everything.records) > 1)
    assert all(r.agent_id == FIRST_AGENT for r in everything.records)
    query = emulator.state.requests[-1].query
    assert "limit=100" in query and "page=1" in query


def test_chat_then_history_by_identifier_with_an_email(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient):
        result = await client.chat(FIRST_AGENT, [ChatMessage(Role.USER, "remember me")])
        emulator.state.wait_for(lambda state: state.open_streams == 0, 5.0)
        page = await client.history_by_identifier(EMAIL, agent_id=FIRST_AGENT)
        since = await client.history_by_identifier(
            EMAIL, start_date=datetime.now(UTC) + timedelta(days=1)
        )
        return result, page, since

    result, page, since = against(emulator, use, identifier=EMAIL)
    assert result.outcome is Outcome.COMPLETED
    assert emulator.state.requests[-2].path.endswith(
        "/chat-history/identifier/user+tag@example.com"
    )
    record = page.records[-1] if page.records else None
    assert record is not None and record.input == "remember me"
    assert record.output == result.text and record.agent_name
    assert record.thread_id and record.created_at is not None
    assert since.records == ()


def test_consumption_endpoints(emulator: EmulatorServer) -> None:
    async def use(client: AgentsGTClient):
        org = (await client.check_balance()).organization_id or ""
        return (
            await client.consumption_summary(org),
            await client.consumption_by_agent(org, from_="2000-01-01T00:00:00Z"),
            await client.agent_daily_consumption(FIRST_AGENT),
            await client.agent_model_consumption(FIRST_AGENT),
        )

    summary, by_agent, daily, models = against(emulator, use)
    assert summary.total_consumption > 0
    assert summary.total_consumption == sum(row.total_credits for row in by_agent)
    assert any(row.agent_id == FIRST_AGENT for row in by_agent)
    assert sum(d.total_credits for d in daily) == sum(m.total_credits for m in models) > 0
    assert "from=2000-01-01T00%3A00%3A00Z" in emulator.state.requests[-3].query


@pytest.mark.parametrize(
    ("fault", "error_class"),
    [
        ("unauthorized", errors.AuthenticationError),
        ("forbidden", errors.PermissionDeniedError),
        ("not-found", errors.NotFoundError),
        ("server-error", errors.ServerError),
        ("no-subscription", errors.PaymentRequiredError),
        ("no-credits", errors.PaymentRequiredError),
    ],
)
@pytest.mark.parametrize("endpoint", ["chat", "basic", "agents", "history"])
def test_status_faults_become_typed_errors(
    emulator: EmulatorServer, fault: str, error_class: type, endpoint: str
) -> None:
    calls = {
        "chat": lambda c: c.chat(FIRST_AGENT, HELLO),
        "basic": lambda c: c.send_message(FIRST_AGENT, "hi"),
        "agents": lambda c: c.list_agents(),
        "history": lambda c: c.history_by_agent(FIRST_AGENT),
    }

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.APIStatusError) as caught:
            await calls[endpoint](client)
        return caught.value

    error = against(emulator, use, headers={"X-Emulator-Fault": fault})
    assert isinstance(error, error_class)
    if fault == "no-subscription":
        assert error.reason is errors.PaymentReason.NO_SUBSCRIPTION
    if fault == "no-credits":
        assert error.reason is errors.PaymentReason.NO_CREDITS


def test_402_from_the_billing_state(emulator_factory) -> None:
    async def use(client: AgentsGTClient):
        with pytest.raises(errors.PaymentRequiredError) as caught:
            await client.chat(FIRST_AGENT, HELLO)
        return caught.value.reason

    assert against(emulator_factory(credits=0), use) is errors.PaymentReason.NO_CREDITS
    lapsed = emulator_factory(subscription_active=False)
    assert against(lapsed, use) is errors.PaymentReason.NO_SUBSCRIPTION


def test_wrong_key_and_unknown_agent(emulator: EmulatorServer) -> None:
    async def wrong_key(_: AgentsGTClient):
        from desktop_app.core.http import make_http_client

        async with make_http_client(FAST) as http:
            client = AgentsGTClient(
                http,
                base_url=emulator.base_url,
                credentials=Credentials("pk_wrong", "sk_wrong_secret_value"),
                settings=FAST,
            )
            with pytest.raises(errors.AuthenticationError) as caught:
                await client.chat(FIRST_AGENT, HELLO)
            return caught.value

    error = against(emulator, wrong_key)
    assert "sk_wrong_secret_value" not in str(error)

    async def unknown(client: AgentsGTClient):
        with pytest.raises(errors.NotFoundError):
            await client.chat("00000000-0000-4000-8000-000000000000", HELLO)

    against(emulator, unknown)


def test_429_is_retried_then_succeeds(emulator: EmulatorServer) -> None:
    emulator.state.queue_faults(["rate-limit", "rate-limit"], Endpoint.ANY)
    result = against(
        emulator,
        lambda client: client.chat(FIRST_AGENT, HELLO),
        headers={"X-Emulator-Retry-After": "0"},
    )
    assert result.outcome is Outcome.COMPLETED
    assert len([r for r in emulator.state.requests if "/agents/chat/" in r.path]) == 3


def test_429_exhausted_raises_rate_limit_with_retry_after(emulator: EmulatorServer) -> None:
    emulator.state.queue_faults(["rate-limit"] * (1 + FAST.max_retries), Endpoint.ANY)

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.RateLimitError) as caught:
            await client.list_agents()
        return caught.value

    error = against(emulator, use, headers={"X-Emulator-Retry-After": "0"})
    assert error.retry_after == 0.0
    assert len(emulator.state.requests) == 1 + FAST.max_retries
    assert emulator.state.queued_faults == ()


def test_429_with_a_retry_after_beyond_the_cap_fails_at_once(emulator: EmulatorServer) -> None:
    emulator.state.queue_faults(["rate-limit"] * 3, Endpoint.ANY)

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.RateLimitError) as caught:
            await client.list_agents()
        return caught.value

    # FAST.retry_cap is 0.05 s: a 7 s wait is not waited out, and no request is repeated.
    error = against(emulator, use, headers={"X-Emulator-Retry-After": "7"})
    assert error.retry_after == 7.0
    assert len(emulator.state.requests) == 1


def test_connection_refused_is_a_connection_error_naming_the_host() -> None:
    from desktop_app.core.http import make_http_client

    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = ClientSettings(retry_backoff=0.0, max_retries=1)

    async def main() -> errors.APIConnectionError:
        async with make_http_client(settings) as http:
            client = AgentsGTClient(
                http,
                base_url=f"http://127.0.0.1:{port}/api/v1",
                credentials=Credentials("pk_x", "sk_refused_secret"),
                settings=settings,
            )
            with pytest.raises(errors.APIConnectionError) as caught:
                await client.list_agents()
            return caught.value

    error = asyncio.run(main())
    assert f"127.0.0.1:{port}" in str(error)
    assert "sk_refused_secret" not in str(error)


def test_debug_logs_of_real_requests_never_hold_the_secret(
    emulator: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret = emulator.credentials.secret_key

    async def use(client: AgentsGTClient):
        await client.chat(FIRST_AGENT, HELLO)
        with pytest.raises(errors.AuthenticationError) as caught:
            await client.list_agents()
        return caught.value

    emulator.state.queue_faults(["unauthorized"], Endpoint.AGENTS)
    with caplog.at_level(logging.DEBUG):
        error = against(emulator, use)
    assert caplog.records  # httpx and httpcore log every request at DEBUG
    for record in caplog.records:
        assert secret not in record.getMessage()
    assert secret not in str(error) and secret not in repr(error)
