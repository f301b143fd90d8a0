"""The update check against a real loopback HTTP server serving fake, broken and hostile feeds."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from desktop_app.core.errors import (
    APIConnectionError,
    APITimeoutError,
    InvalidInputError,
    ResponseFormatError,
    UnexpectedStatusError,
)
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.settings import Settings
from desktop_app.core.update_check import (
    CHECK_INTERVAL_SECONDS,
    FEED_URL,
    Update,
    check_due,
    check_for_update,
    newest_update,
)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
PAGE = "https://agentsgt.com/desktop/releases/"


@asynccontextmanager
async def feed_server(handler: Handler) -> AsyncIterator[tuple[str, list[bytes]]]:
    """A raw HTTP server on 127.0.0.1 running `handler` per connection; yields the feed URL and
    the request heads it received."""
    heads: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            heads.append(await reader.readuntil(b"\r\n\r\n"))
            await handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/desktop/releases.json", heads
    finally:
        server.close()
        await server.wait_closed()


def answer(status: str, body: bytes, headers: str = "") -> Handler:
    async def handler(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(
            f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n{headers}\r\n".encode()
            + body
        )
        await writer.drain()

    return handler


def feed(*releases: dict[str, Any]) -> bytes:
    return json.dumps({"releases": list(releases)}).encode()


def release(version: str, url: str | None = None) -> dict[str, Any]:
    return {"version": version, "url": url or PAGE + "v" + version}


async def check(url: str, current: str, **limits: Any) -> Update | None:
    http = make_http_client(ClientSettings(connect_timeout=2.0, idle_timeout=2.0, trust_env=False))
    try:
        return await check_for_update(http, current, url=url, **limits)
    finally:
        await http.aclose()


def run_check(handler: Handler, current: str = "0.9.0", **limits: Any) -> tuple[Any, list[bytes]]:
    async def go() -> tuple[Any, list[bytes]]:
        async with feed_server(handler) as (url, heads):
            try:
                return await check(url, current, **limits), heads
            except Exception as error:  # returned, so the server is shut down first
                return error, heads

    return asyncio.run(go())


# --- over the wire ------------------------------------------------------------------------


def test_newest_final_release_is_found_by_pep440_order() -> None:
    body = feed(
        release("0.9.0"),
        release("0.10.0"),  # above 0.9.0 by PEP 440, below it as a string
        release("0.9.1"),
        release("1.0.0rc1"),  # a pre-release: ignored
        release("1.0.0.dev3"),
        release("not a version"),
        release("3.0.0", "http://agentsgt.com/plain-http"),  # only https pages are offered
        release("4.0.0", "javascript:alert(1)"),
        {"version": 5, "url": PAGE},
        "junk",
    )
    result, heads = run_check(answer("200 OK", body))
    assert result == Update("0.10.0", PAGE + "v0.10.0")
    assert len(heads) == 1
    request = heads[0].decode().lower()
    assert request.startswith("get /desktop/releases.json http/1.1")
    assert "authorization" not in request and "x-api-key" not in request
    assert "user-agent: agentsgt-desktop/" in request


def test_feed_is_asked_uncompressed_and_decoded_when_compressed_anyway() -> None:
    body = gzip.compress(feed(release("1.2.3")))
    result, heads = run_check(answer("200 OK", body, "Content-Encoding: gzip\r\n"))
    assert result == Update("1.2.3", PAGE + "v1.2.3")
    assert "accept-encoding: identity" in heads[0].decode().lower()


def test_no_update_when_current_is_newest_or_only_prereleases_are_newer() -> None:
    body = feed(release("0.9.0"), release("1.0.0b2"), release("0.8.5"))
    assert run_check(answer("200 OK", body))[0] is None
    assert run_check(answer("200 OK", feed(release("0.10.0"))), current="0.10.0")[0] is None
    assert run_check(answer("200 OK", feed()))[0] is None


@pytest.mark.parametrize(
    "body",
    [b"<html>captive portal</html>", b'{"releases": {"0.2": 1}}', b"[1, 2]", b"\xff\xfe"],
)
def test_malformed_feed_is_a_format_error(body: bytes) -> None:
    result, _ = run_check(answer("200 OK", body))
    assert isinstance(result, ResponseFormatError)
    assert "release feed" in result.message


def test_error_status_and_redirect_are_not_followed() -> None:
    result, heads = run_check(answer("302 Found", b"", "Location: https://elsewhere.test/\r\n"))
    assert isinstance(result, UnexpectedStatusError) and result.status_code == 302
    assert len(heads) == 1
    result, _ = run_check(answer("404 Not Found", b"{}"))
    assert isinstance(result, UnexpectedStatusError) and result.status_code == 404


def test_huge_feed_is_refused_by_its_declared_length() -> None:
    async def declares_a_gigabyte(_reader: Any, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n" + b"{" * 1000)
        await writer.drain()

    result, _ = run_check(declares_a_gigabyte, max_bytes=4096)
    assert isinstance(result, ResponseFormatError)
    assert "larger than 4096 bytes" in result.message


def test_huge_feed_without_a_length_is_cut_off_at_the_limit() -> None:
    sent = []

    async def endless(_reader: Any, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        for _ in range(2000):  # 128 MB at most; the client hangs up long before
            writer.write(b" " * 65536)
            await writer.drain()
            sent.append(1)

    result, _ = run_check(endless, max_bytes=100_000)
    assert isinstance(result, ResponseFormatError)
    assert "larger than 100000 bytes" in result.message
    assert len(sent) < 2000


def test_slow_feed_ends_at_the_deadline() -> None:
    async def trickle(_reader: Any, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(100):  # a byte every 0.1 s: never idle long enough to time out a read
            writer.write(b" ")
            await writer.drain()
            await asyncio.sleep(0.1)

    result, _ = run_check(trickle, deadline=0.5)
    assert isinstance(result, APITimeoutError)
    assert "did not arrive within 0.5 s" in result.message


def test_refused_connection_is_a_connection_error() -> None:
    async def closed_port() -> Any:
        server = await asyncio.start_server(lambda *_: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        try:
            return await check(f"http://127.0.0.1:{port}/feed.json", "0.1.0")
        except APIConnectionError as error:
            return error

    assert isinstance(asyncio.run(closed_port()), APIConnectionError)


# --- the pure parts -----------------------------------------------------------------------


def test_feed_url_is_one_https_constant() -> None:
    assert FEED_URL.startswith("https://")
    assert newest_update(feed(release("2.0")), "1.0") == Update("2.0", PAGE + "v2.0")


def test_check_is_opt_in_and_at_most_daily() -> None:
    now = 1_800_000_000.0
    assert not check_due(Settings(), now)  # off by default
    on = Settings(check_for_updates=True)
    assert check_due(on, now)  # never checked
    assert not check_due(on.replace(last_update_check=now - CHECK_INTERVAL_SECONDS + 60), now)
    assert check_due(on.replace(last_update_check=now - CHECK_INTERVAL_SECONDS), now)
    assert check_due(on.replace(last_update_check=now + 3600), now)  # the clock went back
    assert not check_due(Settings(last_update_check=now - 10 * CHECK_INTERVAL_SECONDS), now)


def test_update_settings_round_trip_and_are_validated() -> None:
    settings = Settings(check_for_updates=True, last_update_check=1_800_000_000)
    saved = settings.to_json()
    assert saved["check_for_updates"] is True and saved["last_update_check"] == 1.8e9
    assert Settings.from_json(saved) == settings
    assert Settings.from_json({"version": 1}).check_for_updates is False
    for bad in ({"check_for_updates": "yes"}, {"last_update_check": -1},
                {"last_update_check": float("nan")}, {"last_update_check": True}):  # fmt: skip
        with pytest.raises(InvalidInputError):
            Settings.from_json(bad)
