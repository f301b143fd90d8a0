"""What every command shares: failures as one line and an exit code, JSON output, profiles.

The set-up of the commands that call the API (target flags, keys, client) is in api.py.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from desktop_app.core import errors
from desktop_app.core.error_text import ExitCode, describe_error
from desktop_app.core.error_text import describe_outcome as describe_reply_outcome
from desktop_app.core.events import StreamResult
from desktop_app.core.terminal_text import strip_controls

if TYPE_CHECKING:
    from desktop_app.core.profiles import Profile

# Outside JSON strings none of these can occur, so escaping them keeps the document valid.
_C1 = re.compile("[\x7f-\x9f]")


def describe_failure(error: BaseException) -> tuple[ExitCode, str]:
    """The exit code and the line printed on stderr, from the app's one error table."""
    text = describe_error(error)
    return text.exit_code, text.cli_line


def describe_outcome(result: StreamResult) -> tuple[ExitCode, str] | None:
    """None for a completed reply; else exit code 9 and what happened to the reply."""
    text = describe_reply_outcome(result)
    return None if text is None else (text.exit_code, text.cli_line)


def fail(code: ExitCode, sentence: str) -> int:
    """Print one line on stderr (redacted, no control sequences) and return the exit code."""
    line = " ".join(strip_controls(errors.redact(sentence)).split())
    print(f"agentsgt-desktop: {line}", file=sys.stderr, flush=True)
    return int(code)


def for_terminal(text: str) -> str:
    """`text` as printed on stdout: control sequences stripped when stdout is a terminal.

    Piped output stays byte-faithful; --json output never comes here (json.dumps escapes).
    """
    return strip_controls(text) if sys.stdout.isatty() else text


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples, dates and enums turned into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def print_json(value: Any) -> None:
    """Print one JSON document on stdout, every control character escaped.

    json.dumps escapes C0 controls (ESC is written \\u001b); DEL and the C1 range are escaped
    here too, because a terminal may act on them as they are.
    """
    text = json.dumps(jsonable(value), ensure_ascii=False, indent=2)
    print(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text), flush=True)


def find_profile(
    profiles: Sequence[Profile],
    wanted: str,
    *,
    error: type[errors.AgentsGTError] = errors.InvalidInputError,
    hint: str = "",
) -> Profile:
    """The profile with this id or (case-insensitive) display name; `error` explains a miss
    (followed by `hint`) or a name that several profiles share."""
    matches = [p for p in profiles if p.id == wanted] or [
        p for p in profiles if p.display_name.casefold() == wanted.strip().casefold()
    ]
    if not matches:
        known = ", ".join(sorted(p.display_name for p in profiles)) or "none saved yet"
        raise error(f"There is no profile named {wanted!r} (profiles: {known}).{hint}")
    if len(matches) > 1:
        raise error(f"Several profiles are named {wanted!r}; use the profile id instead.")
    return matches[0]


def run_guarded(action: Callable[[], int]) -> int:
    """Run a command body: expected errors become one sentence and an exit code."""
    try:
        return action()
    except (errors.AgentsGTError, OSError) as exc:
        return fail(*describe_failure(exc))
