"""Markdown, HTML and plain-text exports: headers, every message, escaping, many conversations."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop_app.core.export import (
    ExportFormat,
    render,
    render_html,
    render_markdown,
    render_text,
    write_export,
)
from desktop_app.core.export.html_format import render_plain_body
from desktop_app.core.models import Role
from tests.fixtures.export_samples import (
    AGENT_ID,
    HOSTILE,
    message,
    sample_conversation,
    sample_document,
)

TEXT_FORMATS = [ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.TEXT, ExportFormat.JSON]


def two_conversations():
    other = replace(
        sample_conversation("c-2", "Refund policy"),
        profile=replace(sample_conversation().profile, display_name="Support desk"),
    )
    return sample_document(sample_conversation(), other)


@pytest.mark.parametrize("export_format", [ExportFormat.MARKDOWN, ExportFormat.TEXT])
def test_file_starts_with_agent_profile_and_dates(export_format: ExportFormat):
    text = render(sample_document(), export_format)
    head = text[:600]
    assert head.lstrip("# ").startswith("Opening hours")
    assert f"Helper ({AGENT_ID})" in head.replace("\\", "")
    assert "Work agent" in head
    assert "2026-01-02 03:04 UTC" in head.replace("\\", "")  # started
    assert "2026-01-03 03:04 UTC" in head.replace("\\", "")  # exported


def test_html_starts_with_agent_profile_and_dates():
    page = render_html(sample_document())
    body = page[page.index("<body>") :]
    facts = body[: body.index('<div class="conversation">')]
    for expected in (f"Helper ({AGENT_ID})", "Work agent", "2026-01-02 03:04 UTC", "2026-01-03"):
        assert expected in facts


@pytest.mark.parametrize("export_format", TEXT_FORMATS)
def test_every_message_is_in_every_format(export_format: ExportFormat):
    text = render(sample_document(), export_format)
    for expected in ("What are your opening hours?", "Anything else?", "Stopped half"):
        assert expected in text
    assert "The model failed" in text
    assert "The user wants hours." in text


def test_statuses_usage_and_error_are_told():
    text = render_text(sample_document())
    assert "Helper (12 input tokens, 34 output tokens):" in text
    assert "Helper (failed):" in text
    assert "Helper (stopped):" in text
    assert "Error: The model failed" in text


def test_text_keeps_every_character_of_the_code_as_plain_text():
    text = render_text(sample_document())
    assert HOSTILE in text
    assert "\n    print('<b>hi</b>')\n" in text
    assert "```" not in text


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_html_is_self_contained_and_escaped():
    hostile_title = replace(sample_conversation(), title=HOSTILE)
    page = render_html(sample_document(hostile_title))
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    parsed = parse(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags and "link" not in parsed.tags and "iframe" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert not any(name == "src" for name, _ in parsed.attrs)
    # No external resource, and no link to one: the only URLs are text.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    # The hostile text is shown as text, exactly.
    assert "".join(parsed.text).count(HOSTILE) == 3  # <title>, <h1>, the message


def test_html_highlights_code_with_inline_styles():
    page = render_html(sample_document())
    assert '<span style="color: #008000">print</span>' in page
    assert "&lt;b&gt;hi&lt;/b&gt;" in page
    assert "<style>" in page and "<link" not in page


def test_html_user_text_is_not_markdown():
    conversation = replace(
        sample_conversation(), messages=(message(1, Role.USER, "**not bold** <i>x</i>"),)
    )
    page = render_html(sample_document(conversation))
    assert "**not bold** &lt;i&gt;x&lt;/i&gt;" in page


def test_plain_body_fallback_escapes_and_highlights():
    html = render_plain_body("a <b>\n```python\nx = '<i>'\n```\nafter & done\n```\nopen")
    assert "a &lt;b&gt;" in html
    assert "&lt;i&gt;" in html and 'style="color' in html
    assert "after &amp; done" in html
    assert "open" in html and "<b>" not in html


def test_markdown_escapes_our_own_lines_and_closes_open_fences():
    conversation = replace(
        sample_conversation(),
        title="*bold* [link](x) <b>",
        messages=(
            message(1, Role.ASSISTANT, "```python\nnever closed"),
            message(2, Role.USER, "after the fence", minutes=1),
        ),
    )
    text = render_markdown(sample_document(conversation))
    assert text.startswith("# \\*bold\\* \\[link\\](x) \\<b\\>\n")
    fence_lines = [line for line in text.splitlines() if line.startswith("```")]
    assert len(fence_lines) == 2  # the open fence was closed before the next message
    assert text.index("```\n\n## You") < text.index("after the fence")


@pytest.mark.parametrize("export_format", [ExportFormat.MARKDOWN, ExportFormat.TEXT])
def test_many_conversations_go_in_one_file_with_a_section_each(export_format: ExportFormat):
    text = render(two_conversations(), export_format).replace("\\", "")
    head = text[:400]
    assert "AgentsGT Desktop: 2 conversations" in head
    assert "Work agent, Support desk" in head
    assert "Conversations" in head
    assert text.index("1. Opening hours") < text.index("2. Refund policy")
    assert text.count("What are your opening hours?") == 2


def test_many_conversations_in_html():
    page = render_html(two_conversations())
    assert page.count('<div class="conversation">') == 2
    assert "<h2>1. Opening hours</h2>" in page and "<h2>2. Refund policy</h2>" in page


def test_write_export_writes_utf8(tmp_path: Path):
    conversation = replace(
        sample_conversation(), messages=(message(1, Role.USER, "営業時間は？ 🕘 ¿Horario?"),)
    )
    for export_format in TEXT_FORMATS:
        path = write_export(
            sample_document(conversation), export_format, tmp_path / f"out{export_format.suffix}"
        )
        assert "営業時間は？ 🕘 ¿Horario?" in path.read_bytes().decode("utf-8")


def test_pdf_is_not_a_text_format():
    with pytest.raises(ValueError, match=r"gui\.export_pdf"):
        render(sample_document(), ExportFormat.PDF)
