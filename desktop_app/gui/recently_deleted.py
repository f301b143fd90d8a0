"""The Recently deleted dialog: conversations in the bin, with Restore and Delete forever."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AgentsGTError
from desktop_app.core.storage import Conversation, Database
from desktop_app.gui.conversation_actions import PURGE_AFTER_DAYS, failure_sentence

_ID_ROLE = Qt.ItemDataRole.UserRole

#: Asks before erasing: (parent, title) -> True to go ahead. Tests pass their own answer.
Confirm = Callable[[QWidget, str], bool]


def ask_delete_forever(parent: QWidget, title: str) -> bool:
    """A Yes/No question; No is the default (erasing cannot be undone)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("RecentlyDeletedDialog", "Delete forever"),
        QCoreApplication.translate(
            "RecentlyDeletedDialog", "Delete “{title}” forever? This cannot be undone."
        ).format(title=title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _row_text(conversation: Conversation, profile_names: dict[str, str]) -> str:
    deleted = conversation.deleted_at
    when = deleted.astimezone().strftime("%Y-%m-%d %H:%M") if deleted else ""
    profile = profile_names.get(conversation.profile_id, "")
    deleted_when = QCoreApplication.translate("RecentlyDeletedDialog", "deleted {when}")
    return f"{conversation.title}\n{profile} · {deleted_when.format(when=when)}"


class RecentlyDeletedDialog(QDialog):
    """Lists the bin (newest first). The window reloads its conversations on `restored`."""

    restored = Signal(str)  # conversation id, back in its profile's list
    erased = Signal(str)  # conversation id, gone for good

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_delete_forever,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recently deleted"))
        self.database = database
        self._confirm = confirm
        note = QLabel(
            self.tr(
                "Deleted conversations are kept for %n day(s), then erased.", "", PURGE_AFTER_DAYS
            ),
            self,
        )
        note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Recently deleted conversations"))
        self.empty = QLabel(self.tr("Nothing was deleted recently."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.erase_button = QPushButton(self.tr("&Delete forever…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        self.resize(460, 380)
        self.reload()

    def reload(self) -> None:
        """Read the bin again (keeps the highlighted row when it is still there)."""
        current = self.selected_id()
        self.list.clear()
        try:
            conversations = self.database.list_conversations(deleted=True)
            names = {p.id: p.display_name for p in self.database.list_profiles()}
        except AgentsGTError as error:
            self._show_error(failure_sentence("listed", error))
            conversations, names = [], {}
        for conversation in conversations:
            item = QListWidgetItem(_row_text(conversation, names))
            item.setData(_ID_ROLE, conversation.id)
            self.list.addItem(item)
            if conversation.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(conversations))
        self.empty.setVisible(not conversations)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The highlighted conversation's id, or None."""
        item = self.list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else None

    def restore_selected(self) -> None:
        """Put the highlighted conversation back in its profile's list."""
        conversation_id = self.selected_id()
        if conversation_id is None:
            return
        try:
            self.database.restore_conversation(conversation_id)
        except AgentsGTError as error:
            self._show_error(failure_sentence("restored", error))
        else:
            self.restored.emit(conversation_id)
        self.reload()

    def erase_selected(self) -> None:
        """Delete the highlighted conversation forever, once the user confirms."""
        item = self.list.currentItem()
        if item is None:
            return
        conversation_id = str(item.data(_ID_ROLE))
        if not self._confirm(self, item.text().split("\n", 1)[0]):
            return
        try:
            self.database.erase_conversation(conversation_id)
        except AgentsGTError as error:
            self._show_error(failure_sentence("deleted", error))
        else:
            self.erased.emit(conversation_id)
        self.reload()

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.restore_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen)

    def _show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()


def open_recently_deleted(
    parent: QWidget, database: Database, on_restored: Callable[[str], None]
) -> RecentlyDeletedDialog:
    """Open the dialog (non-modal, deleted on close); `on_restored` gets each restored id."""
    dialog = RecentlyDeletedDialog(database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(on_restored)
    dialog.show()
    return dialog
