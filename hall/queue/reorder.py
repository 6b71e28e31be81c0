"""Changing the order of the queue by hand: calling a chosen visitor out of turn (with the
reason kept in the event log), and putting back a visitor marked absent (过号) who returns.

Neither moves anyone else: the visitors skipped by an out-of-turn call keep their places, and a
returning visitor is slotted in behind the next few waiting visitors, whose order is unchanged.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.event_kinds import EventKind
from db.models import Ticket, User
from hall import clock, settings
from hall.errors import IllegalTransition, InvalidInput
from hall.queue.actions import call_ticket
from hall.queue.lists import people_ahead
from hall.queue.tickets import (
    NO_SHOW,
    WAITING,
    log_event,
    require_state,
    ticket_by_number,
    ticket_to_act_on,
)

# A returning visitor's place is just after the visitor they go behind; this keeps the two
# apart in the call order (priority, queued_at, id) whatever their ids.
_JUST_AFTER = dt.timedelta(microseconds=1)


def call_out_of_turn(
    session: Session,
    window_code: str,
    number: str,
    reason: str,
    seat: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Call ticket ``number`` of today's queue at the window before its turn (指定叫号). The
    reason is required: the event log keeps it with how many visitors were passed over."""
    now = now or clock.now()
    reason = reason.strip()
    if not reason:
        raise InvalidInput("请填写指定叫号的原因（将记入操作日志），例如“预约到号”。", "reason")
    ticket = ticket_by_number(session, window_code, number.strip().upper(), now.date())
    require_state(ticket, {WAITING}, "指定叫号")
    skipped = people_ahead(session, ticket)
    return call_ticket(
        session, ticket.id, seat, actor, now, extra={"reason": reason, "skipped": skipped}
    )


def requeue_no_show(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Put a visitor marked absent today back in the queue behind the next N waiting visitors
    (N is the hall's 过号重排 setting), keeping their number; with fewer waiting, at the end."""
    now = now or clock.now()
    ticket = ticket_to_act_on(session, ticket_id, actor, {NO_SHOW}, "过号重排")
    if ticket.service_date != now.date():
        raise IllegalTransition(
            f"{ticket.number} 号是 {ticket.service_date:%Y-%m-%d} 的号，已过期，请重新取号。"
        )
    behind = settings.get(session, settings.NO_SHOW_RETURN_AFTER)
    ahead = session.scalars(
        select(Ticket)
        .where(
            Ticket.window_id == ticket.window_id,
            Ticket.service_date == ticket.service_date,
            Ticket.status == WAITING,
        )
        .order_by(Ticket.priority, Ticket.queued_at, Ticket.id)
        .limit(max(behind, 0))
    ).all()
    was_queued_at = ticket.queued_at
    if ahead:
        last = ahead[-1]
        # The place is a sort key, not the visitor's class: taking the class of the visitor
        # they go behind puts exactly those N ahead of them.
        ticket.priority = last.priority
        ticket.queued_at = last.queued_at + _JUST_AFTER
    ticket.status = WAITING
    ticket.called_at = None
    ticket.finished_at = None
    ticket.seat = None
    ticket.called_by = None
    ticket.recall_count = 0
    log_event(
        session,
        EventKind.TICKET_REQUEUED,
        ticket,
        now,
        actor,
        {"behind": len(ahead), "was_queued_at": was_queued_at.isoformat()},
    )
    return ticket
