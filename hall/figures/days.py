"""The visits' and tickets' daily counts (``figure_visit_day``, ``figure_township_day``,
``figure_ticket_day``, ``figure_wait_day``, ``figure_officer_day``), which database triggers
keep equal to the rows in every writer's transaction: for the hall and for one window, a
period's visits and tickets are counted by adding up its days' rows — a few thousand for a
year — instead of reading each one. A township's or a unit's figures are not in the days'
rows and still count the visits and tickets themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.figure_models import OfficerDay, RatingDay, TicketDay, TownshipDay, VisitDay, WaitDay
from db.models import User
from hall.figures.base import ScopeIds, as_date, count_if
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


def ticket_windows(session: Session, period: Period, ids: ScopeIds) -> Iterator[tuple[Any, ...]]:
    """Per window with tickets in the period: (window id, tickets, served, no-shows, called,
    waits' µs, longest wait's µs, finished services, their µs, days with a service)."""
    stmt = select(
        TicketDay.window_id,
        func.sum(TicketDay.tickets),
        func.sum(TicketDay.served),
        func.sum(TicketDay.no_show),
        func.sum(TicketDay.called),
        func.sum(TicketDay.wait_us),
        func.max(TicketDay.longest_us),
        func.sum(TicketDay.services),
        func.sum(TicketDay.service_us),
        count_if(TicketDay.served > 0),
    ).group_by(TicketDay.window_id)
    for row in session.execute(_within(stmt, TicketDay, period, ids)):
        # A day's row falls to zero when its tickets were moved away; it counts nothing.
        if row[1]:
            yield tuple(row)


def calls_by_wait(
    session: Session, period: Period, ids: ScopeIds
) -> Iterator[tuple[int, int, int]]:
    """(window id, wait in whole minutes rounded up, calls) of the period's called tickets."""
    stmt = select(WaitDay.window_id, WaitDay.minutes, func.sum(WaitDay.called)).group_by(
        WaitDay.window_id, WaitDay.minutes
    )
    for window_id, minutes, called in session.execute(_within(stmt, WaitDay, period, ids)):
        yield int(window_id), int(minutes), int(called)


def officer_services(
    session: Session, period: Period, ids: ScopeIds
) -> Iterator[tuple[str, int, int, int]]:
    """(officer's name, services finished, those timed, their µs) of each officer who served in
    the period, the most services first."""
    served = func.sum(OfficerDay.served)
    stmt = (
        select(User.name, served, func.sum(OfficerDay.services), func.sum(OfficerDay.service_us))
        .join(User, User.id == OfficerDay.officer_id)
        .group_by(User.id, User.name)
        .having(served > 0)
        .order_by(served.desc(), User.name)
    )
    for name, count, services, service_us in session.execute(
        _within(stmt, OfficerDay, period, ids)
    ):
        yield name, int(count), int(services), int(service_us)
