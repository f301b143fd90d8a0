"""A raw asyncio HTTP/1.1 server playing a hostile AgentsGT: each request runs a test's script."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from desktop_app.core.client import AgentsGTClient
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import Credentials

AGENT = "550e8400-e29b-41d4-a716-446655440000"
PUBLIC = "pk_hostile_public"
SECRET = "sk_hostile_SECRET_0123456789"
# Trickles stop by themselves after this long, so that a client without deadlines fails its test
# instead of hanging it.
TRICKLE_FOR = 4.0
UI_STREAM = "text/event-stream"


@dataclass(frozen=True)
class Request:
    """What the client sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Script = Callable[[Request, asyncio.StreamWriter], Awaitable[None]]


class HostileServer:
    """Serve `script` on 127.0.0.1 in a thread: `with HostileServer(script) as server: ...`.

    `hangups` counts the connections the client closed while the script was still writing.
    """

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[Request] = []
        self.hangups = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        )
        self._server = started.result(timeout=5)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            request = Request(method, path, headers, body)
            self.requests.append(request)
            await self.script(request, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.hangups += 1
        finally:
            writer.close()


def head(status: int = 200, content_type: str | None = UI_STREAM, **extra: str) -> bytes:
    """A close-delimited response head: the body runs until the server closes."""
    lines = [f"HTTP/1.1 {status} OK", "Connection: close"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in extra.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(head_bytes: bytes, body: bytes = b"") -> Script:
    """A script that sends one head and body, flushed."""

    async def script(request: Request, writer: asyncio.StreamWriter) -> None:
        writer.write(head_bytes + body)
        await writer.drain()

    return script


def trickle(head_bytes: bytes, piece: bytes, every: float = 0.02, first: bytes = b"") -> Script:
    """Send the head (if any) and `first`, then `piece` every `every` s, for TRICKLE_FOR s."""

    async def script(request: Request, writer: asyncio.StreamWriter) -> None:
        writer.write(head_bytes + first)
        await writer.drain()
        until = time.monotonic() + TRICKLE_FOR
        while time.monotonic() < until:
            await asyncio.sleep(every)
            writer.write(piece)
            await writer.drain()

    return script


def frame(part: str) -> bytes:
    """One UI message stream frame."""
    return b"data: " + part.encode() + b"\n\n"


def text_frames(*deltas: str) -> bytes:
    """A start and text deltas, no end."""
    body = frame('{"type":"start"}') + frame('{"type":"text-start","id":"t"}')
    for delta in deltas:
        body += frame(json.dumps({"type": "text-delta", "id": "t", "delta": delta}))
    return body


def gzip_bomb(prefix: bytes, filler_line: bytes, size: int) -> bytes:
    """`prefix`, then `filler_line` repeated to about `size` bytes, gzip-compressed."""
    return gzip.compress(prefix + filler_line * (size // len(filler_line) + 1), compresslevel=9)


async def with_client(
    server: HostileServer,
    use: Callable[[AgentsGTClient], Awaitable[object]],
    settings: ClientSettings,
) -> object:
    """Run `use` with a real client (real httpx over loopback) pointed at the server."""
    async with make_http_client(settings) as http:
        client = AgentsGTClient(
            http,
            base_url=server.base_url,
            credentials=Credentials(PUBLIC, SECRET),
            identifier="hostile-user",
            settings=settings,
        )
        return await use(client)


def run(server: HostileServer, use, settings: ClientSettings):  # type: ignore[no-untyped-def]
    """`with_client` on a fresh event loop."""
    return asyncio.run(with_client(server, use, settings))
