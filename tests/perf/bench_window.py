"""Benchmark the real main window streaming a 20,000-token reply from the emulator (run by hand).

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_window.py

Prints: the cost of one repaint of the live message at ~1k, 5k and 20k tokens, the longest
event-loop stall, tokens/s absorbed flat out, CPU seconds per 10k tokens, peak RSS, at
2,000 tokens/s and flat out; then the time from process start to the main window's first
paint against a bare PySide6 window, in the same run. The emulator runs in a separate process
so its CPU is not counted. Nothing here is an assertion: the figures are for people.
"""

from __future__ import annotations

import asyncio
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
    repaints: list[tuple[int, float]] = field(default_factory=list)  # (tokens so far, ms)
    rss_peak_mb: float = 0.0
    finish_ms: float = 0.0

    def repaint_ms_near(self, tokens: int) -> float | None:
        """Median cost of the repaints made around `tokens` (±20 %)."""
        near = [ms for count, ms in self.repaints if abs(count - tokens) <= tokens * 0.2]
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


async def stream_once(window, label: str, tokens_per_second: int) -> Run:
    """Send one message asking for TOKENS deltas and measure the window while it streams."""
    import psutil

    from desktop_app.gui.transcript import live as live_module

    run = Run(label)
    original = live_module.LiveReply._repaint
    original_append = live_module.LiveReply.append_text
    received = [0]

    def counting_append(self, delta: str) -> None:  # measuring wrappers, for this benchmark
        received[0] += 1
        original_append(self, delta)

    def timed_repaint(self) -> None:
        start = time.perf_counter()
        original(self)
        run.repaints.append((received[0], (time.perf_counter() - start) * 1000))

    original_finish = live_module.LiveReply.finish

    def timed_finish(self, *args, **kwargs) -> None:
        start = time.perf_counter()
        original_finish(self, *args, **kwargs)
        run.finish_ms = (time.perf_counter() - start) * 1000

    live_module.LiveReply._repaint = timed_repaint
    live_module.LiveReply.append_text = counting_append
    live_module.LiveReply.finish = timed_finish
    process = psutil.Process()
    stop = asyncio.Event()
    watcher = asyncio.ensure_future(_watch_stalls(run, stop))
    peak = process.memory_info().rss
    cpu_before = time.process_time()
    started = time.perf_counter()
    try:
        window.chat.send(f"Benchmark #tokens:{TOKENS} #tps:{tokens_per_second}")
        while window.chat.streaming:
            await asyncio.sleep(0.05)
            peak = max(peak, process.memory_info().rss)
    finally:
        run.seconds = time.perf_counter() - started
        run.cpu_seconds = time.process_time() - cpu_before
        stop.set()
        await watcher
        live_module.LiveReply._repaint = original
        live_module.LiveReply.append_text = original_append
        live_module.LiveReply.finish = original_finish
    reply = window.chat.session.last_reply()
    run.tokens = TOKENS if reply is not None and reply.status.value == "complete" else 0
    run.rss_peak_mb = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20
    return run


def bench_streaming() -> list[Run]:
    """Drive a real MainWindow against the emulator at 2,000 tokens/s and flat out."""
    home = tempfile.mkdtemp(prefix="agentsgt-bench-")
    os.environ["AGENTSGT_DESKTOP_HOME"] = home
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services, shutdown
    from desktop_app.core.models import Credentials
    from desktop_app.core.paths import app_paths
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.secrets import SecretStore, key_ref
    from desktop_app.emulator.agents import DEMO_AGENTS
    from desktop_app.gui.main_window import MainWindow

    emulator, base_url, public_key, secret_key = start_emulator()
    app = QApplication.instance() or QApplication([sys.argv[0]])
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
    window._reload_profiles(select_id=profile.id)
    runs: list[Run] = []

    async def main() -> None:
        window.start()
        try:
            for label, tps in (("2,000 tokens/s", 2000), ("flat out", 0)):
                window.chat.new_chat()
                runs.append(await stream_once(window, label, tps))
        finally:
            await shutdown(window, services, window.demo)
            window.close()

    try:
        with loop:
            loop.run_until_complete(main())
    finally:
        emulator.terminate()
        emulator.wait(5)
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

_APP = """
from desktop_app.gui import main_window
_show = main_window.MainWindow.show
def show(self):
    self._probe = Probe(self)
    _show(self)
main_window.MainWindow.show = show
from desktop_app.app import main
sys.exit(main(["--home", sys.argv[2]]))
"""


def _time_to_paint(body: str) -> float:
    home = tempfile.mkdtemp(prefix="agentsgt-paint-")
    code = _PAINT_PROBE.format(body=body)
    start = time.time()
    output = subprocess.run(
        [sys.executable, "-c", code, f"{start}", home],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    ).stdout
    for line in output.splitlines():
        if line.startswith("painted "):
            return float(line.split()[1])
    raise RuntimeError(f"no paint reported: {output!r}")


def bench_startup(rounds: int = 5) -> tuple[float, float]:
    """Median time from process start to first paint: bare PySide6 window, then the app."""
    bare, ours = [], []
    for _ in range(rounds):  # interleaved, so machine noise hits both alike
        bare.append(_time_to_paint(_BARE))
        ours.append(_time_to_paint(_APP))
    return statistics.median(bare), statistics.median(ours)


def main() -> int:
    """Run everything and print the figures."""
    runs = bench_streaming()
    print(
        f"Streaming a {TOKENS:,}-token reply into the real main window "
        "(emulator in its own process)"
    )
    for run in runs:
        rate = run.tokens / run.seconds if run.seconds else 0
        cpu_per_10k = run.cpu_seconds / (TOKENS / 10_000)
        print(f"\n  {run.label}: {run.seconds:.2f} s, {rate:,.0f} tokens/s absorbed")
        for checkpoint in CHECKPOINTS:
            cost = run.repaint_ms_near(checkpoint)
            shown = f"{cost:.2f} ms" if cost is not None else "n/a"
            print(f"    one live repaint at ~{checkpoint:>6,} tokens: {shown}")
        print(
            f"    repaints while streaming: {len(run.repaints)}; "
            f"final render {run.finish_ms:.0f} ms"
        )
        print(f"    longest event-loop stall: {run.max_stall_ms:.1f} ms (target <= 50 ms)")
        print(f"    CPU: {cpu_per_10k:.2f} s per 10k tokens (window process only)")
        print(f"    peak RSS: {run.rss_peak_mb:.0f} MB (target <= 150 MB)")
    bare, ours = bench_startup() if "--no-startup" not in sys.argv else (1.0, 1.0)
    print("\nProcess start to first paint (median of 5, interleaved):")
    print(f"  bare PySide6 window: {bare * 1000:.0f} ms")
    print(f"  AgentsGT Desktop:    {ours * 1000:.0f} ms  ({ours / bare:.2f}x, target <= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
