"""Formal petition cases (信访事项) from registration to final closure.

The lifecycle, after the 信访工作条例 (2022); every other move is refused with its reason::

    registered ─┬─ accept ─────────────▶ handling ── reply ──▶ replied ── close ──▶ closed
                ├─ assign (交办) ──────▶ handling    (extend: once, at most 30 days)
                ├─ not accept ─────────▶ not_accepted (the legal channel named)
                ├─ forward (转送) ─────▶ forwarded
                └─ separate ───────────▶ separated (诉访分离, handed to the court)
    replied / closed ── 复查 request (within 30 days) ──▶ review ── decide ──▶ reviewed
    reviewed ── 复核 request (within 30 days) ──▶ rereview ── decide ──▶ final (三级终结)

An assigned case closes only with its unit's closing report (办结报告); a supported decision
(予以支持) is followed until it is carried out.

Which limits refuse and which only record (the rules in :mod:`hall.deadlines`):

* The petitioner's limits are enforced: a 复查 or 复核 request after its 30 days is refused,
  and a finally closed matter is not taken up again.
* The hall's own limits (decide in 15 days, handle in 60, the unit's deadline, review
  decisions in 30) are watched, not enforced by refusal: refusing a late decision would leave
  the petitioner without one. A late act is recorded as late, the case shows as overdue, and
  the supervision window (:mod:`hall.supervision`) takes it up. What a limit does forbid is
  refused: an extension asked for after the limit ended, a second extension, more than
  30 days, a unit deadline beyond the statutory one.

Accusations (揭发控告) are confidential: only :func:`may_read_confidential` users see their
contents, every opening of one is logged, and nothing about one is assigned, forwarded or sent
to the unit it accuses. Every change appends to the event log in the caller's transaction;
event payloads carry numbers and states, never the matter itself (they feed live screens).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload

from db import counters, events
from db.case_models import (
    ACCEPTANCE,
    ACCEPTED,
    ASSIGNED,
    ASSIGNMENT,
    CLOSED,
    COURT_HANDOFF_PENDING,
    DECISION_NAMES,
    DOCUMENT_NAMES,
    EXTENSION,
    FINAL,
    FORWARDED,
    HANDLING,
    NOT_ACCEPTED,
    OUTCOME_NAMES,
    REGISTERED,
    REJECTION,
    REPLIED,
    REPLY,
    REREVIEW,
    REREVIEW_OPINION,
    REVIEW,
    REVIEW_OPINION,
    REVIEWED,
    SEPARATED,
    SOURCE_NAMES,
    STATE_NAMES,
    SUPERVISION,
    SUPPORT,
    CaseAttachment,
    CaseDocument,
    CaseLetter,
    CaseLink,
    PetitionCase,
    ResponsibleUnit,
    SupervisionOrder,
)
from db.models import User, Visit
from hall import calendar, clock, deadlines, json_form, settings, users
from hall.calendar import WorkCalendar, cn_date
from hall.catalog import PURPOSES
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound
from hall.masking import mask_name

# Purposes whose material must never reach the people or unit accused.
CONFIDENTIAL_PURPOSES = frozenset({"report"})
# The window whose officers register and work the formal cases (办信办案).
CASES_WINDOW = "letters"
# Windows whose officers work with accusations: the letters desk and the supervision window.
CONFIDENTIAL_WINDOWS = frozenset({CASES_WINDOW, "supervision"})
WITHHELD = "（检举控告件，内容保密）"
# States in which one of the hall's own limits runs.
RUNNING = frozenset({REGISTERED, HANDLING, REVIEW, REREVIEW})
TERMINAL = frozenset({NOT_ACCEPTED, FORWARDED, SEPARATED, FINAL})
SEPARATED_CHANNEL = "向人民法院提起诉讼（已移交本大厅便民巡回法庭）"
MAX_UNIT_NAME = 100
# Years loaded around an act: a limit of at most 90 days, moved past a holiday, ends within
# the next calendar year.
CALENDAR_SPAN = 1


# ---------------------------------------------------------------------------------------------
# Responsible units


def add_unit(
    session: Session,
    name: str,
    kind: str = "",
    contact: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    now = now or clock.now()
    name = name.strip()
    if not name:
        raise InvalidInput("请填写单位名称。", "name")
    if len(name) > MAX_UNIT_NAME:
        raise InvalidInput(f"单位名称太长（最多 {MAX_UNIT_NAME} 个字）。", "name")
    if session.scalar(select(ResponsibleUnit.id).where(ResponsibleUnit.name == name)):
        raise InvalidInput(f"已有名为“{name}”的单位。", "name")
    unit = ResponsibleUnit(name=name, kind=kind.strip(), contact=contact.strip(), active=True)
    session.add(unit)
    session.flush()
    events.append(
        session, "unit.added", "unit", unit.id, now, actor.id if actor else None, {"name": name}
    )
    return unit


def set_unit_active(
    session: Session,
    unit_id: int,
    active: bool,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    now = now or clock.now()
    unit = find_unit(session, unit_id)
    unit.active = active
    events.append(
        session,
        "unit.changed",
        "unit",
        unit.id,
        now,
        actor.id if actor else None,
        {"name": unit.name, "active": active},
    )
    return unit


def units(session: Session, active_only: bool = True) -> Sequence[ResponsibleUnit]:
    stmt = select(ResponsibleUnit).order_by(ResponsibleUnit.kind, ResponsibleUnit.name)
    if active_only:
        stmt = stmt.where(ResponsibleUnit.active)
    return session.scalars(stmt).all()


def find_unit(session: Session, unit_id: int) -> ResponsibleUnit:
    unit = session.get(ResponsibleUnit, unit_id)
    if unit is None:
        raise NotFound(f"找不到编号为 {unit_id} 的责任单位。")
    return unit


def receiving_unit(session: Session, case: PetitionCase, unit_id: int, act: str) -> ResponsibleUnit:
    """The unit a case (or a document about it) goes to: active, and never the accused one."""
    unit = find_unit(session, unit_id)
    if not unit.active:
        raise InvalidInput(f"“{unit.name}”已停用，不能{act}给该单位。", "unit")
    if case.accused_unit_id is not None and case.accused_unit_id == unit.id:
        raise IllegalTransition(
            f"信访事项{case.number}是对“{unit.name}”的检举控告，不能{act}给被检举控告的单位"
            "（《信访工作条例》：不得将检举、揭发、控告材料及有关情况透露或者转送给被检举、"
            "揭发、控告的人员和单位）。请选择其他单位。"
        )
    return unit


# ---------------------------------------------------------------------------------------------
# Opening a case


def is_confidential(case: PetitionCase) -> bool:
    return case.purpose in CONFIDENTIAL_PURPOSES


def may_read_confidential(user: User | None) -> bool:
    """Leaders and the officers of the letters and supervision windows. Not the administrators
    by their role alone (三员分立, issue 15): they run the system, they do not read accusations."""
    if user is None or not user.active:
        return False
    if users.has_role(user, users.LEADER):
        return True
    return users.has_role(user, users.OFFICER) and bool(
        CONFIDENTIAL_WINDOWS & set(users.window_codes(user))
    )


def _calendar(session: Session, start: dt.date) -> WorkCalendar:
    return calendar.load(session, start.year, start.year + CALENDAR_SPAN)


def case_number(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}〔{year}〕{seq:04d}号"


def new_case(
    session: Session,
    *,
    source: str,
    visitor_id: int,
    visit_id: int | None,
    purpose: str,
    summary: str,
    request: str,
    facts: str,
    reasons: str,
    litigation: bool,
    urgent: bool,
    received_on: dt.date,
    accused_unit_id: int | None,
    accused: str,
    actor: User | None,
    now: dt.datetime,
) -> PetitionCase:
    if purpose not in PURPOSES:
        raise InvalidInput(f"诉求类别“{purpose}”无效。", "purpose")
    if not summary.strip():
        raise InvalidInput("请填写信访事项的主要内容（摘要）。", "summary")
    if received_on > now.date():
        raise InvalidInput(
            f"收到日期（{cn_date(received_on)}）不能晚于今天（{cn_date(now.date())}）。",
            "received_on",
        )
    if (accused_unit_id is not None or accused.strip()) and purpose not in CONFIDENTIAL_PURPOSES:
        raise InvalidInput("只有揭发控告类事项才登记被检举控告的单位或人员。", "accused")
    if accused_unit_id is not None:
        find_unit(session, accused_unit_id)
    year = now.year
    seq = counters.next_value(session, f"case:{year}")
    prefix = settings.get(session, settings.CASE_PREFIX)
    cal = _calendar(session, received_on)
    case = PetitionCase(
        number=case_number(prefix, year, seq),
        year=year,
        seq=seq,
        source=source,
        visit_id=visit_id,
        visitor_id=visitor_id,
        purpose=purpose,
        summary=summary.strip(),
        request=request.strip(),
        facts=facts.strip(),
        reasons=reasons.strip(),
        litigation=litigation,
        urgent=urgent,
        accused_unit_id=accused_unit_id,
        accused=accused.strip(),
        officer_id=actor.id if actor else None,
        state=REGISTERED,
        repeat_count=0,
        received_on=received_on,
        decide_due=deadlines.decide_due(received_on, cal),
        extension_days=0,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    refresh_limits(case)
    session.add(case)
    session.flush()
    _log(session, "case.registered", case, now, actor, source=source)
    return case


def open_from_visit(
    session: Session,
    visit_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
    accused_unit_id: int | None = None,
    accused: str = "",
    new_matter: bool = False,
) -> PetitionCase:
    """Register a visit's matter as a formal case, its 15 days running from the visit's day.

    If the visitor already has an open case, or a finally closed one, of the same kind, the
    same matter must not be opened twice: it is refused with those cases named, unless the
    officer has checked that it is a different matter (``new_matter``); a repeat is linked
    with :func:`link_visit` instead.
    """
    now = now or clock.now()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    existing = session.scalar(select(PetitionCase.number).where(PetitionCase.visit_id == visit_id))
    if existing is not None:
        raise IllegalTransition(f"这次来访已登记为信访事项{existing}，不能重复登记。")
    if not new_matter:
        refuse_if_repeat(session, visit.visitor_id, visit.purpose, now.date())
    return new_case(
        session,
        source="visit",
        visitor_id=visit.visitor_id,
        visit_id=visit.id,
        purpose=visit.purpose,
        summary=visit.summary,
        request=visit.request,
        facts=visit.facts,
        reasons=visit.reasons,
        litigation=visit.litigation,
        urgent=visit.urgent,
        received_on=visit.created_at.date(),
        accused_unit_id=accused_unit_id,
        accused=accused,
        actor=actor,
        now=now,
    )


# ---------------------------------------------------------------------------------------------
# Repeat matters


@dataclass(frozen=True)
class OpenMatter:
    """A case of a visitor's that the same matter, raised again, belongs to."""

    case_id: int
    number: str
    state: str
    state_name: str
    purpose: str
    overdue: bool
    # Until when the case counts as open: its running limit, or the petitioner's time to ask
    # for 复查/复核.
    open_until: dt.date


