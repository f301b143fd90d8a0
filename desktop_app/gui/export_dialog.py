"""Export dialog: one conversation, a selection or everything, in any format, off the GUI thread."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.error_text import describe_error, is_expected
from desktop_app.core.export import ExportFormat, collect, write_export
from desktop_app.core.export.collect import HistoryReader
from desktop_app.core.storage.records import Conversation
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_app.gui.services import Services

# Marked for lupdate here, translated when shown (format_label).
FORMAT_LABELS = {
    ExportFormat.JSON: QT_TRANSLATE_NOOP(
        "ExportDialog", "AgentsGT Desktop JSON (can be imported again)"
    ),
    ExportFormat.MARKDOWN: QT_TRANSLATE_NOOP("ExportDialog", "Markdown"),
    ExportFormat.HTML: QT_TRANSLATE_NOOP("ExportDialog", "Web page (HTML)"),
    ExportFormat.TEXT: QT_TRANSLATE_NOOP("ExportDialog", "Plain text"),
    ExportFormat.PDF: QT_TRANSLATE_NOOP("ExportDialog", "PDF"),
}
CONVERSATION_ROLE = Qt.ItemDataRole.UserRole + 1


class ExportScope(StrEnum):
    """Which conversations go into the file."""

    CURRENT = "current"
    SELECTION = "selection"
    ALL = "all"


def safe_file_name(title: str) -> str:
    """A file name (no suffix) from a title: letters, digits, - and _ only."""
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:60] or "conversation"


def default_folder() -> Path:
    """The user's Documents folder (or home when the platform has none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def write_error_sentence(error: OSError, path: Path) -> str:
    """What to tell the person when the file could not be written."""
    reason = error.strerror or str(error)
    return QCoreApplication.translate(
        "ExportDialog", "Could not write {name}: {reason}. Choose another folder or name."
    ).format(name=path.name, reason=reason)


