"""`agentsgt-desktop --self-test`: start the real window, stream a demo reply, check the install."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPORT_FLAG = "--self-test-report"
#: The longest the whole self-test may take before it is a failure (the demo reply needs ~1 s).
TIMEOUT_SECONDS = 60.0
_PROMPT = "Self-test: please reply with a few words."
_ICON_PNG = ("icons", "agentsgt-desktop-256.png")
_ICON_SVG = ("icons", "agentsgt-desktop.svg")
_DESKTOP_FILE = ("agentsgt-desktop.desktop",)


@dataclass(frozen=True, slots=True)
class Check:
    """One check: its name, whether it passed, and a short detail (or the reason it failed)."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class SelfTestResult:
    """Every check that ran, and the one-line summary made from them."""

    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        """True when there were checks and every one passed."""
        return bool(self.checks) and all(check.ok for check in self.checks)

    def summary(self) -> str:
        """`self-test ok: ...; ...`, or `self-test FAILED: <failures>; <the rest>`."""
        if self.ok:
            return "self-test ok: " + "; ".join(check.detail for check in self.checks)
        failed = [
            f"{check.name}: {check.detail.rstrip('.')}" for check in self.checks if not check.ok
        ]
        passed = [check.detail for check in self.checks if check.ok]
        return "self-test FAILED: " + "; ".join(failed + passed or ["no check ran"])


def split_report_flag(argv: Sequence[str]) -> tuple[list[str], Path | None]:
    """Remove `--self-test-report FILE` (or `=FILE`) from argv; return the rest and FILE."""
    rest: list[str] = []
    report: Path | None = None
    items = iter(argv)
    for item in items:
        if item == REPORT_FLAG:
            value = next(items, None)
            if value is None:
                raise ValueError(f"{REPORT_FLAG} needs a file name")
            report = Path(value)
        elif item.startswith(REPORT_FLAG + "="):
            report = Path(item.split("=", 1)[1])
        else:
            rest.append(item)
    return rest, report


def _needs_offscreen() -> bool:
    # No display to open a window on (a CI runner, an ssh session): draw offscreen instead.
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def _emit(summary: str, ok: bool, report: Path | None) -> None:
    # A windowed Windows executable has no console: sys.stdout is None there.
    stream = sys.stdout if ok else sys.stderr
    if stream is not None:
        print(summary, file=stream, flush=True)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(summary + "\n", encoding="utf-8")


def run(argv: Sequence[str]) -> int:
    """Run the self-test in a throw-away home; print the summary; return 0 or 1.

    `argv` is the window's command line (`--self-test` and Qt options, `--self-test-report FILE`
    to also write the summary to FILE). Nothing is written to the user's own data directories.
    """
    try:
        rest, report = split_report_flag(argv)
    except ValueError as exc:
        _emit(f"self-test FAILED: {exc}", False, None)
        return 2
    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    passthrough = [item for item in rest if item not in ("--self-test", "--demo")]
    runner = WindowChecks()
    with tempfile.TemporaryDirectory(
        prefix="agentsgt-self-test-", ignore_cleanup_errors=True
    ) as home:
        from desktop_app import app

        previous, app.self_test_hook = app.self_test_hook, runner.run
        try:
            # --home last: it wins over any --home the caller gave.
            code = app.main(["--self-test", "--demo", *passthrough, "--home", home])
        except Exception as exc:  # the window could not even start: that is the result
            code = 1
            runner.add("start", False, f"the window did not start ({type(exc).__name__}: {exc})")
        finally:
            app.self_test_hook = previous
    result = runner.result()
    if not runner.checks:
        result = SelfTestResult((Check("start", False, f"the window exited with {code}"),))
    _emit(_redacted(result.summary()), result.ok, report)
    return 0 if result.ok and code == 0 else 1


def _redacted(text: str) -> str:
    from desktop_app.core.errors import redact

    return redact(text)


