"""A local AgentsGT service for tests and the demo, byte-faithful to the public docs (no Qt).

Importing this package is cheap; uvicorn and starlette load only when the server is used.

    with EmulatorServer(port=0, tokens_per_second=0) as server:   # or .start() / .stop()
        server.base_url          # http://127.0.0.1:<port>/api/v1
        server.credentials       # .public_key / .secret_key / .authorization()
        server.state             # credits, subscription_active, queue_faults([...]),
                                 # requests, streams, records, wait_for(...), reset()

Per chat request (header, else `#directive` in the last user message, else the queue, else the
server default): `X-Emulator-Protocol: ui|data|text` (`#protocol:`), `X-Emulator-Fault: <name>`
(`#fault:`), `X-Emulator-Tokens-Per-Second: <float>` (`#tps:`, 0 = flat out),
`X-Emulator-Reply-Tokens: <N>` (`#tokens:`, exactly N text deltas), `X-Emulator-Retry-After: <s>`
(`#retry-after:`), `X-Emulator-Delay: <s>` (`#delay:`, for slow-start). Fault names: see
`faults.Fault`. Status faults also work on the other endpoints, in each one's error shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.emulator.agents import DEMO_AGENTS, ORGANIZATION_ID
    from desktop_app.emulator.faults import Endpoint, Fault
    from desktop_app.emulator.server import EmulatorServer, add_arguments, run_from_args
    from desktop_app.emulator.state import EmulatorState
    from desktop_app.emulator.wire import WireProtocol

_EXPORTS = {
    "DEMO_AGENTS": "desktop_app.emulator.agents",
    "ORGANIZATION_ID": "desktop_app.emulator.agents",
    "Endpoint": "desktop_app.emulator.faults",
    "Fault": "desktop_app.emulator.faults",
    "EmulatorServer": "desktop_app.emulator.server",
    "add_arguments": "desktop_app.emulator.server",
    "run_from_args": "desktop_app.emulator.server",
    "EmulatorState": "desktop_app.emulator.state",
    "WireProtocol": "desktop_app.emulator.wire",
}

__all__ = [
    "DEMO_AGENTS",
    "ORGANIZATION_ID",
    "EmulatorServer",
    "EmulatorState",
    "Endpoint",
    "Fault",
    "WireProtocol",
    "add_arguments",
    "run_from_args",
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
