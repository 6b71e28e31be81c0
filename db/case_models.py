"""The persistent model of formal petition cases (信访事项): letters, cases, responsible units,
documents issued, supervision orders, and the working-day calendar their deadlines follow.

The code words stored in the columns (states, decisions, outcomes, document kinds) are listed
here with their Chinese names, because both the rules (``hall``) and the documents
(``printing``) read them and neither may import the other.
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
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.crypto import EncryptedBytes, EncryptedText
from db.models import Base, BigId, User, Visit, Visitor
from db.states import CaseCourtHandoff, CaseDecision, CaseOutcome, CaseState, OrderState

# The names the model modules have always exported for the members of db.states' enums.
# hall/ uses the enums; screens still import these until they are reworked.
REGISTERED = CaseState.REGISTERED
NOT_ACCEPTED = CaseState.NOT_ACCEPTED
FORWARDED = CaseState.FORWARDED
SEPARATED = CaseState.SEPARATED
HANDLING = CaseState.HANDLING
REPLIED = CaseState.REPLIED
CLOSED = CaseState.CLOSED
REVIEW = CaseState.REVIEW
REVIEWED = CaseState.REVIEWED
REREVIEW = CaseState.REREVIEW
FINAL = CaseState.FINAL

STATE_NAMES: dict[str, str] = {
    CaseState.REGISTERED: "已登记待受理",
    CaseState.NOT_ACCEPTED: "不予受理",
    CaseState.FORWARDED: "已转送",
    CaseState.SEPARATED: "诉访分离",
    CaseState.HANDLING: "办理中",
    CaseState.REPLIED: "已答复",
    CaseState.CLOSED: "已办结",
    CaseState.REVIEW: "复查中",
    CaseState.REVIEWED: "已复查",
    CaseState.REREVIEW: "复核中",
    CaseState.FINAL: "三级终结",
}

ACCEPTED = CaseDecision.ACCEPTED
ASSIGNED = CaseDecision.ASSIGNED
DECISION_NAMES: dict[str, str] = {
    CaseDecision.ACCEPTED: "受理",
    CaseDecision.ASSIGNED: "交办",
    CaseDecision.NOT_ACCEPTED: "不予受理",
    CaseDecision.FORWARDED: "转送",
    CaseDecision.SEPARATED: "诉访分离",
}

SUPPORT = CaseOutcome.SUPPORT
OUTCOME_NAMES: dict[str, str] = {
    CaseOutcome.SUPPORT: "予以支持",
    CaseOutcome.EXPLAIN: "解释说明",
    CaseOutcome.REJECT: "不予支持",
    CaseOutcome.MEDIATION: "调解",
    CaseOutcome.SETTLEMENT: "和解",
}

SOURCE_NAMES = {"visit": "来访", "letter": "来信"}

ACCEPTANCE = "acceptance"
REJECTION = "rejection"
EXTENSION = "extension"
REPLY = "reply"
REVIEW_OPINION = "review"
REREVIEW_OPINION = "rereview"
ASSIGNMENT = "assignment"
SUPERVISION = "supervision"
DOCUMENT_NAMES = {
    ACCEPTANCE: "受理告知书",
    REJECTION: "不予受理告知书",
    EXTENSION: "延期告知书",
    REPLY: "信访处理意见书",
    REVIEW_OPINION: "复查意见书",
    REREVIEW_OPINION: "复核意见书",
    ASSIGNMENT: "交办单",
    SUPERVISION: "督办单",
}

ORDER_OPEN = OrderState.OPEN
ORDER_REPLIED = OrderState.REPLIED
ORDER_ESCALATED = OrderState.ESCALATED
ORDER_STATE_NAMES: dict[str, str] = {
    OrderState.OPEN: "待回复",
    OrderState.REPLIED: "已回复",
    OrderState.ESCALATED: "已升级",
}
ORDER_LEVEL_NAMES = {1: "督办", 2: "重点督办", 3: "挂牌督办"}

COURT_HANDOFF_PENDING = CaseCourtHandoff.PENDING


class CalendarDay(Base):
    """A day that differs from the Monday-to-Friday rule: a public holiday (is_workday false)
    or a make-up workday on a weekend (调休上班, is_workday true)."""

    __tablename__ = "calendar_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(64), default="")
    # "chinese-calendar" when seeded from the package, "admin" when entered by hand.
    source: Mapped[str] = mapped_column(String(32), default="admin")


class CalendarYear(Base):
    """A year whose holidays are all in ``calendar_day``. A year missing here is one the
    deadlines cannot be trusted for (the State Council publishes each year's holidays late in
    the year before), so the program warns about it."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(32))
    confirmed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class ResponsibleUnit(Base):
    """An organ or unit a case can be assigned (交办) or forwarded (转送) to."""

    __tablename__ = "responsible_unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # What sort of unit: 乡镇街道, 市直部门, 上级机关, 司法机关 … (free text, for grouping).
    kind: Mapped[str] = mapped_column(String(32), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PetitionCase(Base):
    """A formal petition case (信访事项), from a visit or a letter, to its end."""

    __tablename__ = "petition_case"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_petition_case_year_seq"),
        Index("ix_petition_case_due_on", "due_on", "id"),
        Index("ix_petition_case_watch_due", "watch_due", "id"),
        Index("ix_petition_case_officer_due", "officer_id", "due_on"),
        # Alert counts over every open case are counts of index ranges, one per level.
        *(Index(f"ix_petition_case_alert_{p}_on", f"alert_{p}_on") for p in (50, 75, 85, 99)),
        # The units' records read only this index, never the table.
        Index(
            "ix_petition_case_unit_record",
            "unit_id",
            "decision",
            "closing_report_on",
            "assigned_due",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitor.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(16))
    # Encrypted like the visit's it is copied from (nothing searches it by LIKE).
    summary: Mapped[str] = mapped_column(EncryptedText, default="")
    # Encrypted (db.crypto): an accusation's words and whom it names.
    request: Mapped[str] = mapped_column(EncryptedText, default="")
    facts: Mapped[str] = mapped_column(EncryptedText, default="")
    reasons: Mapped[str] = mapped_column(EncryptedText, default="")
    litigation: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # For an accusation (揭发控告): the unit accused, to which nothing about it may be sent,
    # and the people or units named, as the petitioner gave them.
    accused_unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    accused: Mapped[str] = mapped_column(EncryptedText, default="")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # The leader who leads the case (包案领导), by name from the leaders' list as the dispute
    # register's ``leader`` is; "" while none is named. Indexed: a leader's home lists his own.
    leader: Mapped[str] = mapped_column(String(64), default="", server_default="", index=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    repeat_count: Mapped[int] = mapped_column(Integer, default=0)

    received_on: Mapped[dt.date] = mapped_column(Date)
    decide_due: Mapped[dt.date] = mapped_column(Date)
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    legal_channel: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("responsible_unit.id"))
    assigned_due: Mapped[dt.date | None] = mapped_column(Date)
    closing_report: Mapped[str] = mapped_column(Text, default="")
    closing_report_on: Mapped[dt.date | None] = mapped_column(Date)
    court_handoff: Mapped[str | None] = mapped_column(String(16))

    handle_due: Mapped[dt.date | None] = mapped_column(Date)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extended_on: Mapped[dt.date | None] = mapped_column(Date)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))
    reply_text: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)

    review_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    review_due: Mapped[dt.date | None] = mapped_column(Date)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    review_outcome: Mapped[str | None] = mapped_column(String(16))
    review_text: Mapped[str] = mapped_column(Text, default="")
    rereview_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    rereview_due: Mapped[dt.date | None] = mapped_column(Date)
    rereviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    rereview_outcome: Mapped[str | None] = mapped_column(String(16))
    rereview_text: Mapped[str] = mapped_column(Text, default="")

    # A supported decision is followed until it is carried out.
    execution_due: Mapped[dt.date | None] = mapped_column(Date)
    executed_on: Mapped[dt.date | None] = mapped_column(Date)
    execution_note: Mapped[str] = mapped_column(Text, default="")

    # The hall's running time limit, kept on the row so that overdue lists and alert counts
    # over a hundred thousand open cases are index reads: the limit's first day, its last day,
    # and the days it reaches 50/75/85/99 % of the allowed days. All null when no limit runs.
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    alert_50_on: Mapped[dt.date | None] = mapped_column(Date)
    alert_75_on: Mapped[dt.date | None] = mapped_column(Date)
    alert_85_on: Mapped[dt.date | None] = mapped_column(Date)
    alert_99_on: Mapped[dt.date | None] = mapped_column(Date)
    # The earliest deadline still unmet (the running limit, the unit's closing report, the
    # execution of a supported decision): once it has passed, supervision (督办) is due.
    watch_due: Mapped[dt.date | None] = mapped_column(Date)

    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Archived (归档) by retention: read-only from then on, which database triggers enforce.
    archived_on: Mapped[dt.date | None] = mapped_column(Date)

    visitor: Mapped[Visitor] = relationship(lazy="joined")
    visit: Mapped[Visit | None] = relationship()
    unit: Mapped[ResponsibleUnit | None] = relationship(foreign_keys=[unit_id], lazy="joined")
    accused_unit: Mapped[ResponsibleUnit | None] = relationship(foreign_keys=[accused_unit_id])
    officer: Mapped[User | None] = relationship(foreign_keys=[officer_id])

    @property
    def barcode(self) -> str:
        """What the documents' Code128 barcode carries: Code128 has no Chinese characters, so
        the year and sequence number, which identify the case whatever the prefix."""
        return f"XF{self.year}-{self.seq:04d}"


