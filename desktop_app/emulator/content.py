"""Reply texts of the demo agents, and how they are cut into realistic small deltas."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from desktop_app.emulator.agents import DemoAgent, ReplyStyle


@dataclass(frozen=True, slots=True)
class ToolCall:
    """A tool call the agent makes before answering (streamed in the UI and data protocols)."""

    tool_call_id: str
    tool_name: str
    input: dict[str, Any]
    output: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Source:
    """A cited URL (UI `source-url`, data `h:`)."""

    source_id: str
    url: str
    title: str


@dataclass(frozen=True, slots=True)
class ReplyScript:
    """Everything one reply streams: answer deltas plus optional reasoning, tool call, source."""

    deltas: tuple[str, ...]
    reasoning: tuple[str, ...] = ()
    tool: ToolCall | None = None
    source: Source | None = None

    @property
    def text(self) -> str:
        """The whole answer text."""
        return "".join(self.deltas)


_WORD = re.compile(r"\s*\S+|\s+")
_MAX_PIECE = 6  # longer words are split, like sub-word tokens of a real model


def tokenize(text: str) -> list[str]:
    """Cut text into deltas of a word (with its leading space) or a sub-word piece.

    Concatenating the result gives back `text` exactly.
    """
    pieces: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        stripped = word.lstrip()
        lead = word[: len(word) - len(stripped)]
        if len(stripped) <= _MAX_PIECE:
            pieces.append(word)
            continue
        pieces.append(lead + stripped[:_MAX_PIECE])
        pieces.extend(
            stripped[i : i + _MAX_PIECE] for i in range(_MAX_PIECE, len(stripped), _MAX_PIECE)
        )
    return pieces


def count_tokens(text: str) -> int:
    """A token count for billing and history, consistent with `tokenize`."""
    return len(tokenize(text))


def quote(user_text: str, limit: int = 120) -> str:
    """The user's message as one short line, for echoing it back."""
    flat = " ".join(user_text.split())
    if not flat:
        return "(an empty message)"
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _pick(options: tuple[str, ...], key: str) -> str:
    """Choose deterministically from options, so the same question gives the same answer."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return options[digest[0] % len(options)]


def _opening(user_text: str, turn: int) -> str:
    return (
        f"You asked: “{quote(user_text)}”. This is turn {turn} of our conversation"
        f"{' — welcome! 👋🏽' if turn == 1 else ', and I remember what we said so far.'}\n\n"
    )


def _general(user_text: str, turn: int) -> str:
    tip = _pick(
        (
            "Break big tasks into small, testable steps.",
            "Write the test first; it tells you when you are done.",
            "Name things for what they mean, not for how they work.",
        ),
        user_text,
    )
    return (
        "## Here is what I found\n\n"
        + _opening(user_text, turn)
        + "Let me break it down into a few **key points**:\n\n"
        "1. Start with the *goal*: what should be true when you are done?\n"
        "2. List the constraints — time, budget, people.\n"
        f"3. A tip for today: {tip}\n\n"
        "### A quick comparison\n\n"
        "| Option | Effort | Résumé |\n"
        "|---|---|---|\n"
        "| Do it now | Low | Straße frei, quick win ✅ |\n"
        "| Plan first | Medium | Fewer surprises 🙂 |\n"
        "| Delegate | Varies | 日本語 speakers say 「任せる」 |\n\n"
        "If you like to automate, a tiny helper in Python looks like this:\n\n"
        "```python\n"
        "def summarize(points: list[str]) -> str:\n"
        '    """Join the key points into one line."""\n'
        '    return "; ".join(p.strip() for p in points if p.strip())\n'
        "\n"
        'print(summarize(["goal", "constraints", "next step"]))\n'
        "```\n\n"
        "Call `summarize()` with your own list. More ideas are in the "
        "[Python tutorial](https://docs.python.org/3/tutorial/).\n\n"
        "> Anything else? Ask away — I'm happy to help. 😊\n"
    )


def _support(user_text: str, turn: int) -> str:
    return (
        "## Café Größe — customer support\n\n"
        + _opening(user_text, turn)
        + "I looked up your account and here is what I can tell you:\n\n"
        "- Your latest order **#A-1042** is *on its way* 🚚\n"
        "- Our opening hours are below\n"
        "- Returns are free within `30` days\n\n"
        "### Opening hours\n\n"
        "| Day | Hours | Notes |\n"
        "|---|---|---|\n"
        "| Mon–Fri | 08:00–20:00 | Kaffee & Kuchen |\n"
        "| Saturday | 09:00–18:00 | Brunch until 14:00 |\n"
        "| Sunday | closed | 休業日 |\n\n"
        "Developers can check an order status with our API:\n\n"
        "```python\n"
        "import httpx\n"
        "\n"
        'resp = httpx.get("https://example.com/orders/A-1042")\n'
        'print(resp.json()["status"])  # "shipped"\n'
        "```\n\n"
        "See the [returns policy](https://example.com/returns) for details. "
        "Merci et à bientôt! 👋🏽\n"
    )


def _code(user_text: str, turn: int) -> str:
    return (
        "## A Python answer\n\n" + _opening(user_text, turn) + "### Approach\n\n"
        "1. Read the input lazily with a generator.\n"
        "2. Count with `collections.Counter`.\n"
        "3. Print the top entries as a table.\n\n"
        "```python\n"
        "from collections import Counter\n"
        "from pathlib import Path\n"
        "\n"
        "\n"
        "def top_words(path: Path, n: int = 3) -> list[tuple[str, int]]:\n"
        '    """Return the n most common words of a UTF-8 text file."""\n'
        '    words = Path(path).read_text(encoding="utf-8").lower().split()\n'
        "    return Counter(words).most_common(n)\n"
        "\n"
        "\n"
        'if __name__ == "__main__":\n'
        '    for word, count in top_words(Path("résumé.txt")):\n'
        '        print(f"{word:>10} {count}")\n'
        "```\n\n"
        "### Complexity\n\n"
        "| Step | Time | Memory |\n"
        "|---|---|---|\n"
        "| read | O(n) | O(n) |\n"
        "| count | O(n) | O(k) |\n"
        "| sort | O(k log k) | O(k) |\n\n"
        "Note: `str.lower()` handles *Straße* → *straße*, and `split()` works on 日本語 only "
        "if words are separated by spaces. See [collections.Counter]"
        "(https://docs.python.org/3/library/collections.html#collections.Counter). "
        "Happy coding 🐍👋🏽\n"
    )


def _extractor(user_text: str, turn: int) -> str:
    return (
        "## Extracted lead\n\n"
        + _opening(user_text, turn)
        + "```json\n"
        + _json_text(extract_lead(user_text, turn))
        + "\n```\n\n"
        "| Field | Meaning |\n"
        "|---|---|\n"
        "| `intent` | what the customer wants |\n"
        "| `urgency` | low · medium · high |\n"
        "| `language` | detected language (é, ß, 日本語 aware) |\n\n"
        "- Parse it in Python with `json.loads`:\n\n"
        "```python\n"
        "import json\n"
        "\n"
        "lead = json.loads(reply)\n"
        'print(lead["intent"])\n'
        "```\n\n"
        "Schema docs: [JSON Schema](https://json-schema.org/). Done 👋🏽\n"
    )


def _travel(user_text: str, turn: int) -> str:
    return (
        "# 東京 (Tokyo) — ¡bienvenido!\n\n" + _opening(user_text, turn) + "## A one-day plan\n\n"
        "| Time | Place | 日本語 |\n"
        "|---|---|---|\n"
        "| 09:00 | Senso-ji temple | 浅草寺 |\n"
        "| 12:30 | Tsukiji outer market | 築地場外市場 |\n"
        "| 16:00 | Shibuya crossing | 渋谷スクランブル交差点 |\n\n"
        "### Tips\n\n"
        "- Buy a **Suica** card for trains 🚆\n"
        "- Say *arigatō* (ありがとう) — or *danke schön*, they'll smile anyway 😄\n"
        "- Café au lait costs about `¥500`\n\n"
        "Convert prices quickly:\n\n"
        "```python\n"
        "def yen_to_eur(yen: float, rate: float = 0.0061) -> float:\n"
        '    """Approximate euros for a yen amount."""\n'
        "    return round(yen * rate, 2)\n"
        "\n"
        "print(yen_to_eur(500))  # about 3.05 €\n"
        "```\n\n"
        "More at [Japan Guide](https://www.japan-guide.com/e/e2164.html). ¡Buen viaje! 👋🏽\n"
    )


_TEMPLATES = {
    ReplyStyle.GENERAL: _general,
    ReplyStyle.SUPPORT: _support,
    ReplyStyle.CODE: _code,
    ReplyStyle.EXTRACTOR: _extractor,
    ReplyStyle.TRAVEL: _travel,
}


def reply_text(agent: DemoAgent, user_text: str, turn: int) -> str:
    """The agent's whole Markdown answer to `user_text` at this turn of the conversation."""
    return _TEMPLATES[agent.style](user_text, turn)


