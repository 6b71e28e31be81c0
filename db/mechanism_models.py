"""The hall's mechanisms beyond the counter: the dispute register (矛盾纠纷排查化解台账) and its
包案, the weekly meetings that assign it, 群众工作日 entries, hearings (听证), and the township
stations and informants that feed requests and early warnings to the hall.

The code words stored in the columns are listed here with their Chinese names, because both
the rules (``hall.mechanisms``) and the papers (``printing``) read them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

# The tables a dispute or an entry names: responsible_unit, petition_case, court_handoff, opinion.
from db import case_models, court_models, window_models  # noqa: F401
from db.models import Base, BigId

RISK_NAMES = {"general": "一般", "serious": "较大", "major": "重大"}
RISK_ORDER = ("general", "serious", "major")

RESOLVED = "resolved"
PARTLY = "partly"
UNRESOLVED = "unresolved"
TO_CASE = "to_case"
TO_COURT = "to_court"
OUTCOME_NAMES = {
    RESOLVED: "化解",
    PARTLY: "部分化解",
    UNRESOLVED: "未化解",
    TO_CASE: "转入信访事项",
    TO_COURT: "移交法庭",
}

SOURCE_NAMES = {
    "window": "窗口",
    "station": "群众工作站",
    "workday": "群众工作日",
    "informant": "信息员",
    "letter": "来信",
}

WORKDAY_KIND_NAMES = {"opinion": "意见建议", "dispute": "矛盾纠纷", "deed": "为民办实事"}

HEARING_OUTCOME_NAMES = {"support": "支持", "postpone": "暂缓", "veto": "否决"}

STATION_KIND_NAMES = {"request": "群众诉求", "warning": "预警信息"}


class RiskRule(Base):
    """An admin-set rule: a dispute of ``category`` ('' for any) involving at least
    ``min_people`` people is at least of ``level``."""

    __tablename__ = "dispute_risk_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(32), default="")
    min_people: Mapped[int] = mapped_column(Integer, default=1)
    level: Mapped[str] = mapped_column(String(16))


class Meeting(Base):
    """A weekly leading-group meeting that classified and assigned new entries."""

    __tablename__ = "mechanism_meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    chair: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class Dispute(Base):
    """One entry of the register: a dispute or instability risk, its 包案 and its outcome."""

    __tablename__ = "dispute"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    found_on: Mapped[dt.date] = mapped_column(Date, index=True)
    parties: Mapped[str] = mapped_column(String(200))
    township: Mapped[str] = mapped_column(String(64), default="", index=True)
    village: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    people: Mapped[int] = mapped_column(Integer, default=1)
    risk: Mapped[str] = mapped_column(String(16), default="general")
    leader: Mapped[str] = mapped_column(String(64), default="", index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    keeper: Mapped[str] = mapped_column(String(64), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("mechanism_meeting.id"))
    assignment_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("petition_case.id"))
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("court_handoff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    progress: Mapped[list[DisputeProgress]] = relationship(
        order_by="DisputeProgress.id", back_populates="dispute"
    )


class DisputeProgress(Base):
    __tablename__ = "dispute_progress"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id"), index=True)
    on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    dispute: Mapped[Dispute] = relationship(back_populates="progress")


class WorkdayEntry(Base):
    """What a cadre brought back from a 群众工作日: an opinion, a dispute or a good deed."""

    __tablename__ = "workday_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    workday: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    township: Mapped[str] = mapped_column(String(64))
    village: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(32), default="")
    content: Mapped[str] = mapped_column(Text)
    cadre: Mapped[str] = mapped_column(String(64), default="")
    opinion_id: Mapped[int | None] = mapped_column(ForeignKey("opinion.id"))
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("dispute.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class Hearing(Base):
    """A hearing (听证) on a formal case or on a major decision (重大决策听证评估)."""

    __tablename__ = "hearing"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("petition_case.id"), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    # Calendar days the hearing took (notice to record), not counted in the case's deadline.
    days: Mapped[int] = mapped_column(Integer, default=1)
    place: Mapped[str] = mapped_column(String(100))
    chair: Mapped[str] = mapped_column(String(64))
    members: Mapped[str] = mapped_column(String(400), default="")
    parties: Mapped[str] = mapped_column(String(400), default="")
    record: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class StationMember(Base):
    """Which station (and so which township) a station or informant user belongs to."""

    __tablename__ = "station_member"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    station: Mapped[str] = mapped_column(String(64))
    township: Mapped[str] = mapped_column(String(64))


class StationEntry(Base):
    """A request or early warning sent by a station; ``key`` is made on the station's PC when
    the entry is typed, so an entry resent after a lost connection is recognised, not doubled."""

    __tablename__ = "station_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    station: Mapped[str] = mapped_column(String(64), index=True)
    township: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    person: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    content: Mapped[str] = mapped_column(Text)
    typed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    arrived_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The letters window's answer to a request; a warning's answer is its dispute's outcome.
    reply: Mapped[str] = mapped_column(Text, default="")
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("dispute.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
