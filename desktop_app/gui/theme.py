"""Light and dark palettes (Fusion style) and the small style sheet the window's own widgets use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Colours chosen for contrast >= 4.5:1 on text (WCAG AA) in both palettes.
_DARK = {
    QPalette.ColorRole.Window: "#1f2125",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#17181b",
    QPalette.ColorRole.AlternateBase: "#24262b",
    QPalette.ColorRole.ToolTipBase: "#2b2d33",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8b8f98",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2a2c31",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#7cb7ff",
    QPalette.ColorRole.LinkVisited: "#b79cff",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Light: "#3a3d44",
    QPalette.ColorRole.Midlight: "#31343a",
    QPalette.ColorRole.Mid: "#2a2c31",
    QPalette.ColorRole.Dark: "#121315",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = "#7a7e86"

_LIGHT_ACCENT = {
    QPalette.ColorRole.Highlight: "#2f6bd1",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#1a5cc8",
}

#: app.py gives these to QApplication (after any of the user's own Qt arguments, so they win):
#: the app starts in Fusion and `apply_theme` need not ask the style which it is. Any QStyle
#: seen from Python first sets up the QStyle enums (~6 ms before the first paint).
FUSION_ARGUMENTS = ("-style", "fusion")
_STARTED_IN_FUSION = "agentsgtStartedInFusion"  # app properties
_PALETTE_SET = "agentsgtPaletteSet"

_STYLE = """
QFrame#errorBanner {{ background: {banner_bg}; border: 1px solid {banner_border};
  border-radius: 8px; }}
QLabel#errorBannerText {{ color: {banner_fg}; }}
QLabel#statusLabel {{ color: {muted}; padding: 0 4px; }}
QLabel#sidebarHeading {{ color: {muted}; font-size: {small_pt}pt; font-weight: 600;
  padding: 12px 8px 4px 8px; }}
QLabel#welcomeTitle {{ font-size: {title_pt}pt; font-weight: 600; }}
QLabel#welcomeText {{ color: {muted}; }}
QLabel#emptyStateTitle {{ font-size: {heading_pt}pt; font-weight: 600; }}
QLabel#emptyStateText {{ color: {muted}; }}
QWidget#compactEmptyState QLabel#emptyStateTitle {{ font-size: {base_pt}pt; }}
QListWidget#profileList, QListWidget#conversationList {{ border: none; background: transparent;
  outline: 0; }}
QListWidget#profileList::item, QListWidget#conversationList::item {{ padding: 6px 8px;
  margin: 1px 4px; border: none; border-radius: 6px; }}
QListWidget#profileList::item:hover, QListWidget#conversationList::item:hover {{
  background: {hover_bg}; }}
QListWidget#profileList::item:selected, QListWidget#conversationList::item:selected {{
  background: {selected_bg}; color: {text}; }}
QPushButton {{ padding: 5px 12px; border: 1px solid {border}; border-radius: 6px;
  background: {button_bg}; color: {text}; }}
QPushButton:hover {{ background: {hover_bg}; }}
QPushButton:pressed {{ background: {selected_bg}; }}
QPushButton:disabled {{ color: {muted}; }}
QPushButton:focus {{ border: 1px solid {accent}; }}
QPushButton#headingButton {{ border: none; background: transparent; color: {muted};
  padding: 2px 6px; }}
QPushButton#headingButton:hover {{ background: {hover_bg}; color: {text}; }}
QPushButton#examplePrompt {{ text-align: left; padding: 8px 12px; }}
QPlainTextEdit#composer {{ border: none; background: transparent; padding: 0; }}
QToolBar#mainToolbar {{ border: none; spacing: 2px; padding: 2px 6px; }}
QToolBar#mainToolbar QToolButton {{ border: none; border-radius: 6px; padding: 4px; }}
QToolBar#mainToolbar QToolButton:hover {{ background: {hover_bg}; }}
QToolBar#mainToolbar QToolButton:pressed {{ background: {selected_bg}; }}
"""


def is_dark(mode: str) -> bool:
    """Whether `mode` ("system" | "light" | "dark") means dark right now."""
    if mode == "dark":
        return True
    if mode == "light":
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def style_sheet(dark: bool, base_point_size: float = 10.0) -> str:
    """The style sheet of the window's own widgets (banners, labels, lists, buttons, toolbar).

    It is set on those widgets, never on the application or an ancestor of the transcript: a
    style sheet there re-polishes the transcript on every theme change and throws away the
    palette it sets for its document.
    """
    return _STYLE.format(
        banner_bg="#3a2326" if dark else "#fdecec",
        banner_border="#7a3b40" if dark else "#f0b4b4",
        banner_fg="#ffd9d9" if dark else "#7a1d1d",
        muted="#a4a8b0" if dark else "#5d6168",
        text="#e6e6e6" if dark else "#1f2328",
        border="#3a3d44" if dark else "#d4d7dc",
        accent="#5b8fd9" if dark else "#2f6bd1",
        button_bg="#2a2c31" if dark else "#ffffff",
        hover_bg="#2b2e34" if dark else "#e9ebef",
        selected_bg="#33425a" if dark else "#dbe6f7",
        title_pt=round(base_point_size * 1.6),
        heading_pt=round(base_point_size * 1.3),
        base_pt=round(base_point_size),
        small_pt=max(7, round(base_point_size * 0.85)),
    )


def started_in_fusion(app: QApplication) -> None:
    """Record that `app` was made with FUSION_ARGUMENTS (app.py does it)."""
    app.setProperty(_STARTED_IN_FUSION, True)


def apply_theme(app: QApplication, mode: str, font_point_size: int | None = None) -> bool:
    """Apply the palette for `mode` to the whole app; return True when it is dark."""
    dark = is_dark(mode)
    apply_palette(app, dark)
    font = app.font()
    if font_point_size:
        font.setPointSize(font_point_size)
        app.setFont(font)
    return dark


def apply_palette(app: QApplication, dark: bool) -> None:
    """Give the whole app the light or dark palette (in the Fusion style)."""
    # Before any palette of ours, an app started in Fusion still has Fusion's own palette:
    # the light one is read from the app, without a QStyle in Python (see FUSION_ARGUMENTS).
    untouched_fusion = bool(app.property(_STARTED_IN_FUSION)) and not app.property(_PALETTE_SET)
    # Setting a style re-polishes every widget (~14 ms with the window built): only when needed.
    if not app.property(_STARTED_IN_FUSION) and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = QPalette()
    if dark:
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    else:
        palette = QGuiApplication.palette() if untouched_fusion else app.style().standardPalette()
        for role, colour in _LIGHT_ACCENT.items():
            palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setProperty(_PALETTE_SET, True)


class SchemeFollower(QObject):
    """Follows the OS switching between light and dark while the app runs (Qt 6.5+).

    Only while the theme setting is "system" (`mode()` says): then the app gets the new palette
    and `restyle(dark)` re-applies what the window styles itself (its style sheet, the
    transcript's palette, its icons).
    """

    def __init__(
        self,
        app: QApplication,
        mode: Callable[[], str],
        restyle: Callable[[bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._mode = mode
        self._restyle = restyle
        app.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)

    def on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """Re-apply the theme for the OS's new scheme (nothing when a theme is chosen)."""
        if self._mode() != "system":
            return
        dark = scheme == Qt.ColorScheme.Dark
        apply_palette(self._app, dark)
        self._restyle(dark)
