"""Start-up time to the main window's first paint: the frozen app vs the same app from source.

    python tests/perf/bench_startup.py [--runs 7] [--frozen PATH] [--offscreen]

Runs, interleaved so machine noise hits every variant alike, (a) the frozen one-folder build
(packaging/out/dist/agentsgt-desktop/agentsgt-desktop, from packaging/build_linux.sh), (b) the
app from source through the same launcher, and (c) a bare PySide6 window for reference. Each
app run uses `--measure-startup`, which prints the wall-clock time of the first paint and exits;
the figure is that time minus the moment just before the benchmark spawned the process, so it
includes exec, the bootloader and every import. Under Xvfb when it is installed (a real X
server, as on a desktop), else Qt's offscreen platform. Prints medians, the source/bare ratio
(target: <= 2) and the frozen/source ratio (target: <= 1.2); asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FROZEN = REPO_ROOT / "packaging" / "out" / "dist" / "agentsgt-desktop" / "agentsgt-desktop"
PAINTED = re.compile(r"painted at (\d+\.\d+)")

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted at {time.time():.6f}", flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
first = First()
window.installEventFilter(first)
window.show()
app.exec()
"""


@dataclass(frozen=True, slots=True)
class Variant:
    """One thing to start: a name and its command line."""

    name: str
    command: tuple[str, ...]


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """A private Xvfb server on a free display number (None when Xvfb is not installed)."""
    if shutil.which("Xvfb") is None:
        return None
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        return None
    return server, f":{number}"


def measure(variant: Variant, env: dict[str, str]) -> float:
    """Seconds from just before spawning the process to its first paint."""
    started = time.time()
    result = subprocess.run(
        variant.command,
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    match = PAINTED.search(result.stdout)
    if result.returncode != 0 or match is None:
        raise RuntimeError(
            f"{variant.name} did not report a first paint (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return float(match.group(1)) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per variant (>= 5)")
    parser.add_argument("--frozen", type=Path, default=DEFAULT_FROZEN, help="the frozen app")
    parser.add_argument("--offscreen", action="store_true", help="do not use Xvfb")
    args = parser.parse_args()
    runs = max(5, args.runs)

    variants = [
        Variant(
            "source",
            (sys.executable, str(REPO_ROOT / "packaging" / "launcher.py"), "--measure-startup"),
        ),
        Variant("bare PySide6 window", (sys.executable, "-c", BARE_WINDOW)),
    ]
    if args.frozen.exists():
        variants.insert(0, Variant("frozen", (str(args.frozen), "--measure-startup")))
    else:
        print(
            f"no frozen app at {args.frozen}: run packaging/build_linux.sh first; "
            "measuring the source app only"
        )

    home = tempfile.mkdtemp(prefix="agentsgt-bench-startup-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_QPA")}
    env.update(
        AGENTSGT_DESKTOP_HOME=home,
        PYTHONPATH=str(REPO_ROOT),
        # The keyring is read only after the first paint, but the fail backend keeps the runs
        # away from any real keyring and D-Bus.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    xvfb = None if args.offscreen else start_xvfb()
    if xvfb is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        where = "offscreen platform"
    else:
        env["DISPLAY"] = xvfb[1]
        env["QT_QPA_PLATFORM"] = "xcb"
        where = f"Xvfb {xvfb[1]}"
    try:
        for variant in variants:  # warm-up: page cache, the database and settings files
            measure(variant, env)
        times: dict[str, list[float]] = {variant.name: [] for variant in variants}
        for _ in range(runs):
            for variant in variants:
                times[variant.name].append(measure(variant, env))
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)

    print(f"start-up to first paint ({where}, {runs} interleaved runs each, after a warm-up)")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(
            f"  {name:<20} median {medians[name] * 1000:7.0f} ms   "
            f"min {min(values) * 1000:6.0f}   max {max(values) * 1000:6.0f}"
        )
    bare = medians["bare PySide6 window"]
    print(f"  source / bare = {medians['source'] / bare:.2f} (target <= 2)")
    if "frozen" in medians:
        ratio = medians["frozen"] / medians["source"]
        verdict = "meets" if ratio <= 1.2 else "MISSES"
        print(f"  frozen / source = {ratio:.2f} ({verdict} the <= 1.2 target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
