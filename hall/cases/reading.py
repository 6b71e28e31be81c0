"""Reading cases: one case's view (blanked for a viewer not allowed to read an accusation),
the list's rows, counts and the reasons a case is due for supervision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from db.case_models import (
    DECISION_NAMES,
    DOCUMENT_NAMES,
    OUTCOME_NAMES,
    SOURCE_NAMES,
    STATE_NAMES,
    PetitionCase,
)
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseDecision, CaseState
from hall import calendar, clock, deadlines, json_form
from hall.calendar import cn_date
from hall.cases.basics import WITHHELD, is_confidential, may_read_confidential
from hall.cases.issued_documents import documents
from hall.cases.reviews import _REREVIEW, _REVIEW, _request_until
from hall.cases.transitions import _log
from hall.catalog import PURPOSES
from hall.deadlines import Alert
from hall.errors import NotFound
from hall.masking import mask_name


@dataclass(frozen=True)
class CaseView:
    """What screens and ``hall-admin case show`` know of a case. For a viewer not allowed to
    read an accusation, ``withheld`` is true and the petitioner and the matter are blanked."""

    id: int
    number: str
    barcode: str
    state: str
    state_name: str
    source: str
    source_name: str
    purpose: str
    purpose_name: str
    confidential: bool
    withheld: bool
    petitioner: str
    petitioner_phone: str
    petitioner_address: str
    summary: str
    request: str
    accused: str
    accused_unit: str | None
    litigation: bool
    urgent: bool
    repeat_count: int
    officer: str | None
    # The 包案领导 ("" when none is named).
    leader: str
    received_on: dt.date
    decide_due: dt.date
    decision: str | None
    decision_name: str | None
    decided_on: dt.date | None
    decision_note: str
    legal_channel: str
    unit: str | None
    assigned_due: dt.date | None
    closing_report_on: dt.date | None
    court_handoff: str | None
    handle_due: dt.date | None
    extension_days: int
    extension_reason: str
    replied_on: dt.date | None
    outcome: str | None
    outcome_name: str | None
    reply_text: str
    closed_on: dt.date | None
    review_request_until: dt.date | None
    review_requested_on: dt.date | None
    review_due: dt.date | None
    reviewed_on: dt.date | None
    review_outcome: str | None
    rereview_request_until: dt.date | None
    rereview_requested_on: dt.date | None
    rereview_due: dt.date | None
    rereviewed_on: dt.date | None
    rereview_outcome: str | None
    execution_due: dt.date | None
    executed_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None
    alert: int
    alert_name: str
    calendar_warning: str
    documents: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


def alert_of(case: PetitionCase, on: dt.date) -> Alert:
    """The alert of the case's running limit on ``on`` (NONE when no limit runs)."""
    if case.period_start is None or case.due_on is None:
        return Alert.NONE
    return deadlines.alert_level(case.period_start, case.due_on, on)


def view(session: Session, case: PetitionCase, on: dt.date, withheld: bool = False) -> CaseView:
    """The case as plain data, as it stands on ``on``. Does not log: see :func:`read_case`."""
    review_until = _request_until(session, case, _REVIEW)
    rereview_until = _request_until(session, case, _REREVIEW)
    dates = (case.received_on, case.due_on, case.handle_due, review_until, rereview_until)
    furthest = max(d for d in dates if d is not None)
    alert = alert_of(case, on)
    visitor = case.visitor
    issued = documents(session, case.id)

    def secret(value: str) -> str:
        return WITHHELD if withheld and value else value

    address = "".join(part for part in (visitor.township, visitor.village, visitor.address) if part)
    return CaseView(
        id=case.id,
        number=case.number,
        barcode=case.barcode,
        state=case.state,
        state_name=STATE_NAMES[case.state],
        source=case.source,
        source_name=SOURCE_NAMES[case.source],
        purpose=case.purpose,
        purpose_name=PURPOSES[case.purpose],
        confidential=is_confidential(case),
        withheld=withheld,
        petitioner=mask_name(visitor.name) if withheld else visitor.name,
        petitioner_phone="" if withheld else visitor.phone,
        petitioner_address="" if withheld else address,
        summary=secret(case.summary),
        request=secret(case.request),
        accused=secret(case.accused),
        accused_unit=secret(case.accused_unit.name) if case.accused_unit else None,
        litigation=case.litigation,
        urgent=case.urgent,
        repeat_count=case.repeat_count,
        officer=case.officer.name if case.officer else None,
        leader=case.leader,
        received_on=case.received_on,
        decide_due=case.decide_due,
        decision=case.decision,
        decision_name=DECISION_NAMES[case.decision] if case.decision else None,
        decided_on=case.decided_on,
        decision_note=secret(case.decision_note),
        legal_channel=case.legal_channel,
        unit=case.unit.name if case.unit else None,
        assigned_due=case.assigned_due,
        closing_report_on=case.closing_report_on,
        court_handoff=case.court_handoff,
        handle_due=case.handle_due,
        extension_days=case.extension_days,
        extension_reason=case.extension_reason,
        replied_on=case.replied_on,
        outcome=case.outcome,
        outcome_name=OUTCOME_NAMES[case.outcome] if case.outcome else None,
        reply_text=secret(case.reply_text),
        closed_on=case.closed_on,
        review_request_until=review_until,
        review_requested_on=case.review_requested_on,
        review_due=case.review_due,
        reviewed_on=case.reviewed_on,
        review_outcome=case.review_outcome,
        rereview_request_until=rereview_until,
        rereview_requested_on=case.rereview_requested_on,
        rereview_due=case.rereview_due,
        rereviewed_on=case.rereviewed_on,
        rereview_outcome=case.rereview_outcome,
        execution_due=case.execution_due,
        executed_on=case.executed_on,
        due_on=case.due_on,
        days_left=(case.due_on - on).days if case.due_on is not None else None,
        alert=int(alert),
        alert_name=deadlines.ALERT_NAMES[alert],
        calendar_warning=calendar.missing_years_warning(
            calendar.missing_years(session, case.received_on, furthest)
        ),
        documents=[DOCUMENT_NAMES[document.kind] for document in issued],
    )


