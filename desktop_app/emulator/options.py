"""Per-request emulator options from `X-Emulator-*` headers and `#name:value` directives."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from desktop_app.emulator.faults import Directives, Fault, parse_fault
from desktop_app.emulator.wire import WireProtocol, parse_protocol

_T = TypeVar("_T")

HEADER_PROTOCOL = "x-emulator-protocol"
HEADER_FAULT = "x-emulator-fault"
HEADER_TPS = "x-emulator-tokens-per-second"
HEADER_REPLY_TOKENS = "x-emulator-reply-tokens"
HEADER_RETRY_AFTER = "x-emulator-retry-after"
HEADER_DELAY = "x-emulator-delay"  # seconds before the response starts (slow-start fault)


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """What a request asked of the emulator; None means "use the queue or the server default"."""

    fault: Fault | None = None
    protocol: WireProtocol | None = None
    tokens_per_second: float | None = None
    reply_tokens: int | None = None
    retry_after: int | None = None
    delay: float | None = None

    def merged_over(self, fallback: RequestOptions) -> RequestOptions:
        """These options, with gaps filled from `fallback`."""
        return RequestOptions(
            fault=self.fault if self.fault is not None else fallback.fault,
            protocol=self.protocol if self.protocol is not None else fallback.protocol,
            tokens_per_second=_first(self.tokens_per_second, fallback.tokens_per_second),
            reply_tokens=_first(self.reply_tokens, fallback.reply_tokens),
            retry_after=_first(self.retry_after, fallback.retry_after),
            delay=_first(self.delay, fallback.delay),
        )


def _first(value: _T | None, fallback: _T | None) -> _T | None:
    return value if value is not None else fallback


def _number(raw: str, name: str, *, integer: bool, minimum: float) -> float:
    try:
        value = float(int(raw)) if integer else float(raw)
    except ValueError:
        raise ValueError(f"Invalid {name}: {raw!r} is not a number") from None
    if not math.isfinite(value) or value < minimum:
        raise ValueError(f"Invalid {name}: must be at least {minimum:g}")
    return value


def _parse(
    *,
    fault: str | None,
    protocol: str | None,
    tps: str | None,
    tokens: str | None,
    retry_after: str | None,
    delay: str | None,
) -> RequestOptions:
    return RequestOptions(
        fault=parse_fault(fault) if fault else None,
        protocol=parse_protocol(protocol) if protocol else None,
        tokens_per_second=_number(tps, "tokens per second", integer=False, minimum=0)
        if tps
        else None,
        reply_tokens=int(_number(tokens, "reply tokens", integer=True, minimum=1))
        if tokens
        else None,
        retry_after=int(_number(retry_after, "retry-after", integer=True, minimum=0))
        if retry_after
        else None,
        delay=_number(delay, "delay", integer=False, minimum=0) if delay else None,
    )


def options_from_headers(headers: Mapping[str, str]) -> RequestOptions:
    """Read the `X-Emulator-*` headers; ValueError with a readable message on a bad value."""
    return _parse(
        fault=headers.get(HEADER_FAULT),
        protocol=headers.get(HEADER_PROTOCOL),
        tps=headers.get(HEADER_TPS),
        tokens=headers.get(HEADER_REPLY_TOKENS),
        retry_after=headers.get(HEADER_RETRY_AFTER),
        delay=headers.get(HEADER_DELAY),
    )


def options_from_directives(directives: Directives) -> RequestOptions:
    """Read `#fault:`, `#protocol:`, `#tps:`, `#tokens:`, `#retry-after:`, `#delay:` values."""
    return _parse(
        fault=directives.fault,
        protocol=directives.protocol,
        tps=directives.tps,
        tokens=directives.tokens,
        retry_after=directives.retry_after,
        delay=directives.delay,
    )
