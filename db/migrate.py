"""Create or upgrade the schema with Alembic; back up a SQLite file before touching it."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from db.engine import make_private

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic costs a command a quarter of a second to import; the revisions are read from the
# migration files' text instead, so that a database already at the head never loads it.
_REVISION = re.compile(r"^(down_)?revision\b[^=\n]*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The revision no migration file names as its ``down_revision``."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, revision in _REVISION.findall(path.read_text(encoding="utf-8")):
            if revision:
                (downs if down else revisions).add(revision)
    heads = revisions - downs
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if found is None else str(found)


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
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return backup
