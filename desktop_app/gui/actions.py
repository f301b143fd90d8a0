"""The window's actions (menu, toolbar, shortcuts) in one place, each with an accessible name."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from desktop_app.gui.icons import Icon

Shortcut = QKeySequence.StandardKey | str


def _action(
    parent: QWidget,
    text: str,
    shortcut: Shortcut | None = None,
    tip: str = "",
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        # "Ctrl" in a string and the standard keys both become Cmd on macOS by themselves.
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(context)
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    action.setToolTip(
        QCoreApplication.translate("WindowActions", "{tip} ({shortcut})").format(
            tip=tip or plain,
            shortcut=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
        )
        if shortcut is not None
        else (tip or plain)
    )
    action.setStatusTip(tip or plain)
    # Toolbar buttons show the icon text, where "&" would become a mnemonic: double it.
    action.setIconText(plain.replace("&", "&&"))
    parent.addAction(action)
    return action


@dataclass(frozen=True, slots=True)
class WindowActions:
    """Every command of the main window."""

    new_chat: QAction
    stop: QAction
    regenerate: QAction
    copy_last_reply: QAction
    copy_conversation: QAction
    export: QAction
    import_: QAction
    recently_deleted: QAction
    open_data_folder: QAction
    find: QAction
    search: QAction
    server_history: QAction
    switch_agent: QAction
    profiles: QAction
    settings: QAction
    demo: QAction
    quit: QAction
    about: QAction
    #: Esc while nothing streams (Stop has Esc then): closes the find bar, cancels an edit.
    escape: QShortcut


@dataclass(frozen=True, slots=True)
class CommandState:
    """What the window has to act on now."""

    has_profile: bool
    #: A saved conversation is open, or the conversation list shows saved ones.
    has_saved_conversations: bool
    has_messages: bool
    #: The open conversation has a reply with text.
    has_reply: bool
    streaming: bool


def update_action_states(actions: WindowActions, state: CommandState) -> None:
    """Enable each action only when it has something to act on."""
    actions.new_chat.setEnabled(state.has_profile)
    actions.server_history.setEnabled(state.has_profile)
    actions.switch_agent.setEnabled(state.has_profile)
    actions.stop.setEnabled(state.streaming)
    # One Esc at a time: two enabled shortcuts on one key would be ambiguous (neither fires).
    actions.escape.setEnabled(not state.streaming)
    actions.regenerate.setEnabled(state.has_reply and not state.streaming)
    actions.copy_last_reply.setEnabled(state.has_reply)
    actions.copy_conversation.setEnabled(state.has_messages)
    actions.export.setEnabled(state.has_saved_conversations)


def action_icons(a: WindowActions) -> tuple[tuple[QAction, Icon], ...]:
    """Each action with its icon (set after the first paint, and again on a theme change)."""
    return (
        (a.new_chat, Icon.NEW_CHAT),
        (a.stop, Icon.STOP),
        (a.regenerate, Icon.REGENERATE),
        (a.copy_last_reply, Icon.COPY),
        (a.copy_conversation, Icon.COPY),
        (a.export, Icon.EXPORT),
        (a.import_, Icon.IMPORT),
        (a.recently_deleted, Icon.TRASH),
        (a.settings, Icon.SETTINGS),
        (a.profiles, Icon.PROFILES),
        (a.search, Icon.SEARCH),
        (a.server_history, Icon.HISTORY),
        (a.find, Icon.FIND),
        (a.about, Icon.ABOUT),
        (a.demo, Icon.AGENT),
    )


def create_actions(window: QWidget) -> WindowActions:
    """Build the actions with their standard shortcuts, owned by `window`."""
    return WindowActions(
        new_chat=_action(
            window,
            QCoreApplication.translate("WindowActions", "&New chat"),
            QKeySequence.StandardKey.New,
            QCoreApplication.translate("WindowActions", "Start a new chat"),
        ),
        stop=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Stop"),
            "Esc",
            QCoreApplication.translate("WindowActions", "Stop the reply"),
        ),
        regenerate=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Regenerate"),
            "Ctrl+R",
            QCoreApplication.translate("WindowActions", "Write the last reply again"),
        ),
        copy_last_reply=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Copy reply"),
            "Ctrl+Shift+C",
            QCoreApplication.translate("WindowActions", "Copy the last reply"),
        ),
        copy_conversation=_action(
            window,
            QCoreApplication.translate("WindowActions", "Copy c&onversation"),
            None,
            QCoreApplication.translate("WindowActions", "Copy the whole chat"),
        ),
        export=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Export…"),
            "Ctrl+Shift+E",
            QCoreApplication.translate("WindowActions", "Export this conversation"),
        ),
        import_=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Import…"),
            None,
            QCoreApplication.translate("WindowActions", "Import conversations from a JSON export"),
        ),
        recently_deleted=_action(
            window,
            QCoreApplication.translate("WindowActions", "Recently &deleted…"),
            None,
            QCoreApplication.translate("WindowActions", "Restore or erase deleted conversations"),
        ),
        open_data_folder=_action(
            window,
            QCoreApplication.translate("WindowActions", "Open data &folder"),
            None,
            QCoreApplication.translate("WindowActions", "Show the folder that holds your history"),
        ),
        find=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Find…"),
            QKeySequence.StandardKey.Find,
            QCoreApplication.translate("WindowActions", "Find in conversation"),
        ),
        search=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Search all conversations…"),
            "Ctrl+Shift+F",
            QCoreApplication.translate("WindowActions", "Search every conversation"),
        ),
        server_history=_action(
            window,
            QCoreApplication.translate("WindowActions", "Server &history and usage…"),
            "Ctrl+Shift+H",
            QCoreApplication.translate(
                "WindowActions", "Browse this agent's history on the server and see credit usage"
            ),
        ),
        switch_agent=_action(
            window,
            QCoreApplication.translate("WindowActions", "S&witch agent"),
            "Ctrl+K",
            QCoreApplication.translate("WindowActions", "Switch to another agent"),
        ),
        profiles=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Profiles && keys…"),
            "Ctrl+Shift+P",
            QCoreApplication.translate("WindowActions", "Manage agent profiles"),
        ),
        # QKeySequence.StandardKey.Preferences is empty on Linux desktops; "Ctrl+," is what
        # the brief asks for everywhere and becomes Cmd+, on macOS.
        settings=_action(
            window,
            QCoreApplication.translate("WindowActions", "Se&ttings…"),
            "Ctrl+,",
            QCoreApplication.translate("WindowActions", "Open settings"),
        ),
        demo=_action(
            window,
            QCoreApplication.translate("WindowActions", "Try the &demo agent"),
            None,
            QCoreApplication.translate("WindowActions", "Chat with the built-in demo agent"),
        ),
        quit=_action(
            window,
            QCoreApplication.translate("WindowActions", "&Quit"),
            QKeySequence.StandardKey.Quit,
            QCoreApplication.translate("WindowActions", "Quit AgentsGT Desktop"),
        ),
        about=_action(
            window,
            QCoreApplication.translate("WindowActions", "&About AgentsGT Desktop"),
            None,
            QCoreApplication.translate("WindowActions", "Version, licences and folders"),
        ),
        escape=QShortcut(QKeySequence("Esc"), window),
    )
