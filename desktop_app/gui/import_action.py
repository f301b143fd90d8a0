"""File → Import…: choose a JSON export, import it off the GUI thread, say what happened."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.core.error_text import describe_error
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.export.importer import ImportReport
from desktop_app.gui.services import Services

#: Asks for the file to import: (parent) -> its path, or None when the user cancels.
ChooseFile = Callable[[QWidget], Awaitable[Path | None]]
#: Shows the outcome to the user: (parent, outcome).
ShowOutcome = Callable[[QWidget, "ImportOutcome"], None]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did: the report when it ran, or the sentence saying why it did not."""

    sentence: str
    report: ImportReport | None = None

    @property
    def succeeded(self) -> bool:
        """True when the file was imported (possibly with nothing new in it)."""
        return self.report is not None


class ImportAction(QObject):
    """The translation context of the import's sentences (its tr() reads their plurals)."""


async def ask_for_json_file(parent: QWidget) -> Path | None:
    """A non-blocking open-file dialog for JSON exports (the event loop keeps running)."""
    dialog = QFileDialog(parent, QCoreApplication.translate("ImportAction", "Import conversations"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(
        QCoreApplication.translate("ImportAction", "Conversations exported as JSON") + " (*.json)"
    )
    chosen: asyncio.Future[Path | None] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        files = dialog.selectedFiles()
        if not chosen.done():
            chosen.set_result(Path(files[0]) if result and files else None)

    dialog.finished.connect(done)
    dialog.open()
    try:
        return await chosen
    finally:
        dialog.deleteLater()


def show_outcome(parent: QWidget, outcome: ImportOutcome) -> None:
    """A non-blocking message box with the outcome."""
    icon = QMessageBox.Icon.Information if outcome.succeeded else QMessageBox.Icon.Warning
    box = QMessageBox(
        icon,
        QCoreApplication.translate("ImportAction", "Import"),
        outcome.sentence,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if outcome.report is not None:
        box.setDetailedText("\n".join(outcome.report.lines()))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def summary(report: ImportReport) -> str:
    """One sentence for the report (the detail is in `report.lines()`)."""
    count = len(report.imported)
    restored = sum(1 for c in report.imported if c.restored)
    if count == 0:
        return QCoreApplication.translate(
            "ImportAction", "Nothing new to import: every conversation in the file is already here."
        )
    # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
    imported = ImportAction.tr("Imported %n conversation(s).", "", count)  # type: ignore[arg-type]
    if restored:
        # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
        back = ImportAction.tr("%n came back from Recently deleted.", "", restored)  # type: ignore[arg-type]
        return f"{imported} {back}"
    return imported


def _import(database_path: Path, file: Path) -> ImportReport:
    # Its own connection, on a worker thread: the window's stays free for reading meanwhile.
    from desktop_app.core.export import import_document, read_json_file
    from desktop_app.core.storage import Database

    document = read_json_file(file)  # validated before the history is opened
    with Database.open(database_path) as database:
        return import_document(database, document)


async def import_conversations(
    parent: QWidget,
    services: Services,
    *,
    choose_file: ChooseFile = ask_for_json_file,
    show: ShowOutcome = show_outcome,
) -> ImportOutcome | None:
    """Ask for a JSON export and import it; None when the user cancels.

    The window runs this as a task, then reloads its lists when the outcome succeeded.
    """
    file = await choose_file(parent)
    if file is None:
        return None
    try:
        report = await asyncio.to_thread(_import, services.database.path, file)
    except AgentsGTError as error:
        outcome = ImportOutcome(describe_error(error).sentence)
    else:
        outcome = ImportOutcome(summary(report), report)
    show(parent, outcome)
    return outcome
