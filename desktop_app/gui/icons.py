"""Interface icons (Lucide SVGs in resources/icons/ui), tinted for the palette, made on demand."""

from __future__ import annotations

from enum import Enum
from functools import cache, lru_cache

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

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


#: Tinted pixmaps kept (per icon, colour, pixel size and ratio): a started window draws ~20.
_CACHED_PIXMAPS = 128


@cache
def _svg(icon: Icon) -> QByteArray:
    # Read once per icon, and only when first drawn: nothing here runs before the first paint.
    return QByteArray(resource_path("icons", "ui", f"{icon.value}.svg").read_bytes())


@lru_cache(maxsize=_CACHED_PIXMAPS)
def _render(icon: Icon, colour: str, pixels: int, ratio: float) -> QPixmap:
    # Imported here: QtSvg is a library of its own, loaded the first time an icon is drawn.
    from PySide6.QtSvg import QSvgRenderer

    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(_svg(icon))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    # The SVGs draw in `currentColor` (black to Qt): keep their shape, take our colour.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor(colour))
    painter.end()
    # Set before it is shared: setting it on a copy later would copy the pixels.
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def tinted_pixmap(icon: Icon, colour: str, size: int) -> QPixmap:
    """The icon drawn `size` px square in `colour` (a "#rrggbb" name), cached per both."""
    return _render(icon, colour, size, 1.0)


class _TintedIconEngine(QIconEngine):
    """Draws the icon in its colours when Qt asks, at the size asked, in device pixels."""

    def __init__(self, icon: Icon, normal: str, disabled: str) -> None:
        super().__init__()
        self._icon = icon
        self._normal = normal
        self._disabled = disabled

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # A square icon: the largest square that fits, in device pixels, rounded half up as
        # QSize scales (so QIcon finds the size it expects and keeps `scale` as the ratio).
        pixels = int(min(size.width(), size.height()) * scale + 0.5)
        if pixels <= 0:
            return QPixmap()
        # Active and Selected look like Normal, as they did with only those two pixmaps.
        colour = self._disabled if mode == QIcon.Mode.Disabled else self._normal
        return _render(self._icon, colour, pixels, scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatio() if device is not None else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        if pixmap.isNull():
            return
        side = min(rect.width(), rect.height())
        square = QRect(0, 0, side, side)
        square.moveCenter(rect.center())
        painter.drawPixmap(square, pixmap)

    def clone(self) -> QIconEngine:
        copy = _TintedIconEngine(self._icon, self._normal, self._disabled)
        # Qt owns and deletes what clone() returns, but PySide would leave `copy` owned by
        # Python (freed, under Qt's feet, when this returns). A QIcon made of it hands it to
        # C++ (PySide then keeps it alive until Qt deletes it); that QIcon is then dropped
        # without being destroyed, so only Qt's copy ever deletes the engine (the cost: a
        # few bytes per clone, and Qt clones only an icon changed while shared).
        shiboken6.invalidate(QIcon(copy))
        return copy


def icon_colour(palette: QPalette | None = None, role: QPalette.ColorRole | None = None) -> str:
    """The colour icons take in `palette` (default: the app's): its button text colour."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(role or QPalette.ColorRole.ButtonText).name()


def themed_icon(icon: Icon, colour: str | None = None) -> QIcon:
    """A QIcon of the icon in `colour` (default: the app palette's), normal and disabled.

    Its pixmaps are drawn when Qt first asks for one. Call it again after a theme change:
    the colours are read when it is made.
    """
    palette = QGuiApplication.palette()
    normal = colour or icon_colour(palette)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
    return QIcon(_TintedIconEngine(icon, normal, disabled))


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `other`: a border or a quiet icon that suits either theme."""
    return QColor(
        round(colour.red() * amount + other.red() * (1 - amount)),
        round(colour.green() * amount + other.green() * (1 - amount)),
        round(colour.blue() * amount + other.blue() * (1 - amount)),
    )
