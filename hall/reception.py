"""The front desk's work: register a visitor and their visit, and queue them at a window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, events
from db.models import Ticket, User, Visit, Visitor
from hall import clock, queue
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import InvalidInput
from hall.identity import check_phone, check_resident_id

MAX_GROUP_REPRESENTATIVES = 5
MAX_NAME = 32


@dataclass
class Registration:
    """What the receptionist typed. Plain data, so a failed save keeps the form as it was."""

    name: str
    window: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    channel: str = "visit"
    purpose: str = "request"
    summary: str = ""
    group_size: int = 1
    priority_reason: str | None = None
    litigation: bool = False
    urgent: bool = False


def validate(reg: Registration) -> list[InvalidInput]:
    """Every problem with the form at once, each naming its field."""
    problems: list[InvalidInput] = []
    name = reg.name.strip()
    if not name:
        problems.append(InvalidInput("请填写来访人姓名。", "name"))
    elif len(name) > MAX_NAME:
        problems.append(InvalidInput(f"姓名太长（最多 {MAX_NAME} 个字）。", "name"))
    if reg.id_number.strip():
        try:
            check_resident_id(reg.id_number)
        except InvalidInput as error:
            problems.append(error)
    if reg.phone.strip():
        try:
            check_phone(reg.phone)
        except InvalidInput as error:
            problems.append(error)
    if reg.channel not in CHANNELS:
        problems.append(InvalidInput(f"来访方式“{reg.channel}”无效。", "channel"))
    if reg.purpose not in PURPOSES:
        problems.append(InvalidInput(f"诉求类别“{reg.purpose}”无效。", "purpose"))
    if reg.group_size < 1:
        problems.append(InvalidInput("来访人数至少为 1。", "group_size"))
    if not reg.window:
        problems.append(InvalidInput("请选择要去的窗口。", "window"))
    return problems


def _visit_code(session: Session, now: dt.datetime) -> str:
    seq = counters.next_value(session, f"visit:{now:%Y%m%d}")
    return f"V{now:%Y%m%d}{seq:04d}"


def register(
    session: Session, reg: Registration, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Register the visitor (or find them by ID number) and the visit, and issue the ticket,
    all in the caller's one transaction."""
    problems = validate(reg)
    if problems:
        raise problems[0]
    now = now or clock.now()
    resident = check_resident_id(reg.id_number) if reg.id_number.strip() else None
    phone = check_phone(reg.phone) if reg.phone.strip() else ""
    visitor = None
    if resident is not None:
        visitor = session.scalar(select(Visitor).where(Visitor.id_number == resident.number))
    if visitor is None:
        visitor = Visitor(
            name=reg.name.strip(),
            gender=resident.gender if resident else "",
            id_type="resident",
            id_number=resident.number if resident else None,
            birth_date=resident.birth_date if resident else None,
            phone=phone,
            address=reg.address.strip(),
            created_at=now,
        )
        session.add(visitor)
    else:
        visitor.name = reg.name.strip()
        if phone:
            visitor.phone = phone
        if reg.address.strip():
            visitor.address = reg.address.strip()
    window = queue.window_by_code(session, reg.window)
    session.flush()
    visit = Visit(
        code=_visit_code(session, now),
        visitor_id=visitor.id,
        channel=reg.channel,
        purpose=reg.purpose,
        summary=reg.summary.strip(),
        group_size=reg.group_size,
        litigation=reg.litigation,
        urgent=reg.urgent,
        priority_reason=reg.priority_reason or None,
        window_id=window.id,
        status="open",
        outcome_notes="",
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(visit)
    session.flush()
    events.append(
        session,
        "visit.registered",
        "visit",
        visit.id,
        now,
        actor.id if actor else None,
        {"code": visit.code, "window": window.code},
    )
    return queue.issue_ticket(
        session,
        reg.window,
        visit_id=visit.id,
        priority_reason=reg.priority_reason,
        actor=actor,
        now=now,
    )
