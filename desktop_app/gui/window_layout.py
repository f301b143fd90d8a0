"""The window's widgets and layout, its menus and toolbar (built before the first paint)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.actions import WindowActions
from desktop_app.gui.composer import ComposerPanel
from desktop_app.gui.empty_state import EmptyState
from desktop_app.gui.error_banner import ErrorBanner
from desktop_app.gui.find_bar import FindBar
from desktop_app.gui.icons import Icon
from desktop_app.gui.sidebar import Sidebar
from desktop_app.gui.transcript import TranscriptView
from desktop_app.gui.welcome import WelcomePane

#: The toolbar's icons: smaller than the style's 24 px, in proportion with the text beside them.
TOOLBAR_ICON_PX = 18
#: Below this window width the toolbar shows icons only (their tooltips name them).
TOOLBAR_TEXT_MIN_WIDTH = 900


def fit_toolbar(toolbar: QToolBar, window_width: int, has_icons: bool) -> None:
    """Text beside the icons when there is room for it; icons only in a narrow window."""
    narrow = has_icons and window_width < TOOLBAR_TEXT_MIN_WIDTH
    toolbar.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonIconOnly
        if narrow
        else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )


class WindowWidgets:
    """The window's widgets, laid out in `window` (its central widget is set here)."""

    def __init__(self, window: QMainWindow) -> None:
        self.sidebar = Sidebar(window)
        self.transcript = TranscriptView(window)
        self.transcript.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "Conversation")
        )
        # A new chat, or a conversation that is gone, shows an empty state in its place.
        self.empty_state = EmptyState(Icon.AGENT, window)
        # Scrolled rather than squeezed: its prompts must not set the window's minimum height.
        self.empty_state_area = QScrollArea(window)
        self.empty_state_area.setFrameShape(QFrame.Shape.NoFrame)
        self.empty_state_area.setWidgetResizable(True)
        self.empty_state_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_state_area.setWidget(self.empty_state)
        self.conversation_stack = QStackedWidget(window)
        self.conversation_stack.addWidget(self.transcript)
        self.conversation_stack.addWidget(self.empty_state_area)
        self.header = QLabel(window)
        self.header.setObjectName("sidebarHeading")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setAccessibleName(QCoreApplication.translate("WindowWidgets", "Current agent"))
        self.find_bar = FindBar(self.transcript.browser, window)  # hidden until Ctrl+F
        self.find_bar.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "Find in conversation")
        )
        self.banner = ErrorBanner(window)
        # Problems with where history and keys are kept get banners of their own, above the
        # pages (the welcome page too): a chat error, or its clearing, must not hide them.
        self.storage_banner = ErrorBanner(window)
        self.storage_banner.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "History problem")
        )
        self.keyring_banner = ErrorBanner(window)
        self.keyring_banner.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "Keyring problem")
        )
        self.far_page_label = QLabel(
            QCoreApplication.translate(
                "WindowWidgets", "Showing messages around the search result."
            ),
            window,
        )
        self.far_page_label.setObjectName("statusLabel")
        self.jump_latest_button = QPushButton(
            QCoreApplication.translate("WindowWidgets", "Jump to latest"), window
        )
        self.jump_latest_button.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "Jump to the latest messages")
        )
        far_row = QHBoxLayout()
        far_row.setContentsMargins(10, 0, 10, 0)
        far_row.addWidget(self.far_page_label, 1)
        far_row.addWidget(self.jump_latest_button)
        self.far_page_bar = QWidget(window)
        self.far_page_bar.setLayout(far_row)
        self.far_page_bar.hide()
        self.edit_notice = QLabel(
            QCoreApplication.translate(
                "WindowWidgets", "Editing your message: send to resend from there."
            ),
            window,
        )
        self.edit_notice.setObjectName("statusLabel")
        self.cancel_edit_button = QPushButton(
            QCoreApplication.translate("WindowWidgets", "Cancel edit"), window
        )
        self.cancel_edit_button.setAccessibleName(
            QCoreApplication.translate("WindowWidgets", "Cancel edit")
        )
        edit_row = QHBoxLayout()
        edit_row.setContentsMargins(10, 0, 10, 0)
        edit_row.addWidget(self.edit_notice, 1)
        edit_row.addWidget(self.cancel_edit_button)
        self.edit_row = QWidget(window)
        self.edit_row.setLayout(edit_row)
        self.edit_row.hide()
        self.composer = ComposerPanel(window)
        self.status_label = QLabel(window)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setAccessibleName(QCoreApplication.translate("WindowWidgets", "Status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        chat = QWidget(window)
        chat_layout = QVBoxLayout(chat)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.setSpacing(4)
        header_row = QHBoxLayout()
        header_row.setContentsMargins(10, 4, 10, 0)
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.status_label)
        chat_layout.addLayout(header_row)
        chat_layout.addWidget(self.find_bar)
        chat_layout.addWidget(self.far_page_bar)
        chat_layout.addWidget(self.conversation_stack, 1)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(10, 0, 10, 0)
        banner_row.addWidget(self.banner)
        chat_layout.addLayout(banner_row)
        chat_layout.addWidget(self.edit_row)
        chat_layout.addWidget(self.composer)

        self.welcome = WelcomePane(window)
        self.pages = QStackedWidget(window)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(chat)
        self.chat_page = chat
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 840])
        self.splitter.setChildrenCollapsible(False)
        # The history banner spans the window: it matters on the welcome page too.
        central = QWidget(window)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # Hidden, they take no room.
        central_layout.addWidget(self.storage_banner)
        central_layout.addWidget(self.keyring_banner)
        central_layout.addWidget(self.splitter, 1)
        window.setCentralWidget(central)


def build_menus(window: QMainWindow, a: WindowActions) -> QToolBar:
    """Fill the window's menu bar and add its toolbar (returned)."""
    menus = window.menuBar()
    file_menu = menus.addMenu(QCoreApplication.translate("WindowMenus", "&File"))
    for action in (a.new_chat, a.import_, a.export, a.recently_deleted, a.open_data_folder):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = menus.addMenu(QCoreApplication.translate("WindowMenus", "&Edit"))
    for action in (a.copy_last_reply, a.copy_conversation, a.find, a.search):
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    edit_menu.addAction(a.settings)
    chat_menu = menus.addMenu(QCoreApplication.translate("WindowMenus", "&Chat"))
    for action in (a.stop, a.regenerate, a.switch_agent):
        chat_menu.addAction(action)
    agents_menu = menus.addMenu(QCoreApplication.translate("WindowMenus", "&Agents"))
    agents_menu.addAction(a.profiles)
    agents_menu.addAction(a.server_history)
    agents_menu.addAction(a.demo)
    help_menu = menus.addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
    help_menu.addAction(a.about)
    toolbar = QToolBar(QCoreApplication.translate("WindowMenus", "Main toolbar"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName(QCoreApplication.translate("WindowMenus", "Main toolbar"))
    toolbar.setMovable(False)
    # Icons come after the first paint (MainWindow.start); until then the text alone shows.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setIconSize(QSize(TOOLBAR_ICON_PX, TOOLBAR_ICON_PX))
    for action in (a.new_chat, a.stop, a.regenerate, a.copy_last_reply, a.export):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(a.profiles)
    toolbar.addAction(a.settings)
    window.addToolBar(toolbar)
    return toolbar
