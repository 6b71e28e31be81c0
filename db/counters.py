"""Counters that hand out unique numbers under concurrency, inside the caller's transaction.

One statement both creates the row on first use and increments it, returning the new value
(``INSERT … ON CONFLICT DO UPDATE … RETURNING``). On PostgreSQL the row lock it takes is held
until the transaction ends, so concurrent callers queue on it; on SQLite every writing
transaction already holds the database's write lock (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import Counter


def next_value(session: Session, name: str) -> int:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = (
        insert(Counter)
        .values(name=name, value=1)
        .on_conflict_do_update(index_elements=[Counter.name], set_={"value": Counter.value + 1})
        .returning(Counter.value)
    )
    value = session.execute(upsert).scalar_one()
    return int(value)


def current_value(session: Session, name: str) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == name)) or 0
