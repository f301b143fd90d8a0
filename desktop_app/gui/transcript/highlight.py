"""Syntax highlighting of code blocks with Pygments, as inline-styled HTML Qt can show."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from desktop_app.core.markdown_render import Highlighter

if TYPE_CHECKING:
    # Pygments is imported at the first code block (or by the window's warm-up after the first
    # paint), never on the way to the first paint.
    from pygments.formatters import HtmlFormatter
    from pygments.lexer import Lexer

#: Code longer than this is shown uncoloured: highlighting it would stall the interface.
MAX_HIGHLIGHT_CHARS = 200_000


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return _plain_lexer()


def _plain_lexer() -> Lexer:
    from pygments.lexers import TextLexer

    return TextLexer(stripnl=False, ensurenl=False)


@lru_cache(maxsize=4)
def _formatter(style: str) -> HtmlFormatter:
    from pygments.formatters import HtmlFormatter

    # noclasses: inline colours, because Qt's rich text cannot use the classes' CSS rules.
    return HtmlFormatter(style=style, noclasses=True, nowrap=True)


def make_highlighter(style: str) -> Highlighter:
    """A highlighter for the Markdown renderer in the given Pygments style."""

    def highlight_code(code: str, language: str) -> str:
        from pygments import highlight

        if not language or len(code) > MAX_HIGHLIGHT_CHARS:
            lexer = _plain_lexer()
        else:
            lexer = _lexer(language)
        return highlight(code, lexer, _formatter(style)).removesuffix("\n")

    return highlight_code
