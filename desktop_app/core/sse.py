"""A WHATWG-exact Server-Sent Events decoder: bytes in, events out, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.errors import ResponseTooLargeError
from desktop_app.core.limits import MAX_LINE_BYTES, size_text
from desktop_app.core.messages import translate

__all__ = ["SSEDecoder", "ServerSentEvent"]

_BOM = b"\xef\xbb\xbf"
# One line terminator: CRLF, LF or CR (CRLF first so it counts as one).
_LINE_END = re.compile(r"\r\n|\r|\n")
_DATA_PREFIX = b"data: "
_FRAME_SEPARATOR = b"\n\ndata: "


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched event.

    `id` is the stream's last event id when the event was dispatched (None if no `id` field was
    ever seen); `retry` is the reconnection time set by a `retry` field inside this event's block.
    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None


def _is_single_frame(chunk: bytes) -> bool:
    """True if `chunk` is exactly `data: X\n\n` with no other line end in X."""
    return (
        chunk[:6] == _DATA_PREFIX
        and chunk[-2:] == b"\n\n"
        and chunk.count(b"\n") == 2
        and b"\r" not in chunk
    )


def _first_line_end(chunk: bytes) -> int:
    """Where the first CR or LF of `chunk` is (it has one)."""
    lf, cr = chunk.find(b"\n"), chunk.find(b"\r")
    return lf if cr < 0 else cr if lf < 0 else min(lf, cr)


def _frame_data(chunk: bytes) -> str:
    return chunk[6:-2].decode("utf-8", "replace")


class SSEDecoder:
    """Incremental `text/event-stream` parser following the WHATWG HTML spec.

    Feed it the body's bytes in chunks of any size, split anywhere (inside a line, between CR
    and LF, inside a UTF-8 sequence). `feed()` returns the events completed by that chunk;
    `feed_data()` is the lower-level fast API that returns only each event's `data`.

    Speed matters (a reply can be hundreds of thousands of frames), so the decoder works on
    bytes and has a fast path for what the Vercel AI SDK sends: LF line ends, one `data: `
    line per event. Anything else goes through the general line-by-line path, which is exact.

    A line, or the data of one event, longer than `max_line_bytes` raises ResponseTooLargeError
    as soon as the bytes held pass the limit (never after buffering the whole line). As with a
    bad frame elsewhere, the events completed before it in the same chunk are returned first and
    the error comes from the next call; every later call raises it again.
    """

    __slots__ = (
        "_bom_checked",
        "_data",
        "_data_size",
        "_error",
        "_event_type",
        "_idle",
        "_last_event_id",
        "_max_line",
        "_pending",
        "_pending_size",
        "_retry",
        "_retry_in_block",
        "_skip_lf",
    )

    def __init__(self, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self._max_line = max_line_bytes
        self._error: ResponseTooLargeError | None = None
        self._pending: list[bytes] = []  # bytes of the current, not yet terminated, line(s)
        self._pending_size = 0
        self._data_size = 0  # characters in `_data`
        self._bom_checked = False
        self._skip_lf = False  # the previous chunk ended in CR: a leading LF belongs to it
        self._data: list[str] = []  # data lines of the event being built
        self._event_type = ""
        self._retry_in_block: int | None = None
        self._last_event_id: str | None = None
        self._retry: int | None = None
        # Nothing buffered and no event half built: a chunk that is exactly one `data: X\n\n`
        # frame (what a server that flushes every frame sends) can then take the shortest path.
        self._idle = False

    @property
    def last_event_id(self) -> str | None:
        """The last event id set by an `id` field (persists across events), or None."""
        return self._last_event_id

    @property
    def retry(self) -> int | None:
        """The reconnection time in milliseconds last set by a `retry` field, or None."""
        return self._retry

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next chunk of the body; return the events it completed, in order."""
        if self._idle and _is_single_frame(chunk):
            return [ServerSentEvent("message", _frame_data(chunk), self._last_event_id, None)]
        out: list[ServerSentEvent] = []
        self._decode_checked(chunk, out, True)
        return out

    def feed_data(self, chunk: bytes) -> list[str]:
        """Like `feed()`, but return only the `data` of each completed event.

        Event names, ids and retry fields are still parsed (and `last_event_id` / `retry` kept
        up to date), they are just not returned. This skips building one object per event.
        """
        if self._idle and _is_single_frame(chunk):
            return [_frame_data(chunk)]
        out: list[str] = []
        self._decode_checked(chunk, out, False)
        return out

    def end(self) -> list[ServerSentEvent]:
        """The body ended. Per the spec an event not closed by a blank line is discarded."""
        self._pending.clear()
        self._pending_size = 0
        self._data.clear()
        self._data_size = 0
        self._event_type = ""
        self._retry_in_block = None
        self._idle = self._is_idle()
        return []

    def has_partial_event(self) -> bool:
        """True when bytes of an unfinished event are waiting (what `end()` would discard)."""
        return bool(self._data or self._event_type or any(self._pending))

    # -- internals -------------------------------------------------------------------------

    def _decode_checked(self, chunk: bytes, out: list, as_events: bool) -> None:
        if self._error is not None:
            raise self._error
        self._decode(chunk, out, as_events)
        if self._pending_size > self._max_line:
            self._too_long()
        if self._error is not None and not out:
            raise self._error
        self._idle = self._is_idle()

    def _too_long(self) -> None:
        """Stop at a line (or event) over the limit; what it held is dropped at once."""
        self._pending.clear()
        self._pending_size = 0
        self._data = []
        self._data_size = 0
        self._error = ResponseTooLargeError(
            translate(
                "StreamParts",
                "The reply stream sent a line longer than the {limit} limit, "
                "so the reply was stopped there.",
            ).format(limit=size_text(self._max_line)),
            limit=self._max_line,
        )

    def _is_idle(self) -> bool:
        return (
            self._bom_checked
            and not self._pending
            and not self._skip_lf
            and not self._data
            and not self._event_type
            and self._retry_in_block is None
        )

    def _decode(self, chunk: bytes, out: list, as_events: bool) -> None:
        if not chunk:
            return
        if self._skip_lf:
            self._skip_lf = False
            if chunk[0] == 0x0A:
                chunk = chunk[1:]
                if not chunk:
                    return
        if not self._bom_checked:
            chunk = b"".join(self._pending) + chunk
            self._pending.clear()
            self._pending_size = 0
            if len(chunk) < len(_BOM) and _BOM.startswith(chunk):
                self._pending.append(chunk)  # not enough bytes yet to tell a BOM from data
                self._pending_size = len(chunk)
                return
            self._bom_checked = True
            if chunk.startswith(_BOM):
                chunk = chunk[len(_BOM) :]
        if b"\n" not in chunk and b"\r" not in chunk:
            # No line ends: just remember the bytes (joined once, so a long line stays linear).
            if chunk:
                self._pending.append(chunk)
                self._pending_size += len(chunk)
            return
        if self._pending:
            if self._pending_size + _first_line_end(chunk) > self._max_line:
                self._too_long()  # the held line ends in this chunk, but too late
                return
            self._pending.append(chunk)
            buffer = b"".join(self._pending)
            self._pending.clear()
            self._pending_size = 0
        else:
            buffer = chunk
        if len(buffer) > self._max_line:
            # Only a buffer longer than the limit can hold a whole line that is too long.
            self._general_path(buffer, out, as_events, check_lines=True)
        elif not self._try_fast_path(buffer, out, as_events):
            self._general_path(buffer, out, as_events)

    def _try_fast_path(self, buffer: bytes, out: list, as_events: bool) -> bool:
        """Decode every `data: X\\n\\n` frame up to the last blank line in one go, if possible.

        It applies only when no event is half built, there is no CR at all, and everything up
        to the last `\\n\\n` is frames of exactly one `data: ` line each: the newline count
        proves there is no other line in between.
        """
        if self._data or self._event_type or self._retry_in_block is not None:
            return False
        if b"\r" in buffer:
            return False
        end = buffer.rfind(b"\n\n")
        if end < 0 or not buffer.startswith(_DATA_PREFIX):
            return False
        body = buffer[:end]
        frames = body.count(_FRAME_SEPARATOR) + 1
        if body.count(b"\n") != 2 * (frames - 1):
            return False
        # UTF-8 never puts an ASCII byte inside a multi-byte sequence, so decoding once and
        # splitting the text gives the same strings as splitting the bytes first.
        payloads = body.decode("utf-8", "replace")[len(_DATA_PREFIX) :].split("\n\ndata: ")
        if as_events:
            last_id = self._last_event_id
            out.extend([ServerSentEvent("message", data, last_id, None) for data in payloads])
        else:
            out.extend(payloads)
        rest = buffer[end + 2 :]
        if rest:
            self._pending.append(rest)
            self._pending_size = len(rest)
        return True

    def _general_path(
        self, buffer: bytes, out: list, as_events: bool, *, check_lines: bool = False
    ) -> None:
        """Interpret every complete line in `buffer`; keep the unterminated tail for later."""
        last_end = max(buffer.rfind(b"\n"), buffer.rfind(b"\r"))
        complete = buffer[: last_end + 1]
        rest = buffer[last_end + 1 :]
        if rest:
            self._pending.append(rest)
            self._pending_size = len(rest)
        elif complete.endswith(b"\r"):
            self._skip_lf = True  # a CR ended the line now; an LF in the next chunk is its pair
        text = complete.decode("utf-8", "replace")
        lines = _LINE_END.split(text) if "\r" in text else text.split("\n")
        lines.pop()  # the empty piece after the final line end
        for line in lines:
            if not line:
                self._dispatch(out, as_events)
                continue
            if check_lines and len(line.encode()) > self._max_line:
                self._too_long()
                return
            if line[0] == ":":
                continue  # a comment (keep-alive)
            name, colon, value = line.partition(":")
            if colon and value[:1] == " ":
                value = value[1:]
            if name == "data":
                self._data.append(value)
                self._data_size += len(value) + 1
                if self._data_size > self._max_line:
                    self._too_long()
                    return
            elif name == "event":
                self._event_type = value
            elif name == "id":
                if "\0" not in value:
                    self._last_event_id = value
            elif name == "retry" and value.isascii() and value.isdigit():
                self._retry = self._retry_in_block = int(value)
            # Any other field name is ignored, as the spec says.

    def _dispatch(self, out: list, as_events: bool) -> None:
        data_lines = self._data
        event_type = self._event_type or "message"
        retry = self._retry_in_block
        self._data = []
        self._data_size = 0
        self._event_type = ""
        self._retry_in_block = None
        if not data_lines:
            return  # an event with an empty data buffer is not dispatched
        data = data_lines[0] if len(data_lines) == 1 else "\n".join(data_lines)
        if as_events:
            out.append(ServerSentEvent(event_type, data, self._last_event_id, retry))
        else:
            out.append(data)
