"""Profile rows: list, get, save (upsert) and delete saved agent profiles."""

from __future__ import annotations

import sqlite3

from desktop_app.core.profiles import Profile, validate_profile
from desktop_app.core.storage.base import StoreBase
from desktop_app.core.storage.records import from_db_time, to_db_time

_COLUMNS = (
    "id, display_name, base_url, agent_id, agent_name, agent_description, model_name, "
    "identifier, key_ref, created_at, updated_at"
)


def _profile(row: sqlite3.Row | tuple) -> Profile:
    created, updated = from_db_time(row[9]), from_db_time(row[10])
    assert created is not None and updated is not None  # NOT NULL columns
    return Profile(
        id=row[0],
        display_name=row[1],
        base_url=row[2],
        agent_id=row[3],
        agent_name=row[4],
        agent_description=row[5],
        model_name=row[6],
        identifier=row[7],
        key_ref=row[8],
        created_at=created,
        updated_at=updated,
    )


class ProfileStore(StoreBase):
    """Saved agent profiles (never their secrets)."""

    def list_profiles(self) -> list[Profile]:
        """Every profile, by display name (case-insensitive)."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM profiles ORDER BY display_name COLLATE NOCASE, id"
            ).fetchall()
        return [_profile(row) for row in rows]

    def get_profile(self, profile_id: str) -> Profile | None:
        """The profile with this id, or None."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM profiles WHERE id = ?", (profile_id,)
            ).fetchone()
        return _profile(row) if row else None

    def save_profile(self, profile: Profile) -> Profile:
        """Insert or update `profile` after validating it (InvalidInputError if invalid)."""
        validate_profile(profile)
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO profiles ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET display_name=excluded.display_name, "
                "base_url=excluded.base_url, agent_id=excluded.agent_id, "
                "agent_name=excluded.agent_name, agent_description=excluded.agent_description, "
                "model_name=excluded.model_name, identifier=excluded.identifier, "
                "key_ref=excluded.key_ref, updated_at=excluded.updated_at",
                (
                    profile.id,
                    profile.display_name.strip(),
                    profile.base_url,
                    profile.agent_id,
                    profile.agent_name,
                    profile.agent_description,
                    profile.model_name,
                    profile.identifier,
                    profile.key_ref,
                    to_db_time(profile.created_at),
                    to_db_time(profile.updated_at),
                ),
            )
        return profile

    def delete_profile(self, profile_id: str) -> bool:
        """Delete the profile and, by cascade, all its conversations and messages.

        The GUI asks the user first. Returns False when there was no such profile.
        """
        with self.transaction() as conn:
            cursor = conn.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))
        return cursor.rowcount > 0
