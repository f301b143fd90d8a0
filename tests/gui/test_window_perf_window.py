"""The real window stays instant: what loads before the first paint, and a flat-out reply.

Counted, never timed: which modules are imported by the time the window is shown, what the
warm-up after it loads, and how often a long reply streamed flat out is rendered.
"""

from __future__ import annotations

import gc
import linecache
import os
import subprocess
import sys
import textwrap
import warnings
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.app import parse_args, parse_args_fully
from desktop_app.core.markdown_render import split_blocks
from desktop_app.core.models import MessageStatus
from desktop_app.gui.first_paint import skip_pyside_source_scan
from desktop_app.gui.transcript import TranscriptView
from desktop_app.gui.transcript.live import CHUNK_CHARS
from desktop_app.gui.window_tasks import WindowTasks
from tests.fixtures.qt import run_until
from tests.gui.test_transcript_support import lines, reply
from tests.gui.window_helpers import OFFSCREEN_NOISE, add_emulator_profile, last_reply, send

pytestmark = OFFSCREEN_NOISE

ROOT = Path(__file__).resolve().parents[2]

#: Loaded after the first paint only (by the warm-up, or at the first reply).
HEAVY = ("markdown_it", "pygments", "httpx", "httpcore", "keyring")
#: Loaded after the first paint too: the asyncio loop (app.py makes it once the window has
#: painted), the version lookup, the rotating log file's module, the crash dialog, the pool
#: that saves settings.
DEFERRED = (
    "asyncio",
    "qasync",
    "importlib.metadata",
    "logging.handlers",
    "desktop_app.gui.crash_dialog",
    "concurrent.futures",
)

# The app as it starts for real (app.main), with a hook that reads sys.modules at the window's
# first paint and after the warm-up.
_PROBE = textwrap.dedent(
    """
    import enum, gc, sys
    from PySide6.QtCore import QEvent, QObject
    from desktop_app import app as app_module
    from desktop_app.gui.main_window import MainWindow

    WATCHED = {watched!r}

    def loaded():
        return ",".join(name for name in WATCHED if name in sys.modules or any(
            module.startswith(name + ".") for module in sys.modules))

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print("at first paint:", loaded(), flush=True)
                # A QStyle seen from Python sets up its enums first (~6 ms): not before this.
                print("QStyle set up:", any(
                    isinstance(item, enum.EnumType) and item.__qualname__.startswith("QStyle.")
                    for item in gc.get_objects()), flush=True)
            return False

    show = MainWindow.show
    def show_watched(self):
        self._probe = FirstPaint()
        self.installEventFilter(self._probe)
        print("tasks wait for the loop:", not self.tasks.loop_ready, flush=True)
        show(self)
    MainWindow.show = show_watched

    async def after_paint(window):
        import asyncio
        print("loop running:", asyncio.get_running_loop() is not None, flush=True)
        while window.warm_up is None:
            await asyncio.sleep(0.01)
        await window.warm_up
        await window.tasks.wait()
        print("after warm-up:", loaded(), flush=True)
        print("settings applied:", window.services.settings.last_profile_id is None, flush=True)
        return 0

    app_module.self_test_hook = after_paint
    sys.exit(app_module.main(["--self-test", "--home", sys.argv[1]]))
    """
)


