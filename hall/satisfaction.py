"""The visitor's rating of a service (满意 / 基本满意 / 不满意), and the figures made of them.

A service is rated once, when it is finished: by the officer choosing what the visitor said,
or by the visitor pressing it on the evaluator (a small visitor-facing window, a tablet, or
``hall-admin queue rate`` driven by a hardware rating pad). A finished service nobody rated
stays unrated and is counted as such: 参评率 is the share of finished services rated, 满意率
the share of ratings that are 满意 or 基本满意.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import ServiceWindow, Ticket, User
from db.states import TicketStatus
from db.window_models import (
    BASIC,
    BY_VISITOR,
    DISSATISFIED,
    RATING_SOURCE_NAMES,
    SATISFIED,
    SCORE_NAMES,
    Satisfaction,
)
from hall import clock, queue
from hall.errors import IllegalTransition, InvalidInput, NotFound

SCORES = (SATISFIED, BASIC, DISSATISFIED)
# The evaluator offers the buttons for the ticket a seat finished last, until the seat calls
# its next visitor or this long has passed: a visitor who walked away is not asked for ever.
EVALUATOR_TIMEOUT = dt.timedelta(minutes=10)


def parse_score(text: str) -> str:
    """A score from its code (satisfied, basic, dissatisfied) or its Chinese name."""
    value = text.strip()
    if value in SCORE_NAMES:
        return value
    for code, name in SCORE_NAMES.items():
        if value == name:
            return code
    choices = "、".join(SCORE_NAMES.values())
    raise InvalidInput(f"评价“{text}”无效，应为：{choices}。", "score")


def rating_of(session: Session, ticket_id: int) -> Satisfaction | None:
    return session.get(Satisfaction, ticket_id)


def rate(
    session: Session,
    ticket_id: int,
    score: str,
    source: str = BY_VISITOR,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Satisfaction:
    """Record the rating of a finished service. ``score`` is a code or its Chinese name;
    ``source`` says who pressed it (the visitor, or the officer choosing what they said)."""
    now = now or clock.now()
    code = parse_score(score)
    if source not in RATING_SOURCE_NAMES:
        raise InvalidInput(f"评价来源“{source}”无效。", "source")
    # The ticket's row lock makes the officer's choice and the visitor's press, made at the
    # same moment, take turns: the second finds the first.
    ticket = session.get(Ticket, ticket_id, with_for_update={"of": Ticket}, populate_existing=True)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    if ticket.status != TicketStatus.FINISHED:
        raise IllegalTransition(
            f"{ticket.number} 号当前状态为“{queue.STATUS_NAMES[ticket.status]}”，"
            "只有办结的服务才能评价。"
        )
    existing = rating_of(session, ticket.id)
    if existing is not None:
        raise IllegalTransition(
            f"{ticket.number} 号已评价为“{SCORE_NAMES[existing.score]}”"
            f"（{RATING_SOURCE_NAMES[existing.source]}），不能重复评价。"
        )
    rating = Satisfaction(
        ticket_id=ticket.id,
        visit_id=ticket.visit_id,
        window_id=ticket.window_id,
        score=code,
        source=source,
        rated_at=now,
        rated_by=actor.id if actor else None,
    )
    session.add(rating)
    session.flush()
    events.append(
        session,
        EventKind.TICKET_RATED,
        "ticket",
        ticket.id,
        now,
        actor.id if actor else None,
        {
            "number": ticket.number,
            "window": ticket.window.code,
            "status": ticket.status,
            "seat": ticket.seat,
            "score": code,
            "source": source,
        },
    )
    return rating


def awaiting(
    session: Session, window_code: str, seat: int | None, now: dt.datetime | None = None
) -> queue.TicketView | None:
    """The service the evaluator at this window's seat asks about: the seat's last ticket of
    today, if it is finished, unrated, and finished within :data:`EVALUATOR_TIMEOUT`."""
    now = now or clock.now()
    window = queue.window_by_code(session, window_code)
    stmt = select(Ticket).where(
        Ticket.window_id == window.id,
        Ticket.service_date == now.date(),
        Ticket.called_at.is_not(None),
    )
    stmt = stmt.where(Ticket.seat.is_(None) if seat is None else Ticket.seat == seat)
    last = session.scalar(stmt.order_by(Ticket.called_at.desc(), Ticket.id.desc()).limit(1))
    if last is None or last.status != TicketStatus.FINISHED or last.finished_at is None:
        return None
    if now - last.finished_at > EVALUATOR_TIMEOUT or rating_of(session, last.id) is not None:
        return None
    return queue.view(last)


@dataclass(frozen=True)
class RatingFigures:
    """One window's ratings over a period (or the hall's, with ``window`` empty)."""

    window: str
    window_name: str
    finished: int
    satisfied: int
    basic: int
    dissatisfied: int
    by_visitor: int

    @property
    def rated(self) -> int:
        return self.satisfied + self.basic + self.dissatisfied

    @property
    def unrated(self) -> int:
        return self.finished - self.rated

    @property
    def participation(self) -> float | None:
        """参评率: the share of finished services that were rated."""
        return self.rated / self.finished if self.finished else None

    @property
    def satisfaction(self) -> float | None:
        """满意率: the share of ratings that are 满意 or 基本满意."""
        return (self.satisfied + self.basic) / self.rated if self.rated else None


def figures(session: Session, start: dt.date, end: dt.date) -> list[RatingFigures]:
    """Every window's ratings of the services finished from ``start`` to ``end`` (inclusive),
    then the hall's total (``window`` empty)."""
    finished: dict[int, int] = {
        window_id: count
        for window_id, count in session.execute(
            select(Ticket.window_id, func.count())
            .where(
                Ticket.status == TicketStatus.FINISHED,
                Ticket.service_date >= start,
                Ticket.service_date <= end,
            )
            .group_by(Ticket.window_id)
        )
    }
    scores: dict[tuple[int, str], int] = {}
    visitor: dict[int, int] = {}
    for window_id, score, source, count in session.execute(
        select(Satisfaction.window_id, Satisfaction.score, Satisfaction.source, func.count())
        .join(Ticket, Ticket.id == Satisfaction.ticket_id)
        .where(Ticket.service_date >= start, Ticket.service_date <= end)
        .group_by(Satisfaction.window_id, Satisfaction.score, Satisfaction.source)
    ):
        scores[(window_id, score)] = scores.get((window_id, score), 0) + count
        if source == BY_VISITOR:
            visitor[window_id] = visitor.get(window_id, 0) + count
    result = []
    for window in session.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order)):
        result.append(
            RatingFigures(
                window=window.code,
                window_name=window.name,
                finished=finished.get(window.id, 0),
                satisfied=scores.get((window.id, SATISFIED), 0),
                basic=scores.get((window.id, BASIC), 0),
                dissatisfied=scores.get((window.id, DISSATISFIED), 0),
                by_visitor=visitor.get(window.id, 0),
            )
        )
    result.append(
        RatingFigures(
            window="",
            window_name="全大厅",
            finished=sum(f.finished for f in result),
            satisfied=sum(f.satisfied for f in result),
            basic=sum(f.basic for f in result),
            dissatisfied=sum(f.dissatisfied for f in result),
            by_visitor=sum(f.by_visitor for f in result),
        )
    )
    return result
