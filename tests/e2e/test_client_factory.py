"""The one client factory: what a saved profile or a bare base URL sends, and where clients are
built (only there)."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import pytest

from desktop_app.core.client_factory import client_for_profile, client_for_url
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import Outcome
from desktop_app.core.http import make_http_client
from desktop_app.core.profiles import Profile, new_profile
from desktop_app.emulator.server import EmulatorServer
from tests.e2e.contract_helpers import FAST, FIRST_AGENT, HELLO, credentials

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def _chat_with(emulator: EmulatorServer, profile: Profile) -> Outcome:
    async def main() -> Outcome:
        async with make_http_client(FAST) as http:
            client = client_for_profile(
                http, profile, credentials(emulator), FAST, extra_headers={"X-Trace": "t-1"}
            )
            return (await client.chat(profile.agent_id, HELLO)).outcome

    return asyncio.run(main())


def test_a_profile_client_sends_its_identifier_and_extra_headers(emulator) -> None:
    profile = new_profile(
        "Support", FIRST_AGENT, base_url=emulator.base_url + "/", identifier=" ana@example.com "
    )
    assert _chat_with(emulator, profile) is Outcome.COMPLETED
    request = emulator.state.requests[-1]
    assert request.path.endswith(f"/agents/chat/{FIRST_AGENT}")
    assert request.header("X-Agent-Identifier") == "ana@example.com"
    assert request.header("X-Trace") == "t-1"
    assert request.header("Authorization") is not None


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_profile_identifier_sends_no_header(emulator, blank: str) -> None:
    profile = new_profile("Support", FIRST_AGENT, base_url=emulator.base_url)
    profile = profile.replace(identifier=blank)
    assert _chat_with(emulator, profile) is Outcome.COMPLETED
    assert emulator.state.requests[-1].header("X-Agent-Identifier") is None


def test_a_bare_base_url_client_for_the_cli_and_the_dialog(emulator) -> None:
    async def main() -> list[str]:
        async with make_http_client(FAST) as http:
            client = client_for_url(
                http, emulator.base_url, credentials(emulator), FAST, identifier="cli-user"
            )
            await client.chat(FIRST_AGENT, HELLO)
            with pytest.raises(InvalidInputError, match="plain ASCII"):
                client_for_url(http, emulator.base_url, credentials(emulator), FAST, identifier="é")
            return [agent.id for agent in await client.list_agents()]

    assert FIRST_AGENT in asyncio.run(main())
    assert emulator.state.requests[-2].header("X-Agent-Identifier") == "cli-user"


def _builds_a_client(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "AgentsGTClient":
                return True
    return False


def test_the_api_client_is_built_in_one_place() -> None:
    builders = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if _builds_a_client(path)
    }
    assert builders == {"core/client_factory.py"}
