"""Opening the hall's database for the program and for ``hall-admin``: pick the URL,
migrate the schema (backing up a SQLite file first), fill the demo hall when asked."""

from __future__ import annotations

from db import migrate
from db.engine import Database, resolve_url
from hall import demo, setup


def open_database(url: str | None = None, demo_hall: bool = False) -> Database:
    database = Database(resolve_url(url, demo=demo_hall))
    migrate.upgrade(database.engine)
    if demo_hall:
        with database.write() as session:
            if not setup.is_set_up(session):
                demo.seed_demo(session)
    return database
