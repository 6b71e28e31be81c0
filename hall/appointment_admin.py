"""The administrator's side of the queue's promises: the appointment slots (预约时段) each window
and the leader's reception offer with their capacity, each window's service-level target (叫号
服务时限), and the published 领导接访 duty roster.

Every change is the administrator's, is logged, and tells every workstation through a
settings event, so the calling displays show a changed roster at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import events
from db.appointment_models import AppointmentSlot
from db.event_kinds import EventKind
from db.models import DutyLeader, User
from hall import appointments, catalog, clock, roster, settings, users
from hall.appointments import RosterLine, SlotView
from hall.errors import InvalidInput, NotFound
from hall.figures.work import SERVICE_TARGET_MINUTES, service_target, window_target
from printing import duty_roster as roster_layout

# A target longer than a working day means nothing on the leader's screen.
MAX_TARGET_MINUTES = 480
# How far ahead the administrator sees and publishes the roster.
ROSTER_DAYS = 14


def _changed(
    session: Session, actor: User, what: str, record: int | None, detail: dict[str, object]
) -> None:
    events.append(
        session,
        EventKind.SETTINGS_CHANGED,
        what,
        record,
        clock.now(),
        actor.id,
        detail,
    )


# -- slots ----------------------------------------------------------------------------------


def slots(session: Session) -> list[SlotView]:
    """The slots offered (today's bookings counted)."""
    return appointments.slots(session, clock.now().date())


def add_slot(
    session: Session,
    actor: User,
    window_code: str,
    starts: dt.time,
    ends: dt.time,
    capacity: int,
    for_leader: bool,
) -> SlotView:
    users.require_role(actor, users.ADMIN)
    slot = appointments.add_slot(session, window_code, starts, ends, capacity, for_leader)
    _changed(session, actor, "appointment_slot", slot.id, {"added": slot.label})
    return slot


def _slot(session: Session, slot_id: int) -> AppointmentSlot:
    slot = session.get(AppointmentSlot, slot_id)
    if slot is None or not slot.enabled:
        raise NotFound(f"没有编号为 {slot_id} 的预约时段，可能已被删除。")
    return slot


def change_capacity(session: Session, actor: User, slot_id: int, capacity: int) -> None:
    """A slot's capacity from now on; the bookings already made stand."""
    users.require_role(actor, users.ADMIN)
    if capacity < 1:
        raise InvalidInput("每个预约时段至少可约 1 人。", "capacity")
    slot = _slot(session, slot_id)
    slot.capacity = capacity
    _changed(session, actor, "appointment_slot", slot.id, {"capacity": capacity})


def remove_slot(session: Session, actor: User, slot_id: int) -> None:
    """Offer the slot no more; its bookings stand (a desk checks them in as usual)."""
    users.require_role(actor, users.ADMIN)
    slot = _slot(session, slot_id)
    slot.enabled = False
    _changed(session, actor, "appointment_slot", slot.id, {"removed": True})


# -- service-level targets ------------------------------------------------------------------


@dataclass(frozen=True)
class TargetLine:
    """A window's service-level target: its own (0 follows the hall's) and the one in force."""

    window: str
    title: str
    own: int
    effective: int


@dataclass(frozen=True)
class Targets:
    hall: int
    windows: list[TargetLine]


def targets(session: Session) -> Targets:
    lines = [
        TargetLine(
            w.code,
            f"{w.letter} {w.name}",
            settings.get(session, window_target(w.code)),
            service_target(session, w.code),
        )
        for w in catalog.windows(session)
    ]
    return Targets(settings.get(session, SERVICE_TARGET_MINUTES), lines)


def _check_minutes(minutes: int, allow_zero: bool) -> None:
    low = 0 if allow_zero else 1
    if not low <= minutes <= MAX_TARGET_MINUTES:
        raise InvalidInput(f"叫号服务时限应在 {low}–{MAX_TARGET_MINUTES} 分钟之间。", "minutes")


def set_targets(session: Session, actor: User, hall: int, own: dict[str, int]) -> Targets:
    """The hall's target and each window's own (0: the hall's)."""
    users.require_role(actor, users.ADMIN)
    _check_minutes(hall, allow_zero=False)
    for minutes in own.values():
        _check_minutes(minutes, allow_zero=True)
    settings.put(session, SERVICE_TARGET_MINUTES, hall)
    for code, minutes in own.items():
        settings.put(session, window_target(code), minutes)
    _changed(session, actor, "hall_setting", None, {"service_targets": {"hall": hall, **own}})
    return targets(session)


# -- the duty roster ------------------------------------------------------------------------


def duty_roster(session: Session, start: dt.date | None = None) -> list[RosterLine]:
    """The roster from ``start`` (today) for :data:`ROSTER_DAYS` days."""
    return appointments.duty_roster(session, start or clock.now().date(), ROSTER_DAYS)


def set_roster_line(
    session: Session, actor: User, day: dt.date, name: str, post: str, portfolio: str
) -> RosterLine:
    """Put a leader on the roster for ``day`` (replacing whoever was there)."""
    users.require_role(actor, users.ADMIN)
    if not post.strip():
        raise InvalidInput("请填写接访领导的职务。", "post")
    row = roster.set_duty_leader(session, day, name, post, portfolio)
    _changed(session, actor, "duty_leader", None, {"day": day.isoformat(), "name": row.name})
    return RosterLine(row.day, row.name, row.title, row.note)


def remove_roster_line(session: Session, actor: User, day: dt.date) -> None:
    users.require_role(actor, users.ADMIN)
    row = session.get(DutyLeader, day)
    if row is None:
        raise NotFound(f"{day:%Y-%m-%d} 没有排班。")
    session.delete(row)
    _changed(session, actor, "duty_leader", None, {"day": day.isoformat(), "removed": True})


def roster_paper(session: Session, start: dt.date | None = None, days: int = ROSTER_DAYS) -> bytes:
    """The roster from ``start`` (today) for ``days`` days as the A4 paper the hall posts."""
    first = start or clock.now().date()
    last = first + dt.timedelta(days=days - 1)
    hall_name = settings.get(session, settings.HALL_NAME)
    lines = appointments.duty_roster(session, first, days)
    return roster_layout.render(
        roster_layout.DutyRoster(
            hall_name=hall_name,
            first=first,
            last=last,
            days=tuple(roster_layout.RosterDay(x.day, x.name, x.post, x.portfolio) for x in lines),
            where=hall_name,
            issued_on=clock.now().date(),
        )
    )