def _open_until(case: PetitionCase, cal: WorkCalendar) -> dt.date | None:
    if case.state in RUNNING:
        assert case.due_on is not None
        return case.due_on
    if case.state in (REPLIED, CLOSED) and case.replied_on is not None:
        return deadlines.review_request_until(case.replied_on, cal)
    if case.state == REVIEWED and case.reviewed_on is not None:
        return deadlines.rereview_request_until(case.reviewed_on, cal)
    return None


def open_matters(
    session: Session, visitor_id: int, on: dt.date, purpose: str | None = None
) -> list[OpenMatter]:
    """The visitor's cases that are still open on ``on`` (being decided or handled, or within
    the time to ask for review): the same matter raised again is linked to one of them.

    A case whose own limit has passed is still open (the hall owes an answer) and is marked
    overdue, so the front desk links the repeat and tells supervision."""
    stmt = select(PetitionCase).where(
        PetitionCase.visitor_id == visitor_id, PetitionCase.state.not_in(TERMINAL)
    )
    if purpose is not None:
        stmt = stmt.where(PetitionCase.purpose == purpose)
    cal = _calendar(session, on - dt.timedelta(days=366))
    result: list[OpenMatter] = []
    for case in session.scalars(stmt.order_by(PetitionCase.id)):
        until = _open_until(case, cal)
        if until is None:
            continue
        running = case.state in RUNNING
        if running or on <= until:
            result.append(
                OpenMatter(
                    case_id=case.id,
                    number=case.number,
                    state=case.state,
                    state_name=STATE_NAMES[case.state],
                    purpose=case.purpose,
                    overdue=running and on > until,
                    open_until=until,
                )
            )
    return result


