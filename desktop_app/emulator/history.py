"""Query logic of the history and consumption endpoints: parameters, filters, pages, sums.

Date bounds (`start_date`/`end_date`, `from`/`to`) are inclusive ISO 8601 values; a value without
a time zone is UTC, and a date-only upper bound covers that whole day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop_app.emulator.agents import DEMO_AGENTS, MODELS
from desktop_app.emulator.records import ChatRecord

DEFAULT_LIMIT = 50
MAX_LIMIT = 100


class QueryError(ValueError):
    """A bad query parameter; the message is the 400 body's text."""


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """Validated history parameters."""

    page: int = 1
    limit: int = DEFAULT_LIMIT
    thread_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    agent_id: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of records plus the pagination object."""

    records: tuple[ChatRecord, ...]
    page: int
    limit: int
    total: int

    @property
    def has_more(self) -> bool:
        """Whether a later page exists."""
        return self.page * self.limit < self.total

    def pagination(self) -> dict[str, int | bool]:
        """The `pagination` object of the response."""
        return {
            "page": self.page,
            "limit": self.limit,
            "total": self.total,
            "has_more": self.has_more,
        }


def parse_moment(value: str, *, name: str, upper: bool = False) -> datetime:
    """Parse an ISO 8601 date or date-time; a date-only upper bound means the end of that day."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
            return day + timedelta(days=1) - timedelta(microseconds=1) if upper else day
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise QueryError(f"Invalid {name}: expected an ISO 8601 date") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _positive_int(params: Mapping[str, str], name: str, default: int, maximum: int | None) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1 or (maximum is not None and value > maximum):
        bound = f" between 1 and {maximum}" if maximum else " of at least 1"
        raise QueryError(f"Invalid {name}: must be an integer{bound}")
    return value


def parse_history_query(params: Mapping[str, str]) -> HistoryQuery:
    """Validate `page`, `limit`, `thread_id`, `start_date`, `end_date`, `agent_id`."""
    start = params.get("start_date")
    end = params.get("end_date")
    return HistoryQuery(
        page=_positive_int(params, "page", 1, None),
        limit=_positive_int(params, "limit", DEFAULT_LIMIT, MAX_LIMIT),
        thread_id=params.get("thread_id") or None,
        start=parse_moment(start, name="start_date") if start else None,
        end=parse_moment(end, name="end_date", upper=True) if end else None,
        agent_id=(params.get("agent_id") or "").strip().lower() or None,
    )


def _in_period(record: ChatRecord, start: datetime | None, end: datetime | None) -> bool:
    return (start is None or record.created_at >= start) and (
        end is None or record.created_at <= end
    )


def select(records: Iterable[ChatRecord], query: HistoryQuery) -> Page:
    """Filter, sort newest first, and cut out the requested page."""
    indexed = [
        (position, record)
        for position, record in enumerate(records)
        if (query.thread_id is None or record.thread_id == query.thread_id)
        and (query.agent_id is None or record.agent_id == query.agent_id)
        and _in_period(record, query.start, query.end)
    ]
    # Newest first; among equal times, the one stored later first.
    indexed.sort(key=lambda item: (item[1].created_at, item[0]), reverse=True)
    first = (query.page - 1) * query.limit
    chosen = tuple(record for _, record in indexed[first : first + query.limit])
    return Page(records=chosen, page=query.page, limit=query.limit, total=len(indexed))


@dataclass(frozen=True, slots=True)
class Period:
    """A consumption period as given (echoed back) and parsed."""

    raw_from: str | None
    raw_to: str | None
    start: datetime | None
    end: datetime | None

    def to_json(self) -> dict[str, str | None]:
        """The `period` object: the bounds as given, or null."""
        return {"from": self.raw_from, "to": self.raw_to}


def parse_period(params: Mapping[str, str]) -> Period:
    """Validate the `from` and `to` query parameters."""
    raw_from = params.get("from") or None
    raw_to = params.get("to") or None
    return Period(
        raw_from=raw_from,
        raw_to=raw_to,
        start=parse_moment(raw_from, name="from") if raw_from else None,
        end=parse_moment(raw_to, name="to", upper=True) if raw_to else None,
    )


def in_period(records: Iterable[ChatRecord], period: Period) -> list[ChatRecord]:
    """The records inside the period."""
    return [r for r in records if _in_period(r, period.start, period.end)]


def total_credits(records: Iterable[ChatRecord]) -> int:
    """Sum of credits."""
    return sum(r.total_credits for r in records)


def credits_by_agent(records: Iterable[ChatRecord]) -> list[dict[str, object]]:
    """Every demo agent with its credits, most consuming first (4.8)."""
    sums: dict[str, int] = defaultdict(int)
    for record in records:
        sums[record.agent_id] += record.total_credits
    rows = [
        {"agent_id": agent.agent_id, "name": agent.name, "total_credits": sums[agent.agent_id]}
        for agent in DEMO_AGENTS
    ]
    return sorted(rows, key=lambda row: -int(str(row["total_credits"])))


def credits_by_date(records: Iterable[ChatRecord]) -> list[dict[str, object]]:
    """Credits per UTC day, oldest day first, days with usage only (4.9)."""
    sums: dict[str, int] = defaultdict(int)
    for record in records:
        sums[record.created_at.astimezone(UTC).date().isoformat()] += record.total_credits
    return [{"date": day, "total_credits": sums[day]} for day in sorted(sums)]


def credits_by_model(records: Iterable[ChatRecord]) -> list[dict[str, object]]:
    """Credits per model used, most consuming first (4.10)."""
    sums: dict[str, int] = defaultdict(int)
    for record in records:
        sums[record.model_id] += record.total_credits
    names = {model.model_id: model.display_name for model in MODELS}
    rows = [
        {"model_id": model_id, "name": names.get(model_id, model_id), "total_credits": credits}
        for model_id, credits in sums.items()
    ]
    return sorted(rows, key=lambda row: -int(str(row["total_credits"])))
