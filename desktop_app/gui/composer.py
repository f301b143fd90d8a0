"""The message box in a rounded card with a round Send/Stop: Enter sends, IME-safe."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QInputMethodEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.icons import Icon, mix, tinted_pixmap

SEND_ON_ENTER = "enter"
SEND_ON_CTRL_ENTER = "ctrl_enter"

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Composer(QPlainTextEdit):
    """A plain-text editor that emits `submitted` on the send shortcut.

    While an input method is composing (a non-empty pre-edit string, e.g. Japanese or Chinese
    input), Enter belongs to the input method and never sends.
    """

    submitted = Signal()
    focus_changed = Signal()  # the card redraws its border

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._send_shortcut = SEND_ON_ENTER
        self._preedit = ""
        self.setObjectName("composer")
        self.setTabChangesFocus(True)
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(self.tr("Type a message to the agent"))
        self.set_send_shortcut(SEND_ON_ENTER)

    @property
    def composing(self) -> bool:
        """True while an input method has uncommitted (pre-edit) text."""
        return bool(self._preedit)

    def set_send_shortcut(self, shortcut: str) -> None:
        """Choose "enter" (Enter sends) or "ctrl_enter" (Ctrl+Enter sends, Enter breaks lines)."""
        self._send_shortcut = shortcut
        if shortcut == SEND_ON_CTRL_ENTER:
            hint = self.tr("Message the agent (Ctrl+Enter to send)")
        else:
            hint = self.tr("Message the agent (Enter to send, Shift+Enter for a new line)")
        self.setPlaceholderText(hint)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusInEvent(event)
        self.focus_changed.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusOutEvent(event)
        self.focus_changed.emit()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # Qt override
        # Remember the pre-edit state: Qt has no direct "is composing" query on the widget.
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in _RETURN_KEYS:
            if self.composing:
                # The input method owns this Enter (it confirms the composition): neither a
                # send nor a new line.
                event.accept()
                return
            if self._is_send(event):
                event.accept()
                self.submitted.emit()
                return
        super().keyPressEvent(event)

    def _is_send(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = Qt.KeyboardModifier.ControlModifier
        if self._send_shortcut == SEND_ON_CTRL_ENTER:
            return modifiers == control
        # Plain Enter sends; Shift+Enter falls through to a new line. Ctrl+Enter also sends,
        # which people used to other chat apps expect.
        return modifiers in (Qt.KeyboardModifier.NoModifier, control)


class RoundIconButton(QAbstractButton):
    """A round accent-coloured button showing one icon, painted by hand (no QStyle needed).

    Its icon is drawn from the SVG only after the first paint (a zero timer set by that paint):
    loading the SVG renderer must not delay the window's first paint.
    """

    DIAMETER = 32

    def __init__(self, icon: Icon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._pixmap: QPixmap | None = None
        self._pixmap_colour = ""
        self._load_pending = False
        self.setFixedSize(self.DIAMETER, self.DIAMETER)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    @property
    def icon_shown(self) -> Icon | None:
        """The icon drawn now (None until it is loaded)."""
        return self._icon if self._pixmap is not None else None

    def load_icon(self) -> None:
        """Draw the icon now, in the palette's colour (again after a theme change)."""
        self._load_pending = False
        colour = self.palette().color(QPalette.ColorRole.HighlightedText).name()
        if self._pixmap is None or colour != self._pixmap_colour:
            self._pixmap = tinted_pixmap(self._icon, colour, 18)
            self._pixmap_colour = colour
            self.update()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.PaletteChange and self._pixmap is not None:
            self.load_icon()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(self.DIAMETER, self.DIAMETER)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        del event
        if self._pixmap is None and not self._load_pending:
            self._load_pending = True
            QTimer.singleShot(0, self.load_icon)
        palette = self.palette()
        fill = palette.color(QPalette.ColorRole.Highlight)
        if not self.isEnabled():
            fill = mix(
                palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.3
            )
        elif self.isDown():
            fill = fill.darker(120)
        elif self.underMouse():
            fill = fill.lighter(112)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        if self._pixmap is not None:
            x = (self.width() - self._pixmap.width()) // 2
            y = (self.height() - self._pixmap.height()) // 2
            painter.drawPixmap(x, y, self._pixmap)
        painter.end()


class ComposerCard(QFrame):
    """The rounded card around the editor and its button; its border shows the editor's focus."""

    RADIUS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerCard")

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        del event
        palette = self.palette()
        focus = QApplication.focusWidget()
        focused = focus is not None and self.isAncestorOf(focus)
        base = palette.color(QPalette.ColorRole.Base)
        if focused:
            border = palette.color(QPalette.ColorRole.Highlight)
        else:
            border = mix(palette.color(QPalette.ColorRole.Text), base, 0.22)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A 2 px border while focused; each drawn half a width in, so it covers whole pixels.
        width = 2.0 if focused else 1.0
        painter.setPen(QPen(border, width))
        painter.setBrush(base)
        inset = width / 2
        outline = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        painter.drawRoundedRect(outline, self.RADIUS, self.RADIUS)
        painter.end()


class ComposerPanel(QWidget):
    """The composer: one rounded card holding the editor and, at its bottom right, Send.

    While a reply streams the round button is Stop instead (`set_streaming`); `send_button`
    and `stop_button` are two buttons in the same place, one shown at a time.
    """

    MIN_LINES = 2
    MAX_LINES = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = ComposerCard(self)
        self.editor = Composer(self.card)
        self.editor.setFrameShape(QFrame.Shape.NoFrame)
        self.editor.focus_changed.connect(self.card.update)
        # As tall as its text, from MIN_LINES to MAX_LINES (then it scrolls).
        self.editor.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()
        # The transcript gets the spare height, not the message box.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.send_button = RoundIconButton(Icon.SEND, self.card)
        self.send_button.setAccessibleName(self.tr("Send message"))
        self.send_button.setToolTip(self.tr("Send"))
        self.stop_button = RoundIconButton(Icon.STOP_SQUARE, self.card)
        self.stop_button.setAccessibleName(self.tr("Stop the reply"))
        self.stop_button.setToolTip(self.tr("Stop the reply (Esc)"))
        self.stop_button.setEnabled(False)
        self.stop_button.hide()
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        inside = QHBoxLayout(self.card)
        inside.setContentsMargins(12, 8, 8, 8)
        inside.setSpacing(6)
        inside.addWidget(self.editor, 1)
        inside.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.addWidget(self.card)

    def _fit_height(self) -> None:
        # A plain-text document measures its height in lines (wrapped ones included).
        lines = round(self.editor.document().size().height())
        lines = min(max(lines, self.MIN_LINES), self.MAX_LINES)
        margins = self.editor.contentsMargins()
        frame = round(self.editor.document().documentMargin() * 2) + margins.top()
        height = lines * self.editor.fontMetrics().lineSpacing() + frame + margins.bottom()
        if height != self.editor.height() or self.editor.minimumHeight() != height:
            self.editor.setFixedHeight(height)

    @property
    def streaming(self) -> bool:
        """True while the round button is Stop."""
        return self.stop_button.isEnabled()

    def set_streaming(self, streaming: bool) -> None:
        """Make the round button Stop while a reply streams, Send otherwise (typing goes on)."""
        self.stop_button.setEnabled(streaming)
        self.send_button.setEnabled(not streaming)
        self.stop_button.setVisible(streaming)
        self.send_button.setVisible(not streaming)
