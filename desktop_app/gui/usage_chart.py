"""Credit usage: a bar chart per day drawn with QPainter (no chart library), and a model table."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api_types import DailyConsumption, ModelConsumption
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.error_text import describe_error, is_expected
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

#: Marked for lupdate here; translated when shown.
EMPTY_TEXT = QT_TRANSLATE_NOOP("UsageChart", "No credits were used in this period.")
_MARGIN = 8
_BAR_GAP = 0.25  # share of a slot left empty between bars


@dataclass(frozen=True, slots=True)
class DayCredits:
    """One bar: a day and the credits used on it (0 for a day the server did not list)."""

    day: date
    credits: float


def fill_days(
    days: Sequence[DailyConsumption], start: date | None = None, end: date | None = None
) -> list[DayCredits]:
    """Every day from `start` to `end` (default: the first and last day given), in order.

    The server lists only days with usage; the gaps become zero bars so time reads evenly.
    Credits of a day listed twice are added.
    """
    totals: dict[date, float] = {}
    for entry in days:
        totals[entry.date] = totals.get(entry.date, 0.0) + entry.total_credits
    if not totals and (start is None or end is None):
        return []
    first = start or min(totals)
    last = end or max(totals)
    if last < first:
        return []
    return [
        DayCredits(first + timedelta(days=n), totals.get(first + timedelta(days=n), 0.0))
        for n in range((last - first).days + 1)
    ]


def format_credits(value: float) -> str:
    """Credits without a needless ".0", written as the window's locale writes numbers."""
    return QLocale().toString(float(value), "f", 0 if float(value).is_integer() else 2)


