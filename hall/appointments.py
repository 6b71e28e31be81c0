"""Appointments (预约): booking a window's or the day's 领导接访 slot, checking in, and the
bookings that never came.

A booked visitor who checks in (by query code, ID number or phone) gets a ticket queued at the
start of their slot, so they go ahead of walk-ins who came after that time and behind those who
came before it. Past the hall's grace period after the slot's start, the booking no longer
holds a place: the visitor queues as a walk-in from the moment they check in.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db import counters, events
from db.appointment_models import Appointment, AppointmentSlot
from db.event_kinds import EventKind
from db.models import Ticket, User
from hall import clock, identity, queue, roster, settings
from hall.errors import IllegalTransition, InvalidInput, NotFound

BOOKED = "booked"
CHECKED_IN = "checked_in"
LATE = "late"
CANCELLED = "cancelled"
STATUS_NAMES = {
    BOOKED: "已预约",
    CHECKED_IN: "已签到",
    LATE: "迟到（现场排队）",
    CANCELLED: "已取消",
}

# Query codes are digits only, so a visitor can read one out over the phone or type it on a pad.
CODE_DIGITS = 8


@dataclass(frozen=True)
class SlotView:
    id: int
    window: str
    window_name: str
    for_leader: bool
    starts: dt.time
    ends: dt.time
    capacity: int
    booked: int  # on the day asked about; 0 when no day was given

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.booked)

    @property
    def label(self) -> str:
        what = "领导接访" if self.for_leader else f"{self.window_name}窗口"
        return f"{what} {self.starts:%H:%M}–{self.ends:%H:%M}"


@dataclass(frozen=True)
class AppointmentView:
    id: int
    code: str
    day: dt.date
    slot: str
    window: str
    name: str
    phone: str
    status: str
    status_name: str
    ticket_number: str


@dataclass(frozen=True)
class AppointmentFigures:
    """Bookings over a period by what became of them; ``not_come`` are those whose slot (and
    grace period) is over with nobody checked in."""

    booked: int
    on_time: int
    late: int
    not_come: int
    cancelled: int


def _slot_view(slot: AppointmentSlot, booked: int = 0) -> SlotView:
    return SlotView(
        slot.id,
        slot.window.code,
        slot.window.name,
        slot.for_leader,
        slot.starts,
        slot.ends,
        slot.capacity,
        booked,
    )


def view(appointment: Appointment) -> AppointmentView:
    return AppointmentView(
        appointment.id,
        appointment.code,
        appointment.day,
        _slot_view(appointment.slot).label,
        appointment.slot.window.code,
        appointment.name,
        appointment.phone,
        appointment.status,
        STATUS_NAMES[appointment.status],
        appointment.ticket.number if appointment.ticket is not None else "",
    )


def add_slot(
    session: Session,
    window_code: str,
    starts: dt.time,
    ends: dt.time,
    capacity: int,
    for_leader: bool = False,
) -> SlotView:
    """Offer a slot every day at a window (for a leader slot, the window arranging 领导接访)."""
    window = queue.window_by_code(session, window_code)
    if ends <= starts:
        raise InvalidInput("预约时段的结束时间应晚于开始时间。", "ends")
    if capacity < 1:
        raise InvalidInput("每个预约时段至少可约 1 人。", "capacity")
    slot = AppointmentSlot(
        window_id=window.id,
        for_leader=for_leader,
        starts=starts,
        ends=ends,
        capacity=capacity,
        enabled=True,
    )
    slot.window = window
    session.add(slot)
    session.flush()
    return _slot_view(slot)


def slots(session: Session, day: dt.date) -> list[SlotView]:
    """Every slot offered, with how many are booked on ``day``."""
    booked: dict[int, int] = {
        slot_id: count
        for slot_id, count in session.execute(
            select(Appointment.slot_id, func.count())
            .where(Appointment.day == day, Appointment.status != CANCELLED)
            .group_by(Appointment.slot_id)
        )
    }
    rows = session.scalars(
        select(AppointmentSlot)
        .where(AppointmentSlot.enabled)
        .order_by(AppointmentSlot.for_leader, AppointmentSlot.window_id, AppointmentSlot.starts)
    ).all()
    return [_slot_view(slot, booked.get(slot.id, 0)) for slot in rows]


def _new_code(session: Session) -> str:
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        if session.scalar(select(Appointment.id).where(Appointment.code == code)) is None:
            return code


def book(
    session: Session,
    slot_id: int,
    day: dt.date,
    name: str,
    id_number: str = "",
    phone: str = "",
    summary: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> AppointmentView:
    """Book ``slot_id`` on ``day``; the visitor is given the returned query code."""
    now = now or clock.now()
    slot = session.get(AppointmentSlot, slot_id)
    if slot is None or not slot.enabled:
        raise NotFound(f"没有编号为 {slot_id} 的预约时段，请先查看可预约的时段。")
    if not name.strip():
        raise InvalidInput("请填写预约人姓名。", "name")
    if not id_number.strip() and not phone.strip():
        raise InvalidInput("请填写身份证号码或手机号码，签到时凭其中之一查找预约。", "phone")
    number = identity.check_resident_id(id_number).number if id_number.strip() else ""
    phone = identity.check_phone(phone) if phone.strip() else ""
    if day < now.date() or (day == now.date() and slot.ends <= now.time()):
        raise InvalidInput(f"{day:%Y-%m-%d} 的这个时段已过，请选择以后的时段。", "day")
    if slot.for_leader and roster.duty_leader(session, day) is None:
        raise IllegalTransition(f"{day:%Y-%m-%d} 没有安排领导接访，请选择排班表上的日期。")
    # The counter row serialises bookings of one slot and day, so two desks booking the last
    # place at once cannot both get it; a refusal rolls the count back with the transaction.
    taken = counters.next_value(session, f"appointment:{slot.id}:{day.isoformat()}")
    cancelled = session.scalar(
        select(func.count()).where(
            Appointment.slot_id == slot.id, Appointment.day == day, Appointment.status == CANCELLED
        )
    )
    if taken - int(cancelled or 0) > slot.capacity:
        raise IllegalTransition(
            f"{_slot_view(slot).label} 在 {day:%Y-%m-%d} 已约满（{slot.capacity} 人），"
            "请选择其他时段或日期。"
        )
    appointment = Appointment(
        code=_new_code(session),
        slot_id=slot.id,
        day=day,
        name=name.strip(),
        id_number=number,
        phone=phone,
        summary=summary.strip(),
        status=BOOKED,
        booked_at=now,
    )
    appointment.slot = slot
    session.add(appointment)
    session.flush()
    _log(session, EventKind.APPOINTMENT_BOOKED, appointment, now, actor)
    return view(appointment)


def _log(
    session: Session, kind: EventKind, appointment: Appointment, at: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "appointment",
        appointment.id,
        at,
        actor.id if actor else None,
        {
            "code": appointment.code,
            "day": appointment.day.isoformat(),
            "status": appointment.status,
        },
    )


def find(session: Session, key: str, day: dt.date) -> list[AppointmentView]:
    """The day's bookings with this query code, ID number or phone (what the visitor gives)."""
    key = key.strip().upper()
    if not key:
        raise InvalidInput("请输入预约查询码、身份证号码或手机号码。", "key")
    rows = session.scalars(
        select(Appointment)
        .where(
            Appointment.day == day,
            or_(Appointment.code == key, Appointment.id_number == key, Appointment.phone == key),
        )
        .order_by(Appointment.id)
    ).all()
    return [view(a) for a in rows]


