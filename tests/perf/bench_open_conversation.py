"""Benchmark (run by hand): open a 10,000-message (~5 MB) conversation in the real TranscriptView.

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_open_conversation.py [--messages 10000]
        [--skip-full] [--page 50]

Each way of opening runs in a fresh child process so its RSS is its own:
- "newest page": ConversationLoader.newest() (the last --page messages) into set_messages;
  then one older page, shown the only way the view allows today (set_messages of both pages);
- "everything": every message into set_messages (what ChatController.open_conversation does
  today), for comparison; skip it with --skip-full on a slow machine.
Figures: time from the click (reading the database) to the first paint, and RSS after it.
Targets: first paint <= 500 ms, RSS <= 200 MB. Search over 100,000 messages is measured by
tests/perf/bench_storage.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"
_TEXT = (
    "agent reply stream token budget museum python file thread credit history search window "
    "conversation export markdown table code paint memory latency the of and to a in is it"
)
_WORDS = _TEXT.split(" ")


def reply_text(rng: random.Random, chars: int) -> str:
    """Realistic-ish Markdown: paragraphs, now and then a list, a table or a code block."""
    parts: list[str] = []
    size = 0
    while size < chars:
        kind = rng.random()
        if kind < 0.1:
            block = "```python\ndef f(x):\n    return x * 2  # double\n```"
        elif kind < 0.2:
            block = "| a | b |\n|---|---|\n| 1 | 2 |"
        elif kind < 0.35:
            block = "\n".join(f"- {' '.join(rng.choices(_WORDS, k=6))}" for _ in range(3))
        else:
            block = " ".join(rng.choices(_WORDS, k=rng.randint(20, 40))).capitalize() + "."
        parts.append(block)
        size += len(block) + 2
    return "\n\n".join(parts)


def build(path: Path, count: int) -> str:
    """A database with one conversation of `count` messages; returns its id."""
    from desktop_app.core.models import Role
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.storage import Database

    rng = random.Random(7)
    with Database.open(path) as db:
        profile = new_profile("Bench", AGENT, base_url="https://agentsgt.com/api/v1")
        db.save_profile(profile)
        conversation = db.create_conversation(profile.id, "A very long conversation")
        with db.transaction():
            for n in range(count):
                if n % 2 == 0:
                    db.add_message(conversation.id, Role.USER, reply_text(rng, 150))
                else:
                    db.add_message(conversation.id, Role.ASSISTANT, reply_text(rng, 850))
        return conversation.id


def child(db_path: Path, conversation_id: str, mode: str, page: int) -> dict[str, float]:
    """Open the conversation one way in this (fresh) process and measure it."""
    import psutil
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.conversation_loader import ConversationLoader
    from desktop_app.core.storage import Database
    from desktop_app.gui.transcript import MessageView, TranscriptView

    app = QApplication.instance() or QApplication([])
    process = psutil.Process()
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    # Warm up (imports, fonts, lexers) as a running app already has: render one message first.
    from desktop_app.core.models import MessageStatus, Role

    warm = "Warm **up**\n\n```python\nx = 1\n```\n\n| a |\n|---|\n| 1 |"
    view.set_messages([MessageView("warm", Role.ASSISTANT, warm, MessageStatus.COMPLETE)])
    app.processEvents()  # a benchmark may spin the loop; the app never does
    rss_before = process.memory_info().rss

    def views(stored):
        return [
            MessageView(str(m.id), m.role, m.text, m.status, m.error_text, m.reasoning)
            for m in stored
        ]

    figures: dict[str, float] = {}
    with Database.open(db_path) as db:
        start = time.perf_counter()
        loader = ConversationLoader(db, conversation_id, first_page=page, older_page=page)
        stored = loader.newest() if mode == "newest" else db.messages(conversation_id)
        read_done = time.perf_counter()
        shown = views(stored)
        view.set_messages(shown)
        view.browser.viewport().repaint()  # the first paint, synchronously
        painted = time.perf_counter()
        figures.update(
            messages=len(shown),
            read_ms=(read_done - start) * 1000,
            first_paint_ms=(painted - start) * 1000,
            rss_mb=process.memory_info().rss / 2**20,
            rss_growth_mb=(process.memory_info().rss - rss_before) / 2**20,
        )
        if mode == "newest":
            # Scrolling up: one more page. Without a prepend in the view, everything loaded
            # so far is shown again.
            start = time.perf_counter()
            shown = views(loader.older()) + shown
            view.set_messages(shown)
            view.browser.viewport().repaint()
            figures["older_page_ms"] = (time.perf_counter() - start) * 1000
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build the conversation once, then open it each way in a child process; print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=50)
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("DB", "CONVERSATION", "MODE"))
    args = parser.parse_args(argv)
    if args.child:
        db_path, conversation_id, mode = args.child
        print(json.dumps(child(Path(db_path), conversation_id, mode, args.page)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-open-") as folder:
        db_path = Path(folder) / "history.db"
        started = time.perf_counter()
        conversation_id = build(db_path, args.messages)
        size_mb = db_path.stat().st_size / 2**20
        print(
            f"stored {args.messages:,} messages ({size_mb:.1f} MB database) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        modes = ["newest"] if args.skip_full else ["newest", "full"]
        for mode in modes:
            result = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--page",
                    str(args.page),
                    "--child",
                    str(db_path),
                    conversation_id,
                    mode,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            label = f"newest {args.page}" if mode == "newest" else "everything"
            line = (
                f"{label:>12}: {figures['messages']:>6,.0f} messages, read "
                f"{figures['read_ms']:7.1f} ms, first paint {figures['first_paint_ms']:8.1f} ms "
                f"(target <= 500), RSS {figures['rss_mb']:6.1f} MB (target <= 200; "
                f"+{figures['rss_growth_mb']:.1f} MB for the transcript)"
            )
            print(line)
            if "older_page_ms" in figures:
                print(
                    f"{'':>12}  one older page (re-shows all loaded): "
                    f"{figures['older_page_ms']:.1f} ms"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
