"""Splitting streamed Markdown into completed blocks: the same pieces however the text arrives."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.markdown_render import LIST_SOFT_LIMIT, BlockSplitter, split_blocks


def test_blocks_end_at_blank_lines() -> None:
    text = "# Title\n\nFirst paragraph\nstill first.\n\nSecond."
    assert split_blocks(text) == ["# Title\n\n", "First paragraph\nstill first.\n\n", "Second."]


def test_feed_returns_blocks_once_the_next_line_is_complete() -> None:
    splitter = BlockSplitter()
    assert splitter.feed("para one\n\n") == []
    assert splitter.feed("para two") == []  # the new line is not complete yet
    assert splitter.feed("\n") == ["para one\n\n"]
    assert splitter.tail == "para two\n"


def test_fenced_code_with_blank_lines_is_one_block_complete_at_its_fence() -> None:
    splitter = BlockSplitter()
    assert splitter.feed("```python\ndef f():\n\n    return 1\n") == []
    assert splitter.feed("```\n") == ["```python\ndef f():\n\n    return 1\n```\n"]
    assert splitter.tail == ""


def test_tilde_fences_and_longer_closing_fences() -> None:
    text = "~~~\n```\nnot a close\n\n~~~~\nafter\n"
    assert split_blocks(text) == ["~~~\n```\nnot a close\n\n~~~~\n", "after\n"]


def test_loose_lists_and_continuations_stay_together() -> None:
    text = "- one\n\n- two\n\n  more about two\n\n      code in item\n\n1. other list\n\n2. next\n"
    assert split_blocks(text) == [
        "- one\n\n- two\n\n  more about two\n\n      code in item\n\n",
        "1. other list\n\n2. next\n",
    ]


def test_a_huge_loose_list_is_split_past_the_soft_limit() -> None:
    item = "- " + "word " * 40 + "\n\n"
    text = item * (LIST_SOFT_LIMIT // len(item) + 5)
    blocks = split_blocks(text)
    assert len(blocks) > 1
    assert all(len(block) <= LIST_SOFT_LIMIT + len(item) for block in blocks)


def test_the_tail_stays_small_however_long_the_reply() -> None:
    splitter = BlockSplitter()
    completed = 0
    for index in range(2_000):
        completed += len(splitter.feed(f"Paragraph {index} with some words.\n\n"))
    assert completed == 1_999
    assert splitter.tail == "Paragraph 1999 with some words.\n\n"


def test_finish_returns_the_rest_and_resets() -> None:
    splitter = BlockSplitter()
    splitter.feed("a\n\nb")
    assert splitter.finish() == ["a\n\n", "b"]
    assert splitter.tail == ""
    assert splitter.finish() == []


_PIECES = st.sampled_from(
    ["word", " ", "\n", "\n\n", "```", "~~~", "- ", "1. ", "  ", "    ", "#", "|", "> ", "`", "x"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.lists(st.integers(0, 200), max_size=12))
def test_any_chunking_gives_the_same_blocks(pieces: list[str], cuts: list[int]) -> None:
    text = "".join(pieces)
    whole = split_blocks(text)
    assert "".join(whole) == text
    bounds = sorted({min(cut, len(text)) for cut in cuts} | {0, len(text)})
    splitter = BlockSplitter()
    streamed: list[str] = []
    for start, end in pairwise(bounds):
        streamed.extend(splitter.feed(text[start:end]))
    streamed.extend(splitter.finish())
    assert streamed == whole
