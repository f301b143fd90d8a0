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


# --- over-long blocks are cut ---------------------------------------------------------------


def test_a_one_line_reply_is_cut_into_bounded_pieces_at_spaces() -> None:
    text = "word " * 20_000  # 100,000 characters, no line break
    blocks = split_blocks(text, max_block=1000)
    assert "".join(blocks) == text
    assert max(len(block) for block in blocks) <= 1000
    assert all(block.endswith(" ") for block in blocks[:-1])  # cut after a space, not in a word


def test_streaming_a_huge_line_keeps_the_tail_bounded() -> None:
    splitter = BlockSplitter(max_block=500)
    text = "x" * 10_000
    blocks: list[str] = []
    for start in range(0, len(text), 7):
        blocks += splitter.feed(text[start : start + 7])
        assert len(splitter.tail) <= 500
    blocks += splitter.finish()
    assert "".join(blocks) == text
    assert [len(block) for block in blocks] == [500] * 20


def test_a_cut_code_block_is_closed_and_reopened_with_its_fence() -> None:
    code = "~~~~python\n" + "print(1)\n" * 300 + "~~~~\n\nAfter."
    blocks = split_blocks(code, max_block=1000)
    *pieces, after = blocks
    assert after == "\nAfter."
    assert len(pieces) > 2
    for piece in pieces:
        assert piece.startswith("~~~~python\n")
        assert piece.rstrip("\n").endswith("~~~~")
        assert len(piece) <= 1000 + len("\n~~~~\n")
    body = "".join(piece.split("\n", 1)[1].rsplit("~~~~", 1)[0] for piece in pieces)
    assert body.replace("\n", "") == "print(1)" * 300


def test_a_cut_never_splits_a_surrogate_pair() -> None:
    text = "a" + "\ud83d\ude00" * 100  # lone surrogates as a JSON decoder may hand them over
    for block in split_blocks(text, max_block=50):
        assert not ("\udc00" <= block[0] <= "\udfff")
