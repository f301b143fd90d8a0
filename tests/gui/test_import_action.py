"""File → Import… off the GUI thread, and the history watcher seeing another process's import."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.app import build_services, discard_services
from desktop_app.core.export import render_json
from desktop_app.core.paths import app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.gui.history_watcher import HistoryWatcher
from desktop_app.gui.import_action import ImportOutcome, import_conversations
from desktop_app.gui.services import Services
from tests.fixtures.export_samples import AGENT_ID, sample_document


@pytest.fixture
def services() -> Iterator[Services]:
    made = build_services(app_paths().ensure())
    yield made
    discard_services(made)


def _chooser(path: Path | None):
    async def choose(parent) -> Path | None:
        return path

    return choose


def _run_import(qloop, qtbot, services: Services, path: Path | None):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[ImportOutcome] = []
    outcome = qloop.run_until_complete(
        import_conversations(
            parent,
            services,
            choose_file=_chooser(path),
            show=lambda _parent, outcome: shown.append(outcome),
        )
    )
    return outcome, shown


def test_import_reports_how_many(qloop, qtbot, services: Services, tmp_path: Path) -> None:
    file = tmp_path / "export.json"
    file.write_text(render_json(sample_document()), encoding="utf-8")
    outcome, shown = _run_import(qloop, qtbot, services, file)
    assert outcome is not None and outcome.succeeded and shown == [outcome]
    assert outcome.sentence == "Imported 1 conversation."
    assert [c.id for c in services.database.list_conversations()] == ["c-1"]
    again, _ = _run_import(qloop, qtbot, services, file)
    assert again is not None and again.sentence.startswith("Nothing new to import")


def test_import_of_a_deleted_one_brings_it_back(qloop, qtbot, services, tmp_path) -> None:
    file = tmp_path / "export.json"
    file.write_text(render_json(sample_document()), encoding="utf-8")
    _run_import(qloop, qtbot, services, file)
    services.database.delete_conversation("c-1")
    outcome, _ = _run_import(qloop, qtbot, services, file)
    assert outcome is not None and "came back from Recently deleted" in outcome.sentence
    assert [c.id for c in services.database.list_conversations()] == ["c-1"]


def test_a_refused_file_gives_the_error_sentence(qloop, qtbot, services, tmp_path) -> None:
    file = tmp_path / "broken.json"
    file.write_text("{ not json", encoding="utf-8")
    outcome, shown = _run_import(qloop, qtbot, services, file)
    assert outcome is not None and not outcome.succeeded and shown == [outcome]
    assert "broken.json" in outcome.sentence or "JSON" in outcome.sentence
    assert "Traceback" not in outcome.sentence
    assert services.database.list_conversations() == []


def test_cancel_imports_nothing(qloop, qtbot, services: Services) -> None:
    outcome, shown = _run_import(qloop, qtbot, services, None)
    assert outcome is None and shown == []


def test_watcher_sees_an_import_from_the_command_line(
    qloop, qtbot, services: Services, tmp_path: Path
) -> None:
    watcher = HistoryWatcher(services.database, interval_ms=50)
    watcher.start()
    # The window's own writes are not "changes from elsewhere".
    services.database.save_profile(new_profile("Mine", AGENT_ID))
    assert not watcher.check()
    file = tmp_path / "export.json"
    file.write_text(render_json(sample_document()), encoding="utf-8")
    env = dict(os.environ)  # the same app home (conftest sets it for this test)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "import", str(file)],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        pass
    assert [c.id for c in services.database.list_conversations()] == ["c-1"]
    assert not watcher.check()  # once per change
    watcher.stop()


def test_watcher_holds_back_while_told_to_wait(services: Services) -> None:
    streaming = [True]
    watcher = HistoryWatcher(services.database, wait_while=lambda: streaming[0])
    watcher.start()
    other = Database.open(services.database.path)  # another connection, as the writer's
    try:
        other.save_profile(new_profile("Elsewhere", AGENT_ID))
    finally:
        other.close()
    assert not watcher.check()  # a reply streams: no reload now
    streaming[0] = False
    assert watcher.check()  # reported once the reply is over
    assert not watcher.check()
