"""Does saving a streaming reply cost the GUI thread anything? (run by hand; prints figures)

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_saving.py [--rounds 5] [--tokens 6000]

Drives the real main window against the emulator (in its own process) at 2,000 tokens/s:
after one uncounted warm-up reply, rounds alternate (ABBA order) between the real
StreamingWriter (the reply is written to SQLite at least once a second, off the GUI thread)
and a writer that drops everything. For each arm it prints
the median and worst of the longest event-loop stall per round and the GUI process's CPU per
10k tokens, and the ratio between the arms. The saving arm is checked for real: the stored
reply must equal what the window shows. Nothing here is an assertion on time.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.perf import bench_window


class DroppingWriter:
    """The StreamingWriter's interface with no storage behind it: the 'saving off' arm."""

    def __init__(self) -> None:
        self.updates = 0

    def begin(self, message_id: int) -> None:
        pass

    def update(self, message_id: int, *args: object, **kwargs: object) -> None:
        self.updates += 1

    def finish(self, message_id: int, *args: object, **kwargs: object) -> None:
        pass

    def flush(self, *args: object, **kwargs: object) -> bool:
        return True

    def close(self, *args: object, **kwargs: object) -> None:
        pass


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main() -> int:
    rounds = _option("--rounds", 5)
    bench_window.TOKENS = _option("--tokens", 6000)
    from desktop_app.core.models import MessageStatus

    results: dict[str, list[bench_window.Run]] = {"saving on": [], "saving off": []}
    dropping = DroppingWriter()

    async def body(window) -> None:
        services = window.services
        real_writer = services.writer
        arms = [("saving on", real_writer), ("saving off", dropping)]
        try:
            window.chat.new_chat()  # one reply first, uncounted: the first pays one-off costs
            await bench_window.stream_once(window, "warm-up", 2000)
            for round_number in range(rounds):
                # Alternate which arm goes first, so neither always follows the other.
                for arm, writer in arms if round_number % 2 == 0 else arms[::-1]:
                    services.writer = writer
                    window.chat.new_chat()
                    results[arm].append(await bench_window.stream_once(window, arm, 2000))
                    if writer is real_writer:
                        await asyncio.to_thread(real_writer.flush)
                        reply = window.chat.session.last_reply()
                        stored = services.database.get_message(int(reply.id))
                        assert stored.status is MessageStatus.COMPLETE
                        assert stored.text == reply.text, "the saved reply differs"
        finally:
            services.writer = real_writer

    bench_window.run_in_bench_window(body)

    print(
        f"Saving a streaming reply: {rounds} interleaved rounds per arm, "
        f"{bench_window.TOKENS:,} tokens at 2,000 tokens/s into the real window"
    )
    medians = {}
    for arm, runs in results.items():
        stalls = [run.max_stall_ms for run in runs]
        cpu = [run.cpu_seconds / (bench_window.TOKENS / 10_000) for run in runs]
        medians[arm] = statistics.median(stalls)
        print(
            f"  {arm:>10}: longest stall per round median {medians[arm]:.1f} ms, "
            f"worst {max(stalls):.1f} ms; CPU {statistics.median(cpu):.2f} s per 10k tokens"
        )
    print(f"  writer updates handed over while saving was off: {dropping.updates}")
    print(
        f"  stall ratio on/off: {medians['saving on'] / medians['saving off']:.2f}x "
        "(1.0 = saving costs the GUI thread nothing measurable)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