def test_the_first_paint_loads_no_asyncio_markdown_highlighting_or_http(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AGENTSGT_DESKTOP_HOME", None)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(watched=HEAVY + DEFERRED), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines_out = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    # The window is built and shown before the asyncio loop exists; its work waits for it.
    assert lines_out["tasks wait for the loop"].strip() == "True"
    assert lines_out["at first paint"].strip() == ""
    assert lines_out["QStyle set up"].strip() == "False"
    assert lines_out["loop running"].strip() == "True"
    # The warm-up loads what the first send and the first reply need (not the keyring: the
    # key status refresh does that, in its own thread).
    warmed = set(lines_out["after warm-up"].strip().split(","))
    assert {"markdown_it", "pygments", "httpx", "asyncio", "qasync"} <= warmed


def test_window_tasks_made_before_the_loop_start_their_work_in_order_once_it_exists(qloop):
    tasks = WindowTasks(loop_ready=False)
    done: list[int] = []

    async def job(number: int) -> None:
        done.append(number)

    assert tasks.run(job(1)) is None
    assert tasks.run(job(2)) is None
    assert not tasks.loop_ready and not tasks.tasks and done == []
    tasks.loop_started()
    assert tasks.loop_ready and len(tasks.tasks) == 2
    qloop.run_until_complete(tasks.wait())
    assert done == [1, 2]
    assert tasks.run(job(3)) is not None  # at once from now on
    qloop.run_until_complete(tasks.wait())
    assert done == [1, 2, 3]


def test_work_still_waiting_for_the_loop_is_dropped_by_cancel_all(qloop) -> None:
    tasks = WindowTasks(loop_ready=False)
    done: list[int] = []

    async def job() -> None:
        done.append(1)

    tasks.run(job())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a dropped coroutine is closed: no "never awaited"
        tasks.cancel_all()
        gc.collect()
    tasks.loop_started()
    qloop.run_until_complete(tasks.wait())
    assert done == [] and not tasks.tasks


def test_pyside_is_spared_reading_our_and_the_standard_librarys_sources(tmp_path) -> None:
    import json
    import types

    import desktop_app.gui.theme as ours

    skip_pyside_source_scan()
    feature = sys.modules["shibokensupport.feature"]
    check = feature._mod_uses_pyside
    skip_pyside_source_scan()  # once is enough: not wrapped twice
    assert feature._mod_uses_pyside is check
    # Ours: the default feature set without reading the file (this one has no file at all).
    assert check(types.ModuleType("desktop_app.gui.not_a_file")) is True
    assert check(ours) is True
    assert check(json) is False
    # Anything else is still searched, as PySide does it, but not kept in linecache.
    third_party = types.ModuleType("somewhere_else")
    third_party.__file__ = __file__  # this test's source mentions PySide6
    linecache.clearcache()
    assert check(third_party) is True
    plain = types.ModuleType("no_qt_here")
    plain.__file__ = str(tmp_path / "no_qt_here.py")
    Path(plain.__file__).write_text("VALUE = 1\n", encoding="utf-8")
    assert check(plain) is False
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert check(gone) is False  # no source to read: what PySide answers too
    assert linecache.cache == {}, "sources were kept in memory"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--self-test", "--home", "/tmp/x y"],
        ["--home=/tmp/h", "--measure-startup", "-platform", "offscreen"],
        ["-style", "fusion", "--demo", "extra"],
        ["--dem"],  # an abbreviation: argparse's
        ["--home", "-x"],  # argparse says what is wrong
        ["--", "--demo"],
    ],
)
def test_window_arguments_read_without_argparse_as_argparse_reads_them(argv) -> None:
    try:
        expected = parse_args_fully(argv)
    except SystemExit:
        with pytest.raises(SystemExit):
            parse_args(argv)
        return
    assert parse_args(argv) == expected


def test_a_long_reply_flat_out_renders_each_block_once(qtbot, make_window, qloop, emulator):
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Write a lot #tps:0 #tokens:3000")
    reply_id = window.chat.session.messages[-1].id
    live = window.transcript._entries[reply_id].live
    run_until(
        qloop, lambda: not window.chat.streaming and live.settled, timeout=30, message="the reply"
    )
    text = last_reply(window).text
    assert last_reply(window).status is MessageStatus.COMPLETE
    assert len(text) > 10_000
    # Each completed block converted to HTML once; the body never rendered whole.
    assert live.block_render_counts == Counter(split_blocks(text))
    assert window.transcript.writer.body_write_counts[reply_id] == 0
    assert live.chunk_count >= len(text) // CHUNK_CHARS  # written in chunks, not one piece
    reference = TranscriptView()
    qtbot.addWidget(reference)
    reference.set_messages([reply(reply_id, text)])
    shown = lines(window.transcript.message_plain_text(reply_id))
    assert shown == lines(reference.message_plain_text(reply_id))
    assert window.status_label.text() == "Reply finished."


def test_the_first_send_makes_the_http_client_off_the_gui_thread(make_window, qloop, emulator):
    window = make_window()
    add_emulator_profile(window, emulator)
    assert window.services.http is None
    send(window, "Hello #tokens:5")
    run_until(qloop, lambda: not window.chat.streaming, message="the reply")
    first = window.services.http
    assert first is not None
    send(window, "Again #tokens:5")
    run_until(qloop, lambda: not window.chat.streaming, message="the second reply")
    assert window.services.http is first, "one shared client"
