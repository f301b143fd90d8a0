"""Does saving a streaming reply cost the GUI thread anything? (run by hand; prints figures)

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_saving.py [--rounds 5] [--tokens 6000]

Drives the real main window against the emulator (in its own process) at 2,000 tokens/s,
alternating rounds with the real StreamingWriter (the reply is written to SQLite at least once
a second, off the GUI thread) and with a writer that drops everything. For each arm it prints
the median and worst of the longest event-loop stall per round and the GUI process's CPU per
10k tokens, and the ratio between the arms. The saving arm is checked for real: the stored
reply must equal what the window shows. Nothing here is an assertion on time.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import sys
import tempfile
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
    os.environ["AGENTSGT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="agentsgt-bench-save-")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services, shutdown
    from desktop_app.core.models import Credentials, MessageStatus
    from desktop_app.core.paths import app_paths
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.secrets import SecretStore, key_ref
    from desktop_app.emulator.agents import DEMO_AGENTS
    from desktop_app.gui.main_thread_gc import MainThreadCollector
    from desktop_app.gui.main_window import MainWindow

    emulator, base_url, public_key, secret_key = bench_window.start_emulator()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    collector = MainThreadCollector(app)
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
    profile = new_profile("Bench", DEMO_AGENTS[0].agent_id, base_url=base_url, key_ref=ref)
    services.database.save_profile(profile)
    window._reload_profiles(select_id=profile.id)
    real_writer, dropping = services.writer, DroppingWriter()
    results: dict[str, list[bench_window.Run]] = {"saving on": [], "saving off": []}

    async def run_all() -> None:
        gc.freeze()
        window.start()
        if window.warm_up is not None:
            await window.warm_up
        try:
            for _ in range(rounds):
                for arm, writer in (("saving on", real_writer), ("saving off", dropping)):
                    services.writer = writer
                    window.chat.new_chat()
                    run = await bench_window.stream_once(window, arm, 2000)
                    results[arm].append(run)
                    if writer is real_writer:
                        await asyncio.to_thread(real_writer.flush)
                        reply = window.chat.session.last_reply()
                        stored = services.database.get_message(int(reply.id))
                        assert stored.status is MessageStatus.COMPLETE
                        assert stored.text == reply.text, "the saved reply differs"
        finally:
            services.writer = real_writer
            await shutdown(window, services, window.demo)
            window.close()

    try:
        with loop:
            loop.run_until_complete(run_all())
    finally:
        collector.stop()
        gc.unfreeze()
        emulator.terminate()
        emulator.wait(5)

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
