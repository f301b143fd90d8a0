"""No text export ever holds a key: not the secret, not the public key, no Bearer header."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.export import ExportFormat, collect, write_export
from desktop_app.core.models import Credentials
from desktop_app.core.secrets import SecretStore, key_ref
from desktop_app.core.storage import Database
from tests.fixtures.export_samples import BASE_URL, fill_database, sample_conversation, save_profile
from tests.fixtures.keyring import MemoryKeyring

PUBLIC_KEY = "pk_live_0123456789abcdef0123456789abcdef"
SECRET_KEY = "sk_live_fedcba9876543210fedcba9876543210fedcba9876543210abcd"
FORBIDDEN = (SECRET_KEY, PUBLIC_KEY, "Bearer", "sk_live", "pk_live")


def test_no_key_in_any_text_export(tmp_path: Path):
    backend = MemoryKeyring()
    store = SecretStore(backend)
    ref = key_ref(BASE_URL, PUBLIC_KEY)
    store.set(ref, Credentials(PUBLIC_KEY, SECRET_KEY))
    with Database.open(tmp_path / "history.sqlite3") as database:
        profile = save_profile(database, key_ref=ref)
        fill_database(database, profile, sample_conversation())
        document = collect(database)
    assert store.get(ref) == Credentials(PUBLIC_KEY, SECRET_KEY)  # the keys are really there
    for export_format in ExportFormat:
        if export_format is ExportFormat.PDF:
            continue  # tests/gui/test_export_pdf.py and tests/e2e/test_cli_export.py
        path = write_export(document, export_format, tmp_path / f"all{export_format.suffix}")
        content = path.read_bytes().decode("utf-8")
        for forbidden in FORBIDDEN:
            assert forbidden not in content, f"{forbidden[:7]}... in the {export_format} export"
    # The keyring entry name (which holds the public key) is not exported either.
    assert "key_ref" not in (tmp_path / "all.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", ["key_ref", "public_key", "secret_key", "identifier"])
def test_the_export_profile_has_no_field_for_keys(field: str):
    from desktop_app.core.export import ExportedProfile

    assert field not in ExportedProfile.__slots__
