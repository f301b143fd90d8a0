"""Typed AgentsGT API resources and the parsers that build them from JSON bodies.

The parsers are tolerant where the docs are vague (missing optional fields, extra keys, a missing
pagination block) and strict where a wrong type would mislead (a required id that is not a string
raises `ResponseFormatError`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from desktop_app.core.errors import PaymentReason, ResponseFormatError, payment_reason
from desktop_app.core.messages import translate

JSONValue = Any
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class BasicReply:
    """The blocking send-message answer; `response` stays a dict/list when the agent sent JSON."""

    response: str | dict[str, Any] | list[Any]
    success: bool = True

    @property
    def text(self) -> str:
        """The reply as text: the string itself, or the structured answer as indented JSON."""
        if isinstance(self.response, str):
            return self.response
        return json.dumps(self.response, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class AgentModel:
    """The language model behind an agent, with its price per 1,000 tokens."""

    name: str
    display_name: str | None = None
    input_price_per_1k: float | None = None
    output_price_per_1k: float | None = None
    context_window: int | None = None


@dataclass(frozen=True, slots=True)
class Agent:
    """One agent of the organization (`GET /agents`)."""

    id: str
    name: str
    description: str = ""
    slug: str | None = None
    system_prompt: str | None = None
    model: AgentModel | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Balance:
    """`GET /agents/check-balance`: "no subscription" arrives as HTTP 200 with success false."""

    success: bool
    organization_id: str | None
    has_credits: bool
    has_assistant: bool
    message: str | None = None

    @property
    def subscription_active(self) -> bool:
        """False when the server said there is no active subscription."""
        if self.success:
            return True
        return payment_reason(self.message or "") is not PaymentReason.NO_SUBSCRIPTION

    @property
    def can_chat(self) -> bool:
        """True when a chat request should not be refused for billing reasons."""
        return self.success and self.has_credits


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One exchange from the history: the user's input and the agent's output together."""

    id: str
    agent_id: str | None
    thread_id: str | None
    input: str
    output: str
    input_tokens: int | None = None
    output_tokens: int | None = None
    total_credits: float | None = None
    created_at: datetime | None = None
    channel: str | None = None
    agent_name: str | None = None


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where a history page sits in the whole result."""

    page: int
    limit: int
    total: int | None = None
    has_more: bool = False


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of history records; `pagination` is None when the server sent none."""

    records: tuple[HistoryRecord, ...]
    pagination: Pagination | None = None
    identifier: str | None = None

    @property
    def has_more(self) -> bool:
        """True when the server said another page follows."""
        return self.pagination.has_more if self.pagination else False


@dataclass(frozen=True, slots=True)
class ConsumptionSummary:
    """Total credits an organization used in a period (bounds None when not given)."""

    organization_id: str | None
    total_consumption: float
    period_from: str | None = None
    period_to: str | None = None


@dataclass(frozen=True, slots=True)
class AgentConsumption:
    """Credits one agent used in the period."""

    agent_id: str
    name: str | None
    total_credits: float


@dataclass(frozen=True, slots=True)
class DailyConsumption:
    """Credits an agent used on one day."""

    date: date
    total_credits: float


@dataclass(frozen=True, slots=True)
class ModelConsumption:
    """Credits an agent used with one model."""

    model_id: str | None
    name: str | None
    total_credits: float


# --- field readers -----------------------------------------------------------------------------


def _fail(where: str, expected: str) -> ResponseFormatError:
    """`where` (a path in the answer, data) is not `expected` (translated where it is said)."""
    return ResponseFormatError(
        translate(
            "ApiTypes",
            "The server's answer is not in the expected format: {where} should be {expected}.",
        ).format(where=where, expected=expected)
    )


def _obj(value: JSONValue, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, translate("ApiTypes", "an object"))
    return value


def _list(value: JSONValue, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, translate("ApiTypes", "a list"))
    return value


def _str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):  # tolerate numeric ids
        return str(value)
    raise _fail(f"{where}.{key}", translate("ApiTypes", "text"))


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    if obj.get(key) is None:
        return None
    return _str(obj, key, where)


