"""PDF export: a real PDF whose text (read back with pdftotext) is the conversation, and no key."""

from __future__ import annotations

import shutil
import subprocess
import threading
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core.models import Role
from desktop_app.gui.export_pdf import ensure_gui_application, layout_document, write_pdf
from tests.fixtures.export_samples import (
    AGENT_ID,
    HOSTILE,
    message,
    sample_conversation,
    sample_document,
)


def pdf_text(path: Path) -> str | None:
    """The PDF's text via poppler's pdftotext (ligatures unfolded), or None without poppler."""
    if shutil.which("pdftotext") is None:
        return None
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return unicodedata.normalize("NFKC", result.stdout.decode("utf-8"))


def test_ensure_gui_application_reuses_the_running_app(qapp: QApplication):
    assert ensure_gui_application() is qapp


def test_pdf_holds_the_conversation(qapp: QApplication, tmp_path: Path):
    path = write_pdf(sample_document(), tmp_path / "chat.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 2000
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed into place
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: only the PDF header was checked")
    flat = " ".join(text.split())
    for expected in (
        "Opening hours",
        "Helper",
        "Work agent",
        "2026-01-02 03:04 UTC",
        "What are your opening hours?",
        "print('<b>hi</b>')",
        "Anything else?",
        "Error: The model failed",
    ):
        assert expected in flat, expected
    assert AGENT_ID[:8] in flat
    # Hostile markup is printed as the characters it is, never interpreted.
    assert '<script>alert("x")</script>' in flat


def test_pdf_with_many_conversations_and_unicode(qapp: QApplication, tmp_path: Path):
    second = replace(
        sample_conversation("c-2", "Refund policy"),
        messages=(message(1, Role.USER, "Reembolso: ¿cuándo? Ünïcödé ok"),),
    )
    path = write_pdf(sample_document(sample_conversation(), second), tmp_path / "all.pdf")
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flat = " ".join(text.split())
    assert "2 conversations" in flat
    assert flat.index("1. Opening hours") < flat.index("2. Refund policy")
    assert "Reembolso: ¿cuándo? Ünïcödé ok" in flat


def test_layout_uses_the_escaped_html(qapp: QApplication):
    conversation = replace(sample_conversation(), messages=(message(1, Role.USER, HOSTILE),))
    document = layout_document(sample_document(conversation))
    assert HOSTILE in document.toPlainText()


def test_a_failed_write_leaves_no_file(qapp: QApplication, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OSError):
        write_pdf(sample_document(), blocker / "chat.pdf")
    assert blocker.read_text() == "x"


def test_pdf_can_be_written_off_the_gui_thread(qapp: QApplication, tmp_path: Path):
    # Long exports take seconds to lay out: the GUI writes them in a worker thread.
    errors: list[BaseException] = []

    def work() -> None:
        try:
            write_pdf(sample_document(), tmp_path / "threaded.pdf")
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and errors == []
    assert (tmp_path / "threaded.pdf").read_bytes().startswith(b"%PDF-")
    text = pdf_text(tmp_path / "threaded.pdf")
    assert text is None or "What are your opening hours?" in text
