"""The decisions and acts that move a case: accept, assign, reject, forward, separate, extend,
the unit's closing report, the reply and the close."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import OUTCOME_NAMES, STATE_NAMES, PetitionCase
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseCourtHandoff, CaseDecision, CaseOutcome, CaseState
from hall import clock, deadlines, fields
from hall.calendar import cn_date
from hall.cases.basics import (
    SEPARATED_CHANNEL,
    _calendar,
    final_closure_reason,
    hearing_days,
    running_hearing_days,
)
from hall.cases.responsible_units import receiving_unit
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound


def case_for_update(session: Session, case_id: int) -> PetitionCase:
    """The case, its row locked until the transaction ends: two officers acting on one case at
    once take turns (SQLite's write lock already does), the second seeing what the first did."""
    case = session.scalar(
        select(PetitionCase)
        .where(PetitionCase.id == case_id)
        .with_for_update(of=PetitionCase)
        .execution_options(populate_existing=True)
    )
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    return case


def by_number(session: Session, number: str) -> PetitionCase:
    """The case with this number, or with this barcode (XF2026-0123)."""
    text = number.strip()
    stmt = select(PetitionCase).where(PetitionCase.number == text)
    if text.upper().startswith("XF") and "-" in text:
        year, _, seq = text[2:].partition("-")
        if year.isdigit() and seq.isdigit():
            stmt = select(PetitionCase).where(
                PetitionCase.year == int(year), PetitionCase.seq == int(seq)
            )
    case = session.scalar(stmt)
    if case is None:
        raise NotFound(f"没有编号为“{text}”的信访事项。")
    return case


def _require_state(
    case: PetitionCase, allowed: frozenset[CaseState] | set[CaseState], action: str
) -> None:
    if case.state in allowed:
        return
    if case.state == CaseState.FINAL:
        raise IllegalTransition(final_closure_reason(case))
    raise IllegalTransition(
        f"信访事项{case.number}当前状态为“{STATE_NAMES[case.state]}”，不能{action}。"
    )


def _not_before(on: dt.date, earlier: dt.date | None, what: str) -> None:
    if earlier is not None and on < earlier:
        raise IllegalTransition(
            f"办理日期{cn_date(on)}早于{what}（{cn_date(earlier)}），请核对日期。"
        )


def _outcome(outcome: str) -> str:
    if outcome not in OUTCOME_NAMES:
        names = "、".join(OUTCOME_NAMES.values())
        raise InvalidInput(f"处理结果“{outcome}”无效，应为：{names}。", "outcome")
    return outcome


def _refuse_litigation(case: PetitionCase, act: str) -> None:
    if case.litigation:
        raise IllegalTransition(
            f"信访事项{case.number}涉法涉诉，应当通过诉讼途径依法解决，不能作为信访事项{act}；"
            "请作诉访分离处理，移交便民巡回法庭。"
        )


def _effective_outcome(case: PetitionCase) -> str | None:
    return case.rereview_outcome or case.review_outcome or case.outcome


def refresh_limits(case: PetitionCase) -> None:
    """Put the running limit, its alert days and the supervision day on the row. Every
    transition calls it; so must anything that writes a case's dates in bulk."""
    start: dt.date | None = None
    due: dt.date | None = None
    if case.state == CaseState.REGISTERED:
        start, due = case.received_on, case.decide_due
    elif case.state == CaseState.HANDLING:
        start = case.decided_on
        due = case.assigned_due if case.decision == CaseDecision.ASSIGNED else case.handle_due
    elif case.state == CaseState.REVIEW:
        start, due = case.review_requested_on, case.review_due
    elif case.state == CaseState.REREVIEW:
        start, due = case.rereview_requested_on, case.rereview_due
    case.period_start, case.due_on = start, due
    if start is not None and due is not None:
        case.alert_50_on = deadlines.alert_day(start, due, Alert.HALF)
        case.alert_75_on = deadlines.alert_day(start, due, Alert.THREE_QUARTERS)
        case.alert_85_on = deadlines.alert_day(start, due, Alert.EIGHTY_FIVE)
        case.alert_99_on = deadlines.alert_day(start, due, Alert.NINETY_NINE)
    else:
        case.alert_50_on = case.alert_75_on = case.alert_85_on = case.alert_99_on = None
    watched = [due]
    if case.decision == CaseDecision.ASSIGNED and case.closing_report_on is None:
        watched.append(case.assigned_due)
    if case.executed_on is None:
        watched.append(case.execution_due)
    dates = [d for d in watched if d is not None]
    case.watch_due = min(dates) if dates else None


def _log(
    session: Session,
    kind: EventKind,
    case: PetitionCase,
    now: dt.datetime,
    actor: User | None,
    **extra: object,
) -> None:
    payload: dict[str, object] = {"number": case.number, "state": case.state}
    payload.update(extra)
    events.append(session, kind, "case", case.id, now, actor.id if actor else None, payload)


def _decide(
    case: PetitionCase,
    decision: CaseDecision,
    state: CaseState,
    on: dt.date,
    note: str,
) -> bool:
    """Record the decision; returns whether it was late (after the 15 days)."""
    _not_before(on, case.received_on, "收到信访事项的日期")
    case.decision = decision
    case.decided_on = on
    case.decision_note = fields.clean(fields.CASE_NOTE, note)
    case.state = state
    return on > case.decide_due


def accept(
    session: Session,
    case_id: int,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Accept the case (受理); the hall handles it within 60 days from today."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REGISTERED}, "作出受理决定（只有已登记待受理的事项才能受理）")
    _refuse_litigation(case, "受理")
    on = now.date()
    late = _decide(case, CaseDecision.ACCEPTED, CaseState.HANDLING, on, note)
    case.handle_due = deadlines.handle_due(
        on, hearing_days(session, case.id), _calendar(session, on)
    )
    if actor is not None:
        case.officer_id = actor.id
    refresh_limits(case)
    _log(session, EventKind.CASE_ACCEPTED, case, now, actor, late=late)
    return case


def assign(
    session: Session,
    case_id: int,
    unit_id: int,
    due: dt.date,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Assign the case (交办) to a responsible unit, which must report its closing (办结报告)
    by ``due``: no later than the statutory 60 days, moved to a working day if it is not one."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REGISTERED}, "交办（只有已登记待受理的事项才能交办）")
    _refuse_litigation(case, "交办")
    unit = receiving_unit(session, case, unit_id, "交办")
    on = now.date()
    cal = _calendar(session, on)
    statutory = deadlines.handle_due(on, hearing_days(session, case.id), cal)
    if due <= on:
        raise InvalidInput(f"交办期限应晚于今天（{cn_date(on)}）。", "due")
    if due > statutory:
        raise InvalidInput(
            f"交办期限不能晚于法定办理期限{cn_date(statutory)}（受理之日起 60 日）。", "due"
        )
    late = _decide(case, CaseDecision.ASSIGNED, CaseState.HANDLING, on, note)
    case.unit_id = unit.id
    case.unit = unit
    case.handle_due = statutory
    case.assigned_due = cal.on_or_after_workday(due)
    if actor is not None:
        case.officer_id = actor.id
    refresh_limits(case)
    _log(session, EventKind.CASE_ASSIGNED, case, now, actor, unit=unit.name, late=late)
    return case


def reject(
    session: Session,
    case_id: int,
    legal_channel: str,
    reason: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Not accept (不予受理), naming the legal channel the petitioner should use instead."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REGISTERED}, "作出不予受理决定")
    problems: list[InvalidInput] = []
    channel = fields.check(fields.LEGAL_CHANNEL, legal_channel, problems)
    reason = fields.check(fields.REJECT_REASON, reason, problems)
    fields.refuse(problems)
    late = _decide(case, CaseDecision.NOT_ACCEPTED, CaseState.NOT_ACCEPTED, now.date(), "")
    case.decision_note = reason
    case.legal_channel = channel
    refresh_limits(case)
    _log(session, EventKind.CASE_NOT_ACCEPTED, case, now, actor, late=late)
    return case


def forward(
    session: Session,
    case_id: int,
    unit_id: int,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Forward the case (转送) to the organ competent for it; the hall's part ends here."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REGISTERED}, "转送")
    unit = receiving_unit(session, case, unit_id, "转送")
    late = _decide(case, CaseDecision.FORWARDED, CaseState.FORWARDED, now.date(), note)
    case.unit_id = unit.id
    case.unit = unit
    refresh_limits(case)
    _log(session, EventKind.CASE_FORWARDED, case, now, actor, unit=unit.name, late=late)
    return case


def separate(
    session: Session,
    case_id: int,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Separate a litigation-related matter from petitions (诉访分离) and mark it for the court
    desk, which takes it over (the hand-over itself is the court's work)."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REGISTERED}, "作诉访分离处理")
    late = _decide(case, CaseDecision.SEPARATED, CaseState.SEPARATED, now.date(), note)
    case.litigation = True
    case.legal_channel = SEPARATED_CHANNEL
    case.court_handoff = CaseCourtHandoff.PENDING
    refresh_limits(case)
    _log(session, EventKind.CASE_SEPARATED, case, now, actor, handoff="court", late=late)
    return case


def extend(
    session: Session,
    case_id: int,
    days: int,
    reason: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Extend the handling limit once, by at most 30 days, for a stated reason, before it ends."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.HANDLING}, "延期（只有办理中的事项才能延长办理期限）")
    on = now.date()
    assert case.decided_on is not None and case.handle_due is not None
    if case.extension_days:
        assert case.extended_on is not None
        raise IllegalTransition(
            f"信访事项{case.number}已于{cn_date(case.extended_on)}延期 {case.extension_days} 日，"
            "办理期限只能延长一次。"
        )
    if not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        raise InvalidInput(
            f"延长的期限应为 1 至 {deadlines.MAX_EXTENSION_DAYS} 日，现在是 {days} 日。", "days"
        )
    reason = fields.clean(fields.EXTENSION_REASON, reason)
    if on > case.handle_due:
        raise IllegalTransition(
            f"信访事项{case.number}的办理期限已于{cn_date(case.handle_due)}届满，"
            "期满后不能再延期，应尽快办结。"
        )
    _not_before(on, case.decided_on, "受理日期")
    cal = _calendar(session, case.decided_on)
    case.extension_days = days
    case.extension_reason = reason
    case.extended_on = on
    case.handle_due = deadlines.handle_due(
        case.decided_on, days + hearing_days(session, case.id), cal
    )
    if case.decision == CaseDecision.ASSIGNED:
        assert case.assigned_due is not None
        moved = cal.on_or_after_workday(case.assigned_due + dt.timedelta(days=days))
        case.assigned_due = min(moved, case.handle_due)
    refresh_limits(case)
    _log(session, EventKind.CASE_EXTENDED, case, now, actor, days=days)
    return case


def exclude_hearing(
    session: Session,
    case_id: int,
    days: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """A hearing of ``days`` was put on the case (听证所需时间不计算在期限内). The limit that
    runs now is counted again with its hearings' days left out: the handling limit (a 交办
    unit's closing-report date moves by these days too, never past it), or the 复查 or 复核
    decision limit. Each move is logged on the case's timeline. A case not yet decided gets the
    days when its handling limit is first set."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    hearing = running_hearing_days(session, case)
    moves: list[tuple[str, str, dt.date, dt.date]] = []
    if case.state == CaseState.HANDLING:
        assert case.decided_on is not None and case.handle_due is not None
        cal = _calendar(session, case.decided_on)
        old_handle, old_assigned = case.handle_due, case.assigned_due
        case.handle_due = deadlines.handle_due(case.decided_on, case.extension_days + hearing, cal)
        moves.append(("handle_due", "办理期限", old_handle, case.handle_due))
        if case.decision == CaseDecision.ASSIGNED and old_assigned is not None:
            moved = cal.on_or_after_workday(old_assigned + dt.timedelta(days=days))
            case.assigned_due = min(moved, case.handle_due)
            moves.append(("assigned_due", "办结报告期限", old_assigned, case.assigned_due))
    elif case.state == CaseState.REVIEW and case.review_requested_on is not None:
        assert case.review_due is not None
        old = case.review_due
        on = case.review_requested_on
        case.review_due = deadlines.review_due(on, _calendar(session, on), hearing)
        moves.append(("review_due", "复查期限", old, case.review_due))
    elif case.state == CaseState.REREVIEW and case.rereview_requested_on is not None:
        assert case.rereview_due is not None
        old = case.rereview_due
        on = case.rereview_requested_on
        case.rereview_due = deadlines.rereview_due(on, _calendar(session, on), hearing)
        moves.append(("rereview_due", "复核期限", old, case.rereview_due))
    refresh_limits(case)
    for deadline, name, before, after in moves:
        if before == after:
            continue
        events.append(
            session,
            EventKind.DEADLINE_ADJUSTED,
            "case",
            case.id,
            now,
            actor.id if actor else None,
            {
                "number": case.number,
                "deadline": deadline,
                "deadline_name": name,
                "old": before.isoformat(),
                "new": after.isoformat(),
                "text": f"听证所需时间不计入期限：由{cn_date(before)}调整为{cn_date(after)}",
                "notify": [case.officer_id] if case.officer_id is not None else [],
            },
        )
    return case


def report_closing(
    session: Session,
    case_id: int,
    report: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record the responsible unit's closing report (办结报告) on an assigned case."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    if case.decision != CaseDecision.ASSIGNED:
        raise IllegalTransition(f"信访事项{case.number}不是交办件，没有承办单位需要报送办结报告。")
    _require_state(case, {CaseState.HANDLING, CaseState.REPLIED}, "登记办结报告")
    if case.closing_report_on is not None:
        raise IllegalTransition(
            f"承办单位已于{cn_date(case.closing_report_on)}报送信访事项{case.number}的办结报告。"
        )
    case.closing_report = fields.clean(fields.CLOSING_REPORT, report)
    on = now.date()
    _not_before(on, case.decided_on, "交办日期")
    case.closing_report_on = on
    refresh_limits(case)
    assert case.assigned_due is not None
    _log(session, EventKind.CASE_CLOSING_REPORTED, case, now, actor, late=on > case.assigned_due)
    return case


def reply(
    session: Session,
    case_id: int,
    outcome: str,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Issue the reply (信访处理意见书) with its outcome."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.HANDLING}, "出具信访处理意见书（只有办理中的事项才能答复）")
    case.outcome = _outcome(outcome)
    case.reply_text = fields.clean(fields.REPLY_TEXT, text)
    on = now.date()
    _not_before(on, case.decided_on, "受理日期")
    case.replied_on = on
    case.state = CaseState.REPLIED
    _follow_execution(session, case, on)
    refresh_limits(case)
    assert case.handle_due is not None
    _log(
        session,
        EventKind.CASE_REPLIED,
        case,
        now,
        actor,
        outcome=outcome,
        late=on > case.handle_due,
    )
    return case


def _follow_execution(session: Session, case: PetitionCase, decided_on: dt.date) -> None:
    if _effective_outcome(case) == CaseOutcome.SUPPORT and case.executed_on is None:
        case.execution_due = deadlines.execution_due(decided_on, _calendar(session, decided_on))
    elif _effective_outcome(case) != CaseOutcome.SUPPORT:
        case.execution_due = None


def close(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Close a replied case (办结); an assigned one only once its unit's report is in."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {CaseState.REPLIED}, "办结（只有已出具处理意见的事项才能办结）")
    if case.decision == CaseDecision.ASSIGNED and case.closing_report_on is None:
        unit = case.unit.name if case.unit else "承办单位"
        raise IllegalTransition(
            f"交办事项须承办单位报送办结报告后才能办结：{unit}尚未报送信访事项{case.number}"
            "的办结报告。"
        )
    on = now.date()
    _not_before(on, case.replied_on, "答复日期")
    case.closed_on = on
    case.state = CaseState.CLOSED
    refresh_limits(case)
    _log(session, EventKind.CASE_CLOSED, case, now, actor)
    return case
