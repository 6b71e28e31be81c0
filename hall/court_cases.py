"""The circuit court's case file, from the accepted hand-off to its outcome.

A file opens at 接访 when the clerk accepts a hand-off (:mod:`hall.court`) and moves forward
only, each move logged::

    接访 ──register (立案, a case number)──▶ 立案 ──▶ 庭前 ──▶ 庭审 ──▶ 庭后
                                                         (any closed file) ──enforcement──▶ 执行

A stage may be skipped forwards (a case mediated before the hearing never sees 庭审) but never
gone back to. A mediation attempt can be recorded at any stage, 接访 and 执行 included
("多调少判、调判结合"). The outcomes:

* mediated (调解结案): a 调解书, which needs a registered case, or the agreement written into
  the transcript and performed at once, which a file at 接访 can end with too;
* judicial confirmation of a mediation agreement (司法确认), applied for within 30 days of the
  agreement (:func:`confirmation_deadline`); a later application is refused with the reason;
* withdrawn (撤诉), judgment (判决), dismissed (驳回起诉).

Enforcement (执行) is recorded when applied for, on an outcome that can be enforced. Fees are
waived in this hall and the file records them as waived.

Only the court's clerks and administrators work and read files (:func:`hall.court.require_clerk`).
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass, field, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import counters, events
from db.court_models import (
    AGREED,
    BY_DOCUMENT,
    BY_TRANSCRIPT,
    CONFIRMED,
    DISMISSED,
    ENFORCEMENT,
    FEE_NAMES,
    HEARING_KIND_NAMES,
    JUDGMENT,
    MEDIATED,
    MEDIATION_FORM_NAMES,
    MEDIATION_RESULT_NAMES,
    ORDINARY,
    OUTCOME_NAMES,
    PARTY_KIND_NAMES,
    PERSON,
    POSTTRIAL,
    REGISTRATION,
    SIMPLE,
    SMALL_CLAIMS,
    STAGE_NAMES,
    STAGES,
    TRACK_NAMES,
    WITHDRAWN,
    CourtCase,
    CourtHandoff,
    CourtHearing,
    CourtMediation,
)
from db.models import User
from hall import calendar, clock, confidentiality, court_types, deadlines, json_form, settings
from hall.calendar import WorkCalendar, cn_date
from hall.catalog import GENDERS
from hall.court import (
    MissingField,
    find_handoff,
    raise_problems,
    require_clerk,
)
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound

TRACK_MONTHS = {SMALL_CLAIMS: 2, SIMPLE: 3, ORDINARY: 6}
CONFIRMATION_DAYS = 30
MAX_AGE = 150
# Outcomes that leave something to enforce: a 调解书, a confirmed agreement, a judgment.
ENFORCEABLE = frozenset({MEDIATED, CONFIRMED, JUDGMENT})


# ---------------------------------------------------------------------------------------------
# Time limits


def add_months(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months after ``day``: the same day of the month, or the
    month's last day when it has no such day (31 August + 6 months = 28 or 29 February),
    as 民法典 第二百零二条 counts a period of months."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def trial_due(registered_on: dt.date, track: str, cal: WorkCalendar) -> dt.date:
    """The last day to conclude a case on ``track``: 2, 3 or 6 calendar months from
    registration (the registration day itself not counted), counted by :func:`add_months`;
    a last day that is not a working day moves to the next working day (民事诉讼法 第八十五条)."""
    return cal.on_or_after_workday(add_months(registered_on, TRACK_MONTHS[track]))


def confirmation_deadline(agreement_on: dt.date, cal: WorkCalendar) -> dt.date:
    """The last day to apply for judicial confirmation: 30 days after the agreement, moved to
    the next working day when it is not one (民事诉讼法 第二百零五条, 第八十五条)."""
    return deadlines.period_end(agreement_on, CONFIRMATION_DAYS, cal)


def _calendar(session: Session, start: dt.date) -> WorkCalendar:
    # A limit of at most six months, moved past a holiday, ends within the next year.
    return calendar.load(session, start.year, start.year + 1)


def alert_of(case: CourtCase, on: dt.date) -> Alert:
    """How much of the trial limit is used on ``on`` (NONE before registration and once closed),
    at the same 50/75/85/99 % marks as the petition cases (:mod:`hall.deadlines`)."""
    if case.registered_on is None or case.due_on is None or case.outcome is not None:
        return Alert.NONE
    return deadlines.alert_level(case.registered_on, case.due_on, on)


# ---------------------------------------------------------------------------------------------
# Registration (立案)


@dataclass
class Registration:
    """The 立案 form: what 民事诉讼法 第一百二十四条 asks a complaint to state. Plain data, so
    a refused registration keeps what was typed."""

    case_type: str = "民初"
    track: str = ""
    plaintiff_name: str = ""
    plaintiff_gender: str = ""
    plaintiff_age: int | None = None
    plaintiff_ethnicity: str = ""
    plaintiff_occupation: str = ""
    plaintiff_employer: str = ""
    plaintiff_address: str = ""
    plaintiff_contact: str = ""
    defendant_kind: str = PERSON
    defendant_name: str = ""
    defendant_gender: str = ""
    defendant_employer: str = ""
    defendant_address: str = ""
    claims: str = ""
    facts_reasons: str = ""
    evidence: str = ""
    evidence_source: str = ""
    witnesses: str = ""


# The form's fields kept on CourtCase under the same names (the type and track are stored
# as the number's type code and the track).
PARTY_AND_CLAIM_FIELDS = tuple(
    item.name for item in fields(Registration) if item.name not in ("case_type", "track")
)

FIELD_LABELS = {
    "case_type": "案件类型",
    "track": "审理程序",
    "plaintiff_name": "原告姓名",
    "plaintiff_gender": "原告性别",
    "plaintiff_age": "原告年龄",
    "plaintiff_ethnicity": "原告民族",
    "plaintiff_occupation": "原告职业",
    "plaintiff_employer": "原告工作单位",
    "plaintiff_address": "原告住址",
    "plaintiff_contact": "原告联系方式",
    "defendant_kind": "被告类别",
    "defendant_name": "被告姓名或名称",
    "defendant_gender": "被告性别",
    "defendant_employer": "被告工作单位",
    "defendant_address": "被告住址",
    "claims": "诉讼请求",
    "facts_reasons": "事实与理由",
    "evidence": "证据",
    "evidence_source": "证据来源",
    "witnesses": "证人",
}
# A person without an employer or occupation writes 无: the field is still answered.
REQUIRED = (
    "case_type",
    "track",
    "plaintiff_name",
    "plaintiff_gender",
    "plaintiff_age",
    "plaintiff_ethnicity",
    "plaintiff_occupation",
    "plaintiff_employer",
    "plaintiff_address",
    "plaintiff_contact",
    "defendant_name",
    "defendant_address",
    "claims",
    "facts_reasons",
    "evidence",
    "evidence_source",
)
# Required of a defendant who is a person, not of a company or other organisation.
REQUIRED_OF_PERSON = ("defendant_gender",)
MAX_LENGTHS = {
    "plaintiff_name": 64,
    "plaintiff_ethnicity": 16,
    "plaintiff_occupation": 64,
    "plaintiff_employer": 100,
    "plaintiff_address": 200,
    "plaintiff_contact": 64,
    "defendant_name": 100,
    "defendant_employer": 100,
    "defendant_address": 200,
}


def validate_registration(form: Registration) -> list[InvalidInput]:
    """Every problem with the form at once, each naming its field; missing fields first."""
    person = form.defendant_kind == PERSON
    required = REQUIRED + (REQUIRED_OF_PERSON if person else ())
    problems: list[InvalidInput] = []
    for name in required:
        value = getattr(form, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(MissingField(FIELD_LABELS[name], name))
    missing = {p.field for p in problems}
    if form.track and form.track not in TRACK_NAMES:
        problems.append(InvalidInput(f"审理程序应为：{'、'.join(TRACK_NAMES.values())}。", "track"))
    if form.defendant_kind not in PARTY_KIND_NAMES:
        problems.append(InvalidInput("被告应为自然人或法人、其他组织。", "defendant_kind"))
    for name, label in (("plaintiff_gender", "原告"), ("defendant_gender", "被告")):
        value = getattr(form, name).strip()
        if name not in missing and value and value not in GENDERS:
            problems.append(InvalidInput(f"{label}性别应为“男”或“女”。", name))
    age = form.plaintiff_age
    if age is not None and not 0 <= age <= MAX_AGE:
        problems.append(
            InvalidInput(f"原告年龄应在 0 到 {MAX_AGE} 岁之间，现在是 {age}。", "plaintiff_age")
        )
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(form, name).strip()) > limit:
            problems.append(InvalidInput(f"{FIELD_LABELS[name]}太长（最多 {limit} 个字）。", name))
    return problems


def _case(session: Session, case_id: int) -> CourtCase:
    case = session.get(CourtCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的法庭案件。")
    return case


def _locked_case(session: Session, case_id: int) -> CourtCase:
    """The file, its row locked until the transaction ends, so two clerks acting on it at once
    take turns and the second sees what the first did (the write lock does it on SQLite)."""
    case = session.scalar(
        select(CourtCase)
        .where(CourtCase.id == case_id)
        .with_for_update(of=CourtCase)
        .execution_options(populate_existing=True)
    )
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的法庭案件。")
    return case


def _label(case: CourtCase) -> str:
    return case.number or case.handoff.number


def _log(
    session: Session, kind: str, case: CourtCase, now: dt.datetime, actor: User, **extra: object
) -> None:
    payload: dict[str, object] = {
        "number": _label(case),
        "stage": case.stage,
        "visit_id": case.visit_id,
        "window": case.handoff.window.code,
    }
    payload.update(extra)
    events.append(session, kind, "court_case", case.id, now, actor.id, payload)


def _age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def registration_draft(
    session: Session, case_id: int, viewer: User, now: dt.datetime | None = None
) -> Registration:
    """The 立案 form filled from what the hall already knows: the parties and claim of the
    hand-off, and the visitor's details — except for a confidential visit (an accusation),
    whose visitor and matter stay out of it (the clerk asks the party in person)."""
    now = now or clock.now()
    require_clerk(viewer)
    case = _case(session, case_id)
    handoff = case.handoff
    form = Registration(
        plaintiff_name=handoff.party,
        defendant_name=handoff.other_party,
        claims=handoff.claim,
    )
    visit = handoff.visit
    if confidentiality.is_confidential(session, visit):
        return form
    visitor = visit.visitor
    if visitor.name == handoff.party:
        form.plaintiff_gender = visitor.gender
        if visitor.birth_date is not None:
            form.plaintiff_age = _age_on(visitor.birth_date, now.date())
        form.plaintiff_address = "".join(
            p for p in (visitor.township, visitor.village, visitor.address) if p
        )
        form.plaintiff_contact = visitor.phone
    form.facts_reasons = "\n".join(p for p in (visit.facts, visit.reasons) if p)
    return form


def court_case_number(year: int, court_code: str, type_code: str, seq: int) -> str:
    return f"（{year}）{court_code}{type_code}{seq}号"


def register_case(
    session: Session,
    case_id: int,
    form: Registration,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Register the case (立案): check the form (every missing field named at once), give it the
    next number of its type this year, and start its trial limit."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    if case.number is not None:
        raise IllegalTransition(
            f"本案已于{cn_date(case.registered_on or now.date())}立案，"
            f"案号{case.number}，不能重复立案。"
        )
    if case.outcome is not None:
        raise IllegalTransition(f"{_label(case)}已{OUTCOME_NAMES[case.outcome]}，不能再立案。")
    problems = validate_registration(form)
    if not any(p.field == "case_type" for p in problems):
        try:
            court_types.enabled_type(session, form.case_type.strip())
        except InvalidInput as error:
            problems.append(error)
    raise_problems("立案登记", problems)
    type_code = form.case_type.strip()
    year = now.year
    seq = counters.next_value(session, f"court_case:{type_code}:{year}")
    on = now.date()
    case.number = court_case_number(
        year, settings.get(session, settings.COURT_CODE), type_code, seq
    )
    case.type_code = type_code
    case.year = year
    case.seq = seq
    case.track = form.track
    case.registered_on = on
    case.registered_by = actor.id
    case.due_on = trial_due(on, form.track, _calendar(session, on))
    for name in PARTY_AND_CLAIM_FIELDS:
        value = getattr(form, name)
        setattr(case, name, value.strip() if isinstance(value, str) else value)
    if form.defendant_kind != PERSON:
        case.defendant_gender = ""
    case.stage = REGISTRATION
    session.flush()
    _log(session, "court.registered", case, now, actor, track=case.track)
    return case


# ---------------------------------------------------------------------------------------------
# Stages, mediation, hearings


def advance_stage(
    session: Session, case_id: int, stage: str, actor: User, now: dt.datetime | None = None
) -> CourtCase:
    """Move the file forward to ``stage`` (skipping stages is allowed, going back is not).
    立案 is reached by registering and 执行 by recording an application for enforcement."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    if stage not in STAGE_NAMES:
        raise InvalidInput(f"没有“{stage}”这个阶段。", "stage")
    name = STAGE_NAMES[stage]
    if stage == REGISTRATION:
        raise IllegalTransition("进入立案阶段须填写立案登记。")
    if stage == ENFORCEMENT:
        raise IllegalTransition("进入执行阶段须登记执行申请。")
    if case.number is None:
        raise IllegalTransition(f"{_label(case)}尚未立案，不能转入{name}阶段，请先立案。")
    current = case.stage
    if STAGES.index(stage) <= STAGES.index(current):
        raise IllegalTransition(
            f"{_label(case)}已在{STAGE_NAMES[current]}阶段，只能向后推进，不能转入{name}阶段。"
        )
    if case.outcome is not None and stage != POSTTRIAL:
        raise IllegalTransition(
            f"{_label(case)}已{OUTCOME_NAMES[case.outcome]}，只能转入庭后阶段或登记执行申请。"
        )
    case.stage = stage
    _log(session, "court.stage", case, now, actor, previous=current)
    return case


