"""Take the README screenshots of the real window: welcome, a streamed reply, an error, dark theme.

Run under a display (e.g. `Xvfb :99 -screen 0 1400x900x24 &` then `DISPLAY=:99`):

    python scripts/screenshots.py [--out resources/screenshots]

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


async def _wait(predicate, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.05)


async def _shoot(window, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    await asyncio.sleep(0.4)  # let layouts, fonts and the throttled repaint settle
    QApplication.processEvents()  # not a loop: one pass so the grab sees the last paint
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


async def _scenes(window, out: Path) -> None:
    from desktop_app.core.settings import Theme

    await _shoot(window, out, "welcome")
    window.start_demo()
    await _wait(lambda: not window.tasks.tasks and window.chat.profile is not None)
    window.composer.editor.setPlainText("Can you compare three options in a table, with code?")
    window.composer.send_button.click()
    await _wait(lambda: not window.chat.streaming)
    window.composer.editor.setPlainText("How do I export this conversation?")
    await _shoot(window, out, "conversation")
    window.composer.editor.clear()
    window.chat.send("And the balance? #fault:no-credits")
    await _wait(lambda: not window.chat.streaming)
    await _shoot(window, out, "error")
    window.banner.clear()
    window._on_settings_dialog_settings_accepted(window.services.settings.replace(theme=Theme.DARK))
    window.chat.open_conversation(window.sidebar.conversation_ids()[0])
    await _shoot(window, out, "dark")


def main(argv: list[str] | None = None) -> int:
    """Build the window in a temporary home and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="agentsgt-screenshots-")
    os.environ["AGENTSGT_DESKTOP_HOME"] = home

    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import build_services, shutdown
    from desktop_app.core.paths import app_paths
    from desktop_app.core.secrets import SecretStore
    from desktop_app.core.settings import Theme
    from desktop_app.gui.demo import DemoRuntime
    from desktop_app.gui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    app.setApplicationName("AgentsGT Desktop")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(app_paths().ensure())
    services.settings = services.settings.replace(theme=Theme.LIGHT)
    services.secrets = SecretStore()
    services.secrets.use_session_only()  # never touch the real keyring from a script
    services.demo = DemoRuntime(tokens_per_second=400)
    window = MainWindow(services)
    window.resize(1280, 800)
    window.show()

    async def run() -> None:
        window.start()
        try:
            await _scenes(window, args.out)
        finally:
            await shutdown(window, services)
            window.close()

    with loop:
        loop.run_until_complete(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
