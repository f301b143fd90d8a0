"""Benchmark (run by hand): open a 10,000-message (~5 MB) conversation in the real TranscriptView.

    QT_QPA_PLATFORM=offscreen python tests/perf/bench_open_conversation.py [--messages 10000]
        [--page 50] [--full]

Each measurement runs in a fresh child process so its RSS is its own:
- "newest page": the way the window opens a conversation: ConversationLoader.newest() (the
  last --page messages) into set_messages, first paint; then the reader reaches the top and
  one older page is added with prepend_messages; then a search hit near the start is opened
  as the window does (a page around it: it is far back; scroll_to_message with the text);
- "scaling": set_messages of 50, 100 and 1,000 messages (bodies not rendered before) and the
  cost per message; then prepend_messages of 50 older messages with 1,000 shown;
- "window": the REAL MainWindow (app.build_services over the database, the window shown):
  ChatController.open_conversation of the 10,000 messages (the session gets all of them, the
  transcript the newest page) to the first paint of the window; then a search hit far back
  (a page around it) through ChatController.show_message;
- "everything" (--full): every message into set_messages, for comparison.
Targets: first paint <= 500 ms, RSS <= 200 MB; set_messages of 50 well under 300 ms; the
cost per message at 1,000 within 1.5x of that at 100. Search over 100,000 messages is
measured by tests/perf/bench_storage.py.
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


def _views(stored: list) -> list:
    from desktop_app.gui.transcript import MessageView

    return [
        MessageView(str(m.id), m.role, m.text, m.status, m.error_text, m.reasoning) for m in stored
    ]


def _open_view():
    """A shown TranscriptView, warmed up (imports, fonts, lexers) as in a running app."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.models import MessageStatus, Role
    from desktop_app.gui.transcript import MessageView, TranscriptView

    app = QApplication.instance() or QApplication([])
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    warm = "Warm **up**\n\n```python\nx = 1\n```\n\n| a |\n|---|\n| 1 |"
    view.set_messages([MessageView("warm", Role.ASSISTANT, warm, MessageStatus.COMPLETE)])
    app.processEvents()  # a benchmark may spin the loop; the app never does
    return app, view


