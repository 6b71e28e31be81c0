"""What officers, the front desk and hardware callers do to a ticket: issue, call, recall,
start, finish, transfer, cancel, release. Each action checks the ticket's state under a row lock
and appends its event in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

# Finishing or transferring a ticket changes its visit: an archived one is refused in words.
from hall import archive  # noqa: F401  (isort: skip)

from db import counters
from db.event_kinds import EventKind
from db.models import ServiceWindow, Ticket, User
from hall import clock, settings
from hall.errors import IllegalTransition, InvalidInput
from hall.queue.tickets import (
    CALLED,
    CANCELLED,
    FINISHED,
    NO_SHOW,
    ORDINARY,
    PRIORITY,
    SERVING,
    TRANSFERRED,
    WAITING,
    check_priority_reason,
    find_ticket,
    locked_ticket,
    log_event,
    require_state,
    require_window_access,
    ticket_to_act_on,
    window_by_code,
)


def issue_ticket(
    session: Session,
    window_code: str,
    visit_id: int | None = None,
    priority_reason: str | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
    queued_at: dt.datetime | None = None,
    transferred_from: Ticket | None = None,
) -> Ticket:
    """Put a visit in a window's queue with the next number of the day (A001, A002, …)."""
    now = now or clock.now()
    window = window_by_code(session, window_code)
    if not window.enabled:
        raise IllegalTransition(f"{window.name}窗口已停用，请选择其他窗口。")
    reason = check_priority_reason(session, priority_reason)
    day = now.date()
    seq = counters.next_value(session, f"ticket:{window.code}:{day.isoformat()}")
    ticket = Ticket(
        visit_id=visit_id,
        window_id=window.id,
        service_date=day,
        seq=seq,
        number=f"{window.letter}{seq:03d}",
        status=WAITING,
        priority=PRIORITY if reason else ORDINARY,
        priority_reason=reason,
        queued_at=queued_at or now,
        issued_at=now,
        transferred_from_id=transferred_from.id if transferred_from else None,
        recall_count=0,
        notes="",
    )
    ticket.window = window
    session.add(ticket)
    session.flush()
    log_event(session, EventKind.TICKET_ISSUED, ticket, now, actor)
    return ticket


