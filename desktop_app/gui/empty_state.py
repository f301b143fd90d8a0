"""A centred empty state: an icon, a title, a line of text, example prompts, an optional button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.icons import Icon, mix, tinted_pixmap

_ICON_PX = 40
_MAX_WIDTH = 460


class EmptyState(QWidget):
    """What a pane shows when it has nothing to show, and what the reader can do about it.

    `prompt_chosen(text)` when an example prompt is clicked; `action_triggered` for the button.
    The icon is drawn when the widget is first shown (never before the window's first paint).
    """

    prompt_chosen = Signal(str)
    action_triggered = Signal()

    def __init__(self, icon: Icon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._icon = icon
        self._icon_colour = ""
        self.icon_label = QLabel(self)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setFixedHeight(_ICON_PX + 8)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("emptyStateText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.action_triggered)
        self.button.hide()
        self._prompts = QVBoxLayout()
        self._prompts.setSpacing(6)
        self._prompt_buttons: list[QPushButton] = []
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(self.icon_label)
        column.addWidget(self.title_label)
        column.addWidget(self.text_label)
        column.addSpacing(8)
        column.addLayout(self._prompts)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget(self)
        holder.setLayout(column)
        self._holder = holder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_content(
        self,
        title: str,
        text: str,
        *,
        prompts: Sequence[str] = (),
        button_text: str = "",
        icon: Icon | None = None,
    ) -> None:
        """Show this title and text, these example prompts, and a button if it has a text."""
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))
        if icon is not None and icon is not self._icon:
            self._icon = icon
            self._icon_colour = ""
            self._refresh_icon()
        for old in self._prompt_buttons:
            # Out of the layout now: deleted later, they would still count in its height.
            self._prompts.removeWidget(old)
            old.hide()
            old.deleteLater()
        self._prompt_buttons = []
        for prompt in prompts:
            button = QPushButton(prompt, self)
            button.setObjectName("examplePrompt")
            button.setAccessibleName(prompt)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, text=prompt: self.prompt_chosen.emit(text))
            self._prompts.addWidget(button)
            self._prompt_buttons.append(button)
        self.button.setText(button_text)
        self.button.setAccessibleName(button_text)
        self.button.setVisible(bool(button_text))
        self._fit_column(self.width())

    @property
    def prompt_buttons(self) -> list[QPushButton]:
        """The example prompts' buttons, in order."""
        return list(self._prompt_buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        self._fit_column(event.size().width())
        super().resizeEvent(event)

    def _fit_column(self, width: int) -> None:
        # A set width and the height its wrapped lines need there: left to its size hint the
        # column got too little height and the title overlapped the icon.
        column_width = max(120, min(_MAX_WIDTH, width - 48))
        self._holder.setFixedWidth(column_width)
        column = self._holder.layout()
        if column is not None:
            # -1 while nothing in it wraps: then its own minimum is right.
            self._holder.setMinimumHeight(max(0, column.heightForWidth(column_width)))

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self._refresh_icon()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self._refresh_icon()
        super().changeEvent(event)

    def _refresh_icon(self) -> None:
        palette = self.palette()
        colour = mix(
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Window),
            0.45,
        ).name()
        if colour != self._icon_colour:
            self._icon_colour = colour
            self.icon_label.setPixmap(tinted_pixmap(self._icon, colour, _ICON_PX))


#: Shown on a new chat: things anyone might ask any agent first.
EXAMPLE_PROMPTS = (
    QT_TRANSLATE_NOOP("EmptyState", "What can you help me with?"),
    QT_TRANSLATE_NOOP("EmptyState", "Summarise the main points of a topic you know well."),
    QT_TRANSLATE_NOOP("EmptyState", "Explain your answer step by step."),
)


def show_new_chat(state: EmptyState, agent_name: str) -> None:
    """A new chat with no messages yet: who answers, and a few prompts to start with."""
    state.set_content(
        QCoreApplication.translate("EmptyState", "Chat with {agent}").format(agent=agent_name),
        QCoreApplication.translate("EmptyState", "Ask anything below, or start with one of these."),
        prompts=[QCoreApplication.translate("EmptyState", prompt) for prompt in EXAMPLE_PROMPTS],
        icon=Icon.AGENT,
    )


def show_no_conversations(state: EmptyState, agent_name: str) -> None:
    """A profile chosen that has no conversations yet."""
    state.set_content(
        QCoreApplication.translate("EmptyState", "No conversations with {agent} yet").format(
            agent=agent_name
        ),
        QCoreApplication.translate(
            "EmptyState", "Your conversations with this agent will be listed here."
        ),
        button_text=QCoreApplication.translate("EmptyState", "New chat"),
        icon=Icon.HISTORY,
    )


def show_missing_conversation(state: EmptyState) -> None:
    """The conversation asked for was deleted (or is no longer in the history)."""
    state.set_content(
        QCoreApplication.translate("EmptyState", "This conversation is gone"),
        QCoreApplication.translate(
            "EmptyState",
            "It was deleted, or is no longer in the history. Restore it from Recently deleted, "
            "or start a new chat.",
        ),
        button_text=QCoreApplication.translate("EmptyState", "New chat"),
        icon=Icon.TRASH,
    )
