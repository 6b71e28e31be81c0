"""A court file's trial limit (审理期限) after registration: change of procedure and extension.

The limit runs from registration (立案) for the months of the file's procedure (小额诉讼 2,
简易 3, 普通 6; :data:`hall.court_cases.TRACK_MONTHS`), and the last day moves to the next
working day when it is not one. Two things change it, each approved, with a reason and the
approver, and each on the file's timeline:

* a change of procedure (民事诉讼法 第一百七十条, 第一百六十九条): a simple-procedure file
  converted to ordinary procedure, or a small-claims file converted to simple or ordinary
  procedure. Never the other way. The limit then counts from 立案 under the new procedure's
  rule; an extension granted under the old procedure no longer counts. It must be decided
  before the old limit ends.
* an extension (延长审理期限), before the limit ends: ordinary procedure up to six months
  with the court president's approval (第一百五十二条), simple procedure one month
  (第一百六十四条), small claims one month (第一百六十八条). Once per procedure: a further
  extension of an ordinary case goes to the higher court, outside the circuit court's desk;
  a simple case that still cannot finish is converted to ordinary procedure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.court_limit_models import CONVERSION, EXTENSION, CourtLimitChange
from db.court_models import ORDINARY, SIMPLE, SMALL_CLAIMS, TRACK_NAMES, CourtCase
from db.event_kinds import EventKind
from db.models import User
from hall import calendar, clock, fields
from hall.calendar import WorkCalendar, cn_date
from hall.court import require_clerk
from hall.court_cases import TRACK_MONTHS, add_months
from hall.errors import IllegalTransition, InvalidInput, NotFound

# The procedures a file may be converted to from each procedure.
CONVERSIONS: dict[str, tuple[str, ...]] = {
    SMALL_CLAIMS: (SIMPLE, ORDINARY),
    SIMPLE: (ORDINARY,),
    ORDINARY: (),
}
EXTENSION_MONTHS = {SMALL_CLAIMS: 1, SIMPLE: 1, ORDINARY: 6}
# Why a second extension is refused, by procedure.
SECOND_EXTENSION = {
    SMALL_CLAIMS: "小额诉讼案件的审理期限只能经院长批准延长一次，最多一个月（民事诉讼法"
    "第一百六十八条）；仍不能审结的，请考虑转为简易程序或普通程序。",
    SIMPLE: "简易程序的审理期限只能经院长批准延长一次，最多一个月（民事诉讼法第一百六十四条）；"
    "仍不能审结的，请裁定转为普通程序。",
    ORDINARY: "普通程序的审理期限经本院院长批准已延长过一次（民事诉讼法第一百五十二条）；"
    "还需要延长的，应报请上级人民法院批准，不在本庭办理。",
}
ARTICLES = {SMALL_CLAIMS: "第一百六十八条", SIMPLE: "第一百六十四条", ORDINARY: "第一百五十二条"}


def changes(session: Session, case_id: int) -> Sequence[CourtLimitChange]:
    """The file's conversions and extensions, oldest first."""
    return session.scalars(
        select(CourtLimitChange)
        .where(CourtLimitChange.case_id == case_id)
        .order_by(CourtLimitChange.decided_on, CourtLimitChange.id)
    ).all()


def extended_months(file_changes: Sequence[CourtLimitChange], track: str) -> int:
    """The months of extension granted under ``track`` (those under an earlier procedure no
    longer count once the file is converted)."""
    return sum(c.months for c in file_changes if c.kind == EXTENSION and c.track == track)


def trial_due(
    registered_on: dt.date, track: str, extension_months: int, cal: WorkCalendar
) -> dt.date:
    """The last day of the trial limit: the procedure's months and its extension counted from
    registration (民法典 第二百零二条, by :func:`add_months`), moved to a working day."""
    months = TRACK_MONTHS[track] + extension_months
    return cal.on_or_after_workday(add_months(registered_on, months))


def due_of(session: Session, case: CourtCase, cal: WorkCalendar) -> dt.date:
    """The file's trial limit as its procedure and extensions make it (registered files)."""
    assert case.registered_on is not None and case.track is not None
    months = extended_months(changes(session, case.id), case.track)
    return trial_due(case.registered_on, case.track, months, cal)


def _calendar(session: Session, start: dt.date) -> WorkCalendar:
    # Six months plus a six-month extension, moved past a holiday, end within two years.
    return calendar.load(session, start.year, start.year + 2)


def _open_file(session: Session, case_id: int, action: str) -> CourtCase:
    case = session.scalar(
        select(CourtCase)
        .where(CourtCase.id == case_id)
        .with_for_update(of=CourtCase)
        .execution_options(populate_existing=True)
    )
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的法庭案件。")
    label = case.number or case.handoff.number
    if case.number is None or case.track is None or case.due_on is None:
        raise IllegalTransition(f"{label}尚未立案，不能{action}。请先立案。")
    if case.outcome is not None:
        raise IllegalTransition(f"{label}已结案，不能再{action}。")
    return case