def finally_closed(
    session: Session, visitor_id: int, purpose: str | None = None
) -> Sequence[PetitionCase]:
    """The visitor's matters closed at the third level (三级终结), which are not taken up again."""
    stmt = select(PetitionCase).where(
        PetitionCase.visitor_id == visitor_id, PetitionCase.state == FINAL
    )
    if purpose is not None:
        stmt = stmt.where(PetitionCase.purpose == purpose)
    return session.scalars(stmt.order_by(PetitionCase.id)).all()


def final_closure_reason(case: PetitionCase) -> str:
    assert case.rereviewed_on is not None
    return (
        f"该事项（{case.number}）已于{cn_date(case.rereviewed_on)}经复核作出复核意见，"
        "依照《信访工作条例》，信访人对复核意见不服、仍以同一事实和理由提出的，"
        "不再受理（三级终结）。"
    )


def refuse_if_repeat(session: Session, visitor_id: int, purpose: str, on: dt.date) -> None:
    """Refuse to open a case when the visitor's same kind of matter is open or finally closed."""
    closed = finally_closed(session, visitor_id, purpose)
    if closed:
        raise IllegalTransition(
            final_closure_reason(closed[0]) + "如确属新的事实和理由，请核实后按新事项登记。"
        )
    matters = open_matters(session, visitor_id, on, purpose)
    if matters:
        listed = "、".join(f"{m.number}（{m.state_name}）" for m in matters)
        raise IllegalTransition(
            f"该来访人已有同类信访事项正在办理或仍在复查、复核期内：{listed}。"
            "同一事项请关联到原事项，不要重复登记；确属另一事项的，请确认后按新事项登记。"
        )


