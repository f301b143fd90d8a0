"""Update resources/i18n/*.ts from the tr()/translate() strings of gui/ and core/; build the .qm.

    python scripts/update_translations.py            # lupdate, then lrelease
    python scripts/update_translations.py --release  # lrelease only (after editing a .ts)

Translate in Qt Linguist (`.venv/bin/pyside6-linguist resources/i18n/agentsgt_desktop_es.ts`)
or any .ts editor, then run with --release and commit both the .ts and the .qm. The English
catalogue holds plural forms only (lupdate -pluralonly): "%n credit(s)" becomes "1 credit".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "agentsgt_desktop"
#: Every shipped language; English is the source language (its catalogue: plurals only).
LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
#: How a core module that writes sentences imports the catalogue hook (`translate`, `Context`),
#: or the module itself where a name of its own is `translate` (storage/errors.py).
CORE_HOOKS = ("from desktop_app.core.messages import", "from desktop_app.core import messages")


def tool(name: str) -> str:
    """A PySide6 tool beside this Python (the .venv's bin/ or Scripts/)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name  # on PATH


def sources(root: Path = ROOT) -> list[Path]:
    """gui/, then the top-level modules and the core/ modules that call tr()/translate().

    core/ marks its sentences with `desktop_app.core.messages.translate()` and its plurals
    with `<Context>.tr()` (no Qt there: lupdate only reads the calls); emulator/ has none.
    """
    package = root / "desktop_app"
    found = sorted((package / "gui").rglob("*.py"))
    for path in sorted(package.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "translate(" in text or ".tr(" in text:
            found.append(path)
    for path in sorted((package / "core").rglob("*.py")):
        # Only modules that import the hook: others may call a translate() of their own.
        text = path.read_text(encoding="utf-8")
        if any(hook in text for hook in CORE_HOOKS):
            found.append(path)
    return found


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def update(folder: Path = I18N, root: Path = ROOT) -> None:
    """Bring each .ts up to date with the code: new strings added, vanished ones dropped.

    No source locations are written: they would change with every edit of a file and make
    each branch's .ts conflict with the others'.
    """
    files = [str(path.relative_to(root)) for path in sources(root)]
    for language in LANGUAGES:
        options = ["-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE]
        options += ["-target-language", language]
        if language == SOURCE_LANGUAGE:
            options.append("-pluralonly")
        ts = ts_path(language, folder)
        _run([tool("pyside6-lupdate"), *options, *files, "-ts", str(ts)], root)


def release(folder: Path = I18N, out: Path | None = None) -> None:
    """Compile each .ts into its .qm (in `out`, default beside the .ts)."""
    for language in LANGUAGES:
        qm = qm_path(language, out or folder)
        _run([tool("pyside6-lrelease"), "-silent", str(ts_path(language, folder)), "-qm", str(qm)])


def _run(command: list[str], cwd: Path = ROOT) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:1])} failed:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if not args.release:
        update()
    release()
    for language in LANGUAGES:
        print(f"{ts_path(language).relative_to(ROOT)} -> {qm_path(language).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
