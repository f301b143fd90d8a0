"""Composition root: QApplication + qasync loop, logging, excepthook, core services, the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import desktop_app
from desktop_app import APP_ID, APP_NAME
from desktop_app.core.errors import AgentsGTError, redact
from desktop_app.core.paths import HOME_ENV, AppFolderError, AppPaths, app_paths, resource_path
from desktop_app.core.temp_files import remove_stale_temp_files
from desktop_app.gui.first_paint import (
    DeferredCrashHandler,
    report_startup,
    skip_pyside_source_scan,
    wait_for_first_paint,
)

if TYPE_CHECKING:
    from desktop_app.core.storage import StorageError
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.single_instance import SingleInstance

log = logging.getLogger("desktop_app")

#: `--self-test` calls this with the started window once it has painted; it returns the exit
#: code. desktop_app.self_test sets it (and calls main() again) when `--self-test` is given.
SelfTest = Callable[["MainWindow"], Awaitable[int]]
self_test_hook: SelfTest | None = None


class _RedactingFormatter(logging.Formatter):
    """Log lines never carry a key, whatever was passed in."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


@dataclass(frozen=True, slots=True)
class WindowOptions:
    """The window's own command-line options."""

    demo: bool = False
    self_test: bool = False
    home: str | None = None
    #: For the start-up benchmark: print the time of the first paint, then quit.
    measure_startup: bool = False


_FLAGS = {"--demo": "demo", "--self-test": "self_test", "--measure-startup": "measure_startup"}


def parse_args(argv: Sequence[str]) -> tuple[WindowOptions, list[str]]:
    """The window's own options; anything else is left for Qt (e.g. -platform offscreen).

    The usual arguments are read here directly: building an argparse parser costs ~4 ms
    (gettext looks for translations), spent before the first paint. Anything else (--help,
    an abbreviation, a mistake) goes to argparse.
    """
    flags: dict[str, bool] = {}
    home: str | None = None
    rest: list[str] = []
    items = iter(argv)
    for item in items:
        if item in _FLAGS:
            flags[_FLAGS[item]] = True
        elif item == "--home":
            value = next(items, None)
            if value is None or value.startswith("-"):
                return parse_args_fully(argv)
            home = value
        elif item.startswith("--home="):
            home = item.split("=", 1)[1]
        elif item.startswith(("--", "-h")):
            return parse_args_fully(argv)
        else:
            rest.append(item)
    return WindowOptions(home=home, **flags), rest