def call_next(
    session: Session,
    window_code: str,
    seat: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket | None:
    """Call the window's next visitor: priority first, then first queued. None if nobody waits."""
    day = (now or clock.now()).date()
    window = window_by_code(session, window_code)
    require_window_access(actor, window)
    _check_seat(window, seat)
    stmt = (
        select(Ticket.id)
        .where(
            Ticket.window_id == window.id,
            Ticket.service_date == day,
            Ticket.status == WAITING,
        )
        .order_by(Ticket.priority, Ticket.queued_at, Ticket.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        # Another officer's transaction may hold the head of the queue; take the next one
        # rather than wait for it, and never the same one.
        stmt = stmt.with_for_update(skip_locked=True)
    ticket_id = session.scalar(stmt)
    if ticket_id is None:
        return None
    # The moment of the call is read once the ticket is found, not before: a ticket another
    # desk issued while this officer's press was on its way is never called before its issue.
    return _move_to_called(
        session, find_ticket(session, ticket_id), seat, actor, now or clock.now()
    )


def call_ticket(
    session: Session,
    ticket_id: int,
    seat: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
    extra: dict[str, Any] | None = None,
) -> Ticket:
    """Call a chosen waiting visitor out of turn (the officer picked them from the list);
    ``extra`` goes into the call's event (why, and whom the call passed over)."""
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {WAITING}, "叫号")
    _check_seat(ticket.window, seat)
    return _move_to_called(session, ticket, seat, actor, now, extra)


def _check_seat(window: ServiceWindow, seat: int | None) -> None:
    if seat is not None and not 1 <= seat <= window.seat_count:
        raise InvalidInput(
            f"{window.name}窗口只有 {window.seat_count} 个座位，"
            f"座位号应在 1 到 {window.seat_count} 之间。",
            field="seat",
        )


def _move_to_called(
    session: Session,
    ticket: Ticket,
    seat: int | None,
    actor: User | None,
    now: dt.datetime,
    extra: dict[str, Any] | None = None,
) -> Ticket:
    """Called at ``seat``, and logged, whether the queue chose the ticket or the officer did."""
    ticket.status = CALLED
    ticket.called_at = now
    ticket.seat = seat
    ticket.called_by = actor.id if actor else None
    log_event(session, EventKind.TICKET_CALLED, ticket, now, actor, extra)
    return ticket


def _move_to_no_show(
    session: Session, ticket: Ticket, actor: User | None, now: dt.datetime
) -> Ticket:
    """Marked absent, and logged: by the officer, or by a recall past the hall's limit."""
    ticket.status = NO_SHOW
    ticket.finished_at = now
    log_event(session, EventKind.TICKET_NO_SHOW, ticket, now, actor)
    return ticket


def recall(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Call the same visitor again; past the hall's recall limit they are marked absent."""
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {CALLED}, "重呼")
    if ticket.recall_count >= settings.get(session, settings.MAX_RECALLS):
        return _move_to_no_show(session, ticket, actor, now)
    ticket.recall_count += 1
    ticket.called_at = now
    log_event(session, EventKind.TICKET_RECALLED, ticket, now, actor)
    return ticket


def mark_no_show(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {CALLED}, "标记过号")
    return _move_to_no_show(session, ticket, actor, now)


def start(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {CALLED}, "开始办理（请先叫号）")
    ticket.status = SERVING
    ticket.started_at = now
    log_event(session, EventKind.TICKET_STARTED, ticket, now, actor)
    return ticket


def finish(
    session: Session,
    ticket_id: int,
    notes: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Close the service; the notes are saved with the outcome on the ticket and its visit."""
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {SERVING}, "办结（请先开始办理）")
    ticket.status = FINISHED
    ticket.finished_at = now
    ticket.notes = notes.strip()
    if ticket.visit is not None and ticket.notes:
        visit = ticket.visit
        visit.outcome_notes = (
            f"{visit.outcome_notes}\n{ticket.notes}" if visit.outcome_notes else ticket.notes
        )
    log_event(session, EventKind.TICKET_FINISHED, ticket, now, actor)
    return ticket


def transfer(
    session: Session,
    ticket_id: int,
    to_window: str,
    notes: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Send the visitor on to another window. They keep their original place in time there;
    the new ticket links back to this one. Returns the new ticket."""
    now = now or clock.now()
    ticket = locked_ticket(session, ticket_id)
    require_state(ticket, {WAITING, CALLED, SERVING}, "转窗口")
    target = window_by_code(session, to_window)
    if target.id == ticket.window_id:
        raise InvalidInput(
            f"{ticket.number} 号已经在{target.name}窗口，请选择另一个窗口。", "window"
        )
    ticket.status = TRANSFERRED
    ticket.finished_at = now
    ticket.notes = notes.strip()
    log_event(session, EventKind.TICKET_TRANSFERRED, ticket, now, actor)
    new_ticket = issue_ticket(
        session,
        to_window,
        visit_id=ticket.visit_id,
        priority_reason=ticket.priority_reason,
        actor=actor,
        now=now,
        queued_at=ticket.queued_at,
        transferred_from=ticket,
    )
    if ticket.visit is not None:
        ticket.visit.window_id = target.id
    return new_ticket


def cancel(
    session: Session,
    ticket_id: int,
    reason: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    now = now or clock.now()
    ticket = locked_ticket(session, ticket_id)
    require_state(ticket, {WAITING, CALLED}, "取消")
    ticket.status = CANCELLED
    ticket.finished_at = now
    ticket.notes = reason.strip()
    log_event(session, EventKind.TICKET_CANCELLED, ticket, now, actor)
    return ticket


def release(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Put a called visitor back in the queue at their original place (the workstation that
    called them went away, or the call was a mistake)."""
    now = now or clock.now()
    ticket = locked_ticket(session, ticket_id)
    require_state(ticket, {CALLED}, "退回队列")
    ticket.status = WAITING
    ticket.called_at = None
    ticket.seat = None
    ticket.called_by = None
    ticket.recall_count = 0
    log_event(session, EventKind.TICKET_RELEASED, ticket, now, actor)
    return ticket


def release_stale_calls(
    session: Session, older_than: dt.timedelta, now: dt.datetime | None = None
) -> list[Ticket]:
    """Release every call left unanswered for longer than ``older_than``: a workstation killed
    mid-call must not leave its visitor stuck as "called" for the rest of the day. A call left
    from an earlier service day is closed as absent instead: that day's queue is never called
    again, so a ticket put back in it would wait for ever."""
    now = now or clock.now()
    stmt = select(Ticket.id, Ticket.service_date).where(
        Ticket.status == CALLED, Ticket.called_at < now - older_than
    )
    if session.get_bind().dialect.name == "postgresql":
        # Every workstation runs this on a timer: calls another one is releasing (or an
        # officer is acting on) are theirs, not to be released twice.
        stmt = stmt.with_for_update(skip_locked=True)
    stale = session.execute(stmt).all()
    return [
        release(session, ticket_id, now=now)
        if day >= now.date()
        else _move_to_no_show(session, locked_ticket(session, ticket_id), None, now)
        for ticket_id, day in stale
    ]
