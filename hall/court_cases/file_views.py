"""Reading files: finding one, the list's rows, one file's view, the hearings of a period and
the file of a hand-off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.court_models import (
    FEE_NAMES,
    HEARING_KIND_NAMES,
    MEDIATION_FORM_NAMES,
    MEDIATION_RESULT_NAMES,
    OUTCOME_NAMES,
    PARTY_KIND_NAMES,
    STAGE_NAMES,
    TRACK_NAMES,
    CourtCase,
    CourtHandoff,
    CourtHearing,
)
from db.models import User
from hall import calendar, clock, deadlines, json_form
from hall.court import (
    find_handoff,
    require_clerk,
)
from hall.court_cases.registration import PARTY_AND_CLAIM_FIELDS, Registration, _case, _label
from hall.court_cases.time_limits import alert_of
from hall.errors import NotFound


@dataclass(frozen=True)
class HearingRow:
    """One line of the hearing list (开庭排期表)."""

    id: int
    case_id: int
    case_number: str
    starts_at: dt.datetime
    kind_name: str
    place: str
    plaintiff: str
    defendant: str
    note: str

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self, timespec="minutes")


def hearings(session: Session, first: dt.date, last: dt.date, viewer: User) -> list[HearingRow]:
    """The hearings from ``first`` to ``last`` (both included), in time order."""
    require_clerk(viewer)
    rows = session.scalars(
        select(CourtHearing)
        .where(
            CourtHearing.starts_at >= dt.datetime.combine(first, dt.time()),
            CourtHearing.starts_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        )
        .order_by(CourtHearing.starts_at, CourtHearing.id)
    )
    return [
        HearingRow(
            id=h.id,
            case_id=h.case_id,
            case_number=_label(h.case),
            starts_at=h.starts_at,
            kind_name=HEARING_KIND_NAMES[h.kind],
            place=h.place,
            plaintiff=_plaintiff(h.case),
            defendant=_defendant(h.case),
            note=h.note,
        )
        for h in rows
    ]


def _plaintiff(case: CourtCase) -> str:
    return case.plaintiff_name or case.handoff.party


def _defendant(case: CourtCase) -> str:
    return case.defendant_name or case.handoff.other_party


def find_case(session: Session, code: str, viewer: User) -> CourtCase:
    """A file by its court case number, or by its hand-off's number or barcode."""
    require_clerk(viewer)
    code = code.strip()
    case = session.scalar(select(CourtCase).where(CourtCase.number == code))
    if case is None:
        try:
            handoff = find_handoff(session, code)
        except NotFound:
            handoff = None
        if handoff is not None:
            case = session.scalar(select(CourtCase).where(CourtCase.handoff_id == handoff.id))
    if case is None:
        raise NotFound(f"没有查到“{code}”对应的法庭案件，请核对案号或移交单编号。")
    return case


@dataclass(frozen=True)
class CaseRow:
    """One line of the clerk's list of files."""

    id: int
    label: str
    number: str | None
    handoff_number: str
    plaintiff: str
    defendant: str
    stage: str
    stage_name: str
    track_name: str
    registered_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None
    alert: int
    alert_name: str
    outcome_name: str
    closed_on: dt.date | None

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self, timespec="minutes")


def row(case: CourtCase, on: dt.date) -> CaseRow:
    alert = alert_of(case, on)
    running = case.due_on is not None and case.outcome is None
    return CaseRow(
        id=case.id,
        label=_label(case),
        number=case.number,
        handoff_number=case.handoff.number,
        plaintiff=_plaintiff(case),
        defendant=_defendant(case),
        stage=case.stage,
        stage_name=STAGE_NAMES[case.stage],
        track_name=TRACK_NAMES[case.track] if case.track else "",
        registered_on=case.registered_on,
        due_on=case.due_on,
        days_left=(case.due_on - on).days if running and case.due_on is not None else None,
        alert=int(alert),
        alert_name=deadlines.ALERT_NAMES[alert],
        outcome_name=OUTCOME_NAMES[case.outcome] if case.outcome else "",
        closed_on=case.closed_on,
    )