def _opt_num(obj: dict[str, Any], key: str, where: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(f"{where}.{key}", translate("ApiTypes", "a number"))
    return value


def _num(obj: dict[str, Any], key: str, where: str, default: float = 0) -> float:
    value = _opt_num(obj, key, where)
    return default if value is None else value


def _opt_int(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = _opt_num(obj, key, where)
    if value is None:
        return None
    if isinstance(value, float) and not value.is_integer():
        raise _fail(f"{where}.{key}", translate("ApiTypes", "a whole number"))
    return int(value)


def _bool(obj: dict[str, Any], key: str, where: str, default: bool = False) -> bool:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _fail(f"{where}.{key}", translate("ApiTypes", "true or false"))
    return value


def _opt_datetime(obj: dict[str, Any], key: str, where: str) -> datetime | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _fail(f"{where}.{key}", translate("ApiTypes", "an ISO 8601 timestamp"))
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise _fail(f"{where}.{key}", translate("ApiTypes", "an ISO 8601 timestamp")) from None


def _data(body: JSONValue, where: str = "body") -> JSONValue:
    # Most endpoints wrap the payload in "data"; tolerate a bare payload too.
    if isinstance(body, dict) and "data" in body:
        return body["data"]
    return body


def _each(body: JSONValue, parse: Callable[[JSONValue, str], _T]) -> list[_T]:
    """Parse a `data` list item by item; each item's place (`data[3]`) names it in errors."""
    items = _list(_data(body), "body.data")
    return [parse(item, f"data[{i}]") for i, item in enumerate(items)]


# --- resource parsers --------------------------------------------------------------------------


def parse_basic_reply(body: JSONValue) -> BasicReply:
    """Parse `{"success": true, "response": <string | object>}`."""
    obj = _obj(body, "the body")
    if "response" not in obj:
        raise ResponseFormatError(
            translate(
                "ApiTypes",
                "The server's answer is not in the expected format: {where} should be present.",
            ).format(where="body.response")
        )
    response = obj["response"]
    if response is None:
        response = ""
    if not isinstance(response, str | dict | list):
        response = json.dumps(response)  # a bare number or boolean: keep it readable
    return BasicReply(response=response, success=_bool(obj, "success", "body", default=True))


def parse_agent_model(value: JSONValue, where: str) -> AgentModel | None:
    """Parse an agent's `model` object (None when absent)."""
    if value is None:
        return None
    if isinstance(value, str):  # tolerate a bare model name
        return AgentModel(name=value)
    obj = _obj(value, where)
    pricing = obj.get("pricing")
    pricing_obj = _obj(pricing, f"{where}.pricing") if pricing is not None else {}
    return AgentModel(
        name=_opt_str(obj, "name", where) or "",
        display_name=_opt_str(obj, "display_name", where),
        input_price_per_1k=_opt_num(pricing_obj, "input_per_1k_tokens", f"{where}.pricing"),
        output_price_per_1k=_opt_num(pricing_obj, "output_per_1k_tokens", f"{where}.pricing"),
        context_window=_opt_int(obj, "context_window", where),
    )


def parse_agent(value: JSONValue, where: str = "agent") -> Agent:
    """Parse one agent object."""
    obj = _obj(value, where)
    return Agent(
        id=_str(obj, "id", where),
        name=_opt_str(obj, "name", where) or "",
        description=_opt_str(obj, "description", where) or "",
        slug=_opt_str(obj, "slug", where),
        system_prompt=_opt_str(obj, "system_prompt", where),
        model=parse_agent_model(obj.get("model"), f"{where}.model"),
        created_at=_opt_datetime(obj, "created_at", where),
        updated_at=_opt_datetime(obj, "updated_at", where),
        url=_opt_str(obj, "url", where),
    )


def parse_agents(body: JSONValue) -> list[Agent]:
    """Parse `{"success": true, "data": [Agent, ...]}`."""
    return _each(body, parse_agent)


def parse_balance(body: JSONValue) -> Balance:
    """Parse the check-balance body (both the success and the no-subscription shapes)."""
    obj = _obj(body, "the body")
    if isinstance(obj.get("data"), dict):  # tolerate the nominal envelope
        obj = {**obj["data"], **{k: v for k, v in obj.items() if k != "data"}}
    return Balance(
        success=_bool(obj, "success", "body", default=True),
        organization_id=_opt_str(obj, "organizationId", "body")
        or _opt_str(obj, "organization_id", "body"),
        has_credits=_bool(obj, "hasCredits", "body"),
        has_assistant=_bool(obj, "hasAssistant", "body"),
        message=_opt_str(obj, "message", "body") or _opt_str(obj, "error", "body"),
    )


def parse_history_record(value: JSONValue, where: str) -> HistoryRecord:
    """Parse one history exchange."""
    obj = _obj(value, where)
    return HistoryRecord(
        id=_str(obj, "id", where),
        agent_id=_opt_str(obj, "agent_id", where),
        thread_id=_opt_str(obj, "thread_id", where),
        input=_opt_str(obj, "input", where) or "",
        output=_opt_str(obj, "output", where) or "",
        input_tokens=_opt_int(obj, "input_tokens", where),
        output_tokens=_opt_int(obj, "output_tokens", where),
        total_credits=_opt_num(obj, "total_credits", where),
        created_at=_opt_datetime(obj, "created_at", where),
        channel=_opt_str(obj, "channel", where),
        agent_name=_opt_str(obj, "agent_name", where),
    )


def parse_pagination(value: JSONValue, records: int) -> Pagination | None:
    """Parse `pagination`; None when the server left it out."""
    if value is None:
        return None
    obj = _obj(value, "data.pagination")
    total = _opt_int(obj, "total", "data.pagination")
    return Pagination(
        page=_opt_int(obj, "page", "data.pagination") or 1,
        limit=_opt_int(obj, "limit", "data.pagination") or records,
        total=total,
        has_more=_bool(obj, "has_more", "data.pagination"),
    )


def parse_history_page(body: JSONValue) -> HistoryPage:
    """Parse `{"data": {"messages": [...], "pagination": {...}, "identifier"?: ...}}`."""
    data = _data(body)
    if isinstance(data, list):  # tolerate a bare list of records
        data = {"messages": data}
    obj = _obj(data, "body.data")
    items = _list(obj.get("messages", []), "data.messages")
    records = tuple(
        parse_history_record(item, f"data.messages[{i}]") for i, item in enumerate(items)
    )
    return HistoryPage(
        records=records,
        pagination=parse_pagination(obj.get("pagination"), len(records)),
        identifier=_opt_str(obj, "identifier", "data"),
    )


def parse_consumption_summary(body: JSONValue) -> ConsumptionSummary:
    """Parse `{"data": {"organization_id", "total_consumption", "period": {"from", "to"}}}`."""
    obj = _obj(_data(body), "body.data")
    period_value = obj.get("period")
    period = _obj(period_value, "data.period") if period_value is not None else {}
    return ConsumptionSummary(
        organization_id=_opt_str(obj, "organization_id", "data"),
        total_consumption=_num(obj, "total_consumption", "data"),
        period_from=_opt_str(period, "from", "data.period"),
        period_to=_opt_str(period, "to", "data.period"),
    )


def parse_agent_consumption(body: JSONValue) -> list[AgentConsumption]:
    """Parse `{"data": [{"agent_id", "name", "total_credits"}, ...]}`."""
    return _each(body, _agent_consumption)


def parse_daily_consumption(body: JSONValue) -> list[DailyConsumption]:
    """Parse `{"data": [{"date": "YYYY-MM-DD", "total_credits"}, ...]}`."""
    return _each(body, _daily_consumption)


def parse_model_consumption(body: JSONValue) -> list[ModelConsumption]:
    """Parse `{"data": [{"model_id", "name", "total_credits"}, ...]}`."""
    return _each(body, _model_consumption)


def _agent_consumption(value: JSONValue, where: str) -> AgentConsumption:
    obj = _obj(value, where)
    return AgentConsumption(
        agent_id=_str(obj, "agent_id", where),
        name=_opt_str(obj, "name", where),
        total_credits=_num(obj, "total_credits", where),
    )


def _daily_consumption(value: JSONValue, where: str) -> DailyConsumption:
    obj = _obj(value, where)
    text = _str(obj, "date", where)
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise _fail(f"{where}.date", translate("ApiTypes", "a date like 2024-01-15")) from None
    return DailyConsumption(date=day, total_credits=_num(obj, "total_credits", where))


def _model_consumption(value: JSONValue, where: str) -> ModelConsumption:
    obj = _obj(value, where)
    return ModelConsumption(
        model_id=_opt_str(obj, "model_id", where),
        name=_opt_str(obj, "name", where),
        total_credits=_num(obj, "total_credits", where),
    )
