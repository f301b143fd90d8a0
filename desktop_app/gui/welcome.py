"""The first-launch pane: what this app is, "Add an agent" and "Try the demo agent"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePane(QWidget):
    """Shown instead of the chat while there is no profile."""

    add_agent_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to AgentsGT Desktop"), self)
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text = QLabel(
            self.tr(
                "Chat with your AgentsGT agents from your desktop. Add an agent with its API key "
                "pair (the keys stay in your system's keyring), or try the built-in demo agent: "
                "it runs on this computer and needs no account."
            ),
            self,
        )
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # A fixed width lets the wrapped label compute its height (an alignment flag in the
        # layout alone leaves it one line tall and cuts the text).
        text.setFixedWidth(480)
        self.add_button = QPushButton(self.tr("Add an agent…"), self)
        self.add_button.setAccessibleName(self.tr("Add an agent"))
        self.add_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Try the demo agent"), self)
        self.demo_button.setAccessibleName(self.tr("Try the demo agent"))
        for button in (self.add_button, self.demo_button):
            button.setMinimumHeight(34)
            button.setMinimumWidth(170)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(10)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(text)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        layout.addSpacing(22)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.add_button.clicked.connect(self.add_agent_requested)
        self.demo_button.clicked.connect(self.demo_requested)
