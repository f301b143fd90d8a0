"""A local AgentsGT service for tests and the demo, byte-faithful to the public docs (no Qt).

Importing this package is cheap; uvicorn and starlette load only when the server is used.
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
