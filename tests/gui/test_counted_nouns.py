"""Counted nouns agree with their number: "1 credit", "1 exchange", "1 agent found"."""

from __future__ import annotations

from datetime import date

from desktop_app.core.api_types import DailyConsumption, HistoryRecord
from desktop_app.core.server_history import ServerThread
from desktop_app.gui.server_history_dialog import record_html, thread_summary
from desktop_app.gui.usage_chart import UsageChart, credits_text


def _record(credits: float | None) -> HistoryRecord:
    return HistoryRecord("r1", None, "t1", "question", "answer", 3, 4, credits)


def test_credits_text_is_singular_only_for_one() -> None:
    assert credits_text(1) == "1 credit"
    assert credits_text(1.0) == "1 credit"
    assert credits_text(2) == "2 credits"
    assert credits_text(0.5) == "0.50 credits"
    assert credits_text(0) == "0 credits"


def test_a_thread_with_one_exchange_and_one_credit() -> None:
    summary = thread_summary(ServerThread("t1", (_record(1),)))
    assert "1 exchange" in summary and "1 exchanges" not in summary
    assert "1 credit" in summary and "1 credits" not in summary
    two = thread_summary(ServerThread("t1", (_record(1), _record(1))))
    assert "2 exchanges" in two and "2 credits" in two
    assert "1 credit" in record_html(_record(1)) and "1 credits" not in record_html(_record(1))


def test_the_chart_sentence_says_one_credit(qtbot) -> None:
    chart = UsageChart()
    qtbot.addWidget(chart)
    chart.set_days([DailyConsumption(date(2024, 5, 2), 1)], date(2024, 5, 1), date(2024, 5, 3))
    assert chart.summary().startswith("1 credit from")
