"""Terminal control sequences are stripped, whole or split across pieces at any point."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.terminal_text import TerminalSanitizer, strip_controls

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"

CASES = [
    ("plain ✓ text\nnext\tcell", "plain ✓ text\nnext\tcell"),
    ("\x1b[31mred\x1b[0m \x1b[2J\x1b[H\x1b[?25lhidden cursor", "red hidden cursor"),
    (f"copy{OSC52}done", "copydone"),
    ("st\x1b]52;c;cGF5bG9hZA==\x1b\\ends", "stends"),  # OSC ended by ESC \
    ("c1\x9d52;c;cGF5\x9cends", "c1ends"),  # C1 OSC ended by C1 ST
    ("title\x1b]0;owned\x07 kept", "title kept"),
    ("link \x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\", "link text"),
    ("dcs\x1bPq#0;2;0;0;0\x1b\\x", "dcsx"),
    ("apc\x1b_Gf=100;AAAA\x1b\\x pm\x1b^private\x1b\\y sos\x1bXstring\x1b\\z", "apcx pmy sosz"),
    ("c1 csi \x9b31mred", "c1 csi red"),
    ("bell\x07 back\x08space cr\r\nnul\x00 del\x7f", "bell backspace cr\nnul del"),
    ("c1 \x85\x8d\x9c controls", "c1  controls"),
    ("charset \x1b(Bx \x1b7saved\x1b8", "charset x saved"),
    ("lone escape at the end\x1b", "lone escape at the end"),
    ("escape then é: \x1bé", "escape then é: é"),
    ("broken csi \x1b[31\nnext", "broken csi \nnext"),
    ("string broken by escape \x1b]52;c;x\x1b[31mred", "string broken by escape red"),
    ("unterminated \x1b]52;c;swallows the rest", "unterminated "),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sequences_are_stripped(text: str, expected: str) -> None:
    assert strip_controls(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_sequence_split_anywhere_is_still_stripped(text: str, expected: str) -> None:
    for first in range(len(text) + 1):
        for second in range(first, len(text) + 1):
            sanitizer = TerminalSanitizer()
            pieces = (text[:first], text[first:second], text[second:])
            assert "".join(sanitizer.feed(piece) for piece in pieces) == expected


def test_a_huge_control_string_costs_no_memory_and_little_time() -> None:
    sanitizer = TerminalSanitizer()
    payload = "A" * 2_000_000
    assert sanitizer.feed("x\x1b]52;c;" + payload) == "x"
    assert sanitizer.feed(payload + "\x07y") == "y"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc",))))
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert strip_controls(text) == text


@given(st.text())
def test_the_result_never_holds_a_control_but_newline_and_tab(text: str) -> None:
    cleaned = strip_controls(text)
    assert all(ch in "\n\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
