"""Untrusted Markdown to safe, Qt-friendly HTML, and incremental splitting of a streaming reply."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    # markdown-it is imported when the first message is rendered, not when the window starts.
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: The only link schemes a reply may make clickable. Everything else renders as plain text.
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

#: `highlight(code, language) -> html` returns escaped, inline-styled HTML (no wrapper element).
Highlighter = Callable[[str, str], str]


def is_safe_link(url: str) -> bool:
    """True for an absolute http, https or mailto URL with no control characters in it."""
    candidate = url.strip()
    if not candidate or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in candidate):
        return False
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_LINK_SCHEMES:
        return False
    if parts.scheme.lower() == "mailto":
        return bool(parts.path)
    return bool(parts.netloc)


def escape_code(code: str, language: str = "") -> str:
    """The fallback highlighter: escaped code with no colours."""
    del language
    return html.escape(code, quote=False)


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced or indented code block found in a reply, exactly as the copy link copies it."""

    language: str
    code: str


@dataclass(frozen=True, slots=True)
class RenderedMarkdown:
    """One piece of rendered Markdown: its HTML and its code blocks in order."""

    html: str
    code_blocks: tuple[CodeBlock, ...]


@dataclass(frozen=True, slots=True)
class CodeStyle:
    """Colours of the box around a code block (the code's own colours come from the highlighter)."""

    background: str = "#f4f5f7"
    muted: str = "#6a737d"


class MarkdownRenderer:
    """Renders Markdown safely: raw HTML is escaped, only http/https/mailto links stay links,
    images become links (never loaded), code blocks are highlighted and get a Copy link."""

    def __init__(
        self,
        highlight: Highlighter | None = None,
        code_style: CodeStyle | None = None,
        *,
        code_as_lines: bool = False,
    ) -> None:
        """`code_as_lines`: a code block as one shaded paragraph per line, not a table (for
        paged output: a table cell split by a page break paints an empty box on both pages)."""
        self._highlight = highlight or escape_code
        self._code_style = code_style or CodeStyle()
        self._code_as_lines = code_as_lines
        self._md: MarkdownIt | None = None

    def _parser(self) -> MarkdownIt:
        """The markdown-it parser, made (and markdown-it imported) on first use."""
        if self._md is not None:
            return self._md
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False})
        md.enable(["table", "strikethrough"])
        md.core.ruler.push("agentsgt_safe_links", _make_links_safe)

        def render_code(
            _r: object, tokens: Sequence[Token], idx: int, _o: object, env: dict
        ) -> str:
            return self._render_code(tokens[idx], env)

        md.add_render_rule("fence", render_code)
        md.add_render_rule("code_block", render_code)
        md.add_render_rule("table_open", _render_table_open)
        for cell in ("th_open", "td_open"):
            md.add_render_rule(cell, _render_cell_open)
        self._md = md
        return md

    def render(
        self,
        source: str,
        *,
        first_code_index: int = 0,
        copy_href: Callable[[int], str] | None = None,
        copy_label: str = "Copy",
        code_label: str = "code",
    ) -> RenderedMarkdown:
        """Render `source`; code blocks are numbered from `first_code_index` for `copy_href`.

        `copy_label` and `code_label` (a block with no language) are the code bar's words,
        passed in translated by the window (core never imports Qt's translator).
        """
        env: dict[str, object] = {
            "codes": [],
            "first": first_code_index,
            "copy_href": copy_href,
            "copy_label": copy_label,
            "code_label": code_label,
        }
        rendered = self._parser().render(source, env)
        codes: list[CodeBlock] = env["codes"]  # type: ignore[assignment]
        return RenderedMarkdown(html=rendered, code_blocks=tuple(codes))

    def _render_code(self, token: Token, env: dict) -> str:
        """The HTML of a fenced or indented code block, recording its code for the copy link."""
        language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
        code = token.content.removesuffix("\n")  # the fence's own line end is not code
        codes: list[CodeBlock] = env["codes"]
        index = env["first"] + len(codes)
        codes.append(CodeBlock(language=language, code=code))
        body = self._highlight(code, language)
        style = self._code_style
        label = html.escape(language or env["code_label"])
        copy_href = env["copy_href"]
        copy_link = ""
        if copy_href is not None:
            href, text = html.escape(copy_href(index)), html.escape(env["copy_label"])
            copy_link = f' &#183; <a href="{href}">{text}</a>'
        bar = f'<p class="codebar"><span style="color:{style.muted}">{label}</span>{copy_link}</p>'
        if self._code_as_lines:
            line_style = (
                f"background-color:{style.background}; margin:0; white-space:pre-wrap;"
                " font-family:monospace; line-height:100%"
            )
            # A space before each line keeps the code off the shaded edge (copies take the
            # code itself, never this HTML); an unshaded small line keeps a gap after it.
            lines = "".join(
                # An empty paragraph has no height: a blank code line keeps a space.
                f'<p class="codeline" style="{line_style}">&#160;{line}{_blank(line)}</p>'
                for line in split_highlighted_lines(body)
            )
            gap = '<p style="margin:0; font-size:5pt">&#160;</p>'
            return f"{bar}{lines}{gap}\n"
        # A one-cell table is the Qt rich-text way to get a padded, shaded box. Qt's rich text
        # cannot scroll one block sideways, so long lines wrap inside the box (pre-wrap) rather
        # than widening the whole conversation.
        return (
            f'{bar}<table class="code" width="100%" cellspacing="0" cellpadding="8" '
            f'bgcolor="{style.background}"><tr><td>'
            f'<pre style="white-space: pre-wrap">{body}</pre></td></tr></table>\n'
        )


