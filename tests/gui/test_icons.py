"""Themed icons are drawn when Qt asks, at the size and pixel ratio asked, and drawn once."""

from __future__ import annotations

import gc

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette

from desktop_app.gui import icons
from desktop_app.gui.icons import Icon, themed_icon, tinted_pixmap


def _opaque_colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def _renders() -> int:
    return icons._render.cache_info().misses


def _engines() -> list[object]:
    gc.collect()
    return [item for item in gc.get_objects() if isinstance(item, icons._TintedIconEngine)]


def test_an_icon_is_drawn_at_the_size_asked_in_its_normal_and_disabled_colours(qapp) -> None:
    icon = themed_icon(Icon.SETTINGS, "#d02090")
    pixmap = icon.pixmap(QSize(20, 20))
    assert pixmap.size() == QSize(20, 20) and pixmap.devicePixelRatio() == 1.0
    image = pixmap.toImage()
    assert _opaque_colours(image) == {"#d02090"}
    # Drawn at 20 px, not a bigger drawing scaled down (which blurs its edges).
    assert image == tinted_pixmap(Icon.SETTINGS, "#d02090", 20).toImage()

    disabled = QGuiApplication.palette().color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
    )
    greyed = icon.pixmap(QSize(20, 20), QIcon.Mode.Disabled).toImage()
    assert _opaque_colours(greyed) == {disabled.name()}
    # Hovered and selected look as it does normally.
    assert icon.pixmap(QSize(20, 20), QIcon.Mode.Active).toImage() == image


def test_a_2x_screen_gets_a_crisp_pixmap_of_twice_the_pixels(qapp) -> None:
    icon = themed_icon(Icon.COPY, "#204060")
    pixmap = icon.pixmap(QSize(20, 20), 2.0)
    assert pixmap.size() == QSize(40, 40)
    assert pixmap.devicePixelRatio() == 2.0
    crisp = tinted_pixmap(Icon.COPY, "#204060", 40).toImage()
    assert pixmap.toImage().convertToFormat(crisp.format()) == crisp


def test_painting_an_icon_on_a_2x_surface_draws_its_2x_pixmap(qapp) -> None:
    icon = themed_icon(Icon.SEARCH, "#306090")
    surface = QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied)
    surface.setDevicePixelRatio(2.0)
    surface.fill(Qt.GlobalColor.transparent)
    painter = QPainter(surface)
    icon.paint(painter, QRect(0, 0, 20, 20))
    painter.end()
    crisp = tinted_pixmap(Icon.SEARCH, "#306090", 40).toImage()
    surface.setDevicePixelRatio(1.0)
    assert surface == crisp.convertToFormat(surface.format())


def test_nothing_is_drawn_until_asked_for_and_once_per_size(qapp) -> None:
    before = _renders()
    icon = themed_icon(Icon.HISTORY, "#0a0b0c")
    again = themed_icon(Icon.HISTORY, "#0a0b0c")
    assert _renders() == before
    first = icon.pixmap(QSize(20, 20))
    assert _renders() == before + 1
    # The same size again, from a copy of the icon, or from another one alike: no new drawing.
    assert QIcon(icon).pixmap(QSize(20, 20)).cacheKey() == first.cacheKey()
    assert again.pixmap(QSize(20, 20)).cacheKey() == first.cacheKey()
    assert _renders() == before + 1
    icon.pixmap(QSize(20, 20), 2.0)
    assert _renders() == before + 2


def test_an_icon_changed_while_shared_is_cloned_and_its_engines_freed(qapp) -> None:
    baseline = len(_engines())
    icon = themed_icon(Icon.TRASH, "#123456")
    copy = QIcon(icon)
    copy.setIsMask(True)  # changes a shared icon: Qt clones its engine
    assert len(_engines()) == baseline + 2
    del icon
    assert len(_engines()) == baseline + 1
    image = copy.pixmap(QSize(16, 16)).toImage()
    assert _opaque_colours(image) == {"#123456"}
    del copy
    assert len(_engines()) == baseline
