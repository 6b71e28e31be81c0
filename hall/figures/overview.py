"""总览: a period's items counted every way the hall reports them, its formal cases, and the
five rates the supervisors live by, each as numerator and denominator.

Every count is grouped in the database (:mod:`hall.figures.tally`); Python only folds the
grouped rows (five channels into four, five purposes into three classes) and puts names on ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from db.case_models import CaseLetter, CaseLink, PetitionCase, ResponsibleUnit
from db.figure_models import ContentCategory
from db.models import ServiceWindow, Ticket, Visit, Visitor
from db.states import CaseState, TicketStatus
from db.window_models import BASIC, SATISFIED, Satisfaction
from hall import clock
from hall.catalog import PURPOSES
from hall.figures import definitions as d
from hall.figures.base import ALL_HALL, Rate, Scope, ScopeIds, count_if, resolve
from hall.figures.days import counted_by_day, rating_counts
from hall.figures.items import CHANNEL_GROUPS, CHANNELS, CLASSES
from hall.figures.items import letters_window_id as _letters_window_id
from hall.figures.periods import Period
from hall.figures.tally import Tally, tally
from hall.satisfaction import EVALUATOR_TIMEOUT

UNFILED = "（未分类）"
NO_UNIT = "（未交办转送）"
NO_TOWNSHIP = "（未填乡镇）"


@dataclass(frozen=True)
class CaseCounts:
    opened: int
    closed: int
    closed_on_time: int
    overdue_open: int


@dataclass(frozen=True)
class Overview:
    period: Period
    scope: Scope
    # The day "overdue" and "rating window passed" were judged on.
    as_of: dt.date
    total: int
    people: int
    groups: int
    by_channel: dict[str, int]
    by_purpose: dict[str, int]
    by_class: dict[str, int]
    by_window: dict[str, int]
    by_township: dict[str, int]
    by_category: dict[str, int]
    by_unit: dict[str, int]
    cases: CaseCounts
    rates: dict[str, Rate] = field(default_factory=dict)


def overview(
    session: Session, period: Period, scope: Scope = ALL_HALL, now: dt.datetime | None = None
) -> Overview:
    """The 总览 tab: one call per period and scope chosen."""
    now = now or clock.now()
    ids = resolve(session, scope)
    counted = tally(session, period, ids)
    by_channel = dict.fromkeys(CHANNELS, 0)
    by_purpose = dict.fromkeys(PURPOSES.values(), 0)
    total = people = groups = 0
    for (channel, purpose), (count, heads, group_count) in counted.by_kind.items():
        total += count
        people += heads
        groups += group_count
        by_channel[CHANNEL_GROUPS.get(channel, "来访")] += count
        by_purpose[PURPOSES.get(purpose, purpose)] += count
    by_class = {
        name: sum(by_purpose[PURPOSES[p]] for p in purposes) for name, purposes in CLASSES.items()
    }
    cases, closure = _case_figures(session, period, ids, now.date())
    rates = {
        d.TIMELY_ACCEPTANCE: _timely_acceptance(session, period, ids, now.date()),
        d.ON_TIME_CLOSURE: closure,
        **_ratings(session, period, ids, now),
        d.REPEAT: Rate(_repeats(session, period, ids), total),
    }
    return Overview(
        period=period,
        scope=scope,
        as_of=now.date(),
        total=total,
        people=people,
        groups=groups,
        by_channel=by_channel,
        by_purpose=by_purpose,
        by_class=by_class,
        by_window=_by_window(session, counted),
        by_township=_ranked(
            {township or NO_TOWNSHIP: n for township, n in counted.by_township.items()}
        ),
        by_category=_by_category(session, counted),
        by_unit=_by_unit(session, counted),
        cases=cases,
        rates=rates,
    )


# ---------------------------------------------------------------------------------------------
# Counts by window, township, category and unit


def _by_window(session: Session, counted: Tally) -> dict[str, int]:
    windows = session.execute(
        select(ServiceWindow.id, ServiceWindow.name).order_by(ServiceWindow.sort_order)
    )
    return {name: counted.by_window.get(window_id, 0) for window_id, name in windows}


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def category_names(session: Session) -> dict[int, str]:
    """Every category's full name: 一级 for a top-level one, 一级／二级 for a subcategory."""
    rows = session.execute(
        select(ContentCategory.id, ContentCategory.parent_id, ContentCategory.name)
    ).all()
    names = {category_id: name for category_id, _, name in rows}
    return {
        category_id: f"{names[parent]}／{name}" if parent in names else name
        for category_id, parent, name in rows
    }


def _by_category(session: Session, counted: Tally) -> dict[str, int]:
    names = category_names(session)
    shown: dict[str, int] = {}
    for category_id, n in counted.by_category.items():
        name = names.get(category_id, UNFILED) if category_id else UNFILED
        shown[name] = shown.get(name, 0) + n
    return _ranked(shown)