_SPAN_PIECE = re.compile(r"(<span[^>]*>|</span>|\n)")
_TAG = re.compile(r"<[^>]*>")


def _blank(line_html: str) -> str:
    return "" if _TAG.sub("", line_html) else "&#160;"


def split_highlighted_lines(code_html: str) -> list[str]:
    """Highlighted code HTML cut at its line ends, each line with its open spans re-opened."""
    lines: list[str] = []
    current: list[str] = []
    open_spans: list[str] = []
    for piece in _SPAN_PIECE.split(code_html):
        if piece == "\n":
            lines.append("".join(current) + "</span>" * len(open_spans))
            current = list(open_spans)
        elif piece.startswith("<span"):
            open_spans.append(piece)
            current.append(piece)
        elif piece == "</span>":
            if open_spans:
                open_spans.pop()
            current.append(piece)
        elif piece:
            current.append(piece)
    lines.append("".join(current))
    return lines


def render_markdown_html(source: str, highlight: Highlighter | None = None) -> str:
    """Safe HTML for a whole Markdown text (for exports): no copy links, optional highlighting."""
    return MarkdownRenderer(highlight).render(source).html


def _make_links_safe(state: object) -> None:
    """Core rule: unsafe links lose their anchor; images become plain links to their source."""
    for block_token in state.tokens:  # type: ignore[attr-defined]
        if block_token.type != "inline" or not block_token.children:
            continue
        children: list[Token] = []
        dropped: list[bool] = []  # per open link: was its anchor dropped?
        for token in block_token.children:
            if token.type == "link_open":
                safe = is_safe_link(str(token.attrGet("href") or ""))
                dropped.append(not safe)
                if safe:
                    children.append(token)
            elif token.type == "link_close":
                if dropped and not dropped.pop():
                    children.append(token)
            elif token.type == "image":
                children.extend(_image_as_link(token))
            else:
                children.append(token)
        block_token.children = children


def _image_as_link(image: Token) -> list[Token]:
    """An image is never loaded: it becomes `[image: alt]`, a link when its source is safe."""
    from markdown_it.token import Token

    alt = image.content or "image"
    label = Token("text", "", 0, content=f"[image: {alt}]")
    src = str(image.attrGet("src") or "")
    if not is_safe_link(src):
        return [label]
    opening = Token("link_open", "a", 1, attrs={"href": src})
    return [opening, label, Token("link_close", "a", -1)]


def _render_table_open(*_args: object) -> str:
    return '<table class="md" border="1" cellspacing="0" cellpadding="4">\n'


def _render_cell_open(
    _renderer: object, tokens: Sequence[Token], idx: int, _options: object, _env: object
) -> str:
    token = tokens[idx]
    style = str(token.attrGet("style") or "")
    # Qt ignores CSS text-align on cells; the old align attribute works.
    match = re.search(r"text-align:(left|right|center)", style)
    align = f' align="{match.group(1)}"' if match else ""
    return f"<{token.tag}{align}>"


# --- Incremental block splitting -------------------------------------------------------------

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^ {0,3}([-+*]|\d{1,9}[.)])(?:[ \t]|$)")

#: A list or list-like block is kept whole while it grows (so it renders as one list) up to
#: this many characters; past it, the stream is split anyway to keep each repaint cheap.
LIST_SOFT_LIMIT = 6000

#: No block is longer than this many characters: a longer one (a reply that is one huge line or
#: paragraph, an endless code block) is cut, at a line end or a space when there is one in its
#: second half, so rendering and laying out any piece stays cheap. A cut code block is closed and
#: opened again with the same fence, so each piece still renders as code.
MAX_BLOCK_CHARS = 8000


def _list_kind(line: str) -> str | None:
    match = _LIST_ITEM.match(line)
    if match is None:
        return None
    marker = match.group(1)
    return marker if marker in "-+*" else marker[-1]


