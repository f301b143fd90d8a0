"""The export dialog over a real history database: scopes, every format, file dialog, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.export import ExportFormat
from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.gui.export_dialog import ExportDialog, ExportScope, safe_file_name
from tests.fixtures.qt import run_until

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"


@pytest.fixture
def database(tmp_path: Path):
    db = Database.open(tmp_path / "history.db")
    profile = new_profile("Support", AGENT, base_url="http://127.0.0.1:9/api/v1")
    db.save_profile(profile)
    for title, question in (
        ("Trip to Lima", "Museums in Lima?"),
        ("Python: files", "How do I read a file?"),
        ("Recipes", "A quick soup?"),
    ):
        conversation = db.create_conversation(profile.id, title)
        db.add_message(conversation.id, Role.USER, question)
        db.add_message(conversation.id, Role.ASSISTANT, f"An answer about {title} & <stuff>.")
    yield db
    db.close()


def conversation_ids(database: Database) -> dict[str, str]:
    return {c.title: c.id for c in database.list_conversations()}


def make_dialog(qtbot, database, tmp_path, **options) -> ExportDialog:
    dialog = ExportDialog(database, folder=tmp_path / "out", **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export(qloop, dialog: ExportDialog) -> None:
    dialog.export_button.click()
    run_until(qloop, lambda: not dialog.busy, message="the export")


def test_current_conversation_as_markdown_then_show_in_folder(
    qtbot, qloop, database, tmp_path
) -> None:
    opened: list[QUrl] = []
    current = conversation_ids(database)["Python: files"]
    dialog = make_dialog(qtbot, database, tmp_path, conversation_id=current, opener=opened.append)
    assert dialog.scope is ExportScope.CURRENT
    assert dialog.target_path() == tmp_path / "out" / "Python-files.md"
    assert not dialog.show_folder_button.isVisible()
    finished: list[str] = []
    dialog.export_finished.connect(finished.append)

    export(qloop, dialog)
    written = tmp_path / "out" / "Python-files.md"
    text = written.read_text(encoding="utf-8")
    assert "How do I read a file?" in text and "Museums" not in text
    assert finished == [str(written)]
    assert dialog.status_label.text() == f"Exported 1 conversation to {written}."
    assert dialog.show_folder_button.isVisible()
    dialog.show_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(written.parent))]


@pytest.mark.parametrize(
    ("export_format", "check"),
    [
        (ExportFormat.JSON, lambda b: len(json.loads(b)["conversations"]) == 3),
        (ExportFormat.HTML, lambda b: b"&lt;stuff&gt;" in b and b"<stuff>" not in b),
        (ExportFormat.TEXT, lambda b: b"Recipes" in b and b"Trip to Lima" in b),
        (ExportFormat.PDF, lambda b: b.startswith(b"%PDF-")),
    ],
)
def test_everything_in_each_format(qtbot, qloop, database, tmp_path, export_format, check) -> None:
    dialog = make_dialog(qtbot, database, tmp_path)
    assert dialog.scope is ExportScope.ALL  # no open conversation: everything
    assert not dialog.current_radio.isEnabled()
    dialog.set_format(export_format)
    target = tmp_path / "out" / f"agentsgt-conversations{export_format.suffix}"
    assert dialog.target_path() == target
    export(qloop, dialog)
    assert check(target.read_bytes())
    assert dialog.status_label.text() == f"Exported 3 conversations to {target}."


def test_a_selection_exports_only_the_ticked_conversations(
    qtbot, qloop, database, tmp_path
) -> None:
    ids = conversation_ids(database)
    dialog = make_dialog(qtbot, database, tmp_path, selected_ids=[ids["Recipes"]])
    assert dialog.scope is ExportScope.SELECTION
    dialog.set_format(ExportFormat.JSON)
    lima = next(
        dialog.conversation_list.item(i)
        for i in range(dialog.conversation_list.count())
        if dialog.conversation_list.item(i).text().startswith("Trip to Lima")
    )
    lima.setCheckState(Qt.CheckState.Checked)
    assert sorted(dialog.chosen_ids()) == sorted([ids["Recipes"], ids["Trip to Lima"]])
    export(qloop, dialog)
    exported = json.loads(dialog.written.read_text(encoding="utf-8"))
    assert sorted(c["title"] for c in exported["conversations"]) == ["Recipes", "Trip to Lima"]


def test_ticking_a_conversation_switches_to_the_selection(qtbot, database, tmp_path) -> None:
    dialog = make_dialog(qtbot, database, tmp_path)
    dialog.conversation_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.scope is ExportScope.SELECTION and dialog.conversation_list.isEnabled()


def test_problems_are_sentences(qtbot, qloop, database, tmp_path) -> None:
    dialog = make_dialog(qtbot, database, tmp_path)
    failures: list[str] = []
    dialog.export_failed.connect(failures.append)
    dialog.set_scope(ExportScope.SELECTION)
    dialog.export_button.click()
    assert failures[-1] == "Choose at least one conversation to export."
    dialog.set_scope(ExportScope.ALL)
    dialog.path_edit.clear()
    dialog.export_button.click()
    assert failures[-1] == "Choose the file to export to."
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.path_edit.setText(str(blocker / "export.md"))
    export(qloop, dialog)
    assert failures[-1].startswith("Could not write export.md: ")
    assert failures[-1].endswith("Choose another folder or name.")
    assert dialog.status_label.text() == failures[-1]
    assert not dialog.show_folder_button.isVisible()
    assert dialog.export_button.isEnabled()


def test_format_keeps_the_typed_name_and_the_file_dialog_is_not_modal(
    qtbot, database, tmp_path
) -> None:
    dialog = make_dialog(qtbot, database, tmp_path)
    dialog.path_edit.setText(str(tmp_path / "mine.md"))
    dialog.path_edit.textEdited.emit("typed")
    dialog.set_format(ExportFormat.HTML)
    assert dialog.path_edit.text() == str(tmp_path / "mine.html")
    dialog.set_scope(ExportScope.SELECTION)  # a typed name is kept
    assert dialog.path_edit.text() == str(tmp_path / "mine.html")

    dialog.browse_button.click()
    file_dialog = dialog.file_dialog
    assert isinstance(file_dialog, QFileDialog) and file_dialog.isVisible()
    assert file_dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    file_dialog.fileSelected.emit(str(tmp_path / "chosen"))
    file_dialog.close()
    assert dialog.target_path() == tmp_path / "chosen.html"


def test_safe_file_name() -> None:
    assert safe_file_name("Python: files / notes?") == "Python-files-notes"
    assert safe_file_name("???") == "conversation"
    assert len(safe_file_name("x" * 200)) == 60
