"""A hostile server cannot drive the terminal through the CLI: replies and errors on a pty."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="needs a POSIX pseudo-terminal (pty.openpty)"
)

ROOT = Path(__file__).resolve().parents[2]
AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"
REFUSED_AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b02"
PAYLOAD = "cm0gLXJmIH4vKg=="  # what OSC 52 would put on the clipboard
# The reply, as the deltas deliver it: each sequence is cut in the middle.
DELTAS = [
    "Hello \x1b]52;c;cm0gLX",
    "JmIH4vKg==\x07world \x1b[",
    "2J\x1b]0;owned\x1b",
    "\\done \x9d52;c;" + PAYLOAD + "\x9c.\n",
]
REPLY = "".join(DELTAS)


class _HostileAgent(BaseHTTPRequestHandler):
    """Streams a reply full of terminal sequences; refuses one agent with one in its error."""

    protocol_version = "HTTP/1.0"  # the body ends when the connection closes

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if REFUSED_AGENT in self.path:
            body = json.dumps({"error": f"bad \x1b]52;c;{PAYLOAD}\x07 input"}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("x-vercel-ai-ui-message-stream", "v1")
        self.end_headers()
        frames = [
            {"type": "start", "messageId": "msg-1"},
            {"type": "text-start", "id": "t"},
            *({"type": "text-delta", "id": "t", "delta": delta} for delta in DELTAS),
            {"type": "text-end", "id": "t"},
            {"type": "finish", "finishReason": "stop"},
        ]
        for frame in frames:
            self.wfile.write(f"data: {json.dumps(frame)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the CLI's output, not the server's log."""


@pytest.fixture
def hostile_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostileAgent)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def run_on_pty(*args: str) -> tuple[int, bytes]:
    """Run the CLI with stdout and stderr on a pseudo-terminal; return its code and output."""
    import pty

    controller, terminal = pty.openpty()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(AGENTSGT_PUBLIC_KEY="pk_test", AGENTSGT_SECRET_KEY="sk_test_never_shown")
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=env,
        cwd=ROOT,
    )
    os.close(terminal)
    output = bytearray()
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if not ready:
                if child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the child closed its end of the terminal
                break
            if not chunk:
                break
            output += chunk
        code = child.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(controller)
    return code, bytes(output)


def _assert_inert(output: bytes) -> None:
    for forbidden in (b"\x1b", b"\x07", "\x9d".encode(), "\x9c".encode(), PAYLOAD.encode()):
        assert forbidden not in output, output
    assert b"sk_test_never_shown" not in output


def test_a_reply_cannot_write_the_clipboard_or_drive_the_terminal(hostile_url) -> None:
    code, output = run_on_pty("chat", "--base-url", hostile_url, "--agent", AGENT, "hi")
    assert code == 0, output
    _assert_inert(output)
    assert output.replace(b"\r\n", b"\n") == b"Hello world done .\n"


def test_json_keeps_the_sequences_escaped_and_exact(hostile_url) -> None:
    code, output = run_on_pty("chat", "--base-url", hostile_url, "--agent", AGENT, "--json", "hi")
    assert code == 0, output
    assert b"\x1b" not in output and b"\x07" not in output
    assert "\x9d".encode() not in output
    assert b"\\u001b]52;c;cm0gLX" in output  # the payload is there, escaped
    assert json.loads(output.replace(b"\r\n", b"\n"))["text"] == REPLY


def test_an_error_message_cannot_drive_the_terminal(hostile_url) -> None:
    code, output = run_on_pty("chat", "--base-url", hostile_url, "--agent", REFUSED_AGENT, "hi")
    assert code == 7, output
    _assert_inert(output)
    line = output.decode().strip()
    assert line.startswith("agentsgt-desktop: The server refused the request (HTTP 400): bad")
    assert "\n" not in line
