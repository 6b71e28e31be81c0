"""The queue engine: tickets per window per day, calling, recalls, transfers.

A ticket moves through these states; anything else is refused with a reason::

    waiting ──call──▶ called ──start──▶ serving ──finish──▶ finished
       │                │  ▲ recall       │
       │                │  └──────┘       └──transfer──▶ transferred (a new ticket waits
       │                ├──no-show──▶ no_show             at the other window, keeping
       ├──cancel────────┴──cancel───▶ cancelled           the visitor's place in time)
       └──transfer──▶ transferred

A called ticket can also be released back to waiting, at its original place in the queue, when
the call was a mistake or the workstation that made it went away.

Numbers come from a counter row per window per day (``db.counters``) and are backed by a
unique constraint; calling locks the chosen row (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the
write lock on SQLite), so two desks or two officers acting at once never collide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from db import counters, events
from db.event_kinds import EventKind
from db.models import PriorityReason, ServiceWindow, Ticket, User, Visit
from db.states import TicketStatus
from hall import clock, json_form, settings
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.masking import mask_name

# Kept under the names screens import; the values live in db.states.TicketStatus.
WAITING = TicketStatus.WAITING
CALLED = TicketStatus.CALLED
SERVING = TicketStatus.SERVING
FINISHED = TicketStatus.FINISHED
NO_SHOW = TicketStatus.NO_SHOW
CANCELLED = TicketStatus.CANCELLED
TRANSFERRED = TicketStatus.TRANSFERRED

STATUS_NAMES: dict[str, str] = {
    WAITING: "等候中",
    CALLED: "已呼叫",
    SERVING: "办理中",
    FINISHED: "已办结",
    NO_SHOW: "过号",
    CANCELLED: "已取消",
    TRANSFERRED: "已转窗口",
}
TERMINAL = frozenset({FINISHED, NO_SHOW, CANCELLED, TRANSFERRED})

PRIORITY = 0
ORDINARY = 1


@dataclass(frozen=True)
class TicketView:
    """What screens, the display and ``hall-admin --json`` know of a ticket."""

    id: int
    number: str
    window: str
    window_name: str
    window_location: str
    status: str
    status_name: str
    service_date: dt.date
    priority_reason: str | None
    visit_id: int | None
    visitor_name: str
    masked_name: str
    queued_at: dt.datetime
    issued_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    seat: int | None
    recall_count: int
    transferred_from_id: int | None
    notes: str

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


@dataclass(frozen=True)
class WindowQueue:
    """One window's queue today, for the front desk, the display and ``queue status``."""

    code: str
    letter: str
    name: str
    location: str
    waiting: int
    priority_waiting: int
    served: int
    calling: Sequence[TicketView]


def view(ticket: Ticket) -> TicketView:
    visitor_name = ticket.visit.visitor.name if ticket.visit is not None else ""
    return TicketView(
        id=ticket.id,
        number=ticket.number,
        window=ticket.window.code,
        window_name=ticket.window.name,
        window_location=ticket.window.location,
        status=ticket.status,
        status_name=STATUS_NAMES[ticket.status],
        service_date=ticket.service_date,
        priority_reason=ticket.priority_reason,
        visit_id=ticket.visit_id,
        visitor_name=visitor_name,
        masked_name=mask_name(visitor_name),
        queued_at=ticket.queued_at,
        issued_at=ticket.issued_at,
        called_at=ticket.called_at,
        started_at=ticket.started_at,
        finished_at=ticket.finished_at,
        seat=ticket.seat,
        recall_count=ticket.recall_count,
        transferred_from_id=ticket.transferred_from_id,
        notes=ticket.notes,
    )


def window_by_code(session: Session, code: str) -> ServiceWindow:
    window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == code))
    if window is None:
        known = "、".join(session.scalars(select(ServiceWindow.code).order_by(ServiceWindow.id)))
        raise NotFound(f"没有代码为“{code}”的窗口。可用的窗口代码：{known or '（尚未设置窗口）'}")
    return window