def _by_unit(session: Session, counted: Tally) -> dict[str, int]:
    names = dict(session.execute(select(ResponsibleUnit.id, ResponsibleUnit.name)).tuples().all())
    shown: dict[str, int] = {}
    for unit_id, n in counted.by_unit.items():
        name = names.get(unit_id, NO_UNIT) if unit_id else NO_UNIT
        shown[name] = shown.get(name, 0) + n
    return _ranked(shown)


# ---------------------------------------------------------------------------------------------
# Formal cases


def scoped_cases(session: Session, stmt: Select[Any], ids: ScopeIds) -> Select[Any]:
    """``stmt`` over petition cases kept to ``ids``: a window's cases are those opened from its
    visits (the letters window's also every letter's), a unit's those assigned or forwarded to
    it, a township's those of its residents."""
    if ids.window_id is not None:
        stmt = stmt.outerjoin(Visit, Visit.id == PetitionCase.visit_id)
        from_window = Visit.window_id == ids.window_id
        if ids.window_id == _letters_window_id(session):
            from_window = from_window | (PetitionCase.source == "letter")
        stmt = stmt.where(from_window)
    if ids.unit_id is not None:
        stmt = stmt.where(PetitionCase.unit_id == ids.unit_id)
    if ids.township is not None:
        stmt = stmt.join(Visitor, Visitor.id == PetitionCase.visitor_id).where(
            Visitor.township == ids.township
        )
    return stmt


def _between(
    column: ColumnElement[Any] | InstrumentedAttribute[Any], period: Period
) -> ColumnElement[bool]:
    return (column >= period.first) & (column <= period.last)


def on_time_closure_terms(today: dt.date) -> tuple[ColumnElement[bool], ...]:
    """Closed (replied) on time, closed late, and still open past the limit, judged on
    ``today``; the three make 按期办结率's denominator."""
    replied, due = PetitionCase.replied_on, PetitionCase.handle_due
    return (
        replied.is_not(None) & (replied <= due),
        replied.is_not(None) & (replied > due),
        replied.is_(None) & (PetitionCase.state == CaseState.HANDLING) & (due < today),
    )


def timely_acceptance_terms(today: dt.date) -> tuple[ColumnElement[bool], ...]:
    """Decided within the 15 days, and due for a decision by ``today`` (decided, or not and
    already late)."""
    decided = PetitionCase.decided_on
    return (
        decided.is_not(None) & (decided <= PetitionCase.decide_due),
        decided.is_not(None) | (PetitionCase.decide_due < today),
    )


def _case_figures(
    session: Session, period: Period, ids: ScopeIds, today: dt.date
) -> tuple[CaseCounts, Rate]:
    on_time, late, overdue = on_time_closure_terms(today)
    replied = PetitionCase.replied_on
    stmt = select(
        count_if(_between(PetitionCase.received_on, period)),
        count_if(_between(replied, period)),
        count_if(_between(replied, period) & (replied <= PetitionCase.handle_due)),
        count_if(_between(PetitionCase.handle_due, period) & on_time),
        count_if(_between(PetitionCase.handle_due, period) & late),
        count_if(_between(PetitionCase.handle_due, period) & overdue),
    ).select_from(PetitionCase)
    # Only cases with one of the three dates in the period matter; each date is indexed or
    # near one, and this keeps a month from reading every case ever registered.
    stmt = stmt.where(
        _between(PetitionCase.received_on, period)
        | _between(replied, period)
        | _between(PetitionCase.handle_due, period)
    )
    row = session.execute(scoped_cases(session, stmt, ids)).one()
    opened, closed, closed_on_time, due_on_time, due_late, due_overdue = (int(v) for v in row)
    counts = CaseCounts(opened, closed, closed_on_time, due_overdue)
    return counts, Rate(due_on_time, due_on_time + due_late + due_overdue)


def _timely_acceptance(session: Session, period: Period, ids: ScopeIds, today: dt.date) -> Rate:
    timely, due = timely_acceptance_terms(today)
    stmt = (
        select(count_if(timely), count_if(due))
        .select_from(PetitionCase)
        .where(_between(PetitionCase.decide_due, period))
    )
    numerator, denominator = session.execute(scoped_cases(session, stmt, ids)).one()
    return Rate(int(numerator), int(denominator))


# ---------------------------------------------------------------------------------------------
# Ratings and repeats


