"""Alembic environment: the engine comes from the caller (db.migrate), never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from db.models import Base

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("db.migrate passes the engine in config.attributes['engine']")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
