"""The profile's server-side history (by agent or by identifier, paged, by thread) and usage."""

from __future__ import annotations

import asyncio
import functools
import html
import sys
from collections.abc import Awaitable, Callable, Coroutine
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api_types import HistoryRecord
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.error_text import describe_error, is_expected
from desktop_app.core.markdown_render import render_markdown_html
from desktop_app.core.profiles import Profile
from desktop_app.core.server_history import (
    ServerThread,
    ThreadStore,
    fetch_thread,
    group_by_thread,
    import_thread,
    page_count,
    profile_for_thread,
)
from desktop_app.gui.usage_chart import UsagePanel, credits_text

ClientSource = AgentsGTClient | Callable[[], Awaitable[AgentsGTClient]]
THREAD_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 20
USAGE_DAYS = 30


class HistoryMode(StrEnum):
    """Which history endpoint the dialog reads."""

    AGENT = "agent"
    IDENTIFIER = "identifier"


def _when(moment: datetime | None) -> str:
    return (
        moment.astimezone().strftime("%Y-%m-%d %H:%M")
        if moment
        else QCoreApplication.translate("ServerHistoryDialog", "unknown time")
    )


def record_html(record: HistoryRecord) -> str:
    """One exchange as escaped HTML: the question, the agent's reply, and what it cost."""
    facts = [_when(record.created_at)]
    if record.agent_name:
        facts.append(record.agent_name)
    if record.channel:
        facts.append(
            QCoreApplication.translate("ServerHistoryDialog", "channel {channel}").format(
                channel=record.channel
            )
        )
    tokens_in = "?" if record.input_tokens is None else f"{record.input_tokens:,}"
    tokens_out = "?" if record.output_tokens is None else f"{record.output_tokens:,}"
    cost = [
        QCoreApplication.translate(
            "ServerHistoryDialog", "{tokens_in} tokens in, {tokens_out} out"
        ).format(tokens_in=tokens_in, tokens_out=tokens_out)
    ]
    if record.total_credits is not None:
        cost.append(credits_text(record.total_credits))

    # The reply goes through the transcript's safe Markdown renderer (escaped, no images, only
    # safe links); the question is plain text, as the transcript shows it.
    you = html.escape(QCoreApplication.translate("ServerHistoryDialog", "You"))
    agent = html.escape(QCoreApplication.translate("ServerHistoryDialog", "Agent"))
    return (
        f"<p style='color:#808080'>{html.escape(' · '.join(facts))}</p>"
        f"<p><b>{you}</b></p><p style='white-space:pre-wrap'>{html.escape(record.input)}</p>"
        f"<p><b>{agent}</b></p>{render_markdown_html(record.output)}"
        f"<p style='color:#808080'>{html.escape(' · '.join(cost))}</p><hr>"
    )


def thread_summary(thread: ServerThread) -> str:
    """The two lines a thread gets in the list."""
    count = len(thread.records)
    # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
    parts = [_when(thread.last_at), ServerHistoryDialog.tr("%n exchange(s)", "", count)]  # type: ignore[arg-type]
    if thread.total_credits:
        parts.append(credits_text(thread.total_credits))
    if thread.agent_name:
        parts.insert(0, thread.agent_name)
    return f"{thread.title}\n{' · '.join(parts)}"


