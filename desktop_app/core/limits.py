"""Every hard limit on what a server or a file can make the app read, keep or wait for."""

from __future__ import annotations

from dataclasses import dataclass

KB = 1024
MB = 1024 * KB

# --- sizes of what a server sends ---------------------------------------------------------------

# Decoded (after gzip/deflate) bytes of one chat reply's body. The UI message stream spends about
# 55 bytes of framing per token, so a 128k-token reply (the most a model writes today) is about
# 7 MB; 64 MB leaves ~9x room while stopping a decompression bomb (a 64 KB gzip chunk can inflate
# to 64 MB) long before memory runs out.
MAX_REPLY_BODY_BYTES = 64 * MB

# One SSE line (or one event's data) or one data-stream line, held until its line end arrives.
# One line carries one part; the largest real ones are a file part with a `data:` URL (an image
# of a few MB) or a long tool result. A longer line is refused before it is buffered whole.
MAX_LINE_BYTES = 16 * MB

# Characters of text kept for one reply: answer + reasoning + streamed tool input. 16 Mi
# characters is ~30x the longest reply a model can write (128k tokens ≈ 0.5 M characters), and
# still small enough for the history database and the window to hold.
MAX_REPLY_TEXT_CHARS = 16 * 2**20

# Parts kept for one reply besides its text: tool calls, sources, files, data parts, metadata,
# step usages and error parts. Agents make tens of tool calls per reply; 10,000 bounds a server
# that sends parts forever (2,000,000 parts took 633 MB).
MAX_REPLY_PARTS = 10_000

# Decoded bytes of a JSON endpoint's body (agents, balance, history pages, consumption). It is
# parsed whole (~10x its size in Python objects), so it is kept below the reply body limit; a
# 100-record history page of long exchanges is a few MB.
MAX_JSON_BODY_BYTES = 32 * MB

# Bytes of an error answer (4xx/5xx) read for its one-line message; the rest is not read.
MAX_ERROR_BODY_BYTES = 64 * KB

# The most bytes one compressed chunk is inflated to at a time, so the body limits above are
# checked before a bomb's next megabyte exists (zlib's output is bounded per call).
INFLATE_STEP_BYTES = 256 * KB

# --- time ---------------------------------------------------------------------------------------

# Seconds to connect (TCP + TLS). Most real connects take well under a second.
CONNECT_TIMEOUT_S = 10.0

# Seconds without reply data (text, a part, any decoded event) before a reply is cut off. Bytes
# that decode to nothing (SSE `: keep-alive` comments, one byte of a line that never ends) do not
# count. Also the longest wait for the status line and headers, unless `header_timeout` is set.
IDLE_TIMEOUT_S = 60.0

# Seconds a JSON endpoint's whole request may take: retries, headers and body included. Those
# answers are small; two minutes covers a slow server and two retries.
JSON_REQUEST_TIMEOUT_S = 120.0

# --- files --------------------------------------------------------------------------------------

# Bytes of a JSON export accepted by `import`. An export of 100,000 messages is about 60 MB; the
# file is parsed whole, so this bounds the memory an import can take (~5x the file).
MAX_IMPORT_BYTES = 200 * MB

# Digits of one JSON number in an import. Python refuses to convert integers longer than 4,300
# digits (a denial-of-service guard); an export's numbers (token counts, ids) have at most 13.
MAX_IMPORT_NUMBER_DIGITS = 4300


@dataclass(frozen=True, slots=True)
class ReplyLimits:
    """The size limits of one reply; tests lower them, the app keeps the defaults."""

    max_body_bytes: int = MAX_REPLY_BODY_BYTES
    max_line_bytes: int = MAX_LINE_BYTES
    max_text_chars: int = MAX_REPLY_TEXT_CHARS
    max_parts: int = MAX_REPLY_PARTS
    max_json_bytes: int = MAX_JSON_BODY_BYTES

    def __post_init__(self) -> None:
        if (
            min(
                self.max_body_bytes,
                self.max_line_bytes,
                self.max_text_chars,
                self.max_parts,
                self.max_json_bytes,
            )
            < 1
        ):
            raise ValueError("limits must be at least 1")


def size_text(size: int) -> str:
    """A byte count as a person reads a limit: "64 MB", "256 KB", "1,000 bytes"."""
    if size >= MB and size % MB == 0:
        return f"{size // MB:,} MB"
    if size >= KB and size % KB == 0:
        return f"{size // KB:,} KB"
    return f"{size:,} bytes"
