"""The real client against a hostile server over loopback: bombs, endless lines, floods, trickles,
keep-alives only, web pages. Every reply stops at a documented limit with a sentence naming it."""

from __future__ import annotations

import gzip
import json
import zlib

import pytest

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Outcome, Protocol, StreamResult
from desktop_app.core.http import ClientSettings
from desktop_app.core.limits import ReplyLimits
from desktop_app.core.models import ChatMessage, Role
from tests.e2e.hostile_server import (
    AGENT,
    UI_STREAM,
    HostileServer,
    frame,
    gzip_bomb,
    head,
    respond,
    run,
    text_frames,
    trickle,
)

HELLO = [ChatMessage(Role.USER, "hello")]
MB = 1024 * 1024
QUICK = ClientSettings(idle_timeout=0.5, connect_timeout=5.0, max_retries=0)


def small(**limits: int) -> ClientSettings:
    return ClientSettings(
        idle_timeout=5.0, connect_timeout=5.0, max_retries=0, limits=ReplyLimits(**limits)
    )


async def _chat(client: AgentsGTClient) -> StreamResult:
    return await client.chat(AGENT, HELLO)


def chat(server: HostileServer, settings: ClientSettings) -> StreamResult:
    result = run(server, _chat, settings)
    assert isinstance(result, StreamResult)
    return result


def refused(server: HostileServer, settings: ClientSettings, use=_chat) -> errors.AgentsGTError:  # type: ignore[no-untyped-def]
    async def attempt(client: AgentsGTClient) -> errors.AgentsGTError:
        with pytest.raises(errors.AgentsGTError) as caught:
            await use(client)
        return caught.value

    error = run(server, attempt, settings)
    assert isinstance(error, errors.AgentsGTError)
    return error


# -- sizes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_a_compression_bomb_on_the_chat_stream_stops_at_the_body_limit(encoding: str) -> None:
    # 24 MB of keep-alive comments after a little text, compressed to about 25 KB.
    plain = text_frames("kept ", "text") + (b": " + b"z" * 1000 + b"\n") * (24 * 1024)
    if encoding == "gzip":
        body = gzip.compress(plain, compresslevel=9)
    else:
        squeezer = zlib.compressobj(
            9, zlib.DEFLATED, zlib.MAX_WBITS if encoding == "deflate" else -zlib.MAX_WBITS
        )
        body = squeezer.compress(plain) + squeezer.flush()
    del plain
    name = "gzip" if encoding == "gzip" else "deflate"
    with HostileServer(respond(head(content_encoding=name), body)) as server:
        result = chat(server, small(max_body_bytes=2 * MB))
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "kept text"
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert result.error.limit == 2 * MB
    assert "larger than the 2 MB limit" in result.error.message
    assert server.host in result.error.message


def test_a_gzip_bomb_on_a_json_endpoint_stops_at_the_json_limit() -> None:
    body = gzip_bomb(b'{"success":true,"data":[', b"[]," * 1000, 16 * MB)
    with HostileServer(
        respond(head(content_type="application/json", content_encoding="gzip"), body)
    ) as server:
        error = refused(server, small(max_json_bytes=1 * MB), lambda client: client.list_agents())
    assert isinstance(error, errors.ResponseTooLargeError)
    assert "larger than the 1 MB limit" in error.message and "list agents" in error.message


def test_an_encoding_that_was_not_asked_for_is_refused() -> None:
    with HostileServer(respond(head(content_encoding="br"), b"\x0b\x02\x80hello\x03")) as server:
        error = refused(server, QUICK)
    assert isinstance(error, errors.StreamProtocolError)
    assert "'br'" in error.message
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("content_type", "line"),
    [(UI_STREAM, b"data: " + b"x" * 1024), ("text/plain", b'0:"' + b"x" * 1024)],
)
def test_a_line_that_never_ends_is_refused_at_the_line_limit(
    content_type: str, line: bytes
) -> None:
    # The server would send 64 MB of one line; the client stops after 64 KB of it.
    first = text_frames("kept") if content_type == UI_STREAM else b'0:"kept"\n'
    filler = line[-1024:]
    body = first + line + filler * (64 * 1024)
    with HostileServer(respond(head(content_type=content_type), body)) as server:
        result = chat(server, small(max_line_bytes=64 * 1024))
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "kept"
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert "a line longer than the 64 KB limit" in result.error.message


def test_a_flood_of_parts_stops_at_the_parts_limit() -> None:
    sources = b"".join(
        frame(json.dumps({"type": "source-url", "sourceId": f"s{n}", "url": f"https://e.test/{n}"}))
        for n in range(3000)
    )
    body = text_frames("some ", "text") + sources + frame('{"type":"finish"}')
    with HostileServer(respond(head(), body)) as server:
        result = chat(server, small(max_parts=1000))
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "some text"
    assert len(result.sources) == 1000
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert "more than 1,000 parts" in result.error.message


def test_a_reply_over_the_text_limit_keeps_the_text_up_to_it() -> None:
    body = text_frames(*(["0123456789"] * 500)) + frame('{"type":"finish"}')
    with HostileServer(respond(head(), body)) as server:
        result = chat(server, small(max_text_chars=1000))
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "0123456789" * 100
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert "1,000-character limit" in result.error.message


def test_a_number_too_long_to_read_is_a_stream_error_not_a_crash() -> None:
    body = text_frames("before") + frame('{"type":"data-x","data":' + "9" * 5000 + "}")
    with HostileServer(respond(head(), body)) as server:
        result = chat(server, QUICK)
    assert result.outcome is Outcome.INCOMPLETE and result.text == "before"
    assert isinstance(result.error, errors.StreamProtocolError)
    assert "number too long" in result.error.message


