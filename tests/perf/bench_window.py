"""Benchmark the real main window streaming a 20,000-token reply from the emulator (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_window.py

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_window.py --no-startup
    QT_QPA_PLATFORM=offscreen python tests/perf/bench_window.py --startup-only --rounds 7

Prints: the cost of one repaint of the live message (render + document edit + layout + paint)
at ~1k, 5k and 20k tokens, the longest event-loop stall, tokens/s absorbed flat out, CPU
seconds per 10k tokens, peak RSS, how long the end of the reply took to show, at 2,000
tokens/s and flat out; then the time from process start to the main window's first paint
against a bare PySide6 window, in the same run (interleaved, medians). The emulator runs in a
separate process so its CPU is not counted. The window is measured as the app runs it: after
`start()` and its warm-up (the imports the first reply needs, done after the first paint).
Token counts are counted in characters of the reply (the client joins the deltas that arrive
in one network read into one event). Nothing here is an assertion: the figures are for people.
"""

from __future__ import annotations

import asyncio
import gc
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKENS = 20_000
CHECKPOINTS = (1_000, 5_000, 20_000)


@dataclass
class Run:
    """What one streamed reply cost."""

    label: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    tokens: int = 0
    max_stall_ms: float = 0.0
    stalls_over_50ms: int = 0
    #: (characters received so far, ms editing + laying out, ms painting), one per repaint
    repaints: list[tuple[int, float, float]] = field(default_factory=list)
    chars: int = 0  # characters in the whole reply
    repaints_while_streaming: int = 0
    backlog_slices: int = 0
    chunks: int = 0
    rss_peak_mb: float = 0.0
    finish_call_ms: float = 0.0  # the time finish() itself took
    finish_to_settled_ms: float = 0.0  # from finish() to the status line shown

    def tokens_at(self, chars: int) -> float:
        """Characters received so far, as tokens (the reply's own characters per token)."""
        return chars * TOKENS / self.chars if self.chars else 0.0

    def repaint_ms_near(self, tokens: int) -> float | None:
        """Median cost (edit + layout + paint) of the repaints made around `tokens` (±20 %)."""
        near = [
            edit + paint
            for chars, edit, paint in self.repaints
            if abs(self.tokens_at(chars) - tokens) <= tokens * 0.2
        ]
        return statistics.median(near) if near else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_emulator() -> tuple[subprocess.Popen[str], str, str, str]:
    """The emulator in its own process (its CPU must not count as the window's)."""
    port = _free_port()
    code = textwrap.dedent(
        f"""
        import time
        from desktop_app.emulator.server import EmulatorServer
        server = EmulatorServer(port={port}, tokens_per_second=0, credits=10**9).start()
        keys = server.credentials
        print(server.base_url, keys.public_key, keys.secret_key, flush=True)
        time.sleep(3600)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    base_url, public_key, secret_key = process.stdout.readline().split()
    return process, base_url, public_key, secret_key


async def _watch_stalls(run: Run, stop: asyncio.Event) -> None:
    tick = 0.005
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(tick)
        late = (time.perf_counter() - before - tick) * 1000
        run.max_stall_ms = max(run.max_stall_ms, late)
        run.stalls_over_50ms += late > 50


async def stream_once(window, label: str, tokens_per_second: int) -> Run:
    """Send one message asking for TOKENS deltas and measure the window while it streams."""
    import psutil

    from desktop_app.gui.transcript import live as live_module

    run = Run(label)
    live_class = live_module.LiveReply
    originals = {
        name: getattr(live_class, name) for name in ("_repaint", "append_text", "finish", "_settle")
    }
    received = [0]
    finish_started = [0.0]
    viewport = window.transcript.browser.viewport()

    # Measuring wrappers, for this benchmark only.
    def counting_append(self, delta: str) -> None:
        received[0] += len(delta)
        originals["append_text"](self, delta)

    def timed_repaint(self) -> None:
        start = time.perf_counter()
        originals["_repaint"](self)
        edited = time.perf_counter()
        viewport.repaint()  # the paint Qt would do next, now, so that it is counted
        painted = time.perf_counter()
        run.repaints.append((received[0], (edited - start) * 1000, (painted - edited) * 1000))
        if not self.finished:
            run.repaints_while_streaming += 1

    def timed_finish(self, *args, **kwargs) -> None:
        finish_started[0] = start = time.perf_counter()
        originals["finish"](self, *args, **kwargs)
        run.finish_call_ms = (time.perf_counter() - start) * 1000

    def timed_settle(self) -> None:
        originals["_settle"](self)
        run.finish_to_settled_ms = (time.perf_counter() - finish_started[0]) * 1000
        run.backlog_slices = self.backlog_slices
        run.chunks = self.chunk_count

    live_class._repaint = timed_repaint
    live_class.append_text = counting_append
    live_class.finish = timed_finish
    live_class._settle = timed_settle
    process = psutil.Process()
    stop = asyncio.Event()
    watcher = asyncio.ensure_future(_watch_stalls(run, stop))
    peak = process.memory_info().rss
    cpu_before = time.process_time()
    started = time.perf_counter()
    try:
        window.chat.send(f"Benchmark #tokens:{TOKENS} #tps:{tokens_per_second}")
        while window.chat.streaming or _settling(window):
            await asyncio.sleep(0.05)
            peak = max(peak, process.memory_info().rss)
    finally:
        run.seconds = time.perf_counter() - started
        run.cpu_seconds = time.process_time() - cpu_before
        stop.set()
        await watcher
        for name, original in originals.items():
            setattr(live_class, name, original)
    reply = window.chat.session.last_reply()
    run.tokens = TOKENS if reply is not None and reply.status.value == "complete" else 0
    run.chars = received[0]
    run.rss_peak_mb = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20
    return run


def _settling(window) -> bool:
    """True while a finished reply's end is still being shown (a backlog in slices)."""
    return any(entry.live is not None for entry in window.transcript._entries.values())


@dataclass
class BenchWindow:
    """A real MainWindow on a fresh app home, with a profile pointing at the emulator."""

    loop: object
    services: object
    window: object
    collector: object


def open_bench_window(base_url: str, public_key: str, secret_key: str) -> BenchWindow:
    """Build the window as the app does (GUI-thread GC, qasync loop), keys for this session."""
    home = tempfile.mkdtemp(prefix="agentsgt-bench-")
    os.environ["AGENTSGT_DESKTOP_HOME"] = home
    import PySide6.QtCore  # noqa: F401

    from desktop_app.gui.first_paint import skip_pyside_source_scan

    skip_pyside_source_scan()  # as the app does before it imports the window's modules
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services
    from desktop_app.core.models import Credentials
    from desktop_app.core.paths import app_paths
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.secrets import SecretStore, key_ref
    from desktop_app.emulator.agents import DEMO_AGENTS
    from desktop_app.gui.main_thread_gc import MainThreadCollector
    from desktop_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    collector = MainThreadCollector(app)  # garbage collected as in the app (GUI thread, timer)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(app_paths().ensure())
    services.secrets = SecretStore()
    services.secrets.use_session_only()
    window = MainWindow(services)
    window.resize(1200, 800)
    window.show()
    ref = key_ref(base_url, public_key)
    services.secrets.set(ref, Credentials(public_key, secret_key))
    agent = DEMO_AGENTS[0]
    profile = new_profile("Bench", agent.agent_id, base_url=base_url, key_ref=ref)
    services.database.save_profile(profile)
    window.reload_profiles(select_id=profile.id)
    return BenchWindow(loop, services, window, collector)


def run_in_bench_window(body) -> None:
    """Start the window as the app does after its first paint, run `await body(window)`,
    then shut everything down (the emulator included)."""
    from desktop_app.app import shutdown

    emulator, base_url, public_key, secret_key = start_emulator()
    bench = open_bench_window(base_url, public_key, secret_key)
    window, services = bench.window, bench.services

    async def main() -> None:
        gc.freeze()  # as the app does after its first paint
        window.start()
        if window.warm_up is not None:  # as in the app: done long before anyone has typed
            await window.warm_up
        try:
            await body(window)
        finally:
            await shutdown(window, services)
            window.close()

    try:
        with bench.loop:
            bench.loop.run_until_complete(main())
    finally:
        bench.collector.stop()
        gc.unfreeze()
        emulator.terminate()
        emulator.wait(5)


def bench_streaming() -> list[Run]:
    """Drive a real MainWindow against the emulator at 2,000 tokens/s and flat out."""
    runs: list[Run] = []

    async def body(window) -> None:
        for label, tps in (("2,000 tokens/s", 2000), ("flat out", 0)):
            window.chat.new_chat()
            runs.append(await stream_once(window, label, tps))

    run_in_bench_window(body)
    return runs


_PAINT_PROBE = """
import sys, time
start_marker = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
class Probe(QObject):
    def __init__(self, target):
        super().__init__()
        self.target = target
        target.installEventFilter(self)
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is self.target:
            print(f"painted {{time.time() - start_marker:.4f}}", flush=True)
            self.target.removeEventFilter(self)
            QTimer.singleShot(0, self.target.close)
        return False
{body}
"""

_BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1100, 720)
probe = Probe(window)
window.show()
app.exec()
"""

# The app is started as the launcher starts it (nothing of Qt imported before main()); the
# paint is timed by the app's own first-paint filter, as `--measure-startup` reports it.
_APP = """
import sys, time
start_marker = float(sys.argv[1])
from desktop_app import app
_wait = app.wait_for_first_paint
def wait(window, *args, **kwargs):
    painted_at = _wait(window, *args, **kwargs)
    print(f"painted {painted_at - start_marker:.4f}", flush=True)
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, window.close)
    return painted_at