def _timed(action) -> float:
    """Milliseconds to run `action` and paint the result synchronously."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def child_newest(db_path: Path, conversation_id: str, page: int) -> dict[str, float]:
    """Open the conversation as the window does: newest page, then older pages on demand."""
    import psutil

    from desktop_app.core.conversation_loader import ConversationLoader
    from desktop_app.core.storage import Database

    app, view = _open_view()
    process = psutil.Process()
    rss_before = process.memory_info().rss
    figures: dict[str, float] = {}
    with Database.open(db_path) as db:
        start = time.perf_counter()
        loader = ConversationLoader(db, conversation_id, first_page=page, older_page=page)
        stored = loader.newest()
        read_done = time.perf_counter()
        view.set_messages(_views(stored))
        view.browser.viewport().repaint()  # the first paint, synchronously
        painted = time.perf_counter()
        figures.update(
            messages=len(stored),
            read_ms=(read_done - start) * 1000,
            first_paint_ms=(painted - start) * 1000,
            rss_mb=process.memory_info().rss / 2**20,
            rss_growth_mb=(process.memory_info().rss - rss_before) / 2**20,
        )
        app.processEvents()
        bar = view.browser.verticalScrollBar()
        bar.setValue(0)  # the reader reaches the top: the window prepends the older page

        def older() -> None:
            view.prepend_messages(_views(loader.older()))
            view.browser.viewport().repaint()

        figures["older_page_ms"] = _timed(older)
        figures["older_page_kept_place"] = float(bar.value() > 0)
        app.processEvents()
        hit = db.messages(conversation_id, limit=None)[3]  # a search hit near the start

        def open_hit() -> None:
            # As the window does: a near hit is reached by prepending, a far one gets a page
            # around it (ConversationPages.bring_into_view).
            if loader.is_near(hit.position):
                view.prepend_messages(_views(loader.older_through(hit.position)))
            else:
                view.set_messages(_views(loader.around(hit.position)))
            view.scroll_to_message(str(hit.id), highlight_text=hit.text.split()[0])
            view.browser.viewport().repaint()

        figures["search_hit_ms"] = _timed(open_hit)
        figures["search_hit_shown"] = float(view.message_count())
        figures["rss_after_hit_mb"] = process.memory_info().rss / 2**20
    return figures


def child_scaling(db_path: Path, conversation_id: str, page: int) -> dict[str, float]:
    """set_messages at 50, 100 and 1,000 messages (distinct ones: nothing cached), prepend."""
    from desktop_app.core.storage import Database

    app, view = _open_view()
    with Database.open(db_path) as db:
        stored = db.messages(conversation_id)
    shown = _views(stored)
    figures: dict[str, float] = {}
    offset = 0
    for count in (50, 100, 1000):
        batch = shown[offset : offset + count]
        offset += count

        def show(batch=batch) -> None:
            view.set_messages(batch)
            view.browser.viewport().repaint()

        figures[f"set_{count}_ms"] = _timed(show)
        app.processEvents()
    older = shown[offset : offset + page]
    view.browser.verticalScrollBar().setValue(view.browser.verticalScrollBar().maximum() // 2)

    def prepend() -> None:
        view.prepend_messages(older)
        view.browser.viewport().repaint()

    figures["prepend_ms"] = _timed(prepend)
    figures["prepend_count"] = len(older)
    return figures


def child_window(db_path: Path, conversation_id: str, page: int) -> dict[str, float]:
    """Open the conversation in the real window through its controller; first paint, RSS."""
    import asyncio

    import psutil
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services
    from desktop_app.core.paths import HOME_ENV, app_paths
    from desktop_app.gui.main_window import MainWindow

    home = tempfile.mkdtemp(prefix="bench-open-home-")
    os.environ[HOME_ENV] = home
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(app_paths().ensure(), db_path)
    window = MainWindow(services)  # opens the profile's newest conversation already
    window.chat.pages.first_page = window.chat.pages.older_page = page
    window.resize(1100, 720)
    window.show()
    window.chat.new_chat()
    app.processEvents()  # a benchmark may spin the loop; the app never does
    process = psutil.Process()
    rss_before = process.memory_info().rss
    start = time.perf_counter()
    window.chat.open_conversation(conversation_id)
    window.repaint()  # the first paint of the window with the conversation, synchronously
    painted = time.perf_counter()
    figures = {
        "messages": float(window.transcript.message_count()),
        "session": float(len(window.chat.session.messages)),
        "first_paint_ms": (painted - start) * 1000,
        "rss_mb": process.memory_info().rss / 2**20,
        "rss_growth_mb": (process.memory_info().rss - rss_before) / 2**20,
    }
    app.processEvents()
    hit = services.database.messages(conversation_id, limit=1, from_position=100)[0]

    def open_far_hit() -> None:
        shown = window.chat.show_message(str(hit.id), highlight_text=hit.text.split()[0])
        figures["far_hit_shown"] = float(shown)
        window.repaint()

    figures["far_hit_ms"] = _timed(open_far_hit)
    services.writer.close()
    services.database.close()
    return figures


def child_full(db_path: Path, conversation_id: str, page: int) -> dict[str, float]:
    """Every message into set_messages (what the window did before paging), for comparison."""
    import psutil

    from desktop_app.core.storage import Database

    del page
    app, view = _open_view()
    process = psutil.Process()
    with Database.open(db_path) as db:
        start = time.perf_counter()
        shown = _views(db.messages(conversation_id))
        view.set_messages(shown)
        view.browser.viewport().repaint()
        figures = {
            "messages": len(shown),
            "first_paint_ms": (time.perf_counter() - start) * 1000,
            "rss_mb": process.memory_info().rss / 2**20,
        }
    del app
    return figures


CHILDREN = {
    "newest": child_newest,
    "scaling": child_scaling,
    "window": child_window,
    "full": child_full,
}


def _run_child(db_path: Path, conversation_id: str, mode: str, page: int) -> dict[str, float]:
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--page",
            str(page),
            "--child",
            str(db_path),
            conversation_id,
            mode,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Build the conversation once, then open it each way in a child process; print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=50)
    parser.add_argument("--full", action="store_true", help="also show all messages at once")
    parser.add_argument("--child", nargs=3, metavar=("DB", "CONVERSATION", "MODE"))
    args = parser.parse_args(argv)
    if args.child:
        db_path, conversation_id, mode = args.child
        print(json.dumps(CHILDREN[mode](Path(db_path), conversation_id, args.page)))
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
        scaling = _run_child(db_path, conversation_id, "scaling", args.page)
        print("set_messages (bodies rendered too; the first paint included):")
        per_message = {}
        for count in (50, 100, 1000):
            total = scaling[f"set_{count}_ms"]
            per_message[count] = total / count
            print(f"  {count:>5} messages: {total:8.1f} ms, {total / count:5.2f} ms per message")
        ratio = per_message[1000] / per_message[100]
        print(f"  per message at 1,000 / at 100: {ratio:.2f} (target <= 1.5)")
        print(
            f"prepend_messages of {scaling['prepend_count']:.0f} older messages with 1,000 "
            f"shown: {scaling['prepend_ms']:.1f} ms"
        )
        figures = _run_child(db_path, conversation_id, "newest", args.page)
        print(
            f"open newest {args.page} of {args.messages:,}: read {figures['read_ms']:.1f} ms, "
            f"first paint {figures['first_paint_ms']:.1f} ms (target <= 500), "
            f"RSS {figures['rss_mb']:.1f} MB (target <= 200; "
            f"+{figures['rss_growth_mb']:.1f} MB for the transcript)"
        )
        kept = "kept" if figures["older_page_kept_place"] else "NOT kept"
        print(
            f"  one older page (prepend_messages): {figures['older_page_ms']:.1f} ms, "
            f"reader's place {kept}"
        )
        print(
            f"  a search hit near the start (a page around it + scroll_to_message): "
            f"{figures['search_hit_ms']:.1f} ms, {figures['search_hit_shown']:,.0f} messages "
            f"shown, RSS {figures['rss_after_hit_mb']:.1f} MB"
        )
        window = _run_child(db_path, conversation_id, "window", args.page)
        print(
            f"the real window (ChatController.open_conversation): first paint "
            f"{window['first_paint_ms']:.1f} ms (target <= 500) with {window['messages']:.0f} "
            f"shown of {window['session']:,.0f} in the session; RSS {window['rss_mb']:.1f} MB "
            f"(+{window['rss_growth_mb']:.1f} MB); a far search hit (page around it): "
            f"{window['far_hit_ms']:.1f} ms, shown: {bool(window['far_hit_shown'])}"
        )
        if args.full:
            full = _run_child(db_path, conversation_id, "full", args.page)
            print(
                f"everything at once: {full['messages']:,.0f} messages, first paint "
                f"{full['first_paint_ms']:.1f} ms, RSS {full['rss_mb']:.1f} MB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
