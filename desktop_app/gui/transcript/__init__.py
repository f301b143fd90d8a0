"""The transcript: a conversation shown in one text view, with a cheaply streamed live reply."""

from desktop_app.gui.transcript.live import LiveReply
from desktop_app.gui.transcript.types import MessageView, SourceLink, ToolSummary
from desktop_app.gui.transcript.view import TranscriptView

__all__ = ["LiveReply", "MessageView", "SourceLink", "ToolSummary", "TranscriptView"]