app.wait_for_first_paint = wait
sys.exit(app.main(["--home", sys.argv[2]]))
"""


def _time_to_paint(body: str, pycache: str | None) -> float:
    home = tempfile.mkdtemp(prefix="agentsgt-paint-")
    code = body if body is _APP else _PAINT_PROBE.format(body=body)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if pycache is not None:
        # Bytecode cached, as in an installed app (pip and the frozen build ship it). Kept
        # in a temporary folder, so the source tree gets no __pycache__.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    start = time.time()
    output = subprocess.run(
        [sys.executable, "-c", code, f"{start}", home],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    ).stdout
    for line in output.splitlines():
        if line.startswith("painted "):
            return float(line.split()[1])
    raise RuntimeError(f"no paint reported: {output!r}")


def bench_startup(rounds: int = 7, cached_bytecode: bool = True) -> tuple[list[float], list[float]]:
    """Times from process start to first paint: a bare PySide6 window, and the app.

    Interleaved, so machine noise hits both alike; one unmeasured round first (it also fills
    the bytecode cache).
    """
    pycache = tempfile.mkdtemp(prefix="agentsgt-pyc-") if cached_bytecode else None
    _time_to_paint(_BARE, pycache)
    _time_to_paint(_APP, pycache)
    bare, ours = [], []
    for _ in range(rounds):
        bare.append(_time_to_paint(_BARE, pycache))
        ours.append(_time_to_paint(_APP, pycache))
    return bare, ours


def _option(name: str, default: int) -> int:
    if name in sys.argv:
        return int(sys.argv[sys.argv.index(name) + 1])
    return default


def print_streaming(runs: list[Run]) -> None:
    """The streaming figures, one block per run."""
    print(
        f"Streaming a {TOKENS:,}-token reply into the real main window "
        "(emulator in its own process)"
    )
    for run in runs:
        rate = run.tokens / run.seconds if run.seconds else 0
        cpu_per_10k = run.cpu_seconds / (TOKENS / 10_000)
        print(f"\n  {run.label}: {run.seconds:.2f} s, {rate:,.0f} tokens/s absorbed")
        costs = {}
        for checkpoint in CHECKPOINTS:
            costs[checkpoint] = cost = run.repaint_ms_near(checkpoint)
            shown = f"{cost:.2f} ms" if cost is not None else "n/a (no repaint near it)"
            print(f"    one live repaint at ~{checkpoint:>6,} tokens: {shown}")
        first, last = costs[CHECKPOINTS[0]], costs[CHECKPOINTS[-1]]
        if first and last:
            print(f"    20k / 1k repaint cost: {last / first:.2f}x (target <= 1.5x)")
        longest = max((edit + paint for _, edit, paint in run.repaints), default=0.0)
        print(
            f"    repaints: {len(run.repaints)} ({run.repaints_while_streaming} while streaming,"
            f" {run.backlog_slices} backlog slices), longest {longest:.1f} ms;"
            f" body in {run.chunks} chunks"
        )
        print(
            f"    end of the reply: finish() {run.finish_call_ms:.1f} ms, all shown "
            f"{run.finish_to_settled_ms:.0f} ms after it"
        )
        print(
            f"    longest event-loop stall: {run.max_stall_ms:.1f} ms (target <= 50 ms); "
            f"stalls over 50 ms: {run.stalls_over_50ms}"
        )
        print(f"    CPU: {cpu_per_10k:.2f} s per 10k tokens (window process only)")
        print(f"    peak RSS: {run.rss_peak_mb:.0f} MB (target <= 150 MB)")


def print_startup(rounds: int, cached_bytecode: bool) -> None:
    """The start-up figures: medians of interleaved runs."""
    bare, ours = bench_startup(rounds, cached_bytecode)
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    kind = "bytecode cached" if cached_bytecode else "no bytecode cache"
    print(f"\nProcess start to first paint (median of {rounds}, interleaved, {kind}):")
    print(f"  bare PySide6 window: {bare_ms:.0f} ms  (min {min(bare) * 1000:.0f})")
    print(
        f"  AgentsGT Desktop:    {ours_ms:.0f} ms  (min {min(ours) * 1000:.0f}; "
        f"{ours_ms / bare_ms:.2f}x, target <= 2x)"
    )


def main() -> int:
    """Run everything and print the figures."""
    if "--startup-only" not in sys.argv:
        print_streaming(bench_streaming())
    if "--no-startup" not in sys.argv:
        print_startup(_option("--rounds", 7), "--no-bytecode-cache" not in sys.argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
