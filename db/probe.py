"""Trying a database address before the program uses it: whether it is an address at all,
whether the server answers and lets the user in, and which version of the schema it holds.

The verdict is plain data (:class:`Probe`); the settings page says it in the user's words.
Only the driver's own errors tell a refused connection from a wrong password, so PostgreSQL
is first tried with psycopg alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import psycopg
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session

from db import migrate
from db.engine import POSTGRES_CONNECT_ARGS, Database, default_url, normalise_url, resolve_url
from db.listen import error_reason

Windows = list[tuple[str, str]]


class Verdict(Enum):
    NOT_AN_ADDRESS = "not_an_address"
    UNSUPPORTED = "unsupported"  # neither PostgreSQL nor SQLite
    IN_MEMORY = "in_memory"
    NO_FOLDER = "no_folder"
    NO_FILE_YET = "no_file_yet"  # usable: the program creates it
    REFUSED = "refused"
    NO_SUCH_HOST = "no_such_host"
    NO_ANSWER = "no_answer"
    BAD_PASSWORD = "bad_password"
    NO_SUCH_USER = "no_such_user"
    NO_SUCH_DATABASE = "no_such_database"
    NOT_ACCEPTING = "not_accepting"
    CANNOT_CONNECT = "cannot_connect"
    EMPTY = "empty"  # usable: set up at the first start
    NEWER = "newer"
    OLDER = "older"  # usable: migrated at the start
    READY = "ready"
    CANNOT_USE = "cannot_use"


USABLE = frozenset({Verdict.NO_FILE_YET, Verdict.EMPTY, Verdict.OLDER, Verdict.READY})


@dataclass(frozen=True)
class Probe:
    """The verdict on an address and what its message needs: the server (``where``, ``host``,
    ``port``), the ``user`` and database ``name``, the driver ``kind``, the file ``path``, the
    driver's ``reason``, and for a ready database the hall's windows (code, title)."""

    verdict: Verdict
    where: str = ""
    host: str = ""
    port: int = 0
    user: str = ""
    name: str = ""
    kind: str = ""
    path: str = ""
    reason: str = ""
    windows: Windows = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.verdict in USABLE


def probe(url: str, timeout: int, read_windows: Callable[[Session], Windows]) -> Probe:
    """Try ``url`` (empty: this computer's embedded database); ``read_windows`` reads the
    hall's windows from a database found ready."""
    address = url.strip() or default_url()
    try:
        parsed = make_url(normalise_url(address))
    except ArgumentError:
        return Probe(Verdict.NOT_AN_ADDRESS)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        found = _sqlite_verdict(parsed)
        if found is not None:
            return found
    elif backend == "postgresql":
        found = _postgres_problem(parsed, timeout)
        if found is not None:
            return found
    else:
        return Probe(Verdict.UNSUPPORTED, kind=parsed.drivername)
    return _schema_state(parsed, timeout, read_windows)


def _sqlite_verdict(url: URL) -> Probe | None:
    """What is wrong with a database file, or that there is none yet (a check must not create
    it); None when the file is there to be opened."""
    database = url.database or ""
    if not database or database == ":memory:":
        return Probe(Verdict.IN_MEMORY)
    path = Path(database)
    if not path.parent.is_dir():
        return Probe(Verdict.NO_FOLDER, path=str(path.parent))
    if not path.exists():
        return Probe(Verdict.NO_FILE_YET, path=str(path))
    return None


# What psycopg says, lowered, and the verdict it means; the first match wins.
_POSTGRES_ERRORS: tuple[tuple[Callable[[str], bool], Verdict], ...] = (
    (lambda said: "connection refused" in said, Verdict.REFUSED),
    (lambda said: "resolve host" in said or "translate host name" in said, Verdict.NO_SUCH_HOST),
    (lambda said: "timeout" in said or "timed out" in said, Verdict.NO_ANSWER),
    (
        lambda said: "password authentication failed" in said or "no password supplied" in said,
        Verdict.BAD_PASSWORD,
    ),
    (lambda said: "role" in said and "does not exist" in said, Verdict.NO_SUCH_USER),
    (lambda said: "database" in said and "does not exist" in said, Verdict.NO_SUCH_DATABASE),
    (
        lambda said: "not currently accepting connections" in said or "shutting down" in said,
        Verdict.NOT_ACCEPTING,
    ),
)


def _postgres_problem(url: URL, timeout: int) -> Probe | None:
    """Connect once with the driver alone, whose errors say precisely what went wrong."""
    host = url.host or "localhost"
    port = url.port or 5432
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        psycopg.connect(conninfo, connect_timeout=timeout).close()
    except psycopg.Error as error:
        lowered = str(error).lower()
        verdict = next(
            (v for matches, v in _POSTGRES_ERRORS if matches(lowered)), Verdict.CANNOT_CONNECT
        )
        return Probe(
            verdict,
            where=f"{host}:{port}",
            host=host,
            port=port,
            user=url.username or "",
            name=url.database or "",
            reason=error_reason(error),
        )
    return None


def _schema_state(url: URL, timeout: int, read_windows: Callable[[Session], Windows]) -> Probe:
    address = url.render_as_string(hide_password=False)
    database = (
        Database(address, connect_args=dict(POSTGRES_CONNECT_ARGS, connect_timeout=timeout))
        if url.get_backend_name() == "postgresql"
        else Database(address)
    )
    try:
        if migrate.is_empty(database.engine):
            return Probe(Verdict.EMPTY)
        current = migrate.current_revision(database.engine)
        if current != migrate.head_revision():
            # Alembic only here, where it is needed: the log-in window does not wait for it.
            from alembic.script import ScriptDirectory
            from alembic.util.exc import CommandError

            try:
                ScriptDirectory(str(migrate.MIGRATIONS)).get_revision(current or "base")
            except CommandError:
                return Probe(Verdict.NEWER)
            return Probe(Verdict.OLDER)
        with database.read() as session:
            return Probe(Verdict.READY, windows=read_windows(session))
    except (SQLAlchemyError, OSError, NoSuchModuleError) as error:
        return Probe(Verdict.CANNOT_USE, reason=error_reason(error))
    finally:
        database.dispose()


def shown_address(url: str | None, demo: bool) -> str | None:
    """The address the program would open, without its password; None if it is not one."""
    try:
        return make_url(resolve_url(url, demo)).render_as_string(hide_password=True)
    except ArgumentError:
        return None


def database_host(url: str) -> str | None:
    """The server a database address names (``db.hall.local``), None for a file on this
    computer (SQLite) or an address that is not one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() == "sqlite":
        return None
    return parsed.host or "localhost"


def split_password(url: str) -> tuple[str, str]:
    """The address without its password, and the password (shown apart, as dots)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url, ""
    if not parsed.password:
        return url, ""
    # URL.set() leaves a field alone when given None, so the password goes by _replace.
    return parsed._replace(password=None).render_as_string(), str(parsed.password)


def join_password(url: str, password: str) -> str:
    """The address with the password typed apart (a password in the address itself stays
    when none is typed apart)."""
    if not password:
        return url
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)