def _not_future(day: dt.date, now: dt.datetime, label: str, field_name: str) -> None:
    if day > now.date():
        raise InvalidInput(f"{label}（{cn_date(day)}）不能晚于今天。", field_name)


def record_mediation(
    session: Session,
    case_id: int,
    held_on: dt.date,
    mediator: str,
    result: str,
    actor: User,
    note: str = "",
    now: dt.datetime | None = None,
) -> CourtMediation:
    """Record a mediation attempt (date, mediator, result) at the file's present stage."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    problems: list[InvalidInput] = []
    if not mediator.strip():
        problems.append(MissingField("调解人", "mediator"))
    if not result:
        problems.append(MissingField("调解结果", "result"))
    elif result not in MEDIATION_RESULT_NAMES:
        problems.append(
            InvalidInput(f"调解结果应为：{'、'.join(MEDIATION_RESULT_NAMES.values())}。", "result")
        )
    raise_problems("调解记录", problems)
    _not_future(held_on, now, "调解日期", "held_on")
    handed_on = case.handoff.handed_at.date()
    if held_on < handed_on:
        raise InvalidInput(
            f"调解日期（{cn_date(held_on)}）不能早于移交法庭的日期（{cn_date(handed_on)}）。",
            "held_on",
        )
    mediation = CourtMediation(
        case_id=case.id,
        stage=case.stage,
        held_on=held_on,
        mediator=mediator.strip(),
        result=result,
        note=note.strip(),
        created_at=now,
        created_by=actor.id,
    )
    session.add(mediation)
    session.flush()
    session.refresh(case, ["mediations"])
    _log(session, "court.mediation", case, now, actor, result=result)
    return mediation


def schedule_hearing(
    session: Session,
    case_id: int,
    starts_at: dt.datetime,
    kind: str,
    place: str,
    actor: User,
    note: str = "",
    now: dt.datetime | None = None,
) -> CourtHearing:
    """Put a hearing of a registered, open case on the court's calendar."""
    now = now or clock.now()
    require_clerk(actor)
    case = _locked_case(session, case_id)
    if case.number is None:
        raise IllegalTransition(f"{_label(case)}尚未立案，不能排期开庭。")
    if case.outcome is not None:
        raise IllegalTransition(f"{_label(case)}已{OUTCOME_NAMES[case.outcome]}，不能再排期。")
    if kind not in HEARING_KIND_NAMES:
        raise InvalidInput(f"排期类别应为：{'、'.join(HEARING_KIND_NAMES.values())}。", "kind")
    if starts_at < now:
        raise InvalidInput(
            f"排期时间（{starts_at:%Y-%m-%d %H:%M}）已经过去，请选择以后的时间。", "starts_at"
        )
    hearing = CourtHearing(
        case_id=case.id,
        starts_at=starts_at,
        kind=kind,
        place=place.strip(),
        note=note.strip(),
        created_at=now,
        created_by=actor.id,
    )
    hearing.case = case
    session.add(hearing)
    session.flush()
    _log(
        session,
        "court.hearing",
        case,
        now,
        actor,
        starts_at=starts_at.isoformat(timespec="minutes"),
    )
    return hearing


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


