"""The front desk's work: register a visitor and their visit, and queue them at a window."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, events
from db.event_kinds import EventKind
from db.lookup import id_number_is
from db.models import Ticket, User, Visit, Visitor, VisitRepresentative
from db.states import VisitStatus
from hall import clock, fields, queue
from hall.catalog import CHANNELS, GENDERS, ID_TYPES, PURPOSES
from hall.errors import InvalidInput, NotFound
from hall.identity import check_phone, check_resident_id
from hall.visitors import name_initials, new_query_code

# 信访工作条例 第十八条: a group raising a common matter elects representatives, at most five.
MAX_GROUP_REPRESENTATIVES = 5
# A group this large must name its representatives rather than all speak at once.
GROUP_NEEDS_REPRESENTATIVES = 5
MAX_NAME = fields.VISITOR_NAME.max_length
OTHER_DOCUMENT = re.compile(r"^[A-Za-z0-9()（）-]{5,24}$")


@dataclass
class Representative:
    name: str
    id_number: str = ""
    phone: str = ""


@dataclass
class Registration:
    """What the receptionist typed. Plain data, so a failed save keeps the form as it was."""

    name: str
    window: str
    id_type: str = "resident"
    id_number: str = ""
    gender: str = ""
    phone: str = ""
    township: str = ""
    village: str = ""
    address: str = ""
    channel: str = "visit"
    proxy_name: str = ""
    purpose: str = "request"
    summary: str = ""
    request: str = ""
    facts: str = ""
    reasons: str = ""
    group_size: int = 1
    representatives: list[Representative] = field(default_factory=list)
    priority_reason: str | None = None
    litigation: bool = False
    urgent: bool = False
    sensitive: bool = False
    leader_reception: bool = False
    # A returning visitor picked from the search, when they have no ID number to match on.
    visitor_id: int | None = None


def _check_document(reg: Registration) -> InvalidInput | None:
    if not reg.id_number.strip():
        return None
    if reg.id_type == "resident":
        try:
            check_resident_id(reg.id_number)
        except InvalidInput as error:
            return error
        return None
    if not OTHER_DOCUMENT.match(reg.id_number.strip()):
        return InvalidInput(
            f"{ID_TYPES.get(reg.id_type, '证件')}号码应为 5–24 位字母或数字，请核对。", "id_number"
        )
    return None


def check_representatives(reps: list[Representative], group_size: int) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if len(reps) > MAX_GROUP_REPRESENTATIVES:
        problems.append(
            InvalidInput(
                f"多人反映共同诉求，应推选代表，代表人数不超过 {MAX_GROUP_REPRESENTATIVES} 人"
                f"（《信访工作条例》）。现在登记了 {len(reps)} 名代表，请减少到 "
                f"{MAX_GROUP_REPRESENTATIVES} 人以内。",
                "representatives",
            )
        )
    if group_size > GROUP_NEEDS_REPRESENTATIVES and not reps:
        problems.append(
            InvalidInput(
                f"{group_size} 人集体来访，请登记推选的代表"
                f"（1 至 {MAX_GROUP_REPRESENTATIVES} 人）。",
                "representatives",
            )
        )
    if reps and group_size < len(reps):
        problems.append(
            InvalidInput(f"代表人数（{len(reps)}）不能多于来访人数（{group_size}）。", "group_size")
        )
    for number, rep in enumerate(reps, start=1):
        if not rep.name.strip():
            problems.append(InvalidInput(f"第 {number} 名代表的姓名未填写。", "representatives"))
        else:
            try:
                fields.clean(fields.REPRESENTATIVE_NAME, rep.name)
            except InvalidInput as error:
                problems.append(
                    InvalidInput(f"第 {number} 名代表：{error.message}", "representatives")
                )
        if rep.id_number.strip():
            try:
                check_resident_id(rep.id_number, "representatives")
            except InvalidInput as error:
                problems.append(
                    InvalidInput(f"第 {number} 名代表：{error.message}", "representatives")
                )
        if rep.phone.strip():
            try:
                check_phone(rep.phone, "representatives")
            except InvalidInput as error:
                problems.append(
                    InvalidInput(f"第 {number} 名代表：{error.message}", "representatives")
                )
    return problems


def validate(reg: Registration) -> list[InvalidInput]:
    """Every problem with the form at once, each naming its field."""
    problems: list[InvalidInput] = []
    texts = (
        (fields.VISITOR_NAME, reg.name),
        (fields.TOWNSHIP, reg.township),
        (fields.VILLAGE, reg.village),
        (fields.ADDRESS, reg.address),
        (fields.PROXY_NAME, reg.proxy_name),
        (fields.SUMMARY, reg.summary),
        (fields.REQUEST, reg.request),
        (fields.FACTS, reg.facts),
        (fields.REASONS, reg.reasons),
    )
    for rule, value in texts:
        try:
            fields.clean(rule, value)
        except InvalidInput as error:
            problems.append(error)
    if reg.id_type not in ID_TYPES:
        problems.append(InvalidInput(f"证件类型“{reg.id_type}”无效。", "id_type"))
    else:
        document = _check_document(reg)
        if document is not None:
            problems.append(document)
    if reg.gender and reg.gender not in GENDERS:
        problems.append(InvalidInput("性别应为“男”或“女”。", "gender"))
    if reg.phone.strip():
        try:
            check_phone(reg.phone)
        except InvalidInput as error:
            problems.append(error)
    if reg.channel not in CHANNELS:
        problems.append(InvalidInput(f"来访方式“{reg.channel}”无效。", "channel"))
    elif reg.channel == "proxy" and not reg.proxy_name.strip():
        problems.append(InvalidInput("代理来访，请填写代理人姓名。", "proxy_name"))
    if reg.purpose not in PURPOSES:
        problems.append(InvalidInput(f"诉求类别“{reg.purpose}”无效。", "purpose"))
    if reg.group_size < 1:
        problems.append(InvalidInput("来访人数至少为 1。", "group_size"))
    else:
        problems.extend(check_representatives(reg.representatives, reg.group_size))
    if not reg.window:
        problems.append(InvalidInput("请选择要去的窗口。", "window"))
    return problems


def new_visit_code(session: Session, now: dt.datetime) -> str:
    """The next visit code of the day (V202611210007): every record in the register of visits
    takes one, a letter entered there as well as a visitor at the front desk."""
    seq = counters.next_value(session, f"visit:{now:%Y%m%d}")
    return f"V{now:%Y%m%d}{seq:04d}"


def _find_or_create_visitor(session: Session, reg: Registration, now: dt.datetime) -> Visitor:
    resident = (
        check_resident_id(reg.id_number)
        if reg.id_type == "resident" and reg.id_number.strip()
        else None
    )
    number = resident.number if resident else (reg.id_number.strip().upper() or None)
    phone = check_phone(reg.phone) if reg.phone.strip() else ""
    visitor: Visitor | None = None
    if reg.visitor_id is not None:
        visitor = session.get(Visitor, reg.visitor_id)
        if visitor is None:
            raise NotFound("所选的来访人已不存在，请重新查找。")
    elif number is not None:
        visitor = session.scalar(
            select(Visitor).where(id_number_is(number), Visitor.id_type == reg.id_type)
        )
    if visitor is None:
        visitor = Visitor(created_at=now, id_type=reg.id_type)
        session.add(visitor)
    visitor.name = reg.name.strip()
    visitor.name_initials = name_initials(visitor.name)
    visitor.id_type = reg.id_type
    if number is not None:
        visitor.id_number = number
    if resident is not None:
        visitor.birth_date = resident.birth_date
        visitor.gender = resident.gender
    elif reg.gender:
        visitor.gender = reg.gender
    # A returning visitor's known details stay unless the receptionist typed new ones.
    for attribute in ("township", "village", "address"):
        value = getattr(reg, attribute).strip()
        if value:
            setattr(visitor, attribute, value)
    if phone:
        visitor.phone = phone
    session.flush()
    return visitor


def register(
    session: Session, reg: Registration, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Register the visitor (or find them again) and the visit, and issue the ticket, all in
    the caller's one transaction: if any part fails, nothing is written."""
    problems = validate(reg)
    if problems:
        raise problems[0]
    now = now or clock.now()
    # Before anything is written: an unknown code would otherwise come back from the database
    # as a foreign-key violation instead of a message.
    queue.check_priority_reason(session, reg.priority_reason)
    visitor = _find_or_create_visitor(session, reg, now)
    window = queue.window_by_code(session, reg.window)
    visit = Visit(
        code=new_visit_code(session, now),
        query_code=new_query_code(),
        visitor_id=visitor.id,
        channel=reg.channel,
        proxy_name=reg.proxy_name.strip() if reg.channel == "proxy" else "",
        purpose=reg.purpose,
        summary=reg.summary.strip(),
        request=reg.request.strip(),
        facts=reg.facts.strip(),
        reasons=reg.reasons.strip(),
        group_size=reg.group_size,
        litigation=reg.litigation,
        urgent=reg.urgent,
        sensitive=reg.sensitive,
        leader_reception=reg.leader_reception,
        priority_reason=reg.priority_reason or None,
        window_id=window.id,
        status=VisitStatus.OPEN,
        outcome_notes="",
        created_at=now,
        created_by=actor.id if actor else None,
    )
    visit.representatives = [
        VisitRepresentative(
            position=position,
            name=rep.name.strip(),
            id_number=rep.id_number.strip().upper(),
            phone=rep.phone.strip(),
        )
        for position, rep in enumerate(reg.representatives, start=1)
    ]
    session.add(visit)
    session.flush()
    events.append(
        session,
        EventKind.VISIT_REGISTERED,
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
