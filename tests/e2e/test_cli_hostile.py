"""`agentsgt-desktop chat` against a hostile server: a documented exit code and one sentence."""

from __future__ import annotations

from tests.e2e.hostile_server import (
    AGENT,
    PUBLIC,
    SECRET,
    HostileServer,
    gzip_bomb,
    head,
    respond,
    text_frames,
    trickle,
)
from tests.e2e.test_cli import _env, cli_all


def _chat(server: HostileServer, *extra: str) -> tuple[list[str], dict[str, str]]:
    args = ["chat", "--base-url", server.base_url, "--agent", AGENT, *extra, "hello"]
    return args, _env(None, AGENTSGT_PUBLIC_KEY=PUBLIC, AGENTSGT_SECRET_KEY=SECRET)


def _sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("agentsgt-desktop: ")
    return lines[0]


def test_bomb_page_and_trickles_exit_with_documented_codes() -> None:
    # The real default limits: 70 MB of comment lines (about 70 KB gzipped) passes the 64 MB
    # reply limit without tripping the line limit.
    bomb = gzip_bomb(text_frames("kept"), b": " + b"z" * 1000 + b"\n", 70 * 1024 * 1024)
    page = b"<html><body>Log in to the hotel Wi-Fi</body></html>"
    header_trickle = trickle(b"", b"a", every=0.05, first=b"HTTP/1.1 200 OK\r\nX-Slow: ")
    body_trickle = trickle(head(), b": ping\n\n", every=0.05, first=text_frames("kept"))
    with (
        HostileServer(respond(head(content_encoding="gzip"), bomb)) as bomber,
        HostileServer(respond(head(content_type="text/html"), page)) as portal,
        HostileServer(header_trickle) as slow_headers,
        HostileServer(body_trickle) as keep_alives,
    ):
        done = cli_all(
            _chat(bomber),
            _chat(portal),
            _chat(slow_headers, "--idle-timeout", "1"),
            _chat(keep_alives, "--idle-timeout", "1"),
        )
    bombed, paged, headers_cut, idled = done

    assert bombed.returncode == 9, bombed.stderr
    assert bombed.stdout.startswith("kept")
    assert "larger than the 64 MB limit" in _sentence(bombed.stderr)

    assert paged.returncode == 7, paged.stderr
    sentence = _sentence(paged.stderr)
    assert "this URL does not look like the AgentsGT API" in sentence
    assert portal.host in sentence

    assert headers_cut.returncode == 8, headers_cut.stderr
    assert "did not send the status line and headers" in _sentence(headers_cut.stderr)

    assert idled.returncode == 9, idled.stderr
    assert idled.stdout.startswith("kept")
    assert "sent nothing but keep-alives for 1 s" in _sentence(idled.stderr)