class CaseLetter(Base):
    """A letter (来信): the one that opened a case, or a later one linked to it as a repeat."""

    __tablename__ = "case_letter"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("petition_case.id"), index=True)
    sender_name: Mapped[str] = mapped_column(String(64))
    sender_address: Mapped[str] = mapped_column(EncryptedText, default="")
    sender_phone: Mapped[str] = mapped_column(EncryptedText, default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    postmarked_on: Mapped[dt.date | None] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class CaseAttachment(Base):
    """A scan kept with the case (PDF or image). The bytes live in the database so that every
    workstation of a PostgreSQL hall sees them, and one backup holds case and scans together."""

    __tablename__ = "case_attachment"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("petition_case.id"), index=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("case_letter.id"))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: listing a case's attachments never drags the scans along. Encrypted: a scan of
    # an accusation says what its text says.
    content: Mapped[bytes] = mapped_column(EncryptedBytes, deferred=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class CaseLink(Base):
    """The same matter raised again while its case is open: linked, not opened twice."""

    __tablename__ = "case_link"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("petition_case.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("case_letter.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    linked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class SupervisionOrder(Base):
    """A supervision order (督办单) to a responsible unit, with the date its reply is due."""

    __tablename__ = "supervision_order"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_supervision_order_year_seq"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[int] = mapped_column(ForeignKey("petition_case.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("responsible_unit.id"), index=True)
    level: Mapped[int] = mapped_column(Integer, default=1)
    reason: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    reply_due: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default=OrderState.OPEN)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    escalated_from_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_order.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    unit: Mapped[ResponsibleUnit] = relationship(lazy="joined")
    case: Mapped[PetitionCase] = relationship()

    @property
    def barcode(self) -> str:
        return f"DB{self.year}-{self.seq:03d}"


class CaseDocument(Base):
    """A document issued for a case, kept as the PDF that was issued, so a reprint is the
    same paper. Each print, save or reprint is an event (``document.printed``) with its date."""

    __tablename__ = "case_document"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("petition_case.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_order.id"))
    kind: Mapped[str] = mapped_column(String(24))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    # Encrypted: the paper of a 检举控告 case quotes what the accusation says.
    pdf: Mapped[bytes] = mapped_column(EncryptedBytes, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