def list_cases(
    session: Session,
    viewer: User,
    on: dt.date,
    open_only: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[CaseRow]:
    """Files for the clerk's list: those with the nearest trial deadline first, then the ones
    at 接访 (no deadline yet), newest last."""
    require_clerk(viewer)
    stmt = select(CourtCase)
    if open_only:
        stmt = stmt.where(CourtCase.outcome.is_(None))
    stmt = stmt.order_by(
        CourtCase.outcome.is_not(None),
        CourtCase.due_on.is_(None),
        CourtCase.due_on,
        CourtCase.opened_at,
        CourtCase.id,
    )
    return [row(c, on) for c in session.scalars(stmt.offset(offset).limit(limit))]


def count_cases(session: Session, viewer: User, open_only: bool = True) -> int:
    require_clerk(viewer)
    stmt = select(func.count()).select_from(CourtCase)
    if open_only:
        stmt = stmt.where(CourtCase.outcome.is_(None))
    return session.scalar(stmt) or 0


@dataclass(frozen=True)
class MediationView:
    held_on: dt.date
    stage_name: str
    mediator: str
    result: str
    result_name: str
    note: str


@dataclass(frozen=True)
class HearingView:
    starts_at: dt.datetime
    kind_name: str
    place: str
    note: str


@dataclass(frozen=True)
class CaseView:
    """A whole court file, as the clerk's desk shows it."""

    id: int
    label: str
    number: str | None
    handoff_number: str
    handoff_barcode: str
    visit_code: str
    window_name: str
    officer: str
    handed_at: dt.datetime
    opened_at: dt.datetime
    stage: str
    stage_name: str
    case_type: str | None
    case_type_name: str | None
    track: str | None
    track_name: str | None
    registered_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None
    alert: int
    alert_name: str
    registration: Registration
    party_kind_name: str
    fees_name: str
    outcome: str | None
    outcome_name: str | None
    closed_on: dt.date | None
    outcome_note: str
    mediation_form_name: str | None
    agreement_on: dt.date | None
    agreement_terms: str
    confirmation_applied_on: dt.date | None
    enforcement_applied_on: dt.date | None
    enforcement_applicant: str
    enforcement_note: str
    calendar_warning: str
    mediations: list[MediationView] = field(default_factory=list)
    hearings: list[HearingView] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self, timespec="minutes")


def case_view(session: Session, case: CourtCase, on: dt.date) -> CaseView:
    """The file as plain data on ``on``; no permission check (see :func:`read_case`)."""
    handoff: CourtHandoff = case.handoff
    alert = alert_of(case, on)
    running = case.due_on is not None and case.outcome is None
    registration = Registration(
        case_type=case.type_code or "",
        track=case.track or "",
        **{name: getattr(case, name) for name in PARTY_AND_CLAIM_FIELDS},
    )
    if case.number is None:
        registration.plaintiff_name = handoff.party
        registration.defendant_name = handoff.other_party
        registration.claims = handoff.claim
    warning = ""
    if case.registered_on is not None and case.due_on is not None:
        warning = calendar.missing_years_warning(
            calendar.missing_years(session, case.registered_on, case.due_on)
        )
    return CaseView(
        id=case.id,
        label=_label(case),
        number=case.number,
        handoff_number=handoff.number,
        handoff_barcode=handoff.barcode,
        visit_code=handoff.visit.code,
        window_name=handoff.window.name,
        officer=handoff.officer.name,
        handed_at=handoff.handed_at,
        opened_at=case.opened_at,
        stage=case.stage,
        stage_name=STAGE_NAMES[case.stage],
        case_type=case.type_code,
        case_type_name=case.case_type.name if case.case_type else None,
        track=case.track,
        track_name=TRACK_NAMES[case.track] if case.track else None,
        registered_on=case.registered_on,
        due_on=case.due_on,
        days_left=(case.due_on - on).days if running and case.due_on is not None else None,
        alert=int(alert),
        alert_name=deadlines.ALERT_NAMES[alert],
        registration=registration,
        party_kind_name=PARTY_KIND_NAMES[case.defendant_kind],
        fees_name=FEE_NAMES[case.fees],
        outcome=case.outcome,
        outcome_name=OUTCOME_NAMES[case.outcome] if case.outcome else None,
        closed_on=case.closed_on,
        outcome_note=case.outcome_note,
        mediation_form_name=MEDIATION_FORM_NAMES[case.mediation_form]
        if case.mediation_form
        else None,
        agreement_on=case.agreement_on,
        agreement_terms=case.agreement_terms,
        confirmation_applied_on=case.confirmation_applied_on,
        enforcement_applied_on=case.enforcement_applied_on,
        enforcement_applicant=case.enforcement_applicant,
        enforcement_note=case.enforcement_note,
        calendar_warning=warning,
        mediations=[
            MediationView(
                held_on=m.held_on,
                stage_name=STAGE_NAMES[m.stage],
                mediator=m.mediator,
                result=m.result,
                result_name=MEDIATION_RESULT_NAMES[m.result],
                note=m.note,
            )
            for m in case.mediations
        ],
        hearings=[
            HearingView(
                starts_at=h.starts_at,
                kind_name=HEARING_KIND_NAMES[h.kind],
                place=h.place,
                note=h.note,
            )
            for h in case.hearings
        ],
    )


def read_case(
    session: Session, case_id: int, viewer: User, now: dt.datetime | None = None
) -> CaseView:
    """Open a court file: for the court's clerks and administrators only."""
    now = now or clock.now()
    require_clerk(viewer)
    return case_view(session, _case(session, case_id), now.date())


def clerk_of(session: Session, case: CourtCase) -> str:
    """The clerk a paper of the file names: who closed it, else registered it, else opened it."""
    user_id = case.closed_by or case.registered_by or case.opened_by
    user = session.get(User, user_id)
    return user.name if user is not None else ""


def case_of_handoff(session: Session, handoff_id: int, viewer: User) -> CourtCase | None:
    """The file an accepted hand-off opened (None while it waits or after it was returned)."""
    require_clerk(viewer)
    return session.scalar(select(CourtCase).where(CourtCase.handoff_id == handoff_id))
