"""Create or upgrade the schema with Alembic; back up a SQLite file before touching it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url

from db.engine import make_private

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def is_empty(engine: Engine) -> bool:
    """True when the database has no tables of ours yet (a first start)."""
    return not inspect(engine).has_table("hall_setting")


def backup_sqlite(engine: Engine, now: dt.datetime) -> Path | None:
    """Copy the SQLite file aside (consistently, via SQLite's backup API)."""
    database = make_url(engine.url).database
    if not database or database == ":memory:" or not Path(database).exists():
        return None
    source_path = Path(database)
    target = source_path.with_name(
        f"{source_path.stem}.{now:%Y%m%d-%H%M%S}.bak{source_path.suffix}"
    )
    make_private(target)
    source = sqlite3.connect(source_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, now: dt.datetime | None = None) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made, if any."""
    if not needs_upgrade(engine):
        return None
    backup = None
    if engine.dialect.name == "sqlite" and current_revision(engine) is not None:
        backup = backup_sqlite(engine, now or dt.datetime.now())
    command.upgrade(alembic_config(engine), "head")
    return backup
