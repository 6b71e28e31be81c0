"""The circuit court's figures for any period, as the hall reports them.

What each figure counts, over the days from ``first`` to ``last`` (both included):

* received (接待来访群众, 人次): visits that reached the court in the period — handed over by
  a window, or served at the court's own window in the queue; a visit that was both counts
  once, and a ticket issued without a visit (a kiosk ticket) counts as one person;
* handled (办理事项, 件): hand-offs the court accepted, each opening a court file;
* registered (立案): files registered (立案) in the period, also split by track;
* closed (结案): files closed in the period, split by outcome;
* mediated (调解结案): of those, the ones ended by a mediation agreement — mediated (调解书 or
  transcript) or judicially confirmed (司法确认);
* mediation rate (调解率): mediated / closed, as court statistics reckon it;
* converted (转换程序) and extended (延长审理期限): files whose procedure was changed, and files
  whose trial limit was extended with approval, in the period (:mod:`hall.court_limits`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import distinct, func, select, union
from sqlalchemy.orm import Session

from db.court_limit_models import CONVERSION, EXTENSION, CourtLimitChange
from db.court_models import OUTCOME_NAMES, OUTCOMES, TRACK_NAMES, TRACKS, CourtCase, CourtHandoff
from db.models import ServiceWindow, Ticket
from db.states import CourtOutcome
from hall.court import COURT_WINDOW
from hall.errors import InvalidInput

BY_MEDIATION = (CourtOutcome.MEDIATED, CourtOutcome.CONFIRMED)


@dataclass(frozen=True)
class CourtFigures:
    first: dt.date
    last: dt.date
    received: int
    handled: int
    registered: int
    closed: int
    mediated: int
    # Track and outcome names (小额诉讼程序, 调解结案, …) to counts, every one listed.
    by_track: dict[str, int]
    by_outcome: dict[str, int]
    converted: int
    extended: int

    @property
    def mediation_rate(self) -> float | None:
        """Mediated / closed; None when nothing was closed."""
        return self.mediated / self.closed if self.closed else None

    @property
    def mediation_rate_text(self) -> str:
        rate = self.mediation_rate
        return "—" if rate is None else f"{rate:.1%}"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["first"] = self.first.isoformat()
        data["last"] = self.last.isoformat()
        data["mediation_rate"] = self.mediation_rate
        return data


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def figures(session: Session, first: dt.date, last: dt.date) -> CourtFigures:
    if last < first:
        raise InvalidInput("统计的结束日期不能早于开始日期。", "last")
    since, until = _start(first), _start(last + dt.timedelta(days=1))
    handed = select(CourtHandoff.visit_id.label("visit_id")).where(
        CourtHandoff.handed_at >= since, CourtHandoff.handed_at < until
    )
    served = (
        select(Ticket.visit_id.label("visit_id"))
        .join(ServiceWindow, Ticket.window_id == ServiceWindow.id)
        .where(
            ServiceWindow.code == COURT_WINDOW,
            Ticket.started_at >= since,
            Ticket.started_at < until,
        )
    )
    visits = union(handed, served.where(Ticket.visit_id.is_not(None))).subquery()
    received = session.scalar(select(func.count(distinct(visits.c.visit_id)))) or 0
    received += (
        session.scalar(
            select(func.count()).select_from(served.where(Ticket.visit_id.is_(None)).subquery())
        )
        or 0
    )
    handled = (
        session.scalar(
            select(func.count()).where(CourtCase.opened_at >= since, CourtCase.opened_at < until)
        )
        or 0
    )
    registered_rows: dict[str | None, int] = {
        track: count
        for track, count in session.execute(
            select(CourtCase.track, func.count())
            .where(CourtCase.registered_on >= first, CourtCase.registered_on <= last)
            .group_by(CourtCase.track)
        )
    }
    closed_rows: dict[str | None, int] = {
        outcome: count
        for outcome, count in session.execute(
            select(CourtCase.outcome, func.count())
            .where(CourtCase.closed_on >= first, CourtCase.closed_on <= last)
            .group_by(CourtCase.outcome)
        )
    }
    limit_rows: dict[str, int] = {
        kind: count
        for kind, count in session.execute(
            select(CourtLimitChange.kind, func.count(distinct(CourtLimitChange.case_id)))
            .where(CourtLimitChange.decided_on >= first, CourtLimitChange.decided_on <= last)
            .group_by(CourtLimitChange.kind)
        )
    }
    return CourtFigures(
        first=first,
        last=last,
        received=received,
        handled=handled,
        registered=sum(registered_rows.values()),
        closed=sum(closed_rows.values()),
        mediated=sum(closed_rows.get(o, 0) for o in BY_MEDIATION),
        by_track={TRACK_NAMES[t]: registered_rows.get(t, 0) for t in TRACKS},
        by_outcome={OUTCOME_NAMES[o]: closed_rows.get(o, 0) for o in OUTCOMES},
        converted=limit_rows.get(CONVERSION, 0),
        extended=limit_rows.get(EXTENSION, 0),
    )
