"""The command line as real subprocesses against the emulator: output, --json, every exit code."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.cli import wants_gui
from desktop_app.emulator.server import EmulatorServer

ROOT = Path(__file__).resolve().parents[2]
AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"


def _env(server: EmulatorServer | None, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    if server is not None:
        env["AGENTSGT_PUBLIC_KEY"] = server.credentials.public_key
        env["AGENTSGT_SECRET_KEY"] = server.credentials.secret_key
    env.update(extra)
    return env


def cli_all(
    *commands: tuple[list[str], dict[str, str]], stdin: str | None = None
) -> list[subprocess.CompletedProcess[str]]:
    """Run several `python -m desktop_app ARGS` at once (each with its env); return them all.

    Every run is checked for a traceback and for the emulator's secret in its output.
    """
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop_app", *args],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
        )
        for args, env in commands
    ]
    done = []
    for child, (_, env) in zip(children, commands, strict=True):
        try:
            out, err = child.communicate(input=stdin, timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert "Traceback" not in err, err
        secret = env.get("AGENTSGT_SECRET_KEY")
        assert not secret or secret not in out + err
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def cli(
    *args: str,
    server: EmulatorServer | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop_app ARGS` and return the finished process (text mode, UTF-8)."""
    (done,) = cli_all((list(args), env if env is not None else _env(server)), stdin=stdin)
    return done


def chat(
    server: EmulatorServer, *extra: str, message: str = "hello"
) -> subprocess.CompletedProcess:
    """`chat` against the emulator's first agent."""
    return cli(
        "chat", "--base-url", server.base_url, "--agent", AGENT, *extra, message, server=server
    )


