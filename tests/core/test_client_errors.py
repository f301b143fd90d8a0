"""Every error status and body shape becomes the right typed error; retries; secrecy."""

from __future__ import annotations

import logging

import httpx
import pytest

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Outcome
from desktop_app.core.http import ClientSettings, retry_delay, transport_error
from desktop_app.core.models import ChatMessage, Role
from tests.core.client_helpers import (
    AGENT,
    FAST,
    SECRET,
    UI_HEADERS,
    ScriptedStream,
    json_response,
    run,
    ui_stream_bytes,
    with_client,
)

HELLO = [ChatMessage(Role.USER, "hello")]


async def _chat(client: AgentsGTClient):
    return await client.chat(AGENT, HELLO)


async def _agents(client: AgentsGTClient):
    return await client.list_agents()


async def _send(client: AgentsGTClient):
    return await client.send_message(AGENT, "hi")


async def _balance(client: AgentsGTClient):
    return await client.check_balance()


def _resp(status: int, body: str | dict) -> httpx.Response:
    return (
        json_response(status, body) if isinstance(body, dict) else httpx.Response(status, text=body)
    )


NO_ORG = "Organization ID not found in request"
CASES = [
    # Streaming chat: bodies documented as bare quoted strings.
    (_chat, 401, '"Unauthorized"', errors.AuthenticationError, "Unauthorized"),
    (_chat, 404, "Agent not found", errors.NotFoundError, "Agent not found"),
    (_chat, 402, "", errors.PaymentRequiredError, None),
    (_chat, 500, '"Internal server error"', errors.ServerError, "Internal server error"),
    (_chat, 403, "Forbidden", errors.PermissionDeniedError, "Forbidden"),
    # send-message: {"error": ...}
    (_send, 400, {"error": "Message and identifier are required"}, errors.BadRequestError,
     "Message and identifier are required"),
    (_send, 402, {"error": "No credits remaining"}, errors.PaymentRequiredError,
     "No credits remaining"),
    (_send, 404, {"error": "Agent not found or unauthorized"}, errors.NotFoundError,
     "Agent not found or unauthorized"),
    # check-balance: {"success": false, "message": ...}
    (_balance, 401, {"success": False, "message": NO_ORG}, errors.AuthenticationError, NO_ORG),
    (_balance, 503, {"success": False, "message": "down"}, errors.ServerError, "down"),
    # the nominal envelope and odd statuses
    (_agents, 418, {"success": False, "error": "teapot"}, errors.UnexpectedStatusError, "teapot"),
    (_agents, 502, "<html>Bad gateway</html>", errors.ServerError, "<html>Bad gateway</html>"),
]  # fmt: skip


@pytest.mark.parametrize(("use", "status", "body", "error_class", "server_message"), CASES)
def test_status_and_body_become_typed_errors(
    use, status, body, error_class, server_message
) -> None:
    response = _resp(status, body)

    async def call(client: AgentsGTClient):
        with pytest.raises(error_class) as caught:
            await use(client)
        return caught.value

    error, rec = run(with_client(lambda r: response, call))
    assert type(error) is error_class
    assert error.status_code == response.status_code
    assert error.server_message == server_message
    assert f"HTTP {response.status_code}" in str(error)
    assert len(rec.requests) == 1  # only 429 and connection failures are retried


def test_402_tells_subscription_from_credits() -> None:
    answers = iter(
        [
            json_response(402, {"error": "No active subscription found"}),
            json_response(402, {"error": "No credits remaining"}),
        ]
    )

    async def use(client: AgentsGTClient):
        found = []
        for _ in range(2):
            with pytest.raises(errors.PaymentRequiredError) as caught:
                await client.chat(AGENT, HELLO)
            found.append(caught.value.reason)
        return found

    reasons, _ = run(with_client(lambda r: next(answers), use))
    assert reasons == [errors.PaymentReason.NO_SUBSCRIPTION, errors.PaymentReason.NO_CREDITS]


def test_429_with_retry_after_is_retried_then_succeeds() -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "0"}, text="slow down"),
            httpx.Response(200, headers=UI_HEADERS, content=ui_stream_bytes("fine")),
        ]
    )

    result, rec = run(with_client(lambda r: next(answers), _chat))
    assert result.text == "fine" and result.outcome is Outcome.COMPLETED
    assert len(rec.requests) == 2


def test_429_exhausted_raises_rate_limit_with_retry_after() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "0.01"}, text="")

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.RateLimitError) as caught:
            await client.list_agents()
        return caught.value

    error, rec = run(with_client(handler, use))
    assert error.retry_after == 0.01
    assert len(rec.requests) == 1 + FAST.max_retries


def test_a_retry_after_longer_than_the_cap_is_not_waited_out() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "3600"}, text="")

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.RateLimitError) as caught:
            await client.list_agents()
        return caught.value

    error, rec = run(with_client(handler, use))
    assert error.retry_after == 3600.0
    assert len(rec.requests) == 1  # no hour-long wait, no hammering: fail at once


