"""Strict validation of export files: each defect is refused with a sentence naming where it is."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import AgentsGTError
from desktop_app.core.export import (
    ConversationImportError,
    json_format,
    parse_json,
    read_json_file,
    render_json,
)
from desktop_app.core.export.schema import MAX_MESSAGE_BYTES, document_to_dict
from tests.fixtures.export_samples import HOSTILE, sample_conversation, sample_document


def valid() -> dict[str, Any]:
    """A valid export with two conversations, as a mutable dict."""
    document = sample_document(sample_conversation("c-1"), sample_conversation("c-2", "Second"))
    return copy.deepcopy(document_to_dict(document))


def refused(data: Any) -> str:
    """The error sentence for `data` (a dict is serialised first)."""
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    with pytest.raises(ConversationImportError) as caught:
        parse_json(text)
    assert isinstance(caught.value, AgentsGTError)
    return caught.value.message


def test_the_valid_sample_is_accepted():
    assert len(parse_json(json.dumps(valid())).conversations) == 2


def test_malformed_json():
    assert "not valid JSON" in refused('{"format": "agentsgt-desktop.conversations",,}')


def test_truncated_file_is_called_truncated():
    text = render_json(sample_document())
    message = refused(text[: len(text) // 2])
    assert "not valid JSON (the file looks truncated)" in message
    assert "line" in message and "column" in message
    cut_in_a_string = text[: text.index("What are your") + 4]
    assert "(the file looks truncated)" in refused(cut_in_a_string)


def test_empty_file_and_not_utf8():
    assert refused(b"") == "The file is empty."
    assert refused(b"  \n") == "The file is empty."
    assert "not UTF-8" in refused(b'{"format": "\xff\xfe"}')


@pytest.mark.parametrize(
    ("text", "kind"), [("[]", "an array"), ('"hello"', "a string"), ("42", "a number")]
)
def test_wrong_top_level_type(text: str, kind: str):
    assert (
        refused(text)
        == f"The file is not a conversation export: it holds {kind}, not a JSON object."
    )


def test_unknown_format():
    data = valid()
    data["format"] = "chatgpt.conversations"
    assert "'format' is 'chatgpt.conversations'" in refused(data)
    del data["format"]
    assert "'format' is None" in refused(data)


def test_newer_version_asks_for_an_update():
    data = valid()
    data["version"] = 2
    message = refused(data)
    assert "version 2, newer than this app understands" in message
    assert "update AgentsGT Desktop" in message


@pytest.mark.parametrize("version", ["1", 1.0, True, None])
def test_version_must_be_a_whole_number(version: Any):
    data = valid()
    data["version"] = version
    assert "'version' must be a whole number" in refused(data)


def test_older_unknown_version():
    data = valid()
    data["version"] = 0
    assert refused(data) == "The export version 0 is unknown."


def test_unknown_role_names_conversation_message_and_choices():
    data = valid()
    data["conversations"][1]["messages"][2]["role"] = "bot"
    assert refused(data) == (
        "conversation 2, message 3: 'role' must be one of user, assistant, system, not 'bot'"
    )


def test_unknown_status():
    data = valid()
    data["conversations"][0]["messages"][0]["status"] = "done"
    message = refused(data)
    assert message.startswith("conversation 1, message 1: 'status' must be one of complete,")
    assert "not 'done'" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("text", 5, "'text' must be a string, not a number"),
        ("text", None, "'text' must be a string, not null"),
        ("reasoning", [], "'reasoning' must be a string, not an array"),
        ("error_text", {}, "'error_text' must be a string or null, not an object"),
        ("parts", "x", "'parts' must be a JSON array, not a string"),
        ("id", "7", "'id' must be a positive whole number, not '7'"),
        ("id", 0, "'id' must be a positive whole number, not 0"),
        ("created_at", "yesterday", "'created_at' must be an ISO 8601 date and time"),
        ("created_at", "2026-01-02T03:04:05", "'created_at' must include a time zone offset"),
        ("finished_at", 17, "'finished_at' must be a string or null, not a number"),
        ("usage", 3, "usage: must be a JSON object, not a number"),
    ],
)
def test_wrong_message_field_types(field: str, value: Any, expected: str):
    data = valid()
    data["conversations"][0]["messages"][1][field] = value
    message = refused(data)
    assert message.startswith("conversation 1, message 2")
    assert expected in message


@pytest.mark.parametrize("tokens", [-1, True, 1.5, "3"])
def test_token_counts_must_be_whole_numbers(tokens: Any):
    data = valid()
    data["conversations"][0]["messages"][1]["usage"]["input_tokens"] = tokens
    message = refused(data)
    assert message.startswith("conversation 1, message 2, usage: 'input_tokens' must be")


def test_missing_and_unknown_fields():
    data = valid()
    del data["conversations"][1]["messages"][0]["text"]
    assert refused(data) == "conversation 2, message 1: the field 'text' is missing"
    data = valid()
    data["conversations"][0]["profile"]["key_ref"] = "pk_live@agentsgt.com"
    assert refused(data).startswith("conversation 1, profile: unknown field 'key_ref'")
    data = valid()
    data["extra"] = 1
    assert refused(data).startswith("the export: unknown field 'extra'")


def test_conversation_level_types():
    data = valid()
    data["conversations"] = {}
    assert "'conversations' must be a JSON array, not an object" in refused(data)
    data = valid()
    data["conversations"][1] = "c-2"
    assert refused(data) == "conversation 2: must be a JSON object, not a string"
    data = valid()
    data["conversations"][0]["title"] = 12
    assert refused(data) == "conversation 1: 'title' must be a string, not a number"
    data = valid()
    data["conversations"][0]["id"] = "  "
    assert refused(data) == "conversation 1: 'id' must not be empty"


def test_parts_are_checked():
    data = valid()
    data["conversations"][0]["messages"][1]["parts"][0]["type"] = "image"
    assert refused(data) == (
        "conversation 1, message 2, part 1: 'type' must be one of tool, source, not 'image'"
    )
    data = valid()
    data["conversations"][0]["messages"][1]["parts"][1]["url"] = 5
    assert refused(data) == (
        "conversation 1, message 2, part 2: 'url' must be a string or null, not a number"
    )


def test_repeated_ids_are_refused():
    data = valid()
    data["conversations"][1]["id"] = "c-1"
    assert "conversation 2 repeats the id 'c-1'" in refused(data)
    data = valid()
    data["conversations"][0]["messages"][3]["id"] = 1
    assert "message 4 repeats the id 1" in refused(data)


def test_duplicate_keys_nan_and_surrogates():
    text = json.dumps(valid())
    assert "repeats the key 'format'" in refused('{"format": 1, ' + text[1:])
    data = valid()
    data["conversations"][0]["messages"][0]["usage"] = {"input_tokens": float("nan")}
    assert "NaN, which is not valid JSON" in refused(json.dumps(data))
    data = valid()
    data["conversations"][0]["messages"][0]["text"] = "\ud800"
    assert refused(data) == (
        "conversation 1, message 1: 'text' contains an unpaired surrogate, "
        "which is not valid Unicode text"
    )


def test_deep_nesting_is_refused():
    assert "nested too deeply" in refused("[" * 100_000 + "]" * 100_000)
    data = valid()
    nested: Any = 1
    for _ in range(100):
        nested = [nested]
    data["conversations"][0]["messages"][1]["parts"][0]["input"] = nested
    assert "nested too deeply" in refused(data)


def test_a_message_as_long_as_the_longest_reply_fits() -> None:
    from desktop_app.core.limits import MAX_REPLY_TEXT_CHARS

    assert MAX_MESSAGE_BYTES >= 4 * MAX_REPLY_TEXT_CHARS  # any kept reply can be imported again


def test_oversized_message(monkeypatch: pytest.MonkeyPatch):
    # The real limit (72 MB) makes files larger than the import limit: a small one, same rule.
    limit = 1024 * 1024
    monkeypatch.setattr("desktop_app.core.export.validate.MAX_MESSAGE_BYTES", limit)
    data = valid()
    data["conversations"][0]["messages"][1]["text"] = "x" * (limit + 1)
    assert refused(data).startswith("conversation 1, message 2: 'text' is too long")
    data = valid()
    # Each field fits, together they do not.
    data["conversations"][0]["messages"][1]["text"] = "é" * (limit // 3)
    data["conversations"][0]["messages"][1]["reasoning"] = "é" * (limit // 3)
    assert refused(data).startswith("conversation 1, message 2: the message is too large")


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: the size is refused before a byte is read
        handle.truncate(200 * 1024 * 1024 + 1)
    with pytest.raises(ConversationImportError, match=r"big.json is too large to import"):
        read_json_file(big)
    monkeypatch.setattr(json_format, "MAX_IMPORT_BYTES", 100)
    assert "too large to import" in refused(render_json(sample_document()))


def test_unreadable_file(tmp_path: Path):
    with pytest.raises(ConversationImportError, match=r"Cannot read .*missing.json"):
        read_json_file(tmp_path / "missing.json")


def test_hostile_content_is_kept_verbatim():
    data = valid()
    data["conversations"][0]["title"] = HOSTILE
    document = parse_json(json.dumps(data))
    assert document.conversations[0].title == HOSTILE
    assert document.conversations[0].messages[2].text == HOSTILE
