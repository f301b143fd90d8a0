"""Benchmark: the cost of one live repaint stays flat as a streamed reply grows (run by hand).

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python tests/perf/bench_transcript.py

Prints, at 1k, 5k and 20k tokens of a realistic Markdown reply (prose, lists, code, tables):
the median cost of one repaint of the live message (render + document edit + layout + paint),
the same for the naive approach (re-render the whole message per repaint), and the CPU time
to stream 10k tokens with a repaint every few tokens; then set_messages of 50, 100 and 1,000
long messages and the cost per message.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.transcript import MessageView, TranscriptView
from desktop_app.gui.transcript.document import replace_frame

TOKENS_PER_REPAINT = 8  # ~200 tokens/s arriving, one repaint per 40 ms
CHECKPOINTS = (1_000, 5_000, 20_000)
SAMPLES = 50  # 400 tokens: a whole section, so every kind of tail (prose, code, table) is seen


def realistic_reply(token_target: int) -> list[str]:
    """A long reply cut into token-sized pieces (a word or a run of spaces/punctuation)."""
    section = (
        "## Step {n}: configure the service\n\n"
        "The **service** reads its settings from `config.toml`; when a key is missing it falls "
        "back to the defaults described in [the docs](https://example.com/docs/{n}). "
        "Keep the file small and *readable*, and review it in code review like any change.\n\n"
        "1. Install the package\n2. Create the file\n3. Restart the worker\n\n"
        "```python\ndef load_settings(path: str) -> dict[str, str]:\n"
        "    with open(path, encoding='utf-8') as handle:\n"
        "        return parse(handle.read())  # step {n}\n\n"
        "print(load_settings('config.toml'))\n```\n\n"
        "| Setting | Default | Meaning |\n|---|---:|---|\n"
        "| workers | 4 | processes |\n| timeout | 30 | seconds |\n| retries | {n} | attempts |\n\n"
        "> Note: restart after each change.\n\n"
    )
    text, n = "", 0
    pieces: list[str] = []
    while len(pieces) < token_target:
        n += 1
        text = section.format(n=n)
        pieces.extend(re.findall(r"\s+|\w+|[^\w\s]", text))
    return pieces[:token_target]


def _repaint_once(view: TranscriptView, live) -> None:
    live._repaint()
    view.browser.viewport().repaint()


def measure_incremental(app: QApplication, tokens: list[str]) -> dict[int, float]:
    view = TranscriptView(repaint_interval_ms=10_000)  # we drive repaints by hand
    view.resize(900, 700)
    view.show()
    view.set_messages([MessageView("u", Role.USER, "Explain the setup.", MessageStatus.COMPLETE)])
    live = view.start_reply("a")
    results: dict[int, float] = {}
    fed = 0
    for checkpoint in CHECKPOINTS:
        while fed < checkpoint:
            live.append_text(tokens[fed])
            fed += 1
            if fed % 400 == 0:
                _repaint_once(view, live)
                app.processEvents()
        _repaint_once(view, live)
        samples = []
        for _ in range(SAMPLES):
            for _ in range(TOKENS_PER_REPAINT):
                live.append_text(tokens[fed % len(tokens)])
                fed += 1
            started = time.perf_counter()
            _repaint_once(view, live)
            samples.append(time.perf_counter() - started)
        results[checkpoint] = statistics.median(samples)
    live.finish(MessageStatus.COMPLETE)
    view.close()
    return results


def measure_naive(app: QApplication, tokens: list[str]) -> dict[int, float]:
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    view.set_messages([MessageView("a", Role.ASSISTANT, "", MessageStatus.COMPLETE)])
    entry = view._entries["a"]
    bodies, parser = view.bodies, view.writer.parser
    results: dict[int, float] = {}
    for checkpoint in CHECKPOINTS:
        samples = []
        for sample in range(5):
            text = "".join(tokens[: checkpoint + sample * TOKENS_PER_REPAINT])
            started = time.perf_counter()
            html = bodies.render_piece("a", text, 0).html
            replace_frame(view.document(), entry.frames.body, html, parser)
            view.browser.viewport().repaint()
            samples.append(time.perf_counter() - started)
        app.processEvents()
        results[checkpoint] = statistics.median(samples)
    view.close()
    return results


def cpu_per_10k_tokens(app: QApplication, tokens: list[str]) -> float:
    view = TranscriptView(repaint_interval_ms=10_000)
    view.resize(900, 700)
    view.show()
    live = view.start_reply("a")
    started = time.process_time()
    for index, token in enumerate(tokens[:10_000], start=1):
        live.append_text(token)
        if index % TOKENS_PER_REPAINT == 0:
            _repaint_once(view, live)
    live.finish(MessageStatus.COMPLETE)
    elapsed = time.process_time() - started
    view.close()
    return elapsed


def load_conversation(tokens: list[str], messages: int) -> float:
    """Seconds to show a stored conversation of `messages` finished messages (~500 tokens each,
    every one rendered: they are all new to the view) and paint it."""
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    text = "".join(tokens[:500])
    history = [
        MessageView(
            f"{messages}-{index}",
            Role.USER if index % 2 else Role.ASSISTANT,
            text,
            MessageStatus.COMPLETE,
        )
        for index in range(messages)
    ]
    started = time.perf_counter()
    view.set_messages(history)
    view.browser.viewport().repaint()
    elapsed = time.perf_counter() - started
    view.close()
    return elapsed


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    tokens = realistic_reply(CHECKPOINTS[-1] + SAMPLES * TOKENS_PER_REPAINT + 10)
    print(f"reply: {len(tokens)} tokens, {len(''.join(tokens))} characters")
    incremental = measure_incremental(app, tokens)
    naive = measure_naive(app, tokens)
    print(f"{'tokens':>8} {'live repaint (ms)':>18} {'naive (ms)':>11} {'naive/live':>11}")
    for checkpoint in CHECKPOINTS:
        live_ms, naive_ms = incremental[checkpoint] * 1e3, naive[checkpoint] * 1e3
        print(f"{checkpoint:>8} {live_ms:>18.2f} {naive_ms:>11.2f} {naive_ms / live_ms:>10.1f}x")
    flat = incremental[CHECKPOINTS[-1]] / incremental[CHECKPOINTS[0]]
    print(f"live repaint at 20k / at 1k: {flat:.2f} (target <= 1.5)")
    print(
        f"CPU to stream 10k tokens, repaint every {TOKENS_PER_REPAINT} tokens: "
        f"{cpu_per_10k_tokens(app, tokens):.2f} s"
    )
    per_message: dict[int, float] = {}
    for count in (50, 100, 1000):
        total_ms = load_conversation(tokens, count) * 1e3
        per_message[count] = total_ms / count
        print(
            f"show a stored conversation of {count:>4} long messages: {total_ms:7.0f} ms, "
            f"{per_message[count]:.2f} ms per message"
        )
    print(f"per message at 1,000 / at 100: {per_message[1000] / per_message[100]:.2f} (<= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
