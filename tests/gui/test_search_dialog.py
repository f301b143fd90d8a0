"""The search dialog over a real history database: as-you-type results, keys, safe snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.core.storage.records import HIGHLIGHT_END, HIGHLIGHT_START
from desktop_app.gui.search_dialog import EMPTY_HINT, SearchDialog, snippet_html
from tests.fixtures.qt import run_until

# The offscreen platform cannot resize or raise windows; that is not a failure here.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"


@pytest.fixture
def database(tmp_path: Path):
    db = Database.open(tmp_path / "history.db")
    profile = new_profile("Support", AGENT, base_url="http://127.0.0.1:9/api/v1")
    db.save_profile(profile)
    trip = db.create_conversation(profile.id, "Trip to Lima")
    db.add_message(trip.id, Role.USER, "Which museums should I visit in Lima?")
    db.add_message(trip.id, Role.ASSISTANT, "The **Larco museum** has a _famous_ `ceramics` set.")
    db.add_message(trip.id, Role.USER, "Where can I read about it first?")
    code = db.create_conversation(profile.id, "Python files")
    db.add_message(code.id, Role.USER, "How do I read a file? <script>alert(1)</script>")
    db.add_message(code.id, Role.ASSISTANT, "Use pathlib: <b>not bold</b> &amp; read_text().")
    yield db
    db.close()


@pytest.fixture
def dialog(qtbot, qloop, database: Database):
    view = SearchDialog(database, debounce_ms=10)
    qtbot.addWidget(view)
    view.start()
    return view


def type_query(loop, dialog: SearchDialog, text: str) -> None:
    dialog.query_edit.clear()
    dialog.query_edit.setText(text)
    run_until(loop, lambda: not dialog.searching, message="the search")


def test_results_as_you_type_one_row_per_conversation(qtbot, qloop, dialog) -> None:
    assert dialog.status_label.text() == EMPTY_HINT
    type_query(qloop, dialog, "museum")
    hits = dialog.hits()
    assert [h.conversation_title for h in hits] == ["Trip to Lima"]  # two messages, one row
    assert dialog.results_found()[0].match_count == 2
    html_text = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 2)
    assert "<b>Trip to Lima</b>" in html_text
    assert "2 matches" in html_text
    assert "<b>museum" in html_text  # the match, in bold
    assert dialog.status_label.text() == "1 conversation."
    assert dialog.results.currentRow() == 0


def test_snippets_are_plain_text_without_markdown_markers(qtbot, qloop, dialog) -> None:
    type_query(qloop, dialog, "ceramics")
    html_text = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 2)
    assert "1 match" in html_text
    assert "Larco museum has a famous <b>ceramics</b> set." in html_text
    for marker in ("**", "`", "_famous_"):
        assert marker not in html_text


def test_opening_a_row_opens_the_best_hit(qtbot, qloop, database, dialog) -> None:
    type_query(qloop, dialog, "read")
    assert len(dialog.hits()) == 2
    best = database.search("read")
    chosen: list[tuple[str, str, str]] = []
    dialog.result_chosen.connect(lambda c, m, q: chosen.append((c, m, q)))
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert chosen == [(best[0].conversation_id, str(best[0].message_id), "read")]


def test_debounce_runs_one_search_for_a_burst_of_typing(qtbot, qloop, database) -> None:
    calls: list[str] = []

    class CountingSource:
        def search_conversations(self, query: str, *, profile_id=None, limit=50):
            calls.append(query)
            return database.search_conversations(query, limit=limit)

    view = SearchDialog(CountingSource(), debounce_ms=50)
    qtbot.addWidget(view)
    for text in ("m", "mu", "mus", "muse", "museum"):
        view.query_edit.setText(text)
    run_until(qloop, lambda: not view.searching, message="the search")
    assert calls == ["museum"]
    assert len(view.hits()) == 1


def test_keyboard_navigation_and_enter_choose_a_result(qtbot, qloop, dialog) -> None:
    type_query(qloop, dialog, "read")
    chosen: list[tuple[str, str, str]] = []
    dialog.result_chosen.connect(lambda c, m, q: chosen.append((c, m, q)))
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)  # stays on the last one
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Up)
    assert dialog.results.currentRow() == 0
    first = dialog.hits()[0]
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert chosen == [(first.conversation_id, str(first.message_id), "read")]
    assert not dialog.isVisible()


def test_no_results_and_cleared_query_states(qtbot, qloop, dialog) -> None:
    type_query(qloop, dialog, "zebra")
    assert dialog.hits() == []
    assert "No messages match “zebra”" in dialog.status_label.text()
    type_query(qloop, dialog, "museum")
    dialog.query_edit.clear()
    assert dialog.hits() == [] and dialog.status_label.text() == EMPTY_HINT
    # Enter with nothing to choose does nothing.
    chosen: list = []
    dialog.result_chosen.connect(lambda *args: chosen.append(args))
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert chosen == [] and dialog.isVisible()


def test_hostile_text_is_escaped_in_results(qtbot, qloop, dialog) -> None:
    rendered = []
    for word in ("file", "pathlib"):
        type_query(qloop, dialog, word)
        rendered.append(dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 2))
    joined = "".join(rendered)
    assert "<script>" not in joined and "&lt;script&gt;" in joined
    assert "<b>not bold</b>" not in joined and "&lt;b&gt;not bold&lt;/b&gt;" in joined
    assert "&amp;amp;" in joined
    dialog.resize(500, 400)
    dialog.grab()  # the delegate paints the escaped rich text without complaint


def test_snippet_html_marks_only_the_highlights() -> None:
    snippet = f"a <i>&{HIGHLIGHT_START}x<y{HIGHLIGHT_END} tail\n{HIGHLIGHT_START}open"
    assert snippet_html(snippet) == "a &lt;i&gt;&amp;<b>x&lt;y</b> tail open"


def test_a_storage_error_is_a_sentence(qtbot, qloop, database) -> None:
    view = SearchDialog(database, debounce_ms=10)
    qtbot.addWidget(view)
    database.close()
    type_query(qloop, view, "museum")
    assert view.status_label.text() == "The history database is closed."
