"""Moving a file through its stages, the mediation attempts and the hearings scheduled."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.court_models import (
    HEARING_KIND_NAMES,
    MEDIATION_RESULT_NAMES,
    OUTCOME_NAMES,
    STAGE_NAMES,
    STAGES,
    CourtCase,
    CourtHearing,
    CourtMediation,
)
from db.event_kinds import EventKind
from db.models import User
from db.states import CourtStage
from hall import clock, fields
from hall.calendar import cn_date
from hall.court import (
    MissingField,
    raise_problems,
    require_clerk,
)
from hall.court_cases.registration import _label, _locked_case, _log
from hall.errors import IllegalTransition, InvalidInput


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
    if stage == CourtStage.REGISTRATION:
        raise IllegalTransition("进入立案阶段须填写立案登记。")
    if stage == CourtStage.ENFORCEMENT:
        raise IllegalTransition("进入执行阶段须登记执行申请。")
    if case.number is None:
        raise IllegalTransition(f"{_label(case)}尚未立案，不能转入{name}阶段，请先立案。")
    current = case.stage
    if STAGES.index(stage) <= STAGES.index(current):
        raise IllegalTransition(
            f"{_label(case)}已在{STAGE_NAMES[current]}阶段，只能向后推进，不能转入{name}阶段。"
        )
    if case.outcome is not None and stage != CourtStage.POSTTRIAL:
        raise IllegalTransition(
            f"{_label(case)}已{OUTCOME_NAMES[case.outcome]}，只能转入庭后阶段或登记执行申请。"
        )
    case.stage = stage
    _log(session, EventKind.COURT_STAGE, case, now, actor, previous=current)
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
    mediator = fields.check(fields.MEDIATOR, mediator, problems)
    note = fields.check(fields.COURT_NOTE, note, problems)
    if not result:
        problems.append(MissingField("调解结果", "result", verb="选择"))
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
        mediator=mediator,
        result=result,
        note=note,
        created_at=now,
        created_by=actor.id,
    )
    session.add(mediation)
    session.flush()
    session.refresh(case, ["mediations"])
    _log(session, EventKind.COURT_MEDIATION, case, now, actor, result=result)
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
    problems: list[InvalidInput] = []
    place = fields.check(fields.COURT_PLACE, place, problems)
    note = fields.check(fields.COURT_NOTE, note, problems)
    fields.refuse(problems)
    hearing = CourtHearing(
        case_id=case.id,
        starts_at=starts_at,
        kind=kind,
        place=place,
        note=note,
        created_at=now,
        created_by=actor.id,
    )
    hearing.case = case
    session.add(hearing)
    session.flush()
    _log(
        session,
        EventKind.COURT_HEARING,
        case,
        now,
        actor,
        starts_at=starts_at.isoformat(timespec="minutes"),
    )
    return hearing
