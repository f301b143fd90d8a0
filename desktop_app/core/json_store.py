"""One JSON object file: loaded leniently (a damaged file is set aside), saved atomically."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.core.errors import AgentsGTError, InvalidInputError
from desktop_app.core.paths import atomic_write_json

T = TypeVar("T")


class JsonFileStore:
    """Load/save one JSON object file; a damaged file is set aside and reported, never fatal."""

    what = "file"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        #: After `load()`: None, or a sentence the GUI can show about why defaults are in use.
        self.load_problem: str | None = None

    def _load(self, parse: Callable[[Mapping[str, Any]], T], default: Callable[[], T]) -> T:
        self.load_problem = None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return default()
        except OSError as exc:
            self.load_problem = (
                f"Your {self.what} could not be read ({exc.strerror or exc}), "
                "so the defaults are in use for now."
            )
            return default()
        try:
            value = json.loads(raw.decode("utf-8"))
            if not isinstance(value, dict):
                raise InvalidInputError("it does not hold a JSON object")
            return parse(value)
        except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, InvalidInputError
            reason = exc.message.rstrip(".") if isinstance(exc, AgentsGTError) else "not valid JSON"
            self.load_problem = f"Your {self.what} file was damaged ({reason}). {self._set_aside()}"
            return default()

    def _set_aside(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        counter = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.bad-{stamp}-{counter}")
            counter += 1
        try:
            os.replace(self.path, backup)
        except OSError:
            return "The defaults are in use; the damaged file will be overwritten on the next save."
        return f"The defaults are in use; the old file was kept as {backup.name}."

    def _save(self, value: Mapping[str, Any]) -> None:
        atomic_write_json(self.path, dict(value))
