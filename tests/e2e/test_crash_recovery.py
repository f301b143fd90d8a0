"""A child process streams a reply into the history and is killed mid-reply: what survives?"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage import Database
from desktop_app.emulator.agents import DEMO_AGENTS

REPO = Path(__file__).resolve().parents[2]
TOKENS_PER_SECOND = "80"
KILL_AFTER_CHARS = 600

# The child: the real client, the real emulator, the real StreamingWriter. It reports on stdout
# how much text it holds after every delta, so the parent knows what was in memory at the kill.
CHILD = textwrap.dedent(
    """
    import asyncio, json, os, sys, time
    from desktop_app.core.client import AgentsGTClient
    from desktop_app.core.events import TextDelta
    from desktop_app.core.http import make_http_client
    from desktop_app.core.models import ChatMessage, Credentials, MessageStatus, Role
    from desktop_app.core.profiles import new_profile
    from desktop_app.core.storage import Database, StreamingWriter

    db_path, base_url, agent_id, tps = sys.argv[1:5]
    credentials = Credentials(os.environ["EMU_PK"], os.environ["EMU_SK"])
    question = "Tell me a long story about the sea."
    db = Database.open(db_path)
    profile = db.save_profile(new_profile("Crash test", agent_id, base_url=base_url))
    conversation = db.create_conversation(profile.id, db.propose_title(question))
    db.add_message(conversation.id, Role.USER, question)
    reply = db.add_message(conversation.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    writer = StreamingWriter(db_path)
    writer.begin(reply.id)
    print(json.dumps({"conversation": conversation.id, "message": reply.id}), flush=True)

    async def main():
        async with make_http_client() as http:
            client = AgentsGTClient(
                http, base_url=base_url, credentials=credentials,
                extra_headers={"X-Emulator-Tokens-Per-Second": tps,
                               "X-Emulator-Reply-Tokens": "5000"},
            )
            text = ""
            async with client.stream_chat(agent_id, [ChatMessage(Role.USER, question)]) as stream:
                async for event in stream:
                    if isinstance(event, TextDelta):
                        text += event.text
                        writer.update(reply.id, text)
                        print(json.dumps({"chars": len(text), "t": time.monotonic()}), flush=True)
            writer.finish(reply.id, MessageStatus.COMPLETE)

    asyncio.run(main())
    writer.close()
    """
)


#: The return code of a child ended by Popen.kill(): SIGKILL on POSIX, TerminateProcess (exit
#: code 1) on Windows. Either way the child gets no chance to clean up, which is the point.
KILLED = 1 if sys.platform == "win32" else -signal.SIGKILL


def saved_text(path: Path, message_id: int) -> str:
    with Database.open(path) as db:
        message = db.get_message(message_id)
        return message.text if message else ""


def test_sigkill_mid_reply_loses_at_most_about_a_second(tmp_path, emulator):
    path = tmp_path / "history.sqlite3"
    agent_id = DEMO_AGENTS[0].agent_id
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "EMU_PK": emulator.credentials.public_key,
        "EMU_SK": emulator.credentials.secret_key,  # the environment, never argv (ps shows it)
    }
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(path),
            emulator.base_url,
            agent_id,
            str(TOKENS_PER_SECOND),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        ids = json.loads(child.stdout.readline() or "{}")
        assert ids, child.stderr.read()
        deadline = time.monotonic() + 60
        while len(saved_text(path, ids["message"])) <= KILL_AFTER_CHARS:
            assert child.poll() is None, child.stderr.read()
            assert time.monotonic() < deadline, "the reply was never saved while streaming"
            time.sleep(0.05)
        # Kill at a random-ish point between two saves, not right after one.
        time.sleep(0.45)
        child.kill()
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    reports = [json.loads(line) for line in child.stdout.read().splitlines() if line.strip()]
    child.stdout.close()
    child.stderr.close()
    assert child.returncode == KILLED

    with Database.open(path) as db:
        assert db.integrity_check() == ["ok"]
        (conversation,) = db.list_conversations()
        assert conversation.id == ids["conversation"]
        assert conversation.title == "Tell me a long story about the sea."
        user, reply = db.messages(conversation.id)
        assert (user.role, reply.role) == (Role.USER, Role.ASSISTANT)
        assert reply.status is MessageStatus.STREAMING
        saved = reply.text
        (marked,) = db.mark_interrupted()
        assert (marked.id, marked.status, marked.text) == (
            reply.id,
            MessageStatus.INTERRUPTED,
            saved,
        )
        assert db.get_message(reply.id).status is MessageStatus.INTERRUPTED

    # What the child held at the moment of the kill, and how fast text was arriving.
    held = reports[-1]["chars"]
    first, last = reports[0], reports[-1]
    chars_per_second = (last["chars"] - first["chars"]) / max(last["t"] - first["t"], 1e-6)
    lost = held - len(saved)
    lost_seconds = lost / chars_per_second
    print(
        f"\ncrash: held {held} chars, saved {len(saved)}, lost {lost} chars "
        f"= {lost_seconds:.2f} s of text at {chars_per_second:.0f} chars/s"
    )
    assert len(saved) > KILL_AFTER_CHARS
    assert lost >= 0
    # Saved at least once a second; the slack covers the child's own scheduling on a busy box.
    assert lost_seconds <= 1.5


def test_a_killed_writer_leaves_no_broken_state_for_the_next_writer(tmp_path):
    """After the kill, a new session can write into the same file and search it."""
    path = tmp_path / "history.sqlite3"
    script = textwrap.dedent(
        """
        import sys, time
        from desktop_app.core.models import MessageStatus, Role
        from desktop_app.core.profiles import new_profile
        from desktop_app.core.storage import Database, StreamingWriter
        db = Database.open(sys.argv[1])
        profile = db.save_profile(new_profile("P", "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01"))
        conv = db.create_conversation(profile.id)
        reply = db.add_message(conv.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
        writer = StreamingWriter(sys.argv[1], interval=0.0)
        writer.begin(reply.id)
        i = 0
        while True:
            i += 1
            writer.update(reply.id, "narwhal " * (i % 1000 + 1))
            if i == 200:
                print("ready", flush=True)
            time.sleep(0.0005)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.3)  # writes are in flight continuously now
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()
    assert child.returncode == KILLED
    with Database.open(path) as db:
        assert db.integrity_check() == ["ok"]
        (interrupted,) = db.mark_interrupted()
        assert interrupted.text.startswith("narwhal")
        assert [h.message_id for h in db.search("narwhal")] == [interrupted.id]
        db.add_message(interrupted.conversation_id, Role.USER, "still works")
        assert db.count_messages(interrupted.conversation_id) == 2
