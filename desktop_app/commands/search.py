"""`agentsgt-desktop search`: find words in the conversations saved on this computer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands.common import (
    ExitCode,
    describe_failure,
    fail,
    find_profile,
    print_json,
)
from desktop_app.commands.conversations import open_history, printable
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.storage import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from desktop_app.core.storage.search import build_match_query, split_highlights

_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def register(subparsers: Any) -> None:
    """Add the `search` subcommand."""
    parser = subparsers.add_parser(
        "search",
        help="search the conversations saved on this computer",
        description="Search the text of every saved message (all words must match; the last "
        "letters of a word may be missing). Best matches first.",
    )
    parser.add_argument("text", nargs="+", metavar="TEXT", help="words to look for")
    parser.add_argument("--profile", metavar="NAME", help="only this profile's (name or id)")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (50)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run `search`."""
    query = " ".join(args.text)
    if build_match_query(query) is None:
        return fail(ExitCode.USAGE, "Give at least one word (letters or digits) to search for.")
    if args.limit < 1:
        return fail(ExitCode.USAGE, "--limit must be 1 or more.")
    hits: list[SearchHit] = []
    try:
        database = open_history()
        if database is not None:
            with database:
                profile_id = None
                if args.profile:
                    profiles = database.list_profiles()
                    profile_id = find_profile(profiles, args.profile).id
                hits = database.search(query, profile_id=profile_id, limit=args.limit)
        elif args.profile:
            return fail(ExitCode.USAGE, "No profiles are saved yet; add one in the app.")
    except AgentsGTError as error:
        return fail(*describe_failure(error))
    if args.json:
        print_json([_hit_json(hit) for hit in hits])
    elif not hits:
        print("No messages match.")
    else:
        bold = sys.stdout.isatty()
        for hit in hits:
            when = hit.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            title = printable(hit.conversation_title)
            print(f"{title}  ({hit.role}, {when}, conversation {hit.conversation_id})")
            start, end = (_BOLD, _PLAIN) if bold else ("**", "**")
            snippet = printable(hit.snippet, keep=HIGHLIGHT_START + HIGHLIGHT_END)
            snippet = snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)
            print(f"    {snippet}")
    return int(ExitCode.OK)


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    snippet, spans = split_highlights(hit.snippet)
    return {
        "message_id": hit.message_id,
        "conversation_id": hit.conversation_id,
        "conversation_title": hit.conversation_title,
        "profile_id": hit.profile_id,
        "position": hit.position,
        "role": hit.role,
        "created_at": hit.created_at,
        "snippet": snippet,
        "highlights": [list(span) for span in spans],
    }
