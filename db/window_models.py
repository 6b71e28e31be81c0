"""The persistent model of the service windows' work: what each service at a window came to
(its outcome), each window's own record of it, follow-ups (回访), the visitors' satisfaction,
the opinion ledger and its monthly bulletin 《群众工作动态》, the aid ledger, and the lists the
administrator keeps for them (opinion topics, policy topics, aid kinds).

The code words stored in the columns are listed here with their Chinese names, because the
rules (``hall``) and the documents (``printing``) both read them and neither may import the
other.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db import court_models  # noqa: F401  (court_handoff, named by a service record)
from db.case_models import ResponsibleUnit
from db.models import Base, BigId, ServiceWindow, Ticket, User, Visit, Visitor
from db.states import FollowUpState, VisitOutcome

# The names the model modules have always exported for the members of db.states' enums.
# hall/ uses the enums; screens still import these until they are reworked.
RESOLVED = VisitOutcome.RESOLVED
EXPLAINED = VisitOutcome.EXPLAINED
TRANSFERRED = VisitOutcome.TRANSFERRED
CASE = VisitOutcome.CASE
FORWARDED = VisitOutcome.FORWARDED
COURT = VisitOutcome.COURT
FOLLOW_UP = VisitOutcome.FOLLOW_UP
NO_SHOW = VisitOutcome.NO_SHOW
OUTCOME_NAMES: dict[str, str] = {
    VisitOutcome.RESOLVED: "当场解决",
    VisitOutcome.EXPLAINED: "解释说明",
    VisitOutcome.TRANSFERRED: "转其他窗口",
    VisitOutcome.CASE: "登记为信访事项",
    VisitOutcome.FORWARDED: "转交责任单位办理",
    VisitOutcome.COURT: "移交便民巡回法庭",
    VisitOutcome.FOLLOW_UP: "约定回访",
    VisitOutcome.NO_SHOW: "未到（过号）",
}

# The visitor's rating of the service, and who pressed it.
SATISFIED = "satisfied"
BASIC = "basic"
DISSATISFIED = "dissatisfied"
SCORE_NAMES = {SATISFIED: "满意", BASIC: "基本满意", DISSATISFIED: "不满意"}
UNRATED_NAME = "未评价"
BY_OFFICER = "officer"
BY_VISITOR = "visitor"
RATING_SOURCE_NAMES = {BY_OFFICER: "工作人员代为选择", BY_VISITOR: "来访人自行评价"}

# The lists the administrator keeps.
OPINION_TOPICS = "opinion_topic"
POLICY_TOPICS = "policy_topic"
AID_KINDS = "aid_kind"
LIST_NAMES = {
    OPINION_TOPICS: "社情民意议题",
    POLICY_TOPICS: "宣传政策主题",
    AID_KINDS: "帮扶救助类别",
}

# 交流谈心: the visitor's state of mind at the start and at the end of the talk.
MOOD_NAMES = {
    "agitated": "情绪激动",
    "anxious": "焦虑不安",
    "aggrieved": "有怨气",
    "calm": "情绪平稳",
    "eased": "情绪缓和",
    "content": "心情舒畅",
}

# 效能监察: what a complaint about an official or a unit is about.
COMPLAINT_KIND_NAMES = {
    "conduct": "工作作风",
    "delay": "办事拖延",
    "shirking": "推诿扯皮",
    "other": "其他",
}

# 帮扶济困: where a referral for aid stands.
REFERRAL_NAMES = {
    "none": "本窗口办理",
    "referred": "已转介",
    "accepted": "对方已受理",
    "granted": "已批准发放",
    "refused": "未予批准",
}

# 回访
FOLLOW_UP_OPEN = FollowUpState.OPEN
FOLLOW_UP_DONE = FollowUpState.DONE
FOLLOW_UP_STATE_NAMES: dict[str, str] = {FollowUpState.OPEN: "待回访", FollowUpState.DONE: "已回访"}
FOLLOW_UP_METHOD_NAMES = {"phone": "电话回访", "home": "上门回访", "visit": "来访面谈"}


class ListItem(Base):
    """One entry of an administrator-kept list (an opinion topic, a policy topic, an aid kind).
    Entries in use are retired (``active`` false) rather than deleted, so old records keep
    their names."""

    __tablename__ = "list_item"
    __table_args__ = (UniqueConstraint("list", "name", name="uq_list_item_list_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ServiceRecord(Base):
    """What one service at a window came to: one per ticket, written when the officer finishes,
    transfers, or marks the visitor absent, with the next step it was given."""

    __tablename__ = "service_record"
    __table_args__ = (Index("ix_service_record_window_recorded", "window_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), unique=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    # Forwarded or assigned to a responsible unit: which, and what it is asked to do.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    unit_request: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("petition_case.id"))
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("court_handoff.id"))
    # Transferred: the ticket the visitor was given at the other window.
    next_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    # An accusation (揭发控告) or a complaint about an official: read only by those allowed.
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)

    ticket: Mapped[Ticket] = relationship(foreign_keys=[ticket_id], lazy="joined")
    visit: Mapped[Visit | None] = relationship()
    window: Mapped[ServiceWindow] = relationship(lazy="joined")
    officer: Mapped[User | None] = relationship()
    unit: Mapped[ResponsibleUnit | None] = relationship()


class LegalAdvice(Base):
    """法律服务: the legal question, the law explained, where legal aid was sought, and
    whether a lawsuit is the right channel."""

    __tablename__ = "legal_advice"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("service_record.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[str] = mapped_column(Text, default="")
    laws: Mapped[str] = mapped_column(Text, default="")
    # The legal-aid office the visitor was referred to ("" when none).
    aid_office: Mapped[str] = mapped_column(String(100), default="")
    litigation_advised: Mapped[bool] = mapped_column(Boolean, default=False)


class TalkRecord(Base):
    """交流谈心: who received the visitor, their state of mind before and after, what was agreed."""

    __tablename__ = "talk_record"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("service_record.id", ondelete="CASCADE"), primary_key=True
    )
    received_by: Mapped[str] = mapped_column(String(64), default="")
    mood_start: Mapped[str] = mapped_column(String(16), default="")
    mood_end: Mapped[str] = mapped_column(String(16), default="")
    agreed: Mapped[str] = mapped_column(Text, default="")


class PublicityRecord(Base):
    """宣传教育: the policies explained, the material handed out, the people reached."""

    __tablename__ = "publicity_record"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("service_record.id", ondelete="CASCADE"), primary_key=True
    )
    material: Mapped[str] = mapped_column(Text, default="")
    people_reached: Mapped[int] = mapped_column(Integer, default=1)

    topics: Mapped[list[ListItem]] = relationship(secondary="publicity_topic", lazy="selectin")


class PublicityTopic(Base):
    __tablename__ = "publicity_topic"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("publicity_record.record_id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True)


class Complaint(Base):
    """效能监察: a complaint about an official or a unit. Confidential like any accusation."""

    __tablename__ = "complaint"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("service_record.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"), index=True)
    person: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[ResponsibleUnit | None] = relationship(lazy="joined")


class Opinion(Base):
    """社情民意: one opinion or suggestion in the ledger the monthly bulletin is made from."""

    __tablename__ = "opinion"
    __table_args__ = (Index("ix_opinion_received_topic", "received_on", "topic_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"), unique=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("visitor.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("list_item.id"))
    # Where it concerns: a township and village of the place list, and the spot in words.
    township: Mapped[str] = mapped_column(String(64), default="")
    village: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    # The department it was forwarded to, if any.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    # Archived (归档) by retention (hall.retention_records): read-only from then on.
    archived_on: Mapped[dt.date | None] = mapped_column(Date)

    topic: Mapped[ListItem | None] = relationship(lazy="joined")
    unit: Mapped[ResponsibleUnit | None] = relationship(lazy="joined")
    visitor: Mapped[Visitor | None] = relationship(lazy="joined")


class AidRecord(Base):
    """帮扶济困: one request for aid, what was granted or asked, and where its referral stands.
    The rows of one visitor are their aid ledger, so repeated aid is seen at once."""

    __tablename__ = "aid_record"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"), unique=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitor.id"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"))
    household: Mapped[str] = mapped_column(Text, default="")
    household_size: Mapped[int] = mapped_column(Integer, default=1)
    # Money in fen (分), so sums are exact.
    requested_fen: Mapped[int | None] = mapped_column(Integer)
    granted_fen: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    referral: Mapped[str] = mapped_column(String(16), default="none")
    referral_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Archived (归档) by retention (hall.retention_records): read-only from then on.
    archived_on: Mapped[dt.date | None] = mapped_column(Date)

    kind: Mapped[ListItem] = relationship(lazy="joined")
    unit: Mapped[ResponsibleUnit | None] = relationship(lazy="joined")
    visitor: Mapped[Visitor] = relationship(lazy="joined")


class FollowUp(Base):
    """A follow-up (回访) due on a day, and its result once the call or visit is made."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_window_state_due", "window_id", "state", "due_on"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("service_record.id"))
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=FollowUpState.OPEN)
    method: Mapped[str] = mapped_column(String(16), default="")
    result: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    visit: Mapped[Visit] = relationship(lazy="joined")
    window: Mapped[ServiceWindow] = relationship(lazy="joined")