def read_case(
    session: Session,
    case_id: int,
    viewer: User | None,
    now: dt.datetime | None = None,
    on: dt.date | None = None,
) -> CaseView:
    """Open a case for ``viewer``, its deadlines as they stand on ``on`` (today unless given).
    An accusation's contents are shown only to those allowed, and every opening of one,
    allowed or not, is logged (who, when): call it in a writing unit of work so the log is
    kept."""
    now = now or clock.now()
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    withheld = False
    if is_confidential(case):
        withheld = not may_read_confidential(viewer)
        kind = EventKind.CASE_VIEW_WITHHELD if withheld else EventKind.CASE_VIEWED
        _log(session, kind, case, now, viewer)
    return view(session, case, on or now.date(), withheld)


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list. Lists never show an accusation's petitioner or matter."""

    id: int
    number: str
    state: str
    state_name: str
    purpose_name: str
    confidential: bool
    petitioner: str
    summary: str
    unit: str | None
    officer: str | None
    leader: str
    received_on: dt.date
    due_on: dt.date | None
    days_overdue: int
    alert: int
    alert_name: str
    watch_due: dt.date | None
    reasons: list[str]

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


# What a case overdue in each state in which a limit runs has failed to do.
OVERDUE: dict[str, str] = {
    CaseState.REGISTERED: "逾期未作出受理决定",
    CaseState.HANDLING: "逾期未办结",
    CaseState.REVIEW: "逾期未作出复查意见",
    CaseState.REREVIEW: "逾期未作出复核意见",
}


def supervision_reasons(case: PetitionCase, on: dt.date) -> list[str]:
    """Why a case needs supervision on ``on`` (empty when nothing is overdue)."""
    reasons = []
    if case.due_on is not None and case.due_on < on:
        what = OVERDUE[case.state]
        reasons.append(f"{what}（期限{cn_date(case.due_on)}）")
    if (
        case.decision == CaseDecision.ASSIGNED
        and case.closing_report_on is None
        and case.assigned_due is not None
        and case.assigned_due < on
        and case.state != CaseState.HANDLING
    ):
        reasons.append(f"承办单位逾期未报送办结报告（期限{cn_date(case.assigned_due)}）")
    if case.execution_due is not None and case.executed_on is None and case.execution_due < on:
        reasons.append(f"“予以支持”的处理意见逾期未落实（期限{cn_date(case.execution_due)}）")
    return reasons


def row(case: PetitionCase, on: dt.date) -> CaseRow:
    confidential = is_confidential(case)
    alert = alert_of(case, on)
    return CaseRow(
        id=case.id,
        number=case.number,
        state=case.state,
        state_name=STATE_NAMES[case.state],
        purpose_name=PURPOSES[case.purpose],
        confidential=confidential,
        petitioner=mask_name(case.visitor.name) if confidential else case.visitor.name,
        summary=WITHHELD if confidential else case.summary,
        unit=case.unit.name if case.unit else None,
        officer=case.officer.name if case.officer else None,
        leader=case.leader,
        received_on=case.received_on,
        due_on=case.due_on,
        days_overdue=max(0, (on - case.due_on).days) if case.due_on else 0,
        alert=int(alert),
        alert_name=deadlines.ALERT_NAMES[alert],
        watch_due=case.watch_due,
        reasons=supervision_reasons(case, on),
    )


def list_cases(
    session: Session,
    on: dt.date,
    state: str | None = None,
    officer_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[CaseRow]:
    """Cases newest first, optionally of one state or one officer, one page at a time."""
    stmt = select(PetitionCase).options(joinedload(PetitionCase.officer))
    if state is not None:
        stmt = stmt.where(PetitionCase.state == state)
    if officer_id is not None:
        stmt = stmt.where(PetitionCase.officer_id == officer_id)
    stmt = stmt.order_by(PetitionCase.id.desc()).limit(limit).offset(offset)
    return [row(case, on) for case in session.scalars(stmt).unique()]


def count_cases(session: Session, state: str | None = None) -> int:
    stmt = select(func.count()).select_from(PetitionCase)
    if state is not None:
        stmt = stmt.where(PetitionCase.state == state)
    return int(session.scalar(stmt) or 0)


def calendar_warning(session: Session, on: dt.date) -> str:
    """The warning for the years the running limits need but the calendar lacks."""
    furthest = session.scalar(select(func.max(PetitionCase.due_on)))
    last = max(on + dt.timedelta(days=deadlines.HANDLE_DAYS), furthest or on)
    return calendar.missing_years_warning(calendar.missing_years(session, on, last))
