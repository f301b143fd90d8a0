"""Syntax highlighting of code blocks with Pygments, as inline-styled HTML Qt can show."""

from __future__ import annotations

from functools import lru_cache

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from desktop_app.core.markdown_render import Highlighter

#: Code longer than this is shown uncoloured: highlighting it would stall the interface.
MAX_HIGHLIGHT_CHARS = 200_000


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer:
    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return TextLexer(stripnl=False, ensurenl=False)


@lru_cache(maxsize=4)
def _formatter(style: str) -> HtmlFormatter:
    # noclasses: inline colours, because Qt's rich text cannot use the classes' CSS rules.
    return HtmlFormatter(style=style, noclasses=True, nowrap=True)


def make_highlighter(style: str) -> Highlighter:
    """A highlighter for the Markdown renderer in the given Pygments style."""
    formatter = _formatter(style)

    def highlight_code(code: str, language: str) -> str:
        if not language or len(code) > MAX_HIGHLIGHT_CHARS:
            lexer: Lexer = TextLexer(stripnl=False, ensurenl=False)
        else:
            lexer = _lexer(language)
        return highlight(code, lexer, formatter).removesuffix("\n")

    return highlight_code
