"""Reply stream decoding: which AI SDK protocol a body speaks, and its bytes as typed events."""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

from desktop_app.core.accumulator import ReplyAccumulator
from desktop_app.core.data_stream import DataStreamDecoder
from desktop_app.core.errors import StreamProtocolError
from desktop_app.core.events import Finish, Protocol, StreamEvent, TextDelta
from desktop_app.core.limits import MAX_LINE_BYTES
from desktop_app.core.ui_stream import UIStreamDecoder

__all__ = [
    "ReplyAccumulator",
    "StreamDecoder",
    "TextStreamDecoder",
    "protocol_from_headers",
    "sniff_protocol",
]

_BOM = b"\xef\xbb\xbf"
# A data stream line: a code, a colon, then a JSON string, object or array (every data stream
# part is one of those; JSON.stringify writes no space after the colon).
_DATA_STREAM_START = re.compile(rb"[0-9a-k]:[\"{\[]")
_DATA_STREAM_CODES = b"0123456789abcdefghijk"
_SSE_START = b"data:"


def protocol_from_headers(headers: Mapping[str, str]) -> Protocol | None:
    """The protocol a response's headers announce, or None when only the body can tell.

    The SDK's marker headers win (names compared case-insensitively); then `text/event-stream`
    means the UI message stream. `text/plain` without a marker is undecided, since a data
    stream whose header a proxy dropped is text/plain too: sniff the body (`sniff_protocol`).
    """
    content_type = ""
    for name, value in headers.items():
        lowered = name.lower()
        if lowered == "x-vercel-ai-ui-message-stream":
            return Protocol.UI
        if lowered == "x-vercel-ai-data-stream":
            return Protocol.DATA
        if lowered == "content-type":
            content_type = value
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == "text/event-stream":
        return Protocol.UI
    return None


def sniff_protocol(prefix: bytes) -> Protocol | None:
    """Guess the protocol from the first bytes of a body; None when too few bytes to tell.

    After an optional BOM: `data:` or `:` starts SSE, so the UI message stream. A code in
    `0-9a-k`, a colon, and then `"`, `{` or `[` starts a data stream: requiring the value to
    open like a JSON string, object or array keeps a text reply such as "3: the third point" or
    "1:30 pm" from being read as one. Anything else is plain text.
    """
    if len(prefix) < len(_BOM) and _BOM.startswith(prefix):
        return None  # empty, or maybe the start of a BOM
    if prefix.startswith(_BOM):
        prefix = prefix[len(_BOM) :]
        if not prefix:
            return None
    if prefix.startswith(_SSE_START) or prefix[:1] == b":":
        return Protocol.UI
    if _DATA_STREAM_START.match(prefix):
        return Protocol.DATA
    if len(prefix) < len(_SSE_START) and _SSE_START.startswith(prefix):
        return None  # "d", "da", ...: SSE `data:`, data stream `d:`, or text
    if len(prefix) < 3 and prefix[0] in _DATA_STREAM_CODES and prefix[1:2] in (b"", b":"):
        return None  # "3" or "3:": the value's first byte decides
    return Protocol.TEXT


class TextStreamDecoder:
    """Plain text: the body's UTF-8, decoded incrementally (a split character waits)."""

    __slots__ = ("_decoder", "_done")

    def __init__(self) -> None:
        # utf-8-sig drops one leading BOM; a bad byte becomes U+FFFD rather than ending the reply.
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("replace")
        self._done = False

    @property
    def finished(self) -> bool:
        """The body ended cleanly on a whole character."""
        return self._done

    @property
    def has_partial_line(self) -> bool:
        """The first bytes of a character are held (text has no lines to wait for)."""
        return bool(self._decoder.getstate()[0])

    def feed(self, chunk: bytes, out: list[StreamEvent]) -> None:
        """Decode a chunk, appending one TextDelta for the whole characters in it."""
        text = self._decoder.decode(chunk)
        if text:
            out.append(TextDelta(text))

    def end(self, out: list[StreamEvent]) -> None:
        """A clean end is a text stream's only success signal, unless a character dangles.

        A body that stops inside a multi-byte character (a recorded failure: mid-emoji) was cut
        off, so no Finish is emitted and the dangling bytes are dropped.
        """
        dangling, _ = self._decoder.getstate()
        if dangling:
            self._decoder.reset()
            return
        self._done = True
        out.append(Finish(None))