# ---------------------------------------------------------------------------------------------
# Outcomes and enforcement


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
    case.outcome_note = note.strip()
    _log(session, "court.closed", case, now, actor, outcome=outcome)


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
    if not terms.strip():
        raise MissingField("调解协议内容", "terms")
    case.mediation_form = form
    case.agreement_on = agreement.held_on
    case.agreement_terms = terms.strip()
    _close(session, case, MEDIATED, day, note, actor, now)
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
    if not terms.strip():
        raise MissingField("调解协议内容", "terms")
    case.confirmation_applied_on = applied_on
    case.agreement_on = agreement_on
    case.agreement_terms = terms.strip()
    _close(session, case, CONFIRMED, day, note, actor, now)
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
    plain = (WITHDRAWN, JUDGMENT, DISMISSED)
    if outcome not in plain:
        names = "、".join(OUTCOME_NAMES[o] for o in plain)
        raise InvalidInput(f"这里只登记{names}；调解结案和司法确认请用各自的登记。", "outcome")
    _require_registered(case, OUTCOME_NAMES[outcome] + "结案")
    day = _closing_day(case, on, now)
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
    if not applicant.strip():
        raise MissingField("申请执行人", "applicant")
    _not_future(applied_on, now, "申请执行日期", "applied_on")
    assert case.closed_on is not None
    if applied_on < case.closed_on:
        raise InvalidInput(
            f"申请执行日期（{cn_date(applied_on)}）不能早于结案日期（{cn_date(case.closed_on)}）。",
            "applied_on",
        )
    case.enforcement_applied_on = applied_on
    case.enforcement_applicant = applicant.strip()
    case.enforcement_note = note.strip()
    previous = case.stage
    case.stage = ENFORCEMENT
    _log(session, "court.enforcement", case, now, actor, previous=previous)
    return case


# ---------------------------------------------------------------------------------------------
# Reading files


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
