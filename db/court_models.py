"""The persistent model of the court hand-off and the circuit court's case files (便民巡回法庭).

A litigation-related visit is handed to the court (:class:`CourtHandoff`, with its 移交单);
the clerk accepts it, which opens a court file (:class:`CourtCase`) at the 接访 stage, or
returns it to the window with a reason. Registration (立案) gives the file its court case
number, its track and its deadline; mediation attempts and hearings hang off the file.

The code words stored in the columns are listed here with their Chinese names, because both
the rules (``hall``) and the documents (``printing``) read them and neither may import the
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
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.crypto import EncryptedText
from db.models import Base, BigId, ServiceWindow, User, Visit
from db.states import CaseCourtHandoff, CourtOutcome, CourtStage, HandoffState, VisitStatus

# The names the model modules have always exported for the members of db.states' enums.
# hall/ uses the enums; screens still import these until they are reworked.
VISIT_HANDED = VisitStatus.HANDED_TO_COURT
VISIT_RETURNED = VisitStatus.COURT_RETURNED
VISIT_STATUS_NAMES: dict[str, str] = {
    VisitStatus.HANDED_TO_COURT: "已移交法庭",
    VisitStatus.COURT_RETURNED: "法庭已退回",
}

HANDED = HandoffState.HANDED
ACCEPTED = HandoffState.ACCEPTED
RETURNED = HandoffState.RETURNED
HANDOFF_STATE_NAMES: dict[str, str] = {
    HandoffState.HANDED: "待接收",
    HandoffState.ACCEPTED: "已接收",
    HandoffState.RETURNED: "已退回",
}

RECEPTION = CourtStage.RECEPTION
REGISTRATION = CourtStage.REGISTRATION
PRETRIAL = CourtStage.PRETRIAL
TRIAL = CourtStage.TRIAL
POSTTRIAL = CourtStage.POSTTRIAL
ENFORCEMENT = CourtStage.ENFORCEMENT
# The only order a file may move through its stages.
STAGES = tuple(CourtStage)
STAGE_NAMES: dict[str, str] = {
    CourtStage.RECEPTION: "接访",
    CourtStage.REGISTRATION: "立案",
    CourtStage.PRETRIAL: "庭前",
    CourtStage.TRIAL: "庭审",
    CourtStage.POSTTRIAL: "庭后",
    CourtStage.ENFORCEMENT: "执行",
}

SMALL_CLAIMS = "small_claims"
SIMPLE = "simple"
ORDINARY = "ordinary"
TRACKS = (SMALL_CLAIMS, SIMPLE, ORDINARY)
TRACK_NAMES = {SMALL_CLAIMS: "小额诉讼程序", SIMPLE: "简易程序", ORDINARY: "普通程序"}

MEDIATED = CourtOutcome.MEDIATED
CONFIRMED = CourtOutcome.CONFIRMED
WITHDRAWN = CourtOutcome.WITHDRAWN
JUDGMENT = CourtOutcome.JUDGMENT
DISMISSED = CourtOutcome.DISMISSED
OUTCOMES = tuple(CourtOutcome)
OUTCOME_NAMES: dict[str, str] = {
    CourtOutcome.MEDIATED: "调解结案",
    CourtOutcome.CONFIRMED: "司法确认",
    CourtOutcome.WITHDRAWN: "撤诉",
    CourtOutcome.JUDGMENT: "判决",
    CourtOutcome.DISMISSED: "驳回起诉",
}

# How a mediated case ends: the court issues a 调解书, or the agreement is written into the
# transcript (笔录) and performed on the spot, so no document is served.
BY_DOCUMENT = "document"
BY_TRANSCRIPT = "transcript"
MEDIATION_FORM_NAMES = {
    BY_DOCUMENT: "制作调解书",
    BY_TRANSCRIPT: "调解协议记入笔录，当即履行",
}

AGREED = "agreed"
PARTIAL = "partial"
FAILED = "failed"
MEDIATION_RESULT_NAMES = {AGREED: "达成调解协议", PARTIAL: "部分达成协议", FAILED: "调解不成"}

PERSON = "person"
ORGANISATION = "organisation"
PARTY_KIND_NAMES = {PERSON: "自然人", ORGANISATION: "法人或其他组织"}

HEARING_KIND_NAMES = {"trial": "开庭审理", "mediation": "调解", "pronouncement": "宣判"}

# The circuit court in the hall charges no fees; the file says so rather than leaving it blank.
FEES_WAIVED = "waived"
FEE_NAMES = {FEES_WAIVED: "免交诉讼费用"}

PETITION_HANDED = CaseCourtHandoff.HANDED


class CourtCaseType(Base):
    """A kind of court case as it appears in the case number (民初, 民特, 执, …); the
    administrator keeps the list."""

    __tablename__ = "court_case_type"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(32))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class CourtHandoff(Base):
    """One visit handed to the court: what the 移交单 says, and what the clerk did with it."""

    __tablename__ = "court_handoff"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_court_handoff_year_seq"),
        Index("ix_court_handoff_state_handed_at", "state", "handed_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("service_window.id"))
    # The party as the officer confirmed it (the visitor, or whom a proxy speaks for), the
    # other side, and the claim in brief.
    party: Mapped[str] = mapped_column(String(64))
    other_party: Mapped[str] = mapped_column(String(100))
    claim: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    handed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    handed_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    return_reason: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(lazy="joined")
    window: Mapped[ServiceWindow] = relationship(lazy="joined")
    officer: Mapped[User] = relationship(foreign_keys=[handed_by], lazy="joined")
    clerk: Mapped[User | None] = relationship(foreign_keys=[decided_by])

    @property
    def barcode(self) -> str:
        """What the slip's Code128 barcode carries (Code128 has no Chinese characters): the
        year and sequence number, which the clerk's scanner types back."""
        return f"YJ{self.year}-{self.seq:04d}"


