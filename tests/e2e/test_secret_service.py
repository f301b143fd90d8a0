"""A key pair round-trips through a real gnome-keyring Secret Service, and no file holds it.

Outside `scripts/with-secret-service.sh`, the test re-runs itself inside it (a private D-Bus
session with a throw-away, unlocked gnome-keyring), so a plain `pytest` run exercises the real
backend without ever touching the user's own keyring. Inside it (the script sets
AGENTSGT_PRIVATE_SECRET_SERVICE=1) it runs the checks directly. It is skipped only where
gnome-keyring-daemon / dbus-run-session / dbus-send are missing (macOS, Windows).
"""

# ruff: noqa: F811  (fixtures imported by name, until tests/conftest.py registers them)

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from desktop_app.core.identity import installation_identifier
from desktop_app.core.models import Credentials
from desktop_app.core.paths import AppPaths
from desktop_app.core.secrets import SERVICE, SecretStore, key_ref, native_backend
from desktop_app.core.settings import Settings, SettingsStore, UiState, UiStateStore
from tests.fixtures.dirs import app_home  # noqa: F401

pytestmark = [pytest.mark.secret_service, pytest.mark.timeout(120)]

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "with-secret-service.sh"
INSIDE = os.environ.get("AGENTSGT_PRIVATE_SECRET_SERVICE") == "1"
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "dbus-send")
MISSING_TOOLS = [tool for tool in TOOLS if shutil.which(tool) is None]

PUBLIC = "pk_e2e_0123456789abcdef"
SECRET = "sk_e2e_SECRET-never-on-disk-9f8e7d6c5b4a"
BASE_URL = "https://agentsgt.com/api/v1"


def test_secret_service_round_trip(tmp_path: Path, app_home: AppPaths) -> None:
    if INSIDE:  # on the script's private keyring: check the real thing here
        check_round_trip_through_gnome_keyring()
        check_no_file_the_app_writes_holds_the_secret(app_home)
        check_native_backend_is_found_without_entry_points()
        return
    if MISSING_TOOLS:
        pytest.skip(
            f"needs {', '.join(MISSING_TOOLS)} (Linux with gnome-keyring and dbus installed)"
        )
    # Re-run this very test inside the script: a private bus and a throw-away keyring.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env["TMPDIR"] = str(tmp_path)  # the script's keyring state dir lands here
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    test_id = f"{Path(__file__).relative_to(REPO_ROOT)}::test_secret_service_round_trip"
    command = [str(SCRIPT), sys.executable, "-m", "pytest", test_id, "-q", "--timeout=60"]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # one process group: a timeout can stop every piece of it
    )
    try:
        output, _ = process.communicate(timeout=100)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        output, _ = process.communicate()
        pytest.fail(f"the Secret Service run hung:\n{output}")
    assert process.returncode == 0, output
    assert re.search(r"\b1 passed\b", output), output
    assert "skipped" not in output, output
    # The script stopped its gnome-keyring-daemon and removed its keyring files.
    leftovers = [
        proc.info["pid"]
        for proc in psutil.process_iter(["pid", "cmdline"])
        if str(tmp_path) in " ".join(proc.info["cmdline"] or [])
    ]
    assert leftovers == [], "a daemon outlived the run"
    assert list(tmp_path.glob("agentsgt-keyring.*")) == [], "the keyring state dir was left"


def _kill_tree(process: subprocess.Popen[str]) -> None:
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if hasattr(os, "killpg"):  # the script runs only on Linux; the test skips elsewhere
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


def check_round_trip_through_gnome_keyring() -> None:
    store = SecretStore()  # keyring's own detection, as the app does it
    assert store.available(), store.problem()
    assert store.backend_name == "Secret Service (GNOME Keyring / KWallet)"
    ref = key_ref(BASE_URL, PUBLIC)
    credentials = Credentials(public_key=PUBLIC, secret_key=SECRET)
    store.set(ref, credentials)
    # A separate store (a new D-Bus connection) reads it back from the daemon.
    assert SecretStore().get(ref) == credentials
    # It is really in the Secret Service, under our service name and the shared ref.
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        items = list(collection.search_items({"service": SERVICE, "username": ref}))
        assert len(items) == 1
        assert SECRET.encode() in items[0].get_secret()
    finally:
        connection.close()
    # A second profile with the same key pair on the same server shares the entry.
    store.set(key_ref(BASE_URL + "/", PUBLIC), credentials)
    store.delete(ref)
    assert store.get(ref) is None
    assert SecretStore().get(key_ref(BASE_URL + "/", PUBLIC)) is None


def check_no_file_the_app_writes_holds_the_secret(app_home: AppPaths) -> None:
    store = SecretStore()
    ref = key_ref(BASE_URL, PUBLIC)
    store.set(ref, Credentials(public_key=PUBLIC, secret_key=SECRET))
    try:
        SettingsStore(app_home.settings_path).save(Settings(last_profile_id="profile-1"))
        UiStateStore(app_home.ui_state_path).save(UiState().with_draft("c1", "hello"))
        installation_identifier(app_home)
        assert store.get(ref) is not None
        written = [
            path for path in Path(os.environ["AGENTSGT_DESKTOP_HOME"]).rglob("*") if path.is_file()
        ]
        assert len(written) >= 3
        for path in written:
            data = path.read_bytes()
            assert SECRET.encode() not in data, path
            assert SECRET.encode("utf-16-le") not in data, path
    finally:
        store.delete(ref)


def check_native_backend_is_found_without_entry_points() -> None:
    """What a frozen app whose bundle lost keyring's metadata falls back to."""
    backend = native_backend()
    assert backend is not None
    assert SecretStore(backend).backend_name == "Secret Service (GNOME Keyring / KWallet)"
