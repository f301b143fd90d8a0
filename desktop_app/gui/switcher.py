"""Ctrl+K: a small popup to find a profile (agent) by typing and switch to it."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.profiles import Profile

_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class SwitcherEntry:
    """One row: a profile by its names."""

    profile_id: str
    display_name: str
    agent_name: str
    model_name: str

    @classmethod
    def of(cls, profile: Profile) -> SwitcherEntry:
        """The row for a saved profile."""
        return cls(profile.id, profile.display_name, profile.agent_name, profile.model_name)


def folded(text: str) -> str:
    """`text` for matching: case and accents dropped ("México" matches "mexico")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(entry: SwitcherEntry, query: str) -> bool:
    """True when the query (folded) is part of the entry's display name or agent name."""
    needle = folded(query.strip())
    return needle in folded(entry.display_name) or needle in folded(entry.agent_name)


def _row_text(entry: SwitcherEntry) -> str:
    details = " · ".join(part for part in (entry.agent_name, entry.model_name) if part)
    return f"{entry.display_name}\n{details}" if details else entry.display_name


class Switcher(QDialog):
    """A frameless popup: filter field over the list; Up/Down move, Enter picks, Esc closes.

    Emits `picked(profile_id)` and closes; the window then switches profile and puts the
    focus back in the composer.
    """

    picked = Signal(str)

    def __init__(self, entries: Sequence[SwitcherEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setAccessibleName(self.tr("Switch agent"))
        self.entries = list(entries)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Switch to an agent…"))
        self.filter.setAccessibleName(self.tr("Filter agents"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Agents"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the filter
        self.empty = QLabel(self.tr("No agent matches."), self)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(self._pick_item)
        self.list.itemClicked.connect(self._pick_item)
        self.resize(420, 320)
        self._refilter("")

    def shown_ids(self) -> list[str]:
        """The profile ids listed now, top to bottom."""
        return [str(self.list.item(i).data(_ID_ROLE)) for i in range(self.list.count())]

    def current_id(self) -> str | None:
        """The highlighted profile's id."""
        item = self.list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else None

    def popup(self, anchor: QWidget | None = None) -> None:
        """Show near the top of `anchor` (the window), centred, with the filter focused."""
        if anchor is not None:
            top = anchor.mapToGlobal(anchor.rect().topLeft())
            x = top.x() + max(0, (anchor.width() - self.width()) // 2)
            self.move(x, top.y() + 60)
        self.show()
        self.activateWindow()
        self.filter.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick_item(self.list.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.list.count()
        if count:
            self.list.setCurrentRow((self.list.currentRow() + step) % count)

    def _refilter(self, text: str) -> None:
        self.list.clear()
        for entry in self.entries:
            if matches(entry, text):
                item = QListWidgetItem(_row_text(entry))
                item.setData(_ID_ROLE, entry.profile_id)
                item.setToolTip(_row_text(entry).replace("\n", " — "))
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        profile_id = str(item.data(_ID_ROLE))
        self.accept()
        self.picked.emit(profile_id)


def open_switcher(
    parent: QWidget, profiles: Sequence[Profile], current_id: str | None = None
) -> Switcher:
    """Build and show the switcher over `parent` (deleted on close), the current one highlighted."""
    switcher = Switcher([SwitcherEntry.of(p) for p in profiles], parent)
    switcher.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if current_id in switcher.shown_ids():
        switcher.list.setCurrentRow(switcher.shown_ids().index(current_id))
    switcher.popup(parent)
    return switcher