def parse_args_fully(argv: Sequence[str]) -> tuple[WindowOptions, list[str]]:
    """`parse_args` through argparse (help, abbreviations, error messages)."""
    import argparse

    parser = argparse.ArgumentParser(prog="agentsgt-desktop", description=f"{APP_NAME} window")
    parser.add_argument("--demo", action="store_true", help="open on the built-in demo agent")
    parser.add_argument("--self-test", action="store_true", help="start, check, quit")
    parser.add_argument("--home", metavar="DIR", help="keep all data and settings under DIR")
    parser.add_argument("--measure-startup", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(list(argv))
    options = WindowOptions(args.demo, args.self_test, args.home, args.measure_startup)
    return options, rest


class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file is open (see setup_logging)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def setup_logging(paths: AppPaths) -> Callable[[], None]:
    """Log to a rotating file in the log dir (keys redacted); return the function opening it.

    Until that function is called, records are kept in memory: the rotating handler's module
    (logging.handlers: pickle, socket, ~10 ms) loads after the window's first paint. Calling
    it opens the file and writes those records first; calling it again does nothing.
    """
    root = logging.getLogger()
    early = _EarlyRecords()
    root.addHandler(early)
    root.setLevel(logging.INFO)

    def open_log_file() -> None:
        if early not in root.handlers:
            return
        from logging.handlers import RotatingFileHandler

        handler: logging.Handler
        try:
            handler = RotatingFileHandler(
                paths.log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.StreamHandler()
        handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.removeHandler(early)
        for record in early.records:
            handler.handle(record)
        early.records.clear()

    return open_log_file


def read_settings(paths: AppPaths):  # -> Settings
    """settings.json as saved (defaults when it cannot be used: the log says why)."""
    from desktop_app.core.settings import SettingsStore

    store = SettingsStore(paths.settings_path)
    settings = store.load()
    if store.load_problem:
        log.warning("%s", store.load_problem)
    return settings


def build_services(
    paths: AppPaths,
    database_path: Path | None = None,
    settings=None,  # Settings | None: read here when not given
):  # -> Services
    """Open settings, UI state, history and the streaming writer. No keyring access here.

    `database_path` replaces the history file (a temporary one when the user's cannot be
    written: see `temporary_history`).
    """
    from desktop_app.core.identity import installation_identifier
    from desktop_app.core.secrets import SecretStore
    from desktop_app.core.settings import SettingsStore, UiStateStore
    from desktop_app.core.storage import Database, StreamingWriter
    from desktop_app.gui.services import Services, StorageFaultRelay

    settings_store = SettingsStore(paths.settings_path)
    ui_state_store = UiStateStore(paths.ui_state_path)
    if settings is None:
        settings = read_settings(paths)
    history = database_path or paths.database_path
    database = Database.open(history)
    # The writer reports failures on its own thread; the window listens through the relay.
    faults = StorageFaultRelay()
    return Services(
        paths=paths,
        settings_store=settings_store,
        ui_state_store=ui_state_store,
        database=database,
        writer=StreamingWriter(history, on_error=faults),
        secrets=SecretStore(),  # keyring is imported on first use, after the first paint
        identifier=installation_identifier(paths),
        settings=settings,
        ui_state=ui_state_store.load(),
        instances=_instance_registry(history.parent),
        storage_faults=faults,
    )


def _instance_registry(folder: Path):  # -> InstanceRegistry | None
    # Beside the history in use (a temporary one has no other instance); in a folder that
    # cannot be written the window goes on without knowing about other instances.
    from desktop_app.core.instances import InstanceRegistry

    try:
        return InstanceRegistry(folder)
    except OSError as error:
        log.warning("cannot tell whether other windows are open: %s", error)
        return None


def temporary_history(paths: AppPaths, problem: StorageError, settings=None):  # -> (Services, Path)
    """Services over a new history file in a temporary folder (deleted at exit by the caller).

    For a session whose own history cannot be used (damaged, read-only, locked, disk full,
    from a newer version): the user's file is never touched; `storage_problem` makes the
    window say so.
    """
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="agentsgt-history-"))
    services = build_services(paths, folder / "history.sqlite3", settings)
    services.storage_problem = problem
    return services, folder


# How long the start waits for the history's integrity check (it runs while Qt loads).
_CHECK_DEADLINE = 5.0


def open_services(paths: AppPaths, check: HistoryCheck | None = None, settings=None):
    """build_services, or a temporary history when the user's cannot be used.

    Returns (services, temporary folder or None). `check` is the integrity check started
    early; a damaged file is never opened for writing. What the window reads first is read
    here too, so damage there cannot stop the window either. `settings`: as read_settings
    gave them (read here when not given).
    """
    from desktop_app.core.storage import StorageError

    # A huge file may take longer: the start does not wait for the end of its check.
    problem = check.damage(timeout=_CHECK_DEADLINE) if check is not None else None
    if problem is None:
        services = None
        try:
            services = build_services(paths, settings=settings)
            services.database.list_profiles()
            return services, None
        except StorageError as error:
            if services is not None:
                discard_services(services)
            problem = error
    log.warning("history cannot be used: %s", problem)
    return temporary_history(paths, problem, settings)


def discard_services(services) -> None:
    """Close what build_services opened, before any event loop runs."""
    services.writer.close()
    services.database.close()
    if services.instances is not None:
        services.instances.close()


