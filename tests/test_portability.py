"""Every test module runs on Windows too: POSIX-only names appear only behind a guard or skip.

The release workflow runs the suite on Windows; `os.geteuid` or `signal.SIGKILL` there is an
AttributeError at run time, not a skip. A use counts as guarded when it sits in a test (or
class) marked `skipif` on the platform, under a module-level `pytestmark` that does, or in an
`if`, conditional expression or `and` whose condition asks for the platform or `hasattr`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

POSIX_ONLY_ATTRIBUTES = {
    "os": {
        "geteuid", "getuid", "getegid", "getgid", "getgroups", "fork", "forkpty", "killpg",
        "getpgid", "setpgid", "setsid", "setpgrp", "getpgrp", "setuid", "setgid", "sysconf",
        "WNOHANG", "wait4", "waitpid", "O_NOFOLLOW", "mkfifo", "lchown", "chown", "getloadavg",
    },
    "signal": {
        "SIGKILL", "SIGSTOP", "SIGCONT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM",
        "SIGCHLD", "SIGPIPE", "alarm", "setitimer", "pause", "pthread_kill", "siginterrupt",
    },
}  # fmt: skip
POSIX_ONLY_MODULES = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix"}
#: Words in a condition (skipif, if, x if c else y) that show it is about the platform.
GUARD_WORDS = ("win32", '"nt"', "'nt'", "hasattr(", "posix", "sys.platform", "os.name")


def _is_guard(source: str) -> bool:
    return any(word in source.lower() for word in GUARD_WORDS)


def _skips_by_platform(decorators: list[ast.expr], text: str, marks: set[str]) -> bool:
    for decorator in decorators:
        if isinstance(decorator, ast.Name) and decorator.id in marks:
            return True
        source = ast.get_source_segment(text, decorator) or ""
        if "skipif" in source and _is_guard(source):
            return True
    return False


def _platform_marks(tree: ast.Module, text: str) -> set[str]:
    """Module-level names bound to a platform skip (`posix_only = pytest.mark.skipif(...)`)."""
    marks: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            source = ast.get_source_segment(text, node.value) or ""
            if "skipif" in source and _is_guard(source):
                marks.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return marks


def unguarded_posix_uses(text: str, name: str = "<test>") -> list[str]:
    """Each POSIX-only name `text` uses without a guard, as "file:line name"."""
    tree = ast.parse(text)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            source = ast.get_source_segment(text, node) or ""
            if "skipif" in source and _is_guard(source):
                return []
    found: list[str] = []
    marks = _platform_marks(tree, text)

    def visit(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            guarded = guarded or _skips_by_platform(node.decorator_list, text, marks)
        if isinstance(node, ast.If | ast.IfExp | ast.While):
            test_source = ast.get_source_segment(text, node.test) or ""
            if _is_guard(test_source):
                for child in ast.iter_child_nodes(node):
                    visit(child, True)
                return
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            # `hasattr(os, "geteuid") and os.geteuid() == 0`: what follows the guard is safe.
            for value in node.values:
                visit(value, guarded)
                guarded = guarded or _is_guard(ast.get_source_segment(text, value) or "")
            return
        if isinstance(node, ast.Try) and any(
            "ImportError" in (ast.get_source_segment(text, handler.type) or "")
            for handler in node.handlers
            if handler.type is not None
        ):
            guarded = True
        if not guarded:
            used = _posix_name(node)
            if used:
                found.append(f"{name}:{getattr(node, 'lineno', '?')} {used}")
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(tree, False)
    return found


def _posix_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "send_signal":
        # Popen.send_signal on Windows takes SIGTERM and the CTRL_*_EVENTs only.
        signal_name = ast.unparse(node.args[0]) if node.args else ""
        if signal_name in ("signal.SIGINT", "SIGINT"):
            return f"send_signal({signal_name})"
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.attr in POSIX_ONLY_ATTRIBUTES.get(node.value.id, ())
    ):
        return f"{node.value.id}.{node.attr}"
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_ONLY_MODULES:
                return f"import {alias.name}"
    if isinstance(node, ast.ImportFrom) and node.module:
        if node.module.split(".")[0] in POSIX_ONLY_MODULES:
            return f"from {node.module} import"
        if node.module in POSIX_ONLY_ATTRIBUTES:
            names = [a.name for a in node.names if a.name in POSIX_ONLY_ATTRIBUTES[node.module]]
            if names:
                return f"from {node.module} import {names[0]}"
    return None


def test_no_test_module_uses_posix_only_names_unguarded() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS.parent).as_posix()
        if relative.startswith("tests/perf/"):  # benchmarks run by hand, not in the workflow
            continue
        found += unguarded_posix_uses(path.read_text(encoding="utf-8"), relative)
    assert found == [], "POSIX-only names without a skip or guard:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "import os\ndef helper():\n    return os.geteuid()\n",
        "import signal\ndef test_x(child):\n    child.send_signal(signal.SIGKILL)\n",
        "import fcntl\n",
        "from os import fork\n",
        "import signal\ndef test_x(child):\n    child.send_signal(signal.SIGINT)\n",
        "import pytest, signal\n@pytest.mark.slow\ndef test_x():\n    signal.alarm(1)\n",
    ],
)
def test_checker_finds_unguarded_uses(source: str) -> None:
    assert unguarded_posix_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        "import os\ndef helper():\n    return hasattr(os, 'geteuid') and os.geteuid() == 0\n",
        "import os, sys\nif sys.platform != 'win32':\n    import fcntl\n",
        "import signal, sys\nKILLED = 1 if sys.platform == 'win32' else -signal.SIGKILL\n",
        "import pytest, signal, sys\n@pytest.mark.skipif(sys.platform == 'win32', reason='x')\n"
        "def test_x(child):\n    child.send_signal(signal.SIGKILL)\n",
        "import os, pytest\npytestmark = pytest.mark.skipif(os.name == 'nt', reason='x')\n"
        "def test_x():\n    os.fork()\n",
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n",
        "import signal\ndef test_x(child):\n    child.send_signal(signal.SIGTERM)\n",
        "import os, pytest\nposix_only = pytest.mark.skipif(os.name != 'posix', reason='x')\n"
        "@posix_only\ndef test_x(tmp_path):\n    os.mkfifo(tmp_path / 'f')\n",
    ],
)
def test_checker_accepts_guarded_or_portable_uses(source: str) -> None:
    assert unguarded_posix_uses(source) == []