def scoped_tickets(session: Session, stmt: Select[Any], ids: ScopeIds) -> Select[Any]:
    """``stmt`` over tickets kept to ``ids`` (a unit's: the tickets of visits its cases came
    from; a township's: those of its residents' visits)."""
    if ids.window_id is not None:
        stmt = stmt.where(Ticket.window_id == ids.window_id)
    if ids.unit_id is not None:
        stmt = stmt.join(PetitionCase, PetitionCase.visit_id == Ticket.visit_id).where(
            PetitionCase.unit_id == ids.unit_id
        )
    if ids.township is not None:
        stmt = stmt.join(Visit, Visit.id == Ticket.visit_id).where(Visit.township == ids.township)
    return stmt


def rating_terms(now: dt.datetime) -> tuple[ColumnElement[bool], ...]:
    """Rated; unrated with the rating window passed; rated 满意 or 基本满意."""
    rated = Satisfaction.ticket_id.is_not(None)
    return (
        rated,
        ~rated & (Ticket.finished_at <= now - EVALUATOR_TIMEOUT),
        Satisfaction.score.in_((SATISFIED, BASIC)),
    )


def _ratings(session: Session, period: Period, ids: ScopeIds, now: dt.datetime) -> dict[str, Rate]:
    if counted_by_day(ids):
        rated_count, lapsed_count, content_count = _ratings_by_day(session, period, ids, now)
    else:
        rated_count, lapsed_count, content_count = _ratings_by_ticket(session, period, ids, now)
    return {
        d.PARTICIPATION: Rate(rated_count, rated_count + lapsed_count),
        d.SATISFACTION: Rate(content_count, rated_count),
    }


def _ratings_by_ticket(
    session: Session, period: Period, ids: ScopeIds, now: dt.datetime
) -> tuple[int, int, int]:
    """Rated, unrated with the window passed, and content, over the period's tickets."""
    rated, lapsed, content = rating_terms(now)
    stmt = (
        select(count_if(rated), count_if(lapsed), count_if(content))
        .select_from(Ticket)
        # No rating precedes its service: bounding the ratings to the period's start lets the
        # join read the period's ratings (an index on rated_at) instead of every rating ever.
        .outerjoin(
            Satisfaction,
            (Satisfaction.ticket_id == Ticket.id) & (Satisfaction.rated_at >= period.since),
        )
        .where(
            Ticket.status == TicketStatus.FINISHED,
            Ticket.service_date >= period.first,
            Ticket.service_date <= period.last,
        )
    )
    rated_count, lapsed_count, content_count = (
        int(v) for v in session.execute(scoped_tickets(session, stmt, ids)).one()
    )
    return rated_count, lapsed_count, content_count


def _ratings_by_day(
    session: Session, period: Period, ids: ScopeIds, now: dt.datetime
) -> tuple[int, int, int]:
    """The same from the days' counts: the unrated whose window has passed are the unrated
    less those finished within the window (or at no recorded time), which are few and found
    by the time they finished."""
    finished, rated, content = rating_counts(session, period, ids)
    still_open = (
        select(func.count())
        .select_from(Ticket)
        .outerjoin(Satisfaction, Satisfaction.ticket_id == Ticket.id)
        .where(
            Ticket.status == TicketStatus.FINISHED,
            Ticket.service_date >= period.first,
            Ticket.service_date <= period.last,
            Satisfaction.ticket_id.is_(None),
            Ticket.finished_at.is_(None) | (Ticket.finished_at > now - EVALUATOR_TIMEOUT),
        )
    )
    if ids.window_id is not None:
        still_open = still_open.where(Ticket.window_id == ids.window_id)
    waiting = int(session.scalar(still_open) or 0)
    return rated, finished - rated - waiting, content


def _repeats(session: Session, period: Period, ids: ScopeIds) -> int:
    """Visits and letters of the period linked to a matter the petitioner already had."""
    visits = (
        select(func.count())
        .select_from(CaseLink)
        .join(Visit, Visit.id == CaseLink.visit_id)
        .join(PetitionCase, PetitionCase.id == CaseLink.case_id)
        .where(Visit.created_at >= period.since, Visit.created_at < period.until)
    )
    if ids.window_id is not None:
        visits = visits.where(Visit.window_id == ids.window_id)
    letters = (
        select(func.count())
        .select_from(CaseLetter)
        .join(PetitionCase, PetitionCase.id == CaseLetter.case_id)
        .where(CaseLetter.repeat, _between(CaseLetter.received_on, period))
    )
    if ids.window_id is not None and ids.window_id != _letters_window_id(session):
        letters = letters.where(false())
    total = 0
    for stmt in (visits, letters):
        if ids.unit_id is not None:
            stmt = stmt.where(PetitionCase.unit_id == ids.unit_id)
        if ids.township is not None:
            stmt = stmt.join(Visitor, Visitor.id == PetitionCase.visitor_id).where(
                Visitor.township == ids.township
            )
        total += int(session.scalar(stmt) or 0)
    return total
