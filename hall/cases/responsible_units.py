"""The responsible units (责任单位) a case is assigned or forwarded to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import (
    PetitionCase,
    ResponsibleUnit,
)
from db.event_kinds import EventKind
from db.models import User
from hall import clock, fields
from hall.cases.basics import DUPLICATE_UNIT
from hall.errors import IllegalTransition, InvalidInput, NotFound


def add_unit(
    session: Session,
    name: str,
    kind: str = "",
    contact: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    now = now or clock.now()
    problems: list[InvalidInput] = []
    name = fields.check(fields.UNIT_NAME, name, problems)
    kind = fields.check(fields.UNIT_KIND, kind, problems)
    contact = fields.check(fields.UNIT_CONTACT, contact, problems)
    fields.refuse(problems)
    if session.scalar(select(ResponsibleUnit.id).where(ResponsibleUnit.name == name)):
        raise InvalidInput(f"已有名为“{name}”的单位：{DUPLICATE_UNIT}", "name")
    unit = ResponsibleUnit(name=name, kind=kind, contact=contact, active=True)
    session.add(unit)
    session.flush()
    events.append(
        session,
        EventKind.UNIT_ADDED,
        "unit",
        unit.id,
        now,
        actor.id if actor else None,
        {"name": name},
    )
    return unit


def set_unit_active(
    session: Session,
    unit_id: int,
    active: bool,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    now = now or clock.now()
    unit = find_unit(session, unit_id)
    unit.active = active
    events.append(
        session,
        EventKind.UNIT_CHANGED,
        "unit",
        unit.id,
        now,
        actor.id if actor else None,
        {"name": unit.name, "active": active},
    )
    return unit


def units(session: Session, active_only: bool = True) -> Sequence[ResponsibleUnit]:
    stmt = select(ResponsibleUnit).order_by(ResponsibleUnit.kind, ResponsibleUnit.name)
    if active_only:
        stmt = stmt.where(ResponsibleUnit.active)
    return session.scalars(stmt).all()


def find_unit(session: Session, unit_id: int) -> ResponsibleUnit:
    unit = session.get(ResponsibleUnit, unit_id)
    if unit is None:
        raise NotFound(f"找不到编号为 {unit_id} 的责任单位。")
    return unit


def receiving_unit(session: Session, case: PetitionCase, unit_id: int, act: str) -> ResponsibleUnit:
    """The unit a case (or a document about it) goes to: active, and never the accused one."""
    unit = find_unit(session, unit_id)
    if not unit.active:
        raise InvalidInput(f"“{unit.name}”已停用，不能{act}给该单位。", "unit")
    if case.accused_unit_id is not None and case.accused_unit_id == unit.id:
        raise IllegalTransition(
            f"信访事项{case.number}是对“{unit.name}”的检举控告，不能{act}给被检举控告的单位"
            "（《信访工作条例》：不得将检举、揭发、控告材料及有关情况透露或者转送给被检举、"
            "揭发、控告的人员和单位）。请选择其他单位。"
        )
    return unit
