"""The canonical JSON export: write it, and read it back with strict validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.core.export.schema import (
    MAX_FILE_BYTES,
    ConversationImportError,
    ExportDocument,
    document_to_dict,
)
from desktop_app.core.export.validate import document_from_dict


def render_json(document: ExportDocument) -> str:
    """The export as canonical JSON text: UTF-8 friendly (not \\u-escaped), indented, one file."""
    return (
        json.dumps(document_to_dict(document), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python keeps the last of two equal keys silently; a file that says two things is refused.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ConversationImportError(f"The file repeats the key {key!r} inside one object.")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ConversationImportError(f"The file contains {name}, which is not valid JSON.")


def parse_json(data: bytes | str) -> ExportDocument:
    """Parse and validate an export; raise ConversationImportError with a sentence if it is bad."""
    if len(data) > MAX_FILE_BYTES:
        raise ConversationImportError(
            f"The file is too large to import ({len(data):,} bytes, at most {MAX_FILE_BYTES:,})."
        )
    if isinstance(data, bytes):
        try:
            # utf-8-sig: a byte order mark written by some Windows editors is accepted.
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConversationImportError(
                f"The file is not UTF-8 text (bad byte at offset {exc.start})."
            ) from None
    else:
        text = data
    if not text.strip():
        raise ConversationImportError("The file is empty.")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        # A string that never ends ran into the end of the file too.
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        hint = " (the file looks truncated)" if truncated else ""
        raise ConversationImportError(
            f"The file is not valid JSON{hint}: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise ConversationImportError("The file is nested too deeply to be an export.") from None
    return document_from_dict(value)


def read_json_file(path: str | Path) -> ExportDocument:
    """Read and validate an export file, refusing oversized files before reading them."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ConversationImportError(
                f"{path.name} is too large to import ({size:,} bytes, at most {MAX_FILE_BYTES:,})."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ConversationImportError(
            f"Cannot read {path}: {exc.strerror or exc.__class__.__name__}."
        ) from None
    return parse_json(data)
