"""Take the README screenshots of the window: welcome, a reply, an error, dark, narrow, Spanish.

Run under a display and a throw-away Secret Service (so the window has a keyring, as on a
desktop), once per language:

    Xvfb :99 -screen 0 1400x900x24 &  export DISPLAY=:99
    bash scripts/with-secret-service.sh python scripts/screenshots.py
    bash scripts/with-secret-service.sh python scripts/screenshots.py --language es

It uses a throwaway app home and the built-in demo agent, so nothing of yours is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTION = {
    "en": "Can you compare three options in a table, with code?",
    "es": "¿Puedes comparar tres opciones en una tabla, con código?",
}


async def _wait(predicate, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.05)


async def _shoot(window, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    await asyncio.sleep(0.6)  # let layouts, fonts and the throttled repaint settle
    QApplication.processEvents()  # not a loop: one pass so the grab sees the last paint
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


async def _converse(window, question: str) -> None:
    window.start_demo()
    await _wait(lambda: not window.tasks.tasks and window.chat.profile is not None)
    await _wait(lambda: not window.chat.streaming)  # the demo greets itself on a new history
    window.composer.editor.setPlainText(question)
    window.composer.send_button.click()
    await _wait(lambda: window.chat.streaming)
    await _wait(lambda: not window.chat.streaming)


async def _english(window, out: Path) -> None:
    from desktop_app.core.settings import Theme

    await _shoot(window, out, "welcome")
    await _converse(window, QUESTION["en"])
    await _shoot(window, out, "conversation")
    window.chat.send("And the balance? #fault:no-credits")
    await _wait(lambda: not window.chat.streaming)
    await _shoot(window, out, "error")
    window.banner.clear()
    conversation = window.chat.conversation_id
    window.use_settings(window.services.settings.replace(theme=Theme.DARK))
    window.chat.new_chat()
    window.chat.open_conversation(conversation)
    await _shoot(window, out, "dark")
    window.use_settings(window.services.settings.replace(theme=Theme.LIGHT))
    window.resize(700, 500)
    await _shoot(window, out, "narrow")


async def _spanish(window, out: Path) -> None:
    await _converse(window, QUESTION["es"])
    # The error banner too: its sentence is the core's, translated like the window's own text.
    window.chat.send("¿Y el saldo? #fault:no-credits")
    await _wait(lambda: not window.chat.streaming)
    await _shoot(window, out, "spanish")


def main(argv: list[str] | None = None) -> int:
    """Build the window in a temporary home and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--language", choices=("en", "es"), default="en")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="agentsgt-screenshots-")
    os.environ["AGENTSGT_DESKTOP_HOME"] = home

    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services, shutdown
    from desktop_app.core.paths import app_paths
    from desktop_app.core.secrets import SecretStore
    from desktop_app.core.settings import Language, Theme
    from desktop_app.gui.demo import DemoRuntime
    from desktop_app.gui.i18n import install_translators
    from desktop_app.gui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    app.setApplicationName("AgentsGT Desktop")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(app_paths().ensure())
    language = Language.SPANISH if args.language == "es" else Language.ENGLISH
    services.settings = services.settings.replace(theme=Theme.LIGHT, language=language)
    install_translators(app, services.settings)
    if not os.environ.get("AGENTSGT_PRIVATE_SECRET_SERVICE"):
        services.secrets = SecretStore()
        services.secrets.use_session_only()  # never touch the real keyring from a script
    services.demo = DemoRuntime(tokens_per_second=400)
    window = MainWindow(services)
    window.resize(1280, 800)
    window.show()

    async def run() -> None:
        window.start()
        try:
            await (_spanish if args.language == "es" else _english)(window, args.out)
        finally:
            await shutdown(window, services)
            window.close()

    with loop:
        loop.run_until_complete(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