def _approval(reason: str, approver: str) -> tuple[str, str]:
    problems: list[InvalidInput] = []
    reason = fields.check(fields.COURT_REASON, reason, problems)
    approver = fields.check(fields.APPROVER, approver, problems)
    fields.refuse(problems)
    return reason, approver


def _record(
    session: Session,
    case: CourtCase,
    kind: str,
    from_track: str,
    months: int,
    reason: str,
    approver: str,
    due_before: dt.date,
    actor: User,
    now: dt.datetime,
) -> CourtLimitChange:
    assert case.track is not None and case.due_on is not None
    change = CourtLimitChange(
        case_id=case.id,
        kind=kind,
        track=case.track,
        from_track=from_track,
        months=months,
        decided_on=now.date(),
        reason=reason,
        approver=approver,
        due_before=due_before,
        due_after=case.due_on,
        created_at=now,
        created_by=actor.id,
    )
    session.add(change)
    session.flush()
    event = EventKind.COURT_CONVERTED if kind == CONVERSION else EventKind.COURT_LIMIT_EXTENDED
    events.append(
        session,
        event,
        "court_case",
        case.id,
        now,
        actor.id,
        {
            "number": case.number,
            "stage": case.stage,
            "visit_id": case.visit_id,
            "window": case.handoff.window.code,
            "track": case.track,
            "from_track": from_track,
            "months": months,
            "reason": reason,
            "approver": approver,
            "old": due_before.isoformat(),
            "new": case.due_on.isoformat(),
        },
    )
    return change


def convert_procedure(
    session: Session,
    case_id: int,
    track: str,
    reason: str,
    approver: str,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Convert the file to ``track`` (普通程序, or from 小额诉讼 to 简易程序); its limit then
    counts from 立案 under the new procedure."""
    now = now or clock.now()
    require_clerk(actor)
    case = _open_file(session, case_id, "转换审理程序")
    assert case.track is not None and case.due_on is not None and case.registered_on is not None
    current = case.track
    if track not in TRACK_NAMES:
        raise InvalidInput(f"审理程序应为：{'、'.join(TRACK_NAMES.values())}。", "track")
    allowed = CONVERSIONS[current]
    if track not in allowed:
        hint = (
            "可以转为" + "或".join(TRACK_NAMES[t] for t in allowed) + "。"
            if allowed
            else "普通程序不能再转为其他程序。"
        )
        raise IllegalTransition(
            f"{case.number}适用{TRACK_NAMES[current]}，不能转为{TRACK_NAMES[track]}；{hint}"
        )
    on = now.date()
    if on > case.due_on:
        raise IllegalTransition(
            f"{case.number}的{TRACK_NAMES[current]}审理期限已于{cn_date(case.due_on)}届满；"
            "转换程序应在审理期限届满前裁定。"
        )
    reason, approver = _approval(reason, approver)
    before = case.due_on
    case.track = track
    case.due_on = due_of(session, case, _calendar(session, case.registered_on))
    _record(session, case, CONVERSION, current, 0, reason, approver, before, actor, now)
    return case


def extend_limit(
    session: Session,
    case_id: int,
    reason: str,
    approver: str,
    actor: User,
    months: int | None = None,
    now: dt.datetime | None = None,
) -> CourtCase:
    """Extend the file's trial limit by ``months`` (the most its procedure allows when not
    given), with the approval, before the limit ends; once per procedure."""
    now = now or clock.now()
    require_clerk(actor)
    case = _open_file(session, case_id, "延长审理期限")
    assert case.track is not None and case.due_on is not None and case.registered_on is not None
    track = case.track
    most = EXTENSION_MONTHS[track]
    months = most if months is None else months
    if not 1 <= months <= most:
        raise InvalidInput(
            f"{TRACK_NAMES[track]}的审理期限最多延长 {most} 个月（民事诉讼法{ARTICLES[track]}），"
            f"现在填的是 {months} 个月。",
            "months",
        )
    if extended_months(changes(session, case.id), track):
        raise IllegalTransition(f"{case.number}：{SECOND_EXTENSION[track]}")
    on = now.date()
    if on > case.due_on:
        raise IllegalTransition(
            f"{case.number}的审理期限已于{cn_date(case.due_on)}届满；延长审理期限应在期限届满前"
            "报请批准。"
        )
    reason, approver = _approval(reason, approver)
    before = case.due_on
    case.due_on = trial_due(
        case.registered_on, track, months, _calendar(session, case.registered_on)
    )
    _record(session, case, EXTENSION, track, months, reason, approver, before, actor, now)
    return case
