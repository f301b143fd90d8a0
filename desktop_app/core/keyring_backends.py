"""Which keyring backend may hold keys: detection, refusal of unsafe ones, human names.

Like core.secrets (the only other module that touches `keyring`), this imports `keyring` only
inside functions: importing it and detecting a backend over D-Bus is slow.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.core.errors import redact
from desktop_app.core.messages import translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# Human names for the backends a person may meet, keyed by "module.Class".
_BACKEND_NAMES = {
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring / KWallet)",
    "keyring.backends.libsecret.Keyring": "Secret Service (GNOME Keyring / KWallet)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.fail.Keyring": "no keyring",
    "keyring.backends.null.Keyring": "the null keyring (storage disabled)",
}


def _no_backend() -> str:
    """Why this OS has no keyring to hold keys (translated when it is said)."""
    if sys.platform == "darwin":
        return translate(
            "Keyring",
            "The macOS Keychain could not be reached, so keys cannot be saved. "
            "You can use the key for this session only.",
        )
    if sys.platform == "win32":
        return translate(
            "Keyring",
            "The Windows Credential Locker could not be reached, so keys cannot be saved. "
            "You can use the key for this session only.",
        )
    return translate(
        "Keyring",
        "No keyring service is running (Secret Service not found on D-Bus). Install and "
        "unlock gnome-keyring or KWallet, or use the key for this session only.",
    )


class SecretProblem(StrEnum):
    """Why a keyring operation failed, so the GUI can pick its offer (unlock, session only)."""

    NO_BACKEND = "no-backend"  # nothing usable: offer "this session only"
    REFUSED = "refused"  # only an unsafe backend (plain-text file, null): same offer
    LOCKED = "locked"  # the keyring is locked or the unlock prompt was dismissed
    DAMAGED = "damaged"  # the entry exists but does not hold a key pair
    FAILED = "failed"  # anything else the backend reported


def backend_display_name(backend: KeyringBackend) -> str:
    """A human name for a keyring backend ("macOS Keychain", ...), else the backend's own."""
    kind = type(backend)
    known = _BACKEND_NAMES.get(f"{kind.__module__}.{kind.__qualname__}")
    if known:
        return known
    name = getattr(kind, "name", None)
    return name if isinstance(name, str) and name else kind.__qualname__


def refusal(backend: KeyringBackend) -> tuple[SecretProblem, str] | None:
    """Why `backend` must not hold keys, or None when it is fine.

    Refused: keyring's fail backend (nothing found), the null backend (drops everything),
    a chainer with nothing usable inside, and plain-text/file backends (keyrings.alt and
    anything named Plaintext), because a key in a readable file is a leak waiting to happen.
    """
    from keyring.backends import chainer, fail, null

    kind = type(backend)
    module, name = kind.__module__, kind.__qualname__
    if isinstance(backend, fail.Keyring):
        return SecretProblem.NO_BACKEND, _no_backend()
    if isinstance(backend, null.Keyring):
        return SecretProblem.REFUSED, translate(
            "Keyring",
            "Saving keys is turned off: the keyring library is set to its null backend "
            "(see PYTHON_KEYRING_BACKEND or keyringrc.cfg). "
            "You can use the key for this session only.",
        )
    if isinstance(backend, chainer.ChainerBackend):
        inner = getattr(backend, "backends", [])
        if any(refusal(candidate) is None for candidate in inner):
            return None
        return SecretProblem.NO_BACKEND, _no_backend()
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return SecretProblem.REFUSED, translate(
            "Keyring",
            "The configured keyring ({name}) keeps keys in a file "
            "that is not protected, so AgentsGT Desktop will not use it. Set up the system "
            "keyring, or use the key for this session only.",
        ).format(name=backend_display_name(backend))
    return None


def usable_backend(backend: KeyringBackend) -> KeyringBackend:
    """The backend that will really hold keys: for a chainer, its best usable backend."""
    # A chainer writes to its first backend that accepts, which could be a refused one:
    # pick the best usable backend inside it instead, so every call goes somewhere safe.
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        for candidate in getattr(backend, "backends", []):
            if refusal(candidate) is None:
                return candidate
    return backend


def native_backend() -> KeyringBackend | None:
    """The best native backend found by importing this OS's backend modules directly.

    For frozen apps whose bundle lost keyring's entry-point metadata (then keyring's own
    discovery finds nothing and falls back to its fail backend).
    """
    import importlib

    from keyring.backend import KeyringBackend

    modules = {
        "darwin": ("keyring.backends.macOS",),
        "win32": ("keyring.backends.Windows",),
    }.get(sys.platform, ("keyring.backends.SecretService", "keyring.backends.kwallet"))
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # a missing optional dependency just rules that backend out
            continue
    best: KeyringBackend | None = None
    best_priority = 0.0
    for kind in KeyringBackend.get_viable_backends():
        if not kind.__module__.startswith(modules):
            continue
        try:
            priority = float(kind.priority)
            candidate = kind()
        except Exception:
            continue
        if priority > best_priority and refusal(candidate) is None:
            best, best_priority = candidate, priority
    return best


def detect_backend() -> tuple[KeyringBackend | None, str | None]:
    """keyring's configured backend (a native one when discovery found none), or None and
    the sentence that says why none could be set up."""
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyringrc.cfg or PYTHON_KEYRING_BACKEND
        return None, translate(
            "Keyring", "The keyring could not be set up ({kind}: {detail})."
        ).format(kind=type(exc).__name__, detail=redact(str(exc)))
    # An explicit choice (even "fail", to turn storage off) is respected as it is.
    configured = bool(os.environ.get("PYTHON_KEYRING_BACKEND"))
    if isinstance(backend, fail.Keyring) and not configured:
        native = native_backend()
        if native is not None:
            return native, None
    return backend, None