class ExportDialog(QDialog):
    """Choose what to export, the format and the file; then write it without freezing the app."""

    export_finished = Signal(str)  # the file written
    export_failed = Signal(str)  # the sentence shown

    def __init__(
        self,
        database: HistoryReader,
        parent: QWidget | None = None,
        *,
        conversation_id: str | None = None,
        selected_ids: Sequence[str] = (),
        folder: Path | None = None,
        opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export conversations"))
        self.setAccessibleName(self.tr("Export conversations"))
        self._database = database
        self._conversation_id = conversation_id
        self._opener = opener
        self._folder = folder or default_folder()
        self._path_edited = False
        self.written: Path | None = None
        self.task: asyncio.Task[None] | None = None
        self.file_dialog: QFileDialog | None = None
        self._build(database.list_conversations(), set(selected_ids))
        self._connect_signals()
        self._choose_default_scope(selected_ids)
        self._suggest_path()

    def _build(self, conversations: list[Conversation], selected: set[str]) -> None:
        self.current_radio = QRadioButton(self.tr("This conversation"), self)
        self.selection_radio = QRadioButton(self.tr("Chosen conversations:"), self)
        self.all_radio = QRadioButton(
            self.tr("Everything (%n conversation(s))", "", len(conversations)), self
        )
        self.scope_group = QButtonGroup(self)
        for scope, radio in self._radios().items():
            self.scope_group.addButton(radio)
            radio.setAccessibleName(radio.text())
            radio.setProperty("scope", str(scope))
        self.current_radio.setEnabled(self._conversation_id is not None)
        self.conversation_list = QListWidget(self)
        self.conversation_list.setAccessibleName(self.tr("Conversations to export"))
        for conversation in conversations:
            when = conversation.updated_at.astimezone().strftime("%Y-%m-%d")
            item = QListWidgetItem(f"{conversation.title}  ({when})")
            item.setData(CONVERSATION_ROLE, conversation.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = conversation.id in selected
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.conversation_list.addItem(item)
        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName(self.tr("Format"))
        for export_format, label in FORMAT_LABELS.items():
            self.format_box.addItem(
                QCoreApplication.translate("ExportDialog", label), export_format
            )
        self.format_box.setCurrentIndex(self.format_box.findData(ExportFormat.MARKDOWN))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the file"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Export status"))
        self.show_folder_button = QPushButton(self.tr("Show in folder"), self)
        self.show_folder_button.hide()
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("File:"), path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_radio)
        layout.addWidget(self.selection_radio)
        layout.addWidget(self.conversation_list, 1)
        layout.addWidget(self.all_radio)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(560, 480)

    def _radios(self) -> dict[ExportScope, QRadioButton]:
        return {
            ExportScope.CURRENT: self.current_radio,
            ExportScope.SELECTION: self.selection_radio,
            ExportScope.ALL: self.all_radio,
        }

    def _connect_signals(self) -> None:
        self.scope_group.buttonToggled.connect(self.on_scope_group_button_toggled)
        self.conversation_list.itemChanged.connect(self.on_conversation_list_item_changed)
        self.format_box.currentIndexChanged.connect(self.on_format_box_current_index_changed)
        self.path_edit.textEdited.connect(self.on_path_edit_text_edited)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.show_folder_button.clicked.connect(self.on_show_folder_button_clicked)
        self.close_button.clicked.connect(self.close)

    # -- public --------------------------------------------------------------------------------

    @property
    def scope(self) -> ExportScope:
        """What the person chose to export."""
        checked = self.scope_group.checkedButton()
        return ExportScope(checked.property("scope")) if checked else ExportScope.ALL

    def set_scope(self, scope: ExportScope) -> None:
        """Choose what to export."""
        self._radios()[scope].setChecked(True)

    @property
    def export_format(self) -> ExportFormat:
        """The chosen file format."""
        return ExportFormat(self.format_box.currentData())

    def set_format(self, export_format: ExportFormat) -> None:
        """Choose the file format (the file name's suffix follows)."""
        self.format_box.setCurrentIndex(self.format_box.findData(export_format))

    def chosen_ids(self) -> list[str] | None:
        """The conversation ids to export for the current scope (None means every one)."""
        if self.scope is ExportScope.CURRENT:
            return [self._conversation_id] if self._conversation_id else []
        if self.scope is ExportScope.ALL:
            return None
        items = (self.conversation_list.item(i) for i in range(self.conversation_list.count()))
        return [
            item.data(CONVERSATION_ROLE)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def target_path(self) -> Path | None:
        """The file to write, with the format's suffix (None when the field is empty)."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        suffix = self.export_format.suffix
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    @property
    def busy(self) -> bool:
        """True while the export is being written."""
        return self.task is not None and not self.task.done()

    # -- slots ---------------------------------------------------------------------------------

    def on_scope_group_button_toggled(self, _button: QRadioButton, checked: bool) -> None:
        """A new scope: suggest a matching file name unless one was typed."""
        if checked:
            # The list stays enabled: ticking a conversation chooses "Chosen conversations".
            self._suggest_path()

    def on_conversation_list_item_changed(self, _item: QListWidgetItem) -> None:
        """Ticking a conversation means exporting the chosen ones."""
        if not self.selection_radio.isChecked():
            self.selection_radio.setChecked(True)

    def on_format_box_current_index_changed(self, _index: int) -> None:
        """Keep the file name's suffix in step with the format."""
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            stem = path.with_suffix("") if path.suffix.lower() in _SUFFIXES else path
            self.path_edit.setText(str(stem) + self.export_format.suffix)

    def on_path_edit_text_edited(self, _text: str) -> None:
        """A typed path is kept when the scope changes."""
        self._path_edited = True

    def on_browse_button_clicked(self) -> None:
        """Ask for the file with a non-blocking file dialog."""
        dialog = QFileDialog(self, self.tr("Export to"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(self.export_format.value)
        label = QCoreApplication.translate("ExportDialog", FORMAT_LABELS[self.export_format])
        dialog.setNameFilter(f"{label} (*{self.export_format.suffix})")
        path = self.target_path()
        if path is not None:
            dialog.setDirectory(str(path.parent))
            dialog.selectFile(path.name)
        dialog.fileSelected.connect(self.on_file_dialog_file_selected)
        dialog.open()
        self.file_dialog = dialog

    def on_file_dialog_file_selected(self, path: str) -> None:
        """The file dialog's answer."""
        self._path_edited = True
        self.path_edit.setText(path)
        self.on_format_box_current_index_changed(0)

    def on_export_button_clicked(self) -> None:
        """Check the choices, then write the export as a task."""
        if self.busy:
            return
        ids, path = self.chosen_ids(), self.target_path()
        if ids == []:
            self._fail(self.tr("Choose at least one conversation to export."))
            return
        if ids is None and self.conversation_list.count() == 0:
            self._fail(self.tr("There are no conversations to export yet."))
            return
        if path is None:
            self._fail(self.tr("Choose the file to export to."))
            return
        self.show_folder_button.hide()
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Exporting to {name}…").format(name=path.name))
        self.task = asyncio.ensure_future(self._export(ids, self.export_format, path))
        self.task.add_done_callback(self._on_task_done)

    def on_show_folder_button_clicked(self) -> None:
        """Open the folder that holds the written file."""
        if self.written is not None:
            self._opener(QUrl.fromLocalFile(str(self.written.parent)))

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Closing does not stop a write in progress: it finishes atomically in its thread."""
        if self.file_dialog is not None:
            self.file_dialog.close()
        super().closeEvent(event)

    # -- internals -----------------------------------------------------------------------------

    def _choose_default_scope(self, selected_ids: Sequence[str]) -> None:
        if selected_ids:
            self.set_scope(ExportScope.SELECTION)
        elif self._conversation_id is not None:
            self.set_scope(ExportScope.CURRENT)
        else:
            self.set_scope(ExportScope.ALL)

    def _suggest_path(self) -> None:
        if self._path_edited:
            return
        name = "agentsgt-conversations"
        if self.scope is ExportScope.CURRENT and self._conversation_id is not None:
            conversation = self._database.get_conversation(self._conversation_id)
            if conversation is not None:
                name = safe_file_name(conversation.title)
        self.path_edit.setText(str(self._folder / (name + self.export_format.suffix)))

    async def _export(self, ids: list[str] | None, export_format: ExportFormat, path: Path) -> None:
        try:
            document = await asyncio.to_thread(collect, self._database, ids)
            if export_format is ExportFormat.PDF:
                # QTextDocument and QPdfWriter live and die in the worker thread (safe: see
                # export_pdf.write_pdf); long exports take seconds to lay out.
                from desktop_app.gui.export_pdf import write_pdf

                await asyncio.to_thread(write_pdf, document, path)
            else:
                await asyncio.to_thread(write_export, document, export_format, path)
        except OSError as error:
            self._fail(write_error_sentence(error, path))
            return
        except Exception as error:
            if not is_expected(error):
                raise
            self._fail(describe_error(error).sentence)
            return
        count = len(document.conversations)
        self.written = path
        self.status_label.setText(
            self.tr("Exported %n conversation(s) to {path}.", "", count).format(path=path)
        )
        self.show_folder_button.show()
        self.export_finished.emit(str(path))

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self.export_button.setEnabled(True)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            assert error is not None
            sys.excepthook(type(error), error, error.__traceback__)

    def _fail(self, sentence: str) -> None:
        self.status_label.setText(sentence)
        self.export_failed.emit(sentence)


_SUFFIXES = {export_format.suffix for export_format in ExportFormat}


def start_export(
    window: QWidget,
    services: Services,
    conversation_id: str | None = None,
    *,
    announce: Callable[[str], object] = lambda sentence: None,
) -> ExportDialog:
    """Open the export dialog for the window (non-modal), the open conversation preselected;
    `announce` is told the sentence to show when the export is written."""
    for previous in window.findChildren(ExportDialog):
        if previous.busy:  # one export at a time: show the one still writing
            previous.show()
            previous.raise_()
            return previous
        previous.deleteLater()
    dialog = ExportDialog(services.database, window, conversation_id=conversation_id)
    dialog.export_finished.connect(lambda path: announce(f"Exported to {Path(path).name}."))
    dialog.show()
    return dialog