def list_day(session: Session, day: dt.date) -> list[AppointmentView]:
    rows = session.scalars(
        select(Appointment).where(Appointment.day == day).order_by(Appointment.id)
    ).all()
    return [view(a) for a in rows]


def _slot_start(appointment: Appointment) -> dt.datetime:
    return dt.datetime.combine(appointment.day, appointment.slot.starts)


def check_in(
    session: Session,
    appointment_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> tuple[AppointmentView, Ticket]:
    """Queue a booked visitor who has arrived: at the start of their slot, or, past the grace
    period, as a walk-in from now. Returns the booking and its ticket."""
    now = now or clock.now()
    appointment = session.get(
        Appointment, appointment_id, with_for_update={"of": Appointment}, populate_existing=True
    )
    if appointment is None:
        raise NotFound(f"找不到编号为 {appointment_id} 的预约。")
    if appointment.status != BOOKED:
        raise IllegalTransition(
            f"预约 {appointment.code} 当前状态为“{STATUS_NAMES[appointment.status]}”，不能再签到。"
        )
    if appointment.day != now.date():
        raise IllegalTransition(
            f"预约 {appointment.code} 是 {appointment.day:%Y-%m-%d} 的，只能在当天签到。"
        )
    start = _slot_start(appointment)
    grace = dt.timedelta(minutes=settings.get(session, settings.APPOINTMENT_GRACE_MINUTES))
    on_time = now <= start + grace
    ticket = queue.issue_ticket(
        session,
        appointment.slot.window.code,
        actor=actor,
        now=now,
        queued_at=start if on_time else now,
    )
    appointment.status = CHECKED_IN if on_time else LATE
    appointment.checked_in_at = now
    appointment.ticket = ticket
    _log(session, EventKind.APPOINTMENT_CHECKED_IN, appointment, now, actor)
    return view(appointment), ticket


def cancel(
    session: Session, appointment_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> AppointmentView:
    now = now or clock.now()
    appointment = session.get(
        Appointment, appointment_id, with_for_update={"of": Appointment}, populate_existing=True
    )
    if appointment is None:
        raise NotFound(f"找不到编号为 {appointment_id} 的预约。")
    if appointment.status != BOOKED:
        raise IllegalTransition(
            f"预约 {appointment.code} 当前状态为“{STATUS_NAMES[appointment.status]}”，不能取消。"
        )
    appointment.status = CANCELLED
    _log(session, EventKind.APPOINTMENT_CANCELLED, appointment, now, actor)
    return view(appointment)


def figures(
    session: Session, first: dt.date, last: dt.date, now: dt.datetime | None = None
) -> AppointmentFigures:
    """What became of the bookings for ``first``..``last``: booked and not come counts only
    slots whose grace period is over."""
    now = now or clock.now()
    grace = dt.timedelta(minutes=settings.get(session, settings.APPOINTMENT_GRACE_MINUTES))
    rows: Sequence[Appointment] = session.scalars(
        select(Appointment).where(Appointment.day >= first, Appointment.day <= last)
    ).all()
    by_status = {s: sum(1 for a in rows if a.status == s) for s in STATUS_NAMES}
    not_come = sum(1 for a in rows if a.status == BOOKED and _slot_start(a) + grace < now)
    return AppointmentFigures(
        booked=len(rows) - by_status[CANCELLED],
        on_time=by_status[CHECKED_IN],
        late=by_status[LATE],
        not_come=not_come,
        cancelled=by_status[CANCELLED],
    )


@dataclass(frozen=True)
class RosterLine:
    """One day of the published 领导接访 roster."""

    day: dt.date
    name: str
    post: str
    portfolio: str


def duty_roster(session: Session, start: dt.date, days: int) -> list[RosterLine]:
    """The leaders receiving visitors from ``start`` for ``days`` days (the roster's note is
    the leader's portfolio, 分管工作)."""
    return [
        RosterLine(row.day, row.name, row.title, row.note)
        for row in roster.roster(session, start, days)
    ]
