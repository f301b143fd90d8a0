"""Markdown made plain: whole texts to readable text, snippets stripped, headings shifted down."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_CODE_INDENT = "    "
_parser: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    """The shared parser (markdown-it imported on first use, as for rendering)."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return _parser


def _inline_text(children: Sequence[Token]) -> str:
    """An inline run as text: markers dropped, links as "text (url)", images as their alt."""
    out: list[str] = []
    href_stack: list[str] = []
    link_start: list[int] = []
    for token in children:
        kind = token.type
        if kind in ("text", "code_inline"):
            out.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            out.append(token.content or str(token.attrGet("alt") or ""))
        elif kind == "link_open":
            href_stack.append(str(token.attrGet("href") or ""))
            link_start.append(len(out))
        elif kind == "link_close" and href_stack:
            href = href_stack.pop()
            text = "".join(out[link_start.pop() :])
            # An autolink's text is its address already: say it once.
            if href and href != text and "mailto:" + text != href:
                out.append(f" ({href})")
    return "".join(out)


def markdown_to_text(source: str) -> str:
    """Markdown as plain text: headings as lines, "- " lists, indented code, "text (url)"."""
    tokens = _markdown().parse(source)
    blocks: list[tuple[str, bool]] = []  # (text, inside a list: kept tight with its neighbours)
    lists: list[list[int]] = []  # per open list: [next number, or -1 for bullets]
    quote = 0
    item_prefix: str | None = None
    row: list[str] = []
    for token in tokens:
        kind = token.type
        indent = "  " * max(0, len(lists) - 1) + "> " * quote
        if kind == "bullet_list_open":
            lists.append([-1])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            number = lists[-1][0]
            item_prefix = "- " if number < 0 else f"{number}. "
            if number >= 0:
                lists[-1][0] += 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("fence", "code_block"):
            code = token.content.removesuffix("\n")
            code_lines = (indent + _CODE_INDENT + line for line in code.split("\n"))
            blocks.append(("\n".join(code_lines), False))
        elif kind == "hr":
            blocks.append((indent + "-" * 3, False))
        elif kind in ("th_open", "td_open"):
            row.append("")
        elif kind == "tr_close":
            blocks.append((indent + " | ".join(cell.strip() for cell in row), True))
            row = []
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if row:
                row[-1] += text
                continue
            prefix = item_prefix or ""
            item_prefix = None
            lines = text.split("\n")
            pad = " " * len(prefix)
            body = [indent + prefix + lines[0], *(indent + pad + line for line in lines[1:])]
            blocks.append(("\n".join(body), bool(lists)))
    out: list[str] = []
    for index, (text, tight) in enumerate(blocks):
        if index:
            out.append("\n" if tight and blocks[index - 1][1] else "\n\n")
        out.append(text)
    return "".join(out)


# Markers a snippet may carry (a window of raw Markdown, often cut mid-construct).
_SNIPPET_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)"), ""),
    (re.compile(r"`{3,}[\w+-]*|~{3,}[\w+-]*"), ""),  # code fences and their language
    (re.compile(r"(\*\*|__|~~|`)"), ""),
    # *emphasis* and _emphasis_, not 2 * 3 or snake_case (a highlight mark is part of a word)
    (re.compile(r"(?<![\w*\x02\x03])\*(?=\S)|(?<=\S)\*(?![\w*\x02\x03])"), ""),
    (re.compile(r"(?<![\w_\x02\x03])_(?=\S)|(?<=\S)_(?![\w_\x02\x03])"), ""),
)


def strip_markdown_markers(text: str) -> str:
    """A piece of Markdown with its syntax markers removed (for one-line snippets)."""
    for pattern, replacement in _SNIPPET_RULES:
        text = pattern.sub(replacement, text)
    return text


def shift_headings(source: str, deepest_taken: int) -> str:
    """Move the text's headings down so none is at level `deepest_taken` or above it.

    Headings inside code blocks are untouched (they are not headings); setext headings become
    ATX ones; levels stop at 6. Headings nested in quotes or lists keep their level.
    """
    tokens = _markdown().parse(source)
    headings = [
        (token, tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0 and token.map
    ]
    if not headings:
        return source
    top = min(int(token.tag[1]) for token, _ in headings)
    shift = deepest_taken + 1 - top
    if shift <= 0:
        return source
    lines = source.split("\n")
    for token, inline in reversed(headings):
        assert token.map is not None
        start, end = token.map
        level = min(6, int(token.tag[1]) + shift)
        content = inline.content.replace("\n", " ")
        lines[start:end] = [f"{'#' * level} {content}".rstrip()]
    return "\n".join(lines)