class Satisfaction(Base):
    """The visitor's rating of one service (满意 / 基本满意 / 不满意). A finished service with no
    row here is unrated, and counted as such."""

    __tablename__ = "satisfaction"
    __table_args__ = (Index("ix_satisfaction_window_rated", "window_id", "rated_at"),)

    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    score: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    rated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    rated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class BulletinIssue(Base):
    """One month's 《群众工作动态》 as produced: its entries as the editor left them, and the
    PDF, so a reprint is the same paper. Producing a month again replaces its issue."""

    __tablename__ = "bulletin_issue"
    __table_args__ = (
        UniqueConstraint("year", "month", name="uq_bulletin_issue_year_month"),
        UniqueConstraint("year", "number", name="uq_bulletin_issue_year_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    # The issue's number in its year (第 N 期).
    number: Mapped[int] = mapped_column(Integer)
    produced_at: Mapped[dt.datetime] = mapped_column(DateTime)
    produced_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    entries: Mapped[list[BulletinEntry]] = relationship(
        order_by="BulletinEntry.position", cascade="all, delete-orphan", lazy="selectin"
    )


class BulletinEntry(Base):
    """An entry of an issue, in the words the editor gave it."""

    __tablename__ = "bulletin_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    issue_id: Mapped[int] = mapped_column(
        ForeignKey("bulletin_issue.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    opinion_id: Mapped[int | None] = mapped_column(ForeignKey("opinion.id"))
    topic: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
