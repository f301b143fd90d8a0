"""The emulator as a component: thread runner, command line, layering, big replies, helpers."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.emulator.content import tokenize
from desktop_app.emulator.faults import parse_directives
from desktop_app.emulator.server import EmulatorServer, add_arguments, run_from_args
from desktop_app.emulator.state import EmulatorState, mask_authorization

ROOT = Path(__file__).resolve().parents[2]
AGENT = DEMO_AGENTS[0].agent_id


def test_start_stop_and_context_manager() -> None:
    started = time.perf_counter()
    with EmulatorServer(port=0, tokens_per_second=0) as server:
        print(f"emulator start: {(time.perf_counter() - started) * 1000:.1f} ms")
        assert server.base_url == f"http://127.0.0.1:{server.port}/api/v1"
        headers = {"Authorization": server.credentials.authorization()}
        assert httpx.get(f"{server.base_url}/agents", headers=headers).status_code == 200
        port = server.port
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/api/v1/agents")
    server.stop()  # idempotent


def test_custom_keys(emulator_factory) -> None:
    server = emulator_factory(public_key="pk_custom", secret_key="sk_custom")
    with httpx.Client(base_url=server.base_url) as http:
        ok = http.get("/agents", headers={"Authorization": "Bearer pk_custom:sk_custom"})
        assert ok.status_code == 200
        assert (
            http.get("/agents", headers={"Authorization": "Bearer pk_custom:x"}).status_code == 401
        )
    assert "sk_custom" not in repr(server.credentials) and "sk_custom" not in repr(server.config)


def test_200000_deltas_flat_out(emulator: EmulatorServer) -> None:
    headers = {
        "Authorization": emulator.credentials.authorization(),
        "X-Emulator-Reply-Tokens": "200000",
        "X-Emulator-Protocol": "data",
    }
    body = {"messages": [{"role": "user", "content": "big"}]}
    started = time.perf_counter()
    with httpx.Client(timeout=60) as http:
        response = http.post(f"{emulator.base_url}/agents/chat/{AGENT}", json=body, headers=headers)
    seconds = time.perf_counter() - started
    lines = response.content.split(b"\n")
    deltas = sum(1 for line in lines if line.startswith(b"0:"))
    print(f"200,000 deltas, {len(response.content) / 1e6:.1f} MB in {seconds:.2f} s")
    assert deltas == 200_000
    assert json.loads(lines[-2][2:])["usage"]["completionTokens"] == 200_000


def test_emulator_imports_neither_qt_nor_core() -> None:
    code = (
        "import sys, desktop_app.emulator.server, desktop_app.emulator.app;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'qasync', 'desktop_app.core'))];"
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_refuses_a_remote_host(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run_from_args(parser.parse_args(["--host", "0.0.0.0"])) == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert run_from_args(parser.parse_args(["--tokens-per-second", "-3", "--port", "0"])) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C reaches a child as SIGINT on POSIX")
def test_cli_serves_until_ctrl_c() -> None:
    code = (
        "import argparse, sys\n"
        "from desktop_app.emulator.server import add_arguments, run_from_args\n"
        "parser = argparse.ArgumentParser()\n"
        "add_arguments(parser)\n"
        "sys.exit(run_from_args(parser.parse_args(sys.argv[1:])))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--protocol", "text"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        url = lines[0].split(" at ")[1].strip()
        public = lines[1].split(": ")[1].strip()
        secret = lines[2].split(": ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api/v1")
        assert public.startswith("pk_") and secret.startswith("sk_")
        response = httpx.post(
            f"{url}/agents/chat/{AGENT}",
            json={"messages": [{"role": "user", "content": "hi #tps:0"}]},
            headers={"Authorization": f"Bearer {public}:{secret}"},
        )
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_mask_authorization() -> None:
    assert mask_authorization("Bearer pk_a:sk_b") == "Bearer pk_a:***"
    assert mask_authorization("Bearer token") == "Bearer ***"
    assert mask_authorization("") == ""


def test_state_queue_rejects_unknown_faults() -> None:
    with pytest.raises(ValueError, match="Unknown emulator fault"):
        EmulatorState().queue_faults(["explode"])


def test_wait_for_times_out() -> None:
    assert EmulatorState().wait_for(lambda state: state.credits < 0, timeout=0.01) is False


@given(st.text())
def test_tokenize_round_trips(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_directives_are_parsed_and_stripped() -> None:
    found = parse_directives("Show me #fault:abort a table #protocol:data #tokens:12 #tps:5")
    assert (found.fault, found.protocol, found.tokens, found.tps) == ("abort", "data", "12", "5")
    assert found.text == "Show me a table"
    assert parse_directives("C# is #1 and issue#5").fault is None
    assert parse_directives("no directives here").text == "no directives here"
