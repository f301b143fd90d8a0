"""Search every saved conversation: results as you type, keyboard navigation, safe snippets."""

from __future__ import annotations

import asyncio
import html
import sys
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.error_text import describe_error, is_expected
from desktop_app.core.models import Role
from desktop_app.core.storage.records import SearchHit
from desktop_app.core.storage.search import ConversationHits, split_highlights
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

DEBOUNCE_MS = 150
RESULT_LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

MUTED_STYLE = "style='color:#808080'"
#: Marked for lupdate here; translated when shown.
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "SearchDialog",
    "Type a few words to search every conversation (Up/Down to pick, Enter to open).",
)
_ROLE_NAMES = {
    Role.USER: QT_TRANSLATE_NOOP("SearchDialog", "You"),
    Role.ASSISTANT: QT_TRANSLATE_NOOP("SearchDialog", "Agent"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("SearchDialog", "System"),
}


class SearchSource(Protocol):
    """What the dialog searches: storage.Database's `search_conversations`."""

    def search_conversations(
        self, query: str, *, profile_id: str | None = None, limit: int = 50
    ) -> list[ConversationHits]: ...


def snippet_html(snippet: str) -> str:
    """The snippet as HTML: every character escaped, only the matched spans in bold.

    Snippets are untrusted chat text: nothing in them may become markup.
    """
    plain, spans = split_highlights(" ".join(snippet.split()))
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        pieces.append(html.escape(plain[cursor:start]))
        pieces.append(f"<b>{html.escape(plain[start:end])}</b>")
        cursor = end
    pieces.append(html.escape(plain[cursor:]))
    return "".join(pieces)


def matches_text(count: int) -> str:
    """ "1 match", "3 matches": how many messages of the conversation matched."""
    # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
    return SearchDialog.tr("%n match(es)", "", count)  # type: ignore[arg-type]


def _role_name(role: Role) -> str:
    english = _ROLE_NAMES.get(role)
    return QCoreApplication.translate("SearchDialog", english) if english else str(role)


def hit_html(found: ConversationHits, profile_name: str | None = None) -> str:
    """One result: the conversation title, its number of matches, when, and the best snippet."""
    hit = found.best
    when = hit.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    details = [matches_text(found.match_count), when, _role_name(hit.role)]
    if profile_name:
        details.insert(0, profile_name)
    meta = html.escape(" · ".join(details))
    return (
        f"<b>{html.escape(hit.conversation_title)}</b>"
        f"&nbsp;&nbsp;<span {MUTED_STYLE}>{meta}</span><br>{snippet_html(hit.snippet)}"
    )


def hit_accessible_text(found: ConversationHits) -> str:
    """What a screen reader says for a result."""
    hit = found.best
    plain, _ = split_highlights(" ".join(hit.snippet.split()))
    when = f"{hit.created_at.astimezone():%Y-%m-%d %H:%M}"
    return f"{hit.conversation_title}, {matches_text(found.match_count)}, {when}: {plain}"


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's (already escaped) rich text, selection colours included."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        text = str(index.data(HTML_ROLE) or "")
        if option.state & QStyle.StateFlag.State_Selected:
            # Grey details on the selection colour are hard to read: use the selection's text
            # colour. User text is escaped (' is &#x27;), so only our own attribute matches.
            colour = option.palette.color(QPalette.ColorRole.HighlightedText).name()
            text = text.replace(MUTED_STYLE, f"style='color:{colour}'")
        document.setHtml(text)
        document.setTextWidth(max(50, option.rect.width()))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the item background (selection, focus) with the style, then the rich text."""
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            options.palette.ColorRole.HighlightedText
            if selected
            else options.palette.ColorRole.Text
        )
        context.palette.setColor(options.palette.ColorRole.Text, options.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The laid-out height of the rich text at the view's width."""
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchDialog(QDialog):
    """Search across every conversation; choosing a result emits `result_chosen` and closes.

    The search runs in a worker thread (asyncio.to_thread) a moment after typing stops, so a
    large history never stalls the window; a newer query makes older results irrelevant.
    """

    result_chosen = Signal(str, str, str)  # conversation id, message id, the query text
    results_shown = Signal(int)  # how many results the list now shows (tests, accessibility)

    def __init__(
        self,
        source: SearchSource,
        parent: QWidget | None = None,
        *,
        profile_names: Mapping[str, str] | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        limit: int = RESULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search conversations"))
        self.setAccessibleName(self.tr("Search conversations"))
        self.resize(640, 480)
        self._source = source
        self._profile_names = dict(profile_names or {})
        self._limit = limit
        self._generation = 0
        self.task: asyncio.Task[None] | None = None
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Search every conversation"))
        self.query_edit.setAccessibleName(self.tr("Search text"))
        self.query_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.status_label = QLabel(self.tr(EMPTY_HINT), self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Search status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.query_edit.textChanged.connect(self.on_query_edit_text_changed)
        self.query_edit.installEventFilter(self)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.results.itemActivated.connect(self.on_results_item_activated)

    # -- public --------------------------------------------------------------------------------

    def set_profile_names(self, names: Mapping[str, str]) -> None:
        """Names shown next to each result for the profile it belongs to."""
        self._profile_names = dict(names)

    def start(self, text: str = "") -> None:
        """Show the dialog with the query box focused (and `text` searched, when given)."""
        self.show()
        self.raise_()
        self.activateWindow()
        if text:
            self.query_edit.setText(text)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    @property
    def searching(self) -> bool:
        """True while a search is pending (typed but not shown yet)."""
        return self._timer.isActive() or (self.task is not None and not self.task.done())

    def results_found(self) -> list[ConversationHits]:
        """The conversations shown, in order."""
        return [self.results.item(row).data(HIT_ROLE) for row in range(self.results.count())]

    def hits(self) -> list[SearchHit]:
        """The best message of each conversation shown, in order (what opening a row opens)."""
        return [found.best for found in self.results_found()]

    def choose_current(self) -> bool:
        """Emit `result_chosen` for the selected result and close; False when none is selected."""
        item = self.results.currentItem()
        if item is None:
            return False
        hit = item.data(HIT_ROLE).best
        self.result_chosen.emit(
            hit.conversation_id, str(hit.message_id), self.query_edit.text().strip()
        )
        self.close()
        return True

    # -- slots ---------------------------------------------------------------------------------

    def on_query_edit_text_changed(self, text: str) -> None:
        """Restart the debounce; a cleared box shows the hint at once."""
        self._generation += 1
        if not text.strip():
            self._timer.stop()
            self._show([], "")
            return
        self._timer.start()

    def on_timer_timeout(self) -> None:
        """Typing paused: run the search off the GUI thread."""
        if self.task is not None and not self.task.done():
            self.task.cancel()
        self.task = asyncio.ensure_future(self._search(self.query_edit.text(), self._generation))

    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        """Double-click or Enter on a result opens it."""
        self.results.setCurrentItem(item)
        self.choose_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Up/Down in the query box move through the results; Enter opens the selected one."""
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # Enter before the results arrived: search now
                    self._timer.stop()
                    self.on_timer_timeout()
                else:
                    self.choose_current()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:  # Qt override
        """A search still running is no longer wanted."""
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)

    # -- internals -----------------------------------------------------------------------------

    async def _search(self, query: str, generation: int) -> None:
        try:
            hits = await asyncio.to_thread(
                self._source.search_conversations, query, limit=self._limit
            )
        except Exception as error:
            if not is_expected(error):
                # A bug, not a state to show: the crash dialog reports it.
                sys.excepthook(type(error), error, error.__traceback__)
                return
            if generation == self._generation:
                self._show([], describe_error(error).sentence)
            return
        if generation != self._generation:  # typed on meanwhile: a newer search follows
            return
        if hits:
            count = len(hits)
            status = (
                self.tr("%n conversation(s) (the best ones).", "", count)
                if count >= self._limit
                else self.tr("%n conversation(s).", "", count)
            )
        else:
            status = self.tr(
                "No messages match “{query}”. Try fewer words or the start of a word."
            ).format(query=query.strip())
        self._show(hits, status)

    def _show(self, hits: Sequence[ConversationHits], status: str) -> None:
        self.results.clear()
        for found in hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, found)
            profile_name = self._profile_names.get(found.best.profile_id)
            item.setData(HTML_ROLE, hit_html(found, profile_name))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit_accessible_text(found))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.status_label.setText(status or self.tr(EMPTY_HINT))
        self.results_shown.emit(len(hits))

    def _move(self, key: int) -> None:
        count = self.results.count()
        if not count:
            return
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5}.get(Qt.Key(key), -5)
        row = min(max(self.results.currentRow() + step, 0), count - 1)
        self.results.setCurrentRow(row)
        self.results.scrollToItem(self.results.currentItem())