class HistoryCheck:
    """The history file's integrity check, run on a worker thread while Qt loads.

    (Not a concurrent.futures.Future: that module may not load before the first paint.)
    """

    def __init__(self, paths: AppPaths) -> None:
        # Imported here, on the starting thread (which needs the module next anyway): imported
        # on the worker it competed with Qt's and the window's imports for the GIL, ~10 ms
        # later first paint. The check itself is SQLite reading the file, the GIL released.
        from desktop_app.core.storage.database import find_damage

        self._find_damage = find_damage
        self._path = paths.database_path
        self._done = threading.Event()
        self._damaged = False
        threading.Thread(target=self._run, name="history-check", daemon=True).start()

    def _run(self) -> None:
        try:
            self._damaged = self._find_damage(self._path) is not None
        finally:
            self._done.set()

    def damage(self, timeout: float) -> StorageError | None:
        """The damage found, or None (also when the check is not done within `timeout`)."""
        from desktop_app.core.storage.errors import damaged

        self._done.wait(timeout)
        # Its sentence is made now, not on the worker thread that ran before the window's
        # language was set: a damaged file is all the check ever reports.
        return damaged(self._path) if self._damaged else None


def app_icon():  # -> QIcon
    """The window icon at every size shipped in resources/icons (Qt picks the best per use)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_path("icons")
    prefix, suffix = "agentsgt-desktop-", ".png"
    for name in sorted(os.listdir(folder)):
        size = name[len(prefix) : -len(suffix)]
        if name.startswith(prefix) and name.endswith(suffix) and size.isdigit():
            # With its size given, Qt reads a file only when that size is drawn.
            icon.addFile(str(folder / name), QSize(int(size), int(size)))
    return icon


def release_clipboard() -> None:
    """Hand what we copied to the clipboard over as data Qt owns entirely.

    A QMimeData made in Python (the transcript copies text/html + text/plain that way) is
    destroyed by Qt's own exit code after Python has shut down, which crashes the process.
    Re-setting the text makes Qt free that object now; the plain text stays on the clipboard.
    """
    import shiboken6
    from PySide6.QtGui import QClipboard, QGuiApplication

    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        data = clipboard.mimeData(mode)
        if data is not None and shiboken6.createdByPython(data):
            clipboard.setText(data.text(), mode)


async def shutdown(window, services) -> None:
    """Stop the reply, wait for tasks, close the HTTP client, flush history, stop the demo."""
    import asyncio

    release_clipboard()
    window.stop_watching()
    window.chat.stop()
    await window.chat.wait_idle()
    window.tasks.cancel_all()
    await window.tasks.wait()
    await services.aclose()
    await asyncio.to_thread(services.writer.close)
    services.database.close()
    if services.instances is not None:
        services.instances.close()
    await asyncio.to_thread(services.demo.stop)


def listen_for_second_launches(window: MainWindow, data_dir: Path) -> SingleInstance:
    """Listen (after the first paint) for a later launch on `data_dir`: it raises `window`."""
    from desktop_app.gui.single_instance import SingleInstance, server_name

    instance = SingleInstance(server_name(data_dir), window)
    instance.listen()
    instance.activated.connect(lambda arguments: on_second_launch(window, arguments))
    return instance


def on_second_launch(window, arguments: Sequence[str]) -> None:
    """Another launch on this data folder handed its arguments over: raise the window and act
    on them (only the plain flags: argparse would print or exit in this process)."""
    from desktop_app.gui.single_instance import raise_window

    raise_window(window)
    if "--demo" in arguments:
        window.start_demo()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop window; return the process exit code."""
    # No automatic collection while starting: the imports and the window make ~100
    # collections (20-30 ms) of objects that all live on. MainThreadCollector (below) then
    # collects on the GUI thread whenever the thresholds say so; gc.freeze() after the first
    # paint keeps those start-up objects out of every later collection (shorter pauses).
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test and self_test_hook is None:
        # The full self-test (a throw-away home, the demo reply, keyring, resources) calls
        # main() again with its own hook set: source and frozen runs take the same path.
        from desktop_app.self_test import run as run_self_test

        return run_self_test(sys.argv[1:] if argv is None else list(argv))
    if args.home:
        os.environ[HOME_ENV] = str(Path(args.home).expanduser().resolve())
    paths = app_paths()
    try:
        paths.ensure()
        folder_problem = None
    except AppFolderError as error:  # the history's sentence says it again, in the window
        folder_problem = error
    open_log_file = setup_logging(paths)
    # The version (importlib.metadata, ~12 ms) is read after the first paint: see below.
    log.info("%s starting", APP_NAME)
    if folder_problem is not None:
        log.warning("%s", folder_problem)
    try:
        raw = list(sys.argv[1:] if argv is None else argv)
        return _run_window(args, qt_args, paths, open_log_file, raw)
    finally:
        open_log_file()  # if the window never painted: what was logged still gets written


