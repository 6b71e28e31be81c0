"""What the live feed needs from the database, below the screens: the event log read as plain
rows, and on PostgreSQL a connection that ``LISTEN``s for commits.

Every failure of the database here is a :class:`FeedLost` carrying the driver's first line, so
the feed (``kit.live``) can tell the user why it is away without knowing the driver.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import Select, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from db import events
from db.engine import POSTGRES_CONNECT_ARGS, Database
from db.models import Event

# The name the listening connection shows in pg_stat_activity.
APPLICATION_NAME = "hall live feed"


class FeedLost(Exception):
    """The database could not be read or listened to; ``reason`` is what the driver said."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LoggedEvent:
    """One row of the event log, as plain data that outlives its session."""

    id: int
    kind: str
    entity: str
    entity_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)


def error_reason(error: BaseException) -> str:
    """The first line of what the driver said: enough to tell a refused connection from a
    wrong password, short enough for a banner."""
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def last_id(database: Database) -> int:
    """The newest event's id (0 for an empty log)."""
    try:
        with database.read() as session:
            return events.last_id(session)
    except SQLAlchemyError as error:
        raise FeedLost(error_reason(error)) from error


def events_after(database: Database, after_id: int, limit: int) -> list[LoggedEvent]:
    """At most ``limit`` events after ``after_id``, oldest first."""
    return _read(database, select(Event).where(Event.id > after_id).order_by(Event.id).limit(limit))


def events_with_ids(database: Database, ids: Collection[int]) -> list[LoggedEvent]:
    """The events with these ids (those committed), oldest first."""
    return _read(database, select(Event).where(Event.id.in_(ids)).order_by(Event.id))


def _read(database: Database, query: Select[tuple[Event]]) -> list[LoggedEvent]:
    try:
        with database.read() as session:
            return [
                LoggedEvent(row.id, row.kind, row.entity, row.entity_id, dict(row.payload or {}))
                for row in session.scalars(query)
            ]
    except SQLAlchemyError as error:
        raise FeedLost(error_reason(error)) from error


class Listener:
    """A PostgreSQL connection in autocommit that ``LISTEN``s on :data:`db.events.CHANNEL`;
    its socket (``fileno``) becomes readable when a notification arrives."""

    def __init__(self, database_url: str) -> None:
        conninfo = (
            make_url(database_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )
        try:
            self._connection: psycopg.Connection[tuple[object, ...]] = psycopg.connect(
                make_conninfo(conninfo, application_name=APPLICATION_NAME, **POSTGRES_CONNECT_ARGS),
                autocommit=True,
            )
        except psycopg.Error as error:
            raise FeedLost(error_reason(error)) from error
        try:
            self._connection.execute(f"LISTEN {events.CHANNEL}")
        except psycopg.Error as error:
            self._connection.close()
            raise FeedLost(error_reason(error)) from error

    def fileno(self) -> int:
        return self._connection.fileno()

    def notified_ids(self) -> set[int]:
        """The ids of the events notified since the last call (without waiting)."""
        try:
            payloads = [n.payload for n in self._connection.notifies(timeout=0)]
        except psycopg.Error as error:
            raise FeedLost(error_reason(error)) from error
        return {int(head) for head, _, _ in (p.partition(":") for p in payloads) if head.isdigit()}

    def close(self) -> None:
        self._connection.close()