def _refuse_unless_open(session: Session, case: PetitionCase, on: dt.date) -> None:
    if case.state == FINAL:
        raise IllegalTransition(final_closure_reason(case))
    until = _open_until(case, _calendar(session, on - dt.timedelta(days=366)))
    if until is None:
        raise IllegalTransition(
            f"信访事项{case.number}已{STATE_NAMES[case.state]}，不能把新的来访或来信关联为重复件。"
        )
    if case.state not in RUNNING and on > until:
        raise IllegalTransition(
            f"信访事项{case.number}已办结，请求复查或复核的期限已于{cn_date(until)}届满，"
            "不能再作为重复件关联。"
        )


def link_repeat(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
    **what: object,
) -> PetitionCase:
    """Count the same matter raised again on its open case (refused if the case is no longer
    open, or finally closed); the caller records what raised it (a visit, a letter)."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _refuse_unless_open(session, case, now.date())
    case.repeat_count += 1
    session.flush()
    _log(session, "case.repeat_linked", case, now, actor, **what)
    return case


def link_visit(
    session: Session,
    case_id: int,
    visit_id: int,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record a visit raising an open case's matter again (a repeat), instead of a new case."""
    now = now or clock.now()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    if session.scalar(select(CaseLink.id).where(CaseLink.visit_id == visit_id)) is not None:
        raise IllegalTransition("这次来访已经关联过信访事项。")
    case = case_for_update(session, case_id)
    if visit.visitor_id != case.visitor_id:
        raise InvalidInput(
            f"这次来访的来访人与信访事项{case.number}的信访人不是同一人，不能关联为重复件。",
            "case",
        )
    link_repeat(session, case.id, actor, now, via="visit", visit=visit.code)
    session.add(
        CaseLink(
            case_id=case.id,
            visit_id=visit.id,
            note=note.strip(),
            linked_at=now,
            linked_by=actor.id if actor else None,
        )
    )
    session.flush()
    return case


# ---------------------------------------------------------------------------------------------
# Transitions


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


def _require_state(case: PetitionCase, allowed: frozenset[str] | set[str], action: str) -> None:
    if case.state in allowed:
        return
    if case.state == FINAL:
        raise IllegalTransition(final_closure_reason(case))
    raise IllegalTransition(
        f"信访事项{case.number}当前状态为“{STATE_NAMES[case.state]}”，不能{action}。"
    )


def _not_before(on: dt.date, earlier: dt.date | None, what: str) -> None:
    if earlier is not None and on < earlier:
        raise IllegalTransition(
            f"办理日期{cn_date(on)}早于{what}（{cn_date(earlier)}），请核对日期。"
        )


