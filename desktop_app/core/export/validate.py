"""Strict reading of the canonical export: every field checked, every failure located.

Nothing here writes anything; the importer runs this over the whole file before its
transaction starts. Errors are ConversationImportError sentences such as
"conversation 3, message 12: 'role' must be one of user, assistant, system, not 'bot'".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from desktop_app.core.export.schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_MESSAGE_BYTES,
    MAX_SHORT_TEXT,
    MAX_TOKENS,
    ConversationExport,
    ConversationImportError,
    ExportDocument,
    ExportedMessage,
    ExportedProfile,
    ExportedUsage,
    JsonValue,
)
from desktop_app.core.messages import translate
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage.records import PartRecord, SourceRecord, ToolRecord

_E = TypeVar("_E", bound=StrEnum)


class _Fields:
    """Typed, located access to one JSON object's fields; every failure names where it is."""

    def __init__(self, value: JsonValue, where: str, keys: tuple[str, ...]) -> None:
        self.where = where
        if not isinstance(value, dict):
            self.fail(
                translate("Import", "must be a JSON object, not {kind}").format(kind=_kind(value))
            )
        unknown = sorted(set(value) - set(keys))
        if unknown:
            self.fail(
                translate(
                    "Import", "unknown field {name!r} (version {version} has no such field)"
                ).format(name=unknown[0], version=FORMAT_VERSION)
            )
        missing = [key for key in keys if key not in value]
        if missing:
            self.fail(translate("Import", "the field {name!r} is missing").format(name=missing[0]))
        self.value: Mapping[str, JsonValue] = value

    def fail(self, problem: str) -> NoReturn:
        # "conversation 3, message 12: <problem>": a place, then what is wrong there.
        raise ConversationImportError(f"{self.where}: {problem}")

    def text(self, key: str, *, limit: int = MAX_SHORT_TEXT, nullable: bool = False) -> Any:
        value = self.value[key]
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            template = (
                translate("Import", "{key!r} must be a string or null, not {kind}")
                if nullable
                else translate("Import", "{key!r} must be a string, not {kind}")
            )
            self.fail(template.format(key=key, kind=_kind(value)))
        if len(value) > limit:
            self.fail(
                translate(
                    "Import", "{key!r} is too long ({length:,} characters, at most {limit:,})"
                ).format(key=key, length=len(value), limit=limit)
            )
        if not _is_encodable(value):
            self.fail(
                translate(
                    "Import",
                    "{key!r} contains an unpaired surrogate, which is not valid Unicode text",
                ).format(key=key)
            )
        return value

    def identifier(self, key: str) -> str:
        value: str = self.text(key, limit=200)
        if not value.strip():
            self.fail(translate("Import", "{key!r} must not be empty").format(key=key))
        return value

    def row_id(self, key: str) -> int:
        value = self.value[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
            self.fail(
                translate(
                    "Import", "{key!r} must be a positive whole number, not {value!r}"
                ).format(key=key, value=value)
            )
        return value

    def json(self, key: str) -> JsonValue:
        value = self.value[key]
        _json_size(value, f"{self.where}, {key!r}")
        return value

    def time(self, key: str, *, nullable: bool = False) -> Any:
        value = self.text(key, limit=64, nullable=nullable)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.fail(
                translate(
                    "Import", "{key!r} must be an ISO 8601 date and time, not {value!r}"
                ).format(key=key, value=value)
            )
        if parsed.tzinfo is None:
            self.fail(
                translate(
                    "Import", "{key!r} must include a time zone offset, as in {value}+00:00"
                ).format(key=key, value=value)
            )
        return parsed

    def count(self, key: str) -> int | None:
        value = self.value[key]
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TOKENS:
            self.fail(
                translate(
                    "Import", "{key!r} must be a whole number of tokens or null, not {value!r}"
                ).format(key=key, value=value)
            )
        return value

    def choice(self, key: str, enum: type[_E]) -> _E:
        value = self.value[key]
        allowed = ", ".join(member.value for member in enum)
        if not isinstance(value, str) or value not in {m.value for m in enum}:
            self.fail(
                translate("Import", "{key!r} must be one of {allowed}, not {value!r}").format(
                    key=key, allowed=allowed, value=value
                )
            )
        return enum(value)

    def array(self, key: str) -> list[JsonValue]:
        value = self.value[key]
        if not isinstance(value, list):
            self.fail(
                translate("Import", "{key!r} must be a JSON array, not {kind}").format(
                    key=key, kind=_kind(value)
                )
            )
        return value


def _reject_repeated_ids(
    fields: _Fields, items: Sequence[ExportedMessage | ConversationExport]
) -> None:
    """Fail on the first item (counted from 1) whose id an earlier one has."""
    seen: set[int | str] = set()
    for index, item in enumerate(items, start=1):
        if item.id in seen:
            template = (
                translate("Import", "message {index} repeats the id {id!r}")
                if isinstance(item, ExportedMessage)
                else translate("Import", "conversation {index} repeats the id {id!r}")
            )
            fields.fail(template.format(index=index, id=item.id))
        seen.add(item.id)


def _kind(value: JsonValue) -> str:
    """How a JSON value is called in an error sentence (a noun with its article)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return translate("Import", "a boolean")
    if isinstance(value, int | float):
        return translate("Import", "a number")
    if isinstance(value, str):
        return translate("Import", "a string")
    if isinstance(value, list):
        return translate("Import", "an array")
    return translate("Import", "an object")


def _is_encodable(text: str) -> bool:
    # A lone surrogate ("\ud800") is legal JSON but cannot be stored as UTF-8 text.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_size(value: JsonValue, where: str, depth: int = 0) -> int:
    """Approximate encoded size of a JSON value, checking it is plain, finite, valid JSON."""
    if depth > 64:
        raise ConversationImportError(
            translate("Import", "{where} is nested too deeply").format(where=where)
        )
    if value is None or isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return len(str(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ConversationImportError(
                translate("Import", "{where} contains a number that is not finite").format(
                    where=where
                )
            )
        return 24
    if isinstance(value, str):
        if not _is_encodable(value):
            raise ConversationImportError(
                translate("Import", "{where} contains an unpaired surrogate").format(where=where)
            )
        return len(value.encode("utf-8")) + 2
    if isinstance(value, list):
        return 2 + sum(_json_size(item, where, depth + 1) + 1 for item in value)
    if isinstance(value, dict):
        return 2 + sum(
            _json_size(key, where, depth + 1) + _json_size(item, where, depth + 1) + 2
            for key, item in value.items()
        )
    raise ConversationImportError(
        translate("Import", "{where} contains {kind}").format(
            where=where, kind=type(value).__name__
        )
    )


_TOOL_KEYS = ("type", "tool_call_id", "tool_name", "state", "input", "output", "error_text")
_SOURCE_KEYS = ("type", "source_id", "url", "title", "media_type", "filename")


def part_from_dict(value: JsonValue, where: str) -> PartRecord:
    """Validate and build one tool call or source part."""
    kind = value.get("type") if isinstance(value, dict) else None
    if kind == "tool":
        fields = _Fields(value, where, _TOOL_KEYS)
        return ToolRecord(
            tool_call_id=fields.identifier("tool_call_id"),
            tool_name=fields.text("tool_name", nullable=True),
            state=fields.text("state", limit=100),
            input=fields.json("input"),
            output=fields.json("output"),
            error_text=fields.text("error_text", limit=MAX_MESSAGE_BYTES, nullable=True),
        )
    if kind == "source":
        fields = _Fields(value, where, _SOURCE_KEYS)
        return SourceRecord(
            source_id=fields.identifier("source_id"),
            url=fields.text("url", nullable=True),
            title=fields.text("title", nullable=True),
            media_type=fields.text("media_type", limit=200, nullable=True),
            filename=fields.text("filename", nullable=True),
        )
    if not isinstance(value, dict):
        raise ConversationImportError(
            translate("Import", "{where}: must be a JSON object, not {kind}").format(
                where=where, kind=_kind(value)
            )
        )
    raise ConversationImportError(
        translate("Import", "{where}: 'type' must be one of tool, source, not {kind!r}").format(
            where=where, kind=kind
        )
    )


_MESSAGE_KEYS = (
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
)
_CONVERSATION_KEYS = (
    "id",
    "title",
    "profile",
    "created_at",
    "updated_at",
    "server_thread_id",
    "messages",
)
_PROFILE_KEYS = ("display_name", "agent_id", "agent_name", "base_url")
_DOCUMENT_KEYS = ("format", "version", "exported_at", "app_version", "conversations")


def message_from_dict(value: JsonValue, where: str) -> ExportedMessage:
    """Validate and build one message; `where` names it in errors ("conversation 3, message 12")."""
    fields = _Fields(value, where, _MESSAGE_KEYS)
    message_id = fields.row_id("id")
    role = fields.choice("role", Role)
    status = fields.choice("status", MessageStatus)
    text = fields.text("text", limit=MAX_MESSAGE_BYTES)
    reasoning = fields.text("reasoning", limit=MAX_MESSAGE_BYTES)
    error_text = fields.text("error_text", limit=MAX_MESSAGE_BYTES, nullable=True)
    parts = fields.array("parts")
    size = (
        len(text.encode("utf-8"))
        + len(reasoning.encode("utf-8"))
        + len((error_text or "").encode("utf-8"))
        + _json_size(parts, f"{where}, 'parts'")
    )
    if size > MAX_MESSAGE_BYTES:
        fields.fail(
            translate(
                "Import", "the message is too large ({size:,} bytes, at most {most:,})"
            ).format(size=size, most=MAX_MESSAGE_BYTES)
        )
    usage_value = fields.value["usage"]
    usage = None
    if usage_value is not None:
        usage_fields = _Fields(
            usage_value,
            translate("Import", "{where}, usage").format(where=where),
            ("input_tokens", "output_tokens"),
        )
        usage = ExportedUsage(
            input_tokens=usage_fields.count("input_tokens"),
            output_tokens=usage_fields.count("output_tokens"),
        )
    return ExportedMessage(
        id=message_id,
        role=role,
        text=text,
        reasoning=reasoning,
        parts=tuple(
            part_from_dict(
                item, translate("Import", "{where}, part {index}").format(where=where, index=index)
            )
            for index, item in enumerate(parts, start=1)
        ),
        status=status,
        error_text=error_text,
        created_at=fields.time("created_at"),
        finished_at=fields.time("finished_at", nullable=True),
        usage=usage,
    )


def conversation_from_dict(value: JsonValue, where: str) -> ConversationExport:
    """Validate and build one conversation and all its messages."""
    fields = _Fields(value, where, _CONVERSATION_KEYS)
    conversation_id = fields.identifier("id")
    title = fields.text("title")
    created_at = fields.time("created_at")
    updated_at = fields.time("updated_at")
    server_thread_id = fields.text("server_thread_id", nullable=True)
    profile_fields = _Fields(
        fields.value["profile"],
        translate("Import", "{where}, profile").format(where=where),
        _PROFILE_KEYS,
    )
    profile = ExportedProfile(
        display_name=profile_fields.text("display_name"),
        agent_id=profile_fields.identifier("agent_id"),
        agent_name=profile_fields.text("agent_name"),
        base_url=profile_fields.text("base_url"),
    )
    messages = tuple(
        message_from_dict(
            item, translate("Import", "{where}, message {index}").format(where=where, index=index)
        )
        for index, item in enumerate(fields.array("messages"), start=1)
    )
    _reject_repeated_ids(fields, messages)
    return ConversationExport(
        id=conversation_id,
        title=title,
        profile=profile,
        created_at=created_at,
        updated_at=updated_at,
        server_thread_id=server_thread_id,
        messages=messages,
    )


def document_from_dict(value: JsonValue) -> ExportDocument:
    """Validate a whole parsed export; raise ConversationImportError naming the first problem."""
    if not isinstance(value, dict):
        raise ConversationImportError(
            translate(
                "Import",
                "The file is not a conversation export: it holds {kind}, not a JSON object.",
            ).format(kind=_kind(value))
        )
    if value.get("format") != FORMAT_NAME:
        raise ConversationImportError(
            translate(
                "Import",
                "The file is not a conversation export: 'format' is {found!r}, expected {name!r}.",
            ).format(found=value.get("format"), name=FORMAT_NAME)
        )
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ConversationImportError(
            translate(
                "Import", "The export's 'version' must be a whole number, not {version!r}."
            ).format(version=version)
        )
    if version > FORMAT_VERSION:
        raise ConversationImportError(
            translate(
                "Import",
                "The export is version {version}, newer than this app understands "
                "(version {known}): update AgentsGT Desktop to import it.",
            ).format(version=version, known=FORMAT_VERSION)
        )
    if version != FORMAT_VERSION:
        raise ConversationImportError(
            translate("Import", "The export version {version} is unknown.").format(version=version)
        )
    fields = _Fields(value, translate("Import", "the export"), _DOCUMENT_KEYS)
    exported_at = fields.time("exported_at")
    app_version = fields.text("app_version", limit=100)
    conversations = tuple(
        conversation_from_dict(
            item, translate("Import", "conversation {index}").format(index=index)
        )
        for index, item in enumerate(fields.array("conversations"), start=1)
    )
    _reject_repeated_ids(fields, conversations)
    return ExportDocument(
        conversations=conversations,
        exported_at=exported_at,
        app_version=app_version,
    )
