"""Appointments (预约) at the front desk: what can be booked on a day, checking a booked visitor
in with the slip they are handed, and the day's bookings as the desk sees them.

The rules themselves are :mod:`hall.appointments`; this module puts together what one press at
the desk needs in one unit of work: the check-in, the ticket, the estimated wait and the slip.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.appointment_models import Appointment
from db.models import Ticket, User
from hall import appointments, clock, queue, roster, settings
from hall.appointments import AppointmentView, RosterLine, SlotView
from hall.errors import NotFound
from hall.masking import mask_name
from printing.receipt import ReceiptData

SLIP_TITLE = "预约签到凭条"
SLIP_PURPOSE = "预约来访"
SLIP_PRIVACY_LINE = (
    "本凭条不载身份证号及反映的具体内容。请凭预约查询码到导访台查询，妥善保管，勿交他人。"
)
LATE_LINE = "超过预约时段宽限，按现场取号排队"
ON_TIME_LINE = "按预约时段排队"


@dataclass(frozen=True)
class Bookable:
    """What the desk can book on ``day``: the slots with a place left (a leader's slot only
    when a leader is on the roster that day, none whose time is over) and that leader."""

    day: dt.date
    leader: RosterLine | None
    slots: list[SlotView]


def bookable(session: Session, day: dt.date, now: dt.datetime | None = None) -> Bookable:
    now = now or clock.now()
    duty = roster.duty_leader(session, day)
    leader = RosterLine(duty.day, duty.name, duty.title, duty.note) if duty else None
    open_slots = [
        slot
        for slot in appointments.slots(session, day)
        if slot.remaining > 0
        and (leader is not None or not slot.for_leader)
        and (day > now.date() or (day == now.date() and slot.ends > now.time()))
    ]
    return Bookable(day, leader, open_slots)


@dataclass(frozen=True)
class CheckedIn:
    """A booked visitor checked in: the booking, their ticket, whether they came too late to
    keep the slot's place (queued as a walk-in), their wait and the slip to hand them."""

    appointment: AppointmentView
    ticket: queue.TicketView
    late: bool
    wait: queue.WaitEstimate
    slip: ReceiptData


def check_in(session: Session, appointment_id: int, actor: User | None = None) -> CheckedIn:
    """Queue the visitor of a booking made for today (see :func:`appointments.check_in`)."""
    booking, _ticket = appointments.check_in(session, appointment_id, actor=actor)
    return checked_in(session, booking.id)


def checked_in(session: Session, appointment_id: int | None) -> CheckedIn:
    """A check-in made here, read again (the answer to a check-in pressed twice)."""
    appointment = session.get(Appointment, appointment_id) if appointment_id is not None else None
    if appointment is None or appointment.ticket is None:
        raise NotFound("找不到这次预约签到的号票，请重新查找预约。")
    ticket = appointment.ticket
    wait = queue.ticket_wait(session, ticket)
    late = appointment.status == appointments.LATE
    return CheckedIn(
        appointments.view(appointment),
        queue.view(ticket),
        late,
        wait,
        _slip(session, appointment, ticket, wait, late),
    )


def _slip(
    session: Session,
    appointment: Appointment,
    ticket: Ticket,
    wait: queue.WaitEstimate,
    late: bool,
) -> ReceiptData:
    """The check-in slip: the intake receipt's layout, titled as a check-in, with the booking's
    query code (it has no visit yet: the window registers the matter)."""
    slot = appointments.view(appointment).slot
    waiting = ticket.status == queue.WAITING
    return ReceiptData(
        hall_name=settings.get(session, settings.HALL_NAME),
        ticket_number=ticket.number,
        window_name=ticket.window.name,
        window_location=ticket.window.location,
        issued_at=ticket.issued_at,
        people_ahead=wait.ahead if waiting else 0,
        masked_name=mask_name(appointment.name),
        purpose=SLIP_PURPOSE,
        summary=appointment.summary,
        visit_code=appointment.code,
        query_code=appointment.code,
        privacy_line=SLIP_PRIVACY_LINE,
        wait_minutes=wait.minutes if waiting else None,
        title=SLIP_TITLE,
        extra_lines=(("预约时段", slot), ("签到", LATE_LINE if late else ON_TIME_LINE)),
    )


def find(session: Session, key: str, day: dt.date) -> list[AppointmentView]:
    """The day's bookings a visitor's query code, ID number or phone finds."""
    found = appointments.find(session, key, day)
    if not found:
        raise NotFound(f"{day:%Y-%m-%d} 没有查询码、身份证号码或手机号码为“{key.strip()}”的预约。")
    return found


def booked(session: Session, appointment_id: int | None) -> AppointmentView:
    """A booking made here, read again (the answer to a booking pressed twice)."""
    appointment = session.get(Appointment, appointment_id) if appointment_id is not None else None
    if appointment is None:
        raise NotFound("找不到这次预约，请重新查找。")
    return appointments.view(appointment)
