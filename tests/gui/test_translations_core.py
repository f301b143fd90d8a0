"""The Spanish window speaks Spanish also where the sentence is the core's (errors, validation)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from desktop_app.core.error_text import seconds_text
from desktop_app.core.models import Credentials, MessageStatus
from desktop_app.core.paths import home_paths
from desktop_app.core.profiles import new_profile
from desktop_app.core.secrets import key_ref
from desktop_app.core.settings import Language, Settings, SettingsStore
from desktop_app.emulator.agents import DEMO_AGENTS
from desktop_app.gui.i18n import install_translators
from tests.fixtures.languages import back_to_english
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[Language], str]]:
    """Set the app up in a language, as at start-up; English again afterwards (the hook too)."""
    locale = QLocale()
    yield lambda setting: install_translators(qapp, Settings(language=setting))
    back_to_english(qapp, locale)


@pytest.fixture
def spanish(language) -> None:
    assert language(Language.SPANISH) == "es"


@pytest.mark.parametrize(
    ("setting", "one", "twelve", "minutes"),
    [
        (Language.ENGLISH, "1 second", "12 seconds", "3 minutes"),
        (Language.SPANISH, "1 segundo", "12 segundos", "3 minutos"),
    ],
)
def test_durations_take_the_windows_plural_forms(language, setting, one, twelve, minutes) -> None:
    """Qt's catalogues resolve "%n second(s)" once installed (the English one: plurals only)."""
    language(setting)
    assert (seconds_text(1), seconds_text(12), seconds_text(180)) == (one, twelve, minutes)


def test_a_rejected_key_is_explained_in_spanish(spanish, make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Hola #fault:unauthorized")
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.ERROR
    banner = window.banner
    assert banner.isVisible()
    assert banner.label.text().startswith(
        "Se rechazó la clave (HTTP 401): revisa la clave pública y la secreta"
    )
    assert banner.action_button.text() == "Editar claves"


def test_a_refused_connection_is_explained_in_spanish(spanish, make_window, qloop) -> None:
    window = make_window()
    window.services.client_overrides = {"max_retries": 0}
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))  # bound but never listening: connecting is refused
        base_url = f"http://127.0.0.1:{closed.getsockname()[1]}/api/v1"
        ref = key_ref(base_url, "pk_test")
        window.services.secrets.set(ref, Credentials("pk_test", "sk_test_secret"))
        profile = new_profile("Cerrado", DEMO_AGENTS[0].agent_id, base_url=base_url, key_ref=ref)
        window.services.database.save_profile(profile)
        window.reload_profiles(select_id=profile.id)
        send(window, "Hola")
        wait_reply(qloop, window)
    text = window.banner.label.text()
    assert text.startswith("No se pudo conectar con 127.0.0.1:"), text
    assert text.endswith("Revisa la URL base de la API y tu conexión de red.")


def test_the_agents_own_words_stay_as_they_came(spanish, make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Hola #fault:error-part")
    wait_reply(qloop, window)
    text = window.banner.label.text()
    assert text.startswith("El agente informó de un error: ")
    assert (last_reply(window).error_text or "") == text


def test_a_refused_profile_is_explained_in_spanish(
    spanish, make_window, qloop, emulator, memory_keyring
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    dialog.display_name.setText("Soporte")
    dialog.base_url.setText(emulator.base_url)
    dialog.public_key.setText(emulator.credentials.public_key)
    dialog.secret_key.setText(emulator.credentials.secret_key)
    dialog.agent.setEditText("no-es-un-uuid")
    dialog.save_button.click()
    run_until(qloop, lambda: not dialog.controller.busy, message="the profile check")
    assert dialog.status.text().startswith(
        "El ID del agente 'no-es-un-uuid' no es un UUID. Cópialo de la página del agente"
    )
    assert window.services.database.list_profiles() == []


def test_the_rate_limit_countdown_is_spanish(spanish, make_window, qloop, emulator_factory) -> None:
    server = emulator_factory(retry_after=20)
    window = make_window()
    add_emulator_profile(window, server)
    server.state.queue_faults(["rate-limit"] * 10)
    send(window, "Hola")
    run_until(qloop, lambda: window.banner.counting_down, message="the wait")
    assert window.banner.label.text() == (
        "Demasiadas peticiones: se reintentará dentro de 20 segundos (intento 2 de 4). "
        "Pulsa Esc para cancelar."
    )
    window.actions_.stop.trigger()
    wait_reply(qloop, window, timeout=3)
    assert last_reply(window).status is MessageStatus.STOPPED


# Runs app.main() as the user would; the hook reports the start-up dialog about the history.
_DRIVER = textwrap.dedent(
    """
    import sys
    from desktop_app import app

    async def report(window):
        print("DIALOG", window.storage_dialog.text())
        return 0

    app.self_test_hook = report
    sys.exit(app.main(["--self-test", "--home", sys.argv[1], "-platform", "offscreen"]))
    """
)


def test_a_damaged_history_is_explained_in_spanish_at_start(tmp_path: Path) -> None:
    """The history is checked and opened before the window: its sentence is Spanish too."""
    paths = home_paths(tmp_path)
    paths.ensure()
    SettingsStore(paths.settings_path).save(Settings(language=Language.SPANISH))
    paths.database_path.write_bytes(b"not a history " * 100)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith("DIALOG ")]
    assert shown == [
        f"DIALOG La base de datos del historial ({paths.database_path}) está dañada o no es un "
        "archivo de historial de AgentsGT Desktop. Muévela a otro sitio (o restaura una copia "
        ".bak que esté a su lado) y vuelve a iniciar la aplicación."
    ]
