"""The core's message catalogue hook: its sentences in the window's language, English elsewhere.

Every sentence the core writes for a person is a literal template passed to `translate()`
(`translate("ErrorText", "The key was rejected ({status}): …").format(status=...)`), its
fields filled AFTER translating, so that server text and file names are never translated and
a translation may reorder them. `pyside6-lupdate` extracts these calls from core/ (see
scripts/update_translations.py). A plural is a `tr()` call on a `Context` subclass, the one
form lupdate reads as a plural: `Duration.tr("%n second(s)", "", seconds)`.

The window installs Qt's translator with `install()` before any widget is built; the command
line, the tests and the core alone keep the default, the English source text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: (context, source template, n) -> the template in the user's language, with `%n` replaced
#: by n when n >= 0 (n is -1 for a text without a number).
Translator = Callable[[str, str, int], str]

# "%n second(s)": the English ending in parentheses is dropped for one and kept for others.
_PLURAL_ENDING = re.compile(r"\((\w+)\)")


def english(context: str, text: str, n: int = -1) -> str:
    """The source text itself, its plural resolved for `n` ("1 second", "12 seconds")."""
    if n < 0:
        return text
    return _PLURAL_ENDING.sub("" if n == 1 else r"\1", text).replace("%n", str(n))


_translator: Translator = english


def install(translator: Translator | None) -> None:
    """Make `translator` translate the core's sentences from now on (None: back to English)."""
    global _translator
    _translator = translator or english


def translate(context: str, text: str, n: int = -1) -> str:
    """`text`, a literal template of ours (never data), in the installed language."""
    return _translator(context, text, n)


class Context:
    """A catalogue context for plurals, named by the subclass: `Name.tr("%n day(s)", "", n)`.

    lupdate reads a plural (a message with forms for one, a few, many) only from a `tr()`
    call, taking the name before `.tr` as the context; `translate()` is never one.
    """

    @classmethod
    def tr(cls, text: str, disambiguation: str, n: int) -> str:
        """`text` for the number `n`, `%n` replaced; `disambiguation` is lupdate's ("")."""
        return _translator(cls.__name__, text, n)
