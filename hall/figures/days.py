"""The visits' daily counts (``figure_visit_day``, ``figure_township_day``), which database
triggers keep equal to the visits in every writer's transaction: for the hall and for one
window, a period's visits are counted by adding up its days' rows — a few thousand for a year —
instead of reading each visit. A township's or a unit's figures are not in the days' rows
and still count the visits themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.figure_models import RatingDay, TownshipDay, VisitDay
from hall.figures.base import ScopeIds, as_date
from hall.figures.periods import Period


def counted_by_day(ids: ScopeIds) -> bool:
    """Whether the days' rows hold the scope's visits: the hall's and a window's do."""
    return ids.unit_id is None and ids.township is None


def _within(stmt: Select[Any], table: Any, period: Period, ids: ScopeIds) -> Select[Any]:
    stmt = stmt.where(table.day >= period.first, table.day <= period.last)
    if ids.window_id is not None:
        stmt = stmt.where(table.window_id == ids.window_id)
    return stmt


def visit_kinds(
    session: Session, period: Period, ids: ScopeIds
) -> Iterator[tuple[str, str, int, int, int, int]]:
    """(channel, purpose, window id, items, people, groups) of the period's visits, each
    combination that has any."""
    stmt = select(
        VisitDay.channel,
        VisitDay.purpose,
        VisitDay.window_id,
        func.sum(VisitDay.items),
        func.sum(VisitDay.people),
        func.sum(VisitDay.group_visits),
    ).group_by(VisitDay.channel, VisitDay.purpose, VisitDay.window_id)
    for channel, purpose, window_id, items, people, groups in session.execute(
        _within(stmt, VisitDay, period, ids)
    ):
        # A day's row falls to zero when its visits were moved away; it counts nothing.
        if items:
            yield channel, purpose, window_id, int(items), int(people), int(groups)


def visit_townships(session: Session, period: Period, ids: ScopeIds) -> Counter[str]:
    """The period's visits per township ('' for none given)."""
    stmt = select(TownshipDay.township, func.sum(TownshipDay.items)).group_by(TownshipDay.township)
    return Counter(
        {
            township: int(items)
            for township, items in session.execute(_within(stmt, TownshipDay, period, ids))
            if items
        }
    )


def visit_days(session: Session, period: Period, ids: ScopeIds) -> Counter[dt.date]:
    """The period's visits per day."""
    stmt = select(VisitDay.day, func.sum(VisitDay.items)).group_by(VisitDay.day)
    return Counter(
        {
            as_date(day): int(items)
            for day, items in session.execute(_within(stmt, VisitDay, period, ids))
            if items
        }
    )


def rating_counts(session: Session, period: Period, ids: ScopeIds) -> tuple[int, int, int]:
    """The period's finished services, how many of them are rated, and how many rated 满意 or
    基本满意 (by the ticket's day and window)."""
    stmt = select(
        func.coalesce(func.sum(RatingDay.finished), 0),
        func.coalesce(func.sum(RatingDay.rated), 0),
        func.coalesce(func.sum(RatingDay.content), 0),
    )
    finished, rated, content = session.execute(_within(stmt, RatingDay, period, ids)).one()
    return int(finished), int(rated), int(content)
