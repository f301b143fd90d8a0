"""Markdown to safe HTML: hostile content is inert, links are filtered, code blocks are kept."""

from __future__ import annotations

import re

import pytest

from desktop_app.core.markdown_render import (
    CodeBlock,
    MarkdownRenderer,
    is_safe_link,
    render_markdown_html,
)


def render(source: str) -> str:
    return MarkdownRenderer().render(source).html


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


@pytest.mark.parametrize(
    "hostile",
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<style>body{display:none}</style>",
        '<iframe src="https://evil.example"></iframe>',
        'text <img src="http://127.0.0.1:1/x.png"> inline',
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_raw_html_is_shown_as_text(hostile: str) -> None:
    html = render(hostile)
    for tag in ("<img", "<script", "<style", "<iframe", "<a "):
        assert tag not in html
    assert "&lt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/x",
        "/relative/path",
        "#anchor",
        "agentsgt:retry/1",
    ],
)
def test_unsafe_links_are_not_links(url: str) -> None:
    html = render(f"[click me]({url}) and <{url}>")
    assert hrefs(html) == []
    assert "click me" in html


@pytest.mark.parametrize(
    "url", ["https://example.com/a?b=1&c=2", "http://example.com", "mailto:someone@example.com"]
)
def test_safe_links_stay_links(url: str) -> None:
    html = render(f"[site]({url})")
    assert len(hrefs(html)) == 1
    assert hrefs(html)[0].replace("&amp;", "&") == url


def test_autolinks_to_safe_urls_are_links() -> None:
    assert hrefs(render("see <https://example.com/x>")) == ["https://example.com/x"]


def test_images_are_never_embedded() -> None:
    html = render("![a chart](http://127.0.0.1:9/chart.png) ![x](data:image/png;base64,AAAA)")
    assert "<img" not in html
    assert hrefs(html) == ["http://127.0.0.1:9/chart.png"]
    assert "[image: a chart]" in html
    assert "[image: x]" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.example", True),
        ("  https://a.example  ", True),
        ("HTTPS://A.EXAMPLE/x", True),
        ("mailto:a@b.example", True),
        ("mailto:", False),
        ("https:/nohost", False),
        ("https://a.example/\x00x", False),
        ("java\tscript:alert(1)", False),
        ("", False),
        ("file:///c:/x", False),
    ],
)
def test_is_safe_link(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe


def test_code_blocks_are_recorded_highlighted_and_linked() -> None:
    calls: list[tuple[str, str]] = []

    def highlight(code: str, language: str) -> str:
        calls.append((code, language))
        return f"<span>{code.replace('<', '&lt;')}</span>"

    source = "```python\nprint('<b>')\n\nx = 1\n```\n\n    indented code\n"
    rendered = MarkdownRenderer(highlight).render(
        source, first_code_index=3, copy_href=lambda index: f"agentsgt:copy-code/m/{index}"
    )
    assert rendered.code_blocks == (
        CodeBlock("python", "print('<b>')\n\nx = 1"),
        CodeBlock("", "indented code"),
    )
    assert calls[0] == ("print('<b>')\n\nx = 1", "python")
    assert hrefs(rendered.html) == ["agentsgt:copy-code/m/3", "agentsgt:copy-code/m/4"]
    assert "<b>" not in rendered.html
    assert '<pre style="white-space: pre-wrap">' in rendered.html


def test_the_code_bar_says_the_words_it_is_given() -> None:
    """The window passes them translated: "código · Copiar" in Spanish."""
    rendered = MarkdownRenderer().render(
        "```\nx = 1\n```\n",
        copy_href=lambda index: f"agentsgt:copy-code/m/{index}",
        copy_label="Copiar <ya>",
        code_label="código",
    )
    assert ">código</span>" in rendered.html
    assert ">Copiar &lt;ya&gt;</a>" in rendered.html
    assert "Copy" not in rendered.html


def test_code_without_highlighter_is_escaped() -> None:
    rendered = MarkdownRenderer().render("```\n<script>alert(1)</script>\n```\n")
    assert "<script>" not in rendered.html
    assert "&lt;script&gt;" in rendered.html
    assert hrefs(rendered.html) == []  # no copy link unless asked for


def test_tables_strikethrough_and_the_rest_use_qt_friendly_html() -> None:
    html = render(
        "# Title\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~gone~~ *em* **strong** `code`\n\n"
        "> quote\n\n---\n\n1. one\n2. two\n"
    )
    assert '<table class="md" border="1"' in html
    assert '<th align="left">a</th>' in html
    assert '<td align="right">2</td>' in html
    assert "style=" not in html.split("<table", 1)[1].split("</table>", 1)[0]
    for fragment in ("<h1>", "<s>gone</s>", "<em>", "<strong>", "<code>", "<blockquote>", "<hr>"):
        assert fragment in html
    assert "<ol>" in html


def test_render_markdown_html_for_exports() -> None:
    html = render_markdown_html("**hi** <script>x</script>", lambda code, language: code)
    assert "<strong>hi</strong>" in html
    assert "<script>" not in html
