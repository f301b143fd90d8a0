"""A response body as decoded bytes: gzip/deflate inflated in bounded steps, reads capped."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Iterator

import httpx

from desktop_app.core.errors import ResponseTooLargeError, StreamProtocolError
from desktop_app.core.limits import INFLATE_STEP_BYTES, size_text
from desktop_app.core.messages import translate

# The encodings asked for: both can be inflated in bounded steps. httpx would also decode
# brotli or zstd when their packages happen to be installed, with no bound on one chunk's output.
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class _Inflater:
    """One Content-Encoding layer, inflating at most `step` bytes per piece it yields."""

    __slots__ = ("_first", "_host", "_raw_deflate", "_step", "_zlib")

    def __init__(self, encoding: str, step: int, host: str) -> None:
        self._zlib = zlib.decompressobj(_WBITS[encoding])
        # "deflate" is zlib-wrapped by the spec, but some servers send a raw deflate stream.
        self._raw_deflate = encoding == "deflate"
        self._first = True
        self._step = step
        self._host = host

    def inflate(self, data: bytes) -> Iterator[bytes]:
        if self._zlib.eof:
            # Bytes after the compressed stream's end are ignored (as httpx does), not kept:
            # zlib would pile them up in `unused_data` without limit.
            return
        step = self._step
        try:
            out = self._decompress(data)
            while True:
                if out:
                    yield out
                if len(out) < step and not self._zlib.unconsumed_tail:
                    return
                out = self._zlib.decompress(self._zlib.unconsumed_tail, step)
        except zlib.error as exc:
            raise StreamProtocolError(
                translate(
                    "BodyReader", "The answer from {host} could not be decompressed ({reason})."
                ).format(host=self._host, reason=exc)
            ) from None

    def _decompress(self, data: bytes) -> bytes:
        first, self._first = self._first, False
        try:
            return self._zlib.decompress(data, self._step)
        except zlib.error:
            if not (first and self._raw_deflate):
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._zlib.decompress(data, self._step)


def _layers(headers: httpx.Headers, host: str, step: int) -> list[_Inflater]:
    """The inflaters to apply, first to last (the reverse of the order the header lists)."""
    names = [
        name.strip().lower()
        for value in headers.get_list("content-encoding")
        for name in value.split(",")
    ]
    layers = []
    for name in reversed(names):
        if name in ("", "identity"):
            continue
        if name not in _WBITS:
            raise StreamProtocolError(
                translate(
                    "BodyReader",
                    "The answer from {host} is compressed as {name!r}, which was not asked for "
                    "and cannot be read.",
                ).format(host=host, name=name)
            )
        layers.append(_Inflater(name, step, host))
    return layers


def body_chunks(
    response: httpx.Response, host: str, *, step: int = INFLATE_STEP_BYTES
) -> AsyncIterator[bytes]:
    """The body's bytes after its Content-Encoding, no piece larger than `step` when inflated.

    An unencoded body is the raw stream as it arrives (no copy, nothing added per chunk). The
    caller counts the bytes and stops: the next step is inflated only when it is asked for.
    """
    if response.is_stream_consumed:
        # A body given whole, which httpx reads (and decodes) at once: what test transports do.
        return _whole(response.content)
    layers = _layers(response.headers, host, step)
    raw = response.aiter_raw()
    if not layers:
        return raw
    return _inflated(raw, layers)


async def _whole(content: bytes) -> AsyncIterator[bytes]:
    if content:
        yield content


async def _inflated(raw: AsyncIterator[bytes], layers: list[_Inflater]) -> AsyncIterator[bytes]:
    try:
        async for chunk in raw:
            for piece in _through(chunk, layers, 0):
                yield piece
    finally:
        await raw.aclose()  # type: ignore[attr-defined]


def _through(data: bytes, layers: list[_Inflater], index: int) -> Iterator[bytes]:
    """`data` through layers[index:], lazily: a piece exists only when the reader wants it."""
    if index == len(layers):
        yield data
        return
    for piece in layers[index].inflate(data):
        yield from _through(piece, layers, index + 1)


async def read_capped(response: httpx.Response, host: str, limit: int, what: str) -> bytes:
    """The whole decoded body, or ResponseTooLargeError once it passes `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    chunks = body_chunks(response, host)
    try:
        async for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise ResponseTooLargeError(
                    translate(
                        "BodyReader",
                        "The answer from {host} when trying to {what} is larger than the "
                        "{limit} limit, so it was not read.",
                    ).format(host=host, what=what, limit=size_text(limit)),
                    limit=limit,
                )
            parts.append(chunk)
    finally:
        await chunks.aclose()  # type: ignore[attr-defined]
    return b"".join(parts)


async def read_prefix(response: httpx.Response, host: str, limit: int, seconds: float) -> bytes:
    """At most `limit` decoded bytes of the body, read for its message (an error body).

    Never raises: a failed or slow read (over `seconds`) gives whatever had arrived.
    """
    parts: list[bytes] = []
    size = 0
    try:
        chunks = body_chunks(response, host, step=limit)
        try:
            async with asyncio.timeout(seconds):
                async for chunk in chunks:
                    parts.append(chunk)
                    size += len(chunk)
                    if size >= limit:
                        break
        finally:
            await chunks.aclose()  # type: ignore[attr-defined]
    except (httpx.HTTPError, TimeoutError, StreamProtocolError):
        pass  # the status alone still tells what happened
    return b"".join(parts)[:limit]
