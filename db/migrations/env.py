"""Alembic environment: the engine comes from the caller (db.migrate), never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from db import schema

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("db.migrate passes the engine in config.attributes['engine']")


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # SQLite alters a table by copying it and dropping the original, which enforced foreign
    # keys would refuse; the pragma only takes effect outside a transaction, so it goes to
    # the driver connection directly.
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _sqlite_foreign_keys(connection, on=False)
    context.configure(
        connection=connection,
        target_metadata=schema.metadata(),
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    connection.commit()
    if sqlite:
        _sqlite_foreign_keys(connection, on=True)
