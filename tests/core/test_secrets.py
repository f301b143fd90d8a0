"""SecretStore over an in-memory keyring: entries, sharing, refusal, session-only, no leaks."""

# ruff: noqa: F811  (fixtures imported by name, until tests/conftest.py registers them)

from __future__ import annotations

import json
import logging
import sys

import keyring
import keyring.backend
import pytest
from keyring.backends import SecretService, chainer, fail, null
from keyring.compat import properties
from keyring.errors import KeyringLocked

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import Credentials
from desktop_app.core.secrets import (
    SERVICE,
    KeyLocation,
    SecretProblem,
    SecretStore,
    SecretStoreError,
    backend_display_name,
    key_ref,
)
from tests.fixtures.keyring import (  # noqa: F401
    MemoryKeyring,
    memory_keyring,
    no_os_keyring,
    secret_store,
)

PUBLIC = "pk_live_0123456789abcdef"
SECRET = "sk_live_THIS-IS-THE-SECRET-0123456789"
CREDS = Credentials(public_key=PUBLIC, secret_key=SECRET)
REF = key_ref("https://agentsgt.com/api/v1", PUBLIC)


class _TestBackend(keyring.backend.KeyringBackend):
    """Base for test-only backends: never picked by keyring's own detection."""

    viable = False

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, str, str]] = []

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        self.writes.append((service, username, password))

    def delete_password(self, service, username):
        pass


