"""Which Content-Types a 2xx answer of the API may carry; any other means it is not the API."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.core.errors import NotTheAPIError

# The chat stream: the UI message stream is text/event-stream, the data stream and the text
# stream are text/plain (see ai-sdk-wire-formats.md). No type, or the generic bytes type, says
# nothing: the decoder sniffs the body.
_STREAM_TYPES = frozenset({"text/event-stream", "text/plain", "application/octet-stream", ""})
# The JSON endpoints. text/plain is let through for servers that label JSON loosely: the body
# must still parse.
_JSON_TYPES = frozenset({"application/json", "text/json", "text/plain", ""})
# The AI SDK's own marker headers: whatever the Content-Type says, the body is its stream.
_MARKERS = frozenset({"x-vercel-ai-ui-message-stream", "x-vercel-ai-data-stream"})
_WEB_PAGES = frozenset({"text/html", "application/xhtml+xml"})
_NOT_THE_API = "this URL does not look like the AgentsGT API"


def media_type(headers: Mapping[str, str]) -> str:
    """The Content-Type without parameters, lower-cased ("" when there is none)."""
    value = headers.get("content-type") or ""
    return value.split(";", 1)[0].strip().lower()


def check_stream_type(headers: Mapping[str, str], host: str) -> None:
    """Refuse a 2xx chat answer that cannot be a reply stream (an HTML page, JSON, an image)."""
    kind = media_type(headers)
    if kind in _STREAM_TYPES or any(name.lower() in _MARKERS for name in headers):
        return
    raise NotTheAPIError(
        f"{host} answered with {_describe(kind)} instead of a reply stream: {_NOT_THE_API}"
        f"{_hint(kind)}.",
        content_type=kind,
    )


def check_json_type(headers: Mapping[str, str], host: str, what: str) -> None:
    """Refuse a 2xx answer of a JSON endpoint that is plainly not JSON (an HTML page)."""
    kind = media_type(headers)
    if kind in _JSON_TYPES or kind.endswith("+json"):
        return
    raise NotTheAPIError(
        f"{host} answered with {_describe(kind)} where JSON was expected when trying to {what}: "
        f"{_NOT_THE_API}{_hint(kind)}.",
        content_type=kind,
    )


def _describe(kind: str) -> str:
    if kind in _WEB_PAGES:
        return f"a web page ({kind})"
    shown = "".join(c for c in kind if c.isascii() and c.isprintable())[:60]
    return f"content of type {shown!r}"


def _hint(kind: str) -> str:
    # An HTML page where the API should be is most often a wrong base URL or a Wi-Fi sign-in page.
    if kind in _WEB_PAGES:
        return " (a wrong base URL, or a network sign-in page?)"
    return ""