# -- deadlines -----------------------------------------------------------------------------------


def test_headers_trickled_one_byte_at_a_time_are_cut_off() -> None:
    script = trickle(b"", b"a", first=b"HTTP/1.1 200 OK\r\nX-Slow: ")
    with HostileServer(script) as server:
        error = refused(server, QUICK)
        json_error = refused(server, QUICK, lambda client: client.list_agents())
    for caught in (error, json_error):
        assert isinstance(caught, errors.HeaderTimeoutError)
        assert caught.seconds == 0.5
        assert "did not send the status line and headers" in caught.message


def test_a_separate_header_deadline_can_be_set() -> None:
    settings = ClientSettings(idle_timeout=30.0, header_timeout=0.3, max_retries=0)
    with HostileServer(trickle(b"", b"a", first=b"HTTP/1.1 200 OK\r\nX-Slow: ")) as server:
        error = refused(server, settings)
    assert isinstance(error, errors.HeaderTimeoutError) and error.seconds == 0.3


def test_keep_alives_alone_do_not_keep_a_reply_going() -> None:
    with HostileServer(trickle(head(), b": ping\n\n", first=text_frames("so far"))) as server:
        result = chat(server, QUICK)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "so far"
    assert isinstance(result.error, errors.IdleTimeoutError)
    assert "sent nothing but keep-alives for 0.5 s" in result.error.message


@pytest.mark.parametrize("content_type", [UI_STREAM, "text/plain"])
def test_a_line_trickled_forever_is_cut_off(content_type: str) -> None:
    first = text_frames("so far") + b"data: " if content_type == UI_STREAM else b'0:"so far"\n0:"'
    with HostileServer(trickle(head(content_type=content_type), b"x", first=first)) as server:
        result = chat(server, QUICK)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text == "so far"
    assert isinstance(result.error, errors.IdleTimeoutError)
    assert "kept sending one line without ever finishing it for 0.5 s" in result.error.message


def test_a_silent_server_is_still_reported_as_sending_nothing() -> None:
    with HostileServer(trickle(head(), b"", every=1.0, first=text_frames("so far"))) as server:
        result = chat(server, QUICK)
    assert isinstance(result.error, errors.IdleTimeoutError)
    assert "sent nothing for 0.5 s" in result.error.message


def test_the_optional_reply_deadline_cuts_off_an_endless_reply() -> None:
    assert ClientSettings().reply_timeout is None  # off unless asked for
    delta = frame('{"type":"text-delta","id":"t","delta":"more "}')
    settings = ClientSettings(idle_timeout=5.0, reply_timeout=0.6, max_retries=0)
    with HostileServer(trickle(head(), delta, first=text_frames("start "))) as server:
        result = chat(server, settings)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.text.startswith("start more ")
    assert isinstance(result.error, errors.DeadlineError)
    assert "longer than the 0.6 s limit set for one reply" in result.error.message


def test_a_json_answer_trickled_slowly_hits_the_whole_request_deadline() -> None:
    settings = ClientSettings(idle_timeout=5.0, json_timeout=0.5, max_retries=0)
    script = trickle(head(content_type="application/json"), b" ", first=b'{"data":[')
    with HostileServer(script) as server:
        error = refused(server, settings, lambda client: client.list_agents())
    assert isinstance(error, errors.DeadlineError)
    assert "whole answer within 0.5 s" in error.message and "list agents" in error.message


# -- content types -------------------------------------------------------------------------------

PAGE = b"<!doctype html><html><body>Sign in to the Wi-Fi</body></html>"


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=utf-8", "TEXT/HTML", "application/json", "image/png"]
)
def test_a_2xx_answer_that_is_not_a_stream_is_refused(content_type: str) -> None:
    with HostileServer(respond(head(content_type=content_type), PAGE)) as server:
        error = refused(server, QUICK)
    assert isinstance(error, errors.NotTheAPIError)
    assert isinstance(error, errors.ResponseFormatError)
    assert "this URL does not look like the AgentsGT API" in error.message
    assert server.host in error.message


def test_html_where_json_was_expected_is_refused() -> None:
    with HostileServer(respond(head(content_type="text/html"), PAGE)) as server:
        error = refused(server, QUICK, lambda client: client.check_balance())
    assert isinstance(error, errors.NotTheAPIError)
    assert "a web page (text/html) where JSON was expected" in error.message
    assert "this URL does not look like the AgentsGT API" in error.message


@pytest.mark.parametrize(
    ("content_type", "body", "protocol"),
    [
        ("Text/Event-Stream; Charset=UTF-8", text_frames("ok") + frame("[DONE]"), Protocol.UI),
        ("text/plain; charset=utf-8", b'0:"ok"\nd:{"finishReason":"stop"}\n', Protocol.DATA),
        ("text/plain", b"ok", Protocol.TEXT),
        (None, text_frames("ok") + frame("[DONE]"), Protocol.UI),
        ("application/octet-stream", b"ok", Protocol.TEXT),
    ],
)
def test_the_stream_types_of_the_three_protocols_are_accepted(
    content_type: str | None, body: bytes, protocol: Protocol
) -> None:
    with HostileServer(respond(head(content_type=content_type), body)) as server:
        result = chat(server, QUICK)
    assert result.outcome is Outcome.COMPLETED and result.text == "ok"
    assert result.protocol is protocol


def test_a_gzip_reply_of_ordinary_size_still_reads_whole() -> None:
    plain = text_frames(*(["word "] * 20000)) + frame('{"type":"finish"}')
    with HostileServer(respond(head(content_encoding="gzip"), gzip.compress(plain))) as server:
        result = chat(server, QUICK)
    assert result.outcome is Outcome.COMPLETED and result.text == "word " * 20000
