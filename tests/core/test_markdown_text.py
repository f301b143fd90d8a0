"""Markdown made plain: text export, search snippets, and reply headings below role headings."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.core.export.markdown_format import render_markdown
from desktop_app.core.export.text_format import render_text
from desktop_app.core.markdown_text import (
    markdown_to_text,
    shift_headings,
    strip_markdown_markers,
)
from desktop_app.core.models import Role
from tests.fixtures.export_samples import message, sample_conversation, sample_document

REPLY = """# Plan

Some **bold**, *italic* and `code`, see [the docs](https://example.com/docs).

- first
- second
  1. nested

```python
# a comment, not a heading
print("hi")
```

Summary
-------
"""


def test_markdown_becomes_plain_text():
    text = markdown_to_text(REPLY)
    assert text.splitlines()[0] == "Plan"
    assert "Some bold, italic and code, see the docs (https://example.com/docs)." in text
    assert "- first\n- second\n  1. nested" in text
    assert '    # a comment, not a heading\n    print("hi")' in text
    assert "Summary" in text
    for marker in ("**", "```", "](", "# Plan", "---"):
        assert marker not in text


def test_autolinks_are_said_once():
    assert markdown_to_text("<https://a.example>") == "https://a.example"


def test_snippet_markers_are_stripped_but_not_words():
    snippet = (
        "## Install **the \x02tool\x03** with `pip` from [PyPI](https://pypi.org), "
        "snake_case 2 * 3, \x02read\x03_text"
    )
    assert strip_markdown_markers(snippet) == (
        "Install the \x02tool\x03 with pip from PyPI, snake_case 2 * 3, \x02read\x03_text"
    )


def test_headings_move_below_the_role_heading_outside_code():
    shifted = shift_headings(REPLY, 3)
    lines = shifted.splitlines()
    assert lines[0] == "#### Plan"
    assert "# a comment, not a heading" in lines  # inside the code block: untouched
    assert "##### Summary" in lines and "-------" not in lines


def test_headings_already_below_stay():
    assert shift_headings("#### Deep\n\ntext", 3) == "#### Deep\n\ntext"
    assert shift_headings("no headings", 2) == "no headings"


def test_text_export_writes_plain_text_and_keeps_typed_text():
    reply = message(2, Role.ASSISTANT, REPLY, minutes=1)
    typed = message(1, Role.USER, "my **own** words")
    conversation = replace(sample_conversation(), messages=(typed, reply))
    text = render_text(sample_document(conversation))
    assert "my **own** words" in text
    assert "Some bold, italic and code, see the docs (https://example.com/docs)." in text
    assert "```" not in text and "# Plan" not in text


def test_markdown_export_puts_reply_headings_below_the_role_heading():
    reply = message(2, Role.ASSISTANT, REPLY, minutes=1)
    conversation = replace(sample_conversation(), messages=(reply,))
    markdown = render_markdown(sample_document(conversation))
    lines = markdown.splitlines()
    assert any(line.startswith("## Helper") for line in lines)  # the role heading
    assert "### Plan" in lines and "#### Summary" in lines
    assert "# a comment, not a heading" in lines
    many = render_markdown(sample_document(conversation, replace(conversation, id="c-2")))
    assert "#### Plan" in many.splitlines()
