"""PDF code blocks across page breaks: no empty shaded box at a page's end or start, and
single-spaced code lines."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core.markdown_render import CodeStyle, split_highlighted_lines
from desktop_app.core.models import Role
from desktop_app.gui.export_pdf import layout_document, write_pdf
from tests.fixtures.export_samples import message, sample_conversation, sample_document

CODE = "\n".join(f"line_{i:03d} = compute({i})  # step {i}" for i in range(150))
REPLY = "Intro paragraph.\n\n" * 30 + f"```python\n{CODE}\n```\n\nAfter the code."
DPI = 50
BOX = int(sum(int(CodeStyle().background[i : i + 2], 16) for i in (1, 3, 5)) / 3)


def _document():
    messages = (message(1, Role.USER, "code please"), message(2, Role.ASSISTANT, REPLY, minutes=1))
    return sample_document(replace(sample_conversation(), messages=messages))


def _pages(pdf: Path, tmp_path: Path) -> list[tuple[int, int, bytes]]:
    """Each page as (width, height, grey bytes), rendered by poppler's pdftoppm."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = []
    for path in sorted(tmp_path.glob("page-*.pgm")):
        data = path.read_bytes()
        magic, width, height, _maximum, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        pages.append((int(width), int(height), pixels))
    return pages


def _box_and_text_rows(width: int, height: int, pixels: bytes) -> tuple[list[int], list[int]]:
    """Rows that are mostly the code box's shade, and those of them with dark (text) pixels."""
    boxed, texted = [], []
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        shaded = sum(1 for value in row if abs(value - BOX) <= 3)
        if shaded >= width // 3:
            boxed.append(y)
            if any(value < 150 for value in row):
                texted.append(y)
    return boxed, texted


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_no_page_starts_or_ends_with_an_empty_code_box(qapp: QApplication, tmp_path: Path):
    pdf = write_pdf(_document(), tmp_path / "code.pdf")
    pages = [_box_and_text_rows(*page) for page in _pages(pdf, tmp_path)]
    with_code = [(boxed, texted) for boxed, texted in pages if boxed]
    assert len(with_code) >= 3  # the block really crosses page breaks
    line = DPI * 14 // 72  # a generous line of 10 pt code
    for boxed, texted in with_code:
        assert texted, "a page with an empty code box"
        assert texted[0] - boxed[0] <= line, "empty shaded space above the code on a page"
        assert boxed[-1] - texted[-1] <= line, "empty shaded space below the code on a page"


def test_code_lines_are_single_spaced(qapp: QApplication):
    document = layout_document(_document())
    block = document.begin()
    heights = []
    while block.isValid():
        if block.text().lstrip("\xa0").startswith("line_"):  # the code keeps a small indent
            heights.append(block.layout().boundingRect().height())
            assert block.blockFormat().lineHeight() in (0.0, 100.0)
        block = block.next()
    assert len(heights) == 150
    font_line = document.documentLayout().blockBoundingRect(document.begin()).height()
    assert max(heights) <= font_line * 1.2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_text_layer_has_no_blank_lines_between_code_lines(qapp: QApplication, tmp_path: Path):
    pdf = write_pdf(_document(), tmp_path / "code.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    lines = [line.strip() for line in text.replace("\f", "\n").splitlines()]
    code = [i for i, line in enumerate(lines) if line.startswith("line_")]
    assert len(code) == 150
    gaps = [b - a for a, b in pairwise(code)]
    assert gaps.count(1) >= len(gaps) - 6  # only page breaks put anything between them


def test_highlighted_lines_keep_their_spans() -> None:
    html = 'a <span style="c">"""one\ntwo"""</span> b\nc'
    assert split_highlighted_lines(html) == [
        'a <span style="c">"""one</span>',
        '<span style="c">two"""</span> b',
        "c",
    ]