def test_each_chat_retry_is_announced_with_its_wait() -> None:
    from desktop_app.core.models import RetryWait

    answers = iter(
        [httpx.Response(429, headers={"Retry-After": "0.02"}, text="")] * 2
        + [httpx.Response(200, headers={"Content-Type": "text/plain"}, text="fine")]
    )
    waits: list[RetryWait] = []

    async def use(client: AgentsGTClient):
        async with client.stream_chat(AGENT, HELLO, on_retry=waits.append) as stream:
            async for _ in stream:
                pass
        return stream.result

    result, rec = run(with_client(lambda r: next(answers), use))
    assert result.text == "fine" and len(rec.requests) == 3
    total = FAST.max_retries + 1
    assert [(w.attempt, w.attempts, w.reason) for w in waits] == [
        (2, total, "rate-limited"),
        (3, total, "rate-limited"),
    ]
    assert all(w.delay == pytest.approx(0.02) or w.delay == FAST.retry_cap for w in waits)


def test_connect_failure_is_retried_then_succeeds() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return json_response(200, {"success": True, "data": []})

    agents, _ = run(with_client(handler, _agents))
    assert agents == [] and len(calls) == 2


def test_connect_failure_exhausted_names_the_host_not_the_key() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.APIConnectionError) as caught:
            await client.chat(AGENT, HELLO)
        return caught.value

    error, rec = run(with_client(handler, use))
    assert "agentsgt.test" in str(error) and SECRET not in str(error)
    assert len(rec.requests) == 1 + FAST.max_retries


def test_connect_timeout_and_no_retries_setting() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.ConnectTimeoutError):
            await client.check_balance()

    settings = ClientSettings(max_retries=0, retry_backoff=0)
    _, rec = run(with_client(handler, use, settings=settings))
    assert len(rec.requests) == 1


def test_no_retry_once_a_2xx_body_started() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        stream = ScriptedStream(
            [ui_stream_bytes("half ", end=False)],
            then_raise=httpx.RemoteProtocolError("peer closed connection"),
        )
        return httpx.Response(200, headers=UI_HEADERS, stream=stream)

    result, rec = run(with_client(handler, _chat))
    assert len(rec.requests) == 1
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "half "
    assert isinstance(result.error, errors.APIConnectionError)


def test_read_error_before_headers_is_not_retried() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset", request=request)

    async def use(client: AgentsGTClient):
        with pytest.raises(errors.APIConnectionError, match="lost"):
            await client.chat(AGENT, HELLO)

    _, rec = run(with_client(handler, use))
    assert len(rec.requests) == 1


def test_secret_never_in_errors_reprs_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        # A hostile or buggy server that echoes the Authorization header back.
        echoed = request.headers["Authorization"]
        if request.url.path.endswith("/agents"):
            return httpx.Response(401, json={"error": f"bad key {echoed}"})
        if "basic" in request.url.path:
            raise httpx.ConnectError(f"refused {SECRET}", request=request)
        return httpx.Response(500, text=f"trace: {SECRET}")

    async def use(client: AgentsGTClient):
        caught = []
        for call in (_agents, _send, _chat):
            with pytest.raises(errors.AgentsGTError) as info:
                await call(client)
            caught.append(info.value)
        return caught, repr(client)

    with caplog.at_level(logging.DEBUG):
        (caught, client_repr), _ = run(with_client(handler, use))
    assert len(caught) == 3
    texts = [client_repr, *map(str, caught), *map(repr, caught)]
    texts += [str(e.server_message) for e in caught if isinstance(e, errors.APIStatusError)]
    texts += [record.getMessage() for record in caplog.records]
    assert caplog.records, "the failing requests should have logged something"
    for text in texts:
        assert SECRET not in text, text


@pytest.mark.parametrize(
    ("exc", "error_class", "words"),
    [
        (httpx.ConnectError("[Errno -2] Name or service not known"), errors.APIConnectionError,
         "Could not find the server"),
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
         errors.APIConnectionError, "secure connection"),
        (httpx.ConnectError("[Errno 111] Connection refused"), errors.APIConnectionError,
         "Could not connect"),
        (httpx.ProxyError("407 Proxy Authentication Required"), errors.APIConnectionError,
         "proxy"),
        (httpx.ConnectTimeout("timed out"), errors.ConnectTimeoutError, "within 2 s"),
        (httpx.ReadTimeout("timed out"), errors.IdleTimeoutError, "sent nothing for 5 s"),
        (httpx.PoolTimeout("timed out"), errors.APITimeoutError, "timed out"),
        (httpx.RemoteProtocolError("peer closed"), errors.APIConnectionError, "lost"),
        (httpx.DecodingError("bad gzip"), errors.StreamProtocolError, "could not be decoded"),
    ],
)  # fmt: skip
def test_transport_errors_map_to_sentences_naming_the_host(exc, error_class, words) -> None:
    error = transport_error(exc, "agentsgt.test", FAST)
    assert type(error) is error_class
    assert words in str(error) and "agentsgt.test" in str(error)


def test_retry_delay_backs_off_honours_retry_after_and_the_cap() -> None:
    settings = ClientSettings(retry_cap=3.0, retry_backoff=0.5)
    assert retry_delay(0, settings, 1.5) == 1.5  # backoff 0.25-0.5 s, the server asked for more
    assert retry_delay(0, settings, 3.0) == 3.0
    assert retry_delay(0, settings, 3600) is None  # longer than the cap: do not wait it out
    assert retry_delay(3, settings, 0.1) >= 2.0  # 0.5 * 8 with jitter: more than asked for
    delays = [retry_delay(attempt, settings, None) for attempt in range(6)]
    assert all(delay is not None and 0 < delay <= 3.0 for delay in delays)
    assert retry_delay(1, settings, None) >= 0.5  # 0.5 * 2 with jitter in [0.5, 1)
    assert retry_delay(5, settings, None) == 3.0  # 0.5 * 32 with jitter, capped
