"""Interface icons (Lucide SVGs in resources/icons/ui), tinted for the palette, made on demand."""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from desktop_app.core.paths import resource_path


class Icon(Enum):
    """An icon by what it does; the value is the Lucide file name."""

    NEW_CHAT = "square-pen"
    STOP = "circle-stop"
    STOP_SQUARE = "square"  # inside the composer's round button (already a circle)
    SEND = "arrow-up"
    REGENERATE = "refresh-cw"
    COPY = "copy"
    EXPORT = "file-output"
    IMPORT = "file-input"
    SETTINGS = "settings"
    PROFILES = "key-round"
    SEARCH = "search"
    HISTORY = "history"
    FIND = "text-search"
    HELP = "circle-help"
    ABOUT = "info"
    TRASH = "trash-2"
    RESTORE = "archive-restore"
    EDIT = "pencil"
    RETRY = "rotate-ccw"
    AGENT = "bot"
    CLOSE = "x"


#: Icon sizes made for a QIcon (toolbar, buttons, menus; x2 for high-DPI screens).
_ICON_SIZES = (16, 24, 32, 48)


@cache
def _svg(icon: Icon) -> QByteArray:
    # Read once per icon, and only when first drawn: nothing here runs before the first paint.
    return QByteArray(resource_path("icons", "ui", f"{icon.value}.svg").read_bytes())


@cache
def tinted_pixmap(icon: Icon, colour: str, size: int) -> QPixmap:
    """The icon drawn `size` px square in `colour` (a "#rrggbb" name), cached per both."""
    # Imported here: QtSvg is a library of its own, loaded the first time an icon is drawn.
    from PySide6.QtSvg import QSvgRenderer

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(_svg(icon))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    # The SVGs draw in `currentColor` (black to Qt): keep their shape, take our colour.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor(colour))
    painter.end()
    return pixmap


def icon_colour(palette: QPalette | None = None, role: QPalette.ColorRole | None = None) -> str:
    """The colour icons take in `palette` (default: the app's): its button text colour."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(role or QPalette.ColorRole.ButtonText).name()


def themed_icon(icon: Icon, colour: str | None = None) -> QIcon:
    """A QIcon of the icon in `colour` (default: the app palette's), normal and disabled.

    Call it again after a theme change: the colour is read when it is made.
    """
    palette = QGuiApplication.palette()
    normal = colour or icon_colour(palette)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
    result = QIcon()
    for size in _ICON_SIZES:
        result.addPixmap(tinted_pixmap(icon, normal, size), QIcon.Mode.Normal)
        result.addPixmap(tinted_pixmap(icon, disabled, size), QIcon.Mode.Disabled)
    return result


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `other`: a border or a quiet icon that suits either theme."""
    return QColor(
        round(colour.red() * amount + other.red() * (1 - amount)),
        round(colour.green() * amount + other.green() * (1 - amount)),
        round(colour.blue() * amount + other.blue() * (1 - amount)),
    )