def check_priority_reason(session: Session, code: str | None) -> str | None:
    """The enabled priority reason with this code (None for none); any other is refused."""
    if not code:
        return None
    reason = session.get(PriorityReason, code)
    if reason is None or not reason.enabled:
        known = "、".join(
            session.scalars(
                select(PriorityReason.code)
                .where(PriorityReason.enabled)
                .order_by(PriorityReason.code)
            )
        )
        raise InvalidInput(f"没有“{code}”这种优先理由。可用的优先理由：{known}", field="priority")
    return reason.code


def _ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    return ticket


def ticket_by_number(session: Session, window_code: str, number: str, day: dt.date) -> Ticket:
    window = window_by_code(session, window_code)
    ticket = session.scalar(
        select(Ticket).where(
            Ticket.window_id == window.id, Ticket.service_date == day, Ticket.number == number
        )
    )
    if ticket is None:
        raise NotFound(f"{window.name}窗口今天没有 {number} 号。")
    return ticket


def _require_state(ticket: Ticket, allowed: set[str], action: str) -> None:
    if ticket.status not in allowed:
        raise IllegalTransition(
            f"{ticket.number} 号当前状态为“{STATUS_NAMES[ticket.status]}”，不能{action}。"
        )


def _require_window_access(user: User | None, window: ServiceWindow) -> None:
    """An officer acts only at a window they are assigned to; admins anywhere."""
    if user is None:
        return
    roles = set(filter(None, user.roles.split(",")))
    if "admin" in roles:
        return
    if window.id not in {w.id for w in user.windows}:
        raise PermissionDenied(f"{user.name}没有被分配到{window.name}窗口，不能在此叫号或办理。")


