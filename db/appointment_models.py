"""Appointments (预约): the slots a window or the day's 领导接访 offers, and the bookings.

A slot is a time of day offered every working day with a capacity; a leader slot is taken by
whoever is on the duty roster that day and queues at the window that arranges 领导接访. A
booking holds a slot on one date until the visitor checks in (and gets a ticket) or the day ends.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models import Base, BigId, ServiceWindow, Ticket


class AppointmentSlot(Base):
    __tablename__ = "appointment_slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Where a booked visitor queues; for a leader slot, the window that arranges 领导接访.
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    for_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    starts: Mapped[dt.time] = mapped_column(Time)
    ends: Mapped[dt.time] = mapped_column(Time)
    capacity: Mapped[int] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)

    window: Mapped[ServiceWindow] = relationship(lazy="joined")


class Appointment(Base):
    __tablename__ = "appointment"
    __table_args__ = (
        # Check-in looks a booking up by the day and the visitor's ID number or phone.
        Index("ix_appointment_day_id_number", "day", "id_number"),
        Index("ix_appointment_day_phone", "day", "phone"),
        Index("ix_appointment_slot_day", "slot_id", "day"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # What the visitor is given to check in with (查询码).
    code: Mapped[str] = mapped_column(String(16), unique=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("appointment_slot.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[str] = mapped_column(String(200), default="")
    # booked, checked_in (at the slot's place), late (queued as a walk-in), cancelled.
    status: Mapped[str] = mapped_column(String(16), default="booked")
    booked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ticket_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("ticket.id"))

    slot: Mapped[AppointmentSlot] = relationship(lazy="joined")
    ticket: Mapped[Ticket | None] = relationship()
