"""Open deadlines recomputed when the holiday calendar changes.

Deadlines are stored on their rows (so that overdue lists and alert counts are index reads),
computed from the calendar as it stood when the act was done. When the administrator enters a
holiday, a make-up workday or a year's notice, a stored date may now fall on a day off, or a
day off that moved it may be gone. :func:`recompute` runs in the same transaction as the
calendar change and puts every open deadline the change touches right:

* formal cases: the decision limit, the handling limit (with its extension), the unit's
  closing-report date, the 复查 and 复核 decision limits, the follow-up of a supported decision
  (the petitioner's 复查/复核 request windows are not stored: they are computed when read);
* the circuit court's open files: the trial limit, with conversion and extensions
  (:mod:`hall.court_limits`);
* open supervision orders: the unit's reply date.

A statutory limit is counted again from its start. The dates a unit was given in writing (the
交办 closing-report date, a 督办单's reply date) keep their length, which is not stored: such a
date that became a day off moves to the next working day, and is never brought forward.

Each change is an event ``deadline.adjusted`` on the item's timeline, carrying the old and new
date, the text to show and the users to tell (the officer, clerk or supervisor in charge).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from db import events
from db.case_models import PetitionCase, SupervisionOrder
from db.court_models import CourtCase
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseDecision, CaseState, OrderState
from hall import calendar, cases, clock, court_limits, deadlines
from hall.calendar import WorkCalendar, cn_date

# No run of days off is longer than this, so a change on a day can only move a deadline that
# ends on it or within this many days after it (a day off before the deadline's own start
# cannot matter).
LONGEST_BREAK = dt.timedelta(days=31)
# The longest limit stored (a trial limit of six months extended by six) ends within this.
MISSING_YEARS_AHEAD = dt.timedelta(days=2 * 366)

DEADLINE_NAMES = {
    "decide_due": "受理期限",
    "handle_due": "办理期限",
    "assigned_due": "办结报告期限",
    "review_due": "复查期限",
    "rereview_due": "复核期限",
    "execution_due": "处理意见落实期限",
    "trial_due": "审理期限",
    "reply_due": "督办回复期限",
}


def adjustment_text(old: dt.date, new: dt.date) -> str:
    return f"期限因节假日调整：由{cn_date(old)}调整为{cn_date(new)}"


@dataclass(frozen=True)
class Adjustment:
    """One deadline moved: the item (``case``, ``court_case`` or ``supervision_order``), its
    number, which deadline, the dates, and the users to tell."""

    entity: str
    entity_id: int
    number: str
    deadline: str
    old: dt.date
    new: dt.date
    notify: tuple[int, ...]

    @property
    def deadline_name(self) -> str:
        return DEADLINE_NAMES[self.deadline]

    @property
    def text(self) -> str:
        return adjustment_text(self.old, self.new)


def _people(*ids: int | None) -> tuple[int, ...]:
    return tuple(sorted({i for i in ids if i is not None}))


def _case_changes(case: PetitionCase, cal: WorkCalendar, hearing: int) -> dict[str, dt.date]:
    """The case's open deadlines as the calendar now makes them (only those it has), with the
    ``hearing`` days its hearings took left out of the limit running now."""
    new: dict[str, dt.date] = {}
    if case.state == CaseState.REGISTERED:
        new["decide_due"] = deadlines.decide_due(case.received_on, cal)
    if case.state == CaseState.HANDLING and case.decided_on is not None:
        new["handle_due"] = deadlines.handle_due(
            case.decided_on, case.extension_days + hearing, cal
        )
    if (
        case.decision == CaseDecision.ASSIGNED
        and case.closing_report_on is None
        and case.assigned_due is not None
    ):
        moved = cal.on_or_after_workday(case.assigned_due)
        limit = new.get("handle_due", case.handle_due)
        new["assigned_due"] = min(moved, limit) if limit is not None else moved
    if case.state == CaseState.REVIEW and case.review_requested_on is not None:
        new["review_due"] = deadlines.review_due(case.review_requested_on, cal, hearing)
    if case.state == CaseState.REREVIEW and case.rereview_requested_on is not None:
        new["rereview_due"] = deadlines.rereview_due(case.rereview_requested_on, cal, hearing)
    if case.execution_due is not None and case.executed_on is None:
        # The latest opinion is the one carried out (hall.cases.transitions._follow_execution).
        decided = case.rereviewed_on or case.reviewed_on or case.replied_on
        if decided is not None:
            new["execution_due"] = deadlines.execution_due(decided, cal)
    return new


def _recompute_cases(
    session: Session, first: dt.date, last: dt.date, cal: WorkCalendar
) -> list[Adjustment]:
    hi = last + LONGEST_BREAK
    touched = (
        select(PetitionCase)
        .where(
            or_(
                and_(
                    PetitionCase.state == CaseState.REGISTERED,
                    PetitionCase.decide_due.between(first, hi),
                ),
                and_(
                    PetitionCase.state == CaseState.HANDLING,
                    PetitionCase.handle_due.between(first, hi),
                ),
                and_(
                    PetitionCase.decision == CaseDecision.ASSIGNED,
                    PetitionCase.closing_report_on.is_(None),
                    PetitionCase.assigned_due.between(first, hi),
                ),
                and_(
                    PetitionCase.state == CaseState.REVIEW,
                    PetitionCase.review_due.between(first, hi),
                ),
                and_(
                    PetitionCase.state == CaseState.REREVIEW,
                    PetitionCase.rereview_due.between(first, hi),
                ),
                and_(
                    PetitionCase.executed_on.is_(None),
                    PetitionCase.execution_due.between(first, hi),
                ),
            )
        )
        .order_by(PetitionCase.id)
        .with_for_update(of=PetitionCase)
    )
    moved: list[Adjustment] = []
    for case in session.scalars(touched):
        changed = False
        hearing = cases.running_hearing_days(session, case)
        for name, new in _case_changes(case, cal, hearing).items():
            old: dt.date | None = getattr(case, name)
            if old is None or old == new:
                continue
            setattr(case, name, new)
            changed = True
            moved.append(
                Adjustment("case", case.id, case.number, name, old, new, _people(case.officer_id))
            )
        if changed:
            cases.refresh_limits(case)
    return moved


def _recompute_court(
    session: Session, first: dt.date, last: dt.date, cal: WorkCalendar
) -> list[Adjustment]:
    touched = (
        select(CourtCase)
        .where(
            CourtCase.outcome.is_(None),
            CourtCase.registered_on.is_not(None),
            CourtCase.due_on.between(first, last + LONGEST_BREAK),
        )
        .order_by(CourtCase.id)
        .with_for_update(of=CourtCase)
    )
    moved: list[Adjustment] = []
    for case in session.scalars(touched):
        assert case.due_on is not None and case.number is not None
        new = court_limits.due_of(session, case, cal)
        if new != case.due_on:
            moved.append(
                Adjustment(
                    "court_case",
                    case.id,
                    case.number,
                    "trial_due",
                    case.due_on,
                    new,
                    _people(case.registered_by),
                )
            )
            case.due_on = new
    return moved


def _recompute_orders(
    session: Session, first: dt.date, last: dt.date, cal: WorkCalendar
) -> list[Adjustment]:
    touched = (
        select(SupervisionOrder)
        .where(
            SupervisionOrder.state == OrderState.OPEN,
            SupervisionOrder.reply_due.between(first, last + LONGEST_BREAK),
        )
        .order_by(SupervisionOrder.id)
        .with_for_update(of=SupervisionOrder)
    )
    moved: list[Adjustment] = []
    for order in session.scalars(touched):
        new = cal.on_or_after_workday(order.reply_due)
        if new != order.reply_due:
            moved.append(
                Adjustment(
                    "supervision_order",
                    order.id,
                    order.number,
                    "reply_due",
                    order.reply_due,
                    new,
                    _people(order.created_by, order.case.officer_id),
                )
            )
            order.reply_due = new
    return moved


RECOMPUTERS: tuple[Callable[[Session, dt.date, dt.date, WorkCalendar], list[Adjustment]], ...] = (
    _recompute_cases,
    _recompute_court,
    _recompute_orders,
)


def _log(
    session: Session, adjustments: Iterable[Adjustment], actor: User | None, now: dt.datetime
) -> None:
    for item in adjustments:
        events.append(
            session,
            EventKind.DEADLINE_ADJUSTED,
            item.entity,
            item.entity_id,
            now,
            actor.id if actor else None,
            {
                "number": item.number,
                "deadline": item.deadline,
                "deadline_name": item.deadline_name,
                "old": item.old.isoformat(),
                "new": item.new.isoformat(),
                "text": item.text,
                "notify": list(item.notify),
            },
        )


def recompute(
    session: Session,
    first: dt.date,
    last: dt.date,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> list[Adjustment]:
    """Recompute every open deadline a change of the calendar on the days ``first`` to
    ``last`` can move, log each move on its item's timeline, and return the moves."""
    now = now or clock.now()
    # The limits' starts lie up to a few months before the changed days (a trial limit with
    # its extension, a year), and their ends up to a break after them.
    cal = calendar.load(session, first.year - 2, last.year + 1)
    moved = [item for recomputer in RECOMPUTERS for item in recomputer(session, first, last, cal)]
    session.flush()
    _log(session, moved, actor, now)
    return moved


def recompute_missing_years(
    session: Session, on: dt.date, actor: User | None = None, now: dt.datetime | None = None
) -> list[Adjustment]:
    """Recompute the open deadlines in the years from ``on`` on whose notice is missing. Run once
    after upgrading a database whose deadlines in those years were stored counting weekends
    only, before the holidays fixed by law were applied to them."""
    years = calendar.missing_years(session, on, on + MISSING_YEARS_AHEAD)
    if not years:
        return []
    return recompute(session, dt.date(min(years), 1, 1), dt.date(max(years), 12, 31), actor, now)