class BlockSplitter:
    """Splits streaming Markdown into completed top-level blocks and the unfinished tail.

    A block is complete when a blank line outside a fenced code block is followed by a line
    that starts a new block; a top-level fenced block is complete at its closing fence. Lines
    indented after a blank line, and further items of the same list, continue the block (so a
    loose list or a list item's second paragraph is not cut in two) until LIST_SOFT_LIMIT.
    Each `feed` scans only the new complete lines, so its cost does not grow with the reply.
    Trade-off: reference-style link definitions only apply inside their own block.
    """

    def __init__(self, max_block: int = MAX_BLOCK_CHARS) -> None:
        self._max_block = max(max_block, 16)
        self._pending = ""  # the text after the last completed block
        self._scan = 0  # offset in _pending of the first line not yet examined
        self._fence: tuple[str, int, bool] | None = None  # (char, length, top level)
        self._fence_line = ""  # the line that opened the fence, to reopen it after a cut
        self._blank_seen = False
        self._has_content = False  # has the pending text any non-blank line yet?
        self._list_kind: str | None = None  # the list kind of the pending block, if it is one

    @property
    def tail(self) -> str:
        """The text not yet part of a completed block."""
        return self._pending

    def feed(self, delta: str) -> list[str]:
        """Add streamed text; return the blocks it completed, in order."""
        self._pending += delta
        completed: list[str] = []
        while True:
            end = self._pending.find("\n", self._scan)
            if end < 0:
                if len(self._pending) <= self._max_block:
                    return completed
                completed.append(self._cut_oversized())
                continue
            line = self._pending[self._scan : end]
            cut = self._examine(line, self._scan, end + 1)
            self._scan = end + 1
            if cut is not None:
                completed.append(self._pending[:cut])
                self._pending = self._pending[cut:]
                self._scan -= cut
            elif self._scan > self._max_block:
                completed.append(self._cut_oversized())

    def finish(self) -> list[str]:
        """End of stream: return the remaining blocks (the last line need not end in a newline)."""
        blocks: list[str] = []
        if self._scan < len(self._pending):  # the last line, unterminated: it may start a block
            cut = self._examine(self._pending[self._scan :], self._scan, len(self._pending))
            if cut:
                blocks.append(self._pending[:cut])
                self._pending = self._pending[cut:]
        if self._pending:
            blocks.append(self._pending)
        self.__init__(self._max_block)  # type: ignore[misc]
        return blocks

    def _cut_oversized(self) -> str:
        """Complete the first `max_block` characters (or fewer) of an over-long pending block.

        The rest is examined again from its start as a new block; inside a code fence, the piece
        is closed with the fence and the rest reopened with the line that opened it.
        """
        limit = self._max_block
        pending = self._pending
        cut = pending.rfind("\n", 0, limit) + 1
        if cut <= limit // 2 and self._fence is None:
            cut = pending.rfind(" ", limit // 2, limit) + 1
        if cut <= limit // 2:
            cut = limit
            if "\udc00" <= pending[cut] <= "\udfff":  # never split a surrogate pair
                cut -= 1
        piece, rest = pending[:cut], pending[cut:]
        fence, opening = self._fence, self._fence_line
        self.__init__(self._max_block)  # type: ignore[misc]
        if fence is not None and fence[2]:
            closing = fence[0] * fence[1]
            piece += ("" if piece.endswith("\n") else "\n") + closing + "\n"
            rest = opening + "\n" + rest
        self._pending = rest
        return piece

    def _examine(self, line: str, start: int, after: int) -> int | None:
        """Look at one complete line; return the offset to cut the pending text at, if any."""
        if self._fence is not None:
            char, length, top_level = self._fence
            stripped = line.strip()
            closing = (
                len(line) - len(line.lstrip(" ")) <= 3
                and stripped.startswith(char * length)
                and not stripped.strip(char)
            )
            if closing:
                self._fence = None
                if top_level:
                    self._blank_seen = self._has_content = False
                    self._list_kind = None
                    return after
            return None
        if not line.strip():
            self._blank_seen = self._has_content
            return None
        cut = None
        if self._blank_seen and self._starts_new_block(line, start):
            cut = start
        if cut is not None or not self._has_content:
            self._list_kind = _list_kind(line)
        self._blank_seen = False
        self._has_content = True
        fence = _FENCE.match(line)
        if fence and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
            marker = fence.group(2)
            # Inside a list item the fence belongs to the item: the list decides the cut.
            self._fence = (marker[0], len(marker), self._list_kind is None)
            self._fence_line = line
        return cut

    def _starts_new_block(self, line: str, start: int) -> bool:
        if self._list_kind is None or start >= LIST_SOFT_LIMIT:
            return True
        if line[0] in " \t":
            return False
        return _list_kind(line) != self._list_kind


def split_blocks(source: str, max_block: int = MAX_BLOCK_CHARS) -> list[str]:
    """The blocks a whole text splits into: the same pieces a streamed reply is rendered in."""
    splitter = BlockSplitter(max_block)
    return splitter.feed(source) + splitter.finish()
