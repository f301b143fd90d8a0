"""Server-wide emulator settings: the accepted key pair and per-request defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.emulator.wire import WireProtocol

# Demo keys: shaped like real ones (pk_ + 32, sk_ + 60) but obviously fake.
DEFAULT_PUBLIC_KEY = "pk_demo_" + "0123456789abcdef" + "emulator"
DEFAULT_SECRET_KEY = "sk_demo_" + "not-a-real-secret-" + "0123456789abcdef" * 2 + "demo1234"
DEMO_TOKENS_PER_SECOND = 60.0


@dataclass(frozen=True, slots=True)
class EmulatorConfig:
    """What the emulator accepts and how it answers when a request does not say otherwise."""

    public_key: str = DEFAULT_PUBLIC_KEY
    secret_key: str = field(default=DEFAULT_SECRET_KEY, repr=False)
    protocol: WireProtocol = WireProtocol.UI
    tokens_per_second: float = DEMO_TOKENS_PER_SECOND  # 0 = flat out
    retry_after: int = 2  # seconds in Retry-After for the rate-limit fault
    slow_start_seconds: float = 2.0  # delay before the response starts, slow-start fault
    stall_seconds: float = 3600.0  # how long the stall fault stays silent
    flush_bytes: int = 16384  # flat out, bytes are written in chunks of about this size

    def authorization(self) -> str:
        """The Authorization value the emulator accepts."""
        return f"Bearer {self.public_key}:{self.secret_key}"
