"""What the queue looks like: a window's waiting list, who is ahead of a ticket, who is being
served, and every window's queue today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from db.models import ServiceWindow, Ticket, Visit
from hall.queue.tickets import (
    CALLED,
    FINISHED,
    ORDINARY,
    PRIORITY,
    SERVING,
    WAITING,
    WindowQueue,
    view,
    window_by_code,
)


def waiting(
    session: Session,
    window_code: str,
    day: dt.date,
    offset: int = 0,
    limit: int | None = None,
) -> Sequence[Ticket]:
    """The window's waiting list in call order; ``offset``/``limit`` give one page of it, so a
    screen reads only the rows it shows."""
    window = window_by_code(session, window_code)
    return session.scalars(
        select(Ticket)
        .where(Ticket.window_id == window.id, Ticket.service_date == day, Ticket.status == WAITING)
        .order_by(Ticket.priority, Ticket.queued_at, Ticket.id)
        .offset(offset)
        .limit(limit)
    ).all()


def waiting_count(session: Session, window_code: str, day: dt.date) -> int:
    window = window_by_code(session, window_code)
    count = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(Ticket.window_id == window.id, Ticket.service_date == day, Ticket.status == WAITING)
    )
    return int(count or 0)


def people_ahead(session: Session, ticket: Ticket) -> int:
    """How many waiting visitors the window calls before this ticket (what the visitor is told)."""
    before = or_(
        Ticket.priority < ticket.priority,
        and_(Ticket.priority == ticket.priority, Ticket.queued_at < ticket.queued_at),
        and_(
            Ticket.priority == ticket.priority,
            Ticket.queued_at == ticket.queued_at,
            Ticket.id < ticket.id,
        ),
    )
    count = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(
            Ticket.window_id == ticket.window_id,
            Ticket.service_date == ticket.service_date,
            Ticket.status == WAITING,
            before,
        )
    )
    return int(count or 0)


def active(session: Session, window_code: str, day: dt.date) -> Sequence[Ticket]:
    """Tickets called or being served at the window now."""
    window = window_by_code(session, window_code)
    return session.scalars(
        select(Ticket)
        .where(
            Ticket.window_id == window.id,
            Ticket.service_date == day,
            Ticket.status.in_((CALLED, SERVING)),
        )
        .order_by(Ticket.called_at.desc())
    ).all()


def recent_calls(session: Session, day: dt.date, limit: int = 10) -> Sequence[Ticket]:
    """The latest calls of the day across all windows, newest first (for the display)."""
    return session.scalars(
        select(Ticket)
        .where(Ticket.service_date == day, Ticket.called_at.is_not(None))
        .order_by(Ticket.called_at.desc(), Ticket.id.desc())
        .limit(limit)
    ).all()


def status(session: Session, day: dt.date) -> list[WindowQueue]:
    """Every enabled window's queue today."""
    windows = session.scalars(
        select(ServiceWindow).where(ServiceWindow.enabled).order_by(ServiceWindow.sort_order)
    ).all()
    counts: dict[tuple[int, str, int], int] = {}
    for window_id, state, priority, count in session.execute(
        select(Ticket.window_id, Ticket.status, Ticket.priority, func.count())
        .where(Ticket.service_date == day)
        .group_by(Ticket.window_id, Ticket.status, Ticket.priority)
    ):
        counts[(window_id, state, priority)] = count
    result = []
    for window in windows:
        calling = [view(t) for t in active(session, window.code, day)]
        result.append(
            WindowQueue(
                code=window.code,
                letter=window.letter,
                name=window.name,
                location=window.location,
                waiting=counts.get((window.id, WAITING, PRIORITY), 0)
                + counts.get((window.id, WAITING, ORDINARY), 0),
                priority_waiting=counts.get((window.id, WAITING, PRIORITY), 0),
                served=sum(counts.get((window.id, FINISHED, p), 0) for p in (PRIORITY, ORDINARY)),
                calling=calling,
            )
        )
    return result


def visit_tickets(session: Session, visit: Visit) -> Sequence[Ticket]:
    return session.scalars(
        select(Ticket).where(Ticket.visit_id == visit.id).order_by(Ticket.issued_at)
    ).all()
