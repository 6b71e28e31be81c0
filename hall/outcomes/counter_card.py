"""The visitor at the counter: their card and their earlier visits, confidentiality applied
and every opening of an accusation logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ServiceWindow, User, Visit
from db.window_models import (
    OUTCOME_NAMES,
    SCORE_NAMES,
    Satisfaction,
    ServiceRecord,
)
from hall import cases, clock, court
from hall import confidentiality as secrecy
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import NotFound
from hall.masking import mask_id_number
from hall.outcomes.entries import (
    HISTORY_LIMIT,
)

# ---------------------------------------------------------------------------------------------
# The visitor at the counter


@dataclass(frozen=True)
class HistoryEntry:
    """One earlier visit of the visitor, as the officer sees it while serving."""

    visit_id: int
    code: str
    created_at: dt.datetime
    purpose: str
    window_name: str
    summary: str
    outcomes: str
    rating: str
    confidential: bool
    withheld: bool


@dataclass(frozen=True)
class VisitCard:
    """The visit at the counter: the registration and the visitor's history. For a viewer who
    may not read an accusation, ``withheld`` is true and its content is blanked."""

    visit_id: int
    code: str
    visitor_id: int
    name: str
    gender: str
    id_number: str  # masked: first 6 and last 4
    phone: str
    address: str
    township: str
    village: str
    channel: str
    proxy_name: str
    purpose: str
    purpose_code: str
    group_size: int
    representatives: tuple[str, ...]
    litigation: bool
    urgent: bool
    summary: str
    request: str
    facts: str
    reasons: str
    confidential: bool
    withheld: bool
    registered_at: dt.datetime
    open_cases: tuple[str, ...]
    history: tuple[HistoryEntry, ...]


def _outcome_lines(session: Session, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    rows = session.execute(
        select(ServiceRecord.visit_id, ServiceRecord.outcome, ServiceWindow.name)
        .join(ServiceWindow, ServiceWindow.id == ServiceRecord.window_id)
        .where(ServiceRecord.visit_id.in_(visit_ids))
        .order_by(ServiceRecord.recorded_at, ServiceRecord.id)
    )
    for visit_id, outcome, window_name in rows:
        lines.setdefault(visit_id, []).append(f"{window_name}：{OUTCOME_NAMES[outcome]}")
    return lines


def _ratings(session: Session, visit_ids: Sequence[int]) -> dict[int, str]:
    rows = session.execute(
        select(Satisfaction.visit_id, Satisfaction.score)
        .where(Satisfaction.visit_id.in_(visit_ids))
        .order_by(Satisfaction.rated_at)
    )
    return {visit_id: SCORE_NAMES[score] for visit_id, score in rows if visit_id is not None}


def history(
    session: Session,
    visitor_id: int,
    viewer: User | None,
    now: dt.datetime | None = None,
    exclude: int | None = None,
    limit: int = HISTORY_LIMIT,
) -> list[HistoryEntry]:
    """The visitor's visits, newest first, with what each came to. An accusation's content is
    shown to those allowed, and each one opened is logged."""
    now = now or clock.now()
    stmt = select(Visit).where(Visit.visitor_id == visitor_id)
    if exclude is not None:
        stmt = stmt.where(Visit.id != exclude)
    visits = session.scalars(
        stmt.order_by(Visit.created_at.desc(), Visit.id.desc()).limit(limit)
    ).all()
    ids = [v.id for v in visits]
    outcomes = _outcome_lines(session, ids)
    ratings = _ratings(session, ids)
    windows = {w.id: w.name for w in session.scalars(select(ServiceWindow))}
    allowed = secrecy.may_read(viewer)
    secret = secrecy.confidential_ids(session, visits)
    entries = []
    for visit in visits:
        confidential = visit.id in secret
        if confidential:
            secrecy.log_access(session, visit, allowed, "history", viewer, now)
        court_line = court.court_status(session, visit.id)
        lines = outcomes.get(visit.id, [])
        if court_line is not None:
            lines.append(court_line.line)
        entries.append(
            HistoryEntry(
                visit_id=visit.id,
                code=visit.code,
                created_at=visit.created_at,
                purpose=PURPOSES.get(visit.purpose, visit.purpose),
                window_name=windows.get(visit.window_id, ""),
                summary=cases.WITHHELD if confidential and not allowed else visit.summary,
                outcomes="；".join(lines),
                rating=ratings.get(visit.id, ""),
                confidential=confidential,
                withheld=confidential and not allowed,
            )
        )
    return entries


def open_visit(
    session: Session, visit_id: int, viewer: User | None, now: dt.datetime | None = None
) -> VisitCard:
    """The visit at the counter for ``viewer``: call it in a writing unit of work, once per
    visitor called, so that opening an accusation is logged."""
    now = now or clock.now()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    confidential = secrecy.is_confidential(session, visit)
    withheld = confidential and not secrecy.may_read(viewer)
    if confidential:
        secrecy.log_access(session, visit, not withheld, "counter", viewer, now)
    visitor = visit.visitor

    def secret(value: str) -> str:
        return cases.WITHHELD if withheld and value else value

    open_cases = tuple(
        f"{m.number}（{m.state_name}）" for m in cases.open_matters(session, visitor.id, now.date())
    )
    return VisitCard(
        visit_id=visit.id,
        code=visit.code,
        visitor_id=visitor.id,
        name=visitor.name,
        gender=visitor.gender,
        id_number=mask_id_number(visitor.id_number),
        phone="" if withheld else visitor.phone,
        address=secret(
            "".join(p for p in (visitor.township, visitor.village, visitor.address) if p)
        ),
        township="" if withheld else visitor.township,
        village="" if withheld else visitor.village,
        channel=CHANNELS.get(visit.channel, visit.channel),
        proxy_name=visit.proxy_name,
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        purpose_code=visit.purpose,
        group_size=visit.group_size,
        representatives=tuple(r.name for r in visit.representatives),
        litigation=visit.litigation,
        urgent=visit.urgent,
        summary=secret(visit.summary),
        request=secret(visit.request),
        facts=secret(visit.facts),
        reasons=secret(visit.reasons),
        confidential=confidential,
        withheld=withheld,
        registered_at=visit.created_at,
        open_cases=open_cases,
        history=tuple(history(session, visitor.id, viewer, now, exclude=visit.id)),
    )