def _text(value: str, message: str, field_name: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidInput(message, field_name)
    return value


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
    if case.state == REGISTERED:
        start, due = case.received_on, case.decide_due
    elif case.state == HANDLING:
        start = case.decided_on
        due = case.assigned_due if case.decision == ASSIGNED else case.handle_due
    elif case.state == REVIEW:
        start, due = case.review_requested_on, case.review_due
    elif case.state == REREVIEW:
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
    if case.decision == ASSIGNED and case.closing_report_on is None:
        watched.append(case.assigned_due)
    if case.executed_on is None:
        watched.append(case.execution_due)
    dates = [d for d in watched if d is not None]
    case.watch_due = min(dates) if dates else None


def _log(
    session: Session,
    kind: str,
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
    decision: str,
    state: str,
    on: dt.date,
    note: str,
) -> bool:
    """Record the decision; returns whether it was late (after the 15 days)."""
    _not_before(on, case.received_on, "收到信访事项的日期")
    case.decision = decision
    case.decided_on = on
    case.decision_note = note.strip()
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
    _require_state(case, {REGISTERED}, "作出受理决定（只有已登记待受理的事项才能受理）")
    _refuse_litigation(case, "受理")
    on = now.date()
    late = _decide(case, ACCEPTED, HANDLING, on, note)
    case.handle_due = deadlines.handle_due(on, 0, _calendar(session, on))
    if actor is not None:
        case.officer_id = actor.id
    refresh_limits(case)
    _log(session, "case.accepted", case, now, actor, late=late)
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
    _require_state(case, {REGISTERED}, "交办（只有已登记待受理的事项才能交办）")
    _refuse_litigation(case, "交办")
    unit = receiving_unit(session, case, unit_id, "交办")
    on = now.date()
    cal = _calendar(session, on)
    statutory = deadlines.handle_due(on, 0, cal)
    if due <= on:
        raise InvalidInput(f"交办期限应晚于今天（{cn_date(on)}）。", "due")
    if due > statutory:
        raise InvalidInput(
            f"交办期限不能晚于法定办理期限{cn_date(statutory)}（受理之日起 60 日）。", "due"
        )
    late = _decide(case, ASSIGNED, HANDLING, on, note)
    case.unit_id = unit.id
    case.unit = unit
    case.handle_due = statutory
    case.assigned_due = cal.on_or_after_workday(due)
    if actor is not None:
        case.officer_id = actor.id
    refresh_limits(case)
    _log(session, "case.assigned", case, now, actor, unit=unit.name, late=late)
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
    _require_state(case, {REGISTERED}, "作出不予受理决定")
    channel = _text(
        legal_channel,
        "不予受理须写明应当通过的法定途径（如：向人民法院提起诉讼、申请仲裁、申请行政复议）。",
        "legal_channel",
    )
    reason = _text(reason, "请写明不予受理的理由。", "reason")
    late = _decide(case, NOT_ACCEPTED, NOT_ACCEPTED, now.date(), reason)
    case.legal_channel = channel
    refresh_limits(case)
    _log(session, "case.not_accepted", case, now, actor, late=late)
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
    _require_state(case, {REGISTERED}, "转送")
    unit = receiving_unit(session, case, unit_id, "转送")
    late = _decide(case, FORWARDED, FORWARDED, now.date(), note)
    case.unit_id = unit.id
    case.unit = unit
    refresh_limits(case)
    _log(session, "case.forwarded", case, now, actor, unit=unit.name, late=late)
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
    _require_state(case, {REGISTERED}, "作诉访分离处理")
    late = _decide(case, SEPARATED, SEPARATED, now.date(), note)
    case.litigation = True
    case.legal_channel = SEPARATED_CHANNEL
    case.court_handoff = COURT_HANDOFF_PENDING
    refresh_limits(case)
    _log(session, "case.separated", case, now, actor, handoff="court", late=late)
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
    _require_state(case, {HANDLING}, "延期（只有办理中的事项才能延长办理期限）")
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
    reason = _text(reason, "延期须写明理由，延期告知书要告诉信访人。", "reason")
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
    case.handle_due = deadlines.handle_due(case.decided_on, days, cal)
    if case.decision == ASSIGNED:
        assert case.assigned_due is not None
        moved = cal.on_or_after_workday(case.assigned_due + dt.timedelta(days=days))
        case.assigned_due = min(moved, case.handle_due)
    refresh_limits(case)
    _log(session, "case.extended", case, now, actor, days=days)
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
    if case.decision != ASSIGNED:
        raise IllegalTransition(f"信访事项{case.number}不是交办件，没有承办单位需要报送办结报告。")
    _require_state(case, {HANDLING, REPLIED}, "登记办结报告")
    if case.closing_report_on is not None:
        raise IllegalTransition(
            f"承办单位已于{cn_date(case.closing_report_on)}报送信访事项{case.number}的办结报告。"
        )
    case.closing_report = _text(report, "请填写办结报告的内容。", "report")
    on = now.date()
    _not_before(on, case.decided_on, "交办日期")
    case.closing_report_on = on
    refresh_limits(case)
    assert case.assigned_due is not None
    _log(session, "case.closing_reported", case, now, actor, late=on > case.assigned_due)
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
    _require_state(case, {HANDLING}, "出具信访处理意见书（只有办理中的事项才能答复）")
    case.outcome = _outcome(outcome)
    case.reply_text = _text(text, "请填写处理意见的内容。", "text")
    on = now.date()
    _not_before(on, case.decided_on, "受理日期")
    case.replied_on = on
    case.state = REPLIED
    _follow_execution(session, case, on)
    refresh_limits(case)
    assert case.handle_due is not None
    _log(session, "case.replied", case, now, actor, outcome=outcome, late=on > case.handle_due)
    return case


def _follow_execution(session: Session, case: PetitionCase, decided_on: dt.date) -> None:
    if _effective_outcome(case) == SUPPORT and case.executed_on is None:
        case.execution_due = deadlines.execution_due(decided_on, _calendar(session, decided_on))
    elif _effective_outcome(case) != SUPPORT:
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
    _require_state(case, {REPLIED}, "办结（只有已出具处理意见的事项才能办结）")
    if case.decision == ASSIGNED and case.closing_report_on is None:
        unit = case.unit.name if case.unit else "承办单位"
        raise IllegalTransition(
            f"交办事项须承办单位报送办结报告后才能办结：{unit}尚未报送信访事项{case.number}"
            "的办结报告。"
        )
    on = now.date()
    _not_before(on, case.replied_on, "答复日期")
    case.closed_on = on
    case.state = CLOSED
    refresh_limits(case)
    _log(session, "case.closed", case, now, actor)
    return case


@dataclass(frozen=True)
class _ReviewLevel:
    """A level of review the petitioner may ask for: 复查 of the reply, then 复核 of the 复查
    opinion. Both run alike (asked for within a limit, decided within another, by an opinion
    that is followed until carried out when supported); what differs is named here."""

    name: str
    # The opinion under review: when it was issued, and how a message names that date.
    basis_on: InstrumentedAttribute[dt.date | None]
    basis_name: str
    requestable_in: frozenset[str]
    request_until: Callable[[dt.date, WorkCalendar], dt.date]
    decide_due: Callable[[dt.date, WorkCalendar], dt.date]
    # What the level itself writes on the case.
    requested_on: InstrumentedAttribute[dt.date | None]
    due: InstrumentedAttribute[dt.date | None]
    outcome: InstrumentedAttribute[str | None]
    text: InstrumentedAttribute[str]
    decided_on: InstrumentedAttribute[dt.date | None]
    state: str
    decided_state: str
    requested_event: str
    decided_event: str
    # The refusals of a request, which differ by more than the level's name.
    request_action: str
    late_request: str  # formatted with the case number, the basis date and the last day


_REVIEW = _ReviewLevel(
    name="复查",
    basis_on=PetitionCase.replied_on,
    basis_name="答复日期",
    requestable_in=frozenset({REPLIED, CLOSED}),
    request_until=deadlines.review_request_until,
    decide_due=deadlines.review_due,
    requested_on=PetitionCase.review_requested_on,
    due=PetitionCase.review_due,
    outcome=PetitionCase.review_outcome,
    text=PetitionCase.review_text,
    decided_on=PetitionCase.reviewed_on,
    state=REVIEW,
    decided_state=REVIEWED,
    requested_event="case.review_requested",
    decided_event="case.reviewed",
    request_action="请求复查（复查针对已出具的信访处理意见）",
    late_request="信访事项{number}的处理意见于{basis}出具，请求复查应在收到之日起 30 日内提出"
    "（至{until}止），现已超过期限，不予受理。",
)
_REREVIEW = _ReviewLevel(
    name="复核",
    basis_on=PetitionCase.reviewed_on,
    basis_name="复查意见的日期",
    requestable_in=frozenset({REVIEWED}),
    request_until=deadlines.rereview_request_until,
    decide_due=deadlines.rereview_due,
    requested_on=PetitionCase.rereview_requested_on,
    due=PetitionCase.rereview_due,
    outcome=PetitionCase.rereview_outcome,
    text=PetitionCase.rereview_text,
    decided_on=PetitionCase.rereviewed_on,
    state=REREVIEW,
    decided_state=FINAL,
    requested_event="case.rereview_requested",
    decided_event="case.finally_closed",
    request_action="请求复核（复核针对已作出的复查意见）",
    late_request="信访事项{number}的复查意见于{basis}作出，请求复核应在收到之日起 30 日内提出"
    "（至{until}止），现已超过期限，不予受理。",
)


def _request_until(session: Session, case: PetitionCase, level: _ReviewLevel) -> dt.date | None:
    """The last day to ask for ``level``; None while the opinion it reviews is not issued."""
    basis: dt.date | None = getattr(case, level.basis_on.key)
    if basis is None:
        return None
    return level.request_until(basis, _calendar(session, basis))


def _request_level(
    session: Session,
    case_id: int,
    level: _ReviewLevel,
    actor: User | None,
    now: dt.datetime | None,
) -> PetitionCase:
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, level.requestable_in, level.request_action)
    basis: dt.date | None = getattr(case, level.basis_on.key)
    assert basis is not None
    on = now.date()
    _not_before(on, basis, level.basis_name)
    until = level.request_until(basis, _calendar(session, basis))
    if on > until:
        raise IllegalTransition(
            level.late_request.format(
                number=case.number, basis=cn_date(basis), until=cn_date(until)
            )
        )
    setattr(case, level.requested_on.key, on)
    setattr(case, level.due.key, level.decide_due(on, _calendar(session, on)))
    case.state = level.state
    refresh_limits(case)
    _log(session, level.requested_event, case, now, actor)
    return case


