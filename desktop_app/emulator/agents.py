"""The emulator's demo organization, models and agents (fixed ids, stable across runs)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# The organization every demo key belongs to. check-balance reports it as `org-<uuid>`.
ORGANIZATION_UUID = "550e8400-e29b-41d4-a716-446655440000"
ORGANIZATION_ID = f"org-{ORGANIZATION_UUID}"

# One credit is worth $0.001 of model usage (the docs only say cost depends on model and tokens).
CREDITS_PER_DOLLAR = 1000


class ReplyStyle(StrEnum):
    """Which reply template an agent uses (see content.py)."""

    GENERAL = "general"
    SUPPORT = "support"
    CODE = "code"
    EXTRACTOR = "extractor"
    TRAVEL = "travel"


@dataclass(frozen=True, slots=True)
class DemoModel:
    """A model as the List Agents endpoint describes it, plus the fixed id the metrics use."""

    model_id: str
    name: str
    display_name: str
    input_per_1k_tokens: float
    output_per_1k_tokens: float
    context_window: int

    def credits_for(self, input_tokens: int, output_tokens: int) -> int:
        """Credits charged for one exchange: the dollar cost in credits, rounded up, at least 1."""
        dollars = (
            input_tokens * self.input_per_1k_tokens + output_tokens * self.output_per_1k_tokens
        ) / 1000
        # Round up in integer space so float noise never adds a credit.
        return max(1, -(-round(dollars * CREDITS_PER_DOLLAR * 1000) // 1000))

    def to_json(self) -> dict[str, Any]:
        """The `model` object of the List Agents response."""
        return {
            "name": self.name,
            "display_name": self.display_name,
            "pricing": {
                "input_per_1k_tokens": self.input_per_1k_tokens,
                "output_per_1k_tokens": self.output_per_1k_tokens,
            },
            "context_window": self.context_window,
        }


@dataclass(frozen=True, slots=True)
class DemoAgent:
    """One demo agent. `rich` agents also stream reasoning, a tool call and a source."""

    agent_id: str
    name: str
    description: str
    system_prompt: str
    slug: str
    model: DemoModel
    created_at: str
    updated_at: str
    style: ReplyStyle
    rich: bool = False
    structured_basic: bool = False  # the basic endpoint answers with a JSON object

    def to_json(self, base_url: str) -> dict[str, Any]:
        """The agent as List Agents returns it; `url` points at this server's basic endpoint."""
        return {
            "id": self.agent_id,
            "name": self.name,
            "description": self.description,
            "system_prompt": self.system_prompt,
            "slug": self.slug,
            "model": self.model.to_json(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "url": f"{base_url.rstrip('/')}/agents/basic/{self.agent_id}",
        }


GPT_4O = DemoModel(
    model_id="6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a01",
    name="gpt-4o",
    display_name="GPT-4o",
    input_per_1k_tokens=0.005,
    output_per_1k_tokens=0.015,
    context_window=128000,
)
GPT_4 = DemoModel(
    model_id="6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a02",
    name="gpt-4",
    display_name="GPT-4",
    input_per_1k_tokens=0.03,
    output_per_1k_tokens=0.06,
    context_window=8192,
)
CLAUDE_SONNET = DemoModel(
    model_id="6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a03",
    name="claude-3-5-sonnet",
    display_name="Claude 3.5 Sonnet",
    input_per_1k_tokens=0.003,
    output_per_1k_tokens=0.015,
    context_window=200000,
)
GPT_4O_MINI = DemoModel(
    model_id="6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a04",
    name="gpt-4o-mini",
    display_name="GPT-4o mini",
    input_per_1k_tokens=0.00015,
    output_per_1k_tokens=0.0006,
    context_window=128000,
)

DEMO_AGENTS: tuple[DemoAgent, ...] = (
    DemoAgent(
        agent_id="3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b01",
        name="Aurora Assistant",
        description="A friendly general assistant that answers in rich Markdown.",
        system_prompt=(
            "You are Aurora, a friendly general-purpose assistant. Answer clearly, "
            "use Markdown headings, lists and tables where they help."
        ),
        slug="aurora-assistant",
        model=GPT_4O,
        created_at="2024-01-10T09:00:00Z",
        updated_at="2024-03-02T16:45:00Z",
        style=ReplyStyle.GENERAL,
    ),
    DemoAgent(
        agent_id="3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b02",
        name="Customer Support Agent",
        description="Answers questions about orders, opening hours and returns; looks things up.",
        system_prompt=(
            "You are the customer support agent of Café Größe. Be polite and concise. "
            "Use the lookup_order tool when the customer mentions an order."
        ),
        slug="customer-support-agent",
        model=GPT_4,
        created_at="2024-01-12T10:30:00Z",
        updated_at="2024-02-20T08:15:00Z",
        style=ReplyStyle.SUPPORT,
        rich=True,
    ),
    DemoAgent(
        agent_id="3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b03",
        name="Python Code Helper",
        description="Explains and writes Python code, thinking step by step.",
        system_prompt=(
            "You are an expert Python developer. Explain your reasoning, "
            "then give complete, runnable code in fenced blocks."
        ),
        slug="python-code-helper",
        model=CLAUDE_SONNET,
        created_at="2024-01-15T14:00:00Z",
        updated_at="2024-03-10T11:20:00Z",
        style=ReplyStyle.CODE,
        rich=True,
    ),
    DemoAgent(
        agent_id="3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b04",
        name="Lead Extractor",
        description="Extracts structured lead data (name, intent, urgency) from a message.",
        system_prompt=(
            "Extract the customer's intent, urgency and language from the message. "
            'Answer ONLY with JSON: {"intent", "urgency", "language", "summary"}.'
        ),
        slug="lead-extractor",
        model=GPT_4O_MINI,
        created_at="2024-02-01T12:00:00Z",
        updated_at="2024-02-01T12:00:00Z",
        style=ReplyStyle.EXTRACTOR,
        structured_basic=True,
    ),
    DemoAgent(
        agent_id="3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b05",
        name="Viajes Tokio Guide",
        description="A multilingual travel guide for Tokyo (日本語, español, English).",
        system_prompt=(
            "You are a travel guide for Tokyo. Mix English with Japanese place names "
            "(日本語) and a little Spanish; suggest itineraries as tables."
        ),
        slug="viajes-tokio-guide",
        model=GPT_4O,
        created_at="2024-02-14T07:30:00Z",
        updated_at="2024-03-01T19:05:00Z",
        style=ReplyStyle.TRAVEL,
    ),
)

AGENTS_BY_ID: dict[str, DemoAgent] = {agent.agent_id: agent for agent in DEMO_AGENTS}
MODELS: tuple[DemoModel, ...] = (GPT_4O, GPT_4, CLAUDE_SONNET, GPT_4O_MINI)


def find_agent(agent_id: str) -> DemoAgent | None:
    """The demo agent with this id (case-insensitive UUID match), or None."""
    return AGENTS_BY_ID.get(agent_id.strip().lower())
