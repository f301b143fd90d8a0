"""Key pairs in the OS keyring, or in memory for a session (with keyring_backends, the only
modules that touch `keyring`; that one picks and vets the backend, this one reads and writes).

`keyring` is imported lazily inside functions: importing it (and detecting a backend over
D-Bus) costs a few hundred milliseconds, which must not delay the window's first paint.
Every method is synchronous; the GUI calls them through `asyncio.to_thread`.
"""

from __future__ import annotations

import json
import threading
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop_app.core.errors import AgentsGTError, InvalidInputError, redact
from desktop_app.core.keyring_backends import (
    SecretProblem,
    backend_display_name,
    detect_backend,
    native_backend,
    refusal,
    usable_backend,
)
from desktop_app.core.messages import translate
from desktop_app.core.models import Credentials

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "AgentsGT Desktop"

_DEFAULT_PORTS = {"https": 443, "http": 80}


class SecretStoreError(AgentsGTError):
    """A keyring operation failed. The message is plain and never holds the secret."""

    def __init__(self, message: str, *, problem: SecretProblem = SecretProblem.FAILED) -> None:
        super().__init__(message)
        self.problem = problem


class KeyLocation(StrEnum):
    """Where a key pair currently lives (for the profile list's key-status mark)."""

    KEYRING = "keyring"
    SESSION = "session"
    MISSING = "missing"


def key_ref(base_url: str, public_key: str) -> str:
    """The keyring entry name for a key pair: `<public key>@<host>[:port]`.

    Profiles on the same server with the same public key share one entry; the URL's scheme,
    path and letter case do not matter, and a default port is dropped.
    """
    public = public_key.strip()
    if not public:
        raise InvalidInputError(translate("Secrets", "The public key is empty."))
    if any(char.isspace() for char in public):
        raise InvalidInputError(translate("Secrets", "The public key must not contain spaces."))
    parts = urlsplit(base_url.strip())
    host = (parts.hostname or "").rstrip(".")
    if not parts.scheme or not host:
        raise InvalidInputError(
            translate(
                "Secrets",
                "The base URL must be a full URL like https://agentsgt.com/api/v1 (got {url!r}).",
            ).format(url=base_url)
        )
    try:
        port = parts.port
    except ValueError:
        raise InvalidInputError(
            translate("Secrets", "The base URL has a bad port number: {url!r}.").format(
                url=base_url
            )
        ) from None
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    return f"{public}@{host}"