def format_day(day: date, pattern: str = "d MMM yyyy") -> str:
    """`day` in the window's locale, its month by name: "5 May 2024", "5 may 2024" (the C
    locale's short format would say "5 05 2024")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def credits_text(value: float) -> str:
    """ "1 credit", "2 credits", "0.50 credits": the count with its noun, singular only for 1."""
    # The number's form picks the noun's: 1 alone is singular (0.5 and 1.5 are plural).
    count = 1 if value == 1 else 2
    # tr() on the class: lupdate reads plurals only from tr() (the stub wants self).
    text = UsageChart.tr("{credits} credit(s)", "", count)  # type: ignore[arg-type]
    return text.format(credits=format_credits(value))


class UsageChart(QWidget):
    """Credits per day as bars; hover a bar to read its day and value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[DayCredits] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Credits per day"))
        self.setAccessibleDescription(self.tr(EMPTY_TEXT))

    # -- data ----------------------------------------------------------------------------------

    def set_days(
        self,
        days: Sequence[DailyConsumption],
        start: date | None = None,
        end: date | None = None,
    ) -> None:
        """Show these days (gaps filled with zero between `start` and `end`)."""
        self._days = fill_days(days, start, end)
        self.setAccessibleDescription(self.summary())
        self.update()

    def days(self) -> list[DayCredits]:
        """The bars shown, oldest first."""
        return list(self._days)

    def summary(self) -> str:
        """One sentence about the chart (its accessible description)."""
        used = [d for d in self._days if d.credits]
        if not used:
            return self.tr(EMPTY_TEXT)
        total = sum(d.credits for d in used)
        peak = max(used, key=lambda d: d.credits)
        return self.tr(
            "{credits} from {first} to {last}; the most on {peak} ({peak_credits})."
        ).format(
            credits=credits_text(total),
            first=format_day(self._days[0].day),
            last=format_day(self._days[-1].day),
            peak=format_day(peak.day),
            peak_credits=format_credits(peak.credits),
        )

    # -- geometry ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # Qt override
        """Room for a month of bars."""
        return QSize(480, 180)

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = _MARGIN + metrics.horizontalAdvance("0000000")
        bottom = _MARGIN + metrics.height() + 4
        return QRectF(
            left,
            _MARGIN + metrics.height() / 2,
            self.width() - left - _MARGIN,
            self.height() - bottom - _MARGIN - metrics.height() / 2,
        )

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (for painting, hover and tests)."""
        plot = self._plot_rect()
        slot = plot.width() / max(1, len(self._days))
        peak = max((d.credits for d in self._days), default=0) or 1
        height = plot.height() * self._days[index].credits / peak
        x = plot.left() + index * slot + slot * _BAR_GAP / 2
        return QRectF(x, plot.bottom() - height, slot * (1 - _BAR_GAP), height)

    def index_at(self, x: float) -> int | None:
        """The bar under horizontal position `x`, or None."""
        plot = self._plot_rect()
        if not self._days or not plot.left() <= x < plot.right():
            return None
        return min(len(self._days) - 1, int((x - plot.left()) / (plot.width() / len(self._days))))

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Axis line, bars, the peak value on the left and the first/last day below."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlpha(140)
        if not any(d.credits for d in self._days):
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr(EMPTY_TEXT))
            return
        plot = self._plot_rect()
        painter.setPen(muted)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        peak = max(d.credits for d in self._days)
        metrics = QFontMetrics(self.font())
        label_box = QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 6, metrics.height())
        painter.drawText(
            label_box,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_credits(peak),
        )
        below = QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height())
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, format_day(self._days[0].day))
        if len(self._days) > 1:
            painter.drawText(below, Qt.AlignmentFlag.AlignRight, format_day(self._days[-1].day))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        for index in range(len(self._days)):
            if self._days[index].credits:
                painter.drawRect(self.bar_rect(index))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        """Show the day and its credits for the bar under the pointer."""
        index = self.index_at(event.position().x())
        if index is None:
            QToolTip.hideText()
            return
        day = self._days[index]
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{format_day(day.day, 'ddd dd MMM yyyy')}: {credits_text(day.credits)}",
            self,
        )


class UsagePanel(QWidget):
    """A profile's usage: credits per day as a chart, credits per model as a table."""

    def __init__(self, days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = UsageChart(self)
        self.model_table = QTableWidget(0, 2, self)
        self.model_table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Credits")])
        self.model_table.setAccessibleName(self.tr("Credits per model"))
        self.model_table.verticalHeader().setVisible(False)
        self.model_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.model_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status_label = QLabel(self.tr("Loading…"), self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Usage status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(QLabel(self.tr("Credits per day (last %n day(s))", "", days), self))
        layout.addWidget(self.chart, 2)
        layout.addWidget(QLabel(self.tr("Credits per model"), self))
        layout.addWidget(self.model_table, 1)

    def show_loading(self) -> None:
        """Say the figures are on their way."""
        self.status_label.setText(self.tr("Loading…"))

    def show_error(self, sentence: str) -> None:
        """Say why the figures could not be read."""
        self.status_label.setText(sentence)

    async def load(self, client: AgentsGTClient, agent_id: str, start: date, end: date) -> bool:
        """Read the agent's credits per day and per model for the period and show them.

        False (with the sentence shown) when the server could not be read.
        """
        self.show_loading()
        try:
            days, models = await asyncio.gather(
                client.agent_daily_consumption(agent_id, from_=start, to=end),
                client.agent_model_consumption(agent_id, from_=start, to=end),
            )
        except Exception as error:
            if not is_expected(error):
                raise
            self.show_error(describe_error(error).sentence)
            return False
        self.show_figures(days, models, start, end)
        return True

    def show_figures(
        self,
        days: Sequence[DailyConsumption],
        models: Sequence[ModelConsumption],
        start: date,
        end: date,
    ) -> None:
        """Show figures already read."""
        self.chart.set_days(days, start, end)
        self.model_table.setRowCount(len(models))
        for row, model in enumerate(models):
            name = model.name or model.model_id or self.tr("Unknown model")
            credits = QTableWidgetItem(format_credits(model.total_credits))
            credits.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model_table.setItem(row, 0, QTableWidgetItem(name))
            self.model_table.setItem(row, 1, credits)
        self.status_label.setText(self.chart.summary())