def extract_lead(user_text: str, turn: int) -> dict[str, Any]:
    """The structured answer of the extractor agent (the basic endpoint returns it as an object)."""
    lowered = user_text.lower()
    urgent = any(word in lowered for word in ("urgent", "asap", "now", "today", "!"))
    if any(ch in user_text for ch in "ぁあいうえおかきくけこ日本語東京"):
        language = "ja"
    elif any(ch in user_text for ch in "ñ¿¡"):
        language = "es"
    elif any(ch in user_text for ch in "äöüß"):
        language = "de"
    else:
        language = "en"
    intent = "question" if "?" in user_text else "request"
    return {
        "intent": intent,
        "urgency": "high" if urgent else "low",
        "language": language,
        "summary": quote(user_text, 80),
        "turn": turn,
    }


def _json_text(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_compact(value: Any) -> str:
    """JSON exactly as JavaScript's JSON.stringify writes it: no spaces, raw non-ASCII."""
    return _COMPACT.encode(value)


def _reasoning(agent: DemoAgent, user_text: str, turn: int) -> str:
    return (
        f"The user wrote “{quote(user_text, 60)}” (turn {turn}). "
        f"As {agent.name} I should answer in Markdown, check the facts first, "
        "and keep it short but complete."
    )


def _tool_and_source(agent: DemoAgent, user_text: str, turn: int) -> tuple[ToolCall, Source]:
    if agent.style is ReplyStyle.SUPPORT:
        tool = ToolCall(
            tool_call_id=f"call_{turn:02d}_lookup",
            tool_name="lookup_order",
            input={"order_id": "A-1042", "query": quote(user_text, 40)},
            output={"order_id": "A-1042", "status": "shipped", "eta": "2 días"},
        )
        source = Source("src-1", "https://example.com/returns", "Returns policy — Café Größe")
    else:
        tool = ToolCall(
            tool_call_id=f"call_{turn:02d}_docs",
            tool_name="search_docs",
            input={"query": quote(user_text, 40), "site": "docs.python.org"},
            output={"hits": 2, "top": "collections.Counter"},
        )
        source = Source(
            "src-1",
            "https://docs.python.org/3/library/collections.html",
            "collections — Container datatypes",
        )
    return tool, source


def compose_reply(agent: DemoAgent, user_text: str, turn: int) -> ReplyScript:
    """The full scripted reply of `agent` to the last user message at conversation turn `turn`."""
    deltas = tuple(tokenize(reply_text(agent, user_text, turn)))
    if not agent.rich:
        return ReplyScript(deltas=deltas)
    tool, source = _tool_and_source(agent, user_text, turn)
    reasoning = tuple(tokenize(_reasoning(agent, user_text, turn)))
    return ReplyScript(deltas=deltas, reasoning=reasoning, tool=tool, source=source)


def exact_deltas(script: ReplyScript, count: int) -> ReplyScript:
    """The same reply with exactly `count` text deltas: cut short, or extended by repeating it."""
    base = script.deltas or ("…",)
    if count <= len(base):
        deltas = base[:count]
    else:
        repeats, rest = divmod(count, len(base))
        deltas = base * repeats + base[:rest]
    return ReplyScript(
        deltas=deltas, reasoning=script.reasoning, tool=script.tool, source=script.source
    )
