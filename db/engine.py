"""Engines and sessions for the embedded SQLite file and for a PostgreSQL server."""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as Session  # re-exported: the screens' one name for it
from sqlalchemy.orm import sessionmaker

APP_NAME = "hall"
ENV_URL = "HALL_DB_URL"
# How long a SQLite writer waits for another workstation's write before giving up.
SQLITE_BUSY_MS = 15_000
# Seconds. Without a connect timeout, opening a connection to a server that silently drops
# packets (a cable pulled, a firewall) hangs for minutes; keepalives notice such a loss on a
# connection already open within about half a minute instead of the system's two hours.
POSTGRES_CONNECT_ARGS: dict[str, int] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
# Execution option that marks a read-only unit of work, which on SQLite need not take the
# write lock up front.
READ_ONLY = "hall_read_only"
# The database file and its backups hold personal data: the owner alone may read them.
OWNER_ONLY = 0o600


def data_dir() -> Path:
    """Where the embedded database and its backups live (per user, per platform)."""
    override = os.environ.get("HALL_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url(demo: bool = False) -> str:
    name = "demo.sqlite3" if demo else "hall.sqlite3"
    return f"sqlite:///{data_dir() / name}"


def resolve_url(url: str | None, demo: bool = False) -> str:
    """The database to use: an explicit URL, else ``HALL_DB_URL``, else the embedded file."""
    if url:
        return normalise_url(url)
    if not demo and os.environ.get(ENV_URL):
        return normalise_url(os.environ[ENV_URL])
    return default_url(demo)


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and pick the psycopg 3 driver for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_private(path: Path) -> None:
    """Create ``path`` if need be, readable and writable by its owner only (SQLite gives its
    WAL and shared-memory files the same permissions as the database file)."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, OWNER_ONLY))
    elif os.name == "posix" and path.stat().st_mode & 0o077 and os.access(path, os.W_OK):
        # A file made before this rule, or copied in: tightened when the program opens it.
        path.chmod(OWNER_ONLY)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine set up for the hall: SQLite in WAL with foreign keys, or PostgreSQL."""
    url = normalise_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _setup_sqlite(engine, Path(database) if database and database != ":memory:" else None)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", dict(POSTGRES_CONNECT_ARGS))
    return create_engine(url, **kwargs)


def _setup_sqlite(engine: Engine, path: Path | None) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        if path is not None:
            # Before anything is written to it (SQLite creates the file empty on connecting).
            make_private(path)
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        # FULL: a ticket number printed on paper is on disk before the printer gets it, so a
        # power cut cannot make it be issued again (NORMAL may lose the last commits in WAL).
        cursor.execute("PRAGMA synchronous=FULL")
        # Deleted and overwritten rows are zeroed, not left readable in free pages: the file
        # holds personal data only in its encrypted form.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A write transaction takes the write lock at BEGIN, so two workstations never both
        # read the same state and then collide on upgrading to a writer (SQLITE_BUSY without
        # waiting); the busy timeout then queues them instead.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """One database: its engine and the session factories for writing and for reading."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, **engine_kwargs)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self.read_session = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def write(self) -> AbstractContextManager[Session]:
        """One user action's unit of work: ``with db.write() as s: ...`` commits at the end,
        or rolls back everything if anything in it fails."""
        return self.session.begin()

    def read(self) -> AbstractContextManager[Session]:
        """A read-only unit of work (screens refreshing, the display polling)."""
        return self.read_session.begin()

    def dispose(self) -> None:
        self.engine.dispose()

    def describe(self) -> str:
        """The URL without its password, for screens and logs."""
        return make_url(self.url).render_as_string(hide_password=True)


def is_database_failure(error: BaseException) -> bool:
    """True when ``error`` is the database's: lost, refused, locked or turned down by it, as
    opposed to a refusal by the rules or a bug. The screens' one test for it."""
    return isinstance(error, SQLAlchemyError)
