"""The persistent model of the hall: SQLAlchemy 2.0 typed mappings.

Alembic owns the schema (``db/migrations``); these classes describe it. Times are naive
local wall-clock times of the hall: the hall lives in one time zone and every workstation
shows and compares local times, so storing them as such keeps SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.crypto import EncryptedText
from db.states import TicketStatus, VisitStatus

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY, so big ids are INTEGER there.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class HallSetting(Base):
    """Hall-wide settings that every workstation shares (hall name, codes, queue rules)."""

    __tablename__ = "hall_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ServiceWindow(Base):
    """One of the hall's windows (the seven service windows and the court)."""

    __tablename__ = "service_window"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    letter: Mapped[str] = mapped_column(String(1), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(64), default="")
    seat_count: Mapped[int] = mapped_column(Integer, default=1)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PriorityReason(Base):
    """A reason a visitor is called before ordinary ones (elderly, disabled, ...)."""

    __tablename__ = "priority_reason"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(256))
    # Comma-separated role codes; a handful of fixed roles does not merit its own table.
    roles: Mapped[str] = mapped_column(String(128), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    windows: Mapped[list[ServiceWindow]] = relationship(secondary="user_window", lazy="selectin")


class UserWindow(Base):
    """Which windows an officer may serve."""

    __tablename__ = "user_window"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    window_id: Mapped[int] = mapped_column(
        ForeignKey("service_window.id", ondelete="CASCADE"), primary_key=True
    )


class Visitor(Base):
    __tablename__ = "visitor"
    # The names' indexes, for a search by prefix, are among the dialect_indexes() below. ID
    # numbers and phones are encrypted: they are found exactly, by their look-up hashes
    # (db.lookup).
    __table_args__ = (
        Index("ix_visitor_id_hash", "id_hash"),
        Index("ix_visitor_phone_hash", "phone_hash"),
        Index("ix_visitor_phone_last4", "phone_last4"),
        Index("ix_visitor_birth_date", "birth_date"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    # Pinyin initials of the name (张三丰 → zsf), so a receptionist can type "zsf" to find them.
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")
    id_type: Mapped[str] = mapped_column(String(16), default="resident")
    id_number: Mapped[str | None] = mapped_column(EncryptedText)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(EncryptedText, default="")
    township: Mapped[str] = mapped_column(String(64), default="")
    village: Mapped[str] = mapped_column(String(64), default="")
    # Free text below the village: street, building, house number.
    address: Mapped[str] = mapped_column(EncryptedText, default="")
    # Keyed hashes of the ID number and of the phone's digits, and the phone's last four digits:
    # what searching needs of the encrypted columns (kept up to date by db.lookup).
    id_hash: Mapped[str | None] = mapped_column(String(64))
    phone_hash: Mapped[str | None] = mapped_column(String(64))
    phone_last4: Mapped[str] = mapped_column(String(4), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Set when retention (hall.retention) removed the person's identifying data: every matter
    # of theirs was closed and archived, and the hall keeps only what its figures need.
    deidentified_on: Mapped[dt.date | None] = mapped_column(Date)


class Visit(Base):
    """One matter brought to the hall, by one visitor or one group."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitor.id"), index=True)
    # The short code printed on the receipt, by which the visitor asks about the matter later.
    query_code: Mapped[str] = mapped_column(String(16), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    proxy_name: Mapped[str] = mapped_column(String(64), default="")
    purpose: Mapped[str] = mapped_column(String(16))
    # Encrypted like the three below; found by words through its keyed bigrams
    # (db.summary_index), never by LIKE on the stored text.
    summary: Mapped[str] = mapped_column(EncryptedText, default="")
    # What an accusation (揭发控告) says is in these three: encrypted, whatever the purpose.
    request: Mapped[str] = mapped_column(EncryptedText, default="")
    facts: Mapped[str] = mapped_column(EncryptedText, default="")
    reasons: Mapped[str] = mapped_column(EncryptedText, default="")
    group_size: Mapped[int] = mapped_column(Integer, default=1)
    litigation: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    # Routed to the duty leader's reception (领导接访) rather than an ordinary window officer.
    leader_reception: Mapped[bool] = mapped_column(Boolean, default=False)
    priority_reason: Mapped[str | None] = mapped_column(ForeignKey("priority_reason.code"))
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    status: Mapped[str] = mapped_column(String(16), default=VisitStatus.OPEN)
    outcome_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Archived (归档) by retention: read-only from then on, which database triggers enforce.
    archived_on: Mapped[dt.date | None] = mapped_column(Date)
    # The visitor's township, copied here by database triggers when the visit is written and
    # whenever the visitor's township changes (migration 0160_figspeed), so every write path
    # keeps it: the figures count a year of visits by township without joining each visitor.
    township: Mapped[str] = mapped_column(String(64), server_default="")

    visitor: Mapped[Visitor] = relationship(lazy="joined")
    representatives: Mapped[list[VisitRepresentative]] = relationship(
        lazy="selectin", order_by="VisitRepresentative.position", cascade="all, delete-orphan"
    )


class VisitRepresentative(Base):
    """One of the (at most five) people a group visit elects to speak for it."""

    __tablename__ = "visit_representative"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(EncryptedText, default="")
    phone: Mapped[str] = mapped_column(EncryptedText, default="")


class Place(Base):
    """The admin-editable list of townships and their villages/communities."""

    __tablename__ = "place"
    __table_args__ = (UniqueConstraint("township", "village", name="uq_place_township_village"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township: Mapped[str] = mapped_column(String(64))
    # Empty for the township itself.
    village: Mapped[str] = mapped_column(String(64), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class DutyLeader(Base):
    """The public roster of city leaders receiving visitors in person (领导接访)."""

    __tablename__ = "duty_leader"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class Ticket(Base):
    """A queue ticket: one visit's place in one window's queue on one day."""

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("window_id", "service_date", "seq", name="uq_ticket_window_day_seq"),
        # The waiting tickets' partial index is among the dialect_indexes() below.
        Index("ix_ticket_window_day_status", "window_id", "service_date", "status"),
        # Today's queue status counts one day's tickets per window, state and class: led by the
        # day, the index holds exactly those rows, so the count does not grow with the history.
        Index("ix_ticket_day_window", "service_date", "window_id", "status", "priority"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    service_date: Mapped[dt.date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default=TicketStatus.WAITING)
    # 0 = priority class, 1 = ordinary: ascending order calls priority first.
    priority: Mapped[int] = mapped_column(Integer, default=1)
    priority_reason: Mapped[str | None] = mapped_column(ForeignKey("priority_reason.code"))
    # The visitor's place in time: the original issue time, kept across transfers.
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    called_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    seat: Mapped[int | None] = mapped_column(Integer)
    called_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    transferred_from_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    window: Mapped[ServiceWindow] = relationship(lazy="joined")
    visit: Mapped[Visit | None] = relationship(lazy="joined")


class Counter(Base):
    """Sequences that must stay unique under concurrency (ticket numbers, case numbers)."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(96), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Event(Base):
    """The event log: audit trail, timelines, and the feed of live updates."""

    __tablename__ = "event_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(48), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(BigId)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)

    __table_args__ = (Index("ix_event_log_entity", "entity", "entity_id"),)


class ActionRequest(Base):
    """A user action that has been applied, by the id its workstation gave it, so that a retry
    after a lost connection is answered with the first result instead of being applied again
    (``db.action_requests``)."""

    __tablename__ = "action_request"

    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(48))
    # What the action made or changed (a ticket's id, say); None when it found nothing to do.
    entity_id: Mapped[int | None] = mapped_column(BigId)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


def dialect_indexes() -> list[Index]:
    """The indexes with options of one database: declared on their tables by ``db.schema``
    alone (once), not with the classes. Naming an option of PostgreSQL loads SQLAlchemy's
    PostgreSQL dialect, some hundredths of a second and 2 MB that a hardware caller's press on
    SQLite has no use for, and no query reads an index's declaration: the database has these
    from the migrations (Alembic owns the schema); declaring them keeps Alembic's comparison of
    the two complete."""
    waiting = text(f"status = '{TicketStatus.WAITING}'")
    return [
        # The front desk finds returning visitors by a prefix of either name column. PostgreSQL
        # can use a b-tree for LIKE 'abc%' only with the pattern operator class (whatever the
        # collation); SQLite searches them by range (hall.visitors), which a plain index serves.
        *(
            Index(
                f"ix_visitor_{column}",
                Visitor.__table__.c[column],
                postgresql_ops={column: "varchar_pattern_ops"},
            )
            for column in ("name", "name_initials")
        ),
        # Call-next reads only waiting tickets of one window and day in call order; the
        # partial index holds just those, so it does not grow with the history.
        Index(
            "ix_ticket_waiting",
            *(
                Ticket.__table__.c[name]
                for name in ("window_id", "service_date", "priority", "queued_at", "id")
            ),
            postgresql_where=waiting,
            sqlite_where=waiting,
        ),
    ]


# The ORM events that keep a visitor's look-up hashes (db.lookup) and a visit's summary tokens
# (db.summary_index) are registered wherever a visitor or visit can be written: with the models.
from db import lookup, summary_index  # noqa: E402, F401  (isort: skip)