class WindowChecks:
    """The checks run inside the started window (the `app.self_test_hook`)."""

    def __init__(self) -> None:
        self.checks: list[Check] = []

    def add(self, name: str, ok: bool, detail: str) -> None:
        """Record one check's outcome."""
        self.checks.append(Check(name, ok, detail))

    def result(self) -> SelfTestResult:
        """The checks so far."""
        return SelfTestResult(tuple(self.checks))

    async def run(self, window) -> int:
        """Every check, each guarded so one failure does not hide the others' results."""
        steps = (
            ("reply", self._check_reply),
            ("keyring", self._check_keyring),
            ("resources", self._check_resources),
            ("database", self._check_database),
        )
        deadline = time.monotonic() + TIMEOUT_SECONDS
        for name, step in steps:
            remaining = max(1.0, deadline - time.monotonic())
            try:
                detail = await asyncio.wait_for(step(window), remaining)
            except TimeoutError:
                self.add(name, False, f"no answer within {TIMEOUT_SECONDS:.0f} s")
            except Exception as exc:
                self.add(name, False, _failure_text(exc))
            else:
                self.add(name, True, detail)
        return 0 if self.result().ok else 1

    async def _check_reply(self, window) -> str:
        """The demo agent's reply streams through the real client into the window."""
        from desktop_app.gui.demo import DEMO_PROFILE_ID

        while window.chat.profile is None or window.chat.profile.id != DEMO_PROFILE_ID:
            await asyncio.sleep(0.02)  # the demo emulator starts after the first paint
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[tuple[str, str]] = loop.create_future()

        def on_finished(message_id: str, status: str) -> None:
            if not finished.done():
                finished.set_result((message_id, status))

        def on_error(error) -> None:
            if not finished.done():
                finished.set_exception(RuntimeError(getattr(error, "message", str(error))))

        window.chat.reply_finished.connect(on_finished)
        window.chat.error_raised.connect(on_error)
        started = time.perf_counter()
        if not window.chat.streaming:  # a first demo may already be streaming its greeting
            window.composer.editor.setPlainText(_PROMPT)
            window.composer.send_button.click()
        message_id, status = await finished
        elapsed = time.perf_counter() - started
        if status != "complete":
            raise RuntimeError(f"the reply ended as {status!r}")
        text = window.chat.session.last_reply().text
        shown = window.transcript.message_plain_text(message_id)
        if not text or not shown.strip():
            raise RuntimeError("the reply is empty in the window")
        return f"reply {len(text)} chars via ui in {elapsed:.1f} s"

    async def _check_keyring(self, window) -> str:
        """A safe keyring backend exists and a throw-away entry round-trips through it."""
        return await asyncio.to_thread(keyring_check)

    async def _check_resources(self, window) -> str:
        """Icons (PNG and SVG, so the image plugins work), the .desktop file, the window icon."""
        return resources_check(window)

    async def _check_database(self, window) -> str:
        """A temporary history database is written, reopened, read and searched."""
        home = window.services.paths.data_dir
        problems = await asyncio.to_thread(window.services.database.integrity_check)
        if problems != ["ok"]:
            raise RuntimeError(f"the history database is damaged: {'; '.join(problems)}")
        return await asyncio.to_thread(database_check, Path(home))


def _failure_text(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return message if isinstance(exc, RuntimeError) else f"{message} ({type(exc).__name__})"


def keyring_check() -> str:
    """Resolve the keyring backend; save, read and delete a throw-away entry (blocking)."""
    from desktop_app.core.models import Credentials
    from desktop_app.core.secrets import SERVICE, SecretStore, key_ref

    store = SecretStore(service=f"{SERVICE} self-test")
    problem = store.problem()
    if problem:
        raise RuntimeError(problem)
    name = store.backend_name
    if _entry_points_lost():
        name += " (found directly: keyring's entry points are missing from this build)"
    ref = key_ref("https://self-test.invalid", "agentsgt-self-test")
    probe = Credentials("agentsgt-self-test", "self-test-" + os.urandom(8).hex())
    store.set(ref, probe)
    try:
        if store.get(ref) != probe:
            raise RuntimeError(f"{name} did not give back the entry just saved")
    finally:
        store.delete(ref)
    return f"keyring {name}"


def _entry_points_lost() -> bool:
    # keyring finds its backends through package metadata; a frozen build without it falls
    # back to the fail backend, which SecretStore then works around (see native_backend).
    import keyring
    from keyring.backends import fail

    configured = bool(os.environ.get("PYTHON_KEYRING_BACKEND"))
    return not configured and isinstance(keyring.get_keyring(), fail.Keyring)


def resources_check(window) -> str:
    """Check the bundled resources load through Qt (raises RuntimeError naming what is wrong)."""
    from PySide6.QtGui import QGuiApplication, QImage

    from desktop_app.core.paths import resource_path

    for parts in (_ICON_PNG, _ICON_SVG):
        path = resource_path(*parts)
        if QImage(str(path)).isNull():
            raise RuntimeError(f"cannot load {path} (missing, or no image plugin for it)")
    desktop = resource_path(*_DESKTOP_FILE)
    if "[Desktop Entry]" not in desktop.read_text(encoding="utf-8"):
        raise RuntimeError(f"{desktop} is not a .desktop file")
    if QGuiApplication.windowIcon().isNull() and window.windowIcon().isNull():
        raise RuntimeError("the window has no icon")
    return "resources ok"


def database_check(folder: Path) -> str:
    """Write a conversation to a new database, reopen it, read it back and search it."""
    from desktop_app.core.models import Role
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.storage import Database

    word = "selftest" + os.urandom(4).hex()
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        path = Path(scratch) / "self-test.sqlite3"
        with Database.open(path) as database:
            profile = database.save_profile(new_profile("Self-test", str(uuid.uuid4())))
            conversation = database.create_conversation(profile.id, "Self-test")
            database.add_message(conversation.id, Role.USER, f"hello {word}")
        with Database.open(path) as database:
            texts = [message.text for message in database.messages(conversation.id)]
            hits = database.search(word)
            problems = database.integrity_check()
        if texts != [f"hello {word}"] or len(hits) != 1 or problems != ["ok"]:
            raise RuntimeError("the temporary database did not give back what was written")
    return "database ok"


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