class PlaintextKeyring(_TestBackend):
    """Shaped like keyrings.alt.file.PlaintextKeyring: keys in a readable file."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class HomeMadePlaintextKeyring(_TestBackend):
    """Any backend that says it is plain text is refused, whatever package it comes from."""


class LeakyBackend(_TestBackend):
    """A backend whose errors quote what it was given: the secret must still not escape."""

    def get_password(self, service, username):
        raise RuntimeError(f"read failed for {username}")

    def set_password(self, service, username, password):
        raise RuntimeError(f"could not store {password!r} for {username}")


class LockedBackend(_TestBackend):
    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    set_password = get_password  # type: ignore[assignment]


class GoodChainer(chainer.ChainerBackend):
    """A chainer with a fixed list: a plaintext backend first, then a real one."""

    viable = False

    def __init__(self, backends: list[keyring.backend.KeyringBackend]) -> None:
        super().__init__()
        self._inner = backends

    @property
    def backends(self):  # type: ignore[override]
        return self._inner


# --- key_ref ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "base_url",
    [
        "https://agentsgt.com/api/v1",
        "https://AgentsGT.com/api/v1/",
        "https://agentsgt.com:443/api/v1",
        "https://agentsgt.com./other/path",
        "  http://agentsgt.com:80/api/v1  ",
    ],
)
def test_key_ref_is_shared_by_profiles_on_the_same_server(base_url: str) -> None:
    assert key_ref(base_url, f" {PUBLIC} ") == f"{PUBLIC}@agentsgt.com"


def test_key_ref_separates_servers_ports_and_keys() -> None:
    refs = {
        key_ref("https://agentsgt.com/api/v1", PUBLIC),
        key_ref("https://staging.agentsgt.com/api/v1", PUBLIC),
        key_ref("http://127.0.0.1:54321/api/v1", PUBLIC),
        key_ref("http://127.0.0.1:54322/api/v1", PUBLIC),
        key_ref("https://agentsgt.com/api/v1", "pk_other"),
    }
    assert len(refs) == 5
    assert key_ref("http://127.0.0.1:54321/api/v1", PUBLIC) == f"{PUBLIC}@127.0.0.1:54321"
    assert key_ref("http://[::1]:8000/api/v1", PUBLIC) == f"{PUBLIC}@[::1]:8000"


@pytest.mark.parametrize(
    ("base_url", "public_key", "message"),
    [
        ("https://agentsgt.com", "  ", "The public key is empty."),
        ("https://agentsgt.com", "pk one", "must not contain spaces"),
        ("agentsgt.com/api/v1", PUBLIC, "must be a full URL"),
        ("", PUBLIC, "must be a full URL"),
        ("https://agentsgt.com:99999", PUBLIC, "bad port number"),
    ],
)
def test_key_ref_refuses_bad_input(base_url: str, public_key: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        key_ref(base_url, public_key)


# --- a working keyring -----------------------------------------------------------------------


def test_round_trip_stores_both_keys_in_one_entry(
    secret_store: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    assert secret_store.available() and secret_store.problem() is None
    assert secret_store.backend_name == "In-memory test keyring"
    secret_store.set(REF, CREDS)
    assert list(memory_keyring.entries) == [(SERVICE, REF)]
    stored = json.loads(memory_keyring.entries[(SERVICE, REF)])
    assert stored == {"public_key": PUBLIC, "secret_key": SECRET}
    assert secret_store.get(REF) == CREDS
    assert secret_store.location(REF) is KeyLocation.KEYRING


def test_profiles_sharing_a_key_pair_share_the_entry(
    secret_store: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    first = key_ref("https://agentsgt.com/api/v1", PUBLIC)
    second = key_ref("https://agentsgt.com/api/v1/", PUBLIC)
    secret_store.set(first, CREDS)
    secret_store.set(second, CREDS)
    assert len(memory_keyring.entries) == 1
    assert secret_store.get(second) == CREDS


def test_missing_entry_and_idempotent_delete(secret_store: SecretStore) -> None:
    assert secret_store.get(REF) is None
    assert secret_store.location(REF) is KeyLocation.MISSING
    secret_store.delete(REF)  # nothing there: fine
    secret_store.set(REF, CREDS)
    secret_store.delete(REF)
    assert secret_store.get(REF) is None


def test_default_backend_is_keyrings_current_one(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.backend is memory_keyring
    store.set(REF, CREDS)
    assert SecretStore().get(REF) == CREDS


def test_memory_keyring_fixture_restores_the_previous_backend() -> None:
    before = keyring.core._keyring_backend
    generator = memory_keyring.__wrapped__()  # type: ignore[attr-defined]
    backend = next(generator)
    assert keyring.get_keyring() is backend
    generator.close()
    assert keyring.core._keyring_backend is before


def test_no_os_keyring_makes_the_default_store_unavailable(no_os_keyring: None) -> None:
    store = SecretStore()
    assert not store.available()
    assert store.backend_name == "no keyring"


def test_memory_keyring_wins_over_no_os_keyring(
    no_os_keyring: None, memory_keyring: MemoryKeyring
) -> None:
    assert SecretStore().backend is memory_keyring


@pytest.mark.parametrize("bad_ref", ["", "   "])
def test_a_blank_ref_is_refused(secret_store: SecretStore, bad_ref: str) -> None:
    with pytest.raises(InvalidInputError):
        secret_store.get(bad_ref)


def test_an_empty_secret_is_refused(secret_store: SecretStore) -> None:
    with pytest.raises(InvalidInputError, match="Both the public key and the secret key"):
        secret_store.set(REF, Credentials(public_key=PUBLIC, secret_key=" "))


@pytest.mark.parametrize("raw", ["not json", '["a"]', '{"public_key": "pk"}', SECRET])
def test_a_damaged_entry_is_reported_without_its_content(
    secret_store: SecretStore, memory_keyring: MemoryKeyring, raw: str
) -> None:
    memory_keyring.entries[(SERVICE, REF)] = raw
    with pytest.raises(SecretStoreError) as caught:
        secret_store.get(REF)
    assert caught.value.problem is SecretProblem.DAMAGED
    assert "Enter the keys again" in caught.value.message
    assert SECRET not in str(caught.value)


# --- no secret anywhere ----------------------------------------------------------------------


def test_repr_and_str_never_show_the_secret(
    secret_store: SecretStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_store.set(REF, CREDS)
    secret_store.set("other", CREDS, session_only=True)
    got = secret_store.get(REF)
    texts = [repr(secret_store), str(secret_store), repr(got), str(got), caplog.text]
    assert all(SECRET not in text for text in texts)


def test_repr_does_not_detect_the_backend(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert "not detected yet" in repr(store)
    assert store.available()
    assert "In-memory test keyring" in repr(store)


def test_backend_errors_never_carry_the_secret() -> None:
    store = SecretStore(LeakyBackend())
    with pytest.raises(SecretStoreError) as caught:
        store.set(REF, CREDS)
    error = caught.value
    assert error.problem is SecretProblem.FAILED
    assert error.message.startswith("Could not save the key in")
    for text in (str(error), repr(error), error.message):
        assert SECRET not in text
        assert '"secret_key"' not in text
    # Not even reachable through exception chaining (crash reports walk __context__).
    assert error.__cause__ is None and error.__context__ is None
    with pytest.raises(SecretStoreError, match="Could not read the key"):
        store.get(REF)


def test_a_locked_keyring_says_so() -> None:
    store = SecretStore(LockedBackend())
    with pytest.raises(SecretStoreError) as caught:
        store.get(REF)
    assert caught.value.problem is SecretProblem.LOCKED
    assert "is locked" in caught.value.message and "this session only" in caught.value.message


# --- unusable and refused backends ------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux wording")
def test_fail_backend_is_unavailable_with_a_plain_message() -> None:
    store = SecretStore(fail.Keyring())
    assert not store.available()
    assert store.problem() == (
        "No keyring service is running (Secret Service not found on D-Bus). Install and "
        "unlock gnome-keyring or KWallet, or use the key for this session only."
    )
    assert store.backend_name == "no keyring"
    with pytest.raises(SecretStoreError) as caught:
        store.set(REF, CREDS)
    assert caught.value.problem is SecretProblem.NO_BACKEND
    assert caught.value.message == store.problem()
    with pytest.raises(SecretStoreError):
        store.get(REF)
    store.delete(REF)  # nothing of ours can be there: no error
    assert store.location(REF) is KeyLocation.MISSING


@pytest.mark.parametrize(
    ("platform", "words"), [("darwin", "macOS Keychain"), ("win32", "Windows Credential Locker")]
)
def test_fail_backend_message_names_the_platform_keyring(monkeypatch, platform, words) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    problem = SecretStore(fail.Keyring()).problem()
    assert problem is not None and words in problem and "session only" in problem


@pytest.mark.parametrize("backend_class", [PlaintextKeyring, HomeMadePlaintextKeyring])
def test_plaintext_backends_are_refused(backend_class: type[_TestBackend]) -> None:
    backend = backend_class()
    store = SecretStore(backend)
    assert not store.available()
    problem = store.problem()
    assert problem is not None and "not protected" in problem and "session only" in problem
    with pytest.raises(SecretStoreError) as caught:
        store.set(REF, CREDS)
    assert caught.value.problem is SecretProblem.REFUSED
    assert backend.writes == [], "nothing may be written to a plain-text backend"


def test_null_backend_is_refused() -> None:
    store = SecretStore(null.Keyring())
    assert not store.available()
    assert "turned off" in (store.problem() or "")


def test_a_chainer_with_nothing_usable_is_unavailable() -> None:
    store = SecretStore(GoodChainer([PlaintextKeyring(), fail.Keyring()]))
    assert not store.available()


def test_a_chainer_writes_only_to_its_usable_backend() -> None:
    plaintext, memory = PlaintextKeyring(), MemoryKeyring()
    store = SecretStore(GoodChainer([plaintext, memory]))
    assert store.available()
    assert store.backend_name == "In-memory test keyring"
    store.set(REF, CREDS)
    assert plaintext.writes == [] and (SERVICE, REF) in memory.entries


def test_a_broken_keyring_setup_is_reported(monkeypatch) -> None:
    def broken() -> None:
        raise RuntimeError("bad keyringrc.cfg")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    store = SecretStore()
    assert not store.available()
    assert store.backend_name == "no keyring"
    assert "could not be set up" in (store.problem() or "")
    with pytest.raises(SecretStoreError):
        store.get(REF)


def test_known_backends_have_human_names() -> None:
    assert backend_display_name(SecretService.Keyring()) == (
        "Secret Service (GNOME Keyring / KWallet)"
    )
    assert backend_display_name(fail.Keyring()) == "no keyring"
    assert backend_display_name(MemoryKeyring()) == "In-memory test keyring"


# --- session only ----------------------------------------------------------------------------


def test_session_only_mode_never_touches_the_keyring(
    secret_store: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    secret_store.use_session_only()
    assert secret_store.session_only
    secret_store.set(REF, CREDS)
    assert memory_keyring.entries == {}
    assert secret_store.get(REF) == CREDS
    assert secret_store.location(REF) is KeyLocation.SESSION
    secret_store.delete(REF)
    assert secret_store.get(REF) is None
    assert secret_store.location(REF) is KeyLocation.MISSING


def test_session_only_works_when_no_keyring_does() -> None:
    store = SecretStore(fail.Keyring())
    store.use_session_only()
    store.set(REF, CREDS)
    assert store.get(REF) == CREDS
    store.clear_session()
    assert store.get(REF) is None


def test_one_key_for_this_session_only_beside_a_working_keyring(
    secret_store: SecretStore, memory_keyring: MemoryKeyring
) -> None:
    secret_store.set(REF, CREDS, session_only=True)
    assert memory_keyring.entries == {}
    assert secret_store.location(REF) is KeyLocation.SESSION
    # Saving it for good later moves it to the keyring and drops the memory copy.
    secret_store.set(REF, CREDS)
    assert (SERVICE, REF) in memory_keyring.entries
    assert secret_store.location(REF) is KeyLocation.KEYRING
    # A fresh store (a new app run) no longer knows session keys.
    other = "pk_demo@127.0.0.1:1"
    secret_store.set(other, Credentials("pk_demo", "sk_demo_secret"), session_only=True)
    assert SecretStore(memory_keyring).get(other) is None