class CourtCase(Base):
    """A court file, from the accepted hand-off to its outcome (and enforcement)."""

    __tablename__ = "court_case"
    __table_args__ = (
        UniqueConstraint("type_code", "year", "seq", name="uq_court_case_type_year_seq"),
        Index("ix_court_case_registered_on", "registered_on"),
        Index("ix_court_case_closed_on", "closed_on"),
        Index("ix_court_case_stage_due_on", "stage", "due_on"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("court_handoff.id"), unique=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    opened_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))

    # Set by registration (立案); null while the file is at the 接访 stage.
    number: Mapped[str | None] = mapped_column(String(48), unique=True)
    type_code: Mapped[str | None] = mapped_column(ForeignKey("court_case_type.code"))
    year: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)
    track: Mapped[str | None] = mapped_column(String(16))
    registered_on: Mapped[dt.date | None] = mapped_column(Date)
    registered_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    due_on: Mapped[dt.date | None] = mapped_column(Date)

    plaintiff_name: Mapped[str] = mapped_column(String(64), default="")
    plaintiff_gender: Mapped[str] = mapped_column(String(8), default="")
    plaintiff_age: Mapped[int | None] = mapped_column(Integer)
    plaintiff_ethnicity: Mapped[str] = mapped_column(String(16), default="")
    plaintiff_occupation: Mapped[str] = mapped_column(String(64), default="")
    plaintiff_employer: Mapped[str] = mapped_column(String(100), default="")
    plaintiff_address: Mapped[str] = mapped_column(EncryptedText, default="")
    plaintiff_contact: Mapped[str] = mapped_column(EncryptedText, default="")
    defendant_kind: Mapped[str] = mapped_column(String(16), default=PERSON)
    defendant_name: Mapped[str] = mapped_column(String(100), default="")
    defendant_gender: Mapped[str] = mapped_column(String(8), default="")
    defendant_employer: Mapped[str] = mapped_column(String(100), default="")
    defendant_address: Mapped[str] = mapped_column(EncryptedText, default="")
    claims: Mapped[str] = mapped_column(Text, default="")
    facts_reasons: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    evidence_source: Mapped[str] = mapped_column(Text, default="")
    witnesses: Mapped[str] = mapped_column(Text, default="")
    fees: Mapped[str] = mapped_column(String(16), default=FEES_WAIVED)

    outcome: Mapped[str | None] = mapped_column(String(16))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    mediation_form: Mapped[str | None] = mapped_column(String(16))
    # The mediation agreement a mediated or confirmed case rests on: its date and its terms.
    agreement_on: Mapped[dt.date | None] = mapped_column(Date)
    agreement_terms: Mapped[str] = mapped_column(Text, default="")
    confirmation_applied_on: Mapped[dt.date | None] = mapped_column(Date)

    enforcement_applied_on: Mapped[dt.date | None] = mapped_column(Date)
    enforcement_applicant: Mapped[str] = mapped_column(String(100), default="")
    enforcement_note: Mapped[str] = mapped_column(Text, default="")

    # Archived (归档) by retention (hall.retention_records): read-only from then on.
    archived_on: Mapped[dt.date | None] = mapped_column(Date)

    handoff: Mapped[CourtHandoff] = relationship(lazy="joined")
    case_type: Mapped[CourtCaseType | None] = relationship(lazy="joined")
    mediations: Mapped[list[CourtMediation]] = relationship(
        lazy="selectin", order_by="[CourtMediation.held_on, CourtMediation.id]"
    )
    hearings: Mapped[list[CourtHearing]] = relationship(
        lazy="selectin",
        order_by="[CourtHearing.starts_at, CourtHearing.id]",
        back_populates="case",
    )


class CourtMediation(Base):
    """One mediation attempt, at whatever stage the file was in ("多调少判、调判结合")."""

    __tablename__ = "court_mediation"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("court_case.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    held_on: Mapped[dt.date] = mapped_column(Date)
    mediator: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))


class CourtHearing(Base):
    """A hearing date on the court's calendar."""

    __tablename__ = "court_hearing"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("court_case.id"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    place: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))

    case: Mapped[CourtCase] = relationship(back_populates="hearings")
