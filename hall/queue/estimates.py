"""How long a visitor will wait, and how many were called in time.

The estimate is the one queue systems print on the ticket: people ahead ÷ seats open × the
window's recent average service time. Seats open are the seats that called at the window in the
last hour (all its seats before the first call of the day); the average is over its last
finished services of the past month, or the hall's default until it has any.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import ServiceWindow, Ticket
from hall import clock, settings
from hall.queue.lists import people_ahead, waiting_count
from hall.queue.tickets import FINISHED, WindowQueue, window_by_code

# Enough services to smooth one long case out, few enough to follow the day's pace.
RECENT_SERVICES = 20
RECENT_DAYS = 30
SEAT_WINDOW = dt.timedelta(hours=1)


@dataclass(frozen=True)
class WaitEstimate:
    """An estimated wait: ``minutes`` is what the visitor is told (rounded up)."""

    ahead: int
    seats: int
    minutes_per_visitor: float
    minutes: int

    @property
    def text(self) -> str:
        if self.ahead == 0:
            return "前面无人等候，请留意叫号"
        return f"前面还有 {self.ahead} 人，预计等候约 {self.minutes} 分钟"


@dataclass(frozen=True)
class ServiceLevel:
    """Today's calls at a window and how many came within its service-level target."""

    window: str
    target_minutes: int
    within: int
    called: int
    window_title: str = ""  # "A 法律服务", for the leader's screen

    @property
    def share(self) -> float | None:
        return self.within / self.called if self.called else None

    @property
    def text(self) -> str:
        share = self.share
        shown = "—" if share is None else f"{share:.0%}"
        return f"{shown}（{self.within}/{self.called}，{self.target_minutes} 分钟内叫号）"


def average_service_minutes(
    session: Session, window: ServiceWindow, day: dt.date, default: int | None = None
) -> float:
    """The window's average service time over its last finished services (call to finish);
    ``default`` (read from the settings when not given) until it has any."""
    rows = session.execute(
        select(Ticket.called_at, Ticket.finished_at)
        .where(
            Ticket.window_id == window.id,
            Ticket.service_date <= day,
            Ticket.service_date > day - dt.timedelta(days=RECENT_DAYS),
            Ticket.status == FINISHED,
            Ticket.called_at.is_not(None),
        )
        .order_by(Ticket.service_date.desc(), Ticket.finished_at.desc())
        .limit(RECENT_SERVICES)
    ).all()
    spans: list[float] = [
        (end - begin).total_seconds() / 60 for begin, end in rows if begin and end
    ]
    if not spans:
        if default is None:
            default = settings.get(session, settings.DEFAULT_SERVICE_MINUTES)
        return float(default)
    return sum(spans) / len(spans)


def seats_open(session: Session, window: ServiceWindow, now: dt.datetime) -> int:
    """Seats that called at the window in the last hour; all its seats before any call."""
    seats = session.scalars(
        select(func.coalesce(Ticket.seat, 0))
        .where(
            Ticket.window_id == window.id,
            Ticket.service_date == now.date(),
            Ticket.called_at >= now - SEAT_WINDOW,
        )
        .distinct()
    ).all()
    return min(len(seats), window.seat_count) or max(window.seat_count, 1)


def _estimate(
    session: Session, window: ServiceWindow, ahead: int, now: dt.datetime
) -> WaitEstimate:
    seats = seats_open(session, window, now)
    per_visitor = average_service_minutes(session, window, now.date())
    return WaitEstimate(ahead, seats, per_visitor, math.ceil(ahead / seats * per_visitor))


def ticket_wait(session: Session, ticket: Ticket, now: dt.datetime | None = None) -> WaitEstimate:
    """The wait of a waiting ticket (for its receipt and the front desk's look-up)."""
    return _estimate(session, ticket.window, people_ahead(session, ticket), now or clock.now())


def newcomer_wait(
    session: Session, window_code: str, now: dt.datetime | None = None
) -> WaitEstimate:
    """The wait of a visitor taking a number at the window now (for the display)."""
    now = now or clock.now()
    window = window_by_code(session, window_code)
    return _estimate(session, window, waiting_count(session, window_code, now.date()), now)


def newcomer_waits(
    session: Session, queues: Sequence[WindowQueue], now: dt.datetime | None = None
) -> dict[str, WaitEstimate]:
    """:func:`newcomer_wait` of each window of ``queues`` (today's, from :func:`status`), in
    a handful of queries rather than a few per window: the calling display asks on every call."""
    now = now or clock.now()
    codes = [q.code for q in queues]
    windows = {
        w.code: w
        for w in session.scalars(select(ServiceWindow).where(ServiceWindow.code.in_(codes)))
    }
    called_seats: dict[int, int] = {
        window_id: count
        for window_id, count in session.execute(
            select(Ticket.window_id, func.count(func.distinct(func.coalesce(Ticket.seat, 0))))
            .where(
                Ticket.window_id.in_([w.id for w in windows.values()]),
                Ticket.service_date == now.date(),
                Ticket.called_at >= now - SEAT_WINDOW,
            )
            .group_by(Ticket.window_id)
        )
    }
    default = settings.get(session, settings.DEFAULT_SERVICE_MINUTES)
    waits: dict[str, WaitEstimate] = {}
    for q in queues:
        window = windows[q.code]
        seats = min(called_seats.get(window.id, 0), window.seat_count) or max(window.seat_count, 1)
        per_visitor = average_service_minutes(session, window, now.date(), default)
        waits[q.code] = WaitEstimate(
            q.waiting, seats, per_visitor, math.ceil(q.waiting / seats * per_visitor)
        )
    return waits


def service_level(session: Session, window_code: str, day: dt.date) -> ServiceLevel:
    """The share of the day's calls at the window made within its service-level target
    (the window's own, else the hall's), for the leader's screen."""
    # The figures package is the leaders'; importing it here, not at the top, keeps a
    # hardware caller's `hall-admin queue call` from loading all of it.
    from hall.figures.work import service_target

    window = window_by_code(session, window_code)
    target = service_target(session, window.code)
    rows = session.execute(
        select(Ticket.queued_at, Ticket.called_at).where(
            Ticket.window_id == window.id,
            Ticket.service_date == day,
            Ticket.called_at.is_not(None),
        )
    ).all()
    limit = dt.timedelta(minutes=target)
    within = sum(1 for queued, called in rows if called is not None and called - queued <= limit)
    return ServiceLevel(window.code, target, within, len(rows), f"{window.letter} {window.name}")


def service_levels(session: Session, day: dt.date) -> list[ServiceLevel]:
    """:func:`service_level` of every open window, in the hall's order."""
    windows = session.scalars(
        select(ServiceWindow).where(ServiceWindow.enabled).order_by(ServiceWindow.sort_order)
    ).all()
    return [service_level(session, w.code, day) for w in windows]
