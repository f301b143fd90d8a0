"""`agentsgt-desktop conversations`: list the conversations saved on this computer."""

from __future__ import annotations

import argparse
import re
from typing import Any

from desktop_app.commands.common import (
    ExitCode,
    describe_failure,
    fail,
    find_profile,
    print_json,
)
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.paths import app_paths
from desktop_app.core.storage import Conversation, Database
from desktop_app.core.terminal_text import TerminalSanitizer


def register(subparsers: Any) -> None:
    """Add the `conversations` subcommand."""
    parser = subparsers.add_parser(
        "conversations",
        help="list the conversations saved on this computer",
        description="List the locally saved conversations, latest activity first, with their "
        "ids (for `export --conversation ID`), titles, message counts and dates.",
    )
    parser.add_argument("--profile", metavar="NAME", help="only this profile's (name or id)")
    parser.add_argument("--deleted", action="store_true", help="list the ones in the bin instead")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def printable(text: str, keep: str = "") -> str:
    """One line of `text` safe for a terminal: control sequences and characters go (except the
    marker characters in `keep`), runs of white space become one space."""
    pieces = re.split(f"([{re.escape(keep)}])", text) if keep else [text]
    sanitizer = TerminalSanitizer()  # one for all pieces: a sequence may straddle a marker
    cleaned = "".join(p if len(p) == 1 and p in keep else sanitizer.feed(p) for p in pieces)
    return " ".join(cleaned.split())


def open_history() -> Database | None:
    """The app's history database, or None when nothing has been saved yet (never creates it)."""
    path = app_paths().database_path
    if not path.exists():
        return None
    return Database.open_read_only(path)


def run(args: argparse.Namespace) -> int:
    """Run `conversations`."""
    try:
        database = open_history()
        if database is None:
            if args.profile:
                return fail(ExitCode.USAGE, "No profiles are saved yet; add one in the app.")
            return _show([], {}, as_json=args.json)
        with database:
            profiles = database.list_profiles()
            profile_id = find_profile(profiles, args.profile).id if args.profile else None
            conversations = database.list_conversations(profile_id, deleted=args.deleted)
    except AgentsGTError as error:
        return fail(*describe_failure(error))
    names = {p.id: p.display_name for p in profiles}
    return _show(conversations, names, as_json=args.json)


def _show(conversations: list[Conversation], names: dict[str, str], *, as_json: bool) -> int:
    if as_json:
        print_json(
            [
                {
                    "id": c.id,
                    "title": c.title,
                    "profile_id": c.profile_id,
                    "profile": names.get(c.profile_id, ""),
                    "message_count": c.message_count,
                    "created_at": c.created_at,
                    "updated_at": c.updated_at,
                    "server_thread_id": c.server_thread_id,
                    "deleted_at": c.deleted_at,
                }
                for c in conversations
            ]
        )
        return int(ExitCode.OK)
    if not conversations:
        print("No conversations saved yet.")
        return int(ExitCode.OK)
    for c in conversations:
        when = c.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        count = f"{c.message_count} message{'s' if c.message_count != 1 else ''}"
        profile = printable(names.get(c.profile_id, "?"))
        print(f"{c.id}  {when}  {count:>13}  {profile}: {printable(c.title)}")
    return int(ExitCode.OK)
