"""Every sentence core/ marks for translation is a literal lupdate reads, translated in Spanish."""

from __future__ import annotations

import ast
import functools
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "desktop_app" / "core"
SPANISH = ROOT / "resources" / "i18n" / "agentsgt_desktop_es.ts"


@dataclass(frozen=True)
class Marked:
    """One call that marks a template: where it is, its context and text (None: not literal)."""

    where: str
    context: str | None
    text: str | None
    plural: bool


def _literal(node: ast.expr) -> str | None:
    # "a " "b" is one Constant in the tree: lupdate joins it the same way.
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _hook_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The names bound to messages.translate, and to the messages module itself."""
    functions: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "desktop_app.core.messages":
            functions |= {
                alias.asname or alias.name for alias in node.names if alias.name == "translate"
            }
        if isinstance(node, ast.ImportFrom) and node.module == "desktop_app.core":
            modules |= {
                alias.asname or alias.name for alias in node.names if alias.name == "messages"
            }
    return functions, modules


def _marked(path: Path) -> list[Marked]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions, modules = _hook_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        func = node.func
        is_translate = (isinstance(func, ast.Name) and func.id in functions) or (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in modules
        )
        if is_translate:
            # Exactly (context, text), both literal: a number would not make lupdate a plural.
            literal = len(node.args) == 2 and not node.keywords
            context, text = (_literal(arg) for arg in node.args[:2]) if literal else (None, None)
            found.append(Marked(where, context, text, plural=False))
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            # Context.tr(text, "", n): lupdate's plural, the context being the name before .tr.
            literal = (
                isinstance(func.value, ast.Name)
                and len(node.args) == 3
                and not node.keywords
                and _literal(node.args[1]) == ""
            )
            context = func.value.id if literal and isinstance(func.value, ast.Name) else None
            text = _literal(node.args[0]) if literal else None
            found.append(Marked(where, context, text, plural=True))
    return found


MARKED = {path: _marked(path) for path in sorted(CORE.rglob("*.py"))}
ALL = [marked for found in MARKED.values() for marked in found]


@dataclass(frozen=True)
class Entry:
    numerus: bool
    finished: bool
    forms: tuple[str, ...]


@functools.cache
def _catalogue(ts: Path) -> dict[tuple[str, str], Entry]:
    entries = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            entries[(name, message.findtext("source") or "")] = Entry(
                numerus,
                translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                forms,
            )
    return entries


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_core_marks_its_sentences() -> None:
    # The error table, validation and the errors of the client, storage and import.
    assert len(ALL) > 100
    assert {marked.context for marked in ALL} >= {"ErrorText", "Validation", "Duration", "Storage"}


def test_every_marked_template_is_literal() -> None:
    """lupdate extracts only literal strings: anything else would stay English in the window."""
    assert [marked.where for marked in ALL if marked.context is None or marked.text is None] == []


def test_every_module_that_marks_templates_is_read_by_lupdate() -> None:
    read = set(load_script(ROOT / "scripts" / "update_translations.py").sources(ROOT))
    assert [str(path) for path, found in MARKED.items() if found and path not in read] == []


@pytest.mark.parametrize("marked", ALL, ids=lambda marked: marked.where)
def test_every_template_has_a_finished_spanish_translation(marked) -> None:
    entry = _catalogue(SPANISH).get((marked.context, marked.text))
    assert entry is not None, "not in the .ts: run scripts/update_translations.py"
    assert entry.finished and all(form.strip() for form in entry.forms), "not translated yet"
    assert entry.numerus is marked.plural
    if marked.plural:
        assert len(entry.forms) == 2 and all("%n" in form for form in entry.forms)
    # The named fields are filled after translating: a translation keeps every one of them.
    for form in entry.forms:
        assert _fields(form) == _fields(marked.text or ""), form
