"""The server history dialog against the real emulator: threads, pages, import, usage, errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core.client import AgentsGTClient
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import ChatMessage, Credentials, Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.emulator.faults import Endpoint
from desktop_app.emulator.server import EmulatorServer
from desktop_app.gui.server_history_dialog import HistoryMode, ServerHistoryDialog
from tests.fixtures.qt import run_until

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

AGENT = DEMO_AGENTS[0]
SETTINGS = ClientSettings(max_retries=0, connect_timeout=5.0, idle_timeout=5.0)


@pytest.fixture
def database(tmp_path: Path):
    db = Database.open(tmp_path / "history.db")
    yield db
    db.close()


@pytest.fixture
def http(qloop):
    client = make_http_client(SETTINGS)
    yield client
    qloop.run_until_complete(client.aclose())


def make_client(http, emulator: EmulatorServer, secret: str | None = None) -> AgentsGTClient:
    keys = emulator.credentials
    return AgentsGTClient(
        http,
        base_url=emulator.base_url,
        credentials=Credentials(keys.public_key, secret or keys.secret_key),
        identifier="history-user",
        settings=SETTINGS,
    )


@pytest.fixture
def profile(database: Database, emulator: EmulatorServer):
    saved = new_profile(
        "Support", AGENT.agent_id, base_url=emulator.base_url, identifier="history-user"
    )
    database.save_profile(saved)
    return saved


def chat(qloop, client: AgentsGTClient, *conversations: tuple[str, ...]) -> None:
    """Chat for real through the client, whole conversation each turn."""

    async def run() -> None:
        for turns in conversations:
            history: list[ChatMessage] = []
            for text in turns:
                history.append(ChatMessage(Role.USER, text))
                result = await client.chat(AGENT.agent_id, history)
                history.append(ChatMessage(Role.ASSISTANT, result.text))

    qloop.run_until_complete(run())


def open_dialog(qtbot, qloop, database, profile, client, **options) -> ServerHistoryDialog:
    today = datetime.now(UTC).date()
    dialog = ServerHistoryDialog(database, profile, client, today=today, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qloop, dialog)
    return dialog


def settle(qloop, dialog: ServerHistoryDialog) -> None:
    run_until(qloop, lambda: not dialog.busy, message="the dialog's requests")


def test_threads_of_real_chats_with_tokens_credits_and_channel(
    qtbot, qloop, emulator, database, profile, http
) -> None:
    emulator.state.reset(seed_history=False)
    client = make_client(http, emulator)
    chat(qloop, client, ("Plan a trip to Cusco", "What about <b>food</b>?"), ("Tell me a joke",))
    dialog = open_dialog(qtbot, qloop, database, profile, client)

    threads = dialog.threads()
    assert [t.title for t in threads] == ["Tell me a joke", "Plan a trip to Cusco"]
    assert dialog.thread_list.item(1).text().startswith("Plan a trip to Cusco\n")
    assert "2 exchanges" in dialog.thread_list.item(1).text()
    dialog.thread_list.setCurrentRow(1)
    shown = dialog.detail.toPlainText()
    record = threads[1].records[1]
    assert "What about <b>food</b>?" in shown  # shown as text, not markup
    assert "Here is what I found" in shown and "## Here" not in shown  # Markdown rendered
    assert "channel API" in shown
    assert f"{record.input_tokens:,} tokens in, {record.output_tokens:,} out" in shown
    assert "credits" in shown
    assert dialog.page_label.text() == "Page 1 of 1"
    assert not dialog.next_button.isEnabled() and not dialog.previous_button.isEnabled()


def test_pages_next_and_previous(qtbot, qloop, emulator, database, profile, http) -> None:
    emulator.state.reset(seed_history=False)
    client = make_client(http, emulator)
    chat(qloop, client, *[(f"question {n}",) for n in range(5)])
    dialog = open_dialog(qtbot, qloop, database, profile, client, page_size=2)
    assert dialog.page_label.text() == "Page 1 of 3"
    assert [t.title for t in dialog.threads()] == ["question 4", "question 3"]
    dialog.next_button.click()
    settle(qloop, dialog)
    assert dialog.page_label.text() == "Page 2 of 3"
    assert [t.title for t in dialog.threads()] == ["question 2", "question 1"]
    dialog.next_button.click()
    settle(qloop, dialog)
    assert [t.title for t in dialog.threads()] == ["question 0"]
    assert not dialog.next_button.isEnabled()
    dialog.previous_button.click()
    settle(qloop, dialog)
    assert dialog.page == 2 and dialog.previous_button.isEnabled()


def test_import_makes_one_conversation_even_when_pressed_twice(
    qtbot, qloop, emulator, database, profile, http
) -> None:
    emulator.state.reset(seed_history=False)
    client = make_client(http, emulator)
    turns = ("Hello", "Second turn", "Third turn")
    chat(qloop, client, turns)
    # Small pages: the thread spans pages, and the import still fetches all of it.
    dialog = open_dialog(qtbot, qloop, database, profile, client, page_size=1)
    assert len(dialog.threads()[0].records) == 1
    imported: list[str] = []
    dialog.thread_imported.connect(imported.append)

    dialog.import_button.click()
    settle(qloop, dialog)
    assert dialog.status_label.text() == "Imported “Hello” (3 exchanges)."
    conversations = database.list_conversations(profile.id)
    assert [c.id for c in conversations] == imported
    stored = database.messages(imported[0])
    assert [m.text for m in stored if m.role is Role.USER] == list(turns)

    dialog.import_button.click()
    settle(qloop, dialog)
    assert "already imported and is up to date" in dialog.status_label.text()
    assert len(database.list_conversations(profile.id)) == 1
    assert database.count_messages(imported[0]) == 6
    assert imported == [imported[0], imported[0]]


def test_identifier_history_and_threads_of_other_agents(
    qtbot, qloop, emulator, database, profile, http
) -> None:
    # The seed history holds "demo-user" threads with two different agents.
    client = make_client(http, emulator)
    dialog = open_dialog(qtbot, qloop, database, profile, client)
    dialog.identifier_edit.setText("demo-user")
    dialog.mode_box.setCurrentIndex(1)
    settle(qloop, dialog)
    assert dialog.mode is HistoryMode.IDENTIFIER and dialog.identifier_edit.isEnabled()
    threads = dialog.threads()
    agents = {t.agent_id for t in threads}
    assert AGENT.agent_id in agents and len(agents) > 1
    assert all(t.agent_name for t in threads)

    foreign = next(i for i, t in enumerate(threads) if t.agent_id != AGENT.agent_id)
    dialog.thread_list.setCurrentRow(foreign)
    dialog.import_button.click()
    settle(qloop, dialog)
    assert "add a profile for it to import it" in dialog.status_label.text()
    assert database.list_conversations() == []

    own = next(i for i, t in enumerate(threads) if t.agent_id == AGENT.agent_id)
    dialog.thread_list.setCurrentRow(own)
    dialog.import_button.click()
    settle(qloop, dialog)
    assert dialog.status_label.text().startswith("Imported “Hi! What can you do?”")

    dialog.identifier_edit.setText("nobody@example.com")
    dialog.reload_button.click()
    settle(qloop, dialog)
    assert dialog.threads() == []
    assert "no conversations for “nobody@example.com”" in dialog.status_label.text()


def test_usage_chart_and_models_match_the_server(
    qtbot, qloop, emulator, database, profile, http
) -> None:
    emulator.state.reset(seed_history=False)
    client = make_client(http, emulator)
    chat(qloop, client, ("one",), ("two",))
    dialog = open_dialog(qtbot, qloop, database, profile, client)
    days = dialog.chart.days()
    assert len(days) == 30
    expected = sum(r.total_credits for r in emulator.state.records)
    assert sum(d.credits for d in days) == expected > 0
    assert days[-1].credits == expected  # all of it today
    assert dialog.model_table.rowCount() == 1
    assert dialog.model_table.item(0, 0).text() == AGENT.model.display_name
    assert dialog.usage_status.text() == dialog.chart.summary()
    dialog.tabs.setCurrentIndex(1)
    dialog.grab()


def test_errors_are_sentences_and_reload_recovers(
    qtbot, qloop, emulator, database, profile, http
) -> None:
    emulator.state.queue_faults(["server-error"], Endpoint.HISTORY)
    emulator.state.queue_faults(["unauthorized"], Endpoint.CONSUMPTION)
    client = make_client(http, emulator)
    dialog = open_dialog(qtbot, qloop, database, profile, client)
    assert dialog.status_label.text() == (
        "The AgentsGT service failed (HTTP 500). Try again in a moment. Use Reload to try again."
    )
    assert dialog.threads() == []
    assert dialog.usage_status.text() == (
        "The key was rejected (HTTP 401): check the public and secret key and that the key is "
        "enabled in the AgentsGT dashboard."
    )
    dialog.reload_button.click()
    settle(qloop, dialog)
    assert dialog.threads() and dialog.status_label.isHidden()


def test_a_client_factory_failure_is_shown(qtbot, qloop, database, profile) -> None:
    async def no_key() -> AgentsGTClient:
        raise InvalidInputError("The profile 'Support' has no key: edit the profile's keys.")

    dialog = open_dialog(qtbot, qloop, database, profile, no_key)
    assert "has no key" in dialog.status_label.text()
    assert "has no key" in dialog.usage_status.text()