def _log(
    session: Session, kind: EventKind, ticket: Ticket, at: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "ticket",
        ticket.id,
        at,
        actor.id if actor else None,
        {
            "number": ticket.number,
            "window": ticket.window.code,
            "status": ticket.status,
            "seat": ticket.seat,
        },
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
    _log(session, EventKind.TICKET_ISSUED, ticket, now, actor)
    return ticket


def call_next(
    session: Session,
    window_code: str,
    seat: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket | None:
    """Call the window's next visitor: priority first, then first queued. None if nobody waits."""
    now = now or clock.now()
    window = window_by_code(session, window_code)
    _require_window_access(actor, window)
    if seat is not None and not 1 <= seat <= window.seat_count:
        raise InvalidInput(
            f"{window.name}窗口只有 {window.seat_count} 个座位，"
            f"座位号应在 1 到 {window.seat_count} 之间。",
            field="seat",
        )
    stmt = (
        select(Ticket.id)
        .where(
            Ticket.window_id == window.id,
            Ticket.service_date == now.date(),
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
    return _move_to_called(session, _ticket(session, ticket_id), seat, actor, now)


def call_ticket(
    session: Session,
    ticket_id: int,
    seat: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Call a chosen waiting visitor out of turn (the officer picked them from the list)."""
    now = now or clock.now()
    ticket = _ticket_to_act_on(session, ticket_id, actor, {WAITING}, "叫号")
    return _move_to_called(session, ticket, seat, actor, now)


def _move_to_called(
    session: Session, ticket: Ticket, seat: int | None, actor: User | None, now: dt.datetime
) -> Ticket:
    """Called at ``seat``, and logged, whether the queue chose the ticket or the officer did."""
    ticket.status = CALLED
    ticket.called_at = now
    ticket.seat = seat
    ticket.called_by = actor.id if actor else None
    _log(session, EventKind.TICKET_CALLED, ticket, now, actor)
    return ticket


def _locked_ticket(session: Session, ticket_id: int) -> Ticket:
    """The ticket, re-read under a row lock so concurrent actions on it queue up."""
    ticket = session.get(Ticket, ticket_id, with_for_update={"of": Ticket}, populate_existing=True)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    return ticket


def _ticket_to_act_on(
    session: Session, ticket_id: int, actor: User | None, allowed: set[str], action: str
) -> Ticket:
    """The ticket, locked, once the actor may work at its window and its state allows the
    action (named in the refusal)."""
    ticket = _locked_ticket(session, ticket_id)
    _require_window_access(actor, ticket.window)
    _require_state(ticket, allowed, action)
    return ticket


def _move_to_no_show(
    session: Session, ticket: Ticket, actor: User | None, now: dt.datetime
) -> Ticket:
    """Marked absent, and logged: by the officer, or by a recall past the hall's limit."""
    ticket.status = NO_SHOW
    ticket.finished_at = now
    _log(session, EventKind.TICKET_NO_SHOW, ticket, now, actor)
    return ticket


def recall(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Call the same visitor again; past the hall's recall limit they are marked absent."""
    now = now or clock.now()
    ticket = _ticket_to_act_on(session, ticket_id, actor, {CALLED}, "重呼")
    if ticket.recall_count >= settings.get(session, settings.MAX_RECALLS):
        return _move_to_no_show(session, ticket, actor, now)
    ticket.recall_count += 1
    ticket.called_at = now
    _log(session, EventKind.TICKET_RECALLED, ticket, now, actor)
    return ticket


def mark_no_show(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = _ticket_to_act_on(session, ticket_id, actor, {CALLED}, "标记过号")
    return _move_to_no_show(session, ticket, actor, now)


def start(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = _ticket_to_act_on(session, ticket_id, actor, {CALLED}, "开始办理（请先叫号）")
    ticket.status = SERVING
    ticket.started_at = now
    _log(session, EventKind.TICKET_STARTED, ticket, now, actor)
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
    ticket = _ticket_to_act_on(session, ticket_id, actor, {SERVING}, "办结（请先开始办理）")
    ticket.status = FINISHED
    ticket.finished_at = now
    ticket.notes = notes.strip()
    if ticket.visit is not None and ticket.notes:
        visit = ticket.visit
        visit.outcome_notes = (
            f"{visit.outcome_notes}\n{ticket.notes}" if visit.outcome_notes else ticket.notes
        )
    _log(session, EventKind.TICKET_FINISHED, ticket, now, actor)
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
    ticket = _locked_ticket(session, ticket_id)
    _require_state(ticket, {WAITING, CALLED, SERVING}, "转窗口")
    target = window_by_code(session, to_window)
    if target.id == ticket.window_id:
        raise InvalidInput(
            f"{ticket.number} 号已经在{target.name}窗口，请选择另一个窗口。", "window"
        )
    ticket.status = TRANSFERRED
    ticket.finished_at = now
    ticket.notes = notes.strip()
    _log(session, EventKind.TICKET_TRANSFERRED, ticket, now, actor)
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
    ticket = _locked_ticket(session, ticket_id)
    _require_state(ticket, {WAITING, CALLED}, "取消")
    ticket.status = CANCELLED
    ticket.finished_at = now
    ticket.notes = reason.strip()
    _log(session, EventKind.TICKET_CANCELLED, ticket, now, actor)
    return ticket


def release(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Put a called visitor back in the queue at their original place (the workstation that
    called them went away, or the call was a mistake)."""
    now = now or clock.now()
    ticket = _locked_ticket(session, ticket_id)
    _require_state(ticket, {CALLED}, "退回队列")
    ticket.status = WAITING
    ticket.called_at = None
    ticket.seat = None
    ticket.called_by = None
    ticket.recall_count = 0
    _log(session, EventKind.TICKET_RELEASED, ticket, now, actor)
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
        else _move_to_no_show(session, _locked_ticket(session, ticket_id), None, now)
        for ticket_id, day in stale
    ]


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
