"""The PostgreSQL test database comes back exactly migrated and empty between tests: no row
left in any table, every sequence back at its start (tests compare ids)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from db import schema
from db.engine import Database
from hall import catalog, reception, users
from tests import pg_reset


class Abandoned(Exception):
    pass


def written_tables(database: Database) -> set[str]:
    with database.read() as s:
        tables = schema.metadata().sorted_tables
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) for t in tables}
    return {name for name, n in counts.items() if n}


def add_officer(database: Database) -> int:
    with database.write() as s:
        return users.add_user(s, "falv", "李明", "secret1", [users.OFFICER], ["legal"]).id


def test_what_a_test_wrote_is_gone_and_ids_start_again(pg_db: Database) -> None:
    with pg_db.write() as s:
        catalog.seed(s)
    with pg_db.write() as s:
        first = reception.register(
            s, reception.Registration(name="张三", window="legal", summary="来访咨询")
        )
    # A rolled-back insert leaves no row but draws from its sequence all the same.
    with pytest.raises(Abandoned), pg_db.write() as s:
        users.add_user(s, "falv", "李明", "secret1", [users.OFFICER], ["legal"])
        raise Abandoned
    assert written_tables(pg_db) >= {"ticket", "visit", "visitor"}

    pg_reset.empty(pg_db)

    assert written_tables(pg_db) == set()
    with pg_db.read() as s:
        drawn = "SELECT sequencename FROM pg_sequences WHERE last_value IS NOT NULL"
        assert list(s.scalars(text(drawn))) == []
    with pg_db.write() as s:
        catalog.seed(s)
    with pg_db.write() as s:
        again = reception.register(
            s, reception.Registration(name="张三", window="legal", summary="来访咨询")
        )
        assert (again.id, again.visit_id) == (first.id, first.visit_id) == (1, 1)
    assert add_officer(pg_db) == 1