_Decoder = UIStreamDecoder | DataStreamDecoder | TextStreamDecoder


class StreamDecoder:
    """Bytes of a reply body in, typed events out, for any of the three protocols.

    Give it the protocol from `protocol_from_headers()`, or None to sniff it from the first
    bytes (they are held back until it is known). If a frame cannot be decoded, the events
    before it in the same chunk are still returned and the StreamProtocolError is raised by the
    next call (at once if there were none); every later call raises it again. A line longer
    than `max_line_bytes` is such an error (a ResponseTooLargeError).
    """

    __slots__ = ("_decoder", "_ended", "_error", "_max_line", "_prefix", "_protocol")

    def __init__(
        self, protocol: Protocol | None = None, *, max_line_bytes: int = MAX_LINE_BYTES
    ) -> None:
        self._max_line = max_line_bytes
        self._protocol: Protocol | None = None
        self._decoder: _Decoder | None = None
        self._prefix = b""
        self._error: StreamProtocolError | None = None
        self._ended = False
        if protocol is not None:
            self._use(protocol)

    @property
    def protocol(self) -> Protocol | None:
        """The protocol being decoded; None until it is given or sniffed."""
        return self._protocol

    @property
    def finished(self) -> bool:
        """An end marker was seen (finish / `[DONE]` / `d:`, or a text stream's clean end)."""
        return self._decoder is not None and self._decoder.finished

    @property
    def has_partial_line(self) -> bool:
        """Bytes are held that have not made an event yet (an unfinished line, frame or sniff)."""
        return bool(self._prefix) or (self._decoder is not None and self._decoder.has_partial_line)

    def feed(self, chunk: bytes) -> list[StreamEvent]:
        """Decode the next chunk of the body; return the events it completed."""
        if self._error is not None:
            raise self._error
        decoder = self._decoder
        if decoder is None:
            if self._ended:
                return []
            self._prefix += chunk
            protocol = sniff_protocol(self._prefix)
            if protocol is None:
                return []
            decoder = self._use(protocol)
            chunk, self._prefix = self._prefix, b""
        elif self._ended:
            return []
        out: list[StreamEvent] = []
        try:
            decoder.feed(chunk, out)
        except StreamProtocolError as exc:
            self._error = exc
            if not out:
                raise
        return out

    def end(self) -> list[StreamEvent]:
        """The body ended without a transport error; return the last events, if any.

        An empty body stays undecided (no protocol, no event: the reply is incomplete). A few
        bytes too short to sniff are plain text. Calling it again (or `feed()` after it) gives
        nothing more.
        """
        if self._error is not None:
            raise self._error
        if self._ended:
            return []
        self._ended = True
        decoder = self._decoder
        if decoder is None:
            if not self._prefix:
                return []
            decoder = self._use(Protocol.TEXT)
        prefix, self._prefix = self._prefix, b""
        out: list[StreamEvent] = []
        try:
            if prefix:
                decoder.feed(prefix, out)
            decoder.end(out)
        except StreamProtocolError as exc:
            self._error = exc
            if not out:
                raise
        return out

    def _use(self, protocol: Protocol) -> _Decoder:
        decoder: _Decoder
        if protocol is Protocol.UI:
            decoder = UIStreamDecoder(self._max_line)
        elif protocol is Protocol.DATA:
            decoder = DataStreamDecoder(self._max_line)
        else:
            decoder = TextStreamDecoder()  # no lines: every whole character is a delta
        self._protocol = protocol
        self._decoder = decoder
        return decoder
