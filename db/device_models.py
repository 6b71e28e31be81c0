"""Devices that act through ``hall-admin`` without a person logging in (a window's hardware
caller, a rating pad, a kiosk), and the calls a caller has not yet confirmed it received.

A device proves itself with a long random token given once when it is added; only the token's
SHA-256 is kept (the token is random, not a password a person chose, so a slow hash adds
nothing). A device may act only at its window and only with the actions it was given.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models import Base, BigId, ServiceWindow


class Device(Base):
    __tablename__ = "hall_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    # Comma-separated action codes (call, recall, finish, release, rate, issue).
    actions: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    window: Mapped[ServiceWindow] = relationship()


class PendingCall(Base):
    """A call made by ``hall-admin queue call`` that its caller has not yet confirmed
    (``queue ack``): if the answer was lost, the ticket stays called with nobody told, and this
    row is how it is found and put back in the queue."""

    __tablename__ = "pending_call"

    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(BigId, ForeignKey("ticket.id"), index=True)
    called_at: Mapped[dt.datetime] = mapped_column(DateTime)
