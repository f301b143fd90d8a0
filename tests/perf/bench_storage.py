"""Storage benchmark (run by hand): 100,000 messages, 200 searches, paging a 10,000-message chat.

    python tests/perf/bench_storage.py [--messages 100000] [--keep DIR]

Prints figures only; targets are search p95 <= 50 ms and the newest 200 messages of a
10,000-message (~5 MB) conversation loading in a blink.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.models import Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import Database, StreamingWriter

AGENT = "123e4567-e89b-12d3-a456-426614174000"
_COMMON_TEXT = """
the of and to a in is it you that he was for on are with as I his they be at one have
this from or had by hot word but what some we can out other were all there when up use
your how said an each she which do their time if will way about many then them write
would like so these her long make thing see him two has look more day could go come did
number sound no most people my over know water than call first who may down side been
now find any new work part take get place made live where after back little only round
man year came show every good me give our under name very through just form sentence
great think say help low line differ turn cause much mean before move right boy old too
same tell does set three want air well also play small end put home read hand port large
spell add even land here must big high such follow act why ask men change went light
"""
_DOMAIN_TEXT = """
invoice refund subscription credits agent model token stream server client database
python function error timeout retry request response header keyring profile export
markdown table summary report customer order shipping payment account password latency
deployment kubernetes container cache index query schema migration backup restore
conversation message thread identifier organization billing balance consumption metric
"""
COMMON = _COMMON_TEXT.split()
DOMAIN = _DOMAIN_TEXT.split()


def make_vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Common, domain and rare words, with Zipf-like cumulative weights."""
    rare = [
        "".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(4))
        for _ in range(5000)
    ]
    words = COMMON + DOMAIN + rare
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


def make_text(rng: random.Random, words: list[str], weights: list[float], chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choices(words, cum_weights=weights, k=rng.randint(6, 18))
        line = " ".join(sentence).capitalize() + rng.choice((".", ".", ".", "?", "!"))
        out.append(line)
        size += len(line) + 1
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(total_messages: int, folder: Path) -> None:
    rng = random.Random(42)
    words, weights = make_vocabulary(rng)
    path = folder / "history.sqlite3"
    db = Database.open(path)
    profile = db.save_profile(new_profile("Bench", AGENT))

    big = db.create_conversation(profile.id, "The long one")
    big_count = min(10_000, total_messages)
    rest = total_messages - big_count
    per_conversation = 450
    started = time.perf_counter()
    big_chars = 0
    with db.transaction():
        for i in range(big_count):
            text = make_text(rng, words, weights, rng.randint(150, 850))
            big_chars += len(text)
            db.add_message(big.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, text)
    inserted = big_count
    while inserted < total_messages:
        conversation = db.create_conversation(profile.id, f"Chat {inserted}")
        with db.transaction():
            for i in range(min(per_conversation, total_messages - inserted)):
                chars = rng.randint(20, 300) if i % 2 == 0 else rng.randint(200, 2500)
                text = make_text(rng, words, weights, chars)
                db.add_message(conversation.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, text)
                inserted += 1
    insert_seconds = time.perf_counter() - started
    db.close()
    size_mb = sum(p.stat().st_size for p in folder.glob("history.sqlite3*")) / 1e6
    print(
        f"insert: {total_messages:,} messages ({rest:,} in {rest // per_conversation + 1} chats "
        f"+ {big_count:,} in one of {big_chars / 1e6:.1f} MB) in {insert_seconds:.1f} s "
        f"= {total_messages / insert_seconds:,.0f} msg/s; files {size_mb:.0f} MB"
    )

    db = Database.open(path)
    queries: list[str] = []
    for i in range(200):
        kind = i % 5
        if kind == 0:
            queries.append(rng.choice(COMMON[:60]))  # very common: many thousands of hits
        elif kind == 1:
            queries.append(rng.choice(words[len(COMMON) + len(DOMAIN) :]))  # rare
        elif kind == 2:
            queries.append(" ".join(rng.sample(DOMAIN, 2)))
        elif kind == 3:
            queries.append(rng.choice(DOMAIN)[:4])  # a prefix, as typed
        else:
            queries.append(" ".join(rng.choices(words[:400], k=3)))
    timings: dict[int, list[float]] = {k: [] for k in range(5)}
    all_times: list[float] = []
    hits_total = 0
    for i, query in enumerate(queries):
        t0 = time.perf_counter()
        hits = db.search(query)
        elapsed = (time.perf_counter() - t0) * 1000
        hits_total += len(hits)
        timings[i % 5].append(elapsed)
        all_times.append(elapsed)
    print(
        f"search: {len(queries)} queries, median {statistics.median(all_times):.1f} ms, "
        f"p95 {percentile(all_times, 0.95):.1f} ms, max {max(all_times):.1f} ms "
        f"(target p95 <= 50 ms); {hits_total / len(queries):.0f} hits per query"
    )
    labels = ("common word", "rare word", "two words", "prefix", "three words")
    for kind, label in enumerate(labels):
        values = timings[kind]
        print(
            f"  {label:>12}: median {statistics.median(values):6.1f} ms, "
            f"p95 {percentile(values, 0.95):6.1f} ms"
        )

    loads = []
    for _ in range(20):
        t0 = time.perf_counter()
        tail = db.messages(big.id, limit=200)
        loads.append((time.perf_counter() - t0) * 1000)
    older = []
    for _ in range(20):
        t0 = time.perf_counter()
        db.messages(big.id, limit=200, before_position=tail[0].position)
        older.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    listed = db.list_conversations(profile.id)
    list_ms = (time.perf_counter() - t0) * 1000
    print(
        f"load newest 200 of {db.count_messages(big.id):,} (~{big_chars / 1e6:.1f} MB): "
        f"median {statistics.median(loads):.2f} ms, max {max(loads):.2f} ms; "
        f"the 200 before them: median {statistics.median(older):.2f} ms"
    )
    print(f"list {len(listed)} conversations with counts: {list_ms:.1f} ms")

    reply = db.add_message(big.id, Role.ASSISTANT, "")
    with StreamingWriter(path) as writer:
        writer.begin(reply.id)
        text = ""
        t0 = time.perf_counter()
        for i in range(100_000):
            text = f"token {i}"
            writer.update(reply.id, text)
        per_update_us = (time.perf_counter() - t0) / 100_000 * 1e6
    print(f"StreamingWriter.update(): {per_update_us:.2f} µs per call (GUI-thread cost)")
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.messages, args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(args.messages, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
