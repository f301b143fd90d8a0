"""The `conversations` and `search` commands over the app's history database."""

from __future__ import annotations

import argparse
import json
import os
import stat

import pytest

from desktop_app.commands import conversations as conversations_command
from desktop_app.commands import search as search_command
from desktop_app.core.models import Role
from desktop_app.core.paths import HOME_ENV, app_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database

AGENT = "123e4567-e89b-12d3-a456-426614174000"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    return app_paths()


@pytest.fixture
def seeded(home):
    with Database.open(home.database_path) as db:
        support = db.save_profile(new_profile("Support", AGENT))
        sales = db.save_profile(new_profile("Sales", AGENT))
        a = db.create_conversation(support.id, "Refund \x1b[31mplease")
        db.add_message(a.id, Role.USER, "I want a refund for order 42")
        db.add_message(a.id, Role.ASSISTANT, "The refund was approved.")
        b = db.create_conversation(sales.id, "Pricing")
        db.add_message(b.id, Role.USER, "What does the plan cost?")
        gone = db.create_conversation(sales.id, "Old")
        db.delete_conversation(gone.id)
    return a, b, gone


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="agentsgt-desktop")
    subparsers = parser.add_subparsers(dest="command")
    conversations_command.register(subparsers)
    search_command.register(subparsers)
    args = parser.parse_args(argv)
    return args.run(args)


def test_conversations_lists_newest_first_with_counts(seeded, capsys):
    a, b, _gone = seeded
    assert run("conversations") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(b.id) and "1 message " in lines[0] and "Sales: Pricing" in lines[0]
    assert lines[1].startswith(a.id) and "2 messages" in lines[1]
    assert "\x1b" not in lines[1]  # a title cannot drive the terminal


def test_conversations_json_profile_filter_and_bin(seeded, capsys):
    a, _b, gone = seeded
    assert run("conversations", "--profile", "support", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == a.id
    assert row["profile"] == "Support"
    assert row["message_count"] == 2
    assert row["created_at"].endswith("+00:00")
    assert run("conversations", "--deleted", "--json") == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [gone.id]


def test_unknown_profile_is_one_sentence_and_exit_2(seeded, capsys):
    assert run("conversations", "--profile", "nobody") == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "no profile named 'nobody'" in err and "Sales" in err


def test_no_database_yet_is_not_an_error_and_creates_nothing(home, capsys):
    assert run("conversations") == 0
    assert "No conversations" in capsys.readouterr().out
    assert run("search", "anything", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not home.database_path.exists()


def test_search_plain_and_json(seeded, capsys):
    a, _b, _gone = seeded
    assert run("search", "refund") == 0
    out = capsys.readouterr().out
    assert "**refund**" in out and a.id in out
    assert run("search", "refund", "approved", "--json") == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["conversation_id"] == a.id
    assert hit["position"] == 1 and hit["role"] == "assistant"
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] in ("refund", "approved")
    assert "\x02" not in hit["snippet"]


def test_search_profile_filter_limit_and_bad_input(seeded, capsys):
    assert run("search", "refund", "--profile", "Sales", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run("search", "the", "--limit", "1", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert run("search", "--", "-*-") == 2
    assert "at least one word" in capsys.readouterr().err


def test_damaged_database_exits_10_with_a_sentence(home, capsys):
    home.data_dir.mkdir(parents=True)
    home.database_path.write_bytes(b"garbage" * 100)
    assert run("conversations") == 10
    assert "damaged" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_database_is_private(home):
    Database.open(home.database_path).close()
    assert stat.S_IMODE(home.database_path.stat().st_mode) == 0o600
