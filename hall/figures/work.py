"""窗口效能, 法庭 and 督办: the queue's figures per window and officer, the circuit court's
figures (:mod:`hall.court_figures`, with the days a mediation took), and supervision orders
with the units ranked by overdue cases and by complaints."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from db.case_models import PetitionCase, ResponsibleUnit, SupervisionOrder
from db.court_models import CourtCase, CourtHandoff
from db.models import ServiceWindow, Ticket, User
from db.states import CaseDecision, OrderState, TicketStatus
from db.window_models import Complaint, ServiceRecord
from hall import clock, court_figures, settings
from hall.figures import days as day_rows
from hall.figures.base import (
    ALL_HALL,
    Rate,
    Scope,
    ScopeIds,
    count_if,
    days_between,
    microseconds_between,
    resolve,
)
from hall.figures.days import counted_by_day
from hall.figures.overview import scoped_tickets
from hall.figures.periods import Period

# A window's working day, for throughput per hour: the hall's opening hours.
HOURS_PER_DAY = 8
MINUTE_US = 60_000_000
SERVICE_TARGET_MINUTES: settings.Setting[int] = settings.Setting(
    "service_target_minutes", 15, "叫号服务时限（分钟，取号后在此时间内叫号为按时）"
)


def window_target(window_code: str) -> settings.Setting[int]:
    """A window's own service-level target; 0 (the default) follows the hall's."""
    return settings.Setting(
        f"service_target_minutes:{window_code}", 0, "本窗口叫号服务时限（分钟，0 为按全大厅）"
    )


def service_target(session: Session, window_code: str) -> int:
    own = settings.get(session, window_target(window_code))
    return own or settings.get(session, SERVICE_TARGET_MINUTES)


@dataclass(frozen=True)
class QueueLine:
    """One window's queue over the period (the hall's when ``window`` is empty). Times are in
    minutes, None when nothing was timed."""

    window: str
    window_name: str
    tickets: int
    served: int
    no_show: Rate
    average_wait: float | None
    max_wait: float | None
    average_service: float | None
    within_target: Rate
    per_hour: float | None


@dataclass(frozen=True)
class OfficerLine:
    officer: str
    served: int
    average_service: float | None


@dataclass(frozen=True)
class QueueFigures:
    period: Period
    scope: Scope
    # Each window's line in the hall's order, then the hall's.
    windows: list[QueueLine]
    officers: list[OfficerLine]


def _minutes(seconds: object) -> float | None:
    return None if seconds is None else round(float(str(seconds)) / 60, 1)


def _seconds(microseconds: object) -> float | None:
    return None if microseconds is None else float(str(microseconds)) / 1e6


def _when(condition: ColumnElement[bool], value: Any) -> ColumnElement[Any]:
    return case((condition, value))


def queue_figures(session: Session, period: Period, scope: Scope = ALL_HALL) -> QueueFigures:
    """The 窗口效能 tab: every window's tickets, waits, service times and throughput, then the
    hall's, then each officer's services."""
    ids = resolve(session, scope)
    windows = list(session.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order)))
    hall_target = settings.get(session, SERVICE_TARGET_MINUTES)
    targets = {w.id: service_target(session, w.code) for w in windows}

    def scoped(stmt: Select[Any]) -> Select[Any]:
        stmt = stmt.where(Ticket.service_date >= period.first, Ticket.service_date <= period.last)
        return scoped_tickets(session, stmt, ids)

    if counted_by_day(ids):
        rows = _from_days(session, period, ids, targets, hall_target)
        officers = [_officer(*line) for line in day_rows.officer_services(session, period, ids)]
    else:
        rows = _ticket_by_ticket(session, scoped, targets, hall_target)
        officers = _officers(session, scoped)
    lines = [_line(w.code, w.name, rows[w.id]) for w in windows if w.id in rows]
    # The hall's days are window-days: two windows open one day are two days of service.
    lines.append(_line("", "全大厅", _Sums.total(rows.values())))
    return QueueFigures(period, scope, lines, officers)


@dataclass(frozen=True)
class _Sums:
    """One window's tickets as the database sums them (times in whole microseconds: exact
    whichever way they were added up)."""

    tickets: int
    served: int
    no_show: int
    called: int
    on_time: int
    wait_us: int
    waits: int
    max_wait_us: int | None
    service_us: int
    services: int
    days: int

    @staticmethod
    def of_day(values: Sequence[Any]) -> _Sums:
        """One window's day; a day with a finished service is a day it was open."""
        tickets, served, no_show, called, on_time, wait_us, waits, longest, *service = values
        service_us, services = service
        return _Sums(
            tickets=int(tickets),
            served=int(served),
            no_show=int(no_show),
            called=int(called),
            on_time=int(on_time),
            wait_us=int(wait_us),
            waits=int(waits),
            max_wait_us=None if longest is None else int(longest),
            service_us=int(service_us),
            services=int(services),
            days=1 if served else 0,
        )

    @staticmethod
    def total(windows: Iterable[_Sums]) -> _Sums:
        rows = list(windows)
        longest = [r.max_wait_us for r in rows if r.max_wait_us is not None]
        return _Sums(
            tickets=sum(r.tickets for r in rows),
            served=sum(r.served for r in rows),
            no_show=sum(r.no_show for r in rows),
            called=sum(r.called for r in rows),
            on_time=sum(r.on_time for r in rows),
            wait_us=sum(r.wait_us for r in rows),
            waits=sum(r.waits for r in rows),
            max_wait_us=max(longest) if longest else None,
            service_us=sum(r.service_us for r in rows),
            services=sum(r.services for r in rows),
            days=sum(r.days for r in rows),
        )