def _one_sentence(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("agentsgt-desktop: ")
    return lines[0]


def test_chat_streams_the_reply_to_stdout(emulator: EmulatorServer) -> None:
    done = chat(emulator, "--identifier", "cli-user")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert emulator.state.wait_for(lambda state: state.open_streams == 0, 5.0)
    assert done.stdout == emulator.state.streams[-1].text + (
        "" if emulator.state.streams[-1].text.endswith("\n") else "\n"
    )
    assert emulator.state.requests[-1].header("X-Agent-Identifier") == "cli-user"


def test_chat_json_and_stdin(emulator: EmulatorServer) -> None:
    done = cli(
        "chat", "--base-url", emulator.base_url, "--agent", AGENT, "--json",
        "--header", "X-Emulator-Protocol: data", "-",
        server=emulator, stdin="from stdin ✓\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["outcome"] == "completed" and summary["protocol"] == "data"
    assert summary["finish_reason"] == "stop" and summary["error"] is None
    assert "from stdin ✓" in summary["text"]
    assert emulator.state.requests[-1].body == {
        "messages": [{"role": "user", "content": "from stdin ✓\n"}]
    }


FAILURES = [
    ("unauthorized", 3, "rejected"),
    ("forbidden", 3, "not allowed"),
    ("no-credits", 4, "no credits"),
    ("no-subscription", 4, "no active AgentsGT subscription"),
    ("not-found", 5, "agent id"),
    ("rate-limit", 6, "rate limit"),
    ("server-error", 7, "failed"),
    ("error-part", 9, "agent reported an error"),
    ("abort", 9, "stopped the reply"),
    ("drop", 9, "incomplete"),
    ("no-finish", 9, "ended before it was complete"),
]


def test_failures_exit_with_their_code_and_one_sentence(emulator: EmulatorServer) -> None:
    # The children run at once (faults are chosen per request), which keeps this test quick.
    def faulty_chat(fault: str) -> list[str]:
        return [
            "chat", "--base-url", emulator.base_url, "--agent", AGENT,
            "--header", f"X-Emulator-Fault: {fault}",
            "--header", "X-Emulator-Retry-After: 0", "hello",
        ]  # fmt: skip

    commands = [(faulty_chat(fault), _env(emulator)) for fault, _, _ in FAILURES]
    for (fault, code, words), done in zip(FAILURES, cli_all(*commands), strict=True):
        assert done.returncode == code, (fault, done.stderr)
        assert words in _one_sentence(done), (fault, done.stderr)


def test_stall_is_an_idle_timeout_and_json_still_prints(emulator: EmulatorServer) -> None:
    done = chat(emulator, "--json", "--idle-timeout", "0.5", "--header", "X-Emulator-Fault: stall")
    assert done.returncode == 9
    summary = json.loads(done.stdout)
    assert summary["outcome"] == "incomplete" and summary["text"]
    assert "sent nothing for 0.5 s" in summary["error"]
    assert "incomplete" in _one_sentence(done)


def test_bad_input_exits_2(emulator: EmulatorServer) -> None:
    env = _env(emulator)
    url = emulator.base_url
    cases = [
        (["chat", "--base-url", url, "--agent", "nope", "hi"], env, "not a UUID"),
        (["chat", "--base-url", url, "--agent", AGENT, "   "], env, "empty"),
        (["agents", "--base-url", "http://agentsgt.example/api/v1"], env, "https"),
        (["agents", "--base-url", url], _env(None), "AGENTSGT_SECRET_KEY"),
        (["chat", "--profile", "Nobody", "hi"], env, "no profile named 'Nobody'"),
        (["chat", "--agent", AGENT, "--idle-timeout", "0", "hi"], env, "more than 0 seconds"),
    ]
    results = cli_all(*[(args, case_env) for args, case_env, _ in cases])
    for (args, _, words), done in zip(cases, results, strict=True):
        assert done.returncode == 2, (args, done.stderr)
        assert words in _one_sentence(done), (args, done.stderr)
    usage = cli("history", "--page", "x", server=emulator)
    assert usage.returncode == 2 and "invalid int value" in usage.stderr


def test_network_failure_exits_8() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = _env(None, AGENTSGT_PUBLIC_KEY="pk_x", AGENTSGT_SECRET_KEY="sk_never_printed")
    done = cli(
        "balance", "--base-url", f"http://127.0.0.1:{port}/api/v1", "--retries", "0", env=env
    )
    assert done.returncode == 8
    sentence = _one_sentence(done)
    assert f"127.0.0.1:{port}" in sentence and "sk_never_printed" not in sentence


def test_agents_balance_history(emulator: EmulatorServer) -> None:
    base = ["--base-url", emulator.base_url]
    env = _env(emulator)
    agents, agents_json, balance, balance_json, history, history_json, by_user = cli_all(
        (["agents", *base], env),
        (["agents", *base, "--json"], env),
        (["balance", *base], env),
        (["balance", *base, "--json"], env),
        (["history", *base, "--agent", AGENT, "--limit", "2"], env),
        (["history", *base, "--agent", AGENT, "--json"], env),
        (["history", *base, "--identifier", "nobody@example.com"], env),
    )
    assert agents.returncode == 0 and AGENT in agents.stdout and "Aurora" in agents.stdout
    listed = json.loads(agents_json.stdout)
    assert listed[0]["id"] == AGENT and listed[0]["model"]["name"]
    assert balance.returncode == 0 and "Subscription: active" in balance.stdout
    checked = json.loads(balance_json.stdout)
    assert checked["has_credits"] is True and checked["subscription_active"] is True
    assert history.returncode == 0 and "  > " in history.stdout and "Page 1" in history.stdout
    page = json.loads(history_json.stdout)
    assert page["records"] and page["records"][0]["agent_id"] == AGENT
    assert by_user.returncode == 0 and "No messages." in by_user.stdout
    paths = [request.path for request in emulator.state.requests]
    assert any(path.endswith("/identifier/nobody@example.com") for path in paths)


def test_version_help_and_emulator_help() -> None:
    env = _env(None)
    version, helped, emulator_help = cli_all(
        (["--version"], env), (["--help"], env), (["emulator", "--help"], env)
    )
    assert version.returncode == 0 and __version__ in version.stdout
    assert helped.returncode == 0
    for command in ("chat", "agents", "balance", "history", "emulator"):
        assert command in helped.stdout
    assert emulator_help.returncode == 0 and "--protocol" in emulator_help.stdout


def test_demo_chat_needs_no_account() -> None:
    done = cli(
        "chat", "--demo", "--json", "--header", "X-Emulator-Tokens-Per-Second: 0", "Hi demo",
        env=_env(None),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "completed"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_exits_130_quietly(emulator: EmulatorServer) -> None:
    args = [
        "chat", "--base-url", emulator.base_url, "--agent", AGENT,
        "--header", "X-Emulator-Fault: stall", "hello",
    ]  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(emulator),
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        first = child.stdout.read1(64)  # the reply has started streaming
        assert first
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130
    assert b"Traceback" not in err and err.strip() == b""
    # The stalled stream was closed from our side.
    assert emulator.state.wait_for(lambda state: state.open_streams == 0, 5.0)


def test_which_arguments_open_the_window() -> None:
    assert wants_gui([])
    assert wants_gui(["--demo"]) and wants_gui(["--self-test"])
    assert wants_gui(["--home", "/tmp/x"])
    assert not wants_gui(["--version"]) and not wants_gui(["-h"])
    assert not wants_gui(["chat", "--demo", "hi"])
