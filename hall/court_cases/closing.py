"""A file's outcome (mediated, confirmed, withdrawn, judgment, dismissed) and enforcement."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.court_models import (
    AGREED,
    BY_DOCUMENT,
    BY_TRANSCRIPT,
    MEDIATION_FORM_NAMES,
    OUTCOME_NAMES,
    CourtCase,
    CourtMediation,
)
from db.event_kinds import EventKind
from db.models import User
from db.states import CourtOutcome, CourtStage
from hall import clock, fields
from hall.calendar import cn_date
from hall.court import (
    MissingField,
    require_clerk,
)
from hall.court_cases.registration import _label, _locked_case, _log
from hall.court_cases.stages import _not_future
from hall.court_cases.time_limits import ENFORCEABLE, _calendar, confirmation_deadline
from hall.errors import IllegalTransition, InvalidInput


def _closing_day(case: CourtCase, on: dt.date | None, now: dt.datetime) -> dt.date:
    if case.outcome is not None:
        raise IllegalTransition(
            f"{_label(case)}已于{cn_date(case.closed_on or now.date())}"
            f"{OUTCOME_NAMES[case.outcome]}，不能再次结案。"
        )
    day = on or now.date()
    _not_future(day, now, "结案日期", "closed_on")
    opened = case.registered_on or case.opened_at.date()
    if day < opened:
        raise InvalidInput(
            f"结案日期（{cn_date(day)}）不能早于{'立案' if case.registered_on else '接收'}"
            f"日期（{cn_date(opened)}）。",
            "closed_on",
        )
    return day


def _require_registered(case: CourtCase, action: str) -> None:
    if case.number is None:
        raise IllegalTransition(f"{_label(case)}尚未立案，不能{action}。请先立案。")


def _latest_agreement(case: CourtCase) -> CourtMediation | None:
    agreed = [m for m in case.mediations if m.result == AGREED]
    return agreed[-1] if agreed else None


def _close(
    session: Session,
    case: CourtCase,
    outcome: str,
    day: dt.date,
    note: str,
    actor: User,
    now: dt.datetime,
) -> None:
    case.outcome = outcome
    case.closed_on = day
    case.closed_by = actor.id
    case.outcome_note = note
    _log(session, EventKind.COURT_CLOSED, case, now, actor, outcome=outcome)


def close_by_mediation(
    session: Session,
    case_id: int,
    form: str,
    terms: str,
    actor: User,
    note: str = "",
    on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Close the case on the agreement of its latest successful mediation: by a 调解书
    (registered cases only) or by the agreement written into the transcript and performed at
    once (any stage, 接访 included)."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    if form not in MEDIATION_FORM_NAMES:
        raise InvalidInput(
            f"调解结案方式应为：{'、'.join(MEDIATION_FORM_NAMES.values())}。", "form"
        )
    if form == BY_DOCUMENT:
        _require_registered(case, "制作调解书")
    day = _closing_day(case, on, now)
    agreement = _latest_agreement(case)
    if agreement is None:
        raise IllegalTransition(
            f"{_label(case)}还没有达成调解协议的调解记录，请先登记调解情况（日期、调解人、结果）。"
        )
    problems: list[InvalidInput] = []
    terms = fields.check(fields.AGREEMENT_TERMS, terms, problems)
    note = fields.check(fields.COURT_NOTE, note, problems)
    fields.refuse(problems)
    case.mediation_form = form
    case.agreement_on = agreement.held_on
    case.agreement_terms = terms
    _close(session, case, CourtOutcome.MEDIATED, day, note, actor, now)
    return case


def confirm_agreement(
    session: Session,
    case_id: int,
    applied_on: dt.date,
    terms: str,
    actor: User,
    agreement_on: dt.date | None = None,
    note: str = "",
    on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Judicially confirm a mediation agreement (司法确认). The agreement is the case's latest
    successful mediation unless ``agreement_on`` names one reached elsewhere (a people's
    mediation committee). An application made more than 30 days after the agreement is
    refused, saying so and what the parties can do instead."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    _require_registered(case, "司法确认")
    day = _closing_day(case, on, now)
    if agreement_on is None:
        agreement = _latest_agreement(case)
        if agreement is None:
            raise MissingField("调解协议达成日期", "agreement_on")
        agreement_on = agreement.held_on
    _not_future(applied_on, now, "申请日期", "applied_on")
    if applied_on < agreement_on:
        raise InvalidInput(
            f"申请日期（{cn_date(applied_on)}）不能早于调解协议达成的日期"
            f"（{cn_date(agreement_on)}）。",
            "applied_on",
        )
    limit = confirmation_deadline(agreement_on, _calendar(session, agreement_on))
    if applied_on > limit:
        raise InvalidInput(
            f"申请司法确认应当自调解协议生效之日起三十日内提出。本协议于{cn_date(agreement_on)}"
            f"达成，申请期限至{cn_date(limit)}，{cn_date(applied_on)}提出申请已超过期限，"
            "不予受理。当事人可以就原纠纷向人民法院提起诉讼，或者通过调解变更原协议、"
            "达成新的调解协议。",
            "applied_on",
        )
    problems: list[InvalidInput] = []
    terms = fields.check(fields.AGREEMENT_TERMS, terms, problems)
    note = fields.check(fields.COURT_NOTE, note, problems)
    fields.refuse(problems)
    case.confirmation_applied_on = applied_on
    case.agreement_on = agreement_on
    case.agreement_terms = terms
    _close(session, case, CourtOutcome.CONFIRMED, day, note, actor, now)
    return case


def close_case(
    session: Session,
    case_id: int,
    outcome: str,
    actor: User,
    note: str = "",
    on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Close a registered case by withdrawal (撤诉), judgment (判决) or dismissal (驳回起诉)."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    plain = (CourtOutcome.WITHDRAWN, CourtOutcome.JUDGMENT, CourtOutcome.DISMISSED)
    if outcome not in plain:
        names = "、".join(OUTCOME_NAMES[o] for o in plain)
        raise InvalidInput(f"这里只登记{names}；调解结案和司法确认请用各自的登记。", "outcome")
    _require_registered(case, OUTCOME_NAMES[outcome] + "结案")
    day = _closing_day(case, on, now)
    note = fields.clean(fields.COURT_NOTE, note)
    _close(session, case, outcome, day, note, actor, now)
    return case


def apply_enforcement(
    session: Session,
    case_id: int,
    applied_on: dt.date,
    applicant: str,
    actor: User,
    note: str = "",
    now: dt.datetime | None = None,
) -> CourtCase:
    """Record an application for enforcement (申请执行); the file moves to the 执行 stage."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    if case.outcome is None:
        raise IllegalTransition(f"{_label(case)}尚未结案，没有可以申请执行的法律文书。")
    if case.outcome not in ENFORCEABLE or case.mediation_form == BY_TRANSCRIPT:
        why = (
            "调解协议已当即履行"
            if case.mediation_form == BY_TRANSCRIPT
            else f"以{OUTCOME_NAMES[case.outcome]}结案"
        )
        raise IllegalTransition(f"{_label(case)}{why}，没有可以申请执行的内容。")
    if case.enforcement_applied_on is not None:
        raise IllegalTransition(
            f"{_label(case)}已于{cn_date(case.enforcement_applied_on)}登记执行申请。"
        )
    problems: list[InvalidInput] = []
    applicant = fields.check(fields.APPLICANT, applicant, problems)
    note = fields.check(fields.COURT_NOTE, note, problems)
    fields.refuse(problems)
    _not_future(applied_on, now, "申请执行日期", "applied_on")
    assert case.closed_on is not None
    if applied_on < case.closed_on:
        raise InvalidInput(
            f"申请执行日期（{cn_date(applied_on)}）不能早于结案日期（{cn_date(case.closed_on)}）。",
            "applied_on",
        )
    case.enforcement_applied_on = applied_on
    case.enforcement_applicant = applicant
    case.enforcement_note = note
    previous = case.stage
    case.stage = CourtStage.ENFORCEMENT
    _log(session, EventKind.COURT_ENFORCEMENT, case, now, actor, previous=previous)
    return case
