"""ConversationLoader: the newest page first, then older pages, over a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.conversation_loader import ConversationLoader
from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database


@pytest.fixture
def conversation(tmp_path: Path):
    db = Database.open(tmp_path / "history.db")
    profile = new_profile(
        "S", "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01", base_url="https://agentsgt.com/api/v1"
    )
    db.save_profile(profile)
    conversation = db.create_conversation(profile.id, "Long")
    for n in range(25):
        db.add_message(conversation.id, Role.USER if n % 2 == 0 else Role.ASSISTANT, f"m{n}")
    yield db, conversation.id
    db.close()


def test_pages_from_the_end_backwards(conversation) -> None:
    db, conversation_id = conversation
    loader = ConversationLoader(db, conversation_id, first_page=10, older_page=8)
    assert [m.text for m in loader.newest()] == [f"m{n}" for n in range(15, 25)]
    assert loader.has_older
    assert [m.text for m in loader.older()] == [f"m{n}" for n in range(7, 15)]
    assert [m.text for m in loader.older()] == [f"m{n}" for n in range(7)]
    assert not loader.has_older and loader.older() == [] and loader.loaded == 25
    # Opening again starts from the end.
    assert loader.newest()[0].position == 15 and loader.loaded == 10


def test_exact_fit_and_empty_conversation(conversation) -> None:
    db, conversation_id = conversation
    loader = ConversationLoader(db, conversation_id, first_page=25)
    assert len(loader.newest()) == 25 and not loader.has_older
    empty = db.create_conversation(db.list_profiles()[0].id, "Empty")
    loader = ConversationLoader(db, empty.id)
    assert loader.newest() == [] and not loader.has_older
    with pytest.raises(ValueError):
        ConversationLoader(db, empty.id, first_page=0)


def test_older_through_reaches_a_search_hit(conversation) -> None:
    db, conversation_id = conversation
    loader = ConversationLoader(db, conversation_id, first_page=5)
    newest = loader.newest()
    assert loader.older_through(22) == []  # already shown
    earlier = loader.older_through(9, context=2)
    assert [m.position for m in earlier] == list(range(7, 20))
    assert newest[0].position == 20 and loader.has_older
    assert [m.position for m in loader.older_through(0)] == list(range(7))
    assert not loader.has_older and loader.older_through(0) == []


def test_a_page_around_a_far_hit_then_newer_and_older_pages(conversation) -> None:
    db, conversation_id = conversation
    loader = ConversationLoader(db, conversation_id, first_page=6, older_page=4)
    loader.newest()
    assert loader.is_near(19) and loader.is_near(0)  # 25 messages: everything is near
    page = loader.around(10)
    assert [m.position for m in page] == [7, 8, 9, 10, 11, 12]
    assert loader.has_older and loader.has_newer
    assert [m.position for m in loader.newer()] == [13, 14, 15, 16]
    assert [m.position for m in loader.older()] == [3, 4, 5, 6]
    assert [m.position for m in loader.newer()] == [17, 18, 19, 20]
    assert [m.position for m in loader.newer()] == [21, 22, 23, 24]
    assert not loader.has_newer and loader.newer() == []
    assert loader.loaded == 6 + 4 * 4


def test_around_the_very_start_and_the_very_end(conversation) -> None:
    db, conversation_id = conversation
    loader = ConversationLoader(db, conversation_id, first_page=6)
    assert [m.position for m in loader.around(1)] == [0, 1, 2, 3, 4, 5]
    assert not loader.has_older and loader.has_newer
    assert [m.position for m in loader.around(24)] == [21, 22, 23, 24]
    assert loader.has_older and not loader.has_newer


def test_far_hits_are_not_near(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "many.db")
    profile = new_profile("S", "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01")
    db.save_profile(profile)
    conversation = db.create_conversation(profile.id, "Long")
    with db.transaction():
        for n in range(1000):
            db.add_message(conversation.id, Role.USER, f"m{n}")
    loader = ConversationLoader(db, conversation.id)
    assert not loader.is_near(0)  # nothing loaded yet
    loader.newest()
    assert loader.is_near(950) and loader.is_near(950 - 300)
    assert not loader.is_near(10)
    db.close()
