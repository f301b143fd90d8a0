"""Light and dark palettes of the transcript, and the CSS its document is rendered with."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.markdown_render import CodeStyle


@dataclass(frozen=True, slots=True)
class TranscriptPalette:
    """The colours of one theme. `pygments_style` names the code highlighting style."""

    dark: bool
    text: str
    background: str
    muted: str
    link: str
    user_background: str
    code_background: str
    rule: str
    error: str
    pygments_style: str
    flash: str  # a message the reader was taken to (from a search result), for a moment

    @property
    def code_style(self) -> CodeStyle:
        """The code-box colours for the Markdown renderer."""
        return CodeStyle(background=self.code_background, muted=self.muted)


LIGHT = TranscriptPalette(
    dark=False,
    text="#1f2328",
    background="#ffffff",
    muted="#6a737d",
    link="#0a58ca",
    user_background="#eef2f8",
    code_background="#f4f5f7",
    rule="#d0d7de",
    error="#b42318",
    pygments_style="default",
    flash="#fff3bf",
)

DARK = TranscriptPalette(
    dark=True,
    text="#e6edf3",
    background="#1b1e23",
    muted="#8b949e",
    link="#79b8ff",
    user_background="#262c36",
    code_background="#0d1117",
    rule="#3d444d",
    error="#ff7b72",
    pygments_style="github-dark",
    flash="#4a4020",
)


def palette_for(dark: bool) -> TranscriptPalette:
    """The palette of the light or dark theme."""
    return DARK if dark else LIGHT


def document_css(palette: TranscriptPalette) -> str:
    """The default style sheet of the transcript document (Qt's rich-text CSS subset).

    Sizes are relative (no pt) so that changing the document's default font rescales
    everything already rendered without a re-render. Qt knows no `em`: a reply's headings
    use its size keywords (h1 "large" is 1.2 times the text, h2 to h6 the text's own size,
    bold), so a heading never outshouts the conversation it sits in.
    """
    return f"""
body {{ color: {palette.text}; background-color: {palette.background}; }}
a {{ color: {palette.link}; }}
p {{ margin-top: 0px; margin-bottom: 10px; line-height: 135%; }}
li {{ line-height: 135%; }}
h1, h2, h3, h4, h5, h6 {{ margin-top: 14px; margin-bottom: 6px; }}
h1 {{ font-size: large; }}
h2, h3, h4, h5, h6 {{ font-size: medium; }}
pre {{ margin-top: 0px; margin-bottom: 0px; }}
code {{ background-color: {palette.code_background}; }}
table.code {{ margin-bottom: 10px; }}
table.md {{ border-color: {palette.rule}; border-style: solid; margin-bottom: 10px; }}
th {{ background-color: {palette.code_background}; }}
blockquote {{ color: {palette.muted}; margin-left: 16px; }}
p.codebar {{ margin-bottom: 2px; font-size: small; line-height: 100%; }}
p.role {{ color: {palette.muted}; font-size: small; font-weight: bold; margin-bottom: 4px;
  line-height: 100%; }}
.muted {{ color: {palette.muted}; }}
.error {{ color: {palette.error}; }}
.meta {{ color: {palette.muted}; font-size: small; line-height: 120%; }}
"""
