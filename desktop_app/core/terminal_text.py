"""Terminal control sequences removed from text, also when a sequence arrives split in pieces."""

from __future__ import annotations

import re
from enum import Enum, auto

_ESC = "\x1b"
_BEL = "\x07"
# Everything a terminal may act on: C0 controls but \t and \n, DEL, and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# ESC + this opens a control string that runs until ST (ESC \ or U+009C); OSC also ends at BEL.
_STRING_OPENERS = {"]": True, "P": False, "_": False, "^": False, "X": False}
# The same strings and CSI, opened by one C1 character instead of ESC + a letter.
_C1_CSI = "\x9b"
_C1_STRINGS = {"\x9d": True, "\x90": False, "\x9f": False, "\x9e": False, "\x98": False}
_C1_ST = "\x9c"
# Inside a control string only these can end it: skip to the next one in one search.
_STRING_END = re.compile(r"[\x1b\x07\x9c]")


class _State(Enum):
    TEXT = auto()
    ESCAPE = auto()  # after ESC
    ESCAPE_INTERMEDIATE = auto()  # after ESC and 0x20-0x2F bytes (e.g. ESC ( B)
    CSI = auto()  # after ESC [ or U+009B, until a final byte 0x40-0x7E
    STRING = auto()  # inside OSC/DCS/APC/PM/SOS, until ST (or BEL for OSC)
    STRING_ESCAPE = auto()  # ESC seen inside a control string: ST if a backslash follows


class TerminalSanitizer:
    """Strips control sequences from text fed in pieces (a reply's deltas).

    A sequence split across pieces is still removed: the state between pieces is kept here,
    never the sequence itself, so an endless one costs no memory. Text after an unfinished
    control string is swallowed, as a terminal would; `\\n` and `\\t` are kept.
    """

    def __init__(self) -> None:
        self._state = _State.TEXT
        self._bel_ends_string = False

    def feed(self, text: str) -> str:
        """The printable part of `text`, given everything fed before it."""
        out: list[str] = []
        i, end = 0, len(text)
        while i < end:
            if self._state is _State.TEXT:
                match = _CONTROL.search(text, i)
                if match is None:
                    out.append(text[i:])
                    break
                out.append(text[i : match.start()])
                self._control(match.group())
                i = match.end()
                continue
            if self._state is _State.STRING:
                match = _STRING_END.search(text, i)
                if match is None:
                    break  # the whole rest is inside the string
                i = match.start()
            out.append(self._step(text[i]))
            i += 1
        return "".join(out)

    def _control(self, char: str) -> None:
        if char == _ESC:
            self._state = _State.ESCAPE
        elif char == _C1_CSI:
            self._state = _State.CSI
        elif char in _C1_STRINGS:
            self._open_string(bel_ends=_C1_STRINGS[char])
        # Any other control (BEL, backspace, CR, a lone C1 or ST) is dropped on its own.

    def _open_string(self, *, bel_ends: bool) -> None:
        self._state = _State.STRING
        self._bel_ends_string = bel_ends

    def _step(self, char: str) -> str:
        """Advance inside a sequence by one character; return it if it turns out to be text."""
        state, code = self._state, ord(char)
        if state is _State.ESCAPE:
            if char == "[":
                self._state = _State.CSI
            elif char in _STRING_OPENERS:
                self._open_string(bel_ends=_STRING_OPENERS[char])
            elif 0x20 <= code <= 0x2F:
                self._state = _State.ESCAPE_INTERMEDIATE
            elif 0x30 <= code <= 0x7E:
                self._state = _State.TEXT  # a two-character sequence (ESC 7, ESC c, ...)
            else:
                return self._not_a_sequence(char)
        elif state is _State.ESCAPE_INTERMEDIATE:
            if 0x30 <= code <= 0x7E:
                self._state = _State.TEXT
            elif not 0x20 <= code <= 0x2F:
                return self._not_a_sequence(char)
        elif state is _State.CSI:
            if 0x40 <= code <= 0x7E:
                self._state = _State.TEXT
            elif not 0x20 <= code <= 0x3F:
                return self._not_a_sequence(char)
        elif state is _State.STRING:
            if char == _ESC:
                self._state = _State.STRING_ESCAPE
            elif char == _C1_ST or (char == _BEL and self._bel_ends_string):
                self._state = _State.TEXT
        elif char == "\\":  # STRING_ESCAPE: ESC \ is ST
            self._state = _State.TEXT
        else:
            # ESC + anything else ends the string too, and starts a new escape sequence.
            self._state = _State.ESCAPE
            return self._step(char)
        return ""

    def _not_a_sequence(self, char: str) -> str:
        # What came before is dropped; this character is read again as ordinary input.
        self._state = _State.TEXT
        if _CONTROL.match(char):
            self._control(char)
            return ""
        return char


def strip_controls(text: str) -> str:
    """`text` without terminal control sequences or control characters (\\n and \\t stay)."""
    return TerminalSanitizer().feed(text)
