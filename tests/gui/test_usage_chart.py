"""The credits-per-day chart: gaps filled, bars scaled to the peak, hover and empty state."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_app.core.api_types import DailyConsumption
from desktop_app.gui.usage_chart import EMPTY_TEXT, DayCredits, UsageChart, fill_days

MAY = [
    DailyConsumption(date(2024, 5, 2), 10),
    DailyConsumption(date(2024, 5, 5), 40),
    DailyConsumption(date(2024, 5, 5), 2.5),  # a day listed twice is added up
]


def test_fill_days_adds_zero_days_inside_the_range() -> None:
    days = fill_days(MAY, date(2024, 5, 1), date(2024, 5, 6))
    assert days == [
        DayCredits(date(2024, 5, 1), 0),
        DayCredits(date(2024, 5, 2), 10),
        DayCredits(date(2024, 5, 3), 0),
        DayCredits(date(2024, 5, 4), 0),
        DayCredits(date(2024, 5, 5), 42.5),
        DayCredits(date(2024, 5, 6), 0),
    ]
    assert [d.day.day for d in fill_days(MAY)] == [2, 3, 4, 5]  # default: first to last given
    assert fill_days([]) == []
    assert len(fill_days([], date(2024, 5, 1), date(2024, 5, 3))) == 3
    assert fill_days(MAY, date(2024, 5, 9), date(2024, 5, 1)) == []


def test_bars_scale_to_the_peak_and_are_painted(qtbot) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_days(MAY, date(2024, 5, 1), date(2024, 5, 6))
    tallest, small, empty = chart.bar_rect(4), chart.bar_rect(1), chart.bar_rect(0)
    assert small.height() * 4.25 == tallest.height()
    assert empty.height() == 0
    assert small.left() < tallest.left()
    assert chart.accessibleDescription() == (
        "52.50 credits from 1 May 2024 to 6 May 2024; the most on 5 May 2024 (42.50)."
    )
    image = chart.grab().toImage()
    bar_color = chart.palette().color(QPalette.ColorRole.Highlight)
    centre = tallest.center().toPoint()
    assert QColor(image.pixel(centre)) == bar_color
    assert QColor(image.pixel(empty.center().toPoint())) != bar_color


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform and tooltips
def test_hover_names_the_day(qtbot) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_days(MAY, date(2024, 5, 1), date(2024, 5, 6))
    centre = chart.bar_rect(4).center()
    assert chart.index_at(centre.x()) == 4
    assert chart.index_at(-5) is None
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(centre),
        QPointF(chart.mapToGlobal(centre.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart, event)
    assert QToolTip.text() == "Sun 05 May 2024: 42.50 credits"


def test_empty_chart_says_so(qtbot) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)
    chart.resize(300, 150)
    chart.set_days([], date(2024, 5, 1), date(2024, 5, 3))
    assert chart.summary() == EMPTY_TEXT == chart.accessibleDescription()
    image: QImage = chart.grab().toImage()
    bar = chart.palette().color(QPalette.ColorRole.Highlight).rgb()
    pixels = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())}
    assert bar not in pixels  # the sentence, no bars
