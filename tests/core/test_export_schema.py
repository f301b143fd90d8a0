"""The canonical JSON export: its shape, and that every field survives a write and a read."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.export import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ExportDocument,
    parse_json,
    render_json,
)
from desktop_app.core.export.schema import (
    ConversationExport,
    ExportedUsage,
    document_to_dict,
)
from desktop_app.core.export.validate import document_from_dict
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage import SourceRecord, ToolRecord
from tests.fixtures.export_samples import exported_profile, message, sample_document


def test_top_level_shape_is_the_documented_one():
    data = json.loads(render_json(sample_document()))
    assert list(data) == ["format", "version", "exported_at", "app_version", "conversations"]
    assert data["format"] == FORMAT_NAME == "agentsgt-desktop.conversations"
    assert data["version"] == FORMAT_VERSION == 1
    conversation = data["conversations"][0]
    assert list(conversation) == [
        "id",
        "title",
        "profile",
        "created_at",
        "updated_at",
        "server_thread_id",
        "messages",
    ]
    assert list(conversation["profile"]) == ["display_name", "agent_id", "agent_name", "base_url"]
    assert list(conversation["messages"][1]) == [
        "id",
        "role",
        "text",
        "reasoning",
        "parts",
        "status",
        "error_text",
        "created_at",
        "finished_at",
        "usage",
    ]
    assert conversation["messages"][1]["usage"] == {"input_tokens": 12, "output_tokens": 34}
    assert conversation["messages"][1]["parts"][0]["type"] == "tool"
    assert conversation["messages"][1]["parts"][1]["type"] == "source"


def test_json_is_utf8_text_not_escaped():
    document = sample_document()
    conversation = document.conversations[0]
    first = message(1, Role.USER, "¿Horario? 営業時間 🕘")
    changed = ConversationExport(**{**_fields(conversation), "messages": (first,)})
    text = render_json(ExportDocument((changed,), document.exported_at, "0.1.0"))
    assert "営業時間 🕘" in text


def _fields(conversation: ConversationExport) -> dict:
    return {name: getattr(conversation, name) for name in conversation.__slots__}


def test_dict_and_json_round_trip_every_field():
    document = sample_document()
    assert document_from_dict(document_to_dict(document)) == document
    assert parse_json(render_json(document)) == document
    assert parse_json(render_json(document).encode("utf-8")) == document


def test_a_byte_order_mark_is_accepted():
    document = sample_document()
    assert parse_json(b"\xef\xbb\xbf" + render_json(document).encode("utf-8")) == document


json_leaf = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
json_value = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
times = st.datetimes(
    min_value=datetime(1971, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.just(UTC),
)


@st.composite
def messages(draw: st.DrawFn, message_id: int):
    usage = draw(
        st.none()
        | st.builds(
            ExportedUsage,
            st.none() | st.integers(0, 10**9),
            st.none() | st.integers(0, 10**9),
        )
    )
    parts = draw(
        st.lists(
            st.builds(
                ToolRecord,
                st.text(min_size=1, max_size=10).filter(str.strip),
                st.none() | st.text(max_size=10),
                st.sampled_from(["input-available", "output-available", "output-error"]),
                json_value,
                json_value,
                st.none() | st.text(max_size=10),
            )
            | st.builds(
                SourceRecord,
                st.text(min_size=1, max_size=10).filter(str.strip),
                st.none() | st.text(max_size=30),
                st.none() | st.text(max_size=10),
            ),
            max_size=3,
        )
    )
    created = draw(times)
    built = message(
        message_id,
        draw(st.sampled_from(list(Role))),
        draw(st.text()),
        status=draw(st.sampled_from(list(MessageStatus))),
        reasoning=draw(st.text(max_size=50)),
        parts=tuple(parts),
        error_text=draw(st.none() | st.text(max_size=50)),
        finished_at=draw(st.none() | st.just(created + timedelta(seconds=1))),
        usage=usage,
    )
    return replace(built, created_at=created)


@st.composite
def documents(draw: st.DrawFn) -> ExportDocument:
    conversations = []
    for index in range(draw(st.integers(0, 3))):
        count = draw(st.integers(0, 4))
        created = draw(times)
        conversations.append(
            ConversationExport(
                id=f"conversation-{index}",
                title=draw(st.text(max_size=40)),
                profile=exported_profile(draw(st.text(max_size=20))),
                created_at=created,
                updated_at=created + timedelta(minutes=5),
                server_thread_id=draw(st.none() | st.text(max_size=20)),
                messages=tuple(draw(messages(i)) for i in range(1, count + 1)),
            )
        )
    return ExportDocument(tuple(conversations), draw(times), draw(st.text(max_size=10)))


@settings(max_examples=60, deadline=None)
@given(documents())
def test_any_unicode_and_any_part_round_trips_through_json(document: ExportDocument):
    assert parse_json(render_json(document)) == document
    assert parse_json(render_json(document).encode("utf-8")) == document
