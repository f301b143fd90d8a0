"""Full-text search: ranking, snippets with markers, filters, and hostile queries."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import HIGHLIGHT_END, HIGHLIGHT_START
from desktop_app.core.storage.search import build_match_query, strip_highlights

AGENT = "123e4567-e89b-12d3-a456-426614174000"


@pytest.fixture
def seeded(db):
    support = db.save_profile(new_profile("Support", AGENT))
    sales = db.save_profile(new_profile("Sales", AGENT))
    a = db.create_conversation(support.id, "Billing question")
    b = db.create_conversation(sales.id, "Pricing")
    messages = {
        "once": db.add_message(a.id, Role.USER, "My invoice from March looks wrong?"),
        "many": db.add_message(
            a.id, Role.ASSISTANT, "Invoice invoice invoice: the invoice total was recalculated."
        ),
        "other": db.add_message(b.id, Role.USER, "How much does the enterprise plan cost?"),
        "accent": db.add_message(b.id, Role.ASSISTANT, "El café está incluido en el plan."),
        "code": db.add_message(b.id, Role.USER, 'Run "SELECT * FROM t" AND NOT c++ -- ok: 50%'),
    }
    return db, support, sales, a, b, messages


def test_bm25_ranks_denser_matches_first(seeded):
    db, *_, messages = seeded
    hits = db.search("invoice")
    assert [h.message_id for h in hits] == [messages["many"].id, messages["once"].id]


def test_hit_carries_conversation_and_highlighted_snippet(seeded):
    db, support, _sales, a, _b, messages = seeded
    (hit,) = db.search("march")
    assert hit.message_id == messages["once"].id
    assert hit.conversation_id == a.id
    assert hit.conversation_title == "Billing question"
    assert hit.profile_id == support.id
    assert hit.position == 0
    assert hit.role is Role.USER
    assert f"{HIGHLIGHT_START}March{HIGHLIGHT_END}" in hit.snippet
    assert strip_highlights(hit.snippet) in messages["once"].text


def test_all_terms_must_match_and_prefixes_match(seeded):
    db, *_, messages = seeded
    assert [h.message_id for h in db.search("invoice march")] == [messages["once"].id]
    assert [h.message_id for h in db.search("enterp")] == [messages["other"].id]
    assert db.search("invoice enterprise") == []


def test_diacritics_and_case_are_ignored(seeded):
    db, *_, messages = seeded
    assert [h.message_id for h in db.search("CAFE")] == [messages["accent"].id]
    assert [h.message_id for h in db.search("esta")] == [messages["accent"].id]


def test_profile_filter_and_limit(seeded):
    db, support, sales, *_ = seeded
    assert {h.profile_id for h in db.search("plan", profile_id=sales.id)} == {sales.id}
    assert db.search("plan", profile_id=support.id) == []
    assert len(db.search("invoice", limit=1)) == 1
    assert db.search("invoice", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "-",
        "*",
        ":",
        "AND",
        "OR NOT",
        "NEAR(",
        "(",
        ")",
        "^",
        "a:b",
        '"unbalanced',
        "col:value",
        "-- ; DROP TABLE messages;",
        "c++",
        "50%",
        "\x00",
        "0\x00",
        'a"\x00"b',
        "☃",
        "*" * 500,
        "word " * 200,
    ],
)
def test_hostile_queries_never_raise(seeded, query):
    db, *_ = seeded
    assert isinstance(db.search(query), list)
    assert db.integrity_check() == ["ok"]


def test_syntax_characters_are_searched_as_text(seeded):
    db, *_, messages = seeded
    assert [h.message_id for h in db.search('"SELECT')] == [messages["code"].id]
    assert [h.message_id for h in db.search("AND NOT")] == [messages["code"].id]
    assert [h.message_id for h in db.search("ok:")] == [messages["code"].id]


def test_build_match_query_quotes_every_term():
    assert build_match_query("") is None
    assert build_match_query("- * :") is None
    assert build_match_query('say "hi"') == '"say"* """hi"""*'
    assert build_match_query("AND") == '"AND"*'


def test_index_follows_updates_and_deletes(db):
    profile = db.save_profile(new_profile("P", AGENT))
    conv = db.create_conversation(profile.id)
    msg = db.add_message(conv.id, Role.ASSISTANT, "alpha")
    db.update_message(msg.id, text="beta")
    assert db.search("alpha") == []
    assert [h.message_id for h in db.search("beta")] == [msg.id]
    db.delete_messages_from(conv.id, 0)
    assert db.search("beta") == []
    assert db._connection().execute(
        "INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_text_is_a_safe_query(seeded, query):
    db, *_ = seeded
    for hit in db.search(query):
        assert hit.snippet.count(HIGHLIGHT_START) == hit.snippet.count(HIGHLIGHT_END)


def test_a_vague_query_ranks_only_the_newest_window(db, monkeypatch):
    from desktop_app.core.storage import search as search_module

    profile = db.save_profile(new_profile("P", AGENT))
    hidden = db.create_conversation(profile.id, "In the bin")
    db.add_message(hidden.id, Role.USER, "otter")
    conv = db.create_conversation(profile.id)
    best = db.add_message(conv.id, Role.USER, "otter otter otter otter")  # oldest, most relevant
    newer = [
        db.add_message(conv.id, Role.USER, f"otter and {n} other words here") for n in range(5)
    ]
    db.delete_conversation(hidden.id)
    assert db.search("otter")[0].message_id == best.id  # 6 matches: all are ranked
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    hits = db.search("otter")
    # Only the 3 newest visible matches compete; the binned one does not take a place.
    assert {h.message_id for h in hits} == {m.id for m in newer[-3:]}
