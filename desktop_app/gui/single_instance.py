"""One window per data folder: a second launch hands its arguments to the running one and quits."""

from __future__ import annotations

import json
import logging
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: How long a second launch tries to reach the first (it answers from its event loop).
CONNECT_MS = 1000
WRITE_MS = 1000
#: A message is a JSON list of argument strings; anything longer is not ours.
MAX_MESSAGE = 64 * 1024


def server_name(data_dir: Path) -> str:
    """The local server's name for a data folder: two folders (tests!) never share one.

    The user id is part of it too: a local socket name is visible to every user on Windows.
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\0{data_dir.resolve()}".encode()
    # Two 32-bit checksums: unique enough for folders, and no OpenSSL (hashlib) at start.
    digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    return f"agentsgt-desktop-{digest}"


def hand_over(name: str, arguments: list[str]) -> bool:
    """Send `arguments` to the instance listening under `name`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps(arguments).encode("utf-8"))
    socket.flush()
    sent = socket.waitForBytesWritten(WRITE_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(WRITE_MS)
    return sent


class SingleInstance(QObject):
    """The running instance's listener: emits `activated(arguments)` for each second launch."""

    activated = Signal(list)  # the second launch's command-line arguments

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening. A socket left by a crashed instance (nobody answered) is replaced."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("cannot listen for a second launch: %s", self.server.errorString())
        return False

    def close(self) -> None:
        """Stop listening (at quit)."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            received = bytearray()

            def read(socket: QLocalSocket = socket, received: bytearray = received) -> None:
                received.extend(bytes(socket.readAll().data()))
                if len(received) > MAX_MESSAGE:
                    socket.abort()

            def done(socket: QLocalSocket = socket, received: bytearray = received) -> None:
                read()
                socket.deleteLater()
                self._deliver(bytes(received))

            socket.readyRead.connect(read)
            socket.disconnected.connect(done)

    def _deliver(self, message: bytes) -> None:
        try:
            arguments = json.loads(message.decode("utf-8")) if message else []
        except (UnicodeDecodeError, ValueError):
            arguments = None
        if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
            log.warning("ignored a malformed message from a second launch")
            arguments = []
        log.info("a second launch handed over %d argument(s): raising the window", len(arguments))
        self.activated.emit(arguments)


def raise_window(window: QWidget) -> None:
    """Bring the window to the front (restored if minimised) for a second launch."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
