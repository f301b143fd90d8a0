"""The update check in the real window: opt-in, daily, a non-modal notice with a link."""

from __future__ import annotations

import asyncio
import json

from PySide6.QtCore import QUrl

from desktop_app.core.settings import Settings
from desktop_app.core.update_check import Update
from desktop_app.gui.settings_dialog import SettingsDialog
from desktop_app.gui.update_notice import UpdateNotice, watch_for_updates
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

PAGE = "https://agentsgt.com/desktop/releases/v99.0.0"
FEED = json.dumps(
    {"releases": [{"version": "99.0.0", "url": PAGE}, {"version": "100.0.0rc1", "url": PAGE}]}
).encode()


async def serve_feed(requests: list[bytes]) -> tuple[asyncio.Server, str]:
    """A loopback HTTP server answering every request with FEED."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        requests.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(FEED)}\r\n\r\n".encode()
            + FEED
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/releases.json"


def test_opted_in_window_shows_a_non_modal_notice_once_a_day(make_window, qloop) -> None:
    opened: list[QUrl] = []
    window = make_window(opener=opened.append)
    window.services.settings = window.services.settings.replace(check_for_updates=True)
    requests: list[bytes] = []
    server, url = qloop.run_until_complete(serve_feed(requests))
    try:
        watcher = watch_for_updates(
            window, window.services, window.tasks, window.link_opener, window.save_settings, url=url
        )
        run_until(qloop, lambda: watcher.notice is not None, message="the update notice")
        notice = watcher.notice
        assert notice.isVisible() and not notice.isModal()
        assert "99.0.0 is available" in notice.label.text()
        assert "rc1" not in notice.label.text()
        assert window.isEnabled()
        run_until(qloop, lambda: not window.tasks.tasks, message="the settings save")
        window.tasks.flush_io()
        saved = json.loads(window.services.paths.settings_path.read_text())
        assert saved["check_for_updates"] is True and saved["last_update_check"] > 0
        # The hourly re-check finds the day not over: no second request.
        watcher.check_if_due()
        run_until(qloop, lambda: not window.tasks.tasks, message="no second check")
        assert len(requests) == 1
        notice.open_button.click()
        assert opened == [QUrl(PAGE)]
        assert not notice.isVisible()
    finally:
        server.close()
        qloop.run_until_complete(server.wait_closed())


def test_window_without_opt_in_never_reads_the_feed(make_window, qloop) -> None:
    window = make_window()
    assert window.services.settings.check_for_updates is False
    requests: list[bytes] = []
    server, url = qloop.run_until_complete(serve_feed(requests))
    try:
        watcher = watch_for_updates(
            window, window.services, window.tasks, window.link_opener, window.save_settings, url=url
        )
        run_until(qloop, lambda: not window.tasks.tasks, message="the window settles")
        assert requests == [] and watcher.notice is None
        assert window.update_watcher is not None  # start() set up the window's own watcher
    finally:
        server.close()
        qloop.run_until_complete(server.wait_closed())


def test_notice_closes_without_opening_anything(qtbot) -> None:
    opened: list[QUrl] = []
    notice = UpdateNotice(Update("2.0.0", PAGE), "1.0.0", opened.append)
    qtbot.addWidget(notice)
    notice.show()
    assert "2.0.0 is available (you have 1.0.0)" in notice.label.text()
    assert notice.open_button.toolTip() == PAGE
    notice.close_button.click()
    assert opened == [] and not notice.isVisible()


def test_settings_dialog_turns_the_check_on(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.check_for_updates.isChecked()
    dialog.check_for_updates.setChecked(True)
    assert dialog.edited_settings().check_for_updates is True
    assert dialog.check_for_updates.accessibleName() == "Check for updates"
