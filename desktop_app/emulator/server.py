"""Run the emulator with uvicorn in a background thread, and the `emulator` command's glue."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import logging
import socket
import sys
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import TextIO

import uvicorn

from desktop_app.emulator.app import API_PREFIX, EmulatorApp
from desktop_app.emulator.config import (
    DEFAULT_PUBLIC_KEY,
    DEFAULT_SECRET_KEY,
    DEMO_TOKENS_PER_SECOND,
    EmulatorConfig,
)
from desktop_app.emulator.state import DEFAULT_CREDITS, EmulatorState
from desktop_app.emulator.streaming import install_log_filter
from desktop_app.emulator.wire import WireProtocol

_START_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class EmulatorCredentials:
    """The key pair the emulator accepts (plain strings; the secret stays out of repr)."""

    public_key: str
    secret_key: str = field(repr=False)

    def authorization(self) -> str:
        """The Authorization header value."""
        return f"Bearer {self.public_key}:{self.secret_key}"


class EmulatorServer:
    """An AgentsGT emulator on a loopback port, served from its own thread.

    `start()` returns once the socket is listening (typically well under 300 ms); `stop()` ends
    open streams (even a stall) and joins the thread. Usable as a context manager.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        protocol: WireProtocol | str = WireProtocol.UI,
        tokens_per_second: float = DEMO_TOKENS_PER_SECOND,
        public_key: str = DEFAULT_PUBLIC_KEY,
        secret_key: str = DEFAULT_SECRET_KEY,
        retry_after: int = 2,
        slow_start_seconds: float = 2.0,
        stall_seconds: float = 3600.0,
        credits: int = DEFAULT_CREDITS,
        subscription_active: bool = True,
        seed_history: bool = True,
        verbose: bool = False,
    ) -> None:
        self.config = EmulatorConfig(
            public_key=public_key,
            secret_key=secret_key,
            protocol=WireProtocol(protocol),
            tokens_per_second=tokens_per_second,
            retry_after=retry_after,
            slow_start_seconds=slow_start_seconds,
            stall_seconds=stall_seconds,
        )
        self.state = EmulatorState(
            credits=credits, subscription_active=subscription_active, seed_history=seed_history
        )
        self.credentials = EmulatorCredentials(public_key, secret_key)
        self._host = host
        self._requested_port = port
        self._verbose = verbose
        self._app = EmulatorApp(self.config, self.state)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._socket: socket.socket | None = None
        self._failure: BaseException | None = None

    def __repr__(self) -> str:
        where = self.base_url if self._socket else "not started"
        return f"EmulatorServer({where})"

    @property
    def port(self) -> int:
        """The port it listens on (known once started)."""
        if self._socket is None:
            raise RuntimeError("The emulator is not started")
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        """E.g. http://127.0.0.1:54321/api/v1."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self.port}{API_PREFIX}"

    def start(self) -> EmulatorServer:
        """Bind, start serving in a daemon thread, and return once it accepts connections."""
        if self._thread is not None:
            raise RuntimeError("The emulator is already started")
        install_log_filter()
        self._app.stopping = asyncio.Event()  # a fresh one, in case this server was stopped before
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, self._requested_port))
        sock.listen(128)
        sock.setblocking(False)
        self._socket = sock
        config = uvicorn.Config(
            self._app,
            # No log_config: uvicorn must not reconfigure the logging of the app it runs in.
            log_config=None,
            log_level="info" if self._verbose else "warning",
            access_log=self._verbose,
            lifespan="off",
            server_header=False,
            loop="asyncio",
            http="h11",
            ws="none",
            timeout_graceful_shutdown=2,
            # Fake keys and loopback only: no need for uvicorn's proxy header handling.
            proxy_headers=False,
        )
        self._server = uvicorn.Server(config)
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(ready,), name="agentsgt-emulator", daemon=True
        )
        self._thread.start()
        started = ready.wait(_START_TIMEOUT) and self._server.started
        if not started or self._failure is not None:
            self.stop()
            raise RuntimeError(f"The emulator did not start: {self._failure!r}")
        return self

    def _serve(self, ready: threading.Event) -> None:
        assert self._server is not None and self._socket is not None
        server = self._server

        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            watcher = asyncio.ensure_future(self._signal_when_started(server, ready))
            try:
                await server.serve(sockets=[self._socket] if self._socket else None)
            finally:
                watcher.cancel()

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported by start(); the thread must not die noisily
            self._failure = exc
        finally:
            ready.set()

    @staticmethod
    async def _signal_when_started(server: uvicorn.Server, ready: threading.Event) -> None:
        while not server.started:
            await asyncio.sleep(0.005)
        ready.set()

    def stop(self) -> None:
        """Stop serving: end open streams, close connections, join the thread. Idempotent."""
        server, thread, loop = self._server, self._thread, self._loop
        if server is not None:
            server.should_exit = True
        if loop is not None and not loop.is_closed():
            # The loop may close between the check and the call.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._app.begin_shutdown)
        if thread is not None:
            thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._thread = None
        self._server = None
        self._loop = None

    def __enter__(self) -> EmulatorServer:
        return self.start() if self._thread is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of `agentsgt-desktop emulator` to `parser`."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=8787, help="port (0 = pick a free one)")
    parser.add_argument(
        "--protocol",
        choices=[p.value for p in WireProtocol],
        default=WireProtocol.UI.value,
        help="default stream protocol (ui = AI SDK 5+ SSE, data = AI SDK 4, text = plain)",
    )
    parser.add_argument(
        "--tokens-per-second",
        type=float,
        default=DEMO_TOKENS_PER_SECOND,
        help="default reply speed (0 = as fast as possible)",
    )
    parser.add_argument("--public-key", default=DEFAULT_PUBLIC_KEY, help="accepted public key")
    parser.add_argument("--secret-key", default=DEFAULT_SECRET_KEY, help="accepted secret key")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (the emulator has fake keys and no TLS)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_from_args(args: argparse.Namespace, *, out: TextIO | None = None) -> int:
    """Serve until Ctrl+C with the options parsed by `add_arguments`; return an exit code."""
    out = out or sys.stdout
    err = sys.stderr
    if not _is_loopback(args.host) and not args.allow_remote:
        print(
            f"Refusing to listen on {args.host}: the emulator is for this computer only. "
            "Use --allow-remote if you really want that.",
            file=err,
        )
        return 2
    if args.tokens_per_second < 0:
        print("--tokens-per-second must be 0 or more.", file=err)
        return 2
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    server = EmulatorServer(
        host="127.0.0.1" if args.host == "localhost" else args.host,
        port=args.port,
        protocol=args.protocol,
        tokens_per_second=args.tokens_per_second,
        public_key=args.public_key,
        secret_key=args.secret_key,
        verbose=args.verbose,
    )
    try:
        server.start()
    except OSError as exc:
        print(f"Could not listen on {args.host}:{args.port}: {exc.strerror or exc}", file=err)
        return 1
    print(f"AgentsGT emulator listening at {server.base_url}", file=out)
    print(f"Public key: {server.credentials.public_key}", file=out)
    if args.secret_key == DEFAULT_SECRET_KEY:
        print(
            f"Secret key: {server.credentials.secret_key}  (a demo key, not a real secret)",
            file=out,
        )
    else:
        print("Secret key: the one given with --secret-key", file=out)
    print("Press Ctrl+C to stop.", file=out, flush=True)
    stop = threading.Event()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("Stopping the emulator.", file=out)
    finally:
        server.stop()
    return 0
