"""PDF export: the HTML export laid out by QTextDocument and printed with QPdfWriter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app import APP_NAME
from desktop_app.core.export.html_format import BodyRenderer, highlight_code, render_html
from desktop_app.core.export.labels import document_heading
from desktop_app.core.export.schema import ExportDocument
from desktop_app.core.temp_files import sibling_temp_file

_MARGIN_MM = 15.0
_RESOLUTION_DPI = 300
_app_for_cli: QGuiApplication | None = None


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen QGuiApplication for the command line.

    Only a QGuiApplication can lay out text with fonts. On Linux with no display the
    offscreen platform is chosen, so `agentsgt-desktop export --format pdf` works over SSH.
    """
    global _app_for_cli
    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("A PDF needs a QGuiApplication, but a QCoreApplication is running.")
        return app
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app_for_cli = QGuiApplication([sys.argv[0] if sys.argv else "agentsgt-desktop"])
    return _app_for_cli


def paged_body_renderer() -> BodyRenderer:
    """The export's Markdown renderer with code blocks laid out for pages.

    Code is one shaded, single-spaced paragraph per line instead of a one-cell table: Qt paints
    a table cell cut by a page break as a box to the page's end and another from the next
    page's top, empty where no line of code is.
    """
    from desktop_app.core.markdown_render import MarkdownRenderer

    renderer = MarkdownRenderer(highlight_code, code_as_lines=True)
    return lambda text: renderer.render(text).html


def layout_document(document: ExportDocument, body: BodyRenderer | None = None) -> QTextDocument:
    """The export's HTML as a QTextDocument (the .html export's escaped HTML, code for pages)."""
    text_document = QTextDocument()
    text_document.setDocumentMargin(0)
    text_document.setHtml(render_html(document, body or paged_body_renderer()))
    return text_document


def write_pdf(document: ExportDocument, path: str | Path, body: BodyRenderer | None = None) -> Path:
    """Write the export as an A4 PDF at `path`; a crash never leaves half a file there.

    Needs a QGuiApplication (see `ensure_gui_application`). It blocks for seconds on long
    exports (about 9 s per 1,000 long messages): the GUI should run it in a worker thread
    (`await asyncio.to_thread(write_pdf, ...)`), which is safe: QTextDocument and QPdfWriter
    are created, used and destroyed in the calling thread.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Listed while it exists: a killed export's temp file is removed at the next start.
    with sibling_temp_file(path) as (fd, temp):
        os.close(fd)
        writer = QPdfWriter(str(temp))
        writer.setResolution(_RESOLUTION_DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        writer.setTitle(document_heading(document).title)
        writer.setCreator(APP_NAME)
        layout_document(document, body).print_(writer)
        # The file is complete only once the writer is gone.
        del writer
        os.replace(temp, path)
    return path
