"""Export conversations (JSON, Markdown, HTML, text; PDF in gui/) and import JSON exports back."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from desktop_app.core.export.collect import collect, conversation_export
from desktop_app.core.export.html_format import render_html
from desktop_app.core.export.importer import ImportReport, import_document, import_file
from desktop_app.core.export.json_format import parse_json, read_json_file, render_json
from desktop_app.core.export.markdown_format import render_markdown
from desktop_app.core.export.schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ConversationExport,
    ConversationImportError,
    ExportDocument,
    ExportedMessage,
    ExportedProfile,
    ExportedUsage,
)
from desktop_app.core.export.text_format import render_text
from desktop_app.core.paths import atomic_write_bytes


class ExportFormat(StrEnum):
    """The file formats an export can be written in (the CLI's --format values)."""

    JSON = "json"
    MARKDOWN = "md"
    HTML = "html"
    TEXT = "txt"
    PDF = "pdf"  # needs Qt: desktop_app.gui.export_pdf

    @property
    def suffix(self) -> str:
        """The usual file name suffix, with its dot."""
        return f".{self.value}"


_RENDERERS = {
    ExportFormat.JSON: render_json,
    ExportFormat.MARKDOWN: render_markdown,
    ExportFormat.HTML: render_html,
    ExportFormat.TEXT: render_text,
}


def render(document: ExportDocument, export_format: ExportFormat) -> str:
    """The export as text in a text format (every format but PDF)."""
    if export_format is ExportFormat.PDF:
        raise ValueError("PDF is written by desktop_app.gui.export_pdf.write_pdf (it needs Qt).")
    return _RENDERERS[export_format](document)


def write_export(document: ExportDocument, export_format: ExportFormat, path: str | Path) -> Path:
    """Write a text-format export to `path` atomically (UTF-8); return the path."""
    path = Path(path)
    atomic_write_bytes(path, render(document, export_format).encode("utf-8"))
    return path


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ConversationExport",
    "ConversationImportError",
    "ExportDocument",
    "ExportFormat",
    "ExportedMessage",
    "ExportedProfile",
    "ExportedUsage",
    "ImportReport",
    "collect",
    "conversation_export",
    "import_document",
    "import_file",
    "parse_json",
    "read_json_file",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "write_export",
]
