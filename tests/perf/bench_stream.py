"""Stream decoding throughput: our client vs httpx-sse + json.loads vs raw bytes (the ceiling).

Run by hand: `python tests/perf/bench_stream.py [--deltas N] [--runs N] [--protocol ui|data]`.
The emulator runs in a child process (so it does not share our GIL) and streams N text deltas
flat out over loopback. Each run consumes one whole reply; the three readers are interleaved and
the median of the runs is reported, as text deltas per second, with the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.client import AgentsGTClient  # noqa: E402
from desktop_app.core.events import Outcome, TextDelta  # noqa: E402
from desktop_app.core.http import ClientSettings, make_http_client  # noqa: E402
from desktop_app.core.models import ChatMessage, Credentials, Role  # noqa: E402
from desktop_app.emulator.config import DEFAULT_PUBLIC_KEY, DEFAULT_SECRET_KEY  # noqa: E402

AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"
CREDENTIALS = Credentials(DEFAULT_PUBLIC_KEY, DEFAULT_SECRET_KEY)
MESSAGES = [ChatMessage(Role.USER, "benchmark")]


# The child serves until its stdin closes. Credits are plentiful: a 200,000-token reply costs
# far more than the emulator's default balance.
_CHILD = """
import sys
from desktop_app.emulator.server import EmulatorServer
server = EmulatorServer(tokens_per_second=0, credits=10**15, seed_history=False).start()
print("listening at", server.base_url, flush=True)
sys.stdin.read()
server.stop()
"""


def start_emulator() -> tuple[subprocess.Popen[str], str]:
    """Start the emulator in a child process and return it with its base URL."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    marker = "listening at "
    if marker not in line:
        child.kill()
        raise SystemExit(f"the emulator did not start: {line!r}")
    return child, line.split(marker, 1)[1].strip()


def headers(deltas: int, protocol: str) -> dict[str, str]:
    """Emulator headers for a flat-out reply of exactly `deltas` text deltas."""
    return {
        "X-Emulator-Reply-Tokens": str(deltas),
        "X-Emulator-Tokens-Per-Second": "0",
        "X-Emulator-Protocol": protocol,
    }


async def ours(http: httpx.AsyncClient, base_url: str, extra: dict[str, str]) -> int:
    """Our client: decode to typed events and accumulate the reply; returns the text length."""
    client = AgentsGTClient(
        http,
        base_url=base_url,
        credentials=CREDENTIALS,
        settings=ClientSettings(idle_timeout=60),
        extra_headers=extra,
    )
    length = 0
    async with client.stream_chat(AGENT, MESSAGES) as stream:
        async for event in stream:
            if type(event) is TextDelta:
                length += len(event.text)
    result = stream.result
    assert result.outcome is Outcome.COMPLETED, result.outcome
    return len(result.text)


async def library(http: httpx.AsyncClient, base_url: str, extra: dict[str, str]) -> int:
    """httpx + httpx-sse + json.loads per event, accumulating the text deltas."""
    from httpx_sse import aconnect_sse

    parts: list[str] = []
    body = {"messages": [m.to_wire() for m in MESSAGES]}
    request_headers = {"Authorization": CREDENTIALS.authorization(), **extra}
    async with aconnect_sse(
        http, "POST", f"{base_url}/agents/chat/{AGENT}", json=body, headers=request_headers
    ) as source:
        async for sse in source.aiter_sse():
            if sse.data == "[DONE]":
                break
            part = json.loads(sse.data)
            if part.get("type") == "text-delta":
                parts.append(part["delta"])
    return len("".join(parts))


async def raw(http: httpx.AsyncClient, base_url: str, extra: dict[str, str]) -> int:
    """No parsing at all: the bytes as fast as httpx hands them over (the ceiling)."""
    body = {"messages": [m.to_wire() for m in MESSAGES]}
    request_headers = {"Authorization": CREDENTIALS.authorization(), **extra}
    size = 0
    async with http.stream(
        "POST", f"{base_url}/agents/chat/{AGENT}", json=body, headers=request_headers
    ) as response:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
    return size


Reader = Callable[[httpx.AsyncClient, str, dict[str, str]], Awaitable[int]]


async def measure(readers: dict[str, Reader], base_url: str, args: argparse.Namespace) -> None:
    """Interleave the readers for `args.runs` rounds and print medians and ratios."""
    extra = headers(args.deltas, args.protocol)
    timings: dict[str, list[float]] = {name: [] for name in readers}
    async with make_http_client(ClientSettings(idle_timeout=60)) as http:
        for reader in readers.values():  # warm-up: connections, imports, caches
            await reader(http, base_url, headers(2000, args.protocol))
        for run in range(args.runs):
            for name, reader in readers.items():
                started = time.perf_counter()
                size = await reader(http, base_url, extra)
                elapsed = time.perf_counter() - started
                timings[name].append(elapsed)
                print(f"  run {run + 1} {name:8} {elapsed:7.3f} s  ({size} chars/bytes)")
    rates = {name: args.deltas / statistics.median(times) for name, times in timings.items()}
    print(f"\n{args.deltas:,} text deltas, {args.protocol} protocol, median of {args.runs} runs:")
    for name, rate in rates.items():
        print(
            f"  {name:8} {rate:12,.0f} deltas/s   (median {statistics.median(timings[name]):.3f} s)"
        )
    if "library" in rates:
        print(f"  ours / library = {rates['ours'] / rates['library']:.2f}x  (target >= 1.3x)")
    print(f"  ours / ceiling = {rates['ours'] / rates['raw']:.2f}x")


def main() -> int:
    """Parse the options, start the emulator, measure, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deltas", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--protocol", choices=["ui", "data"], default="ui")
    args = parser.parse_args()
    readers: dict[str, Reader] = {"ours": ours, "library": library, "raw": raw}
    if args.protocol != "ui":
        del readers["library"]  # httpx-sse only reads SSE
    child, base_url = start_emulator()
    try:
        asyncio.run(measure(readers, base_url, args))
    finally:
        assert child.stdin is not None
        child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
