"""Which Content-Types a 2xx answer of the API may carry; any other means it is not the API."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.core.errors import NotTheAPIError
from desktop_app.core.messages import translate

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


def media_type(headers: Mapping[str, str]) -> str:
    """The Content-Type without parameters, lower-cased ("" when there is none)."""
    value = headers.get("content-type") or ""
    return value.split(";", 1)[0].strip().lower()


def check_stream_type(headers: Mapping[str, str], host: str) -> None:
    """Refuse a 2xx chat answer that cannot be a reply stream (an HTML page, JSON, an image)."""
    kind = media_type(headers)
    if kind in _STREAM_TYPES or any(name.lower() in _MARKERS for name in headers):
        return
    if kind in _WEB_PAGES:
        # A web page where the API should be is most often a wrong base URL or a Wi-Fi
        # sign-in page.
        template = translate(
            "ContentTypes",
            "{host} answered with a web page ({kind}) instead of a reply stream: this URL does "
            "not look like the AgentsGT API (a wrong base URL, or a network sign-in page?).",
        )
    else:
        template = translate(
            "ContentTypes",
            "{host} answered with content of type {kind!r} instead of a reply stream: this URL "
            "does not look like the AgentsGT API.",
        )
    raise NotTheAPIError(template.format(host=host, kind=_shown(kind)), content_type=kind)


def check_json_type(headers: Mapping[str, str], host: str, what: str) -> None:
    """Refuse a 2xx answer of a JSON endpoint that is plainly not JSON (an HTML page)."""
    kind = media_type(headers)
    if kind in _JSON_TYPES or kind.endswith("+json"):
        return
    if kind in _WEB_PAGES:
        template = translate(
            "ContentTypes",
            "{host} answered with a web page ({kind}) where JSON was expected when trying to "
            "{what}: this URL does not look like the AgentsGT API (a wrong base URL, or a "
            "network sign-in page?).",
        )
    else:
        template = translate(
            "ContentTypes",
            "{host} answered with content of type {kind!r} where JSON was expected when trying "
            "to {what}: this URL does not look like the AgentsGT API.",
        )
    raise NotTheAPIError(
        template.format(host=host, kind=_shown(kind), what=what), content_type=kind
    )


def _shown(kind: str) -> str:
    # The server's Content-Type is shown as data: printable ASCII only, and short.
    return "".join(c for c in kind if c.isascii() and c.isprintable())[:60]
