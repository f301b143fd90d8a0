"""The transcript's text browser: read-only, loads nothing, opens nothing by itself."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from desktop_app.gui.transcript.styles import TranscriptPalette, document_css

#: Space around the conversation inside the view (px).
DOCUMENT_MARGIN = 16


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that never loads a resource (replies are untrusted) nor follows a link."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.resource_requests: list[QUrl] = []  # for tests and diagnostics
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setSearchPaths([])
        # Borderless, with room around the text: the conversation is the page, not a form field.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        # Read-only: an undo stack would keep every replaced tail of every reply forever.
        self.document().setUndoRedoEnabled(False)

    def loadResource(self, resource_type: int, name: QUrl | str) -> object:
        """Refuse every resource (no images, style sheets or anything else from any URL)."""
        del resource_type
        self.resource_requests.append(QUrl(name))
        return None

    def apply_palette(self, palette: TranscriptPalette) -> None:
        """Colour the widget and set the style sheet that HTML inserted from now on uses."""
        qt_palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            qt_palette.setColor(group, QPalette.ColorRole.Base, QColor(palette.background))
            qt_palette.setColor(group, QPalette.ColorRole.Text, QColor(palette.text))
            qt_palette.setColor(group, QPalette.ColorRole.Link, QColor(palette.link))
        self.setPalette(qt_palette)
        self.document().setDefaultStyleSheet(document_css(palette))
