"""A ticket's states, the views screens get of it, and the checks every action makes first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defaultload, defer

from db import events
from db.event_kinds import EventKind
from db.models import (
    PriorityReason,
    ServiceWindow,
    Ticket,
    User,
    Visit,
    Visitor,
    VisitRepresentative,
)
from hall import json_form
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.masking import mask_name

WAITING = "waiting"
CALLED = "called"
SERVING = "serving"
FINISHED = "finished"
NO_SHOW = "no_show"
CANCELLED = "cancelled"
TRANSFERRED = "transferred"

STATUS_NAMES = {
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


# A ticket comes with its visit and visitor (joined), but not with their encrypted columns:
# a queue act reads the visitor's name, and a hardware caller's press then neither decrypts
# what it does not show nor loads the cipher's library. A column read later is loaded then.
WITHOUT_PERSONAL_DATA = (
    defaultload(Ticket.visit).options(
        *(defer(column) for column in (Visit.summary, Visit.request, Visit.facts, Visit.reasons)),
        defaultload(Visit.visitor).options(
            *(defer(column) for column in (Visitor.id_number, Visitor.phone, Visitor.address))
        ),
        defaultload(Visit.representatives).options(
            defer(VisitRepresentative.id_number), defer(VisitRepresentative.phone)
        ),
    ),
)


def find_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id, options=WITHOUT_PERSONAL_DATA)
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


def require_state(ticket: Ticket, allowed: set[str], action: str) -> None:
    if ticket.status not in allowed:
        raise IllegalTransition(
            f"{ticket.number} 号当前状态为“{STATUS_NAMES[ticket.status]}”，不能{action}。"
        )


def require_window_access(user: User | None, window: ServiceWindow) -> None:
    """An officer acts only at a window they are assigned to; admins anywhere."""
    if user is None:
        return
    roles = set(filter(None, user.roles.split(",")))
    if "admin" in roles:
        return
    if window.id not in {w.id for w in user.windows}:
        raise PermissionDenied(f"{user.name}没有被分配到{window.name}窗口，不能在此叫号或办理。")


def log_event(
    session: Session,
    kind: EventKind,
    ticket: Ticket,
    at: dt.datetime,
    actor: User | None,
    extra: dict[str, Any] | None = None,
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
            **(extra or {}),
        },
    )


def locked_ticket(session: Session, ticket_id: int) -> Ticket:
    """The ticket, re-read under a row lock so concurrent actions on it queue up."""
    ticket = session.get(Ticket, ticket_id, with_for_update={"of": Ticket}, populate_existing=True)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    return ticket


def ticket_to_act_on(
    session: Session, ticket_id: int, actor: User | None, allowed: set[str], action: str
) -> Ticket:
    """The ticket, locked, once the actor may work at its window and its state allows the
    action (named in the refusal)."""
    ticket = locked_ticket(session, ticket_id)
    require_window_access(actor, ticket.window)
    require_state(ticket, allowed, action)
    return ticket
