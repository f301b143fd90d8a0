"""Recently deleted: the bin listed, Restore, Delete forever (confirmed), an empty state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.core.models import Role
from desktop_app.core.paths import app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database
from desktop_app.gui.recently_deleted import RecentlyDeletedDialog

AGENT = "11111111-2222-4333-8444-555555555555"


@pytest.fixture
def database() -> Iterator[Database]:
    db = Database.open(app_paths().ensure().database_path)
    yield db
    db.close()


@pytest.fixture
def binned(database: Database) -> list[str]:
    """Two conversations in the bin ("Old", then "Newer") and one in use."""
    profile = database.save_profile(new_profile("Support", AGENT))
    ids = []
    for title in ("Old", "Newer", "In use"):
        conversation = database.create_conversation(profile.id, title)
        database.add_message(conversation.id, Role.USER, f"about {title}")
        ids.append(conversation.id)
    database.delete_conversation(ids[0])
    database.delete_conversation(ids[1])
    return ids


def rows(dialog: RecentlyDeletedDialog) -> list[str]:
    return [dialog.list.item(i).text().split("\n")[0] for i in range(dialog.list.count())]


def test_lists_the_bin_and_restores(qtbot, database: Database, binned: list[str]) -> None:
    dialog = RecentlyDeletedDialog(database)
    qtbot.addWidget(dialog)
    assert sorted(rows(dialog)) == ["Newer", "Old"]
    assert "Support · deleted" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(rows(dialog).index("Old"))
    with qtbot.waitSignal(dialog.restored) as signal:
        dialog.restore_button.click()
    assert signal.args == [binned[0]]
    assert rows(dialog) == ["Newer"]
    restored = database.get_conversation(binned[0])
    assert restored is not None and restored.deleted_at is None and restored.message_count == 1


def test_delete_forever_asks_first(qtbot, database: Database, binned: list[str]) -> None:
    answers: list[bool] = [False, True]
    asked: list[str] = []

    def confirm(parent, title: str) -> bool:
        asked.append(title)
        return answers.pop(0)

    dialog = RecentlyDeletedDialog(database, confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(rows(dialog).index("Newer"))
    dialog.erase_button.click()  # answered No: nothing happens
    assert database.get_conversation(binned[1]) is not None
    with qtbot.waitSignal(dialog.erased) as signal:
        dialog.erase_button.click()
    assert asked == ["Newer", "Newer"] and signal.args == [binned[1]]
    assert database.get_conversation(binned[1]) is None
    assert database.count_messages(binned[1]) == 0
    assert rows(dialog) == ["Old"]
    assert database.get_conversation(binned[2]).deleted_at is None  # the one in use is untouched


def test_empty_bin_says_so(qtbot, database: Database) -> None:
    database.save_profile(new_profile("Support", AGENT))
    dialog = RecentlyDeletedDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.list.isVisible()
    assert not dialog.restore_button.isEnabled() and not dialog.erase_button.isEnabled()
