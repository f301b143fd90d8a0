"""Set-up shared by the core tests: a fresh history database, and full assertion details in
the shared decoding helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.storage import Database

# Before the test modules import it: pytest rewrites only test modules' asserts by default.
pytest.register_assert_rewrite("tests.core.decoding_helpers")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An empty history database in the test's own folder, closed after the test."""
    database = Database.open(tmp_path / "history.sqlite3")
    yield database
    database.close()