class ServerHistoryDialog(QDialog):
    """Browse a profile's history on the server, import a thread, and see credit usage.

    The network calls run as tasks on the qasync loop through the AgentsGTClient the window
    gives (or an async factory that makes one, e.g. after reading the key from the keyring).
    """

    thread_imported = Signal(str)  # local conversation id
    page_loaded = Signal(int)  # page number
    usage_loaded = Signal()

    def __init__(
        self,
        database: ThreadStore,
        profile: Profile,
        client: ClientSource,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        usage_days: int = USAGE_DAYS,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History and usage: {name}").format(name=profile.display_name))
        self.setAccessibleName(self.tr("History and usage"))
        self.resize(900, 600)
        self._database = database
        self._profile = profile
        self._client_source = client
        self._client: AgentsGTClient | None = client if isinstance(client, AgentsGTClient) else None
        self._page_size = page_size
        self._usage_days = usage_days
        self._today = today
        self.page = 1
        self.pages: int | None = None
        self._has_more = False
        self._started = False
        self.tasks: set[asyncio.Task[Any]] = set()
        self._page_task: asyncio.Task[None] | None = None
        self._build()
        self._connect_signals()
        self._update_pager()

    def _build(self) -> None:
        self.mode_box = QComboBox(self)
        self.mode_box.addItem(self.tr("By agent"), HistoryMode.AGENT)
        self.mode_box.addItem(self.tr("By user identifier"), HistoryMode.IDENTIFIER)
        self.mode_box.setAccessibleName(self.tr("Show history"))
        self.identifier_edit = QLineEdit(self._profile.identifier, self)
        self.identifier_edit.setPlaceholderText(self.tr("User identifier (e.g. an email)"))
        self.identifier_edit.setAccessibleName(self.tr("User identifier"))
        self.identifier_edit.setEnabled(False)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setAccessibleName(self.tr("Reload history"))
        top = QHBoxLayout()
        top.addWidget(self.mode_box)
        top.addWidget(self.identifier_edit, 1)
        top.addWidget(self.reload_button)
        self.thread_list = QListWidget(self)
        self.thread_list.setAccessibleName(self.tr("Threads"))
        self.thread_list.setWordWrap(True)
        self.thread_list.setSpacing(3)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Thread exchanges"))
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.thread_list)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 560])
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.page_label = QLabel(self)
        self.import_button = QPushButton(self.tr("Import as a conversation"), self)
        self.import_button.setAccessibleName(self.tr("Import the selected thread"))
        self.import_button.setEnabled(False)
        pager = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            pager.addWidget(widget)
        pager.addStretch(1)
        pager.addWidget(self.import_button)
        self.status_label = self._status_label(self.tr("Loading…"))
        history_tab = QWidget(self)
        history_layout = QVBoxLayout(history_tab)
        history_layout.addLayout(top)
        history_layout.addWidget(self.status_label)
        history_layout.addWidget(splitter, 1)
        history_layout.addLayout(pager)

        self.usage = UsagePanel(self._usage_days, self)
        # Short names for the panel's parts (tests and the window read them).
        self.chart, self.model_table, self.usage_status = (
            self.usage.chart,
            self.usage.model_table,
            self.usage.status_label,
        )

        self.tabs = QTabWidget(self)
        self.tabs.addTab(history_tab, self.tr("Conversations"))
        self.tabs.addTab(self.usage, self.tr("Usage"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _status_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("statusLabel")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _connect_signals(self) -> None:
        self.mode_box.currentIndexChanged.connect(self.on_mode_box_current_index_changed)
        self.identifier_edit.returnPressed.connect(self.reload)
        self.reload_button.clicked.connect(self.reload)
        self.previous_button.clicked.connect(self.on_previous_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.thread_list.currentItemChanged.connect(self.on_thread_list_current_item_changed)
        self.import_button.clicked.connect(self.on_import_button_clicked)

    # -- public --------------------------------------------------------------------------------

    @property
    def mode(self) -> HistoryMode:
        """The history shown: by agent or by user identifier."""
        return HistoryMode(self.mode_box.currentData())

    @property
    def busy(self) -> bool:
        """True while a load or an import is running."""
        return any(not task.done() for task in self.tasks)

    def threads(self) -> list[ServerThread]:
        """The threads of the page shown, latest activity first."""
        return [self.thread_list.item(i).data(THREAD_ROLE) for i in range(self.thread_list.count())]

    def reload(self) -> None:
        """Load the first page of history and the usage figures again."""
        self._started = True
        self.load_page(1)
        self._run(self._load_usage())

    def load_page(self, page: int) -> None:
        """Load one page of history (replacing a load still running)."""
        if self._page_task is not None:
            self._page_task.cancel()
        self._page_task = self._run(self._load_page(page))

    # -- slots ---------------------------------------------------------------------------------

    def on_mode_box_current_index_changed(self, _index: int) -> None:
        """Switching between agent and identifier history starts again at page 1."""
        self.identifier_edit.setEnabled(self.mode is HistoryMode.IDENTIFIER)
        if self._started:
            self.load_page(1)

    def on_previous_button_clicked(self) -> None:
        """Go one page back."""
        if self.page > 1:
            self.load_page(self.page - 1)

    def on_next_button_clicked(self) -> None:
        """Go one page on."""
        self.load_page(self.page + 1)

    def on_thread_list_current_item_changed(self, item: QListWidgetItem | None, _old) -> None:
        """Show the selected thread's exchanges."""
        thread: ServerThread | None = item.data(THREAD_ROLE) if item is not None else None
        self.import_button.setEnabled(thread is not None and not self.busy)
        if thread is None:
            self.detail.clear()
            return
        self.detail.setHtml("".join(record_html(record) for record in thread.records))

    def on_import_button_clicked(self) -> None:
        """Import the selected thread as a local conversation."""
        item = self.thread_list.currentItem()
        if item is not None:
            self._run(self._import(item.data(THREAD_ROLE)))

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """The first time the dialog shows, load the history and the usage."""
        super().showEvent(event)
        if not self._started:
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Loads still running are no longer wanted."""
        for task in list(self.tasks):
            task.cancel()
        super().closeEvent(event)

    # -- async work ----------------------------------------------------------------------------

    def _run(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.ensure_future(coroutine)
        self.tasks.add(task)
        self.import_button.setEnabled(False)
        task.add_done_callback(self._on_task_done)
        return task

    def _on_task_done(self, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        self.import_button.setEnabled(self.thread_list.currentItem() is not None and not self.busy)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            assert error is not None
            sys.excepthook(type(error), error, error.__traceback__)

    async def _get_client(self) -> AgentsGTClient:
        if self._client is None:
            assert not isinstance(self._client_source, AgentsGTClient)
            self._client = await self._client_source()
        return self._client

    async def _load_page(self, page: int) -> None:
        identifier = self.identifier_edit.text().strip()
        if self.mode is HistoryMode.IDENTIFIER and not identifier:
            self._show_threads([], self.tr("Enter a user identifier to see that user's history."))
            return
        self.status_label.setText(self.tr("Loading page {page}…").format(page=page))
        try:
            client = await self._get_client()
            if self.mode is HistoryMode.AGENT:
                result = await client.history_by_agent(
                    self._profile.agent_id, page=page, limit=self._page_size
                )
            else:
                result = await client.history_by_identifier(
                    identifier, page=page, limit=self._page_size
                )
        except Exception as error:
            if not is_expected(error):
                raise
            self.status_label.setText(
                describe_error(error).sentence + " " + self.tr("Use Reload to try again.")
            )
            return
        self.page, self.pages, self._has_more = page, page_count(result.pagination), result.has_more
        threads = group_by_thread(result.records)
        if threads:
            status = ""
        elif page > 1:
            status = self.tr("This page is empty.")
        elif self.mode is HistoryMode.AGENT:
            status = self.tr("The server has no conversations with this agent yet.")
        else:
            status = self.tr("The server has no conversations for “{identifier}”.").format(
                identifier=identifier
            )
        self._show_threads(threads, status)
        self.page_loaded.emit(page)

    def _show_threads(self, threads: list[ServerThread], status: str) -> None:
        self.thread_list.clear()
        for thread in threads:
            item = QListWidgetItem(thread_summary(thread))
            item.setData(THREAD_ROLE, thread)
            self.thread_list.addItem(item)
        if threads:
            self.thread_list.setCurrentRow(0)
        else:
            self.detail.clear()
        self.status_label.setText(status)
        self.status_label.setVisible(bool(status))
        self._update_pager()

    def _update_pager(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self.page, pages=self.pages)
            if self.pages
            else self.tr("Page {page}").format(page=self.page)
        )
        self.previous_button.setEnabled(self.page > 1)
        more = self.page < self.pages if self.pages else self._has_more
        self.next_button.setEnabled(bool(more))

    async def _import(self, thread: ServerThread) -> None:
        self.status_label.setVisible(True)
        profiles = await asyncio.to_thread(self._database.list_profiles)
        target = profile_for_thread(thread, self._profile, profiles)
        if target is None:
            name = thread.agent_name or thread.agent_id
            self.status_label.setText(
                self.tr(
                    "This thread is with another agent ({name}): add a profile for it to import it."
                ).format(name=name)
            )
            return
        self.status_label.setText(self.tr("Importing “{title}”…").format(title=thread.title))
        try:
            whole = thread
            if thread.is_real_thread:
                client = await self._get_client()
                if self.mode is HistoryMode.AGENT:
                    source = functools.partial(client.history_by_agent, self._profile.agent_id)
                else:
                    source = functools.partial(
                        client.history_by_identifier, self.identifier_edit.text().strip()
                    )
                whole = await fetch_thread(source, thread.thread_id)
                if not whole.records:
                    whole = thread
            report = await asyncio.to_thread(import_thread, self._database, target.id, whole)
        except Exception as error:
            if not is_expected(error):
                raise
            self.status_label.setText(describe_error(error).sentence)
            return
        self.status_label.setText(report.sentence())
        self.thread_imported.emit(report.conversation_id)

    async def _load_usage(self) -> None:
        end = self._today or date.today()
        start = end - timedelta(days=self._usage_days - 1)
        self.usage.show_loading()
        try:
            client = await self._get_client()
        except Exception as error:
            if not is_expected(error):
                raise
            self.usage.show_error(describe_error(error).sentence)
            return
        if await self.usage.load(client, self._profile.agent_id, start, end):
            self.usage_loaded.emit()
