"""A message's actions (Copy, Edit or Retry) as a small tool bar over the hovered message."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QTextCursor, QTextFrame
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QWidget

from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.icons import Icon, mix, themed_icon

#: The actions a message can have, in the order they are shown: (action, icon, name).
#: The names are translated when the buttons are built.
_ACTIONS = {
    "copy": (Icon.COPY, QT_TRANSLATE_NOOP("HoverActions", "Copy message")),
    "edit": (Icon.EDIT, QT_TRANSLATE_NOOP("HoverActions", "Edit and resend")),
    "retry": (Icon.RETRY, QT_TRANSLATE_NOOP("HoverActions", "Retry this reply")),
}


@dataclass(frozen=True, slots=True)
class MessageActions:
    """A message's id and the actions it offers now (none while it streams)."""

    message_id: str
    actions: Sequence[str]


def actions_for(role: Role, status: MessageStatus) -> tuple[str, ...]:
    """Copy for every finished message; Edit for yours, Retry for a reply."""
    if status is MessageStatus.STREAMING:
        return ()
    if role is Role.USER:
        return ("copy", "edit")
    if role is Role.ASSISTANT:
        return ("copy", "retry")
    return ("copy",)


def message_frame_at(browser: QTextEdit, point: QPoint) -> QTextFrame | None:
    """The frame of the message (a child of the root frame) at a viewport point, if any."""
    document = browser.document()
    offset = QPoint(browser.horizontalScrollBar().value(), browser.verticalScrollBar().value())
    position = document.documentLayout().hitTest(
        QPointF(point + offset), Qt.HitTestAccuracy.FuzzyHit
    )
    if position < 0:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    root = document.rootFrame()
    frame = cursor.currentFrame()
    # A code block or table is a frame inside the message's: climb to the message's own.
    while frame is not None and frame != root and frame.parentFrame() != root:
        frame = frame.parentFrame()
    return None if frame is None or frame == root else frame


class HoverActions(QWidget):
    """The tool bar shown at the top right of the message under the mouse (a viewport child).

    `lookup(position)` names the message whose frame starts at that document position, with
    its actions (None: not a message). A button emits `triggered(action, message_id)`, the
    requests the Copy / Edit / Retry links under each message used to make.
    """

    triggered = Signal(str, str)

    def __init__(self, browser: QTextEdit, lookup: Callable[[int], MessageActions | None]) -> None:
        super().__init__(browser.viewport())
        self.setObjectName("hoverActions")
        self.setAccessibleName(self.tr("Message actions"))
        self._browser = browser
        self._lookup = lookup
        self._message_id = ""
        self._buttons: dict[str, QToolButton] = {}
        self._icons_colour = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        for action, (_icon, english) in _ACTIONS.items():
            name = self.tr(english)
            button = QToolButton(self)
            button.setAutoRaise(True)
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, a=action: self._on_clicked(a))
            layout.addWidget(button)
            self._buttons[action] = button
        self.hide()
        viewport = browser.viewport()
        viewport.setMouseTracking(True)
        viewport.installEventFilter(self)
        browser.verticalScrollBar().valueChanged.connect(self.on_scrolled)

    @property
    def message_id(self) -> str:
        """The message whose actions are shown ("" when hidden)."""
        return self._message_id if self.isVisible() else ""

    def button(self, action: str) -> QToolButton:
        """The button of "copy", "edit" or "retry" (for tests and accessibility)."""
        return self._buttons[action]

    def hover_at(self, point: QPoint) -> None:
        """Show the actions of the message at this viewport point (hide them if none)."""
        frame = message_frame_at(self._browser, point)
        hovered = self._lookup(frame.firstPosition()) if frame is not None else None
        if frame is None or hovered is None or not hovered.actions:
            self.hide()
            self._message_id = ""
            return
        self._message_id = hovered.message_id
        for action, button in self._buttons.items():
            button.setVisible(action in hovered.actions)
        self._refresh_icons()
        self.adjustSize()
        layout = self._browser.document().documentLayout()
        scrolled = QPoint(
            self._browser.horizontalScrollBar().value(), self._browser.verticalScrollBar().value()
        )
        self._place(layout.frameBoundingRect(frame).toRect().translated(-scrolled))
        self.show()
        self.raise_()

    def on_scrolled(self, value: int) -> None:
        """The text moved under the mouse: show the actions of what is there now."""
        del value
        if self.isVisible():
            viewport = self._browser.viewport()
            self.hover_at(viewport.mapFromGlobal(viewport.cursor().pos()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.hover_at(event.position().toPoint())
        elif event.type() == QEvent.Type.Leave and not self.underMouse():
            self.hide()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icons()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        del event
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(mix(palette.color(QPalette.ColorRole.Text), base, 0.2))
        painter.setBrush(base)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        painter.end()

    def _place(self, rect: QRect) -> None:
        # At the message's top right; while its top is scrolled away, at the viewport's top,
        # as long as some of the message is still there to go with it.
        x = rect.right() - self.width() - 4
        top = max(rect.top() + 2, 2)
        y = min(top, rect.bottom() - self.height())
        self.move(max(0, x), max(0, y))

    def _refresh_icons(self) -> None:
        # Made the first time they are shown (never before the first paint), again per theme.
        palette = self.palette()
        colour = mix(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.7
        ).name()
        if not self._message_id or colour == self._icons_colour:
            return
        self._icons_colour = colour
        for action, button in self._buttons.items():
            button.setIcon(themed_icon(_ACTIONS[action][0], colour))

    def _on_clicked(self, action: str) -> None:
        if self._message_id:
            self.triggered.emit(action, self._message_id)
