"""The event log: every state change appends a row in the same transaction.

On PostgreSQL the row also raises a ``NOTIFY`` on :data:`CHANNEL`; PostgreSQL delivers it
only when the transaction commits, so listeners never hear of a change that was rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from db import audit_log
from db.event_kinds import EventKind
from db.models import Event

CHANNEL = "hall_events"


def append(
    session: Session,
    kind: EventKind,
    entity: str,
    entity_id: int | None,
    at: dt.datetime,
    actor_id: int | None = None,
    payload: Mapping[str, object] | None = None,
) -> Event:
    # A kind passed as a plain string (a screen not yet on the enum) must still be one of the
    # log's kinds: a misspelt one would be written and never heard by any screen.
    kind = EventKind(kind)
    event = Event(
        at=at,
        actor_id=actor_id,
        kind=kind,
        entity=entity,
        entity_id=entity_id,
        payload=dict(payload or {}),
    )
    session.add(event)
    session.flush()
    # The audit (issue 15): an audited act is chained in the same transaction as its event.
    if audit_log.is_audited(kind):
        audit_log.record_event(session, event)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :message)"),
            {"channel": CHANNEL, "message": f"{event.id}:{kind}"},
        )
    return event


def since(session: Session, after_id: int, limit: int = 500) -> Sequence[Event]:
    """Events committed after ``after_id``, oldest first."""
    rows = session.scalars(select(Event).where(Event.id > after_id).order_by(Event.id).limit(limit))
    return rows.all()


def last_id(session: Session) -> int:
    return session.scalar(select(func.max(Event.id))) or 0


def for_entity(session: Session, entity: str, entity_id: int) -> Sequence[Event]:
    rows = session.scalars(
        select(Event).where(Event.entity == entity, Event.entity_id == entity_id).order_by(Event.id)
    )
    return rows.all()