def _decide_level(
    session: Session,
    case_id: int,
    level: _ReviewLevel,
    outcome: str,
    text: str,
    actor: User | None,
    now: dt.datetime | None,
) -> PetitionCase:
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {level.state}, f"作出{level.name}意见（只有{level.name}中的事项才能作出）")
    setattr(case, level.outcome.key, _outcome(outcome))
    setattr(case, level.text.key, _text(text, f"请填写{level.name}意见的内容。", "text"))
    on = now.date()
    _not_before(on, getattr(case, level.requested_on.key), f"请求{level.name}的日期")
    setattr(case, level.decided_on.key, on)
    case.state = level.decided_state
    _follow_execution(session, case, on)
    refresh_limits(case)
    due: dt.date | None = getattr(case, level.due.key)
    assert due is not None
    _log(session, level.decided_event, case, now, actor, outcome=outcome, late=on > due)
    return case


def request_review(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """The petitioner asks for 复查 of the reply: within 30 days of it, or refused."""
    return _request_level(session, case_id, _REVIEW, actor, now)


def request_rereview(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """The petitioner asks for 复核 of the 复查 opinion: within 30 days of it, or refused."""
    return _request_level(session, case_id, _REREVIEW, actor, now)


def decide_review(
    session: Session,
    case_id: int,
    outcome: str,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Issue the 复查意见书."""
    return _decide_level(session, case_id, _REVIEW, outcome, text, actor, now)


def decide_rereview(
    session: Session,
    case_id: int,
    outcome: str,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Issue the 复核意见书: the matter is then finally closed (三级终结)."""
    return _decide_level(session, case_id, _REREVIEW, outcome, text, actor, now)


def record_execution(
    session: Session,
    case_id: int,
    note: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record that a supported decision (予以支持) has been carried out."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    if _effective_outcome(case) != SUPPORT:
        raise IllegalTransition(
            f"信访事项{case.number}没有“予以支持”的处理意见，无需登记落实情况。"
        )
    if case.executed_on is not None:
        raise IllegalTransition(
            f"信访事项{case.number}的处理意见已于{cn_date(case.executed_on)}登记落实。"
        )
    case.execution_note = _text(note, "请填写处理意见的落实情况。", "note")
    case.executed_on = now.date()
    case.execution_due = None
    refresh_limits(case)
    _log(session, "case.executed", case, now, actor)
    return case


# ---------------------------------------------------------------------------------------------
# Reading cases


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
        kind = "case.view_withheld" if withheld else "case.viewed"
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
    received_on: dt.date
    due_on: dt.date | None
    days_overdue: int
    alert: int
    alert_name: str
    watch_due: dt.date | None
    reasons: list[str]

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


def supervision_reasons(case: PetitionCase, on: dt.date) -> list[str]:
    """Why a case needs supervision on ``on`` (empty when nothing is overdue)."""
    reasons = []
    if case.due_on is not None and case.due_on < on:
        what = {
            REGISTERED: "逾期未作出受理决定",
            HANDLING: "逾期未办结",
            REVIEW: "逾期未作出复查意见",
            REREVIEW: "逾期未作出复核意见",
        }[case.state]
        reasons.append(f"{what}（期限{cn_date(case.due_on)}）")
    if (
        case.decision == ASSIGNED
        and case.closing_report_on is None
        and case.assigned_due is not None
        and case.assigned_due < on
        and case.state != HANDLING
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


# ---------------------------------------------------------------------------------------------
# Documents


def document_refusal(case: PetitionCase, kind: str, order: SupervisionOrder | None = None) -> str:
    """Why ``kind`` cannot be issued for the case now ('' when it can)."""
    name = DOCUMENT_NAMES.get(kind)
    if name is None:
        return f"没有“{kind}”这种文书。"
    ready = {
        ACCEPTANCE: case.decision in (ACCEPTED, ASSIGNED),
        REJECTION: case.decision in (NOT_ACCEPTED, SEPARATED),
        EXTENSION: case.extension_days > 0,
        REPLY: case.replied_on is not None,
        REVIEW_OPINION: case.reviewed_on is not None,
        REREVIEW_OPINION: case.rereviewed_on is not None,
        ASSIGNMENT: case.decision == ASSIGNED,
        SUPERVISION: order is not None and order.case_id == case.id,
    }[kind]
    if ready:
        return ""
    why = {
        ACCEPTANCE: "尚未受理或交办",
        REJECTION: "没有作出不予受理或诉访分离的决定",
        EXTENSION: "没有延期",
        REPLY: "尚未出具处理意见",
        REVIEW_OPINION: "尚未作出复查意见",
        REREVIEW_OPINION: "尚未作出复核意见",
        ASSIGNMENT: "不是交办件",
        SUPERVISION: "没有对应的督办单",
    }[kind]
    return f"信访事项{case.number}{why}，不能出具{name}。"


def issue_document(
    session: Session,
    case_id: int,
    kind: str,
    pdf: bytes,
    issued_on: dt.date,
    order_id: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> CaseDocument:
    """Keep a rendered document of the case and record its first issue."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    order = session.get(SupervisionOrder, order_id) if order_id is not None else None
    refusal = document_refusal(case, kind, order)
    if refusal:
        raise IllegalTransition(refusal)
    if not pdf.startswith(b"%PDF-"):
        raise InvalidInput("文书不是 PDF 文件。", "pdf")
    document = CaseDocument(
        case_id=case.id,
        order_id=order.id if order else None,
        kind=kind,
        issued_on=issued_on,
        pdf=pdf,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(document)
    session.flush()
    events.append(
        session,
        "document.issued",
        "case_document",
        document.id,
        now,
        actor.id if actor else None,
        {"number": case.number, "kind": kind, "case_id": case.id},
    )
    return document


PRINT_WAYS = {"printed": "打印", "saved": "保存为文件", "reprinted": "重新打印"}


def reissue_document(
    session: Session,
    document_id: int,
    how: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The document as first issued, for printing, saving or reprinting; each is recorded."""
    now = now or clock.now()
    if how not in PRINT_WAYS:
        raise InvalidInput(f"“{how}”无效，应为：{'、'.join(PRINT_WAYS)}。", "how")
    document = session.get(CaseDocument, document_id)
    if document is None:
        raise NotFound(f"找不到编号为 {document_id} 的文书。")
    events.append(
        session,
        "document.printed",
        "case_document",
        document.id,
        now,
        actor.id if actor else None,
        {"kind": document.kind, "case_id": document.case_id, "how": how},
    )
    return document.pdf


@dataclass(frozen=True)
class DocumentIssue:
    at: dt.datetime
    what: str
    actor_id: int | None


def documents(session: Session, case_id: int) -> Sequence[CaseDocument]:
    return session.scalars(
        select(CaseDocument).where(CaseDocument.case_id == case_id).order_by(CaseDocument.id)
    ).all()


def document_history(session: Session, document_id: int) -> list[DocumentIssue]:
    """When the document was issued and every time it was printed, saved or reprinted."""
    history = []
    for event in events.for_entity(session, "case_document", document_id):
        how = str(event.payload.get("how", ""))
        what = "出具" if event.kind == "document.issued" else PRINT_WAYS.get(how, how)
        history.append(DocumentIssue(event.at, what, event.actor_id))
    return history


def attachments(session: Session, case_id: int) -> Sequence[CaseAttachment]:
    return session.scalars(
        select(CaseAttachment).where(CaseAttachment.case_id == case_id).order_by(CaseAttachment.id)
    ).all()


def letters(session: Session, case_id: int) -> Sequence[CaseLetter]:
    return session.scalars(
        select(CaseLetter).where(CaseLetter.case_id == case_id).order_by(CaseLetter.id)
    ).all()