class SecretStore:
    """Key pairs by `key_ref`: in the OS keyring, or in process memory for this session only.

    `backend=None` uses keyring's detected backend (resolved on first use, not at construction).
    """

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = SERVICE) -> None:
        self.service = service
        self._backend = backend
        self._setup_problem: str | None = None
        self._resolved = backend is not None
        self._session: dict[str, Credentials] = {}
        self._session_only = False
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        # No detection here: a repr (in a log line, say) must not import keyring or touch D-Bus.
        with self._lock:
            count = len(self._session)
            backend = self.backend_name if self._resolved else "not detected yet"
        return (
            f"SecretStore(backend={backend!r}, session_only={self._session_only}, "
            f"session_entries={count})"
        )

    # --- the backend -------------------------------------------------------------------

    def _resolve(self) -> KeyringBackend | None:
        with self._lock:
            if not self._resolved:
                self._backend, self._setup_problem = detect_backend()
                self._resolved = True
            return self._backend

    @property
    def backend(self) -> KeyringBackend | None:
        """The keyring backend in use (detected on first access), or None if setup failed."""
        return self._resolve()

    @property
    def backend_name(self) -> str:
        """A human name for where keys are saved, e.g. "macOS Keychain"."""
        backend = self._resolve()
        if backend is None:
            return "no keyring"
        return backend_display_name(usable_backend(backend))

    def available(self) -> bool:
        """True when keys can be saved in a safe OS keyring (session-only mode aside)."""
        return self.problem() is None

    def problem(self) -> str | None:
        """Why keys cannot be saved, in a sentence a person can act on; None when they can."""
        backend = self._resolve()
        if backend is None:
            return self._setup_problem or "No keyring could be set up."
        refused = refusal(backend)
        return refused[1] if refused else None

    def _require_backend(self) -> KeyringBackend:
        backend = self._resolve()
        if backend is None:
            raise SecretStoreError(self.problem() or "", problem=SecretProblem.NO_BACKEND)
        refused = refusal(backend)
        if refused:
            raise SecretStoreError(refused[1], problem=refused[0])
        return usable_backend(backend)

    # --- session-only mode -------------------------------------------------------------

    @property
    def session_only(self) -> bool:
        """True after `use_session_only()`: nothing is read from or written to the keyring."""
        return self._session_only

    def use_session_only(self) -> None:
        """Keep every key in process memory only, from now until the app quits."""
        with self._lock:
            self._session_only = True

    def clear_session(self) -> None:
        """Forget every key kept in memory."""
        with self._lock:
            self._session.clear()

    # --- entries -----------------------------------------------------------------------

    def get(self, ref: str) -> Credentials | None:
        """The key pair saved under `ref` (memory first, then the keyring), or None."""
        _check_ref(ref)
        with self._lock:
            if ref in self._session:
                return self._session[ref]
            if self._session_only:
                return None
        backend = self._require_backend()
        failure: SecretStoreError | None = None
        try:
            raw = backend.get_password(self.service, ref)
        except Exception as exc:
            failure = self._wrap(exc, translate("Secrets", "read"))
        if failure is not None:
            # Raised outside the except block: the backend's exception is not even chained
            # as __context__, so no crash report can dig it (or what it holds) back up.
            raise failure
        return None if raw is None else _decode(raw, ref)

    def set(self, ref: str, credentials: Credentials, *, session_only: bool = False) -> None:
        """Save a key pair under `ref`: in the keyring, or in memory when `session_only`
        (or the store is in session-only mode). Raises SecretStoreError if the keyring fails."""
        _check_ref(ref)
        if not credentials.public_key.strip() or not credentials.secret_key.strip():
            raise InvalidInputError(
                translate("Secrets", "Both the public key and the secret key are needed.")
            )
        with self._lock:
            if session_only or self._session_only:
                self._session[ref] = credentials
                return
        backend = self._require_backend()
        payload = json.dumps(
            {"public_key": credentials.public_key, "secret_key": credentials.secret_key}
        )
        failure: SecretStoreError | None = None
        try:
            backend.set_password(self.service, ref, payload)
        except Exception as exc:
            failure = self._wrap(exc, translate("Secrets", "save"), payload)
        if failure is not None:
            raise failure
        with self._lock:
            self._session.pop(ref, None)  # the keyring copy is now the one to use

    def delete(self, ref: str) -> None:
        """Remove the key pair under `ref` from memory and the keyring; missing is fine."""
        _check_ref(ref)
        with self._lock:
            self._session.pop(ref, None)
            if self._session_only:
                return
        if not self.available():
            return  # nothing of ours can be in a keyring we cannot use
        backend = self._require_backend()
        from keyring.errors import PasswordDeleteError

        failure: SecretStoreError | None = None
        try:
            backend.delete_password(self.service, ref)
        except PasswordDeleteError:
            return
        except Exception as exc:
            failure = self._wrap(exc, translate("Secrets", "delete"))
        if failure is not None:
            raise failure

    def location(self, ref: str) -> KeyLocation:
        """Where the key pair under `ref` lives now (reads the keyring: may raise)."""
        with self._lock:
            if ref in self._session:
                return KeyLocation.SESSION
            if self._session_only:
                return KeyLocation.MISSING
        if not self.available():
            return KeyLocation.MISSING
        return KeyLocation.KEYRING if self.get(ref) is not None else KeyLocation.MISSING

    def _wrap(self, exc: BaseException, verb: str, payload: str = "") -> SecretStoreError:
        """The error for a failed keyring call; `verb` is what was tried ("read", translated)."""
        where = self.backend_name
        kind = type(exc).__name__
        if kind in ("KeyringLocked", "LockedException", "PromptDismissedException"):
            return SecretStoreError(
                translate(
                    "Secrets",
                    "Could not {verb} the key: {where} is locked. Unlock it and try again, "
                    "or use the key for this session only.",
                ).format(verb=verb, where=where),
                problem=SecretProblem.LOCKED,
            )
        if kind == "NoKeyringError":
            return SecretStoreError(
                self.problem()
                or translate(
                    "Secrets", "Could not {verb} the key: no keyring is available."
                ).format(verb=verb),
                problem=SecretProblem.NO_BACKEND,
            )
        detail = str(exc)
        if payload:
            detail = detail.replace(payload, "[redacted]")
        detail = redact(detail)[:300] or translate("Secrets", "no details")
        return SecretStoreError(
            translate("Secrets", "Could not {verb} the key in {where} ({kind}: {detail}).").format(
                verb=verb, where=where, kind=kind, detail=detail
            )
        )


def _check_ref(ref: Any) -> None:
    if not isinstance(ref, str) or not ref.strip():
        raise InvalidInputError(
            translate("Secrets", "A key reference is needed (see secrets.key_ref).")
        )


def _decode(raw: str, ref: str) -> Credentials:
    public: Any = None
    secret: Any = None
    try:
        data = json.loads(raw)
        public, secret = data["public_key"], data["secret_key"]
    except (ValueError, TypeError, KeyError):
        pass  # reported below, without the raw text: it may be a bare secret
    if not isinstance(public, str) or not isinstance(secret, str) or not public or not secret:
        raise SecretStoreError(
            translate(
                "Secrets",
                "The saved entry for {ref} does not hold a key pair. Enter the keys again.",
            ).format(ref=ref),
            problem=SecretProblem.DAMAGED,
        )
    return Credentials(public_key=public, secret_key=secret)


# SecretProblem, backend_display_name, native_backend and refusal live in keyring_backends;
# they stay importable from here, where callers have always found them.
__all__ = [
    "SERVICE",
    "KeyLocation",
    "SecretProblem",
    "SecretStore",
    "SecretStoreError",
    "backend_display_name",
    "key_ref",
    "native_backend",
    "refusal",
]
