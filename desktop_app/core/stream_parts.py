"""Shared helpers for the stream decoders: fast JSON parsing and typed field access."""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import StreamProtocolError
from desktop_app.core.events import Usage
from desktop_app.core.messages import translate

# The C scanner behind json.loads, called directly as `scan_json(text, 0) -> (value, end)`:
# for small objects json.loads spends most of its time on checks around it, and a reply can
# hold hundreds of thousands of them. It raises StopIteration when no value starts at 0.
scan_json: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    json.JSONDecoder()  # type: ignore[arg-type]
)


# The kinds of frame `parse_json` reads (its `what`).
UI_PART = "UI message stream part"
DATA_PART = "data stream part"


def parse_json(text: str, what: str) -> Any:
    """Parse one JSON value that must fill `text` exactly; raise StreamProtocolError if not.

    `what` names the frame in the error message (e.g. "UI message stream part").
    """
    try:
        value, end = scan_json(text, 0)
        if end == len(text):
            return value
    except (StopIteration, ValueError, RecursionError):
        pass
    # Slow path: leading/trailing whitespace, or an error that needs a precise message.
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise StreamProtocolError(
            translate(
                "StreamParts",
                "The reply stream sent {what} that is not valid JSON "
                "({problem} at column {column}): {excerpt}",
            ).format(what=_sent(what), problem=exc.msg, column=exc.colno, excerpt=_excerpt(text))
        ) from None
    except RecursionError:
        raise StreamProtocolError(
            translate("StreamParts", "The reply stream sent {what} nested too deeply.").format(
                what=_sent(what)
            )
        ) from None
    except ValueError:
        # Not a syntax error: Python refuses integers of more than 4,300 digits.
        raise StreamProtocolError(
            translate(
                "StreamParts",
                "The reply stream sent {what} with a number too long to read: {excerpt}",
            ).format(what=_sent(what), excerpt=_excerpt(text))
        ) from None


def _sent(what: str) -> str:
    """The kind of frame, with its article (translated only for an error: frames are many)."""
    if what == UI_PART:
        return translate("StreamParts", "a UI message stream part")
    return translate("StreamParts", "a data stream part")


def _excerpt(text: str) -> str:
    return repr(text[:80] + ("…" if len(text) > 80 else ""))


def required_str(obj: dict[str, Any], key: str, part: str) -> str:
    """`obj[key]` if it is a string, else StreamProtocolError naming the part type."""
    value = obj.get(key)
    if type(value) is not str:
        raise StreamProtocolError(
            translate(
                "StreamParts", "The reply stream sent a '{part}' part without a text '{key}'."
            ).format(part=part, key=key)
        )
    return value


def optional_str(obj: dict[str, Any], key: str) -> str | None:
    """`obj[key]` if it is a string, else None."""
    value = obj.get(key)
    return value if type(value) is str else None


def optional_int(value: Any) -> int | None:
    """`value` if it is an int (not a bool), else None: ai 4 sends NaN usage as null."""
    return value if type(value) is int else None


def usage_from(value: Any, input_key: str, output_key: str) -> Usage | None:
    """A Usage from a JSON object with the given token count keys, or None if there is none."""
    if not isinstance(value, dict):
        return None
    usage = Usage(optional_int(value.get(input_key)), optional_int(value.get(output_key)))
    return None if usage == Usage() else usage


class DeltaRun:
    """Joins consecutive text (or reasoning) deltas of one part into a single event.

    A 64 KiB chunk of a fast reply holds over a thousand one-token frames; one event per frame
    would cost an object each for nothing, since every consumer concatenates them anyway.
    """

    __slots__ = ("kind", "part_id", "pieces")

    def __init__(self) -> None:
        self.kind: type | None = None
        self.part_id: str | None = None
        self.pieces: list[str] = []

    def add(self, kind: type, text: str, part_id: str | None, out: list) -> None:
        """Append a delta, first flushing the run if it is of another kind or part."""
        if kind is not self.kind or part_id != self.part_id:
            self.flush(out)
            self.kind = kind
            self.part_id = part_id
        self.pieces.append(text)

    def flush(self, out: list) -> None:
        """Emit the pending run, if any, as one event."""
        if self.kind is None:
            return
        pieces = self.pieces
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        out.append(self.kind(text, self.part_id))
        self.kind = None
        self.part_id = None
        self.pieces = []


__all__ = [
    "DeltaRun",
    "optional_int",
    "optional_str",
    "parse_json",
    "required_str",
    "scan_json",
    "usage_from",
]
