"""The canonical JSON export: write it, and read it back with strict validation."""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from desktop_app.core.export.schema import (
    ConversationImportError,
    ExportDocument,
    document_to_dict,
)
from desktop_app.core.export.validate import document_from_dict
from desktop_app.core.limits import MAX_IMPORT_BYTES, MAX_IMPORT_NUMBER_DIGITS, size_text
from desktop_app.core.messages import translate


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
            raise ConversationImportError(
                translate("Import", "The file repeats the key {key!r} inside one object.").format(
                    key=key
                )
            )
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ConversationImportError(
        translate("Import", "The file contains {name}, which is not valid JSON.").format(name=name)
    )


def _bounded_int(text: str) -> int:
    # Checked before int(), which refuses over 4,300 digits with a ValueError of its own.
    digits = len(text) - text.startswith("-")
    if digits > MAX_IMPORT_NUMBER_DIGITS:
        raise ConversationImportError(
            translate(
                "Import",
                "The file contains a number {digits:,} digits long; numbers in an export have at "
                "most {most:,} digits.",
            ).format(digits=digits, most=MAX_IMPORT_NUMBER_DIGITS)
        )
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ConversationImportError(
            translate(
                "Import", "The file contains a number too large to store ({start}...)."
            ).format(start=text[:20])
        )
    return value


def _too_large(name: str | None, size: int) -> ConversationImportError:
    """The file (named by `name`, or "The file" when None) is over the import limit."""
    template = (
        translate("Import", "{name} is too large to import ({size:,} bytes; the limit is {limit}).")
        if name
        else translate(
            "Import", "The file is too large to import ({size:,} bytes; the limit is {limit})."
        )
    )
    return ConversationImportError(
        template.format(name=name, size=size, limit=size_text(MAX_IMPORT_BYTES))
    )


def parse_json(data: bytes | str) -> ExportDocument:
    """Parse and validate an export; raise ConversationImportError with a sentence if it is bad."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large(None, len(data))
    if isinstance(data, bytes):
        try:
            # utf-8-sig: a byte order mark written by some Windows editors is accepted.
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConversationImportError(
                translate(
                    "Import", "The file is not UTF-8 text (bad byte at offset {offset})."
                ).format(offset=exc.start)
            ) from None
    else:
        text = data
    if not text.strip():
        raise ConversationImportError(translate("Import", "The file is empty."))
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constants,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        # A string that never ends ran into the end of the file too.
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        template = (
            translate(
                "Import",
                "The file is not valid JSON (the file looks truncated): {problem} "
                "(line {line}, column {column}).",
            )
            if truncated
            else translate(
                "Import", "The file is not valid JSON: {problem} (line {line}, column {column})."
            )
        )
        # Python's own words for the JSON problem stay as they are (data, not ours).
        raise ConversationImportError(
            template.format(problem=exc.msg, line=exc.lineno, column=exc.colno)
        ) from None
    except RecursionError:
        raise ConversationImportError(
            translate("Import", "The file is nested too deeply to be an export.")
        ) from None
    return document_from_dict(value)


def read_json_file(path: str | Path) -> ExportDocument:
    """Read and validate an export file.

    Only a regular file is read (a device such as /dev/zero never ends, and opening a FIFO waits
    for a writer), and never more than the import limit plus one byte of it.
    """
    path = Path(path)
    try:
        info = path.stat()
        _check_regular(path, info)
        if info.st_size > MAX_IMPORT_BYTES:
            raise _too_large(path.name, info.st_size)
        # O_NONBLOCK: should the path become a FIFO after the check, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            _check_regular(path, os.fstat(handle.fileno()))
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ConversationImportError(
            translate("Import", "Cannot read {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from None
    if len(data) > MAX_IMPORT_BYTES:  # it grew after the check
        raise _too_large(path.name, len(data))
    return parse_json(data)


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ConversationImportError(
            translate("Import", "{path} is a folder; give the export file inside it.").format(
                path=path
            )
        )
    if not stat.S_ISREG(info.st_mode):
        raise ConversationImportError(
            translate(
                "Import",
                "{path} is not a regular file (a device, a pipe or a socket), so it cannot be "
                "imported; give a JSON export file.",
            ).format(path=path)
        )