def _from_days(
    session: Session, period: Period, ids: ScopeIds, targets: dict[int, int], hall_target: int
) -> dict[int, _Sums]:
    """Each window's sums added up from the days' rows (a year is a few thousand, and the calls
    by wait a few hundred thousand at most) rather than from every ticket."""
    on_time: dict[int, int] = {}
    for window_id, minutes, called in day_rows.calls_by_wait(session, period, ids):
        if minutes <= targets.get(window_id, hall_target):
            on_time[window_id] = on_time.get(window_id, 0) + called
    rows = {}
    for (
        window_id,
        tickets,
        served,
        no_show,
        called,
        wait_us,
        longest,
        *rest,
    ) in day_rows.ticket_windows(session, period, ids):
        services, service_us, days = rest
        rows[window_id] = _Sums(
            tickets=int(tickets),
            served=int(served),
            no_show=int(no_show),
            called=int(called),
            on_time=on_time.get(window_id, 0),
            wait_us=int(wait_us),
            waits=int(called),
            max_wait_us=None if longest is None else int(longest),
            service_us=int(service_us),
            services=int(services),
            days=int(days),
        )
    return rows


def _ticket_by_ticket(
    session: Session, scoped: Any, targets: dict[int, int], hall_target: int
) -> dict[int, _Sums]:
    """Each window's sums counted ticket by ticket: a unit's or a township's tickets are not in
    the days' rows."""
    target = case(
        {window_id: minutes * MINUTE_US for window_id, minutes in targets.items()},
        value=Ticket.window_id,
        else_=hall_target * MINUTE_US,
    )
    wait = microseconds_between(session, Ticket.queued_at, Ticket.called_at)
    service = _when(
        Ticket.status == TicketStatus.FINISHED,
        microseconds_between(session, Ticket.started_at, Ticket.finished_at),
    )
    called = Ticket.called_at.is_not(None)
    # Sums and counts rather than averages, grouped by window and day: a window's line and
    # the hall's are folded from the days' rows (a year is a few thousand), and a day with a
    # finished service is a day the window was open — no DISTINCT, which sorts every ticket.
    measures = (
        func.count(),
        count_if(Ticket.status == TicketStatus.FINISHED),
        count_if(Ticket.status == TicketStatus.NO_SHOW),
        count_if(called),
        count_if(called & (wait <= target)),
        func.coalesce(func.sum(wait), 0),
        func.count(wait),
        func.max(wait),
        func.coalesce(func.sum(service), 0),
        func.count(service),
    )

    days: dict[int, list[_Sums]] = {}
    for row in session.execute(
        scoped(select(Ticket.window_id, *measures).group_by(Ticket.window_id, Ticket.service_date))
    ):
        days.setdefault(row[0], []).append(_Sums.of_day(row[1:]))
    return {window_id: _Sums.total(window_days) for window_id, window_days in days.items()}


def _line(code: str, name: str, row: _Sums) -> QueueLine:
    served, days = int(row.served), int(row.days)
    return QueueLine(
        window=code,
        window_name=name,
        tickets=int(row.tickets),
        served=served,
        no_show=Rate(int(row.no_show), int(row.tickets)),
        average_wait=_minutes(_seconds(row.wait_us / row.waits) if row.waits else None),
        max_wait=_minutes(_seconds(row.max_wait_us)),
        average_service=_minutes(_seconds(row.service_us / row.services) if row.services else None),
        within_target=Rate(int(row.on_time), int(row.called)),
        per_hour=round(served / (days * HOURS_PER_DAY), 2) if days else None,
    )


