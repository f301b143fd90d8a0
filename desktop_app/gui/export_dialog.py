"""Export from the window: pick a file and format, then write it off the GUI thread."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop_app.core.export import ExportFormat, collect, write_export
from desktop_app.core.storage.conversations import propose_title

if TYPE_CHECKING:
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.services import Services

_FILTERS = {
    "Markdown (*.md)": ExportFormat.MARKDOWN,
    "Web page (*.html)": ExportFormat.HTML,
    "PDF (*.pdf)": ExportFormat.PDF,
    "Plain text (*.txt)": ExportFormat.TEXT,
    "AgentsGT Desktop JSON (*.json)": ExportFormat.JSON,
}


def _safe_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:60] or "conversation"


def start_export(window: MainWindow, services: Services, conversation_id: str) -> QFileDialog:
    """Ask where to save (non-blocking file dialog), then write the export as a window task."""
    conversation = services.database.get_conversation(conversation_id)
    title = conversation.title if conversation else propose_title("conversation")
    dialog = QFileDialog(window, "Export conversation")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(list(_FILTERS))
    dialog.selectFile(_safe_name(title) + ".md")

    def on_file_selected(path: str) -> None:
        export_format = _FILTERS.get(dialog.selectedNameFilter(), ExportFormat.MARKDOWN)
        target = Path(path)
        if target.suffix.lower() != export_format.suffix:
            target = target.with_suffix(export_format.suffix)
        window.tasks.run(_export(window, services, conversation_id, export_format, target))

    dialog.fileSelected.connect(on_file_selected)
    dialog.open()
    window.export_dialog = dialog
    return dialog


async def _export(
    window: MainWindow,
    services: Services,
    conversation_id: str,
    export_format: ExportFormat,
    target: Path,
) -> None:
    document = collect(services.database, [conversation_id])
    if export_format is ExportFormat.PDF:
        # QTextDocument layout must stay on the GUI thread; a single conversation is quick.
        from desktop_app.gui.export_pdf import write_pdf

        write_pdf(document, target)
    else:
        await asyncio.to_thread(write_export, document, export_format, target)
    window.announce(f"Exported to {target.name}.")
