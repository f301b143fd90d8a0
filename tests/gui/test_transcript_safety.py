"""Untrusted replies in the transcript: nothing loads, nothing unsafe is clickable."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QUrl

from desktop_app.core.models import MessageStatus
from desktop_app.gui.transcript import TranscriptView
from tests.gui.test_transcript_support import anchors, click, reply

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class _CountingHandler(BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _image_formats(view: TranscriptView) -> int:
    count = 0
    block = view.document().begin()
    while block.isValid():
        count += sum(1 for item in block if item.fragment().charFormat().isImageFormat())
        block = block.next()
    return count


def test_remote_images_are_never_loaded(qtbot, view, image_server) -> None:
    url = f"http://127.0.0.1:{image_server.server_port}"
    hostile = (
        f'![chart]({url}/md.png)\n\n<img src="{url}/raw.png" onerror=alert(1)>\n\n'
        f'<style>@import "{url}/x.css";</style>\n\n<iframe src="{url}/frame"></iframe>\n'
    )
    view.set_messages([reply("a1", hostile)])
    live = view.start_reply("a2")
    live.append_text(f"Streaming ![live]({url}/live.png) now")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    live.finish(MessageStatus.COMPLETE)
    view.repaint()
    view.browser.viewport().grab()  # paint everything: a lazy image would be fetched here
    qtbot.wait(50)
    assert image_server.requests == []  # type: ignore[attr-defined]
    assert view.browser.resource_requests == []
    assert _image_formats(view) == 0
    text = view.document().toPlainText()
    assert "<img src=" in text and "<iframe" in text and "<style>" in text  # shown as text
    assert "[image: chart]" in text and "[image: live]" in text


def test_the_browser_refuses_any_resource(view) -> None:
    assert view.browser.loadResource(2, QUrl("http://127.0.0.1:9/x.png")) is None
    assert view.browser.loadResource(2, QUrl("file:///etc/passwd")) is None


def test_only_http_https_mailto_links_are_in_the_document(view) -> None:
    view.set_messages(
        [
            reply(
                "a1",
                "[js](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,x) "
                "[ok](https://ok.example) [mail](mailto:a@b.example) <javascript:alert(2)>",
            )
        ]
    )
    external = [href for href in anchors(view) if not href.startswith("agentsgt:")]
    assert external == ["https://ok.example", "mailto:a@b.example"]
    assert "[js](javascript:alert(1))" in view.document().toPlainText()


def test_clicks_reach_the_window_only_for_safe_links(qtbot, view) -> None:
    seen: list[QUrl] = []
    view.link_activated.connect(seen.append)
    for href in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "ftp://x.example/",
        "agentsgt:open/zzz",
        "https://ok.example/a b",
        "mailto:a@b.example",
    ):
        click(view, href)
    assert [url.toString() for url in seen] == ["https://ok.example/a b", "mailto:a@b.example"]
