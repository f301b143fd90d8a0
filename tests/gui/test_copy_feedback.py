"""Copying says so: code, message and conversation emit `copied`, rich + Markdown, and a toast."""

# ruff: noqa: F811  (the shown-transcript fixture is imported by name)

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_app.gui.toast import Toast
from tests.gui.test_transcript_support import SAMPLE_REPLY, anchors, click, reply, user
from tests.gui.test_transcript_view import view  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_copy_conversation_puts_html_and_markdown_and_says_so(qtbot, view) -> None:
    view.set_messages([user("u1", "question"), reply("a1", "# Title\n\nSome **bold** text")])
    with qtbot.waitSignal(view.copied) as copied:
        view.copy_conversation()
    assert copied.args == ["conversation"]
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert mime.text().startswith("### You\n\nquestion\n\n### Agent\n\n#### Title")
    assert "<strong>bold</strong>" in mime.html()


def test_copy_conversation_of_nothing_copies_nothing(qtbot, view) -> None:
    with qtbot.assertNotEmitted(view.copied):
        view.copy_conversation()


def test_copying_a_code_block_says_so_with_text_and_html(qtbot, view) -> None:
    view.set_messages([reply("a1", SAMPLE_REPLY)])
    link = next(href for href in anchors(view) if "copy-code" in href)
    with qtbot.waitSignal(view.copied) as copied:
        click(view, link)
    assert copied.args == ["code"]
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("def add(a, b):")
    assert "<pre>def add(a, b):" in mime.html()


def test_toast_shows_at_the_bottom_centre_and_hides_by_itself(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(600, 400)
    parent.show()
    toast = Toast(parent, duration_ms=20)
    toast.show_message("Copied")
    assert toast.isVisible() and toast.text() == "Copied"
    centre = toast.geometry().center()
    assert abs(centre.x() - 300) <= 1
    assert toast.geometry().bottom() < 400 and toast.geometry().top() > 200
    parent.resize(800, 500)
    assert abs(toast.geometry().center().x() - 400) <= 1
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=3000)