def _officers(session: Session, scoped: Any) -> list[OfficerLine]:
    service = microseconds_between(session, Ticket.started_at, Ticket.finished_at)
    stmt = (
        select(User.name, func.count(), func.count(service), func.sum(service))
        .select_from(Ticket)
        .join(User, User.id == Ticket.called_by)
        .where(Ticket.status == TicketStatus.FINISHED)
        .group_by(User.id, User.name)
        .order_by(func.count().desc(), User.name)
    )
    return [
        _officer(name, int(count), int(services), int(service_us or 0))
        for name, count, services, service_us in session.execute(scoped(stmt))
    ]


def _officer(name: str, served: int, services: int, service_us: int) -> OfficerLine:
    """An officer's line: the average service from the sum, as the days' rows keep it."""
    return OfficerLine(
        name, served, _minutes(_seconds(service_us / services) if services else None)
    )


# ---------------------------------------------------------------------------------------------
# The court


@dataclass(frozen=True)
class CourtTab:
    figures: court_figures.CourtFigures
    # Days from the hand-off to the mediation agreement, over files closed by mediation.
    average_mediation_days: float | None

    @property
    def mediation_rate(self) -> Rate:
        return Rate(self.figures.mediated, self.figures.closed)


def court(session: Session, period: Period) -> CourtTab:
    """The 法庭 tab (the court is one window: its figures have no other scope)."""
    figures = court_figures.figures(session, period.first, period.last)
    days = days_between(session, CourtHandoff.handed_at, CourtCase.closed_on)
    average = session.scalar(
        select(func.avg(days))
        .select_from(CourtCase)
        .join(CourtHandoff, CourtHandoff.id == CourtCase.handoff_id)
        .where(
            CourtCase.closed_on >= period.first,
            CourtCase.closed_on <= period.last,
            CourtCase.outcome.in_(court_figures.BY_MEDIATION),
        )
    )
    return CourtTab(figures, None if average is None else round(float(average), 1))


# ---------------------------------------------------------------------------------------------
# 督办


@dataclass(frozen=True)
class UnitCount:
    unit: str
    count: int


@dataclass(frozen=True)
class SupervisionFigures:
    period: Period
    issued: int
    replied_on_time: Rate
    escalated: int
    # Units by assigned cases overdue for their closing report today, most first.
    units_by_overdue: list[UnitCount]
    # Units by complaints recorded about them in the period, most first (Art. 41).
    units_by_complaints: list[UnitCount]


def supervision_figures(session: Session, period: Period, today: Any = None) -> SupervisionFigures:
    """The 督办 tab: orders issued in the period, replied on time, escalated; the units ranked."""

    today = today or clock.now().date()
    issued, on_time, escalated = session.execute(
        select(
            func.count(),
            count_if(SupervisionOrder.replied_on <= SupervisionOrder.reply_due),
            count_if(SupervisionOrder.state == OrderState.ESCALATED),
        ).where(
            SupervisionOrder.issued_on >= period.first, SupervisionOrder.issued_on <= period.last
        )
    ).one()
    overdue = session.execute(
        select(ResponsibleUnit.name, func.count())
        .join(PetitionCase, PetitionCase.unit_id == ResponsibleUnit.id)
        .where(
            PetitionCase.decision == CaseDecision.ASSIGNED,
            PetitionCase.closing_report_on.is_(None),
            PetitionCase.assigned_due < today,
        )
        .group_by(ResponsibleUnit.id, ResponsibleUnit.name)
        .order_by(func.count().desc(), ResponsibleUnit.name)
    )
    complained = session.execute(
        select(ResponsibleUnit.name, func.count())
        .join(Complaint, Complaint.unit_id == ResponsibleUnit.id)
        .join(ServiceRecord, ServiceRecord.id == Complaint.record_id)
        .where(ServiceRecord.recorded_at >= period.since, ServiceRecord.recorded_at < period.until)
        .group_by(ResponsibleUnit.id, ResponsibleUnit.name)
        .order_by(func.count().desc(), ResponsibleUnit.name)
    )
    return SupervisionFigures(
        period=period,
        issued=int(issued),
        replied_on_time=Rate(int(on_time), int(issued)),
        escalated=int(escalated),
        units_by_overdue=[UnitCount(name, int(n)) for name, n in overdue],
        units_by_complaints=[UnitCount(name, int(n)) for name, n in complained],
    )
