"""Registering a file (立案): the form, its checks, the draft filled from the hand-off and the
case number from the counter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, events
from db.court_models import OUTCOME_NAMES, PARTY_KIND_NAMES, PERSON, TRACK_NAMES, CourtCase
from db.event_kinds import EventKind
from db.models import User
from db.states import CourtStage
from hall import clock, confidentiality, court_types, fields, settings
from hall.calendar import cn_date
from hall.catalog import GENDERS
from hall.court import (
    MissingField,
    raise_problems,
    require_clerk,
)
from hall.court_cases.time_limits import MAX_AGE, _calendar, trial_due
from hall.errors import IllegalTransition, InvalidInput, NotFound


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
    item.name
    for item in dataclasses.fields(Registration)
    if item.name not in ("case_type", "track")
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
    "case_type": 8,
    "track": 16,
    "plaintiff_name": 64,
    "plaintiff_gender": 4,
    "plaintiff_ethnicity": 16,
    "plaintiff_occupation": 64,
    "plaintiff_employer": 100,
    "plaintiff_address": 200,
    "plaintiff_contact": 64,
    "defendant_kind": 16,
    "defendant_name": 100,
    "defendant_gender": 4,
    "defendant_employer": 100,
    "defendant_address": 200,
    # The complaint's own parts fill A4 pages of the file.
    "claims": 4000,
    "facts_reasons": 8000,
    "evidence": 4000,
    "evidence_source": 500,
    "witnesses": 500,
}
MULTI_LINE = ("claims", "facts_reasons", "evidence")
CHOICES = ("case_type", "track", "plaintiff_gender", "defendant_kind", "defendant_gender")
AGE = fields.Number("plaintiff_age", FIELD_LABELS["plaintiff_age"], 0, MAX_AGE, "岁")


def field_rule(name: str, person: bool = True) -> fields.Text:
    """The rule of one text field of the form (the defendant's gender is asked of a person
    only)."""
    required = name in REQUIRED or (person and name in REQUIRED_OF_PERSON)
    return fields.Text(
        name,
        FIELD_LABELS[name],
        MAX_LENGTHS[name],
        required=required,
        lines=name in MULTI_LINE,
        choice=name in CHOICES,
        person_name=name == "plaintiff_name",
    )


def _text_names() -> tuple[str, ...]:
    return tuple(name for name in FIELD_LABELS if name != "plaintiff_age")


def validate_registration(form: Registration) -> list[InvalidInput]:
    """Every problem with the form at once, each naming its field; missing fields first."""
    person = form.defendant_kind == PERSON
    problems = fields.check_all(
        (field_rule(name, person), getattr(form, name)) for name in _text_names()
    )
    if form.plaintiff_age is None:
        problems.append(MissingField(FIELD_LABELS["plaintiff_age"], "plaintiff_age"))
    wrong = {p.field for p in problems}
    if "track" not in wrong and form.track and form.track not in TRACK_NAMES:
        problems.append(InvalidInput(f"审理程序应为：{'、'.join(TRACK_NAMES.values())}。", "track"))
    if "defendant_kind" not in wrong and form.defendant_kind not in PARTY_KIND_NAMES:
        problems.append(InvalidInput("被告应为自然人或法人、其他组织。", "defendant_kind"))
    for name, label in (("plaintiff_gender", "原告"), ("defendant_gender", "被告")):
        value = getattr(form, name).strip()
        if name not in wrong and value and value not in GENDERS:
            problems.append(InvalidInput(f"{label}性别应为“男”或“女”。", name))
    if form.plaintiff_age is not None:
        try:
            fields.check_number(AGE, form.plaintiff_age)
        except InvalidInput as error:
            problems.append(error)
    # Missing fields first, in the form's order, so one sentence can name them all.
    order = REQUIRED + REQUIRED_OF_PERSON
    problems.sort(
        key=lambda p: order.index(p.field or "") if isinstance(p, MissingField) else len(order)
    )
    return problems


def cleaned_registration(form: Registration) -> Registration:
    """The form as it is stored, its texts trimmed and folded (checked before)."""
    person = form.defendant_kind == PERSON
    return fields.cleaned(form, ((name, field_rule(name, person)) for name in _text_names()))


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
    session: Session,
    kind: EventKind,
    case: CourtCase,
    now: dt.datetime,
    actor: User,
    **extra: object,
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
    form = cleaned_registration(form)
    type_code = form.case_type
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
    case.stage = CourtStage.REGISTRATION
    session.flush()
    _log(session, EventKind.COURT_REGISTERED, case, now, actor, track=case.track)
    return case