def _run_window(
    args: WindowOptions,
    qt_args: list[str],
    paths: AppPaths,
    open_log_file: Callable[[], None],
    arguments: list[str],
) -> int:
    # Reading the whole history for damage overlaps with loading Qt (sqlite3 frees the GIL).
    check = HistoryCheck(paths)
    # What a killed export left behind goes (only our own, old temp files; usually none).
    remove_stale_temp_files(paths)

    from PySide6.QtCore import QTimer

    # Before the window's modules are imported: PySide would read each one's source.
    skip_pyside_source_scan()

    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.i18n import install_translators
    from desktop_app.gui.main_thread_gc import MainThreadCollector
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.theme import FUSION_ARGUMENTS, started_in_fusion

    app = QApplication([sys.argv[0] if sys.argv else APP_ID, *qt_args, *FUSION_ARGUMENTS])
    started_in_fusion(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("AgentsGT")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    from desktop_app.core.instances import any_running

    # A window already open on this data folder is raised instead of opening a second one.
    # Qt's network module (~30 ms) loads before the first paint only when one may be open.
    if any_running(paths.data_dir):
        from desktop_app.gui.single_instance import hand_over, server_name

        if hand_over(server_name(paths.data_dir), arguments):
            log.info("%s is already open on this data folder: raised it", APP_NAME)
            return 0
    collector = MainThreadCollector(app)
    window: MainWindow | None = None
    crash = DeferredCrashHandler(lambda: window)
    crash.install()

    settings = read_settings(paths)
    # Before any widget is built (a text is translated when it is set) and before the history
    # is opened: its problems are sentences of the core, said in the window's language too.
    log.info("language: %s", install_translators(app, settings))
    try:
        # A damaged, read-only, locked, full or newer history is replaced by a temporary one
        # for this session (the user's file is never touched); the window says so.
        services, temporary = open_services(paths, check, settings)
    except AgentsGTError as error:  # not even a temporary history can be made
        from PySide6.QtWidgets import QMessageBox

        from desktop_app.core.error_text import describe_error

        QMessageBox.critical(None, APP_NAME, describe_error(error).sentence)
        return 1
    # No asyncio loop yet: the window's background work waits for it (tasks.loop_started()).
    window = MainWindow(services, loop_ready=False)
    # Closing is handled by run(), also when the window closes before run() first runs (or
    # before the first paint).
    app.setQuitOnLastWindowClosed(False)
    window.show()
    painted_at = wait_for_first_paint(window)
    instance = listen_for_second_launches(window, paths.data_dir)
    open_log_file()
    crash.load()
    if args.measure_startup:
        report_startup(window, painted_at)

    import asyncio

    from desktop_app.gui.event_loop import AppEventLoop

    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    window.tasks.loop_started()
    exit_code = 0

    def after_first_paint() -> None:
        gc.freeze()
        app.setApplicationVersion(desktop_app.__version__)
        log.info("%s version %s", APP_NAME, desktop_app.__version__)
        window.start(demo=args.demo)

    async def run() -> None:
        nonlocal exit_code
        quitting = asyncio.Event()
        app.aboutToQuit.connect(quitting.set)
        window.closed.connect(quitting.set)
        if not window.isVisible():  # closed already
            quitting.set()
        # After the first paint: the keyring import, the warm-up, the demo server start.
        QTimer.singleShot(0, after_first_paint)
        if args.self_test and self_test_hook is not None:
            await asyncio.sleep(0)
            exit_code = await self_test_hook(window)
            window.close()
        await quitting.wait()
        await shutdown(window, services)

    try:
        loop.run_until_complete(run())
    finally:
        instance.close()
        crash.uninstall()
        collector.stop()
        loop.close()
        if temporary is not None:
            import shutil

            shutil.rmtree(temporary, ignore_errors=True)
    log.info("%s stopped", APP_NAME)
    return exit_code
