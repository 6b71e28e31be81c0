"""Counters that hand out unique numbers under concurrency, inside the caller's transaction.

One statement both creates the row on first use and increments it, returning the new value
(``INSERT … ON CONFLICT DO UPDATE … RETURNING``). On PostgreSQL the row lock it takes is held
until the transaction ends, so concurrent callers queue on it; on SQLite every writing
transaction already holds the database's write lock (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Counter

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def _insert(dialect: str) -> postgresql.Insert | sqlite.Insert:
    """The database's own INSERT, for its upsert: its dialect is loaded already, and the other
    one is not loaded for this (PostgreSQL's would cost a SQLite hardware caller's press some
    hundredths of a second and 2 MB)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        return insert(Counter)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(Counter)


def next_value(session: Session, name: str) -> int:
    upsert = (
        _insert(session.get_bind().dialect.name)
        .values(name=name, value=1)
        .on_conflict_do_update(index_elements=[Counter.name], set_={"value": Counter.value + 1})
        .returning(Counter.value)
    )
    value = session.execute(upsert).scalar_one()
    return int(value)


def current_value(session: Session, name: str) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == name)) or 0
