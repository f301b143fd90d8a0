"""Benchmark huge replies in the real window: a 1 MB single line, and 200,000 tokens (by hand).

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_big_reply.py [--rounds 3]

For each reply, streamed flat out from a server in another process: the longest event-loop
stall while it streams and is shown (target <= 50 ms) and how many stalls passed 50 ms; the
time from the last byte received to the reply saved complete in the history (target <= 1 s),
read by a separate SQLite connection polling every 5 ms; the time from the last byte to the
reply fully shown; and the whole time. Medians over the rounds, each round in a new chat.
Nothing here is an assertion: the figures are for people.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.perf import bench_window  # noqa: E402

ONE_LINE_WORDS = 200_000  # "word " each: 1,000,000 characters, no line break
TOKENS = 200_000


@dataclass
class Round:
    """One reply, measured."""

    label: str
    chars: int = 0
    max_stall_ms: float = 0.0
    stalls_over_50ms: int = 0
    last_byte_to_saved_ms: float = float("nan")
    last_byte_to_shown_ms: float = float("nan")
    seconds: float = 0.0


def start_one_line_server() -> tuple[subprocess.Popen[str], str]:
    """The scripted 1 MB one-line reply, served from its own process (its CPU is not ours)."""
    code = textwrap.dedent(
        f"""
        import time
        from tests.fixtures.scripted_server import ScriptedReplyServer
        deltas = ["word "] * {ONE_LINE_WORDS}
        with ScriptedReplyServer(deltas, per_write=200, deadline=3600) as server:
            print(server.base_url, flush=True)
            time.sleep(3600)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


class SavedWatcher:
    """Polls the history from its own connection until a message is saved complete."""

    def __init__(self, path: Path, message_id: int, length: int) -> None:
        self.saved_at: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._poll, args=(path, message_id, length), daemon=True
        )
        self._thread.start()

    def _poll(self, path: Path, message_id: int, length: int) -> None:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        query = "SELECT status, length(text) FROM messages WHERE id = ?"
        while not self._stop.is_set():
            row = connection.execute(query, (message_id,)).fetchone()
            if row is not None and row[0] == "complete" and row[1] >= length:
                self.saved_at = time.monotonic()
                break
            time.sleep(0.005)
        connection.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


async def stream_round(window, label: str, message: str, expected_chars: int = 0) -> Round:
    """Send `message` in a new chat and measure until the reply is saved and fully shown."""
    from desktop_app.core import chat_stream

    result = Round(label)
    body_ended: list[float] = []
    original_finish = chat_stream.ChatStream._finish

    async def timed_finish(self, error) -> None:  # this benchmark only: when the body ended
        body_ended.append(time.monotonic())
        await original_finish(self, error)

    chat_stream.ChatStream._finish = timed_finish  # type: ignore[method-assign]
    stop = asyncio.Event()
    stalls = bench_window.Run(label)
    watcher = asyncio.ensure_future(bench_window._watch_stalls(stalls, stop))
    window.chat.new_chat()
    started = time.monotonic()
    try:
        window.chat.send(message)
        reply = window.chat.session.streaming_reply
        assert reply is not None
        # Saved complete means the final text is in: the status is written with it.
        saved = SavedWatcher(window.services.database.path, int(reply.id), expected_chars)
        while window.chat.streaming or bench_window._settling(window):
            await asyncio.sleep(0.01)
        shown_at = time.monotonic()
    finally:
        stop.set()
        await watcher
        chat_stream.ChatStream._finish = original_finish  # type: ignore[method-assign]
    final = window.chat.session.last_reply()
    result.chars = len(final.text) if final is not None else 0
    deadline = time.monotonic() + 10
    while saved.saved_at is None and time.monotonic() < deadline:
        await asyncio.sleep(0.005)
    saved.stop()
    result.max_stall_ms = stalls.max_stall_ms
    result.stalls_over_50ms = stalls.stalls_over_50ms
    result.seconds = shown_at - started
    if body_ended:
        if saved.saved_at is not None:
            result.last_byte_to_saved_ms = (saved.saved_at - body_ended[-1]) * 1000
        result.last_byte_to_shown_ms = (shown_at - body_ended[-1]) * 1000
    return result


def bench(rounds: int) -> list[Round]:
    """Both replies, `rounds` times each, interleaved, in one real window."""
    results: list[Round] = []
    server, server_url = start_one_line_server()

    async def body(window) -> None:
        from desktop_app.core.models import Credentials
        from desktop_app.core.profiles import new_profile
        from desktop_app.core.secrets import key_ref
        from desktop_app.emulator.agents import DEMO_AGENTS

        services = window.services
        emulator_profile = window.chat.profile
        ref = key_ref(server_url, "pk_scripted_public")
        services.secrets.set(ref, Credentials("pk_scripted_public", "sk_scripted_secret_key"))
        one_line = new_profile(
            "One line", DEMO_AGENTS[0].agent_id, base_url=server_url, key_ref=ref
        )
        services.database.save_profile(one_line)
        for _ in range(rounds):
            window.chat.set_profile(one_line)
            results.append(
                await stream_round(window, "1 MB single line", "long line", ONE_LINE_WORDS * 5)
            )
            window.chat.set_profile(emulator_profile)
            message = f"Benchmark #tokens:{TOKENS} #tps:0"
            results.append(await stream_round(window, "200,000 tokens", message))

    try:
        bench_window.run_in_bench_window(body)
    finally:
        server.terminate()
        server.wait(5)
    return results


def main() -> int:
    """Run the rounds and print medians per reply."""
    rounds = bench_window._option("--rounds", 3)
    results = bench(rounds)
    print(f"Huge replies in the real window, flat out, {rounds} rounds (medians, worst):")
    for label in dict.fromkeys(result.label for result in results):
        mine = [result for result in results if result.label == label]

        def median(name: str, rows: list[Round] = mine) -> float:
            return statistics.median(getattr(row, name) for row in rows)

        def worst(name: str, rows: list[Round] = mine) -> float:
            return max(getattr(row, name) for row in rows)

        print(f"  {label} ({mine[0].chars:,} characters):")
        print(
            f"    longest stall      {median('max_stall_ms'):6.1f} ms "
            f"(worst {worst('max_stall_ms'):.1f}; target <= 50), "
            f"stalls over 50 ms: {sum(row.stalls_over_50ms for row in mine)}"
        )
        print(
            f"    last byte -> saved {median('last_byte_to_saved_ms'):6.0f} ms "
            f"(worst {worst('last_byte_to_saved_ms'):.0f}; target <= 1000)"
        )
        print(f"    last byte -> shown {median('last_byte_to_shown_ms'):6.0f} ms")
        print(f"    send -> shown      {median('seconds'):6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
